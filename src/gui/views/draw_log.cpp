#include "views/draw_log.hpp"

#include <imgui_internal.h>

namespace salesdojo::gui {
namespace {
DrawLog* g_log = nullptr;
}

bool DrawLog::contains(std::string_view needle) const { return count(needle) > 0; }

bool DrawLog::has_exact(std::string_view text) const {
    for (const auto& t : texts)
        if (t == text) return true;
    return false;
}

std::size_t DrawLog::count(std::string_view needle) const {
    std::size_t n = 0;
    for (const auto& t : texts)
        if (t.find(needle) != std::string::npos) ++n;
    return n;
}

std::string DrawLog::joined() const {
    std::string out;
    for (const auto& t : texts) out += t + "\n";
    return out;
}

const DrawLog::Item* DrawLog::focused_item() const {
    for (const auto& item : items)
        if (item.focused) return &item;
    return nullptr;
}

const DrawLog::Item* DrawLog::find_item(std::string_view label) const {
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        if (it->label.find(label) != std::string::npos) return &*it;
    return nullptr;
}

namespace {
void log_box_at(std::string_view label, ImVec2 min, ImVec2 max) {
    const ImGuiWindow* window = GImGui->CurrentWindow;
    if (!window) return;
    DrawLog::Box box;
    box.label = std::string(label.substr(0, label.find("##")));
    box.min = min;
    box.max = max;
    box.clip_min = window->ClipRect.Min;
    box.clip_max = window->ClipRect.Max;
    box.panel_min = window->InnerRect.Min;
    box.panel_max = window->InnerRect.Max;
    box.window = window->ID;
    box.window_name = window->Name;
    box.scrolls = !(window->Flags & ImGuiWindowFlags_NoScrollbar) || !(window->Flags & ImGuiWindowFlags_NoScrollWithMouse);
    box.overlay = (window->RootWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Modal | ImGuiWindowFlags_Tooltip)) != 0;
    g_log->boxes.push_back(std::move(box));
}
}  // namespace

void log_box(std::string_view label) {
    if (!g_log) return;
    log_box_at(label, GImGui->LastItemData.Rect.Min, GImGui->LastItemData.Rect.Max);
}

void log_item_at(std::string_view label, ImVec2 min, ImVec2 max, bool enabled) {
    if (!g_log) return;
    log_box_at(label, min, max);
    const bool focused = ImGui::IsItemFocused() && !GImGui->NavDisableHighlight;
    g_log->items.push_back({std::string(label.substr(0, label.find("##"))), min, max, enabled, focused});
}

void log_item(std::string_view label, bool enabled) {
    if (!g_log) return;
    log_box(label);
    const std::size_t hidden = label.find("##");
    // Focused for the keyboard, with the focus drawn (ImGui hides it after mouse use).
    const bool focused = ImGui::IsItemFocused() && !GImGui->NavDisableHighlight;
    g_log->items.push_back(
        {std::string(label.substr(0, hidden)), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), enabled, focused});
}

DrawLog* set_draw_log(DrawLog* log) {
    DrawLog* previous = g_log;
    g_log = log;
    return previous;
}

DrawLog* draw_log() { return g_log; }

void append_draw_log(DrawLog& to, const DrawLog& from) {
    to.texts.insert(to.texts.end(), from.texts.begin(), from.texts.end());
    to.items.insert(to.items.end(), from.items.begin(), from.items.end());
    to.boxes.insert(to.boxes.end(), from.boxes.begin(), from.boxes.end());
}

void log_drawn(std::string_view text) {
    if (!g_log) return;
    const std::size_t hidden = text.find("##");
    g_log->texts.emplace_back(text.substr(0, hidden));
}

}  // namespace salesdojo::gui
