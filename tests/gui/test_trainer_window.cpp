// The trainer's second window: monitors, where it goes, the setting; and (skipped by default, run
// by tests/smoke/trainer_window.sh under an Xvfb with one or two monitors) the real windows.
#include "platform/monitors.hpp"
#include "platform/sfml_imgui.hpp"
#include "settings.hpp"
#include "temp_env.hpp"
#include "trainer_window.hpp"
#include "views/draw_log.hpp"
#include "views/widgets.hpp"

#include <doctest/doctest.h>

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace salesdojo::gui;
using salesdojo::test::ScopedEnv;
using salesdojo::test::TempDir;

namespace {

const Monitor kLeft{"A", 0, 0, 1920, 1080, true};
const Monitor kRight{"B", 1920, 0, 1280, 1024, false};

}  // namespace

TEST_CASE("monitor_of: the monitor holding the largest part of the window") {
    const std::vector<Monitor> two{kLeft, kRight};
    CHECK(monitor_of(two, {100, 100, 800, 600}) == std::optional<std::size_t>(0));
    CHECK(monitor_of(two, {2000, 10, 800, 600}) == std::optional<std::size_t>(1));
    // Straddling: 300 px on the left one, 500 on the right one.
    CHECK(monitor_of(two, {1620, 0, 800, 600}) == std::optional<std::size_t>(1));
    CHECK(monitor_of(two, {1420, 0, 800, 600}) == std::optional<std::size_t>(0));
    CHECK_FALSE(monitor_of(two, {5000, 5000, 100, 100}).has_value());
    CHECK_FALSE(monitor_of({}, {0, 0, 100, 100}).has_value());
}

TEST_CASE("other_monitor: another monitor than the window's, never a mirror of it") {
    const std::vector<Monitor> two{kLeft, kRight};
    CHECK(other_monitor(two, {100, 100, 800, 600}) == std::optional<std::size_t>(1));
    CHECK(other_monitor(two, {2000, 100, 800, 600}) == std::optional<std::size_t>(0));
    CHECK_FALSE(other_monitor({kLeft}, {100, 100, 800, 600}).has_value());
    CHECK_FALSE(other_monitor({}, {100, 100, 800, 600}).has_value());
    Monitor mirror = kLeft;
    mirror.name = "HDMI-1";
    mirror.primary = false;
    CHECK_FALSE(other_monitor({kLeft, mirror}, {100, 100, 800, 600}).has_value());
    // Three: the largest of the two others.
    const Monitor big{"C", -2560, 0, 2560, 1440, false};
    CHECK(other_monitor({kLeft, kRight, big}, {100, 100, 800, 600}) == std::optional<std::size_t>(2));
    // On no monitor at all: as if on the primary one.
    CHECK(other_monitor(two, {9000, 9000, 10, 10}) == std::optional<std::size_t>(1));
}

TEST_CASE("home_monitor: the primary monitor, else the first") {
    CHECK(home_monitor({kRight, kLeft}) == std::optional<std::size_t>(1));  // kLeft is primary
    Monitor plain = kLeft;
    plain.primary = false;
    CHECK(home_monitor({kRight, plain}) == std::optional<std::size_t>(0));
    CHECK_FALSE(home_monitor({}).has_value());
}

TEST_CASE("trainer_window_place: auto needs a second monitor, on always opens, off never") {
    const std::vector<Monitor> two{kLeft, kRight};
    const DesktopRect main{320, 180, 1280, 720};
    CHECK_FALSE(trainer_window_place(TrainerWindowMode::Off, two, main).has_value());
    CHECK_FALSE(trainer_window_place(TrainerWindowMode::Auto, {kLeft}, main).has_value());
    CHECK_FALSE(trainer_window_place(TrainerWindowMode::Auto, {}, main).has_value());
    for (const TrainerWindowMode mode : {TrainerWindowMode::Auto, TrainerWindowMode::On}) {
        const auto place = trainer_window_place(mode, two, main);
        REQUIRE(place.has_value());
        CHECK(place->frame == TrainerWindowFrame::Borderless);
        CHECK(place->monitor == std::optional<std::size_t>(1));
        CHECK(place->rect.x == 1920);
        CHECK(place->rect.y == 0);
        CHECK(place->rect.width == 1280);
        CHECK(place->rect.height == 1024);
    }
    // On with one monitor: a decorated window inside that monitor, in its top right corner.
    const auto beside = trainer_window_place(TrainerWindowMode::On, {kLeft}, main);
    REQUIRE(beside.has_value());
    CHECK(beside->frame == TrainerWindowFrame::Decorated);
    CHECK_FALSE(beside->monitor.has_value());
    CHECK(beside->rect.x + static_cast<int>(beside->rect.width) == 1920);
    CHECK(beside->rect.y == 0);
    CHECK(beside->rect.width < 1920);
    CHECK(beside->rect.height <= 1080);
    // ... and with the monitors unknown, inside the main window's rectangle.
    const auto unknown = trainer_window_place(TrainerWindowMode::On, {}, main);
    REQUIRE(unknown.has_value());
    CHECK(unknown->rect.x + static_cast<int>(unknown->rect.width) == 320 + 1280);
    CHECK(unknown->rect.y == 180);
}

