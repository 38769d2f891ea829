#include "gui_main.hpp"

#include "app.hpp"
#include "platform/monitors.hpp"
#include "fonts.hpp"
#include "frame_loop.hpp"
#include "platform/sfml_imgui.hpp"
#include "settings.hpp"
#include "speech.hpp"
#include "trainer_screen.hpp"
#include "window_place.hpp"

#include <salesdojo/data_dirs.hpp>
#include <salesdojo/store/results_store.hpp>

#include <imgui.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/VideoMode.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
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
    // "[gui +0.123s] stage @1700000000.123456": time since run_gui, the stage, and wall-clock time
    // (so a script can measure from the moment it started the process).
    void operator()(const char* stage) const {
        if (!m_on) return;
        const double s = std::chrono::duration<double>(SteadyClock::now() - m_start).count();
        const double wall = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
        std::fprintf(stderr, "[gui +%.3fs] %s @%.6f\n", s, stage, wall);
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

std::vector<std::string> split_script(const std::string& text) {
    std::vector<std::string> steps;
    std::string step;
    for (char c : text + ";") {
        if (c == ';' || c == '\n') {
            const auto first = step.find_first_not_of(" \t");
            if (first != std::string::npos) steps.push_back(step.substr(first, step.find_last_not_of(" \t") - first + 1));
            step.clear();
        } else {
            step += c;
        }
    }
    return steps;
}

// A key tap as the X server would deliver it: press (+ text for printable keys), release.
bool inject_key(SfmlImGui& imgui, const std::string& name) {
    static const std::map<std::string, std::pair<sf::Keyboard::Key, sf::Uint32>> keys = {
        {"1", {sf::Keyboard::Num1, '1'}}, {"2", {sf::Keyboard::Num2, '2'}}, {"3", {sf::Keyboard::Num3, '3'}},
        {"4", {sf::Keyboard::Num4, '4'}}, {"5", {sf::Keyboard::Num5, '5'}}, {"6", {sf::Keyboard::Num6, '6'}},
        {"7", {sf::Keyboard::Num7, '7'}}, {"8", {sf::Keyboard::Num8, '8'}}, {"9", {sf::Keyboard::Num9, '9'}},
        {"space", {sf::Keyboard::Space, ' '}}, {"return", {sf::Keyboard::Enter, 0}},
        {"backspace", {sf::Keyboard::Backspace, 0}}, {"escape", {sf::Keyboard::Escape, 0}},
        {"tab", {sf::Keyboard::Tab, 0}}, {"down", {sf::Keyboard::Down, 0}}, {"up", {sf::Keyboard::Up, 0}},
        {"left", {sf::Keyboard::Left, 0}}, {"right", {sf::Keyboard::Right, 0}},
        {"f11", {sf::Keyboard::F11, 0}}, {"f1", {sf::Keyboard::F1, 0}}, {"f2", {sf::Keyboard::F2, 0}},
        {"pagedown", {sf::Keyboard::PageDown, 0}}, {"pageup", {sf::Keyboard::PageUp, 0}},
        {"ctrl+plus", {sf::Keyboard::Add, 0}},
        {"ctrl+minus", {sf::Keyboard::Subtract, 0}}};
    const auto it = keys.find(name);
    if (it == keys.end()) return false;
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = it->second.first;
    event.key.control = name.rfind("ctrl+", 0) == 0;
    imgui.process_event(event);
    if (it->second.second) {
        sf::Event text{};
        text.type = sf::Event::TextEntered;
        text.text.unicode = it->second.second;
        imgui.process_event(text);
    }
    event.type = sf::Event::KeyReleased;
    imgui.process_event(event);
    return true;
}

// "focus=LABEL panel=review legend=0 saved=PATH": the keyboard focus, the debrief's panel, the key
// legend and the last saved debrief, so a test driving the window with keys alone can follow it.
std::string keyboard_state(App& app) {
    static const char* const panels[] = {"decisions", "review", "best"};
    std::string state = "focus=" + app.focused_label();
    if (app.screen() == Screen::Debrief) {
        state += std::string(" panel=") + panels[static_cast<int>(app.debrief_view().panel())];
        if (app.run() && !app.run()->saved_path.empty()) state += " saved=" + app.run()->saved_path;
    }
    return state + (app.legend_open() ? " legend=1" : " legend=0");
}

// PNG portraits: uploaded once per file while the window's context is current, kept until exit.
class TextureCache {
public:
    std::optional<PortraitImage> load(const std::string& path, const std::string& encoded) {
        auto it = m_textures.find(path);
        if (it == m_textures.end()) {
            auto texture = std::make_unique<sf::Texture>();
            sf::Image image;  // decoded once, from the bytes run.cpp read and checked
            if (!image.loadFromMemory(encoded.data(), encoded.size()) || !texture->loadFromImage(image))
                return std::nullopt;
            texture->setSmooth(true);
            it = m_textures.emplace(path, std::move(texture)).first;
        }
        const sf::Texture& t = *it->second;
        PortraitImage image;
        image.texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.getNativeHandle()));
        image.width = static_cast<float>(t.getSize().x);
        image.height = static_cast<float>(t.getSize().y);
        return image;
    }

