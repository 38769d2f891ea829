// The home screen's filters, sort and search (views/card_filter.hpp) on the bundled pack: each filter
// must discriminate (show some cards, hide others), and one skill has one name on cards and debriefs.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/card_filter.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/main_skills.hpp>
#include <salesdojo/report/names.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

std::vector<std::size_t> shown(const Catalogue& catalogue, const CardFilter& filter, const PlayedInfo& played = {}) {
    return shown_cards(catalogue, filter, played, "en");
}

}  // namespace

TEST_CASE("the bundled pack: every filter discriminates") {
    const Catalogue catalogue = AppHarness::bundled();
    const std::size_t total = catalogue.entries.size();
    REQUIRE(total == 17);
    CHECK(shown(catalogue, {}).size() == total);
    // Skills: by main skill. Before, "declares the skill" matched 13 to 17 of 17 cards.
    REQUIRE(catalogue.skills.size() == 4);
    std::map<std::string, std::size_t> per_skill;
    for (const std::string& skill : catalogue.skills) {
        CAPTURE(skill);
        CardFilter f;
        f.skill = skill;
        const auto cards = shown(catalogue, f);
        per_skill[skill] = cards.size();
        CHECK(cards.size() >= 2);
        CHECK(cards.size() <= total - 4);
        for (std::size_t i : cards) {
            const auto& main = catalogue.entries[i].card->main_skills;
            CHECK(std::find(main.begin(), main.end(), skill) != main.end());
        }
    }
    MESSAGE("cards per main skill: qualify " << per_skill["qualify"] << ", decline " << per_skill["decline"]
                                             << ", bias " << per_skill["bias"] << ", relationship "
                                             << per_skill["relationship"]);
    // Difficulty and length: each value shows its cards only, and every value hides some.
    std::size_t by_difficulty = 0;
    for (const char* difficulty : {"easy", "medium", "hard"}) {
        CardFilter f;
        f.difficulty = difficulty;
        const auto cards = shown(catalogue, f);
        CHECK(!cards.empty());
        CHECK(cards.size() < total);
        for (std::size_t i : cards) CHECK(catalogue.entries[i].card->difficulty == difficulty);
        by_difficulty += cards.size();
    }
    CHECK(by_difficulty == total);
    std::size_t by_length = 0;
    for (CardLength length : {CardLength::Short, CardLength::Medium, CardLength::Long}) {
        CardFilter f;
        f.length = length;
        const auto cards = shown(catalogue, f);
        CHECK(!cards.empty());
        CHECK(cards.size() < total);
        for (std::size_t i : cards) CHECK(card_length(catalogue.entries[i].card->estimated_minutes) == length);
        by_length += cards.size();
    }
    CHECK(by_length == total);
    CHECK(card_length(kShortMinutes) == CardLength::Short);
    CHECK(card_length(kShortMinutes + 1) == CardLength::Medium);
    CHECK(card_length(kMediumMinutes + 1) == CardLength::Long);
}

TEST_CASE("language, not played yet, search and sort") {
    Catalogue catalogue = AppHarness::bundled();
    // Every bundled scenario is in both languages: make one English-only to see the filter work.
    catalogue.entries[0].card->languages = {"en"};
    CardFilter dutch;
    dutch.language = "nl";
    const auto nl = shown(catalogue, dutch);
    CHECK(nl.size() == catalogue.entries.size() - 1);
    CHECK(std::find(nl.begin(), nl.end(), 0u) == nl.end());

    PlayedInfo played;
    const std::string first = catalogue.entries[3].card->id, second = catalogue.entries[5].card->id;
    played.latest_score[first] = 80.0;
    played.last_played_ms[first] = 1000;
    played.latest_score[second] = 40.0;
    played.last_played_ms[second] = 2000;
    CardFilter fresh;
    fresh.not_played_only = true;
    const auto unplayed = shown(catalogue, fresh, played);
    CHECK(unplayed.size() == catalogue.entries.size() - 2);
    CHECK(std::find(unplayed.begin(), unplayed.end(), 3u) == unplayed.end());

    CardFilter sort;
    sort.sort = CardSort::LastPlayed;
    auto order = shown(catalogue, sort, played);
    CHECK(order[0] == 5u);
    CHECK(order[1] == 3u);
    sort.sort = CardSort::Score;
    order = shown(catalogue, sort, played);
    CHECK(order[0] == 5u);  // lowest score first
    CHECK(order[1] == 3u);
    sort.sort = CardSort::Length;
    order = shown(catalogue, sort, played);
    for (std::size_t k = 1; k < order.size(); ++k)
        CHECK(catalogue.entries[order[k - 1]].card->estimated_minutes <= catalogue.entries[order[k]].card->estimated_minutes);
    sort.sort = CardSort::Title;
    order = shown(catalogue, sort, played);
    for (std::size_t k = 1; k < order.size(); ++k)
        CHECK(catalogue.entries[order[k - 1]].card->title.get("en") <= catalogue.entries[order[k]].card->title.get("en"));

    // Search: words from a title, in either language, any case; all words must match.
    const CardInfo& card = *catalogue.entries[7].card;
    CardFilter search;
    search.search = card.title.get("en");
    for (auto& c : search.search) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto found = shown(catalogue, search);
    CHECK(std::find(found.begin(), found.end(), 7u) != found.end());
    CHECK(found.size() < catalogue.entries.size());
    search.search = card.title.get("nl");
    found = shown(catalogue, search);
    CHECK(std::find(found.begin(), found.end(), 7u) != found.end());
    search.search = "zzqx nothing";
    CHECK(shown(catalogue, search).empty());
}

