#pragma once
// Which scenario cards the home screen shows, and in what order: a pure function of the catalogue,
// the filter the trainee set and what they played, so it is tested without drawing.
//
// - skill: the card's main skills (salesdojo/main_skills.hpp) include it;
// - language: the scenario offers it;
// - difficulty: easy / medium / hard;
// - length: short (up to kShortMinutes), medium (up to kMediumMinutes), long (more);
// - not played yet: the trainee has no finished attempt of it;
// - search: every word of the query is in the title or summary, in either language, ignoring case
//   (ASCII letters and the accented Latin-1 letters Dutch uses);
// - sort: title (A-Z, in the card's language), difficulty (easy first), length (shortest first),
//   last played (most recent first, never played last), score (lowest latest score first: what
//   most needs practice; never played last). Ties keep the catalogue's order.
// Cards of files that did not load are always shown, last, so their problems are not hidden.
#include "views/catalogue.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

constexpr int kShortMinutes = 10;
constexpr int kMediumMinutes = 15;

enum class CardLength { Short, Medium, Long };
enum class CardSort { Catalogue, Title, Difficulty, Length, LastPlayed, Score };

struct CardFilter {
    std::optional<std::string> skill;
    std::optional<std::string> language;
    std::optional<std::string> difficulty;
    std::optional<CardLength> length;
    bool not_played_only = false;
    std::string search;
    CardSort sort = CardSort::Catalogue;
};

// What the trainee played, per scenario id.
struct PlayedInfo {
    std::map<std::string, double> latest_score;
    std::map<std::string, std::int64_t> last_played_ms;
};

CardLength card_length(int estimated_minutes);
bool card_passes(const CardInfo& card, const CardFilter& filter, const PlayedInfo& played);
// Indices into catalogue.entries, filtered and sorted; `language` is the interface language.
std::vector<std::size_t> shown_cards(const Catalogue& catalogue, const CardFilter& filter, const PlayedInfo& played,
                                     const std::string& language);

}  // namespace salesdojo::gui
