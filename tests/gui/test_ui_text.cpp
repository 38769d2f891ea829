// The interface strings: both languages for every key, matching printf placeholders, drawable text.
#include "text_fallback.hpp"
#include "ui_text.hpp"

#include <salesdojo/report/catalogue.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <string>
#include <vector>

using namespace salesdojo::gui;

namespace {

// The conversions of a printf format in order, each as its length modifier + conversion letter
// ("d", ".0f" counts as "f", "ld", "s"); "%%" is not a placeholder. A malformed '%' gives "?".
std::vector<std::string> placeholders(const std::string& format) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') continue;
        ++i;
        if (i < format.size() && format[i] == '%') continue;
        while (i < format.size() && std::strchr("-+ #0", format[i])) ++i;
        while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) ++i;
        if (i < format.size() && format[i] == '.') {
            ++i;
            while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) ++i;
        }
        std::string spec;
        while (i < format.size() && std::strchr("hlLzjt", format[i])) spec += format[i++];
        if (i < format.size() && std::strchr("diuxXfFeEgGcsp", format[i])) {
            spec += format[i];
        } else {
            spec = "?";
        }
        out.push_back(spec);
    }
    return out;
}

}  // namespace

TEST_CASE("the placeholder parser used by these tests") {
    CHECK(placeholders("Decision %d of ~%d") == std::vector<std::string>{"d", "d"});
    CHECK(placeholders("%.0f%% and %s") == std::vector<std::string>{"f", "s"});
    CHECK(placeholders("100%") == std::vector<std::string>{"?"});
    CHECK(placeholders("no placeholders").empty());
}

TEST_CASE("every key has non-empty English and Dutch text with the same placeholders") {
    const auto keys = ui_keys();
    REQUIRE(keys.size() > 50);
    std::set<std::string_view> seen;
    for (std::string_view key : keys) {
        CAPTURE(key);
        CHECK_MESSAGE(seen.insert(key).second, "duplicate key");
        const std::string en = ui(key, "en");
        const std::string nl = ui(key, "nl");
        CHECK(!en.empty());
        CHECK(!nl.empty());
        CHECK(en != std::string(key));  // a real entry, not the unknown-key echo
        const auto en_ph = placeholders(en);
        const auto nl_ph = placeholders(nl);
        CHECK(en_ph == nl_ph);
        for (const auto& p : en_ph) CHECK(p != "?");
        for (const auto& p : nl_ph) CHECK(p != "?");
        // Our fonts draw every character (no U+2212, no emoji).
        CHECK(to_drawable_text(en) == en);
        CHECK(to_drawable_text(nl) == nl);
        CHECK(ui_has(key));
    }
}

TEST_CASE("the keys the screens need exist") {
    const char* required[] = {
        "app.title", "home.heading", "home.filter_skill", "home.filter_language", "home.all",
        "home.practice", "home.assessment", "home.practice_explanation", "home.assessment_explanation",
        "home.start", "home.last_score", "home.no_score", "home.minutes", "difficulty.easy",
        "difficulty.medium", "difficulty.hard", "skill.qualify", "skill.decline", "skill.bias",
        "skill.relationship", "language.nl", "language.en", "home.settings", "play.progress",
        "play.continue", "play.undo", "play.feedback", "play.skip_hint", "play.narration",
        "play.choice_unavailable", "play.back_home", "play.quit_confirm", "debrief.heading",
        "debrief.overall", "debrief.accuracy", "debrief.ending", "outcome.qualified-fit",
        "outcome.declined-misfit", "outcome.pursued-misfit", "outcome.abandoned-fit",
        "debrief.per_dimension", "debrief.costliest", "debrief.you_chose", "debrief.better",
        "debrief.principle", "debrief.feedback", "debrief.replay", "debrief.show_best_line",
        "debrief.review", "debrief.save_markdown", "debrief.save_html", "debrief.saved_to",
        "debrief.save_failed", "settings.heading", "settings.language", "settings.font_size",
        "settings.larger", "settings.smaller", "settings.high_contrast", "settings.fullscreen",
        "settings.read_aloud", "settings.read_aloud_unavailable", "settings.close",
        "diagnostics.heading", "diagnostics.explanation", "diagnostics.file", "diagnostics.line",
        "diagnostics.column", "diagnostics.back", "verdict.best", "verdict.good", "verdict.inaccuracy",
        "verdict.mistake", "verdict.blunder",
    };
    for (const char* key : required) {
        CAPTURE(key);
        CHECK(ui_has(key));
    }
    CHECK(placeholders(ui("play.progress", "en")) == std::vector<std::string>{"d", "d"});
    CHECK(placeholders(ui("debrief.saved_to", "nl")) == std::vector<std::string>{"s"});
    CHECK(std::string(ui("play.undo", "en")).find("Backspace") != std::string::npos);
    CHECK(std::string(ui("settings.fullscreen", "nl")).find("F11") != std::string::npos);
}

