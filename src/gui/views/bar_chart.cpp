#include "views/bar_chart.hpp"

#include "views/draw_log.hpp"
#include "views/format.hpp"

#include <imgui.h>

#include <algorithm>

namespace salesdojo::gui {

void bar_chart(const char* id, const std::vector<Bar>& bars, float width, const Palette& colours) {
    ImGui::PushID(id);
    const ImGuiStyle& style = ImGui::GetStyle();
    float widest = 0.0f;
    for (const auto& bar : bars) widest = std::max(widest, ImGui::CalcTextSize(bar.label.c_str()).x);
    // Labels beside the bars when they fit in 45 % of the width, else above them (never clipped).
    const bool stacked = widest > width * 0.45f;
    const float label_width = stacked ? 0.0f : widest;
    const float value_width = ImGui::CalcTextSize("100").x;
    const float line = ImGui::GetTextLineHeight();
    const float bar_row = line * 1.5f;
    const float row = stacked ? line + bar_row : bar_row;
    const float track_x = stacked ? 0.0f : label_width + style.ItemSpacing.x;
    const float track_width = std::max(10.0f, width - track_x - value_width - style.ItemSpacing.x * 2);
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const std::string value = whole_number(bar.value);
        log_drawn("bar:" + bar.label + "=" + value);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(i));
        ImGui::InvisibleButton("##row", ImVec2(width, row));
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const float bar_top = stacked ? origin.y + line : origin.y;
        const float text_y = bar_top + (bar_row - line) * 0.5f;
        list->AddText(ImVec2(origin.x, stacked ? origin.y : text_y), ImGui::GetColorU32(colours.text), bar.label.c_str());
        const ImVec2 track_min(origin.x + track_x, bar_top + bar_row * 0.18f);
        const ImVec2 track_max(track_min.x + track_width, bar_top + bar_row * 0.82f);
        const float rounding = bar_row * 0.15f;
        list->AddRectFilled(track_min, track_max, ImGui::GetColorU32(colours.bar_track), rounding);
        const float share = static_cast<float>(std::clamp(bar.value, 0.0, 100.0) / 100.0);
        if (share > 0.0f) {
            list->AddRectFilled(track_min, ImVec2(track_min.x + track_width * share, track_max.y),
                                ImGui::GetColorU32(score_colour(bar.value, colours)), rounding);
        }
        if (hovered) list->AddRect(track_min, track_max, ImGui::GetColorU32(colours.text), rounding);
        list->AddText(ImVec2(track_max.x + style.ItemSpacing.x, text_y), ImGui::GetColorU32(colours.text),
                      value.c_str());
        if (hovered && !bar.explanation.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
            ImGui::TextUnformatted(bar.explanation.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    ImGui::PopID();
}

}  // namespace salesdojo::gui
