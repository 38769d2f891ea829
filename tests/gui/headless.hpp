#pragma once
// An ImGui context with no window, like imgui's examples/example_null: a display size, a built font
// atlas (pixels never uploaded anywhere), no ini file. Frames run NewFrame() ... Render().
#include <imgui.h>

#include <SFML/Window/Event.hpp>

namespace salesdojo::gui::test {

class HeadlessImGui {
public:
    // With `build_default_font`, the atlas is built with ImGui's default font; otherwise the caller
    // loads fonts (e.g. load_fonts) before the first frame.
    explicit HeadlessImGui(bool build_default_font = true) {
        m_previous = ImGui::GetCurrentContext();
        m_context = ImGui::CreateContext();
        ImGui::SetCurrentContext(m_context);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(1280.0f, 720.0f);
        io.DeltaTime = 1.0f / 60.0f;
        if (build_default_font) build_atlas();
    }
    ~HeadlessImGui() {
        ImGui::DestroyContext(m_context);
        ImGui::SetCurrentContext(m_previous);
    }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    static void build_atlas() {
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }

private:
    ImGuiContext* m_context = nullptr;
    ImGuiContext* m_previous = nullptr;
};

inline sf::Event mouse_button(sf::Event::EventType type, sf::Mouse::Button button, int x, int y) {
    sf::Event e;
    e.type = type;
    e.mouseButton.button = button;
    e.mouseButton.x = x;
    e.mouseButton.y = y;
    return e;
}

inline sf::Event mouse_move(int x, int y) {
    sf::Event e;
    e.type = sf::Event::MouseMoved;
    e.mouseMove.x = x;
    e.mouseMove.y = y;
    return e;
}

inline sf::Event key(sf::Event::EventType type, int code) {
    sf::Event e{};
    e.type = type;
    e.key.code = static_cast<sf::Keyboard::Key>(code);
    return e;
}

inline sf::Event text(sf::Uint32 unicode) {
    sf::Event e;
    e.type = sf::Event::TextEntered;
    e.text.unicode = unicode;
    return e;
}

inline sf::Event simple(sf::Event::EventType type) {
    sf::Event e{};
    e.type = type;
    return e;
}

}  // namespace salesdojo::gui::test
