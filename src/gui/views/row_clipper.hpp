#pragma once
// Draws only the rows of a long list that lie in the visible region, like ImGuiListClipper, but for
// rows of different heights (diagnostics, rows of cards). The caller estimates every row's height
// once (when the rows or the width change); the height a drawn row really took replaces its
// estimate. Rows outside the region cost nothing per frame, so 10,000 rows draw as fast as 20 and
// no draw list ever holds more than the visible rows' vertices (16-bit indices: 65,536 at most).
//
//     if (m_rows.needs(count, width)) m_rows.reset(count, width, [&](std::size_t i) { return ...; });
//     for (auto [first, last] = m_rows.begin(); first < last; ++first) {
//         const float top = ImGui::GetCursorPosY();
//         ... draw row `first` ...
//         m_rows.drawn(first, ImGui::GetCursorPosY() - top);
//     }
//     m_rows.end();
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace salesdojo::gui {

class RowClipper {
public:
    // True when the rows must be estimated again (another count or width, or never estimated).
    bool needs(std::size_t count, float width, std::size_t generation = 0) const;
    void reset(std::size_t count, float width, const std::function<float(std::size_t)>& estimate,
               std::size_t generation = 0);

    // The rows [first, last) that touch the visible region of the current window; moves the cursor
    // to the top of `first`. Between begin() and end(), draw exactly those rows, in order.
    std::pair<std::size_t, std::size_t> begin();
    // Row `index` took `height` pixels (cursor y after it minus before it).
    void drawn(std::size_t index, float height);
    // Moves the cursor below the last row, so the scroll range covers every row.
    void end();

    std::size_t size() const { return m_heights.size(); }
    float total_height() const { return m_tops.empty() ? 0.0f : m_tops.back(); }

private:
    void recompute_tops(std::size_t from);

    std::vector<float> m_heights;
    std::vector<float> m_tops;  // m_tops[i] = sum of heights before row i; one more entry: the total
    float m_width = -1.0f;
    std::size_t m_generation = 0;
    float m_start_y = 0.0f;
    bool m_changed = false;
};

}  // namespace salesdojo::gui
