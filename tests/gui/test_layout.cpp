// Layout at every window size, text size and language the product promises (issue 12): on the home,
// play, debrief, history and settings screens and the key legend no two texts, buttons, combo boxes
// or text fields overlap, none
// sticks out of the side of its panel, and in a panel that does not scroll none sticks out at the top
// or bottom either. On the play screen the line being answered and the first option (or the
// feedback and Continue) are in view without scrolling. Checked over the draw log's rectangles
// (views/draw_log.hpp), headless, with the real fonts.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/draw_log.hpp"
#include "views/play_lines.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

constexpr float kSlack = 1.0f;  // rounding of positions

struct Visible {
    ImVec2 min, max;
    bool any = false;
};

Visible visible_part(const DrawLog::Box& box) {
    Visible v;
    v.min = ImVec2(std::max(box.min.x, box.clip_min.x), std::max(box.min.y, box.clip_min.y));
    v.max = ImVec2(std::min(box.max.x, box.clip_max.x), std::min(box.max.y, box.clip_max.y));
    v.any = v.max.x - v.min.x > kSlack && v.max.y - v.min.y > kSlack;
    return v;
}

std::string describe(const DrawLog::Box& box) {
    std::ostringstream out;
    out << "'" << box.label.substr(0, 60) << "' [" << box.min.x << "," << box.min.y << " - " << box.max.x << ","
        << box.max.y << "] in " << box.window_name.substr(box.window_name.rfind('/') + 1);
    return out.str();
}

// The screen ("") or the popup (its top window's name) a box is drawn in.
std::string layer(const DrawLog::Box& box) {
    return box.overlay ? box.window_name.substr(0, box.window_name.find('/')) : std::string();
}

// Everything wrong with one frame's layout, one line each.
std::vector<std::string> layout_problems(const DrawLog& log) {
    std::vector<std::string> problems;
    std::vector<std::pair<const DrawLog::Box*, Visible>> shown;
    for (const auto& box : log.boxes) {
        if (box.label.empty()) continue;
        // Out of the side of its panel even where scrolled out of view (the home screen scrolls as a
        // whole: its filters are below the fold at large text).
        if (box.min.x < box.panel_min.x - kSlack || box.max.x > box.panel_max.x + kSlack) {
            problems.push_back("sticks out of the side of its panel: " + describe(box));
            continue;
        }
        const Visible v = visible_part(box);
        if (!v.any) continue;  // scrolled out of view
        shown.push_back({&box, v});
        if (!box.scrolls && (box.min.y < box.panel_min.y - kSlack || box.max.y > box.panel_max.y + kSlack))
            problems.push_back("cut off at the top or bottom of a panel that does not scroll: " + describe(box));
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            // Text on the screen and text in a popup over it (the settings, the key legend) are
            // compared each with their own kind: a popup covers the screen by design.
            if (layer(*shown[i].first) != layer(*shown[j].first)) continue;
            const Visible& a = shown[i].second;
            const Visible& b = shown[j].second;
            const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
            const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
            if (w > kSlack && h > kSlack)
                problems.push_back("overlap: " + describe(*shown[i].first) + " and " + describe(*shown[j].first));
        }
    }
    return problems;
}

bool in_panel(const DrawLog::Box& box, std::string_view panel) {
    return box.window_name.find(panel) != std::string::npos;
}

// Whether a box in `panel` whose label is `text` (or, for a long text, a piece of it) is drawn, every
// piece of it wholly inside the visible part of its panel: seen without scrolling.
std::string not_in_view(const DrawLog& log, const std::string& text, std::string_view panel, bool prefix = false) {
    bool found = false;
    for (const auto& box : log.boxes) {
        if (box.overlay || box.label.empty() || !in_panel(box, panel)) continue;
        const bool match = prefix ? text.rfind(box.label, 0) == 0 || box.label.rfind(text, 0) == 0
                                  : box.label == text || (box.label.size() > 20 && text.find(box.label) != std::string::npos);
        if (!match) continue;
        found = true;
        if (box.min.y < box.clip_min.y - kSlack || box.max.y > box.clip_max.y + kSlack ||
            box.min.x < box.clip_min.x - kSlack || box.max.x > box.clip_max.x + kSlack)
            return "not in view without scrolling: " + describe(box) + " (visible " + std::to_string(box.clip_min.y) +
                   " to " + std::to_string(box.clip_max.y) + ")";
    }
    return found ? "" : "not drawn in " + std::string(panel) + ": '" + text.substr(0, 60) + "'";
}

// The play screen as a trainee must see it: the line being answered and the first option, or (after
// a decision in practice) the feedback and Continue, without scrolling anything.
std::vector<std::string> play_problems(AppHarness& h) {
    std::vector<std::string> problems;
    const Run& run = *h.app->run();
    const std::string& language = run.language;
    const auto add = [&](const std::string& problem) {
        if (!problem.empty()) problems.push_back(problem);
    };
    if (run.awaiting_continue) {
        const int last = last_decision_entry(run.session);
        REQUIRE(last >= 0);
        const auto& entry = run.session.transcript()[static_cast<std::size_t>(last)];
        const auto& choice = run.scenario->nodes[static_cast<std::size_t>(entry.node)]
                                 .choices[static_cast<std::size_t>(*entry.choice)];
        const std::string feedback = choice.feedback.empty() ? ui("play.no_feedback", h.app->settings().language)
                                                             : choice.feedback.get(language);
        add(not_in_view(h.log, feedback, "##feedback"));
        add(not_in_view(h.log, ui("play.continue_key", h.app->settings().language), "##bottom"));
        return problems;
    }
    const std::vector<Line>& lines = h.app->play_view().lines();
    const auto speech = std::find_if(lines.rbegin(), lines.rend(), [](const Line& l) { return l.kind == LineKind::Speech; });
    REQUIRE_FALSE(lines.empty());
    if (speech != lines.rend()) add(not_in_view(h.log, speech->who, "##lines"));
    add(not_in_view(h.log, speech != lines.rend() ? speech->text : lines.back().text, "##lines"));
    const auto options = run.session.options();
    REQUIRE_FALSE(options.empty());
    add(not_in_view(h.log, "1. " + options.front().choice->text.get(language), "##bottom", true));
    return problems;
}