TEST_CASE("the home screen draws the controls and applies them, in both languages") {
    for (const char* language : {"en", "nl"}) {
        CAPTURE(language);
        Settings settings;
        settings.language = language;
        AppHarness h(AppHarness::bundled(), settings, {1280, 2400});
        h.frames(2);
        for (const char* key : {"home.search", "home.sort", "home.not_played_only", "home.skill", "home.difficulty",
                                "home.length", "home.language"})
            CHECK(h.log.contains(ui(key, language)));
        const std::size_t all = h.log.count(ui("home.start", language));
        CHECK(all == 17);
        // A difficulty through the view's filter; the no-match line when nothing is left.
        CardFilter f;
        f.difficulty = "easy";
        h.app->home_view().set_filter(f);
        h.frame();
        CHECK(h.log.count(ui("home.start", language)) == 3);
        f.search = "zzqx";
        h.app->home_view().set_filter(f);
        h.frame();
        CHECK(h.log.has_exact(ui("home.no_match", language)));
        h.app->home_view().set_filter({});
        h.frame();
        CHECK(h.log.count(ui("home.start", language)) == all);
        // Typing in the search box narrows the cards.
        REQUIRE(h.click("search"));
        h.type("director");
        const std::size_t found = h.log.count(ui("home.start", language));
        CHECK(found >= 1);
        CHECK(found < all);
        CHECK(h.app->home_view().filter().search == "director");
    }
}

TEST_CASE("not played yet hides a finished scenario, sorting by last played puts it first") {
    AppHarness h(AppHarness::bundled(), {}, {1280, 2400});
    h.frame();
    REQUIRE(h.app->command("open=their_no"));
    REQUIRE(h.app->command("finish=1"));
    REQUIRE(h.app->command("home"));
    h.frames(2);
    REQUIRE(h.app->screen() == Screen::Home);
    const int entry = find_entry(h.app->catalogue(), "their_no");
    REQUIRE(entry >= 0);
    CardFilter f;
    f.not_played_only = true;
    h.app->home_view().set_filter(f);
    h.frame();
    const auto& shown_now = h.app->home_view().shown();
    CHECK(shown_now.size() == 16);
    CHECK(std::find(shown_now.begin(), shown_now.end(), static_cast<std::size_t>(entry)) == shown_now.end());
    f.not_played_only = false;
    f.sort = CardSort::LastPlayed;
    h.app->home_view().set_filter(f);
    h.frame();
    REQUIRE_FALSE(h.app->home_view().shown().empty());
    CHECK(h.app->home_view().shown().front() == static_cast<std::size_t>(entry));
}

TEST_CASE("one name per skill: cards, filters and every bundled debrief use the same words") {
    const Catalogue catalogue = AppHarness::bundled();
    for (const auto& entry : catalogue.entries) {
        CAPTURE(entry.file_name);
        LoadResult loaded = load_scenario_file(entry.path);
        REQUIRE(loaded.scenario);
        const Scenario& s = *loaded.scenario;
        for (const char* language : {"en", "nl"}) {
            for (std::size_t d = 0; d < s.dimensions.size(); ++d) {
                const std::string card_name = report::skill_name(s.dimensions[d].id, language);
                if (card_name.empty()) continue;  // an author's own dimension is no skill
                CHECK(report::dimension_name(s, static_cast<int>(d), {language, language}) == card_name);
                CHECK(std::string(ui("skill." + s.dimensions[d].id, language)) == card_name);
            }
        }
        // The main skills are declared skills, at least one.
        REQUIRE_FALSE(entry.card->main_skills.empty());
        for (const auto& skill : entry.card->main_skills)
            CHECK(std::find(s.skills.begin(), s.skills.end(), skill) != s.skills.end());
    }
}