TEST_CASE("aliases give the text of the key they stand for") {
    CHECK(ui_has("debrief.title"));
    CHECK(std::string(ui("debrief.title", "nl")) == ui("debrief.heading", "nl"));
    CHECK(std::string(ui("mode.practice", "en")) == ui("home.practice", "en"));
    CHECK(std::string(ui("settings.no_speech", "nl")) == ui("settings.read_aloud_unavailable", "nl"));
    const auto keys = ui_keys();
    CHECK(std::find(keys.begin(), keys.end(), std::string_view("debrief.title")) == keys.end());
}

TEST_CASE("languages: nl gives Dutch, anything else English") {
    CHECK(std::string(ui("home.start", "en")) == "Start");
    CHECK(std::string(ui("home.start", "nl")) == "Beginnen");
    CHECK(std::string(ui("home.start", "de")) == "Start");
    CHECK(std::string(ui("home.start", "")) == "Start");
    CHECK(std::string(ui("language.nl", "nl")) == "Nederlands");
    CHECK(std::string(ui("language.nl", "en")) == "Dutch");
}

TEST_CASE("an unknown key returns the key itself, with a pointer that stays valid") {
    CHECK(std::string(ui("no.such.key", "en")) == "no.such.key");
    CHECK(std::string(ui("no.such.key", "nl")) == "no.such.key");
    CHECK_FALSE(ui_has("no.such.key"));
    // A view into a longer buffer: the result is still zero-terminated at the key's end.
    const std::string buffer = "home.unknownXYZ";
    const char* a = ui(std::string_view(buffer).substr(0, 12), "en");
    CHECK(std::string(a) == "home.unknown");
    const char* b = ui("home.unknown", "nl");
    CHECK(a == b);  // interned once
    CHECK(std::string(ui("", "en")).empty());
}

TEST_CASE("one catalogue per word: the window's table shares no key or text with the report catalogue") {
    std::set<std::string> report_texts;
    for (std::string_view key : salesdojo::report::word_keys()) {
        report_texts.insert(salesdojo::report::word(key, "en"));
        report_texts.insert(salesdojo::report::word(key, "nl"));
    }
    for (std::string_view key : ui_keys()) {
        CAPTURE(key);
        CHECK_FALSE(salesdojo::report::has_word(key));
        // Short labels ("OK", "Score") may coincide; a sentence or phrase may not.
        const std::string en = ui(key, "en");
        if (en.size() > 12) CHECK(report_texts.count(en) == 0);
    }
    // Shared words reach the window through ui(), unchanged.
    CHECK(std::string(ui("verdict.mistake", "nl")) == salesdojo::report::word("verdict.mistake", "nl"));
    CHECK(std::string(ui("skill.decline", "nl")) == salesdojo::report::word("dimension.decline", "nl"));
    CHECK(std::string(ui("debrief.title", "nl")) == "Nabespreking");
    CHECK(ui_has("outcome.pursued-misfit"));
}