void check_play_in_view(AppHarness& h, const std::string& where) {
    const std::vector<std::string> problems = play_problems(h);
    std::string message;
    for (const auto& p : problems) message += "\n  " + p;
    CHECK_MESSAGE(problems.empty(), where << ": " << problems.size() << " problems" << message);
}

void check_layout(AppHarness& h, const std::string& where) {
    h.frames(3);  // ImGui settles sizes over a frame or two
    const std::vector<std::string> problems = layout_problems(h.log);
    std::string message;
    for (std::size_t i = 0; i < problems.size() && i < 12; ++i) message += "\n  " + problems[i];
    if (problems.size() > 12) message += "\n  ... and " + std::to_string(problems.size() - 12) + " more";
    CHECK_MESSAGE(problems.empty(), where << ": " << problems.size() << " layout problems" << message);
    CHECK_MESSAGE(!h.log.boxes.empty(), where << ": nothing was drawn");
}

}  // namespace

TEST_CASE("layout checker: it finds an overlap and text sticking out of a panel") {
    DrawLog log;
    DrawLog::Box a;
    a.label = "Medium";
    a.min = ImVec2(10, 10), a.max = ImVec2(100, 30);
    a.clip_min = a.panel_min = ImVec2(0, 0);
    a.clip_max = a.panel_max = ImVec2(200, 200);
    DrawLog::Box b = a;
    b.label = "No score yet";
    b.min = ImVec2(50, 20), b.max = ImVec2(150, 40);
    log.boxes = {a, b};
    CHECK(layout_problems(log).size() == 1);
    b.min.y = 31, b.max.y = 50;  // below it: fine
    log.boxes = {a, b};
    CHECK(layout_problems(log).empty());
    b.max.x = 260;  // wider than its panel
    log.boxes = {a, b};
    CHECK(layout_problems(log).size() == 1);
    b.max.x = 150;
    b.scrolls = false;
    b.max.y = 230;  // below the bottom of a card
    b.clip_max.y = 260;
    log.boxes = {a, b};
    CHECK(layout_problems(log).size() == 1);
    b.scrolls = true;  // a scrolling panel: the rest is further down
    log.boxes = {a, b};
    CHECK(layout_problems(log).empty());
}

TEST_CASE("layout: no overlapping or clipped text at any size, text size and language, the play screen in view") {
    const sf::Vector2u sizes[] = {{1024, 600}, {1280, 720}, {1920, 1080}, {3840, 2160}};
    const float text_sizes[] = {1.0f, 1.5f, 1.75f, 2.0f};
    for (const sf::Vector2u size : sizes) {
        for (const float text_size : text_sizes) {
            for (const char* language : {"en", "nl"}) {
                const std::string config = std::to_string(size.x) + "x" + std::to_string(size.y) + " text " +
                                           std::to_string(static_cast<int>(text_size * 100)) + "% " + language;
                Settings settings;
                settings.language = language;
                settings.mode = "practice";
                settings.font_scale = text_size;
                AppHarness h(AppHarness::bundled(), settings, size);
                h.set_text_size(text_size);
                check_layout(h, config + " home");
                REQUIRE(h.app->command("open=demanding_director"));
                h.reveal();
                check_layout(h, config + " play");
                check_play_in_view(h, config + " play");
                REQUIRE(h.app->command("choose=1"));
                REQUIRE(h.app->run()->awaiting_continue);  // the feedback shows at once (no reveal: Space continues)
                check_layout(h, config + " play feedback");
                check_play_in_view(h, config + " play feedback");
                REQUIRE(h.app->command("continue"));
                h.reveal();
                check_layout(h, config + " play, second decision");
                check_play_in_view(h, config + " play, second decision");
                REQUIRE(h.app->command("finish=2"));
                check_layout(h, config + " debrief");
                REQUIRE(h.app->command("scores=all"));
                check_layout(h, config + " debrief, every option's score");
                REQUIRE(h.app->command("panel=review"));
                check_layout(h, config + " debrief review");
                REQUIRE(h.app->command("panel=best"));
                check_layout(h, config + " debrief best line");
                REQUIRE(h.app->command("history"));
                check_layout(h, config + " history");
                REQUIRE(h.app->command("settings"));
                check_layout(h, config + " settings");
                h.tap(sf::Keyboard::Escape);  // as a trainee closes them (the popup closes with them)
                REQUIRE_FALSE(h.app->settings_open());
                h.tap(sf::Keyboard::F1);
                REQUIRE(h.app->legend_open());
                check_layout(h, config + " key legend");
                h.tap(sf::Keyboard::Escape);
            }
        }
    }
}
