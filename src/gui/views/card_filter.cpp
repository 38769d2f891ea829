#include "views/card_filter.hpp"

#include <algorithm>

namespace salesdojo::gui {
namespace {

int difficulty_rank(const std::string& difficulty) {
    if (difficulty == "easy") return 0;
    if (difficulty == "medium") return 1;
    return 2;
}

// Lower case for ASCII and for the two-byte UTF-8 Latin-1 capitals (À..Þ, except ×).
std::string folded(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            const unsigned char next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

std::vector<std::string> words(const std::string& query) {
    std::vector<std::string> out;
    std::string word;
    for (char c : folded(query) + " ") {
        if (c == ' ' || c == '\t') {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return out;
}

bool matches_search(const CardInfo& card, const std::vector<std::string>& query) {
    if (query.empty()) return true;
    std::string haystack;
    for (const auto& [language, text] : card.title.by_language) haystack += folded(text) + "\n";
    for (const auto& [language, text] : card.summary.by_language) haystack += folded(text) + "\n";
    return std::all_of(query.begin(), query.end(),
                       [&](const std::string& w) { return haystack.find(w) != std::string::npos; });
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

CardLength card_length(int minutes) {
    if (minutes <= kShortMinutes) return CardLength::Short;
    if (minutes <= kMediumMinutes) return CardLength::Medium;
    return CardLength::Long;
}

bool card_passes(const CardInfo& card, const CardFilter& filter, const PlayedInfo& played) {
    if (filter.skill && !contains(card.main_skills, *filter.skill)) return false;
    if (filter.language && !contains(card.languages, *filter.language)) return false;
    if (filter.difficulty && card.difficulty != *filter.difficulty) return false;
    if (filter.length && card_length(card.estimated_minutes) != *filter.length) return false;
    if (filter.not_played_only && played.latest_score.count(card.id)) return false;
    return matches_search(card, words(filter.search));
}

std::vector<std::size_t> shown_cards(const Catalogue& catalogue, const CardFilter& filter, const PlayedInfo& played,
                                     const std::string& language) {
    std::vector<std::size_t> ok, broken;
    const std::vector<std::string> query = words(filter.search);
    for (std::size_t i = 0; i < catalogue.entries.size(); ++i) {
        const CatalogueEntry& entry = catalogue.entries[i];
        if (!entry.ok()) {
            broken.push_back(i);
            continue;
        }
        CardFilter rest = filter;
        rest.search.clear();  // split once above
        if (card_passes(*entry.card, rest, played) && matches_search(*entry.card, query)) ok.push_back(i);
    }
    const auto card = [&](std::size_t i) -> const CardInfo& { return *catalogue.entries[i].card; };
    const auto by = [&](auto key) {
        std::stable_sort(ok.begin(), ok.end(), [&](std::size_t a, std::size_t b) { return key(card(a)) < key(card(b)); });
    };
    switch (filter.sort) {
    case CardSort::Catalogue: break;
    case CardSort::Title:
        by([&](const CardInfo& c) { return folded(c.title.get(card_language(c, language))); });
        break;
    case CardSort::Difficulty: by([](const CardInfo& c) { return difficulty_rank(c.difficulty); }); break;
    case CardSort::Length: by([](const CardInfo& c) { return c.estimated_minutes; }); break;
    case CardSort::LastPlayed:
        by([&](const CardInfo& c) {
            const auto it = played.last_played_ms.find(c.id);
            return it == played.last_played_ms.end() ? std::make_pair(1, std::int64_t{0})
                                                     : std::make_pair(0, -it->second);
        });
        break;
    case CardSort::Score:
        by([&](const CardInfo& c) {
            const auto it = played.latest_score.find(c.id);
            return it == played.latest_score.end() ? std::make_pair(1, 0.0) : std::make_pair(0, it->second);
        });
        break;
    }
    ok.insert(ok.end(), broken.begin(), broken.end());
    return ok;
}

}  // namespace salesdojo::gui
