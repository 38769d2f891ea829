#include "frame_loop.hpp"

#include "platform/display_wait.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Window.hpp>

#include <algorithm>
#include <cstring>
#include <vector>

namespace salesdojo::gui {

FrameLoop::FrameLoop(FrameLoopOptions options) : m_options(options) {
    m_options.max_fps = std::max(1, m_options.max_fps);
    if (m_options.idle_poll <= sf::Time::Zero) m_options.idle_poll = sf::milliseconds(1);
}

void FrameLoop::request_animation_frames(int frames) {
    m_pending_frames = std::max(m_pending_frames, frames);
}

bool FrameLoop::next_frame(sf::Window& window, const std::function<void(const sf::Event&)>& on_event) {
    const sf::Time frame_interval = sf::seconds(1.0f / static_cast<float>(m_options.max_fps));
    for (;;) {
        sf::Event event;
        bool got_input = false;
        while (window.isOpen() && window.pollEvent(event)) {
            ++m_events;
            got_input = true;
            on_event(event);
        }
        if (!window.isOpen()) return false;
        if (m_other_events && m_other_events()) got_input = true;
        if (got_input || (m_wake && m_wake())) request_animation_frames(kFramesAfterInput);

        if (m_pending_frames > 0 || m_animating) {
            const sf::Time now = m_clock.getElapsedTime();
            const sf::Time since = now - m_last_frame;
            if (m_frames == 0 || since >= frame_interval) {
                if (m_pending_frames > 0) --m_pending_frames;
                m_last_frame = now;
                ++m_frames;
                return true;
            }
            // Frame cap: wait for the rest of the interval, or for input meanwhile.
            wait(frame_interval - since);
            continue;
        }
        wait(m_timed_wait ? m_options.timed_wait : sf::Time::Zero);
    }
}

void FrameLoop::wait(sf::Time most) {
    if (m_other_events && display_events_queued() && (most <= sf::Time::Zero || most > m_options.idle_poll))
        most = m_options.idle_poll;  // another window's events may wait in Xlib's queue: look again soon
    const int timeout_ms = most <= sf::Time::Zero ? -1 : std::max(1, static_cast<int>(most.asMilliseconds()));
    if (wait_for_display_input(timeout_ms)) return;
    sf::sleep(most <= sf::Time::Zero ? m_options.idle_poll : std::min(most, m_options.idle_poll));
}

bool save_screenshot(sf::Vector2u size, const std::string& path, std::string* error) {
    const auto fail = [&](const std::string& message) {
        if (error) *error = message;
        return false;
    };
    if (size.x == 0 || size.y == 0) return fail("the window has no area");
    const std::size_t row = static_cast<std::size_t>(size.x) * 4;
    std::vector<sf::Uint8> pixels(row * size.y);
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
        // drop errors left by earlier calls, so the check below is about the read-back only
    }
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y), GL_RGBA,
                 GL_UNSIGNED_BYTE, pixels.data());
    if (const GLenum gl_error = glGetError(); gl_error != GL_NO_ERROR) {
        return fail("glReadPixels failed with GL error " + std::to_string(gl_error));
    }
    // OpenGL's first row is the bottom one; images start at the top.
    std::vector<sf::Uint8> flipped(pixels.size());
    for (unsigned y = 0; y < size.y; ++y) {
        std::memcpy(&flipped[y * row], &pixels[(size.y - 1 - y) * row], row);
    }
    for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // a 24-bit visual reads alpha 0
    sf::Image image;
    image.create(size.x, size.y, flipped.data());
    if (!image.saveToFile(path)) return fail("cannot write " + path);
    return true;
}

}  // namespace salesdojo::gui