TEST_CASE("the trainer_window setting: auto by default, saved and read back, odd values ignored") {
    CHECK(Settings{}.trainer_window == TrainerWindowMode::Auto);
    TempDir tmp{"salesdojo-trainer-setting"};
    const std::string path = (tmp.path() / "settings.json").string();
    for (const TrainerWindowMode mode : {TrainerWindowMode::Auto, TrainerWindowMode::On, TrainerWindowMode::Off}) {
        Settings s;
        s.trainer_window = mode;
        REQUIRE(save_settings(path, s));
        CHECK(load_settings(path).trainer_window == mode);
    }
    std::ofstream(path, std::ios::binary) << R"({"format":1,"trainer_window":"sometimes","language":"nl"})";
    CHECK(load_settings(path).trainer_window == TrainerWindowMode::Auto);
    CHECK(load_settings(path).language == "nl");
    std::ofstream(path, std::ios::binary) << R"({"format":1,"trainer_window":true})";
    CHECK(load_settings(path).trainer_window == TrainerWindowMode::Auto);
    CHECK(trainer_window_mode_from_id("off") == TrainerWindowMode::Off);
    CHECK_FALSE(trainer_window_mode_from_id("OFF").has_value());
    CHECK_FALSE(trainer_window_mode_from_id("").has_value());
}

TEST_CASE("SALESDOJO_TRAINER_WINDOW overrides the setting only with a known value") {
    {
        ScopedEnv env("SALESDOJO_TRAINER_WINDOW", "on");
        CHECK(trainer_window_mode_from_env() == TrainerWindowMode::On);
    }
    {
        ScopedEnv env("SALESDOJO_TRAINER_WINDOW", "maybe");
        CHECK_FALSE(trainer_window_mode_from_env().has_value());
    }
    {
        ScopedEnv env("SALESDOJO_TRAINER_WINDOW", std::nullopt);
        CHECK_FALSE(trainer_window_mode_from_env().has_value());
    }
}

// --- the real windows (X display needed) ----------------------------------------------------------

namespace {

constexpr const char* kProjectorText = "Projector: the client's line";
constexpr const char* kTrainerText = "Trainer notes: ask what the room heard";

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

// The main window as gui_main.cpp opens it, at the top left of the first monitor.
struct MainWindow {
    sf::RenderWindow window;
    SfmlImGui imgui;
    Fonts fonts;
    MainWindow() {
        window.create(sf::VideoMode(1024, 640), "SalesDojo", sf::Style::Default, context_settings());
        window.setPosition({40, 40});
        REQUIRE(imgui.init(window, {}));
        fonts = load_fonts(*ImGui::GetIO().Fonts, 1.0f);
    }
    ~MainWindow() {
        imgui.shutdown();
        window.close();
    }
    DesktopRect rect() const {
        return {window.getPosition().x, window.getPosition().y, window.getSize().x, window.getSize().y};
    }
    // One frame that draws the projector's text into `log`; returns whether key `key` was pressed.
    bool frame(DrawLog& log, sf::Keyboard::Key key = sf::Keyboard::Unknown) {
        sf::Event event;
        while (window.pollEvent(event)) imgui.process_event(event);
        imgui.new_frame();
        bool pressed = false;
        {
            DrawLog* previous = set_draw_log(&log);
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("projector", nullptr, ImGuiWindowFlags_NoDecoration);
            text_in_font(fonts.title, kProjectorText);
            ImGui::End();
            if (key != sf::Keyboard::Unknown) pressed = ImGui::IsKeyPressed(key, false);
            set_draw_log(previous);
        }
        imgui.render(ImVec4(0.1f, 0.1f, 0.1f, 1.0f));
        window.display();
        return pressed;
    }
};

// What the trainer window's callback saw: its own log and whether its context was not the main one.
struct TrainerDraw {
    DrawLog log;
    ImGuiContext* main_context = nullptr;
    int frames_in_own_context = 0;
    void operator()(const Fonts& fonts) {
        DrawLog* previous = set_draw_log(&log);
        if (ImGui::GetCurrentContext() != main_context) ++frames_in_own_context;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("trainer", nullptr, ImGuiWindowFlags_NoDecoration);
        text_in_font(fonts.title, kTrainerText);
        text_wrapped("Best option: 2. Tally (hidden from the room): 7 / 12 / 3");
        ImGui::End();
        set_draw_log(previous);
    }
};

}  // namespace

