// The play screen's aids (issue 12): the conversation so far (B), the text speed, why an option is
// unavailable, the unsupported-assumption charge as it happens, the practice hint (H) and its note
// in the debrief, and the order of an ending's lines. Checked over the draw log of real frames.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/format.hpp"
#include "views/play_lines.hpp"

#include <salesdojo/condition_reason.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/play_words.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

Settings settings_for(const char* mode, const char* language = "en", TextSpeed speed = TextSpeed::Normal) {
    Settings s;
    s.mode = mode;
    s.language = language;
    s.text_speed = speed;
    return s;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// mini.json with `condition` on its first option ("ask").
Catalogue mini_gated(const TempFolder& temp, const std::string& condition) {
    std::string text = read_file(source_path("tests/data/valid/mini.json"));
    const std::string marker = "\"id\": \"ask\",";
    REQUIRE(text.find(marker) != std::string::npos);
    text.replace(text.find(marker), marker.size(), marker + " \"condition\": \"" + condition + "\",");
    std::ofstream(temp.file("gated.json")) << text;
    return load_catalogue_file(temp.file("gated.json"));
}

Catalogue mini() { return load_catalogue_file(source_path("tests/data/valid/mini.json")); }

}  // namespace

TEST_CASE("B shows the whole conversation so far, with earlier answers, B again the latest lines") {
    AppHarness h(AppHarness::bundled(), settings_for("assessment"));
    REQUIRE(h.app->command("open=demanding_director"));
    h.reveal();
    const auto first_lines = lines_since_last_decision(h.app->run()->session, "en");
    REQUIRE(first_lines.size() >= 2);
    const std::string first_option = h.app->run()->session.options()[0].choice->text.get("en");
    h.tap(sf::Keyboard::Num1);
    h.reveal();
    h.tap(sf::Keyboard::Num1);
    h.reveal();
    REQUIRE(h.app->run()->session.decision_count() == 2);
    // Without the backlog, the first lines are gone from the screen.
    CHECK_FALSE(h.log.has_exact(first_lines.front().text));
    h.tap(sf::Keyboard::B);
    CHECK(h.app->play_view().backlog_open());
    CHECK(h.log.has_exact(ui("play.backlog_heading", "en")));
    CHECK(h.log.has_exact(first_lines.front().text));
    CHECK(h.log.has_exact(first_option));  // the trainee's first answer
    const auto all = conversation_lines(h.app->run()->session, "en");
    CHECK(h.log.count(ui("play.you", "en")) >= 2);
    CHECK(all.size() > first_lines.size() + 2);
    // The choices stay: the trainee can answer from the backlog.
    for (const auto& option : h.app->run()->session.options()) CHECK(h.log.contains(option.choice->text.get("en")));
    // Page Up scrolls the panel (no crash, still open), Esc returns to the latest lines.
    h.tap(sf::Keyboard::PageUp);
    h.tap(sf::Keyboard::Home);
    CHECK(h.app->play_view().backlog_open());
    h.tap(sf::Keyboard::Escape);
    CHECK_FALSE(h.app->play_view().backlog_open());
    CHECK_FALSE(h.log.has_exact(first_lines.front().text));
    // The button does the same, in Dutch too.
    h.app->apply(intent::SetLanguage{"nl"});
    h.frame();
    REQUIRE(h.click(ui("play.backlog_open", "nl")));
    CHECK(h.log.has_exact(ui("play.backlog_heading", "nl")));
    CHECK(h.log.has_exact(first_lines.front().text) == false);  // now in Dutch
    CHECK(h.log.has_exact(lines_since_last_decision(h.app->run()->session, "nl").back().text));
}

TEST_CASE("text speed: instant shows the lines at once, slow takes longer than fast, it is saved") {
    const auto seconds_to_reveal = [](TextSpeed speed) {
        AppHarness h(AppHarness::bundled(), settings_for("assessment", "en", speed));
        REQUIRE(h.app->command("open=demanding_director"));
        int frames = 0;
        for (h.frame(); h.app->animating() && frames < 2000; ++frames) h.frame(0.05f);
        return frames * 0.05f;
    };
    CHECK(seconds_to_reveal(TextSpeed::Instant) == 0.0f);
    const float slow = seconds_to_reveal(TextSpeed::Slow);
    const float normal = seconds_to_reveal(TextSpeed::Normal);
    const float fast = seconds_to_reveal(TextSpeed::Fast);
    CHECK(fast > 0.0f);
    CHECK(fast < normal);
    CHECK(normal < slow);

    AppHarness h(AppHarness::bundled(), settings_for("practice"));
    h.app->apply(intent::OpenSettings{});
    h.frames(3);  // the modal sizes itself to its contents first
    CHECK(h.log.has_exact(ui("settings.text_speed", "en")));
    REQUIRE(h.click(ui("settings.speed_instant", "en")));
    CHECK(h.app->settings().text_speed == TextSpeed::Instant);
    CHECK(load_settings(h.temp().file("config/settings.json")).text_speed == TextSpeed::Instant);
    h.app->apply(intent::CloseSettings{});
    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    CHECK_FALSE(h.app->animating());
    for (const auto& option : h.app->run()->session.options()) CHECK(h.log.contains(option.choice->text.get("en")));
}

