#include "nearest_word.hpp"

#include <salesdojo/loader.hpp>

#include <algorithm>
#include <vector>

namespace salesdojo {

namespace {
constexpr std::size_t kMaxWord = 64;
}

std::size_t edit_distance_at_most(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    const std::size_t over = limit + 1;
    if ((n > m ? n - m : m - n) > limit) return over;
    std::vector<std::size_t> previous(m + 2, over), current(m + 2, over);
    for (std::size_t j = 0; j <= std::min(m, limit); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t lo = i > limit ? i - limit : 1;
        const std::size_t hi = std::min(m, i + limit);
        current[lo - 1] = lo == 1 && i <= limit ? i : over;
        std::size_t row_min = current[lo - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            const std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            const std::size_t value = std::min({previous[j] + 1, current[j - 1] + 1, substitute, over});
            current[j] = value;
            row_min = std::min(row_min, value);
        }
        current[hi + 1] = over;  // the next row reads one cell beyond this band
        if (row_min > limit) return over;
        std::swap(previous, current);
    }
    return std::min(previous[m], over);
}

NearestWord::NearestWord(std::string_view word, std::size_t* budget) : m_word(word), m_budget(budget) {
    m_searching = word.size() <= kMaxWord;
    m_max_distance = std::max<std::size_t>(2, word.size() / 3);
    for (unsigned char c : word) ++m_letters[c];
}

void NearestWord::offer(std::string_view candidate) {
    if (!m_searching) return;
    const std::size_t n = m_word.size(), m = candidate.size();
    if ((n > m ? n - m : m - n) > m_max_distance) return;
    // Letters one word has and the other lacks: each needs at least one edit.
    std::array<int, 256> letters = m_letters;
    for (unsigned char c : candidate) --letters[c];
    std::size_t surplus = 0, shortage = 0;
    for (unsigned char c : m_word) {
        if (letters[c] > 0) surplus += static_cast<std::size_t>(letters[c]);
        letters[c] = 0;
    }
    for (unsigned char c : candidate) {
        if (letters[c] < 0) shortage += static_cast<std::size_t>(-letters[c]);
        letters[c] = 0;
    }
    if (std::max(surplus, shortage) > m_max_distance) return;
    if (m_budget) {
        const std::size_t cost = (n + 1) * (2 * m_max_distance + 1);
        if (*m_budget < cost) {
            m_searching = false;  // spent: no more suggestions in this load
            return;
        }
        *m_budget -= cost;
    }
    const std::size_t d = edit_distance_at_most(m_word, candidate, m_max_distance);
    if (d > m_max_distance) return;
    const bool tie = m_found && d == m_max_distance;
    if (tie && !(candidate < std::string_view(m_best))) return;
    m_found = true;
    m_best.assign(candidate.data(), candidate.size());
    m_max_distance = d;  // from now on only as close or closer
}

std::string nearest_word(std::string_view word, const std::vector<std::string>& candidates) {
    NearestWord nearest(word);
    for (const auto& candidate : candidates) nearest.offer(candidate);
    return nearest.result();
}

}  // namespace salesdojo
