#include "views/typewriter.hpp"

#include <algorithm>

namespace salesdojo::gui {

std::size_t code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string_view prefix_code_points(std::string_view utf8, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) {
            if (seen == n) return utf8.substr(0, i);
            ++seen;
        }
    }
    return utf8;
}

void Typewriter::start(const std::vector<std::string_view>& texts, std::size_t already_shown, float chars_per_second) {
    m_starts.clear();
    m_total = 0;
    for (const auto& t : texts) {
        m_starts.push_back(m_total);
        m_total += code_points(t);
    }
    m_shown = static_cast<float>(std::min(already_shown, m_total));
    const float remaining = static_cast<float>(m_total) - m_shown;
    const float base = std::max(chars_per_second, 1.0f);
    m_speed = std::max(base, remaining / (kMaxSeconds * kCharsPerSecond / base));
}

void Typewriter::advance(float seconds) {
    if (!revealing()) return;
    m_shown = std::min(static_cast<float>(m_total), m_shown + std::max(0.0f, seconds) * m_speed);
}

std::string_view Typewriter::visible(std::size_t index, std::string_view text) const {
    if (index >= m_starts.size()) return text;
    const std::size_t shown = static_cast<std::size_t>(m_shown);
    if (shown <= m_starts[index]) return {};
    return prefix_code_points(text, shown - m_starts[index]);
}

std::size_t Typewriter::current() const {
    const std::size_t shown = static_cast<std::size_t>(m_shown);
    std::size_t index = 0;
    for (std::size_t i = 0; i < m_starts.size(); ++i)
        if (m_starts[i] < shown || (i == 0)) index = i;
    return index;
}

}  // namespace salesdojo::gui
