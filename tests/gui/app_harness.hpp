#pragma once
// The whole App in a headless ImGui context (headless.hpp) with the real fonts, real scenarios and
// the platform layer's event translation: tests press keys and click recorded widgets, then check
// what the views drew (views/draw_log.hpp).
#include "app.hpp"
#include "headless.hpp"
#include "platform/sfml_imgui.hpp"
#include "views/draw_log.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace salesdojo::gui::test {

inline std::string source_path(const std::string& relative) {
    return std::string(SALESDOJO_SOURCE_DIR) + "/" + relative;
}

// A fresh temporary folder, removed at the end of the scope.
class TempFolder {
public:
    TempFolder() {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() / ("salesdojo-gui-test-" + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

class AppHarness {
public:
    // `speech`: read-aloud through it (test_read_aloud.cpp); none by default.
    explicit AppHarness(Catalogue catalogue, Settings settings = {}, sf::Vector2u size = {1280, 720},
                        Speech* speech = nullptr)
        : m_imgui(false), m_size(size) {
        m_fonts = load_fonts(*ImGui::GetIO().Fonts, 1.0f);
        ImGuiInput::install_key_map(ImGui::GetIO());
        AppServices services;
        services.settings_path = m_temp.file("config/settings.json");
        services.database_path = m_temp.file("data/results.sqlite");
        services.progress_path = m_temp.file("data/progress.json");
        services.save_folder = m_temp.file("data/debriefs");
        services.export_folder = m_temp.file("data/exports");
        services.class_address = "127.0.0.1";  // a class's voting server: loopback only in tests
        services.speech = speech;
        app = std::make_unique<App>(std::move(catalogue), std::move(settings), std::move(services));
    }

    static Catalogue bundled() { return load_catalogue_folder(source_path("scenarios")); }

    // One frame; the log holds what it drew.
    void frame(float seconds = 1.0f / 60.0f) {
        m_input.begin_frame(ImGui::GetIO(), m_size, seconds);
        ImGui::NewFrame();
        log.clear();
        DrawLog* previous = set_draw_log(&log);
        app->frame(m_fonts);
        set_draw_log(previous);
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    // A key tap (press + release between two frames), then the frames that act on it.
    void tap(sf::Keyboard::Key key, bool control = false) {
        ImGuiIO& io = ImGui::GetIO();
        if (control) m_input.process_event(test::key(sf::Event::KeyPressed, sf::Keyboard::LControl), io);
        sf::Event e = test::key(sf::Event::KeyPressed, key);
        e.key.control = control;
        m_input.process_event(e, io);
        e.type = sf::Event::KeyReleased;
        m_input.process_event(e, io);
        if (control) m_input.process_event(test::key(sf::Event::KeyReleased, sf::Keyboard::LControl), io);
        frames(2);
    }

    // Typed text, one TextEntered event per byte (ASCII), then a frame.
    void type(const std::string& characters) {
        for (char c : characters) m_input.process_event(test::text(static_cast<sf::Uint32>(c)), ImGui::GetIO());
        frames(2);
    }

    // Clicks the centre of the widget recorded under `label` in the last frame. False if none.
    bool click(const std::string& label) {
        const DrawLog::Item* item = log.find_item(label);
        if (!item) return false;
        const int x = static_cast<int>((item->min.x + item->max.x) * 0.5f);
        const int y = static_cast<int>((item->min.y + item->max.y) * 0.5f);
        m_input.process_event(mouse_move(x, y), ImGui::GetIO());
        frame();
        m_input.process_event(mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, x, y), ImGui::GetIO());
        m_input.process_event(mouse_button(sf::Event::MouseButtonReleased, sf::Mouse::Left, x, y), ImGui::GetIO());
        frames(3);
        return true;
    }

    // Shows the lines at once (as Space does) and draws a frame.
    void reveal() {
        tap(sf::Keyboard::Space);
        frame();
    }

    void resize(sf::Vector2u size) { m_size = size; }
    // The fonts as the window loads them for this size and a text-size setting (fonts.hpp).
    void set_text_size(float setting) {
        m_fonts = load_fonts(*ImGui::GetIO().Fonts, window_font_scale(setting, 1.0f, m_size.y));
        HeadlessImGui::build_atlas();
    }
    sf::Vector2u size() const { return m_size; }
    const TempFolder& temp() const { return m_temp; }
    const Fonts& fonts() const { return m_fonts; }

    DrawLog log;
    std::unique_ptr<App> app;

private:
    TempFolder m_temp;
    HeadlessImGui m_imgui;
    ImGuiInput m_input;
    Fonts m_fonts;
    sf::Vector2u m_size;
};

}  // namespace salesdojo::gui::test