TEST_CASE("trainer window: two monitors, it opens on the other one and takes keys" * doctest::skip()) {
    MainWindow main;  // first: list the monitors while a window holds the X connection (monitors.hpp)
    const std::vector<Monitor> listed = list_monitors();
    for (const Monitor& m : listed)
        std::printf("monitor %s %d,%d %ux%u%s\n", m.name.c_str(), m.x, m.y, m.width, m.height, m.primary ? " primary" : "");
    REQUIRE(listed.size() == 2);

    const auto own = monitor_of(listed, main.rect());
    REQUIRE(own.has_value());
    const auto place = trainer_window_place(TrainerWindowMode::Auto, listed, main.rect());
    REQUIRE(place.has_value());
    REQUIRE(place->monitor.has_value());
    CHECK(*place->monitor != *own);

    TrainerWindow trainer;
    ImGuiContext* const main_context = ImGui::GetCurrentContext();
    REQUIRE(trainer.open(*place, "SalesDojo trainer", 1.25f));
    CHECK(ImGui::GetCurrentContext() == main_context);  // opening it left the main context current
    const Monitor& target = listed[*place->monitor];
    CHECK(trainer.position().x == target.x);
    CHECK(trainer.position().y == target.y);
    CHECK(trainer.size().x == target.width);
    CHECK(trainer.size().y == target.height);
    CHECK(monitor_of(listed, {trainer.position().x, trainer.position().y, trainer.size().x, trainer.size().y}) ==
          place->monitor);

    // Frames of both windows, alternating: each draws only its own text, each in its own context.
    TrainerDraw draw;
    draw.main_context = main_context;
    DrawLog main_log;
    const std::string shot = env_or("SALESDOJO_TRAINER_SHOT", "");
    for (int i = 0; i < 6; ++i) {
        main_log.clear();
        draw.log.clear();
        main.frame(main_log);
        trainer.drain_events();
        REQUIRE(trainer.frame(std::ref(draw), {1.25f, false}, i == 5 ? shot : std::string()));
        CHECK(ImGui::GetCurrentContext() == main_context);
    }
    CHECK(trainer.frames_drawn() == 6);
    CHECK(draw.frames_in_own_context == 6);
    CHECK(draw.log.contains(kTrainerText));
    CHECK_FALSE(draw.log.contains(kProjectorText));
    CHECK(main_log.contains(kProjectorText));
    CHECK_FALSE(main_log.contains(kTrainerText));
    CHECK_FALSE(main_log.contains("Best option"));

    // The whole screen, both windows, as the trainer and the room would see it.
    if (const std::string root_shot = env_or("SALESDOJO_ROOT_SHOT", ""); !root_shot.empty()) {
        const std::string command = "import -window root '" + root_shot + "'";
        CHECK(std::system(command.c_str()) == 0);
    }

    // A key typed in the trainer window reaches the caller, which gives it to the main window.
    const std::string xdotool = "xdotool windowfocus --sync " + std::to_string(trainer.handle()) + " key t";
    REQUIRE(std::system(xdotool.c_str()) == 0);
    bool got_t = false, main_saw_t = false;
    const sf::Clock clock;
    while (!main_saw_t && clock.getElapsedTime() < sf::seconds(10)) {
        trainer.drain_events();
        for (const sf::Event& e : trainer.take_key_events()) {
            if (e.type == sf::Event::KeyPressed && e.key.code == sf::Keyboard::T) got_t = true;
            main.imgui.process_event(e);
        }
        if (main.frame(main_log, sf::Keyboard::T)) main_saw_t = true;
        trainer.frame(std::ref(draw), {1.25f, false});
        sf::sleep(sf::milliseconds(10));
    }
    CHECK(got_t);
    CHECK(main_saw_t);
    CHECK_FALSE(trainer.closed_by_user());

    trainer.close();
    CHECK_FALSE(trainer.is_open());
    CHECK(ImGui::GetCurrentContext() == main_context);
    DrawLog after;
    main.frame(after);  // the main window goes on alone
    CHECK(after.contains(kProjectorText));
}

TEST_CASE("trainer window: one monitor, auto opens none" * doctest::skip()) {
    MainWindow main;
    const std::vector<Monitor> listed = list_monitors();
    REQUIRE(listed.size() == 1);
    CHECK(monitor_of(listed, main.rect()) == std::optional<std::size_t>(0));
    CHECK_FALSE(trainer_window_place(TrainerWindowMode::Auto, listed, main.rect()).has_value());
    // "on" still gives the trainer a window, beside the main one on the same monitor.
    const auto place = trainer_window_place(TrainerWindowMode::On, listed, main.rect());
    REQUIRE(place.has_value());
    TrainerWindow trainer;
    REQUIRE(trainer.open(*place, "SalesDojo trainer", 1.0f));
    TrainerDraw draw;
    draw.main_context = ImGui::GetCurrentContext();
    DrawLog main_log;
    for (int i = 0; i < 3; ++i) {
        main.frame(main_log);
        trainer.drain_events();
        REQUIRE(trainer.frame(std::ref(draw), {1.0f, false}));
    }
    CHECK(draw.log.contains(kTrainerText));
    CHECK(monitor_of(listed, {trainer.position().x, trainer.position().y, trainer.size().x, trainer.size().y}) ==
          std::optional<std::size_t>(0));
}
