#pragma once
// "Did you mean": the nearest known name to an unknown one, at a bounded cost.
//
// An unknown id is compared with every known one, and a scenario may have thousands of ids and
// thousands of unknown references, so each comparison must be cheap: candidates whose length, or
// whose letters, already differ by more than the allowed distance are skipped without an edit
// distance; the edit distance itself is computed only in a band as wide as the allowed distance and
// stops as soon as the distance is exceeded. A shared budget (in DP cells) bounds the total work of
// one load: once it is spent, messages simply carry no suggestion.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace salesdojo {

class NearestWord {
public:
    // `budget`, when given, is decremented by the work done and shared by every search of a load.
    explicit NearestWord(std::string_view word, std::size_t* budget = nullptr);
    void offer(std::string_view candidate);
    // The closest candidate offered (ties: the alphabetically first), or "" when none is close
    // enough: at most max(2, length / 3) edits, for words of at most 64 characters.
    const std::string& result() const { return m_best; }

private:
    std::string_view m_word;
    std::size_t* m_budget;
    std::size_t m_max_distance = 0;  // the largest distance still worth reporting
    bool m_searching = true;         // false: the word is too long to suggest for
    bool m_found = false;
    std::string m_best;
    std::array<int, 256> m_letters{};  // how often each byte occurs in the word
};

// Edit distance between a and b if it is at most `limit`, else limit + 1 (banded, with early exit).
std::size_t edit_distance_at_most(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace salesdojo
