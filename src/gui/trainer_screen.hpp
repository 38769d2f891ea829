#pragma once
// The trainer's second window in the running app: opened while a class runs and the setting (or
// SALESDOJO_TRAINER_WINDOW) and the monitors allow it (trainer_window.hpp), closed when the class
// ends; it draws App::draw_trainer_window() and tells the App it is there
// (App::set_trainer_window_active), so the private panel never comes over the projector. Keys typed
// in it go to the main window's ImGui, where the classroom's keys are read (views/class_keys.hpp).
// A trainer who closes it gets the private panel (T) for the rest of that class.
#include "app.hpp"
#include "fonts.hpp"
#include "platform/sfml_imgui.hpp"
#include "trainer_window.hpp"

#include <SFML/Window/Window.hpp>

#include <functional>
#include <optional>
#include <string>

namespace salesdojo::gui {

// One frame of the trainer window's content: a full-size undecorated ImGui window in the current
// context with the App's trainer material in it (headless tests call it in a context of their own).
void draw_trainer_screen(App& app, const Fonts& fonts);

class TrainerScreen {
public:
    // `mode`: the override (SALESDOJO_TRAINER_WINDOW, --trainer-window), else the App's setting.
    // `trace`: where to say what happened ("trainer-window=open monitor=B 1280x1024+1280+0").
    TrainerScreen(std::optional<TrainerWindowMode> mode, std::function<void(const std::string&)> trace);

    // After the main window's frame is displayed: opens or closes the trainer window as the class
    // asks, then draws it. `font_scale` as the main window's (fonts.hpp window_font_scale).
    void frame(App& app, const sf::Window& main_window, float font_scale);

    // For FrameLoop::set_other_events: drains the trainer window's events; its keys go to `main`.
    bool drain_events(SfmlImGui& main);

    const TrainerWindow& window() const { return m_window; }
    void close() { m_window.close(); }

private:
    std::optional<TrainerWindowMode> m_mode;
    std::function<void(const std::string&)> m_trace;
    TrainerWindow m_window;
    bool m_tried = false;  // for this class: opened, found no second monitor, failed or was closed
};

}  // namespace salesdojo::gui
