// The authoring screen (issue 14, docs/authoring-window.md), headless over the draw log: opening any
// file or folder, live reload that keeps a playtest (and survives broken, deleted and unreadable
// files), playtests from any node that are never stored, the analysis with links to nodes, and the
// graph view.
#include "app_harness.hpp"

#include <salesdojo/loader.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;
using nlohmann::json;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

json mini() { return json::parse(read(source_path("tests/data/valid/mini.json"))); }

json& node(json& doc, const std::string& id) {
    for (auto& n : doc["nodes"])
        if (n["id"] == id) return n;
    FAIL("no node " << id);
    return doc;
}

Settings english_practice() {
    Settings s;
    s.language = "en";
    s.mode = "practice";
    return s;
}

// Polls the open file until something happened (a change settles over two polls), then draws. (A
// frame may have polled first on a slow machine: the checks after it look at the outcome.)
bool reload(AppHarness& h) {
    for (int i = 0; i < 10; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (h.app->poll_files(true)) {
            h.frames(2);
            return true;
        }
    }
    h.frames(2);
    return false;
}

// Chooses the option with `id` at the current node (and continues past the practice feedback).
void choose(AppHarness& h, const std::string& id) {
    const Run* run = h.app->run();
    REQUIRE(run);
    const std::optional<int> index = run->session.find_choice(id);
    REQUIRE(index);
    h.app->apply(intent::Choose{*index});
    h.app->apply(intent::Continue{});
    h.frame();
}

// Draws frames until Graphviz's layout (made on a thread of its own) has arrived.
void wait_for_layout(AppHarness& h) {
    for (int i = 0; i < 3000 && h.app->author_view().graph().laying_out(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        h.frame();
    }
    REQUIRE_FALSE(h.app->author_view().graph().laying_out());
    h.frames(2);
}

// The App with the mini scenario opened from a temporary folder, through the path field.
struct Authored {
    AppHarness h{AppHarness::bundled(), english_practice(), {1280, 900}};
    std::string path = h.temp().file("mini.json");
    Authored(const json& doc = mini()) {
        write(path, doc.dump(2));
        h.frames(2);
        REQUIRE(h.click("Open a file"));
        REQUIRE(h.app->screen() == Screen::Authoring);
        REQUIRE(h.click("author_path"));
        h.type(path);
        REQUIRE(h.click("Open"));
        h.frames(2);
    }
};

}  // namespace

TEST_CASE("authoring: the path field opens any scenario file, which is remembered as recent") {
    Authored a;
    REQUIRE(a.h.app->authoring().live());
    CHECK(a.h.app->authoring().path() == a.path);
    CHECK(a.h.log.contains("Opened. Save the file in your editor"));
    CHECK(a.h.log.contains("Mini"));
    CHECK(a.h.log.contains("Analysis ("));
    CHECK(a.h.log.contains("Intent mismatches (0)"));
    REQUIRE(a.h.app->authoring().recent().size() == 1);
    CHECK(a.h.app->authoring().recent()[0] == a.path);
    CHECK(a.h.log.find_item("mini.json") != nullptr);  // the recent list's button
}

TEST_CASE("authoring: a file that does not load shows its problems, and opens once fixed") {
    AppHarness h(AppHarness::bundled(), english_practice());
    const std::string path = h.temp().file("mini.json");
    const std::string good = mini().dump(2);
    write(path, good.substr(0, good.size() / 2));
    h.frame();
    h.app->apply(intent::OpenPath{path});
    h.frames(2);
    CHECK(h.app->screen() == Screen::Authoring);
    CHECK_FALSE(h.app->authoring().live());
    CHECK(h.log.contains("This file does not load"));
    CHECK(h.log.contains("error SD1"));  // the diagnostics list (views/diagnostics_view.hpp)
    CHECK(h.log.contains("mini.json:"));  // with file:line
    write(path, good);
    reload(h);
    CHECK(h.app->authoring().live());
    CHECK(h.log.contains("Reloaded."));
}

