// The platform layer's event translation, fed with synthetic sf::Event values (no window).
#include "headless.hpp"

#include "platform/sfml_imgui.hpp"

#include <doctest/doctest.h>

#include <cfloat>

using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

const sf::Vector2u kDisplay{1280, 720};
constexpr float kDt = 1.0f / 60.0f;

// One frame: publish the latches, NewFrame, caller's widgets, Render.
template <typename Body>
void frame(ImGuiInput& input, Body&& body) {
    input.begin_frame(ImGui::GetIO(), kDisplay, kDt);
    ImGui::NewFrame();
    body();
    ImGui::Render();
}

void empty_frame(ImGuiInput& input) {
    frame(input, [] {});
}

}  // namespace

TEST_CASE("key map uses SFML 2.5.1 key codes") {
    HeadlessImGui imgui;
    ImGuiInput::install_key_map(ImGui::GetIO());
    const ImGuiIO& io = ImGui::GetIO();
    CHECK(io.KeyMap[ImGuiKey_Backspace] == sf::Keyboard::Backspace);
    CHECK(io.KeyMap[ImGuiKey_Enter] == sf::Keyboard::Enter);
    CHECK(io.KeyMap[ImGuiKey_Tab] == sf::Keyboard::Tab);
    CHECK(io.KeyMap[ImGuiKey_Z] == sf::Keyboard::Z);
    for (int k = 0; k < ImGuiKey_COUNT; ++k) {
        CAPTURE(k);
        CHECK(io.KeyMap[k] >= 0);
        CHECK(io.KeyMap[k] < sf::Keyboard::KeyCount);
    }
}

TEST_CASE("a press and release within one frame is down for that frame and up the next") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    empty_frame(input);

    input.process_event(mouse_move(100, 100), io);
    input.process_event(mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, 100, 100), io);
    input.process_event(mouse_button(sf::Event::MouseButtonReleased, sf::Mouse::Left, 100, 100), io);
    frame(input, [&] {
        CHECK(io.MouseDown[0]);
        CHECK(ImGui::IsMouseClicked(ImGuiMouseButton_Left));
    });
    frame(input, [&] {
        CHECK_FALSE(io.MouseDown[0]);
        CHECK(ImGui::IsMouseReleased(ImGuiMouseButton_Left));
    });
    frame(input, [&] { CHECK_FALSE(io.MouseDown[0]); });
}

TEST_CASE("a button pressed and held stays down across frames until released") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    input.process_event(mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Right, 5, 5), io);
    empty_frame(input);
    CHECK(io.MouseDown[1]);
    empty_frame(input);
    CHECK(io.MouseDown[1]);
    input.process_event(mouse_button(sf::Event::MouseButtonReleased, sf::Mouse::Right, 5, 5), io);
    empty_frame(input);
    CHECK_FALSE(io.MouseDown[1]);
}

TEST_CASE("a click shorter than a frame activates an ImGui button") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 centre;
    int clicks = 0;
    const auto ui = [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 300));
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
        if (ImGui::Button("Choose", ImVec2(120, 40))) ++clicks;
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        centre = ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
        ImGui::End();
    };
    frame(input, ui);  // layout
    frame(input, ui);
    const int x = static_cast<int>(centre.x), y = static_cast<int>(centre.y);
    input.process_event(mouse_move(x, y), io);
    input.process_event(mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, x, y), io);
    input.process_event(mouse_button(sf::Event::MouseButtonReleased, sf::Mouse::Left, x, y), io);
    frame(input, ui);
    frame(input, ui);
    frame(input, ui);
    CHECK(clicks == 1);
}

TEST_CASE("TextEntered: control characters and DEL are skipped, text is queued") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    CHECK(input.process_event(text(0x08), io));  // Backspace also arrives as text
    CHECK(input.process_event(text(0x09), io));
    CHECK(input.process_event(text(0x0D), io));
    CHECK(input.process_event(text(0x1F), io));
    CHECK(input.process_event(text(0x7F), io));
    CHECK(io.InputQueueCharacters.Size == 0);
    input.process_event(text('a'), io);
    input.process_event(text(0x00E9), io);  // é
    input.process_event(text(0x20AC), io);  // €
    REQUIRE(io.InputQueueCharacters.Size == 3);
    CHECK(io.InputQueueCharacters[0] == 'a');
    CHECK(io.InputQueueCharacters[1] == 0x00E9);
    CHECK(io.InputQueueCharacters[2] == 0x20AC);
}

TEST_CASE("unknown key codes (-1) and out-of-range codes are ignored safely") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    empty_frame(input);
    CHECK(input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::Unknown), io));
    CHECK(input.process_event(key(sf::Event::KeyReleased, -1), io));
    CHECK(input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::KeyCount), io));
    // The extremes sf::Keyboard::Key can hold (its range is that of a signed byte; values outside
    // it would be undefined behaviour before they reach us).
    CHECK(input.process_event(key(sf::Event::KeyPressed, 127), io));
    CHECK(input.process_event(key(sf::Event::KeyPressed, -128), io));
    empty_frame(input);
    for (int k = 0; k < 512; ++k) {
        CAPTURE(k);
        CHECK_FALSE(io.KeysDown[k]);
    }
}

