#pragma once
// dear imgui 1.86: Platform Backend for SFML 2.5.1, with Debian's imgui_impl_opengl2 as renderer.
// The only code in SalesDojo that touches both sf::Event and ImGuiIO.
//
// Implemented features:
//  [X] Platform: keyboard through the old 1.86 API: io.KeyMap[] maps ImGuiKey_* to sf::Keyboard::Key,
//      io.KeysDown[] is indexed by sf::Keyboard::Key, so the app can ask
//      ImGui::IsKeyPressed(sf::Keyboard::Num1). Key codes outside 0..KeyCount-1 (SFML sends -1 for
//      keys it does not know) are ignored.
//  [X] Platform: modifiers (io.KeyCtrl/KeyShift/KeyAlt/KeySuper) from the left OR right key.
//  [X] Platform: while the app enables ImGuiConfigFlags_NavEnableKeyboard, Enter acts as Space
//      (presses the widget in focus), which ImGui 1.86 does not do itself.
//  [X] Platform: text input through io.AddInputCharacter(); code points below 0x20 and 127 (DEL)
//      are skipped (SFML reports Backspace, Tab, Enter and Ctrl+letter as TextEntered too).
//  [X] Platform: mouse position, buttons 0-4, vertical and horizontal wheel. The wheel is taken from
//      MouseWheelScrolled only (SFML also sends the deprecated MouseWheelMoved for the same motion,
//      which would scroll twice). Leaving the window sets io.MousePos to (-FLT_MAX, -FLT_MAX) unless
//      a button is held (X11 keeps reporting positions during an implicit grab).
//  [X] Platform: presses are latched. A mouse button or key pressed and released between two frames
//      is reported as down for one frame and released in the next, so short clicks, synthetic
//      clicks (xdotool) and synthetic key taps are never lost. Consequence: after input, draw at
//      least two frames (FrameLoop does three).
//  [X] Platform: focus lost/gained forwarded with io.AddFocusEvent(); on focus loss our own held
//      keys and buttons are released too (no stuck Alt after Alt-Tab).
//  [X] Platform: mouse cursor shape and visibility: one sf::Cursor per ImGuiMouseCursor, loaded at
//      init and kept alive until shutdown (SFML requires the cursor to outlive its use); honours
//      ImGuiConfigFlags_NoMouseCursorChange and io.MouseDrawCursor.
//  [X] Platform: clipboard through sf::Clipboard; the pasted text is stored in this object, so the
//      pointer ImGui receives stays valid until the next paste.
//  [X] Platform: io.IniFilename from PlatformOptions::ini_path (empty = no ini file, as in tests);
//      the path string is owned here.
//  [X] Platform: io.DisplaySize from the window every frame; io.DeltaTime always > 0.
//  [X] Renderer: imgui_impl_opengl2 (fixed pipeline) from Debian's libimgui.a. Needs a
//      compatibility context: init() refuses a core-profile context.
// Missing features / caveats:
//  [ ] No gamepad navigation, no IME positioning, no HiDPI (SFML 2.5 has no framebuffer scale).
//  [X] Several windows, one SfmlImGui each: every SfmlImGui owns its own ImGui context, font atlas,
//      input latches, cursors and imgui_impl_opengl2 data (1.86 keeps the renderer's data per ImGui
//      context, in io.BackendRendererUserData). Each method makes its own ImGui context current:
//      process_event() and fonts_changed() restore the previous one afterwards; new_frame() makes
//      this ImGui context AND the window's GL context current and leaves them so until render();
//      make_current() does the same between frames (load fonts, then fonts_changed()). Atlases are
//      deliberately not shared: imgui_impl_opengl2's shutdown sets the atlas's texture to 0, which
//      would blank the text of the other window. SFML's GL contexts share textures, so portraits
//      uploaded in one window can be drawn in another.
//  [ ] Horizontal wheel: SFML's positive delta means "left", which is also ImGui 1.86's meaning.
//  - If SFML draws into the same sf::RenderWindow (sprites, portraits), wrap that drawing in
//    window.pushGLStates()/popGLStates(), or call window.resetGLStates() after render().
//  - The app may act on its own hotkeys only when !io.WantCaptureKeyboard.
//
// Use:
//   sf::RenderWindow window(mode, "SalesDojo", sf::Style::Default, context_settings());
//   SfmlImGui imgui;  imgui.init(window, {ini_path});     // creates the ImGui context
//   load_fonts(*ImGui::GetIO().Fonts, scale);             // fonts.hpp, before the first frame
//   while (window.isOpen()) {
//       for each sf::Event e: imgui.process_event(e);     // (and handle sf::Event::Closed)
//       imgui.new_frame();  ...ImGui:: calls...;  imgui.render(clear_colour);
//       [save_screenshot(...)]  window.display();
//   }
//   imgui.shutdown();  window.close();                    // renderer, cursors, context, then window
// A second window: its own sf::RenderWindow and SfmlImGui; per frame, after the first window's
// render() and display(): second.new_frame(); ...; second.render(); window2.display(); then
// first.make_current() before anything reads ImGui::GetIO() for the first window again.
#include <imgui.h>

