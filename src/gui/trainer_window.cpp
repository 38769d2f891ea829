#include "trainer_window.hpp"

#include "frame_loop.hpp"
#include "views/theme.hpp"

#include <imgui.h>

#include <SFML/Window/VideoMode.hpp>

#include <algorithm>
#include <cstdlib>

namespace salesdojo::gui {

std::optional<TrainerWindowPlace> trainer_window_place(TrainerWindowMode mode, const std::vector<Monitor>& monitors,
                                                       const DesktopRect& main_window) {
    if (mode == TrainerWindowMode::Off) return std::nullopt;
    if (const auto other = other_monitor(monitors, main_window)) {
        const Monitor& m = monitors[*other];
        return TrainerWindowPlace{{m.x, m.y, m.width, m.height}, TrainerWindowFrame::Borderless, other};
    }
    if (mode == TrainerWindowMode::Auto) return std::nullopt;
    // On, with one monitor: a normal window in the top right corner of the main window's monitor
    // (or of the main window, when the monitors are unknown), which the trainer can move.
    DesktopRect area = main_window;
    if (const auto own = monitor_of(monitors, main_window)) {
        const Monitor& m = monitors[*own];
        area = {m.x, m.y, m.width, m.height};
    }
    const unsigned width = std::min(area.width, std::max(320u, area.width * 2 / 5));
    const unsigned height = std::min(area.height, std::max(240u, area.height / 2));
    return TrainerWindowPlace{{area.x + static_cast<int>(area.width - width), area.y, width, height},
                              TrainerWindowFrame::Decorated, std::nullopt};
}

std::optional<TrainerWindowMode> trainer_window_mode_from_env() {
    const char* value = std::getenv("SALESDOJO_TRAINER_WINDOW");
    if (!value) return std::nullopt;
    return trainer_window_mode_from_id(value);
}

TrainerWindow::~TrainerWindow() { close(); }

bool TrainerWindow::open(const TrainerWindowPlace& place, const std::string& title, float font_scale) {
    close();
    m_error.clear();
    m_closed_by_user = false;
    m_frames = 0;
    m_styled.reset();
    const sf::Uint32 style = place.frame == TrainerWindowFrame::Borderless ? sf::Style::None : sf::Style::Default;
    m_window.create(sf::VideoMode(std::max(1u, place.rect.width), std::max(1u, place.rect.height)),
                    sf::String::fromUtf8(title.begin(), title.end()), style, context_settings());
    if (!m_window.isOpen()) {
        m_error = "cannot open the trainer's window";
        return false;
    }
    m_window.setPosition({place.rect.x, place.rect.y});
    m_window.setKeyRepeatEnabled(true);

    ImGuiContext* const previous = ImGui::GetCurrentContext();
    if (!m_imgui.init(m_window, {})) {  // leaves its new context current
        m_error = m_imgui.error();
        m_window.close();
        return false;
    }
    m_fonts = load_fonts(*ImGui::GetIO().Fonts, font_scale);
    m_asked_scale = font_scale;
    ImGui::SetCurrentContext(previous);
    return true;
}

bool TrainerWindow::drain_events() {
    bool input = false;
    sf::Event event;
    while (m_window.isOpen() && m_window.pollEvent(event)) {
        input = true;
        if (event.type == sf::Event::Closed) {
            m_closed_by_user = true;
            close();
            return true;
        }
        const bool key = event.type == sf::Event::KeyPressed || event.type == sf::Event::KeyReleased ||
                         event.type == sf::Event::TextEntered;
        // A key release always reaches its own ImGui as well, so no key stays held there.
        if (!key || m_wants_keyboard || event.type == sf::Event::KeyReleased) m_imgui.process_event(event);
        if (key && !m_wants_keyboard) m_keys.push_back(event);
        if (event.type == sf::Event::LostFocus) m_keys.clear();  // half a chord must not arrive later
    }
    return input;
}

std::vector<sf::Event> TrainerWindow::take_key_events() {
    std::vector<sf::Event> keys;
    keys.swap(m_keys);
    return keys;
}

bool TrainerWindow::frame(const std::function<void(const Fonts&)>& draw, const Look& look,
                          const std::string& screenshot_path) {
    if (!m_window.isOpen()) return false;
    ImGuiContext* const previous = ImGui::GetCurrentContext();
    if (look.font_scale != m_asked_scale) {  // (load_fonts clamps: compare with what was asked)
        m_imgui.make_current();
        m_fonts = load_fonts(*ImGui::GetIO().Fonts, look.font_scale);
        m_asked_scale = look.font_scale;
        m_imgui.fonts_changed();
        m_styled.reset();
    }
    m_imgui.new_frame();  // its ImGui and GL contexts current from here
    if (!m_styled || m_styled->high_contrast != look.high_contrast) {
        apply_style(look.high_contrast, m_fonts.scale);
        m_styled = Look{m_fonts.scale, look.high_contrast};
    }
    draw(m_fonts);
    m_wants_keyboard = ImGui::GetIO().WantCaptureKeyboard;
    m_imgui.render(palette(look.high_contrast).background);
    bool ok = true;
    if (!screenshot_path.empty()) ok = save_screenshot(m_window.getSize(), screenshot_path, &m_error);
    m_window.display();
    ++m_frames;
    ImGui::SetCurrentContext(previous);
    return ok;
}

void TrainerWindow::close() {
    m_keys.clear();
    m_wants_keyboard = false;
    if (m_imgui.initialised()) m_imgui.shutdown();  // renderer, cursors, context; the previous stays current
    if (m_window.isOpen()) m_window.close();
}

}  // namespace salesdojo::gui