private:
    std::map<std::string, std::unique_ptr<sf::Texture>> m_textures;
};

sf::Vector2u parse_size(const std::string& text, sf::Vector2u fallback) {
    unsigned w = 0, h = 0;
    if (std::sscanf(text.c_str(), "%ux%u", &w, &h) == 2 && w > 0 && h > 0) return {w, h};
    return fallback;
}

// Opens (or re-opens, for fullscreen and back) the window. A windowed window is fitted to the
// desktop and placed explicitly: SFML 2.5.1 may put a new window partly off-screen on a small
// display (it centres y with the display's *width*). `place`: where it was last time, when it fits.
void open_window(sf::RenderWindow& window, const sf::VideoMode& desktop, sf::Vector2u wanted, bool fullscreen,
                 std::optional<sf::Vector2i> place = std::nullopt) {
    if (fullscreen) {
        window.create(desktop, "SalesDojo", sf::Style::Fullscreen, context_settings());
    } else {
        const unsigned width = std::clamp(wanted.x, 320u, std::max(320u, desktop.width));
        const unsigned height = std::clamp(wanted.y, 240u, std::max(240u, desktop.height));
        window.create(sf::VideoMode(width, height), "SalesDojo", sf::Style::Default, context_settings());
        window.setPosition(place ? *place
                                 : sf::Vector2i(static_cast<int>((desktop.width - std::min(width, desktop.width)) / 2),
                                                static_cast<int>((desktop.height - std::min(height, desktop.height)) / 2)));
    }
    // Vertical sync stays off (SFML's default; under Xvfb SFML itself prints "Setting vertical sync
    // not supported" when it sets that default): FrameLoop caps the frame rate instead.
    window.setKeyRepeatEnabled(true);
}

Catalogue load_catalogue(const GuiOptions& options) {
    if (!options.scenario_file.empty()) return load_catalogue_file(options.scenario_file);
    std::string folder = !options.scenarios_folder.empty() ? options.scenarios_folder
                                                           : env_or("SALESDOJO_SCENARIOS_DIR", "");
    if (folder.empty()) {
        // The bundled pack, through the data-folder search (data_dirs.hpp); never the source tree's path.
        const DataDirInputs inputs = current_data_dir_inputs();
        const auto data_dir = find_data_dir("scenarios", inputs);
        if (!data_dir) {
            Catalogue missing;
            missing.error = describe_data_search("scenarios", inputs);
            std::fprintf(stderr, "salesdojo: %s\n", missing.error.c_str());
            return missing;
        }
        folder = (*data_dir / "scenarios").string();
    }
    return load_catalogue_folder(folder, Loading::Background);  // cards appear as they load
}

}  // namespace

