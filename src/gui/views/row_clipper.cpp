#include "views/row_clipper.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace salesdojo::gui {

bool RowClipper::needs(std::size_t count, float width, std::size_t generation) const {
    return count != m_heights.size() || std::fabs(width - m_width) > 0.5f || generation != m_generation ||
           m_tops.size() != count + 1;
}

void RowClipper::reset(std::size_t count, float width, const std::function<float(std::size_t)>& estimate,
                       std::size_t generation) {
    m_width = width;
    m_generation = generation;
    m_heights.resize(count);
    for (std::size_t i = 0; i < count; ++i) m_heights[i] = std::max(1.0f, estimate(i));
    recompute_tops(0);
}

void RowClipper::recompute_tops(std::size_t from) {
    m_tops.resize(m_heights.size() + 1);
    if (from == 0) m_tops[0] = 0.0f;
    for (std::size_t i = from; i < m_heights.size(); ++i) m_tops[i + 1] = m_tops[i] + m_heights[i];
}

std::pair<std::size_t, std::size_t> RowClipper::begin() {
    m_start_y = ImGui::GetCursorPosY();
    m_changed = false;
    if (m_heights.empty()) return {0, 0};
    // Window-local y of the visible region, relative to the first row's top.
    const float top = ImGui::GetScrollY() - m_start_y;
    const float bottom = top + ImGui::GetWindowHeight();
    const auto first_it = std::upper_bound(m_tops.begin(), m_tops.end() - 1, top);
    std::size_t first = first_it == m_tops.begin() ? 0 : static_cast<std::size_t>(first_it - m_tops.begin()) - 1;
    first = std::min(first, m_heights.size() - 1);
    const auto last_it =
        std::lower_bound(m_tops.begin() + static_cast<std::ptrdiff_t>(first), m_tops.end() - 1, bottom);
    const std::size_t last = std::max(first + 1, static_cast<std::size_t>(last_it - m_tops.begin()));
    ImGui::SetCursorPosY(m_start_y + m_tops[first]);
    return {first, std::min(last, m_heights.size())};
}

void RowClipper::drawn(std::size_t index, float height) {
    if (index >= m_heights.size() || height <= 0.0f || std::fabs(height - m_heights[index]) < 0.5f) return;
    m_heights[index] = height;
    m_changed = true;
}

void RowClipper::end() {
    if (m_changed) recompute_tops(0);
    const float total = total_height();
    if (total <= 0.0f) return;
    // Extend the content to the bottom of the last row (a zero-width item, no spacing after it).
    ImGui::SetCursorPosY(m_start_y + total);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
    ImGui::PopStyleVar();
}

}  // namespace salesdojo::gui
