#include "views/class_keys.hpp"

#include <imgui.h>

#include <SFML/Window/Keyboard.hpp>

namespace salesdojo::gui {
namespace {

bool pressed(sf::Keyboard::Key k) { return ImGui::IsKeyPressed(static_cast<int>(k), false); }

}  // namespace

ClassIntent class_keys(bool end_asked) {
    using K = sf::Keyboard;
    if (ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyAlt) return {};  // Ctrl+Q, Ctrl+plus: the app's
    if (end_asked) return {};  // the question reads its own keys (class_report_view.hpp)
    if (pressed(K::PageDown) || pressed(K::Space) || pressed(K::Right)) return class_intent::Advance{};
    if (pressed(K::PageUp) || pressed(K::Left)) return class_intent::Back{};
    if (pressed(K::B) || pressed(K::Period)) return class_intent::ToggleBlank{};
    if (pressed(K::T)) return class_intent::TogglePanel{};
    if (pressed(K::C)) return class_intent::ToggleContrast{};
    if (pressed(K::P)) return class_intent::NextPrompt{};
    if (pressed(K::O)) return class_intent::ArmOverride{};
    if (pressed(K::Enter)) return class_intent::Enter{};
    if (pressed(K::Backspace)) return class_intent::Erase{};
    if (pressed(K::Escape)) return class_intent::AskEnd{};
    for (int d = 0; d <= 9; ++d)
        if (pressed(static_cast<K::Key>(K::Num0 + d)) || pressed(static_cast<K::Key>(K::Numpad0 + d)))
            return class_intent::Digit{d};
    return {};
}

}  // namespace salesdojo::gui
