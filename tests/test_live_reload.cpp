// Live reload (authoring/live_reload.hpp): the change detector, the replay that carries a
// playthrough over to an edited scenario, and the safety cases: a file replaced mid-write, deleted,
// or made unreadable keeps the last good version and the playthrough.
#include "test_support.hpp"

#include <salesdojo/authoring/live_reload.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace salesdojo;
using namespace salesdojo::authoring;
using namespace salesdojo::test;
using nlohmann::json;

namespace {

json mini_json() { return json::parse(read_text_file(source_path("tests/data/valid/mini.json"))); }

std::shared_ptr<const Scenario> load_json(const json& doc) {
    LoadResult result = load_scenario_text(doc.dump(), "mini.json");
    REQUIRE(result.ok());
    return result.scenario;
}

// The index of node `id` in a document.
json& node(json& doc, const std::string& id) {
    for (auto& n : doc["nodes"])
        if (n["id"] == id) return n;
    FAIL("no node " << id);
    return doc;
}

class Folder {
public:
    Folder() {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() / ("salesdojo-live-" + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~Folder() {
        std::error_code ignored;
        std::filesystem::permissions(m_path / "mini.json", std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ignored);
        std::filesystem::remove_all(m_path, ignored);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::optional<LiveScenario> write_and_open(const std::string& path, const std::string& text, Diagnostics& problems) {
    write(path, text);
    return LiveScenario::open(path, nullptr, problems);
}

// mini.json written as `text` into a fresh folder and opened live: the set-up of most tests below.
struct LiveMini {
    explicit LiveMini(const std::string& text) : live(write_and_open(path, text, problems)) { REQUIRE(live); }
    Folder folder;
    std::string path = folder.file("mini.json");
    Diagnostics problems;
    std::optional<LiveScenario> live;
};

// Polls until something other than None happens (a change settles over two polls); at most 20.
ReloadEvent poll_until_event(LiveScenario& live) {
    for (int i = 0; i < 20; ++i) {
        const ReloadEvent event = live.poll();
        if (event != ReloadEvent::None) return event;
    }
    return ReloadEvent::None;
}

// Waits until the file system's clock has moved on, so a rewrite of the same size gets a new stamp.
void next_tick() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }

}  // namespace

TEST_CASE("replay on the same scenario makes every choice again") {
    auto s = load_json(mini_json());
    Session session(s, 5);
    session.choose(*session.find_choice("ask"));
    session.choose(*session.find_choice("leave"));
    const Replayed r = replay_as_far_as_possible(s, playthrough_ids(session, std::nullopt));
    CHECK(r.replayed == 2);
    CHECK(r.dropped == 0);
    CHECK_FALSE(r.stopped_at);
    CHECK(r.session.finished());
    CHECK(r.session.current().id == "lost");
    CHECK_FALSE(r.session.is_playtest());
    CHECK(r.session.seed() == 5);
}

TEST_CASE("replay stops at the first choice that no longer exists, and keeps the ones before it") {
    json doc = mini_json();
    auto before = load_json(doc);
    Session session(before, 1);
    session.choose(*session.find_choice("ask"));
    session.choose(*session.find_choice("leave"));
    node(doc, "pitch")["choices"][1]["id"] = "walk-away";  // renamed by the author
    const Replayed r = replay_as_far_as_possible(load_json(doc), playthrough_ids(session, std::nullopt));
    CHECK(r.replayed == 1);
    CHECK(r.dropped == 1);
    REQUIRE(r.stopped_at);
    CHECK(*r.stopped_at == "leave");
    CHECK(r.session.current().id == "pitch");
    CHECK(r.session.state() == SessionState::AwaitingChoice);
}

TEST_CASE("replay stops at a choice whose condition no longer holds") {
    json doc = mini_json();
    auto before = load_json(doc);
    Session session(before, 1);
    session.choose(*session.find_choice("ask"));
    session.choose(*session.find_choice("offer"));  // trust 2 and need known
    REQUIRE(session.finished());
    node(doc, "pitch")["choices"][0]["condition"] = "trust >= 3 and need_known";
    const Replayed r = replay_as_far_as_possible(load_json(doc), playthrough_ids(session, std::nullopt));
    CHECK(r.replayed == 1);
    CHECK(r.dropped == 1);
    CHECK(r.stopped_at == std::optional<std::string>("offer"));
}

TEST_CASE("a playtest start is found again by node id after nodes move") {
    json doc = mini_json();
    auto before = load_json(doc);
    const PlaytestSetup setup{"pitch", {{"trust", "2"}}, {"need_known"}};
    std::string error;
    Session session(before, 3, *playtest_start(*before, setup, error));
    session.choose(*session.find_choice("offer"));
    // A new node in front (on the way to "roll"): every index after it moves by one.
    doc["nodes"].insert(doc["nodes"].begin(),
                        json{{"id", "aside"}, {"text", {{"nl", "Terzijde."}, {"en", "An aside."}}}, {"next", "roll"}});
    node(doc, "open")["choices"][1]["next"] = "aside";
    auto after = load_json(doc);
    REQUIRE(after->find_node("pitch") != before->find_node("pitch"));
    const Replayed r = replay_as_far_as_possible(after, playthrough_ids(session, setup));
    CHECK(r.session.is_playtest());
    CHECK_FALSE(r.start_lost);
    CHECK(r.replayed == 1);
    CHECK(r.session.finished());
    CHECK(r.session.current().id == "won");
    CHECK(r.session.start_point().node == *after->find_node("pitch"));
}

TEST_CASE("a playtest whose start node was deleted begins at the scenario's start, still as a playtest") {
    json doc = mini_json();
    auto before = load_json(doc);
    std::string error;
    const PlaytestSetup setup{"roll", {}, {}};
    Session session(before, 3, *playtest_start(*before, setup, error));
    // "roll" removed: "pitch-now" now leads to "lost".
    node(doc, "open")["choices"][1]["next"] = "lost";
    auto& nodes = doc["nodes"];
    for (auto it = nodes.begin(); it != nodes.end(); ++it)
        if ((*it)["id"] == "roll") {
            nodes.erase(it);
            break;
        }
    const Replayed r = replay_as_far_as_possible(load_json(doc), playthrough_ids(session, setup));
    REQUIRE(r.start_lost);
    CHECK(r.start_lost->find("roll") != std::string::npos);
    CHECK(r.session.is_playtest());
    CHECK(r.session.current().id == "open");
}

TEST_CASE("a file watch reports a save once it has settled, and a deletion once") {
    Folder folder;
    const std::string path = folder.file("mini.json");
    write(path, mini_json().dump());
    FileWatch watch(path);
    CHECK(watch.poll() == WatchEvent::None);
    next_tick();
    json doc = mini_json();
    doc["version"] = "1.0.1";
    write(path, doc.dump());
    CHECK(watch.poll() == WatchEvent::None);  // first sight of the new stamp: may still be written
    CHECK(watch.poll() == WatchEvent::Changed);
    CHECK(watch.poll() == WatchEvent::None);
    std::filesystem::remove(path);
    CHECK(watch.poll() == WatchEvent::Missing);
    CHECK(watch.missing());
    CHECK(watch.poll() == WatchEvent::None);
    write(path, doc.dump());  // back, even with the same size
    CHECK(watch.poll() == WatchEvent::None);
    CHECK(watch.poll() == WatchEvent::Changed);
    CHECK_FALSE(watch.missing());
}

TEST_CASE("live scenario: an edit reloads, and the playthrough carries over") {
    json doc = mini_json();
    LiveMini opened(doc.dump());
    const std::string& path = opened.path;
    auto& live = opened.live;
    Session session(live->current().scenario, 2);
    session.choose(*session.find_choice("ask"));
    next_tick();
    node(doc, "pitch")["text"]["en"] = "That's right, tell me more.";
    write(path, doc.dump());
    CHECK(poll_until_event(*live) == ReloadEvent::Reloaded);
    CHECK(live->versions_loaded() == 2);
    CHECK(live->problems().empty());
    const Replayed r = replay_as_far_as_possible(live->current().scenario, playthrough_ids(session, std::nullopt));
    CHECK(r.replayed == 1);
    CHECK(r.session.current().text.get("en") == "That's right, tell me more.");
}

TEST_CASE("live scenario: a file replaced mid-write keeps the last good version and the playthrough") {
    const std::string text = mini_json().dump(2);
    LiveMini opened(text);
    const std::string& path = opened.path;
    auto& live = opened.live;
    const auto good = live->current().scenario;
    Session session(good, 2);
    session.choose(*session.find_choice("ask"));
    next_tick();
    write(path, text.substr(0, text.size() / 2));  // the editor stopped half-way
    CHECK(poll_until_event(*live) == ReloadEvent::Broken);
    CHECK(live->current().scenario == good);  // still the last good version
    REQUIRE_FALSE(live->problems().empty());
    CHECK(live->problems().front().severity == Severity::Error);
    CHECK(live->problems().front().line > 0);  // the diagnostics say where
    CHECK(session.current().id == "pitch");     // the playthrough is untouched
    next_tick();
    write(path, text);  // the save completes
    CHECK(poll_until_event(*live) == ReloadEvent::Reloaded);
    CHECK(live->problems().empty());
    CHECK(replay_as_far_as_possible(live->current().scenario, playthrough_ids(session, std::nullopt)).replayed == 1);
}

TEST_CASE("live scenario: a deleted file keeps the last good version until it is back") {
    LiveMini opened(mini_json().dump());
    const std::string& path = opened.path;
    auto& live = opened.live;
    const auto good = live->current().scenario;
    std::filesystem::remove(path);
    CHECK(poll_until_event(*live) == ReloadEvent::Missing);
    CHECK(live->missing());
    CHECK(live->current().scenario == good);
    CHECK(poll_until_event(*live) == ReloadEvent::None);  // said once
    write(path, mini_json().dump());
    CHECK(poll_until_event(*live) == ReloadEvent::Reloaded);
    CHECK_FALSE(live->missing());
}

TEST_CASE("live scenario: a file made unreadable or replaced by a folder or a FIFO is a problem, not a crash") {
    LiveMini opened(mini_json().dump());
    const std::string& path = opened.path;
    auto& live = opened.live;
    const auto good = live->current().scenario;
    if (::geteuid() != 0) {  // root reads any file: the permission case needs another user
        ::chmod(path.c_str(), 0);
        next_tick();
        ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // a new stamp
        CHECK(poll_until_event(*live) == ReloadEvent::Broken);
        CHECK(live->current().scenario == good);
        CHECK(has_code(live->problems(), "SD1001"));
        ::chmod(path.c_str(), 0644);
    }
    std::filesystem::remove(path);
    std::filesystem::create_directory(path);
    const ReloadEvent first = poll_until_event(*live);
    CHECK(first == ReloadEvent::Broken);
    CHECK(has_code(live->problems(), "SD1001"));
    CHECK(live->current().scenario == good);
    std::filesystem::remove(path);
    REQUIRE(::mkfifo(path.c_str(), 0644) == 0);  // would block a plain open()
    CHECK(poll_until_event(*live) == ReloadEvent::Broken);
    CHECK(has_code(live->problems(), "SD1001"));
    std::filesystem::remove(path);
    write(path, mini_json().dump());
    CHECK(poll_until_event(*live) == ReloadEvent::Reloaded);
}

TEST_CASE("live scenario: a scenario that loads but cannot be analysed is a broken edit") {
    json doc = mini_json();
    LiveMini opened(doc.dump());
    const std::string& path = opened.path;
    auto& live = opened.live;
    next_tick();
    // "leave" only when trust >= 3: once "offer" is unavailable too (trust 2 reached by "ask" and
    // never more), "pitch" has no available choice: SD3003.
    node(doc, "pitch")["choices"][0]["condition"] = "trust >= 3";
    node(doc, "pitch")["choices"][1]["condition"] = "trust >= 3";
    write(path, doc.dump());
    const ReloadEvent event = poll_until_event(*live);
    CHECK(event == ReloadEvent::Broken);
    CHECK(has_code(live->problems(), "SD3003"));
}