#include <SFML/System/Clock.hpp>
#include <SFML/System/Vector2.hpp>
#include <SFML/Window/ContextSettings.hpp>
#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <SFML/Window/Mouse.hpp>

#include <array>
#include <memory>
#include <string>

namespace sf {
class Window;
}

namespace salesdojo::gui {

// The OpenGL context to ask SFML for: 2.1 compatibility (the fixed pipeline imgui_impl_opengl2
// needs; never core profile), no depth, stencil or multisampling (nothing to draw in 3D, and the
// fewer requirements, the fewer GLX configurations the X server has to satisfy).
sf::ContextSettings context_settings();

// Window-independent half of the backend: translates sf::Event into ImGuiIO and applies the latches
// at the start of a frame. Needs an ImGui context, no window, no GL (the headless tests use it).
class ImGuiInput {
public:
    // Fills io.KeyMap (SFML 2.5.1 key names: Backspace, Enter, ...).
    static void install_key_map(ImGuiIO& io);

    // Feeds one event into `io`. Returns true when the event is input ImGui may consume (mouse,
    // keyboard, text, focus); false for the rest (Closed, Resized, joystick, ...).
    bool process_event(const sf::Event& event, ImGuiIO& io);

    // Call once per frame before ImGui::NewFrame(): publishes latched presses, held state and
    // modifiers to `io`, sets DisplaySize and DeltaTime (clamped to be > 0).
    void begin_frame(ImGuiIO& io, sf::Vector2u display_size, float delta_seconds);

    // Releases everything we consider held (used on focus loss).
    void release_all();

private:
    std::array<bool, sf::Mouse::ButtonCount> m_mouse_held{};
    std::array<bool, sf::Mouse::ButtonCount> m_mouse_pressed{};  // pressed since the last frame
    std::array<bool, sf::Keyboard::KeyCount> m_key_held{};
    std::array<bool, sf::Keyboard::KeyCount> m_key_pressed{};
    struct Chord {
        bool control = false, shift = false, alt = false;
    } m_chord;  // modifiers that came with this frame's key presses
};

struct PlatformOptions {
    std::string ini_path;  // where ImGui keeps window positions; empty = none (tests, screenshots)
};

class SfmlImGui {
public:
    SfmlImGui() = default;
    SfmlImGui(const SfmlImGui&) = delete;
    SfmlImGui& operator=(const SfmlImGui&) = delete;
    ~SfmlImGui();  // calls shutdown() if the caller did not

    // Creates the ImGui context, installs the platform callbacks and the OpenGL2 renderer. The
    // window's GL context and the new ImGui context are left current (load the fonts next).
    // Returns false (and sets error()) when the context is core-profile or the renderer fails; then
    // nothing needs shutting down and the previous ImGui context is current again.
    bool init(sf::Window& window, const PlatformOptions& options = {});

    // See ImGuiInput::process_event; into this window's context, whichever is current.
    bool process_event(const sf::Event& event);

    // Makes this window's ImGui context and GL context current (both stay so). Then
    // latches, display size, time, cursor shape; ImGui_ImplOpenGL2_NewFrame and ImGui::NewFrame.
    // The first call uploads the font atlas: load fonts before it.
    void new_frame();

    // ImGui::Render(), clear with `clear_colour`, draw. Call with this context current (after
    // new_frame()). Does not call window.display(): a screenshot may be read back first.
    void render(const ImVec4& clear_colour);

    // Makes this window's ImGui context and GL context current, between frames.
    void make_current();

    // After load_fonts() between frames: rebuild the atlas texture (the previous ImGui context is
    // current again afterwards; the GL context is this window's).
    void fonts_changed();

    // Renderer, then cursors, then the ImGui context. Close the window afterwards. The ImGui context
    // that was current before stays current (none, if it was this one).
    void shutdown();

    bool initialised() const { return m_context != nullptr; }
    ImGuiContext* context() const { return m_context; }
    ImGuiIO& io();  // this context's io, whichever is current
    const std::string& error() const { return m_error; }

private:
    static const char* get_clipboard_text(void* user_data);
    static void set_clipboard_text(void* user_data, const char* text);
    void update_mouse_cursor();

    sf::Window* m_window = nullptr;
    ImGuiContext* m_context = nullptr;
    ImGuiInput m_input;
    sf::Clock m_clock;
    std::string m_ini_path;
    std::string m_clipboard;  // last pasted text, UTF-8; ImGui holds a pointer into it
    std::array<std::unique_ptr<sf::Cursor>, ImGuiMouseCursor_COUNT> m_cursors;
    ImGuiMouseCursor m_last_cursor = ImGuiMouseCursor_COUNT;  // none set yet
    bool m_cursor_visible = true;
    std::string m_error;
};

}  // namespace salesdojo::gui
