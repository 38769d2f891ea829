// The debrief and the keys of issue 12, headless through the platform layer's key events: every
// panel, the every-option toggle, saving, replay and home by key; the key legend (F1) for every
// screen in both languages; Ctrl+Q (asking first mid-run); the decisions panel shows each decision's
// choice, verdict, feedback, principle and better option with its score; each panel keeps its scroll.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/format.hpp"
#include "views/key_legend.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

const char* kDirector = "demanding_director";

Settings settings_for(const char* language) {
    Settings s;
    s.mode = "practice";
    s.language = language;
    return s;
}

std::size_t files_in(const std::string& folder) {
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = std::filesystem::directory_iterator(folder, ec); !ec && it != std::filesystem::directory_iterator(); ++it) ++n;
    return n;
}

// Whether a text containing `needle` was laid out inside the visible part of its panel.
bool shown(const DrawLog& log, const std::string& needle) {
    for (const auto& box : log.boxes)
        if (box.label.find(needle) != std::string::npos && box.max.y > box.clip_min.y && box.min.y < box.clip_max.y)
            return true;
    return false;
}

}  // namespace

TEST_CASE("debrief keys: D, R, B, A, S, W, P and Esc do what the buttons do") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    REQUIRE(h.app->command("finish=2"));
    h.frames(2);
    DebriefView& view = h.app->debrief_view();
    CHECK(view.panel() == DebriefView::Panel::Decisions);
    h.tap(sf::Keyboard::R);
    CHECK(view.panel() == DebriefView::Panel::Review);
    h.tap(sf::Keyboard::B);
    CHECK(view.panel() == DebriefView::Panel::BestLine);
    h.tap(sf::Keyboard::B);
    CHECK(view.panel() == DebriefView::Panel::Decisions);
    h.tap(sf::Keyboard::R);
    h.tap(sf::Keyboard::D);
    CHECK(view.panel() == DebriefView::Panel::Decisions);
    CHECK_FALSE(view.all_scores());
    h.tap(sf::Keyboard::A);
    CHECK(view.all_scores());

    const std::string folder = h.temp().file("data/debriefs");
    h.tap(sf::Keyboard::S);
    REQUIRE(h.app->run());
    CHECK(h.app->run()->saved_path.size() > 3);
    CHECK(h.app->run()->saved_path.substr(h.app->run()->saved_path.size() - 3) == ".md");
    h.tap(sf::Keyboard::W);
    CHECK(h.app->run()->saved_path.substr(h.app->run()->saved_path.size() - 5) == ".html");
    CHECK(files_in(folder) >= 1);

    h.tap(sf::Keyboard::P);
    CHECK(h.app->screen() == Screen::Play);
    REQUIRE(h.app->command("finish=1"));
    h.frames(2);
    h.tap(sf::Keyboard::Escape);
    CHECK(h.app->screen() == Screen::Home);
}

TEST_CASE("debrief: Tab gives a button the visible focus and Enter presses it") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    REQUIRE(h.app->command("finish=2"));
    h.frames(2);
    bool pressed = false;
    for (int i = 0; i < 12 && !pressed; ++i) {
        h.tap(sf::Keyboard::Tab);
        const DrawLog::Item* focused = h.log.focused_item();
        REQUIRE(focused != nullptr);  // every Tab lands on a visibly focused control
        CHECK(h.app->focused_label() == focused->label);
        if (focused->label.find(ui("debrief.review", "en")) == 0) {
            h.tap(sf::Keyboard::Enter);
            pressed = true;
        }
    }
    REQUIRE(pressed);
    CHECK(h.app->debrief_view().panel() == DebriefView::Panel::Review);
}

TEST_CASE("F1 shows the keys of the screen in the interface language and F1 or Esc closes them") {
    for (const char* language : {"en", "nl"}) {
        AppHarness h(AppHarness::bundled(), settings_for(language));
        h.frames(2);
        h.tap(sf::Keyboard::F1);
        CHECK(h.app->legend_open());
        h.frame();
        CHECK(h.log.contains("legend:home"));
        for (const KeyLegendRow& row : key_legend_rows("home")) {
            CHECK(h.log.contains(ui(row.keys, language)));
            CHECK(h.log.contains(ui(row.action, language)));
        }
        h.tap(sf::Keyboard::Escape);
        CHECK_FALSE(h.app->legend_open());
        CHECK(h.app->screen() == Screen::Home);

        REQUIRE(h.app->command(std::string("open=") + kDirector));
        REQUIRE(h.app->command("finish=2"));
        h.frames(2);
        h.tap(sf::Keyboard::F1);
        h.frame();
        CHECK(h.log.contains("legend:debrief"));
        CHECK(h.log.contains(ui("keys.save_markdown", language)));
        h.tap(sf::Keyboard::Escape);  // closes the legend only: the debrief stays
        CHECK_FALSE(h.app->legend_open());
        CHECK(h.app->screen() == Screen::Debrief);
        h.tap(sf::Keyboard::F1);
        h.tap(sf::Keyboard::F1);
        CHECK_FALSE(h.app->legend_open());
    }
}