TEST_CASE("settings: a text speed survives a save and a load, an unknown one is the default") {
    TempFolder temp;
    Settings s;
    s.text_speed = TextSpeed::Slow;
    REQUIRE(save_settings(temp.file("s.json"), s));
    CHECK(load_settings(temp.file("s.json")).text_speed == TextSpeed::Slow);
    std::ofstream(temp.file("odd.json")) << R"({"format": 1, "text_speed": "warp", "language": "nl"})";
    const Settings odd = load_settings(temp.file("odd.json"));
    CHECK(odd.text_speed == TextSpeed::Normal);
    CHECK(odd.language == "nl");
}

TEST_CASE("trying an unavailable option says why, in words, in both languages") {
    TempFolder temp;
    for (const char* language : {"en", "nl"}) {
        CAPTURE(language);
        SUBCASE("a fact to find out first") {
            // Make "ask" need what it would itself find out: the fact's title is named.
            AppHarness h(mini_gated(temp, "need_known"), settings_for("practice", language, TextSpeed::Instant));
            h.app->apply(intent::OpenScenario{0});
            h.frame();
            const std::string reason =
                report::phrase("play.unavailable_needs", language,
                               {report::quoted_list({language == std::string("nl") ? "Behoefte bekend" : "Need known"},
                                                    language)});
            CHECK_FALSE(h.log.contains(reason));
            h.tap(sf::Keyboard::Num1);
            CHECK(h.app->run()->session.decision_count() == 0);
            CHECK(h.log.has_exact(reason));
            CHECK_FALSE(h.log.contains("need_known"));
        }
        SUBCASE("a variable: the conversation, never its id") {
            AppHarness h(mini_gated(temp, "trust >= 3"), settings_for("practice", language, TextSpeed::Instant));
            h.app->apply(intent::OpenScenario{0});
            h.frame();
            const std::string label = std::string("1. ") + (language == std::string("nl") ? "Wat speelt er?" : "What is going on?");
            REQUIRE(h.click(label));
            CHECK(h.app->run()->session.decision_count() == 0);
            CHECK(h.log.has_exact(report::word("play.unavailable_conversation", language)));
            CHECK_FALSE(h.log.contains("trust"));
        }
    }
}

TEST_CASE("practice: the unsupported-assumption charge shows with the feedback, as it happens") {
    AppHarness h(mini(), settings_for("practice", "en", TextSpeed::Instant));
    h.app->apply(intent::OpenScenario{0});
    h.frame();
    h.tap(sf::Keyboard::Num2);  // "pitch-now" requires need_known, not established
    REQUIRE(h.app->run()->awaiting_continue);
    const auto& scenario = *h.app->run()->scenario;
    const auto lines = report::assumption_lines(scenario, {0}, {"en", "en"});
    REQUIRE(lines.size() == 1);
    CHECK(h.log.has_exact(lines[0]));
    CHECK(h.log.contains("Need known"));
    h.app->apply(intent::SetLanguage{"nl"});
    h.frame();
    CHECK(h.log.has_exact(report::assumption_lines(scenario, {0}, {"nl", "nl"})[0]));
    // A supported choice is not charged.
    h.tap(sf::Keyboard::BackSpace);
    h.tap(sf::Keyboard::Num1);
    REQUIRE(h.app->run()->awaiting_continue);
    CHECK_FALSE(h.log.contains(report::word("debrief.assumption", "nl")));
    CHECK_FALSE(h.log.contains("Aanname zonder onderbouwing"));
}

