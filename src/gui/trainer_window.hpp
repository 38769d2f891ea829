#pragma once
// The trainer's second window: the trainer's material (notes, prompts, the best option, the tally
// before it is revealed) on the trainer's own screen, never on the projector.
//
// - Where: trainer_window_place() decides from the setting (settings.hpp TrainerWindowMode), the
//   monitors (platform/monitors.hpp) and the main window's rectangle. Auto: only when a second
//   monitor is connected, borderless and covering that monitor. On: the same, or with one monitor a
//   normal window beside the main one. Off: never (the private panel toggled by T instead).
// - What: the caller's draw callback issues ImGui calls each frame, in the window's own ImGui
//   context with its own fonts (SfmlImGui, one per window); what it returns (intents) the callback
//   applies itself.
// - Keys typed in it are not the trainer window's business: take_key_events() hands them to the
//   caller, which feeds them to the main window's ImGui (so the classroom's hotkeys work the same
//   in either window). Keys go to the trainer window's own widgets only while one of them wants
//   the keyboard (a text field).
// - Closing it (the window manager's close button, Alt+F4) is reported by closed_by_user(); the
//   class goes on with the private panel. close() is for the caller (the class ended).
//
// Caveat (SFML 2.5.1 on X11 without a window manager, e.g. Xvfb): a new window is first placed at
// x = (desktop width - w) / 2, y = (desktop WIDTH - h) / 2, and SFML waits until it is visible. On
// a desktop much wider than high (two 1920x1080 monitors side by side: 3840x1080) that first place
// is below the screen and the wait never ends; gui_main.cpp's watchdog then reports it. Window
// managers place windows themselves; tests use two 1280x1024 monitors (tests/smoke/trainer_window.sh).
#include "fonts.hpp"
#include "platform/monitors.hpp"
#include "platform/sfml_imgui.hpp"
#include "settings.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

enum class TrainerWindowFrame { Borderless, Decorated };

struct TrainerWindowPlace {
    DesktopRect rect;
    TrainerWindowFrame frame = TrainerWindowFrame::Borderless;
    std::optional<std::size_t> monitor;  // the monitor it covers (Borderless); nullopt beside the main window
};

// Where the trainer window goes, or nullopt when there is to be none (Off; Auto with one monitor).
std::optional<TrainerWindowPlace> trainer_window_place(TrainerWindowMode mode, const std::vector<Monitor>& monitors,
                                                       const DesktopRect& main_window);

// SALESDOJO_TRAINER_WINDOW=auto|on|off, when set to one of those (tests, a trainer who wants to
// override the saved setting for one class); nullopt otherwise.
std::optional<TrainerWindowMode> trainer_window_mode_from_env();

class TrainerWindow {
public:
    TrainerWindow() = default;
    ~TrainerWindow();
    TrainerWindow(const TrainerWindow&) = delete;
    TrainerWindow& operator=(const TrainerWindow&) = delete;

    // Opens the window at `place` with fonts at `font_scale`. The ImGui context current before
    // stays current. False (and error()) when the window or its renderer cannot be made.
    bool open(const TrainerWindowPlace& place, const std::string& title, float font_scale);
    bool is_open() const { return m_window.isOpen(); }
    // The user closed it (close button, Alt+F4) since it was last opened.
    bool closed_by_user() const { return m_closed_by_user; }
    const std::string& error() const { return m_error; }

    // Drains the window's events into its ImGui context (FrameLoop::set_other_events). Keyboard
    // events are also kept for take_key_events(). True when there was any input.
    bool drain_events();
    // Key presses, releases and typed text since the last call, for the main window's ImGui.
    std::vector<sf::Event> take_key_events();

    // One frame: its ImGui context, the app's style (views/theme.hpp), `draw(fonts)`, render,
    // [screenshot,] display. Fonts are rebuilt first when the scale changed. The ImGui context
    // current before is current again after (the GL context is the trainer window's until the main
    // window's next SfmlImGui::new_frame()). `screenshot_path`: non-empty = save the frame there
    // (PNG) before display; false if that failed.
    struct Look {
        float font_scale = 1.0f;
        bool high_contrast = false;
    };
    bool frame(const std::function<void(const Fonts&)>& draw, const Look& look, const std::string& screenshot_path = {});

    // Closes it (the class ended, or the setting changed). Safe when not open.
    void close();

    sf::Vector2i position() const { return m_window.getPosition(); }
    sf::Vector2u size() const { return m_window.getSize(); }
    sf::WindowHandle handle() const { return m_window.getSystemHandle(); }
    std::uint64_t frames_drawn() const { return m_frames; }

private:
    sf::RenderWindow m_window;
    SfmlImGui m_imgui;
    Fonts m_fonts;
    float m_asked_scale = 0.0f;
    std::vector<sf::Event> m_keys;
    bool m_closed_by_user = false;
    bool m_wants_keyboard = false;  // its own ImGui wanted the keyboard in the last frame
    std::optional<Look> m_styled;   // the look the style was last applied for
    std::uint64_t m_frames = 0;
    std::string m_error;
};

}  // namespace salesdojo::gui
