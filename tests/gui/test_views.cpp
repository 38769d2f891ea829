// Every screen drawn headless with real scenarios; the tests check what was drawn (the draw log of
// views/draw_log.hpp) and drive the views with real key and mouse events through the platform layer.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/format.hpp"
#include "views/play_lines.hpp"
#include "text_fallback.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/report/debrief.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <algorithm>
#include <sstream>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

const char* kDirector = "demanding_director";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Settings with_mode(const char* mode, const char* language = "en") {
    Settings s;
    s.mode = mode;
    s.language = language;
    return s;
}

// Opens demanding_director and shows its first lines completely.
void open_director(AppHarness& h) {
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    h.frame();
    h.reveal();
    REQUIRE(h.app->screen() == Screen::Play);
}

std::vector<std::string> choice_texts(const App& app) {
    std::vector<std::string> out;
    for (const auto& option : app.run()->session.options())
        out.push_back(option.choice->text.get(app.run()->language));
    return out;
}

}  // namespace

TEST_CASE("home lists every bundled scenario with its details") {
    // Tall enough for every card: only the rows in view are drawn (test_large_lists.cpp).
    AppHarness h(AppHarness::bundled(), {}, {1280, 2400});
    h.frames(2);
    REQUIRE(h.app->screen() == Screen::Home);
    CHECK(h.log.has_exact(ui("home.heading", "en")));
    const Catalogue& catalogue = h.app->catalogue();
    REQUIRE(catalogue.entries.size() >= 8);
    for (const auto& entry : catalogue.entries) {
        CAPTURE(entry.file_name);
        REQUIRE(entry.ok());  // the bundled pack loads
        CHECK(h.log.has_exact(entry.card->title.get("en")));
        CHECK(h.log.has_exact(entry.card->summary.get("en")));
        CHECK(h.log.contains(printf_string(ui("home.minutes", "en"), entry.card->estimated_minutes)));
    }
    CHECK(h.log.has_exact(ui("skill.qualify", "en")));
    CHECK(h.log.count(ui("home.not_played", "en")) == catalogue.entries.size());
    CHECK(h.log.count(ui("home.start", "en")) == catalogue.entries.size());
    CHECK(h.log.has_exact(ui("mode.practice", "en")));
    CHECK(h.log.has_exact(ui("mode.assessment", "en")));
}

TEST_CASE("home filters by skill and language") {
    AppHarness h(AppHarness::bundled(), {}, {1280, 2400});
    h.frame();
    const Catalogue& catalogue = h.app->catalogue();
    const auto skill = std::find(catalogue.skills.begin(), catalogue.skills.end(), "bias");
    REQUIRE(skill != catalogue.skills.end());
    h.app->home_view().set_filters(catalogue, static_cast<int>(skill - catalogue.skills.begin()), -1);
    h.frame();
    for (const auto& entry : catalogue.entries) {
        const auto& skills = entry.card->main_skills;  // the filter's rule (main_skills.hpp)
        const bool has_bias = std::find(skills.begin(), skills.end(), "bias") != skills.end();
        CHECK(h.log.has_exact(entry.card->title.get("en")) == has_bias);
    }
    // A language nobody offers: no card, and the "no match" message.
    Catalogue one = AppHarness::bundled();
    one.languages.push_back("zz");
    AppHarness g(std::move(one));
    g.app->home_view().set_filters(g.app->catalogue(), -1, static_cast<int>(g.app->catalogue().languages.size() - 1));
    g.frame();
    CHECK(g.log.has_exact(ui("home.no_match", "en")));
    CHECK(g.log.count(ui("home.start", "en")) == 0);
}

