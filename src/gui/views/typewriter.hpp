#pragma once
// Reveals a sequence of texts character by character (counted in UTF-8 code points), driven by the
// frame's delta time so the headless tests are deterministic.
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::gui {

class Typewriter {
public:
    static constexpr float kCharsPerSecond = 70.0f;
    static constexpr float kMaxSeconds = 3.5f;  // long passages type faster

    // Starts revealing `texts` from `already_shown` code points (e.g. a line the trainee knows), at
    // `chars_per_second`; long passages take at most kMaxSeconds scaled by the same factor.
    void start(const std::vector<std::string_view>& texts, std::size_t already_shown = 0,
               float chars_per_second = kCharsPerSecond);
    void complete() { m_shown = static_cast<float>(m_total); }
    void advance(float seconds);

    bool revealing() const { return static_cast<std::size_t>(m_shown) < m_total; }
    // How much of text `index` is visible (a prefix ending at a code point boundary).
    std::string_view visible(std::size_t index, std::string_view text) const;
    // Index of the text being typed (the last one with anything visible).
    std::size_t current() const;

private:
    std::vector<std::size_t> m_starts;  // code point offset of each text
    std::size_t m_total = 0;
    float m_shown = 0.0f;
    float m_speed = kCharsPerSecond;
};

std::size_t code_points(std::string_view utf8);
// The first `n` code points of `utf8`.
std::string_view prefix_code_points(std::string_view utf8, std::size_t n);

}  // namespace salesdojo::gui
