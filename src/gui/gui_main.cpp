#include "gui_main.hpp"

#include "fonts.hpp"
#include "frame_loop.hpp"
#include "platform/sfml_imgui.hpp"
#include "text_fallback.hpp"

#include <imgui.h>

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/VideoMode.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace salesdojo::gui {
namespace {

using SteadyClock = std::chrono::steady_clock;

class Trace {
public:
    Trace() : m_on(env_flag("SALESDOJO_GUI_TRACE")), m_start(SteadyClock::now()) {}
    void operator()(const char* stage) const {
        if (!m_on) return;
        const double s = std::chrono::duration<double>(SteadyClock::now() - m_start).count();
        std::fprintf(stderr, "[gui +%.3fs] %s\n", s, stage);
        std::fflush(stderr);
    }
    static bool env_flag(const char* name) {
        const char* v = std::getenv(name);
        return v && *v && std::string(v) != "0";
    }

private:
    bool m_on;
    SteadyClock::time_point m_start;
};

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

// SFML 2.5.1 creates an X11 window and then spins (no timeout) until the X server reports it
// visible (WindowImplX11::setVisible waits for a VisibilityNotify that is not FullyObscured). With no
// window manager (Xvfb) that never comes while another window covers ours completely (two instances
// on one display: measured 3 stalls in 30 paired starts) or while ours lies entirely off-screen (SFML
// centres y with the display's width: a screen wider than 2 x its height + the window's height).
// This watchdog turns that silent 100 % CPU spin into a message and, after `give_up`, an exit.
class WindowCreationWatchdog {
public:
    WindowCreationWatchdog(std::chrono::seconds warn_after, std::chrono::seconds give_up)
        : m_thread([this, warn_after, give_up] { watch(warn_after, give_up); }) {}
    ~WindowCreationWatchdog() { done(); }
    WindowCreationWatchdog(const WindowCreationWatchdog&) = delete;
    WindowCreationWatchdog& operator=(const WindowCreationWatchdog&) = delete;

    void done() {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable()) m_thread.join();
    }

private:
    void watch(std::chrono::seconds warn_after, std::chrono::seconds give_up) {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_wake.wait_for(lock, warn_after, [this] { return m_done; })) return;
        std::fprintf(stderr,
                     "salesdojo: the window is still not visible after %llds. SFML waits until the X server "
                     "reports it visible; without a window manager (Xvfb) it must not be covered completely "
                     "by another window nor lie off-screen (run one instance per display).\n",
                     static_cast<long long>(warn_after.count()));
        if (give_up.count() <= 0) return;  // SALESDOJO_WINDOW_TIMEOUT=0: wait for ever
        if (m_wake.wait_for(lock, give_up - warn_after, [this] { return m_done; })) return;
        std::fprintf(stderr, "salesdojo: giving up after %llds without a visible window\n",
                     static_cast<long long>(give_up.count()));
        std::fflush(stderr);
        std::_Exit(1);  // the main thread is stuck inside SFML; nothing to unwind
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread;  // last: starts after the members it uses
};

const char* event_name(sf::Event::EventType type) {
    static const char* const names[] = {
        "Closed", "Resized", "LostFocus", "GainedFocus", "TextEntered", "KeyPressed", "KeyReleased",
        "MouseWheelMoved", "MouseWheelScrolled", "MouseButtonPressed", "MouseButtonReleased",
        "MouseMoved", "MouseEntered", "MouseLeft", "JoystickButtonPressed", "JoystickButtonReleased",
        "JoystickMoved", "JoystickConnected", "JoystickDisconnected", "TouchBegan", "TouchMoved",
        "TouchEnded", "SensorChanged"};
    const auto i = static_cast<std::size_t>(type);
    return i < sizeof(names) / sizeof(names[0]) ? names[i] : "?";
}

// $XDG_CONFIG_HOME/salesdojo/imgui.ini, else ~/.config/salesdojo/imgui.ini; "" when neither works.
std::string user_ini_path() {
    namespace fs = std::filesystem;
    fs::path dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
        dir = fs::path(xdg) / "salesdojo";
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        dir = fs::path(home) / ".config" / "salesdojo";
    } else {
        return {};
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    return ec ? std::string() : (dir / "imgui.ini").string();
}

struct Strings {
    const char* subtitle;
    const char* glyph_panel;
    const char* emoji_label;
    const char* quit;
    const char* mode_label;
};

const Strings& strings_for(const std::string& language) {
    static const Strings en{"Sales conversations, practised safely", "Glyph check",
                            "Emoji through the text fallback:", "Quit", "Mode"};
    static const Strings nl{"Verkoopgesprekken, veilig geoefend", "Tekencontrole",
                            "Emoji via de tekstvervanging:", "Afsluiten", "Modus"};
    return language == "nl" ? nl : en;
}

// The demo screen: a panel struct with its data, prepared once, and a draw() per frame.
struct DemoScreen {
    std::string dutch_sample;
    std::string emoji_raw_description;
    std::string emoji_sample;
    std::string decomposed_sample;
    const Strings* text = nullptr;
    std::string mode;

    explicit DemoScreen(const GuiOptions& options) : text(&strings_for(options.language)), mode(options.mode) {
        dutch_sample = to_drawable_text(
            "\u00e9\u00e9n ge\u00efnteresseerde re\u00fcnie \u2014 \u201caanhalingstekens\u201d \u2013 "
            "\u20ac 1.000 \u2026\n"
            "Dat is na\u00efef: \u2018co\u00f6rdinatie\u2019 en \u201ecre\u00ebren\u201d kosten \u20ac 2.500,\u2013 "
            "per maand \u2022 IJsselmeer \u0133s \u00e0 la carte \u00e7a va");
        emoji_raw_description = "U+1F642 U+1F609 U+1F620 U+1F44D U+2764 U+FE0F U+1F602 U+1F469 U+200D U+1F4BC";
        emoji_sample = to_drawable_text(
            "Goed gedaan \U0001F642 knipoog \U0001F609 boos \U0001F620 top \U0001F44D "
            "hart \u2764\uFE0F lachen \U0001F602 onbekend \U0001F469\u200D\U0001F4BC");
        // "e" + COMBINING ACUTE ACCENT, as macOS writes file names and pasted text.
        decomposed_sample = to_drawable_text("caf\u0065\u0301 en ideee\u0308n (decomposed input)");
    }

    // Returns true when the user asked to quit.
    bool draw(const Fonts& fonts) {
        bool quit = false;
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
        ImGui::Begin("##salesdojo_main", nullptr, flags);

        ImGui::PushFont(fonts.title);
        ImGui::TextUnformatted("SalesDojo");
        ImGui::PopFont();
        ImGui::TextDisabled("%s", text->subtitle);
        ImGui::Text("%s: %s", text->mode_label, mode.c_str());
        ImGui::Separator();
        ImGui::Spacing();

        ImGui::BeginChild("glyph_check", ImVec2(0.0f, ImGui::GetContentRegionAvail().y -
                                                           ImGui::GetFrameHeightWithSpacing() * 1.5f),
                          true);
        ImGui::PushFont(fonts.bold);
        ImGui::TextUnformatted(text->glyph_panel);
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(dutch_sample.c_str());
        ImGui::Spacing();
        ImGui::TextUnformatted(decomposed_sample.c_str());
        ImGui::Spacing();
        ImGui::PushFont(fonts.bold);
        ImGui::TextUnformatted("\u00c9\u00c9N GE\u00cfNTERESSEERDE RE\u00dcNIE \u2014 \u201c\u20ac\u201d \u2026");
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::TextDisabled("%s", text->emoji_label);
        ImGui::TextDisabled("(%s)", emoji_raw_description.c_str());
        ImGui::TextUnformatted(emoji_sample.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndChild();

        if (ImGui::Button(text->quit)) quit = true;
        ImGui::End();

        if (!ImGui::GetIO().WantCaptureKeyboard && ImGui::IsKeyPressed(sf::Keyboard::Escape, false)) quit = true;
        return quit;
    }
};

}  // namespace

int run_gui(const GuiOptions& options) {
    const Trace trace;
    trace("run_gui");

    const std::string screenshot_path = !options.screenshot_path.empty()
                                            ? options.screenshot_path
                                            : env_or("SALESDOJO_SCREENSHOT", "");
    const bool screenshot_mode = !screenshot_path.empty();
    const int screenshot_frames = std::max(2, std::atoi(env_or("SALESDOJO_SCREENSHOT_FRAMES", "5").c_str()));
    const float ui_scale = static_cast<float>(std::atof(env_or("SALESDOJO_UI_SCALE", "1").c_str()));
    if (!options.script.empty()) {
        std::fprintf(stderr, "salesdojo: note: GUI scripts are not interpreted yet; ignoring %zu step(s)\n",
                     options.script.size());
    }

#if defined(__unix__) && !defined(__APPLE__)
    // SFML 2.5.1 calls std::abort() when it cannot open the X display; say why instead.
    if (env_or("DISPLAY", "").empty()) {
        std::fprintf(stderr, "salesdojo: no X display (DISPLAY is not set); the command line works without one\n");
        return 1;
    }
#endif
    // SFML shares one X connection between its objects and closes it when the last one is gone.
    // Without this hold, getDesktopMode() below opens and closes it, and the window opens it again
    // microseconds later. An X server left with no clients resets (Xvfb unless -noreset), and a
    // connection attempted during the reset is refused: SFML then aborts with "Failed to open X11
    // display" (measured: 5 runs in 100 on a shared Xvfb). An unloaded sf::Cursor holds a reference
    // to that connection and nothing else, so the connection stays open until the window has it.
    std::optional<sf::Cursor> x_connection_hold(std::in_place);
    const long window_timeout = std::atol(env_or("SALESDOJO_WINDOW_TIMEOUT", "60").c_str());
    WindowCreationWatchdog watchdog(std::chrono::seconds(5),
                                    std::chrono::seconds(window_timeout <= 0 ? 0 : std::max(window_timeout, 6L)));

    // Fit the window on the desktop and place it explicitly: SFML 2.5.1 may put a new window partly
    // off-screen on a small display (it centres y with the display's *width*).
    const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    trace("desktop mode read");
    const unsigned width = std::clamp<unsigned>(static_cast<unsigned>(std::max(options.width, 320)), 320u,
                                                std::max(320u, desktop.width));
    const unsigned height = std::clamp<unsigned>(static_cast<unsigned>(std::max(options.height, 240)), 240u,
                                                 std::max(240u, desktop.height));
    sf::RenderWindow window(sf::VideoMode(width, height), "SalesDojo", sf::Style::Default, context_settings());
    trace("window created");
    watchdog.done();
    x_connection_hold.reset();  // the window holds the connection from here on
    if (!window.isOpen()) {
        std::fprintf(stderr, "salesdojo: cannot open a window (is DISPLAY set?)\n");
        return 1;
    }
    window.setPosition(sf::Vector2i(static_cast<int>((desktop.width - std::min(width, desktop.width)) / 2),
                                    static_cast<int>((desktop.height - std::min(height, desktop.height)) / 2)));
    // Vertical sync stays off (SFML's default; under Xvfb SFML itself prints "Setting vertical sync
    // not supported" when it sets that default): FrameLoop caps the frame rate instead.
    window.setKeyRepeatEnabled(true);

    SfmlImGui imgui;
    if (!imgui.init(window, {screenshot_mode ? std::string() : user_ini_path()})) {
        std::fprintf(stderr, "salesdojo: %s\n", imgui.error().c_str());
        return 1;
    }
    trace("imgui initialised");
    const Fonts fonts = load_fonts(*ImGui::GetIO().Fonts, ui_scale);
    if (!fonts.ok()) std::fprintf(stderr, "salesdojo: warning: %s\n", fonts.error.c_str());
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(fonts.scale);
    trace("fonts loaded");

    DemoScreen screen(options);
    FrameLoop loop;
    if (screenshot_mode) loop.set_animating(true);  // draw frames without waiting for input
    int exit_code = 0;
    bool quit = false;
    while (!quit && loop.next_frame(window, [&](const sf::Event& event) {
        if (event.type == sf::Event::Closed) quit = true;
        if (loop.events_seen() <= 16) trace((std::string("event ") + event_name(event.type)).c_str());
        imgui.process_event(event);
    })) {
        if (quit) break;
        imgui.new_frame();
        quit = screen.draw(fonts);
        imgui.render(ImVec4(0.10f, 0.11f, 0.13f, 1.0f));
        if (loop.frames_drawn() == 1) trace("first frame rendered");
        if (screenshot_mode && loop.frames_drawn() >= static_cast<std::uint64_t>(screenshot_frames)) {
            std::string error;
            if (save_screenshot(window.getSize(), screenshot_path, &error)) {
                trace("screenshot written");
            } else {
                std::fprintf(stderr, "salesdojo: screenshot: %s\n", error.c_str());
                exit_code = 1;
            }
            quit = true;
        }
        window.display();
    }
    trace("loop left");
    imgui.shutdown();
    window.close();
    trace("shut down");
    return exit_code;
}

}  // namespace salesdojo::gui