TEST_CASE("the settings' language switch turns the home screen Dutch, and is saved") {
    // Tall enough for every card: only the rows in view are drawn (test_large_lists.cpp).
    AppHarness h(AppHarness::bundled(), {}, {1280, 2400});
    h.frame();
    REQUIRE(h.click(ui("common.settings", "en")));
    REQUIRE(h.app->settings_open());
    h.frame();
    CHECK(h.log.has_exact(ui("settings.title", "en")));
    CHECK(h.log.has_exact(ui("settings.high_contrast", "en")));
    REQUIRE(h.click("Nederlands"));
    CHECK(h.app->settings().language == "nl");
    REQUIRE(h.click(ui("settings.close", "nl")));
    CHECK_FALSE(h.app->settings_open());
    h.frame();
    CHECK(std::string(ui("home.heading", "nl")) != ui("home.heading", "en"));
    CHECK(h.log.has_exact(ui("home.heading", "nl")));
    CHECK_FALSE(h.log.has_exact(ui("home.heading", "en")));
    // Scenario texts follow: the Dutch title of the director scenario.
    const int director = find_entry(h.app->catalogue(), kDirector);
    CHECK(h.log.has_exact(h.app->catalogue().entries[static_cast<std::size_t>(director)].card->title.get("nl")));
    const std::string saved = read_file(h.temp().file("config/settings.json"));
    CHECK(saved.find("\"nl\"") != std::string::npos);
}

TEST_CASE("settings: text size with Ctrl + / Ctrl -, high contrast and fullscreen are intents the app keeps") {
    AppHarness h(AppHarness::bundled());
    h.frame();
    const float before = h.app->settings().font_scale;
    h.tap(sf::Keyboard::Add, true);
    CHECK(h.app->settings().font_scale > before);
    h.tap(sf::Keyboard::Hyphen, true);
    h.tap(sf::Keyboard::Hyphen, true);
    CHECK(h.app->settings().font_scale < before);
    h.tap(sf::Keyboard::F11);
    CHECK(h.app->settings().fullscreen);
    h.tap(sf::Keyboard::F11);
    CHECK_FALSE(h.app->settings().fullscreen);
    h.app->apply(intent::OpenSettings{});
    h.frames(2);
    REQUIRE(h.click(ui("settings.high_contrast", "en")));
    CHECK(h.app->settings().high_contrast);
    // The theme changed the colour the window clears to.
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == doctest::Approx(0.0f));
    // Without espeak-ng wired in (no Speech here), read-aloud is offered greyed with a note.
    CHECK(h.log.has_exact(ui("settings.no_speech", "en")));
}

