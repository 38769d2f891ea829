#include "trainer_screen.hpp"

#include "ui_text.hpp"

#include <imgui.h>

namespace salesdojo::gui {

void draw_trainer_screen(App& app, const Fonts& fonts) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("###trainer_window", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysVerticalScrollbar);
    app.draw_trainer_window(fonts);
    ImGui::End();
}

TrainerScreen::TrainerScreen(std::optional<TrainerWindowMode> mode, std::function<void(const std::string&)> trace)
    : m_mode(mode), m_trace(std::move(trace)) {}

void TrainerScreen::frame(App& app, const sf::Window& main_window, float font_scale) {
    const bool class_runs = app.classroom() != nullptr;
    if (!class_runs) {
        if (m_window.is_open()) {
            m_window.close();
            m_trace("trainer-window=closed (the class ended)");
        }
        m_tried = false;  // the next class asks again
    } else if (!m_window.is_open() && !m_tried) {
        m_tried = true;
        const TrainerWindowMode mode = m_mode.value_or(app.settings().trainer_window);
        const sf::Vector2i at = main_window.getPosition();
        const sf::Vector2u size = main_window.getSize();
        const std::vector<Monitor> monitors = mode == TrainerWindowMode::Off ? std::vector<Monitor>{} : list_monitors();
        const auto place = trainer_window_place(mode, monitors, {at.x, at.y, size.x, size.y});
        if (!place) {
            m_trace("trainer-window=none mode=" + std::string(trainer_window_mode_id(mode)) +
                    " monitors=" + std::to_string(monitors.size()));
        } else if (!m_window.open(*place, ui("trainer_window.title", app.settings().language), font_scale)) {
            m_trace("trainer-window=failed " + m_window.error());
        } else {
            const DesktopRect& r = place->rect;
            m_trace("trainer-window=open monitor=" + (place->monitor ? monitors[*place->monitor].name : std::string("-")) +
                    " " + std::to_string(r.width) + "x" + std::to_string(r.height) + "+" + std::to_string(r.x) + "+" +
                    std::to_string(r.y));
        }
    } else if (m_tried && !m_window.is_open() && m_window.closed_by_user() && app.trainer_window_active()) {
        m_trace("trainer-window=closed by the trainer");
    }
    app.set_trainer_window_active(m_window.is_open());
    if (!m_window.is_open()) return;
    TrainerWindow::Look look;
    look.font_scale = font_scale;
    look.high_contrast = app.settings().high_contrast;
    m_window.frame([&app](const Fonts& fonts) { draw_trainer_screen(app, fonts); }, look);
}

bool TrainerScreen::drain_events(SfmlImGui& main) {
    if (!m_window.is_open()) return false;
    const bool input = m_window.drain_events();
    for (const sf::Event& key : m_window.take_key_events()) main.process_event(key);
    return input;
}

}  // namespace salesdojo::gui
