#include "views/tab_order.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <imgui_internal.h>

namespace salesdojo::gui {
namespace {
TabOrder* g_active = nullptr;
}

void TabOrder::begin(TabScope scope) {
    m_scope = scope;
    m_stops.clear();
    m_previous = g_active;
    g_active = this;
}

void tab_stop(std::string_view label) {
    if (!g_active) return;
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    if (!window || g.LastItemData.ID == 0 || (g.LastItemData.InFlags & ImGuiItemFlags_Disabled)) return;
    g_active->add({g.LastItemData.ID, window, g.LastItemData.Rect.Min, g.LastItemData.Rect.Max,
                   static_cast<int>(window->DC.NavLayerCurrent), window->DC.NavFocusScopeIdCurrent,
                   std::string(label.substr(0, label.find("##")))});
}

void TabOrder::end() {
    g_active = m_previous;
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = g.IO;
    m_focused_label.clear();
    if (!g.NavDisableHighlight)
        for (const Stop& stop : m_stops)
            if (stop.id == g.NavId) m_focused_label = stop.label;
    if (m_stops.empty() || g.ActiveId != 0 || io.KeyCtrl || io.KeyAlt) return;
    // A list or a question is open over the screen (a popup's own stops are its widgets).
    if (m_scope == TabScope::Screen && ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
    if (!ImGui::IsKeyPressed(sf::Keyboard::Tab)) return;
    const int n = static_cast<int>(m_stops.size());
    int at = -1;
    for (int i = 0; i < n; ++i)
        if (m_stops[static_cast<std::size_t>(i)].id == g.NavId) at = i;
    const bool back = io.KeyShift;
    const int next = at < 0 ? (back ? n - 1 : 0) : (at + (back ? n - 1 : 1)) % n;
    const Stop& stop = m_stops[static_cast<std::size_t>(next)];
    g.NavWindow = stop.window;
    const ImRect rect(stop.min, stop.max);
    ImGui::SetNavID(stop.id, static_cast<ImGuiNavLayer>(stop.layer), stop.focus_scope,
                    ImRect(rect.Min.x - stop.window->Pos.x, rect.Min.y - stop.window->Pos.y,
                           rect.Max.x - stop.window->Pos.x, rect.Max.y - stop.window->Pos.y));
    g.NavDisableHighlight = false;  // show the focus frame
    g.NavDisableMouseHover = true;
    ImGui::ScrollToBringRectIntoView(stop.window, rect);
    m_focused_label = stop.label;
}

}  // namespace salesdojo::gui
