#pragma once
// An event-driven frame loop for an ImGui window: draw only when something happened.
//
// An idle window waits for input instead of redrawing at 60 fps: with Mesa's software renderer one
// frame costs 7-8 ms of CPU, so a free-running loop burns half a core while this one idles at about
// 1 %. A frame is drawn
//   - for the first kStartFrames frames (ImGui needs a few to lay windows out),
//   - for kFramesAfterInput frames after any event (a latched click needs two: see sfml_imgui.hpp),
//   - while request_animation_frames(n) has frames left, or while set_animating(true),
// and never faster than max_fps. Between frames it sleeps on the display connection
// (platform/display_wait.hpp): idle, it wakes only for input, or every `idle_poll` while
// set_timed_wait(true) (speech playing: something may change without input). Where it cannot wait
// on the display it falls back to polling every `idle_poll`.
//
// Also: save_screenshot() reads the back buffer before display(), which equals what is shown.
#include <SFML/System/Clock.hpp>
#include <SFML/System/Time.hpp>
#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Event.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace sf {
class Window;
}

namespace salesdojo::gui {

struct FrameLoopOptions {
    sf::Time idle_poll = sf::milliseconds(10);  // wake-up interval when it cannot block, or timed waits
    sf::Time timed_wait = sf::milliseconds(250);  // the longest sleep while set_timed_wait(true)
    int max_fps = 60;
};

class FrameLoop {
public:
    static constexpr int kStartFrames = 3;
    static constexpr int kFramesAfterInput = 3;

    explicit FrameLoop(FrameLoopOptions options = {});

    // Polls events (passing each to `on_event`) and waits until a frame is due. Returns true when
    // the caller should draw a frame now; false when the window is no longer open (on_event may
    // close it, e.g. on sf::Event::Closed).
    bool next_frame(sf::Window& window, const std::function<void(const sf::Event&)>& on_event);

    // Draw at least `frames` more frames without waiting for input (a transition, a fade).
    void request_animation_frames(int frames);
    // Draw continuously (capped at max_fps) while true: typing cursor blink, a running animation.
    void set_animating(bool animating) { m_animating = animating; }
    bool animating() const { return m_animating; }
    // Wake up every `timed_wait` even without input (not drawing unless something asks for it).
    void set_timed_wait(bool on) { m_timed_wait = on; }
    // Asked while idle (every idle_poll): true draws frames as input would (a watched file changed).
    // It must be cheap; the App's throttles itself (App::poll_files).
    void set_wake_check(std::function<bool()> check) { m_wake = std::move(check); }
    // A second window (trainer_window.hpp): called right after the main window's events are
    // drained, it drains the other window's and returns true when there were any (then frames are
    // drawn as for the main window's input). While set, waits are capped at idle_poll when Xlib
    // has queued events (platform/display_wait.hpp: display_events_queued).
    void set_other_events(std::function<bool()> drain) { m_other_events = std::move(drain); }

    std::uint64_t frames_drawn() const { return m_frames; }
    std::uint64_t events_seen() const { return m_events; }

private:
    void wait(sf::Time most);  // until input or `most` (sf::Time::Zero: no limit)

    FrameLoopOptions m_options;
    sf::Clock m_clock;
    sf::Time m_last_frame;
    int m_pending_frames = kStartFrames;
    bool m_animating = false;
    bool m_timed_wait = false;
    std::function<bool()> m_wake;
    std::function<bool()> m_other_events;
    std::uint64_t m_frames = 0;
    std::uint64_t m_events = 0;
};

// Reads the current back buffer (call after rendering, before window.display()) and writes it to
// `path` as PNG (or any format sf::Image::saveToFile knows by extension). Alpha is forced opaque.
// Returns false and sets `error` on failure.
bool save_screenshot(sf::Vector2u size, const std::string& path, std::string* error = nullptr);

}  // namespace salesdojo::gui