TEST_CASE("a key tapped within one frame is pressed for one frame (synthetic key presses)") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    empty_frame(input);
    input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::Num1), io);
    input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::Num1), io);
    frame(input, [] { CHECK(ImGui::IsKeyPressed(sf::Keyboard::Num1, false)); });
    frame(input, [] {
        CHECK_FALSE(ImGui::IsKeyDown(sf::Keyboard::Num1));
        CHECK(ImGui::IsKeyReleased(sf::Keyboard::Num1));
    });
}

TEST_CASE("modifiers come from the left or the right key") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::RShift), io);
    input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::LControl), io);
    input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::RAlt), io);
    input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::RSystem), io);
    empty_frame(input);
    CHECK(io.KeyShift);
    CHECK(io.KeyCtrl);
    CHECK(io.KeyAlt);
    CHECK(io.KeySuper);
    input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::RShift), io);
    input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::LControl), io);
    input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::RAlt), io);
    input.process_event(key(sf::Event::KeyReleased, sf::Keyboard::RSystem), io);
    empty_frame(input);
    CHECK_FALSE(io.KeyShift);
    CHECK_FALSE(io.KeyCtrl);
    CHECK_FALSE(io.KeyAlt);
    CHECK_FALSE(io.KeySuper);
}

TEST_CASE("focus loss releases held keys and buttons") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    input.process_event(key(sf::Event::KeyPressed, sf::Keyboard::LAlt), io);
    input.process_event(mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, 1, 1), io);
    empty_frame(input);
    CHECK(io.KeyAlt);
    CHECK(io.MouseDown[0]);
    CHECK(input.process_event(simple(sf::Event::LostFocus), io));
    empty_frame(input);
    CHECK_FALSE(io.KeyAlt);
    CHECK_FALSE(io.KeysDown[sf::Keyboard::LAlt]);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(input.process_event(simple(sf::Event::GainedFocus), io));
    empty_frame(input);
}

TEST_CASE("wheel comes from MouseWheelScrolled only") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    sf::Event old_wheel{};
    old_wheel.type = sf::Event::MouseWheelMoved;
    old_wheel.mouseWheel.delta = 1;
    CHECK_FALSE(input.process_event(old_wheel, io));
    CHECK(io.MouseWheel == 0.0f);

    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll.wheel = sf::Mouse::VerticalWheel;
    wheel.mouseWheelScroll.delta = 1.0f;
    CHECK(input.process_event(wheel, io));
    CHECK(io.MouseWheel == 1.0f);
    wheel.mouseWheelScroll.wheel = sf::Mouse::HorizontalWheel;
    wheel.mouseWheelScroll.delta = -1.0f;
    input.process_event(wheel, io);
    CHECK(io.MouseWheelH == -1.0f);
}

TEST_CASE("mouse leaving the window invalidates the position unless a button is held") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    input.process_event(mouse_move(10, 20), io);
    CHECK(io.MousePos.x == 10.0f);
    CHECK(io.MousePos.y == 20.0f);
    input.process_event(simple(sf::Event::MouseLeft), io);
    CHECK(io.MousePos.x == -FLT_MAX);
    empty_frame(input);
    CHECK_FALSE(ImGui::IsMousePosValid());

    input.process_event(mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left, 30, 40), io);
    input.process_event(simple(sf::Event::MouseLeft), io);
    CHECK(io.MousePos.x == 30.0f);  // dragging out of the window keeps the last position
}

TEST_CASE("display size and delta time: always positive time") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    input.begin_frame(io, {800, 600}, 0.0f);
    CHECK(io.DisplaySize.x == 800.0f);
    CHECK(io.DisplaySize.y == 600.0f);
    CHECK(io.DeltaTime > 0.0f);
    input.begin_frame(io, {800, 600}, -1.0f);
    CHECK(io.DeltaTime > 0.0f);
    ImGui::NewFrame();  // would assert on DeltaTime <= 0
    ImGui::Render();
    input.begin_frame(io, {800, 600}, 0.25f);
    CHECK(io.DeltaTime == doctest::Approx(0.25f));
}

TEST_CASE("events that are not input are reported as not handled") {
    HeadlessImGui imgui;
    ImGuiInput input;
    ImGuiIO& io = ImGui::GetIO();
    CHECK_FALSE(input.process_event(simple(sf::Event::Closed), io));
    CHECK_FALSE(input.process_event(simple(sf::Event::Resized), io));
    CHECK_FALSE(input.process_event(simple(sf::Event::JoystickConnected), io));
}

TEST_CASE("the requested OpenGL context is a compatibility one") {
    const sf::ContextSettings settings = context_settings();
    CHECK((settings.attributeFlags & sf::ContextSettings::Core) == 0);
    CHECK(settings.majorVersion == 2);
}