TEST_CASE("every screen's key legend has words for each key and action in both languages") {
    for (const char* screen : {"home", "play", "debrief", "history", "diagnostics", "authoring", "settings"}) {
        const auto rows = key_legend_rows(screen);
        CHECK(rows.size() >= 5);
        for (const KeyLegendRow& row : rows) {
            CHECK_MESSAGE(ui_has(row.keys), row.keys);
            CHECK_MESSAGE(ui_has(row.action), row.action);
        }
    }
}

TEST_CASE("Ctrl+Q quits at once on the home screen and asks first in the middle of a conversation") {
    {
        AppHarness h(AppHarness::bundled(), settings_for("en"));
        h.frames(2);
        h.tap(sf::Keyboard::Q, true);
        CHECK(h.app->quit_requested());
    }
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    h.reveal();
    REQUIRE(h.app->command("choose=1"));
    REQUIRE(h.app->command("continue"));
    h.frames(2);
    h.tap(sf::Keyboard::Q, true);
    CHECK_FALSE(h.app->quit_requested());
    CHECK(h.app->leave_asked());
    h.tap(sf::Keyboard::Escape);  // stay
    CHECK_FALSE(h.app->leave_asked());
    CHECK_FALSE(h.app->quit_requested());
    CHECK(h.app->screen() == Screen::Play);
    h.tap(sf::Keyboard::Q, true);
    REQUIRE(h.app->leave_asked());
    h.tap(sf::Keyboard::Enter);  // leave: the run is kept for resume, then the window closes
    CHECK(h.app->quit_requested());
    CHECK(h.app->results().saved_run(kDirector));
}

TEST_CASE("the decisions panel: per decision the choice, verdict, feedback, principle, better option and scores") {
    for (const char* language : {"en", "nl"}) {
        AppHarness h(AppHarness::bundled(), settings_for(language), {1280, 20000});  // all of it in view
        REQUIRE(h.app->command(std::string("open=") + kDirector));
        REQUIRE(h.app->command("finish=3"));
        h.frames(2);
        const Run& run = *h.app->run();
        const std::string content = run.language;
        const report::DebriefPage page = report::debrief_page(*run.debrief, *run.scenario, {language, content});
        REQUIRE(page.decisions.size() == run.debrief->decisions.size());
        bool some_better = false, some_feedback = false;
        for (std::size_t i = 0; i < page.decisions.size(); ++i) {
            const report::DecisionLine& line = page.decisions[i];
            CAPTURE(i);
            CHECK(h.log.contains(report::phrase("debrief.decision_number", language, {std::to_string(i + 1)})));
            CHECK(h.log.has_exact(line.chosen));
            if (!line.feedback.empty()) {
                CHECK(h.log.has_exact(line.feedback));  // every decision's feedback, not only the costliest
                some_feedback = true;
            }
            for (const auto& principle : line.principles)
                CHECK(h.log.contains(std::string(ui("debrief.principle", language)) + ": " + principle.title));
            if (!line.better.empty()) {
                some_better = true;
                CHECK(h.log.has_exact(line.better));
                const DecisionReview& review = run.debrief->decisions[i];
                double better_score = -1, chosen_score = -1;
                for (const auto& alt : review.alternatives) {
                    if (alt.choice == *review.better) better_score = alt.what_if;
                    if (alt.choice == review.chosen) chosen_score = alt.what_if;
                }
                CHECK(h.log.has_exact(printf_string(ui("debrief.with_better", language),
                                                    report::score_text(better_score, language).c_str(),
                                                    report::score_text(chosen_score, language).c_str())));
            }
        }
        CHECK(some_better);
        CHECK(some_feedback);
        // Every option's score only on request.
        const report::AlternativeLine& first = page.decisions.front().alternatives.front();
        const std::string first_row = report::score_text(first.what_if, language) + "   " + first.text;
        CHECK_FALSE(h.log.contains(first_row));
        h.tap(sf::Keyboard::A);
        h.frame();
        for (const auto& line : page.decisions)
            for (const auto& alt : line.alternatives)
                CHECK(h.log.contains(report::score_text(alt.what_if, language) + "   " + alt.text));
        // What the figures mean, in a legend.
        for (const char* key : {"debrief.explain_overall", "debrief.explain_accuracy", "debrief.explain_cost",
                                "debrief.explain_what_if"})
            CHECK(h.log.has_exact(ui(key, language)));
    }
}