TEST_CASE("play shows the speaker, the portrait, narration and every choice") {
    AppHarness h(AppHarness::bundled(), with_mode("practice"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    h.frame();
    // While the lines type, the choices are not offered and the window keeps animating.
    CHECK(h.app->animating());
    CHECK(h.log.has_exact(ui("play.reveal_hint", "en")));
    for (const auto& text : choice_texts(*h.app)) CHECK_FALSE(h.log.contains(text));
    h.reveal();
    CHECK_FALSE(h.app->animating());
    const Run& run = *h.app->run();
    const Node& node = run.session.current();
    REQUIRE(node.speaker);
    const CastMember& who = run.scenario->cast[static_cast<std::size_t>(*node.speaker)];
    CHECK(h.log.has_exact(who.name.get("en")));
    CHECK(h.log.has_exact(node.text.get("en")));
    CHECK(h.log.has_exact(node.narration.get("en")));
    CHECK(h.log.contains("portrait:" + who.id + ":" + node.expression));
    // The intro before it (an automatic continuation by the narrator) is shown too, in order.
    const auto lines = lines_since_last_decision(run.session, "en");
    REQUIRE(lines.size() >= 3);
    CHECK(h.log.has_exact(lines.front().text));
    const auto texts = choice_texts(*h.app);
    REQUIRE(texts.size() >= 2);
    for (std::size_t k = 0; k < texts.size(); ++k) CHECK(h.log.has_exact(std::to_string(k + 1) + ". " + texts[k]));
    CHECK(h.log.contains(printf_string(ui("play.progress", "en"), 1, run.typical_decisions)));
}

TEST_CASE("a click completes the typewriter at once") {
    AppHarness h(AppHarness::bundled());
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    h.frame();
    REQUIRE(h.app->animating());
    REQUIRE(h.click(ui("play.show_all", "en")));
    CHECK_FALSE(h.app->animating());
    // And time alone finishes it too (a few seconds at most).
    h.app->apply(intent::Replay{});
    h.frame();
    REQUIRE(h.app->animating());
    for (int i = 0; i < 5 && h.app->animating(); ++i) h.frame(1.0f);
    CHECK_FALSE(h.app->animating());
}

TEST_CASE("key 2 picks option 2, practice shows its feedback, then Continue, and Backspace undoes") {
    AppHarness h(AppHarness::bundled(), with_mode("practice"));
    open_director(h);
    const auto options = h.app->run()->session.options();
    REQUIRE(options.size() >= 2);
    h.tap(sf::Keyboard::Num2);
    h.frame();
    const Run& run = *h.app->run();
    REQUIRE(run.session.decision_count() == 1);
    CHECK(run.session.decisions()[0] == options[1].index);
    CHECK(run.awaiting_continue);
    CHECK(h.log.has_exact(ui("play.feedback", "en")));
    CHECK(h.log.has_exact(options[1].choice->feedback.get("en")));
    CHECK(h.log.has_exact(options[1].choice->text.get("en")));  // "You: ..."
    CHECK(h.log.contains(ui("play.continue_key", "en")));
    REQUIRE(run.last_verdict.has_value());
    // Backspace takes the choice back.
    h.tap(sf::Keyboard::BackSpace);
    h.frame();
    CHECK(h.app->run()->session.decision_count() == 0);
    CHECK_FALSE(h.app->run()->awaiting_continue);
    // Choose again with the mouse, then Enter continues to the next lines, typed anew.
    REQUIRE(h.click("1. " + options[0].choice->text.get("en")));
    CHECK(h.app->run()->session.decision_count() == 1);
    CHECK(h.app->run()->awaiting_continue);
    h.tap(sf::Keyboard::Enter);
    CHECK_FALSE(h.app->run()->awaiting_continue);
    CHECK(h.app->animating());
}

TEST_CASE("assessment shows no feedback and allows no undo") {
    AppHarness h(AppHarness::bundled(), with_mode("assessment"));
    open_director(h);
    const auto options = h.app->run()->session.options();
    h.tap(sf::Keyboard::Num2);
    h.reveal();
    const Run& run = *h.app->run();
    REQUIRE(run.session.decision_count() == 1);
    CHECK(run.session.decisions()[0] == options[1].index);
    CHECK_FALSE(run.awaiting_continue);
    CHECK_FALSE(h.log.has_exact(ui("play.feedback", "en")));
    CHECK_FALSE(h.log.contains(options[1].choice->feedback.get("en")));
    CHECK_FALSE(h.log.contains(ui("play.undo", "en")));
    h.tap(sf::Keyboard::BackSpace);
    CHECK(h.app->run()->session.decision_count() == 1);
    // The next choices are there at once.
    for (const auto& text : choice_texts(*h.app)) CHECK(h.log.contains(text));
}

TEST_CASE("number keys do nothing while the lines type, or for options that do not exist") {
    AppHarness h(AppHarness::bundled(), with_mode("assessment"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    h.frame();
    REQUIRE(h.app->animating());
    h.tap(sf::Keyboard::Num1);  // completes the lines instead of choosing
    CHECK(h.app->run()->session.decision_count() == 0);
    CHECK_FALSE(h.app->animating());
    h.tap(sf::Keyboard::Num9);
    CHECK(h.app->run()->session.decision_count() == 0);
}

TEST_CASE("an option whose condition fails is greyed and cannot be picked") {
    TempFolder temp;
    std::string text = read_file(source_path("tests/data/valid/mini.json"));
    // Make the first option need a trust the trainee does not have yet.
    const std::string marker = "\"id\": \"ask\",";
    REQUIRE(text.find(marker) != std::string::npos);
    text.replace(text.find(marker), marker.size(), marker + " \"condition\": \"trust >= 3\",");
    std::ofstream(temp.file("gated.json")) << text;
    Catalogue catalogue = load_catalogue_file(temp.file("gated.json"));
    REQUIRE(catalogue.entries.size() == 1);
    REQUIRE(catalogue.entries[0].ok());
    AppHarness h(std::move(catalogue), with_mode("assessment"));
    h.app->apply(intent::OpenScenario{0});
    h.frame();
    h.reveal();
    CHECK(h.log.contains("unavailable:1"));
    const DrawLog::Item* first = h.log.find_item("1. What is going on?");
    REQUIRE(first);
    CHECK_FALSE(first->enabled);
    h.tap(sf::Keyboard::Num1);
    CHECK(h.app->run()->session.decision_count() == 0);
    REQUIRE(h.click("1. What is going on?"));
    CHECK(h.app->run()->session.decision_count() == 0);
}

TEST_CASE("the debrief shows the score, accuracy, ending, outcome class, bars and costliest decisions") {
    AppHarness h(AppHarness::bundled(), with_mode("assessment"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    REQUIRE(h.app->command("finish=1"));
    h.frames(2);
    REQUIRE(h.app->screen() == Screen::Debrief);
    const Run& run = *h.app->run();
    REQUIRE(run.debrief);
    const Debrief& d = *run.debrief;
    CHECK(h.log.has_exact(whole_number(d.overall_score) + " / 100"));
    CHECK(h.log.has_exact(report::accuracy_text(d.accuracy, "en")));
    const Node& end = run.scenario->nodes[static_cast<std::size_t>(d.ending_node.value())];
    const OutcomeClass& outcome = run.scenario->outcomes[static_cast<std::size_t>(end.ending.outcome)];
    CHECK(h.log.has_exact(end.ending.title.get("en")));
    CHECK(h.log.has_exact("outcome:" + outcome.id));
    for (const auto& dim : d.dimensions) {
        const std::string title = run.scenario->dimensions[static_cast<std::size_t>(dim.dimension)].title.get("en");
        CHECK(h.log.has_exact("bar:" + title + "=" + whole_number(dim.score)));
    }
    REQUIRE_FALSE(d.costliest.empty());
    CHECK(h.log.has_exact(ui("debrief.costliest", "en")));
    const DecisionReview& worst = d.decisions[d.costliest.front()];
    const Node& node = run.scenario->nodes[static_cast<std::size_t>(worst.node)];
    CHECK(h.log.has_exact(node.choices[static_cast<std::size_t>(worst.chosen)].text.get("en")));
    CHECK(h.log.has_exact(node.choices[static_cast<std::size_t>(worst.better.value())].text.get("en")));
    CHECK(h.log.contains(std::string(ui("debrief.principle", "en")) + ": "));
    for (const char* key : {"debrief.replay", "debrief.show_best_line", "debrief.review", "debrief.save_markdown",
                            "debrief.save_html"})
        CHECK(h.log.contains(ui(key, "en")));  // with its key: "Play again  (P)"
}

TEST_CASE("a finished run's score appears on its home card") {
    // Tall enough for every card: only the rows in view are drawn (test_large_lists.cpp).
    AppHarness h(AppHarness::bundled(), with_mode("assessment"), {1280, 2400});
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    REQUIRE(h.app->command("finish=2"));
    h.frame();
    const double score = h.app->run()->debrief->overall_score;
    REQUIRE(h.click(ui("common.home", "en")));
    REQUIRE(h.app->screen() == Screen::Home);
    h.frame();
    CHECK(h.log.has_exact(printf_string(ui("home.last_score", "en"), score)));
    CHECK(h.app->results().latest_score(kDirector) == score);  // from the results database
}

TEST_CASE("the debrief's review and best line panels, replay and saving") {
    AppHarness h(AppHarness::bundled(), with_mode("practice"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    REQUIRE(h.app->command("finish=3"));
    h.frame();
    const Run& run = *h.app->run();
    REQUIRE(h.click(ui("debrief.review", "en")));
    CHECK(h.app->debrief_view().panel() == DebriefView::Panel::Review);
    h.frame();
    CHECK(h.log.has_exact(ui("debrief.review_heading", "en")));
    for (const auto& review : run.debrief->decisions) {
        const Node& node = run.scenario->nodes[static_cast<std::size_t>(review.node)];
        CHECK(h.log.has_exact(node.choices[static_cast<std::size_t>(review.chosen)].text.get("en")));
        CHECK(h.log.has_exact(ui((std::string("verdict.") + verdict_id(review.verdict)).c_str(), "en")));
    }
    // Read-only: no choice buttons on the review.
    CHECK(h.log.find_item("2. ") == nullptr);
    REQUIRE(h.click(ui("debrief.show_best_line", "en")));
    h.frame();
    CHECK(h.log.has_exact(ui("debrief.best_line_heading", "en")));
    for (const auto& step : run.debrief->best_line) {
        if (!step.choice) continue;
        const Node& node = run.scenario->nodes[static_cast<std::size_t>(step.node)];
        CHECK(h.log.contains(node.choices[static_cast<std::size_t>(*step.choice)].text.get("en")));
    }
    REQUIRE(h.click(ui("debrief.save_markdown", "en")));
    REQUIRE_FALSE(h.app->run()->saved_path.empty());
    const std::string md = h.app->run()->saved_path;
    CHECK(md.find(h.temp().file("data/debriefs")) == 0);
    CHECK(read_file(md).find("# Debrief") == 0);
    h.frame();
    CHECK(h.log.contains(printf_string(ui("debrief.saved_to", "en"), md.c_str())));
    REQUIRE(h.click(ui("debrief.save_html", "en")));
    const std::string html = read_file(h.app->run()->saved_path);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find(run.scenario->title.get("en")) != std::string::npos);
    CHECK(html.find("</html>") != std::string::npos);
    REQUIRE(h.click(ui("debrief.replay", "en")));
    CHECK(h.app->screen() == Screen::Play);
    CHECK(h.app->run()->session.decision_count() == 0);
    CHECK(h.app->animating());
}

TEST_CASE("playing to the end with keys alone reaches the debrief") {
    AppHarness h(AppHarness::bundled(), with_mode("practice"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    h.frame();
    // What the smoke test does through X: Space, then 1, again and again.
    for (int i = 0; i < 200 && h.app->screen() == Screen::Play; ++i) {
        h.tap(sf::Keyboard::Space);
        h.tap(sf::Keyboard::Num1);
    }
    CHECK(h.app->screen() == Screen::Debrief);
    CHECK(h.app->run()->session.finished());
}

TEST_CASE("a broken scenario gets a card that opens its diagnostics, never a crash") {
    const std::string file = source_path("tests/data/invalid/SD2002_unknown_target_node.json");
    AppHarness h(load_catalogue_file(file));
    h.frame();
    CHECK(h.log.has_exact("SD2002_unknown_target_node.json"));
    REQUIRE(h.click(ui("home.show_problems", "en")));
    REQUIRE(h.app->screen() == Screen::Diagnostics);
    h.frame();
    CHECK(h.log.has_exact(ui("diagnostics.title", "en")));
    CHECK(h.log.contains("SD2002"));
    // "SD2002_unknown_target_node.json:LINE:COL"
    const auto is_location = [](const std::string& t) {
        const std::string file = "SD2002_unknown_target_node.json:";
        if (t.rfind(file, 0) != 0) return false;
        const std::string rest = t.substr(file.size());
        const std::size_t colon = rest.find(':');
        const auto digits = [](const std::string& d) {
            return !d.empty() && d.find_first_not_of("0123456789") == std::string::npos;
        };
        return colon != std::string::npos && digits(rest.substr(0, colon)) && digits(rest.substr(colon + 1));
    };
    CHECK(std::any_of(h.log.texts.begin(), h.log.texts.end(), is_location));
    // The message itself, as the loader wrote it.
    const LoadResult loaded = load_scenario_file(file);
    bool message = false;
    for (const auto& d : loaded.diagnostics)
        if (d.code == "SD2002") message = h.log.has_exact(d.message);
    CHECK(message);
    // `salesdojo play broken.json` opens straight onto the diagnostics.
    AppHarness g(load_catalogue_file(file));
    g.app->apply(intent::OpenScenario{0});
    g.frame();
    CHECK(g.app->screen() == Screen::Diagnostics);
    REQUIRE(g.click(ui("diagnostics.back", "en")));
    CHECK(g.app->screen() == Screen::Home);
}

TEST_CASE("a missing file and a folder without scenarios are messages, not crashes") {
    TempFolder temp;
    AppHarness h(load_catalogue_file(temp.file("nope.json")));
    h.app->apply(intent::OpenScenario{0});
    h.frame();
    CHECK(h.app->screen() == Screen::Diagnostics);
    CHECK(h.log.contains("SD1001"));
    AppHarness empty(load_catalogue_folder(temp.file("no-such-folder")));
    empty.frame();
    CHECK(empty.log.contains(printf_string(ui("home.no_scenarios", "en"), "")));
}

TEST_CASE("every screen lays out from 1024x600 to 3840x2160 with the choices inside the window") {
    for (const sf::Vector2u size : {sf::Vector2u{1024, 600}, sf::Vector2u{1280, 720}, sf::Vector2u{3840, 2160}}) {
        CAPTURE(size.x);
        AppHarness h(AppHarness::bundled(), with_mode("practice", "nl"), size);
        h.frames(2);
        open_director(h);
        for (const auto& item : h.log.items) {
            CAPTURE(item.label);
            CHECK(item.min.x >= 0.0f);
            CHECK(item.max.x <= static_cast<float>(size.x) + 0.5f);
        }
        REQUIRE(h.app->command("finish=2"));
        h.frames(2);
        CHECK(h.log.contains(" / 100"));
        for (const auto& item : h.log.items) {
            CAPTURE(item.label);
            CHECK(item.max.x <= static_cast<float>(size.x) + 0.5f);
            CHECK(item.max.y <= static_cast<float>(size.y) + 0.5f);
        }
        h.app->apply(intent::OpenSettings{});
        h.frames(2);
        CHECK(h.log.has_exact(ui("settings.title", "nl")));
    }
}

TEST_CASE("every string drawn on every screen is drawable by our fonts, in both languages") {
    const auto all_drawable = [](const DrawLog& log) {
        for (const auto& t : log.texts) {
            if (to_drawable_text(t) != t) {
                MESSAGE("not drawable: " << t);
                return false;
            }
        }
        return true;
    };
    for (const char* language : {"en", "nl"}) {
        CAPTURE(language);
        AppHarness h(AppHarness::bundled(), with_mode("practice", language));
        h.frames(2);
        CHECK(all_drawable(h.log));
        for (const auto& entry : h.app->catalogue().entries) {
            CAPTURE(entry.file_name);
            REQUIRE(h.app->command("open=" + entry.card->id));
            h.reveal();
            CHECK(all_drawable(h.log));
            h.tap(sf::Keyboard::Num1);
            CHECK(all_drawable(h.log));
            REQUIRE(h.app->command("finish=2"));
            h.frame();
            CHECK(all_drawable(h.log));
            for (const char* panel : {"panel=review", "panel=best"}) {
                h.app->command(panel);
                h.frame();
                CHECK(all_drawable(h.log));
            }
            h.app->apply(intent::GoHome{});
        }
        h.app->apply(intent::OpenSettings{});
        h.frames(2);
        CHECK(all_drawable(h.log));
    }
}

TEST_CASE("the score is stored when the conversation ends, even if the debrief is never opened") {
    // Tall enough for every card: only the rows in view are drawn (test_large_lists.cpp).
    AppHarness h(AppHarness::bundled(), with_mode("assessment"), {1280, 2400});
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    for (int i = 0; i < 100 && !h.app->run()->session.finished(); ++i) REQUIRE(h.app->command("choose=1"));
    REQUIRE(h.app->run()->session.finished());
    CHECK(h.app->screen() == Screen::Play);
    const double score = h.app->run()->debrief->overall_score;
    h.app->apply(intent::GoHome{});
    h.frame();
    CHECK(h.log.has_exact(printf_string(ui("home.last_score", "en"), score)));
}

TEST_CASE("every interface key the screens use has a translation") {
    const char* used[] = {"common.home", "common.settings", "debrief.accuracy_value", "debrief.assumption", "debrief.best_line_heading", "debrief.best_line_note", "debrief.better_was", "debrief.chance", "debrief.costliest", "debrief.decisions", "debrief.dimensions", "debrief.ending", "debrief.hide_best_line", "debrief.hide_review", "debrief.loss", "debrief.loss_note", "debrief.no_costly", "debrief.not_finished", "debrief.not_passed", "debrief.overall", "debrief.pass_mark", "debrief.passed", "debrief.principle", "debrief.replay", "debrief.review", "debrief.review_heading", "debrief.review_note", "debrief.save_failed", "debrief.save_html", "debrief.save_markdown", "debrief.saved_to", "debrief.show_best_line", "debrief.title", "debrief.you_chose", "diagnostics.back", "diagnostics.copy", "diagnostics.error", "diagnostics.explanation", "diagnostics.heading", "diagnostics.none", "diagnostics.title", "diagnostics.warning", "home.all", "home.filter_language", "home.filter_skill", "home.heading", "home.last_score", "home.minutes", "home.mode", "home.no_match", "home.no_scenarios", "home.not_played", "home.show_problems", "home.start", "home.subtitle", "mode.assessment", "mode.assessment_note", "mode.practice", "mode.practice_note", "play.choose_hint", "play.choose_prompt", "play.continue_key", "play.feedback", "play.finished", "play.no_feedback", "play.progress", "play.reveal_hint", "play.show_all", "play.stuck", "play.to_debrief", "play.undo", "play.you", "settings.close", "settings.font_size_value", "settings.fullscreen", "settings.high_contrast", "settings.language", "settings.larger", "settings.no_speech", "settings.read_aloud", "settings.saved_note", "settings.smaller", "settings.text_size", "settings.text_size_keys", "settings.title", "verdict.best", "verdict.blunder", "verdict.good", "verdict.inaccuracy", "verdict.mistake"};
    for (const char* key : used) {
        CAPTURE(key);
        CHECK(ui_has(key));
    }
    // Keys made from content: skills, languages and difficulties of the bundled pack, the built-in
    // outcome classes and every verdict.
    const Catalogue catalogue = AppHarness::bundled();
    for (const auto& entry : catalogue.entries) {
        for (const auto& skill : entry.card->skills) CHECK(ui_has("skill." + skill));
        for (const auto& language : entry.card->languages) CHECK(ui_has("language." + language));
        CHECK(ui_has("difficulty." + entry.card->difficulty));
    }
    for (const char* outcome : kBuiltinOutcomes) CHECK(ui_has(std::string("outcome.") + outcome));
    for (Verdict v : {Verdict::Best, Verdict::Good, Verdict::Inaccuracy, Verdict::Mistake, Verdict::Blunder})
        CHECK(ui_has(std::string("verdict.") + verdict_id(v)));
}