int run_gui(const GuiOptions& options) {
    const Trace trace;
    trace("run_gui");

    const std::string screenshot_path = !options.screenshot_path.empty()
                                            ? options.screenshot_path
                                            : env_or("SALESDOJO_SCREENSHOT", "");
    const std::string debrief_shot = env_or("SALESDOJO_SCREENSHOT_ON_DEBRIEF", "");
    const int screenshot_frames = std::max(2, std::atoi(env_or("SALESDOJO_SCREENSHOT_FRAMES", "5").c_str()));
    const float ui_scale = std::clamp(static_cast<float>(std::atof(env_or("SALESDOJO_UI_SCALE", "1").c_str())), 0.5f, 4.0f);
    std::deque<std::string> script;
    for (auto& step : options.script.empty() ? split_script(env_or("SALESDOJO_GUI_SCRIPT", "")) : options.script)
        script.push_back(step);
    // A size asked for (--width/--height, SALESDOJO_WINDOW_SIZE) wins; else the remembered place
    // or a share of the screen (first_place, once the screen is known).
    std::optional<sf::Vector2u> asked_size;
    if (options.width > 0 && options.height > 0)
        asked_size = sf::Vector2u(static_cast<unsigned>(options.width), static_cast<unsigned>(options.height));
    else if (const std::string size = env_or("SALESDOJO_WINDOW_SIZE", ""); !size.empty())
        asked_size = parse_size(size, {1280, 720});

#if defined(__unix__) && !defined(__APPLE__)
    // SFML 2.5.1 calls std::abort() when it cannot open the X display; say why instead.
    if (env_or("DISPLAY", "").empty()) {
        std::fprintf(stderr, "salesdojo: no X display (DISPLAY is not set); the command line works without one\n");
        return 1;
    }
#endif

    // The scenarios load on a second thread while X and Mesa create the window (25-50 ms each for
    // the bundled pack); never again on the frame path. The loader is a pure function of the files.
    std::future<Catalogue> catalogue_loading =
        std::async(std::launch::async, [&options] { return load_catalogue(options); });
    const std::string settings_path = (std::filesystem::path(config_folder()) / "settings.json").string();
    Settings settings = load_settings(settings_path);
    if (!options.language.empty()) settings.language = options.language;
    if (!options.mode.empty()) settings.mode = options.mode;
    const bool scripted = !screenshot_path.empty() || !script.empty() || !debrief_shot.empty();
    if (scripted) settings.fullscreen = false;  // screenshots and smoke tests need the window as sized

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
    const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    trace("desktop mode read");
    // With several monitors (a projector beside the laptop) the window opens on the primary one,
    // not centred across both (SFML's desktop spans them all).
    const std::vector<Monitor> monitors = list_monitors();
    DesktopRect home{0, 0, desktop.width, desktop.height};
    if (monitors.size() > 1) {
        const Monitor& m = monitors[*home_monitor(monitors)];
        home = {m.x, m.y, m.width, m.height};
    }
    std::optional<WindowPlace> remembered = scripted ? std::nullopt : settings.window;
    if (remembered) remembered->x -= home.x, remembered->y -= home.y;  // opening_place counts from the monitor
    const OpeningPlace place = opening_place(home.width, home.height, remembered);
    // Scripted runs (screenshots, smoke tests) keep the fixed 1280x720 they were written for.
    const sf::Vector2u wanted_size =
        asked_size.value_or(scripted ? sf::Vector2u(1280, 720) : sf::Vector2u(place.width, place.height));
    std::optional<sf::Vector2i> position;
    if (!asked_size && place.x && place.y) {
        position = sf::Vector2i(*place.x + home.x, *place.y + home.y);
    } else if (monitors.size() > 1) {
        position = sf::Vector2i(home.x + static_cast<int>(home.width - std::min(wanted_size.x, home.width)) / 2,
                                home.y + static_cast<int>(home.height - std::min(wanted_size.y, home.height)) / 2);
    }
    sf::RenderWindow window;
    open_window(window, desktop, wanted_size, settings.fullscreen, position);
    bool fullscreen = settings.fullscreen;
    trace("window created");
    watchdog.done();
    x_connection_hold.reset();  // the window holds the connection from here on
    if (!window.isOpen()) {
        std::fprintf(stderr, "salesdojo: cannot open a window (is DISPLAY set?)\n");
        return 1;
    }

    SfmlImGui imgui;
    if (!imgui.init(window, {})) {  // no imgui.ini: our windows do not move, and no file I/O
        std::fprintf(stderr, "salesdojo: %s\n", imgui.error().c_str());
        return 1;
    }
    trace("imgui initialised");
    Fonts fonts = load_fonts(*ImGui::GetIO().Fonts, window_font_scale(settings.font_scale, ui_scale, window.getSize().y));
    if (!fonts.ok()) std::fprintf(stderr, "salesdojo: warning: %s\n", fonts.error.c_str());
    trace(("fonts loaded from " + default_font_dir()).c_str());

    Speech speech;
    TextureCache textures;
    AppServices services;
    services.settings_path = settings_path;
    // The results database; the window's old progress.json (in its data folder) is imported once.
    services.database_path = options.database.empty() ? store::default_database_path() : options.database;
    services.progress_path = (std::filesystem::path(data_folder()) / "progress.json").string();
    services.trainee = options.trainee;
    // The classroom's voting server listens here (docs/classroom.md); "" = this machine's first address.
    if (const char* address = std::getenv("SALESDOJO_CLASS_ADDRESS")) services.class_address = address;
    services.speech = &speech;
    if (!config_folder().empty()) services.recent_path = (std::filesystem::path(config_folder()) / "recent.json").string();
    services.load_image = [&textures](const std::string& path, const std::string& encoded) {
        return textures.load(path, encoded);
    };
    Catalogue catalogue = catalogue_loading.get();
    trace(("scenarios loaded from " + catalogue.folder).c_str());
    App app(std::move(catalogue), settings, std::move(services));
    if (!options.scenario_file.empty()) app.apply(intent::OpenScenario{0});
    trace("app ready");

    FrameLoop loop;
    // The trainer's own window while a class runs (trainer_screen.hpp); its keys act as the main window's.
    std::optional<TrainerWindowMode> trainer_mode = trainer_window_mode_from_id(options.trainer_window);
    if (!trainer_mode) trainer_mode = trainer_window_mode_from_env();
    TrainerScreen trainer(trainer_mode, [&trace](const std::string& what) { trace(what.c_str()); });
    bool trainer_events = false;  // the loop drains the trainer window too (only while it is open: see set_other_events)
    // A saved scenario file, and a phone's vote in a class, show without input.
    loop.set_wake_check([&app] {
        const bool file = app.poll_files();
        const bool vote = app.poll_class();
        return file || vote;
    });
    int exit_code = 0;
    bool quit = false;
    bool debrief_shot_taken = false;
    std::uint64_t script_frame = 0;  // frame at which the last step ran
    std::uint64_t script_wait = FrameLoop::kStartFrames;
    std::uint64_t script_done_frame = script.empty() ? 0 : UINT64_MAX;
    Screen last_screen = app.screen();
    std::string last_class_phase;
    std::string last_keyboard_state;  // traced: what a keyboard-only test needs to know
    ReloadNote::Kind last_note = ReloadNote::Kind::None;
    int last_versions = 0;
    while (!quit && loop.next_frame(window, [&](const sf::Event& event) {
        if (event.type == sf::Event::Closed) quit = true;
        if (loop.events_seen() <= 16) trace((std::string("event ") + event_name(event.type)).c_str());
        imgui.process_event(event);
    })) {
        if (quit) break;
        // Between frames: fonts at the scale the setting and the window height ask for.
        const float scale = window_font_scale(app.settings().font_scale, ui_scale, window.getSize().y);
        if (scale != fonts.scale) {
            fonts = load_fonts(*ImGui::GetIO().Fonts, scale);
            imgui.fonts_changed();
            trace("fonts rebuilt");
        }
        imgui.new_frame();
        app.frame(fonts);
        imgui.render(palette(app.settings().high_contrast).background);
        const std::uint64_t frame = loop.frames_drawn();
        if (frame == 1) trace("first frame rendered");
        if (frame == static_cast<std::uint64_t>(FrameLoop::kStartFrames)) trace("first interactive frame");
        if (app.screen() != last_screen) {
            last_screen = app.screen();
            trace((std::string("screen=") + screen_id(last_screen)).c_str());
        }
        if (app.quit_requested()) quit = true;  // Ctrl+Q (asked first mid-run)
        // The class's phase, so a script can follow a class driven by keys from either window.
        if (std::string phase = app.classroom() ? classroom::class_phase_id(app.classroom()->phase()) : "";
            phase != last_class_phase) {
            last_class_phase = phase;
            if (!phase.empty()) trace(("class phase=" + phase).c_str());
        }
        if (std::string state = keyboard_state(app); state != last_keyboard_state) {
            last_keyboard_state = state;
            trace(("keys " + state).c_str());
        }
        // What the open scenario file's last (re)load did, on stdout for scripts (tests/smoke/authoring_reload.sh).
        if (app.authoring().note().kind != last_note || app.authoring().versions() != last_versions) {
            last_note = app.authoring().note().kind;
            last_versions = app.authoring().versions();
            std::printf("authoring=%s versions=%d replayed=%zu dropped=%zu\n", reload_note_id(last_note), last_versions,
                        app.authoring().note().replayed, app.authoring().note().dropped);
            std::fflush(stdout);
        }

        // Screenshots are read back from the frame just rendered, before display().
        bool shoot_now = false;
        std::string shot_target;
        if (!debrief_shot.empty() && !debrief_shot_taken && app.screen() == Screen::Debrief &&
            app.frames_on_screen() >= 3) {
            shoot_now = true;
            shot_target = debrief_shot;
        } else if (!screenshot_path.empty() && script.empty() && script_done_frame != UINT64_MAX &&
                   frame >= script_done_frame + static_cast<std::uint64_t>(screenshot_frames)) {
            shoot_now = true;
            shot_target = screenshot_path;
        } else if (!script.empty() && script.front().rfind("shot=", 0) == 0 && frame >= script_frame + script_wait) {
            shoot_now = true;
            shot_target = script.front().substr(5);
        }
        if (shoot_now) {
            std::string error;
            if (save_screenshot(window.getSize(), shot_target, &error)) {
                trace("screenshot written");
                std::printf("screen=%s screenshot=%s\n", screen_id(app.screen()), shot_target.c_str());
                std::fflush(stdout);
            } else {
                std::fprintf(stderr, "salesdojo: screenshot: %s\n", error.c_str());
                exit_code = 1;
            }
            if (shot_target == debrief_shot) {
                debrief_shot_taken = true;
                quit = true;
            } else if (shot_target == screenshot_path) {
                quit = true;
            } else {
                script.pop_front();
                script_frame = frame;
                script_wait = 1;
            }
        }
        window.display();
        trainer.frame(app, window, fonts.scale);  // after the projector's frame; the main ImGui context stays current
        if (trainer.window().is_open() != trainer_events) {
            trainer_events = trainer.window().is_open();
            if (trainer_events) loop.set_other_events([&] { return trainer.drain_events(imgui); });
            else loop.set_other_events(nullptr);
        }

        // Scripted steps: one every few frames, so each screen is laid out before the next step.
        if (!quit && !script.empty() && frame >= script_frame + script_wait && script.front().rfind("shot=", 0) != 0) {
            const std::string step = script.front();
            script.pop_front();
            script_frame = frame;
            script_wait = 3;
            if (step == "quit") {
                quit = true;
            } else if (step.rfind("wait=", 0) == 0) {
                script_wait = static_cast<std::uint64_t>(std::max(1, std::atoi(step.c_str() + 5)));
            } else if (step.rfind("key=", 0) == 0) {
                if (!inject_key(imgui, step.substr(4))) std::fprintf(stderr, "salesdojo: script: unknown key in '%s'\n", step.c_str());
            } else if (!app.command(step)) {
                std::fprintf(stderr, "salesdojo: script: step '%s' does nothing here\n", step.c_str());
            }
            if (script.empty()) script_done_frame = frame;
        }

        // Fullscreen (F11 or the settings): a new window, the same ImGui context.
        if (app.settings().fullscreen != fullscreen) {
            fullscreen = app.settings().fullscreen;
            open_window(window, desktop, wanted_size, fullscreen);
            window.setActive(true);
            imgui.fonts_changed();
            trace(fullscreen ? "fullscreen" : "windowed");
        }
        const bool waiting_for_shot = (!debrief_shot.empty() && app.screen() == Screen::Debrief) ||
                                      !script.empty() || (!screenshot_path.empty() && !quit);
        loop.set_animating(app.animating() || waiting_for_shot);
        // Reading aloud ends, a watched scenario file changes, and phones vote in a class, without any input.
        loop.set_timed_wait(speech.speaking() || app.watching_file() || app.class_live());
        loop.request_animation_frames(app.take_frames_wanted());
    }
    trace("loop left");
    if (!scripted && !fullscreen && window.isOpen()) {
        const sf::Vector2i at = window.getPosition();
        const sf::Vector2u size = window.getSize();
        app.remember_window({at.x, at.y, size.x, size.y});
    }
    speech.stop();
    trainer.close();
    imgui.shutdown();
    window.close();
    trace("shut down");
    return exit_code;
}

}  // namespace salesdojo::gui