TEST_CASE("each dimension's sentence blames the decision that cost most on that dimension") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    for (const char* pick : {"finish=2", "finish=3", "finish=4"}) {
        REQUIRE(h.app->command(std::string("open=") + kDirector));
        REQUIRE(h.app->command(pick));
        const Run& run = *h.app->run();
        const Debrief& d = *run.debrief;
        for (std::size_t dim = 0; dim < d.dimensions.size(); ++dim) {
            if (d.dimensions[dim].score >= 100.0 - 1e-6) continue;
            // The decision (not a best move) that gave up most on this dimension.
            const DecisionReview* worst = nullptr;
            for (const auto& review : d.decisions)
                if (review.loss > 1e-9 && dim < review.dimension_loss.size() && review.dimension_loss[dim] > 1e-9 &&
                    (!worst || review.dimension_loss[dim] > worst->dimension_loss[dim]))
                    worst = &review;
            if (!worst) continue;
            const std::string sentence = report::dimension_sentence(d, *run.scenario, static_cast<int>(dim), {"en", "en"});
            const Node& node = run.scenario->nodes[static_cast<std::size_t>(worst->node)];
            CAPTURE(pick);
            CAPTURE(dim);
            CHECK(sentence.find(node.choices[static_cast<std::size_t>(worst->chosen)].text.get("en")) != std::string::npos);
        }
        REQUIRE(h.app->command("home"));
    }
}

TEST_CASE("review and best line keep their own scroll and never draw blank") {
    AppHarness h(AppHarness::bundled(), settings_for("en"), {1024, 600});
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    REQUIRE(h.app->command("finish=3"));
    h.frames(2);
    h.tap(sf::Keyboard::R);
    const std::string review_heading = ui("debrief.review_heading", "en");
    const std::string best_heading = ui("debrief.best_line_heading", "en");
    CHECK(shown(h.log, review_heading));
    h.tap(sf::Keyboard::End);  // to the end of the review
    h.frame();
    CHECK_FALSE(shown(h.log, review_heading));
    h.tap(sf::Keyboard::B);  // the best line: at its own top, drawn in the first frame
    CHECK(shown(h.log, best_heading));
    h.tap(sf::Keyboard::R);  // back to the review: where it was left
    CHECK_FALSE(shown(h.log, review_heading));
    CHECK(h.app->debrief_view().panel() == DebriefView::Panel::Review);
}

TEST_CASE("home: Page Down / Page Up scroll the cards, Tab reaches a card's Start and Enter opens it") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    h.frames(3);
    const CatalogueEntry& first = h.app->catalogue().entries.front();
    REQUIRE(first.ok());
    const std::string title = first.card->title.get("en");
    CHECK(shown(h.log, title));
    h.tap(sf::Keyboard::PageDown);
    CHECK_FALSE(shown(h.log, title));
    h.tap(sf::Keyboard::PageUp);
    CHECK(shown(h.log, title));
    bool on_start = false;
    for (int i = 0; i < 30 && !on_start; ++i) {
        h.tap(sf::Keyboard::Tab);
        on_start = h.app->focused_label() == ui("home.start", "en");
    }
    REQUIRE(on_start);
    h.tap(sf::Keyboard::Enter);
    CHECK(h.app->screen() == Screen::Play);
}

TEST_CASE("a chord split over two frames counts: Ctrl released in the frame where Q went down") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    h.frames(2);
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    sf::Event control = key(sf::Event::KeyPressed, sf::Keyboard::LControl);
    input.process_event(control, io);
    input.begin_frame(io, {1280, 720}, 1.0f / 60.0f);
    CHECK(io.KeyCtrl);
    sf::Event q = key(sf::Event::KeyPressed, sf::Keyboard::Q);
    q.key.control = true;  // X reports the modifiers held with each key
    input.process_event(q, io);
    q.type = sf::Event::KeyReleased;
    input.process_event(q, io);
    control.type = sf::Event::KeyReleased;
    input.process_event(control, io);
    input.begin_frame(io, {1280, 720}, 1.0f / 60.0f);
    CHECK(io.KeyCtrl);  // Ctrl is already up, but it came with Q
    CHECK(io.KeysDown[sf::Keyboard::Q]);
    input.begin_frame(io, {1280, 720}, 1.0f / 60.0f);
    CHECK_FALSE(io.KeyCtrl);
}