TEST_CASE("practice: H gives the principle at stake without naming the option, and the debrief says so") {
    AppHarness h(AppHarness::bundled(), settings_for("practice", "en", TextSpeed::Instant));
    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    const Run& run = *h.app->run();
    const std::vector<int> principles = report::hint_principles(*run.analysis, run.session);
    REQUIRE_FALSE(principles.empty());
    const std::string title = run.scenario->principles[static_cast<std::size_t>(principles[0])].title.get("en");
    CHECK_FALSE(h.log.contains(title));
    h.tap(sf::Keyboard::H);
    CHECK(h.app->run()->hints.count(0) == 1);
    CHECK(h.log.has_exact(ui("play.hint_heading", "en")));
    CHECK(h.log.contains(title));
    // No option's text is in the hint.
    std::string hint;
    for (const auto& text : h.log.texts)
        if (text.find(title) != std::string::npos) hint = text;
    for (const auto& option : run.session.options()) CHECK(hint.find(option.choice->text.get("en")) == std::string::npos);
    // The hint button is gone once used; to the end, then the debrief notes it.
    CHECK_FALSE(h.log.contains(ui("play.hint_button", "en")));
    // A second hint at the next decision; then to the end, and the debrief lists both.
    h.tap(sf::Keyboard::Num1);
    h.tap(sf::Keyboard::Enter);  // continue after the feedback
    REQUIRE(h.app->run()->session.state() == SessionState::AwaitingChoice);
    h.tap(sf::Keyboard::H);
    CHECK(h.app->run()->hints.count(1) == 1);
    REQUIRE(h.app->command("finish=1"));
    h.frame();
    CHECK(h.log.has_exact("Hints used at decisions 1, 2"));
    // The run as data is the same as one without hints: attempts stay byte-stable.
    const std::string with_hint = playthrough_to_json(h.app->run()->session.playthrough()).dump();
    h.app->apply(intent::Replay{});
    REQUIRE(h.app->command("finish=1"));
    h.frame();
    CHECK(h.app->run()->hints.empty());
    CHECK_FALSE(h.log.contains("Hints used at decisions 1, 2"));
    CHECK(playthrough_to_json(h.app->run()->session.playthrough()).dump() == with_hint);
}

TEST_CASE("assessment: H gives no hint") {
    AppHarness h(AppHarness::bundled(), settings_for("assessment", "en", TextSpeed::Instant));
    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    h.tap(sf::Keyboard::H);
    CHECK(h.app->run()->hints.empty());
    CHECK_FALSE(h.log.contains(ui("play.hint_heading", "en")));
    CHECK_FALSE(h.log.contains(ui("play.hint_button", "en")));
}

TEST_CASE("an ending: the speaker's last line, then what happened afterwards, then the ending's title") {
    const Catalogue catalogue = AppHarness::bundled();
    const int entry = find_entry(catalogue, "demanding_director");
    REQUIRE(entry >= 0);
    LoadResult loaded = load_scenario_file(catalogue.entries[static_cast<std::size_t>(entry)].path);
    REQUIRE(loaded.scenario);
    const Scenario& s = *loaded.scenario;
    const auto node = s.find_node("end_abandoned_burnt");
    REQUIRE(node);
    const Node& end = s.nodes[static_cast<std::size_t>(*node)];
    REQUIRE_FALSE(end.narration.empty());
    REQUIRE(end.speaker);
    std::vector<Line> lines;
    append_node_lines(s, end, "en", lines);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].kind == LineKind::Speech);
    CHECK(lines[0].text == end.text.get("en"));
    CHECK(lines[1].kind == LineKind::Narration);
    CHECK(lines[1].text == end.narration.get("en"));
    CHECK(lines[2].kind == LineKind::Ending);
    // A node that is not an ending keeps its narration first (it sets the scene).
    for (const Node& n : s.nodes) {
        if (n.kind == NodeKind::Ending || n.narration.empty() || n.text.empty()) continue;
        std::vector<Line> scene;
        append_node_lines(s, n, "en", scene);
        CHECK(scene.front().kind == LineKind::Narration);
        break;
    }

    // And on screen, in that order: mini.json's "lost" ending with a speaker and an afterword.
    TempFolder temp;
    std::string text = read_file(source_path("tests/data/valid/mini.json"));
    const std::string marker = "{\"id\": \"lost\",";
    REQUIRE(text.find(marker) != std::string::npos);
    text.replace(text.find(marker), marker.size(),
                 marker + " \"speaker\": \"eva\", \"narration\": {\"nl\": \"Een jaar later.\", \"en\": \"A year later.\"},");
    std::ofstream(temp.file("ending.json")) << text;
    AppHarness h(load_catalogue_file(temp.file("ending.json")), settings_for("assessment", "en", TextSpeed::Instant));
    h.app->apply(intent::OpenScenario{0});
    h.frame();
    h.tap(sf::Keyboard::Num1);  // ask
    h.tap(sf::Keyboard::Num2);  // leave: the "lost" ending
    REQUIRE(h.app->run()->session.finished());
    const auto& texts = h.log.texts;
    const auto said = std::find(texts.begin(), texts.end(), "She drops out.");
    const auto after = std::find(texts.begin(), texts.end(), "A year later.");
    const auto title = std::find(texts.begin(), texts.end(), "Lost");
    REQUIRE(said != texts.end());
    REQUIRE(after != texts.end());
    REQUIRE(title != texts.end());
    CHECK(said < after);
    CHECK(after < title);
}