TEST_CASE("authoring: opening a folder makes its scenarios the home screen's") {
    AppHarness h(AppHarness::bundled(), english_practice(), {1280, 900});
    TempFolder folder;
    write(folder.file("mini.json"), mini().dump());
    h.frame();
    h.app->apply(intent::OpenPath{folder.path().string()});
    for (int i = 0; i < 400 && !h.app->catalogue().loaded(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        h.frame();
    }
    h.frames(3);
    CHECK(h.app->screen() == Screen::Home);
    CHECK(h.app->catalogue().folder == folder.path().string());
    CHECK(h.app->catalogue().entries.size() == 1);
    CHECK(h.log.contains("Mini"));
    CHECK(h.app->authoring().recent().front() == folder.path().string());
}

TEST_CASE("authoring: a playtest from a node is marked, and never stored as an attempt or a saved run") {
    Authored a;
    AppHarness& h = a.h;
    REQUIRE(h.app->results().available());
    h.app->apply(intent::CreateTrainee{"Author"});
    REQUIRE(h.app->results().trainee());
    const std::size_t stored = h.app->results().history().size();
    h.app->apply(intent::PlaytestFrom{"pitch"});
    h.frames(2);
    REQUIRE(h.app->screen() == Screen::Play);
    REQUIRE(h.app->run());
    CHECK(h.app->run()->session.is_playtest());
    CHECK(h.app->run()->session.current().id == "pitch");
    CHECK(h.log.contains("Playtest"));
    CHECK(h.log.contains("from 'pitch': not stored as an attempt."));
    choose(h, "leave");
    REQUIRE(h.app->run()->session.finished());
    h.app->apply(intent::ShowDebrief{});
    h.frames(2);
    CHECK(h.app->screen() == Screen::Debrief);
    CHECK(h.log.contains("from 'pitch': not stored as an attempt."));
    CHECK(h.app->results().history().size() == stored);
    CHECK(h.app->results().saved_runs().empty());
    // Home mid-playtest asks nothing (nothing is kept) and stores nothing.
    h.app->apply(intent::PlaytestFrom{""});
    choose(h, "ask");
    h.app->apply(intent::GoHome{});
    h.frame();
    CHECK_FALSE(h.app->leave_asked());
    CHECK(h.app->screen() == Screen::Home);
    CHECK(h.app->results().saved_runs().empty());
    CHECK(h.app->results().history().size() == stored);
    // The control: a run from the home screen's catalogue is stored in this same window.
    REQUIRE(h.app->command("open=demanding_director"));
    REQUIRE(h.app->command("finish=1"));
    CHECK(h.app->results().history().size() == stored + 1);
}

TEST_CASE("authoring: a save reloads the file and replays the playtest's choices") {
    json doc = mini();
    Authored a(doc);
    AppHarness& h = a.h;
    h.app->apply(intent::PlaytestFrom{""});
    choose(h, "ask");
    REQUIRE(h.app->run()->session.current().id == "pitch");
    node(doc, "pitch")["text"]["en"] = "That's right, and tell me more.";
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write(a.path, doc.dump(2));
    reload(h);
    REQUIRE(h.app->run());
    CHECK(h.app->screen() == Screen::Play);
    CHECK(h.app->run()->session.is_playtest());
    CHECK(h.app->run()->session.decision_count() == 1);
    CHECK(h.app->run()->session.current().text.get("en") == "That's right, and tell me more.");
    CHECK(h.log.contains("Reloaded. 1 choice replayed."));
    CHECK(h.app->authoring().live()->versions_loaded() == 2);

    // A choice the author removed: replayed up to it, the rest dropped, and said so.
    choose(h, "leave");
    REQUIRE(h.app->run()->session.finished());
    node(doc, "pitch")["choices"][1]["id"] = "walk-away";
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write(a.path, doc.dump(2));
    reload(h);
    CHECK(h.app->run()->session.decision_count() == 1);
    CHECK(h.app->run()->session.current().id == "pitch");
    CHECK(h.log.contains("1 choice replayed. 1 dropped from 'leave' on, which no longer applies."));
}

TEST_CASE("authoring: a broken save, a deleted file and an unreadable one keep the last good version playable") {
    json doc = mini();
    Authored a(doc);
    AppHarness& h = a.h;
    h.app->apply(intent::PlaytestFrom{""});
    choose(h, "ask");
    const auto good = h.app->run()->scenario;

    // Replaced mid-write: half a file.
    const std::string text = doc.dump(2);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write(a.path, text.substr(0, text.size() / 3));
    reload(h);
    CHECK(h.log.contains("The last save does not load ("));
    CHECK(h.app->run()->scenario == good);
    CHECK(h.app->run()->session.current().id == "pitch");  // the playthrough is kept
    h.app->apply(intent::ShowAuthoring{});
    h.frames(2);
    CHECK(h.log.contains("Problems ("));
    CHECK(h.log.contains("Shown: the last version that loaded."));
    REQUIRE(h.click("Problems ("));
    CHECK(h.log.contains("error SD1"));
    REQUIRE(h.click("Back to the playtest"));
    CHECK(h.app->screen() == Screen::Play);

    // Deleted.
    std::filesystem::remove(a.path);
    reload(h);
    CHECK(h.log.contains("The file is gone"));
    CHECK(h.app->run()->scenario == good);

    // A folder where the file was (unreadable as a scenario; root reads any file, so no chmod here).
    std::filesystem::create_directory(a.path);
    reload(h);
    CHECK(h.log.contains("The last save does not load ("));
    CHECK(h.app->run()->scenario == good);
    choose(h, "leave");  // still playable
    CHECK(h.app->run()->session.finished());
    std::filesystem::remove(a.path);

    // Back: the playtest replays onto it.
    write(a.path, text);
    reload(h);
    CHECK(h.app->run()->scenario != good);
    CHECK(h.app->run()->session.decision_count() == 2);
    CHECK(h.log.contains("2 choices replayed."));
}

TEST_CASE("authoring: the analysis lists intent mismatches with links to their nodes") {
    AppHarness h(AppHarness::bundled(), english_practice(), {1280, 900});
    h.frame();
    h.app->apply(intent::OpenPath{source_path("tests/data/invalid/SD3107_intent_missed.json")});
    h.frames(2);
    REQUIRE(h.app->authoring().live());
    CHECK(h.log.contains("Intent mismatches (1)"));
    CHECK(h.log.contains("warning SD3107"));
    CHECK(h.log.contains("SD3107_intent_missed.json:"));
    REQUIRE(h.log.find_item("Show in graph"));
    REQUIRE(h.click("Show in graph"));
    CHECK(h.app->author_view().panel() == AuthorPanel::Graph);
    h.frame();
    wait_for_layout(h);
    CHECK(h.log.find_item("node:a"));
    h.app->author_view().show(AuthorPanel::Analysis);
    h.frames(2);
    REQUIRE(h.click("Playtest here"));
    REQUIRE(h.app->run());
    CHECK(h.app->screen() == Screen::Play);
    CHECK(h.app->run()->session.is_playtest());
    const std::string& pointer_node_id = h.app->run()->session.current().id;
    CHECK(h.log.contains("from '" + pointer_node_id + "'"));
}

TEST_CASE("authoring: the graph view draws every node, highlights the playtest's, and a click starts a playtest there") {
    Authored a;
    AppHarness& h = a.h;
    h.app->author_view().show(AuthorPanel::Graph);
    h.frames(2);
    wait_for_layout(h);
    const GraphLayout& layout = h.app->author_view().graph().layout();
    CHECK(layout.by_graphviz);
    INFO(layout.error);
    CHECK(layout.boxes.size() == 5);
    CHECK(layout.edges.size() == 6);  // ask, pitch-now, offer, leave, two random branches
    for (const char* id : {"open", "pitch", "roll", "won", "lost"}) CHECK(h.log.find_item(std::string("node:") + id));
    CHECK_FALSE(h.log.contains("current:"));
    REQUIRE(h.click("node:pitch"));
    REQUIRE(h.app->run());
    CHECK(h.app->screen() == Screen::Play);
    CHECK(h.app->run()->session.current().id == "pitch");
    CHECK(h.app->run()->session.is_playtest());
    REQUIRE(h.click("Back to the file"));
    CHECK(h.app->screen() == Screen::Authoring);
    h.frame();
    CHECK(h.log.contains("current:pitch"));
    // Zoom with the buttons: the boxes grow about the middle.
    const DrawLog::Item before = *h.log.find_item("node:pitch");
    REQUIRE(h.click("+"));
    const DrawLog::Item after = *h.log.find_item("node:pitch");
    CHECK(after.max.x - after.min.x > (before.max.x - before.min.x) * 1.2f);
}

TEST_CASE("authoring: the graph falls back to a layered layout, with a box per node") {
    auto s = load_scenario_file(source_path("tests/data/valid/mini.json")).scenario;
    REQUIRE(s);
    const GraphLayout layout = layered_layout(*s);
    CHECK(layout.boxes.size() == s->nodes.size());
    const GraphLayout::Box* open = layout.box_of(*s->find_node("open"));
    const GraphLayout::Box* won = layout.box_of(*s->find_node("won"));
    REQUIRE(open);
    REQUIRE(won);
    CHECK(open->centre.x < won->centre.x);  // the start on the left, the endings further right
}

TEST_CASE("authoring: the Dutch screen has its own words") {
    Settings dutch = english_practice();
    dutch.language = "nl";
    AppHarness h(AppHarness::bundled(), dutch, {1280, 900});
    h.frames(2);
    REQUIRE(h.click("Bestand openen"));
    CHECK(h.log.contains("Bestand of map:"));
    h.app->apply(intent::OpenPath{source_path("tests/data/valid/mini.json")});
    h.frames(2);
    CHECK(h.log.contains("Speltest vanaf het begin"));
    CHECK(h.log.contains("Afwijkingen van de bedoeling (0)"));
    CHECK_FALSE(h.log.contains("Playtest"));
}

TEST_CASE("authoring: a playtest starts with the variables and facts of the 'with' field, or says why not") {
    Authored a;
    AppHarness& h = a.h;
    h.app->author_view().set_playtest_values("trust=3, need_known");
    h.app->apply(intent::PlaytestFrom{"pitch"});
    h.frames(2);
    REQUIRE(h.app->screen() == Screen::Play);
    REQUIRE(h.app->run());
    const Session& session = h.app->run()->session;
    const Scenario& s = *h.app->run()->scenario;
    REQUIRE(s.variables.size() == 1);
    CHECK(session.values()[0] == 3);                    // trust, initially 1
    CHECK(session.values()[s.variables.size()] == 1);   // need_known: known from the start

    // An unknown fact and a value out of bounds: no playtest, the reason on the authoring screen.
    for (const char* values : {"need_knwn", "trust=9", "=3"}) {
        CAPTURE(values);
        h.app->apply(intent::GoHome{});
        h.app->apply(intent::ShowAuthoring{});
        h.frames(2);
        h.app->author_view().set_playtest_values(values);
        h.app->apply(intent::PlaytestFrom{"pitch"});
        h.frames(2);
        CHECK(h.app->screen() == Screen::Authoring);
        CHECK_FALSE(h.app->run());
        CHECK(h.log.contains("Playtest not started:"));
    }
}
