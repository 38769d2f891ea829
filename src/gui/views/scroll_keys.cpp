#include "views/scroll_keys.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <imgui.h>

#include <algorithm>

namespace salesdojo::gui {

bool scroll_with_keys(ScrollModifier modifier, ScrollArrows arrows) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return false;
    if ((modifier == ScrollModifier::Shift) != io.KeyShift) return false;
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return false;
    const auto pressed = [](sf::Keyboard::Key key) { return ImGui::IsKeyPressed(static_cast<int>(key), true); };
    const float line = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
    const float page = std::max(line, ImGui::GetWindowHeight() * 0.85f);
    const float before = ImGui::GetScrollY();
    float y = before;
    if (arrows == ScrollArrows::Yes) {
        if (pressed(sf::Keyboard::Down)) y += line;
        if (pressed(sf::Keyboard::Up)) y -= line;
        if (pressed(sf::Keyboard::Home)) y = 0.0f;
        if (pressed(sf::Keyboard::End)) y = ImGui::GetScrollMaxY();
    }
    if (pressed(sf::Keyboard::PageDown)) y += page;
    if (pressed(sf::Keyboard::PageUp)) y -= page;
    y = std::clamp(y, 0.0f, ImGui::GetScrollMaxY());
    if (y == before) return false;
    ImGui::SetScrollY(y);
    return true;
}

}  // namespace salesdojo::gui
