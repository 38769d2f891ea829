// The window's debrief in Dutch takes its words from the report catalogue: no raw id and no English
// interface word is drawn on the debrief, review or best-line panels.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/draw_log.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>

#include <doctest/doctest.h>

#include <cctype>
#include <string>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

bool has_whole_word(const std::string& text, const std::string& word) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
        if ((at == 0 || !word_char(text[at - 1])) &&
            (at + word.size() >= text.size() || !word_char(text[at + word.size()])))
            return true;
    return false;
}

// Texts drawn for people, not the hooks the tests log ("outcome:<id>", "bar:<name>=<n>", ...).
bool is_test_hook(const std::string& text) {
    for (const char* prefix : {"outcome:", "bar:", "portrait:", "screen:"})
        if (text.rfind(prefix, 0) == 0) return true;
    return false;
}

void check_panel(const DrawLog& log, const Scenario& s) {
    for (const auto& text : log.texts) {
        if (is_test_hook(text)) continue;
        CAPTURE(text);
        for (const auto& d : s.dimensions) CHECK_FALSE(has_whole_word(text, d.id));
        for (const auto& o : s.outcomes) CHECK_FALSE(has_whole_word(text, o.id));
        for (const auto& n : s.nodes) CHECK_FALSE(has_whole_word(text, n.id));
        for (const char* english : {"Debrief", "Accuracy", "Costliest", "Best choice", "Mistake", "Cost:", "Ending"})
            CHECK(text.find(english) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("the Dutch debrief, review and best line show names, never ids or English words") {
    int with_costs = 0;
    for (const char* scenario : {"demanding_director", "already_helped"}) {
        CAPTURE(scenario);
        Settings settings;
        settings.mode = "assessment";
        settings.language = "nl";
        AppHarness h(AppHarness::bundled(), settings);
        REQUIRE(h.app->command(std::string("open=") + scenario));
        REQUIRE(h.app->command("finish=2"));
        h.frames(2);
        REQUIRE(h.app->screen() == Screen::Debrief);
        const Run& run = *h.app->run();
        const Scenario& s = *run.scenario;
        CHECK(h.log.has_exact(report::accuracy_text(run.debrief->accuracy, "nl")));
        // Costs in points of 100, explained once above the costliest decisions.
        if (!run.debrief->costliest.empty()) {
            ++with_costs;
            const DecisionReview& first = run.debrief->decisions[run.debrief->costliest.front()];
            CHECK(h.log.has_exact(report::loss_text(first.loss_points, "nl")));
            CHECK(h.log.has_exact("Kosten zijn punten van de totaalscore van 100."));
        }
        const std::string chance = report::chance_sentence(*run.debrief, "nl");
        if (!chance.empty()) CHECK(h.log.has_exact(chance));
        check_panel(h.log, s);
        REQUIRE(h.click(ui("debrief.review", "nl")));
        h.frame();
        check_panel(h.log, s);
        REQUIRE(h.click(ui("debrief.show_best_line", "nl")));
        h.frame();
        CHECK(h.log.has_exact(report::word("debrief.best_line", "nl")));
        check_panel(h.log, s);
    }
    CHECK(with_costs > 0);
}
