#include "platform/sfml_imgui.hpp"

#include <imgui/backends/imgui_impl_opengl2.h>

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Window.hpp>

#include <algorithm>
#include <cfloat>

namespace salesdojo::gui {

static_assert(sf::Keyboard::KeyCount <= 512, "io.KeysDown has 512 entries in ImGui 1.86");
static_assert(sf::Mouse::ButtonCount <= 5, "io.MouseDown has 5 entries in ImGui 1.86");

sf::ContextSettings context_settings() {
    sf::ContextSettings settings;
    settings.depthBits = 0;
    settings.stencilBits = 0;
    settings.antialiasingLevel = 0;
    settings.majorVersion = 2;
    settings.minorVersion = 1;
    settings.attributeFlags = sf::ContextSettings::Default;  // compatibility profile, never Core
    settings.sRgbCapable = false;
    return settings;
}

// --- ImGuiInput -------------------------------------------------------------------------------

void ImGuiInput::install_key_map(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
    io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
    io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
    io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
    io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
    io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
    io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
    io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
    io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
    io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
    io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
    io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
    io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Enter;  // SFML 2.5 reports both as Enter
    io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
    io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
    io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
    io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
    io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
    io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

bool ImGuiInput::process_event(const sf::Event& event, ImGuiIO& io) {
    switch (event.type) {
    case sf::Event::MouseMoved:
        io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
        return true;
    case sf::Event::MouseLeft:
        if (std::none_of(m_mouse_held.begin(), m_mouse_held.end(), [](bool b) { return b; })) {
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        }
        return true;
    case sf::Event::MouseEntered:
        return true;  // the position comes with the next MouseMoved
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
        const int button = event.mouseButton.button;
        io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y));
        if (button < 0 || button >= sf::Mouse::ButtonCount) return true;
        const bool pressed = event.type == sf::Event::MouseButtonPressed;
        m_mouse_held[button] = pressed;
        if (pressed) m_mouse_pressed[button] = true;  // survives a release in the same frame
        return true;
    }
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) {
            io.MouseWheel += event.mouseWheelScroll.delta;
        } else if (event.mouseWheelScroll.wheel == sf::Mouse::HorizontalWheel) {
            io.MouseWheelH += event.mouseWheelScroll.delta;
        }
        return true;
    case sf::Event::MouseWheelMoved:
        return false;  // deprecated duplicate of MouseWheelScrolled: would scroll twice
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
        const int key = event.key.code;
        if (key < 0 || key >= sf::Keyboard::KeyCount) return true;  // sf::Keyboard::Unknown == -1
        const bool pressed = event.type == sf::Event::KeyPressed;
        m_key_held[key] = pressed;
        if (pressed) {
            m_key_pressed[key] = true;
            // The modifiers held when the key went down: with a display-blocking loop a chord like
            // Ctrl+Q can arrive split over two frames, Ctrl's release in the same frame as Q.
            m_chord.control |= event.key.control;
            m_chord.shift |= event.key.shift;
            m_chord.alt |= event.key.alt;
        }
        return true;
    }
    case sf::Event::TextEntered: {
        const sf::Uint32 c = event.text.unicode;
        if (c < 0x20 || c == 0x7F) return true;  // Backspace, Tab, Enter, Ctrl+letter, DEL
        io.AddInputCharacter(c);
        return true;
    }
    case sf::Event::GainedFocus:
        io.AddFocusEvent(true);
        return true;
    case sf::Event::LostFocus:
        io.AddFocusEvent(false);  // ImGui clears its keys in the next NewFrame
        release_all();            // and we must not publish ours again
        return true;
    default:
        return false;
    }
}

void ImGuiInput::begin_frame(ImGuiIO& io, sf::Vector2u display_size, float delta_seconds) {
    io.DisplaySize = ImVec2(static_cast<float>(display_size.x), static_cast<float>(display_size.y));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = delta_seconds > 1.0e-4f ? delta_seconds : 1.0e-4f;  // ImGui asserts > 0

    for (int b = 0; b < sf::Mouse::ButtonCount; ++b) {
        io.MouseDown[b] = m_mouse_held[b] || m_mouse_pressed[b];
        m_mouse_pressed[b] = false;  // a release seen this frame takes effect in the next one
    }
    for (int k = 0; k < sf::Keyboard::KeyCount; ++k) {
        io.KeysDown[k] = m_key_held[k] || m_key_pressed[k];
        m_key_pressed[k] = false;
    }
    io.KeyCtrl = io.KeysDown[sf::Keyboard::LControl] || io.KeysDown[sf::Keyboard::RControl] || m_chord.control;
    io.KeyShift = io.KeysDown[sf::Keyboard::LShift] || io.KeysDown[sf::Keyboard::RShift] || m_chord.shift;
    io.KeyAlt = io.KeysDown[sf::Keyboard::LAlt] || io.KeysDown[sf::Keyboard::RAlt] || m_chord.alt;
    m_chord = {};
    io.KeySuper = io.KeysDown[sf::Keyboard::LSystem] || io.KeysDown[sf::Keyboard::RSystem];
    if (io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) {
        // ImGui 1.86's keyboard navigation presses the widget in focus with Space only: Enter too.
        // (Tab between widgets is views/tab_order.hpp.)
        if (io.KeysDown[sf::Keyboard::Enter]) io.KeysDown[sf::Keyboard::Space] = true;
    }
}

void ImGuiInput::release_all() {
    m_mouse_held.fill(false);
    m_mouse_pressed.fill(false);
    m_key_held.fill(false);
    m_key_pressed.fill(false);
    m_chord = {};
}

// --- SfmlImGui --------------------------------------------------------------------------------

namespace {

sf::Cursor::Type sfml_cursor_type(ImGuiMouseCursor cursor) {
    switch (cursor) {
    case ImGuiMouseCursor_TextInput: return sf::Cursor::Text;
    case ImGuiMouseCursor_ResizeAll: return sf::Cursor::SizeAll;
    case ImGuiMouseCursor_ResizeNS: return sf::Cursor::SizeVertical;
    case ImGuiMouseCursor_ResizeEW: return sf::Cursor::SizeHorizontal;
    case ImGuiMouseCursor_ResizeNESW: return sf::Cursor::SizeBottomLeftTopRight;
    case ImGuiMouseCursor_ResizeNWSE: return sf::Cursor::SizeTopLeftBottomRight;
    case ImGuiMouseCursor_Hand: return sf::Cursor::Hand;
    case ImGuiMouseCursor_NotAllowed: return sf::Cursor::NotAllowed;
    default: return sf::Cursor::Arrow;
    }
}

// Makes `context` the current ImGui context for one scope, then restores the one before (unless
// that one was destroyed meanwhile: then none).
class ContextSwitch {
public:
    explicit ContextSwitch(ImGuiContext* context) : m_previous(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(context);
    }
    ~ContextSwitch() { ImGui::SetCurrentContext(m_previous); }
    void forget_previous_if(ImGuiContext* destroyed) {
        if (m_previous == destroyed) m_previous = nullptr;
    }
    ContextSwitch(const ContextSwitch&) = delete;
    ContextSwitch& operator=(const ContextSwitch&) = delete;

private:
    ImGuiContext* m_previous;
};

}  // namespace

SfmlImGui::~SfmlImGui() { shutdown(); }

ImGuiIO& SfmlImGui::io() {
    IM_ASSERT(m_context && "SfmlImGui::io before init");
    ContextSwitch use(m_context);
    return ImGui::GetIO();  // a reference into m_context, valid after the switch back
}

void SfmlImGui::make_current() {
    IM_ASSERT(m_context && "SfmlImGui::make_current before init");
    ImGui::SetCurrentContext(m_context);
    m_window->setActive(true);
}

bool SfmlImGui::init(sf::Window& window, const PlatformOptions& options) {
    IM_ASSERT(m_context == nullptr && "SfmlImGui::init called twice");
    m_error.clear();
    if (!window.setActive(true)) {
        m_error = "cannot make the window's OpenGL context current";
        return false;
    }
    const sf::ContextSettings got = window.getSettings();
    if (got.attributeFlags & sf::ContextSettings::Core) {
        m_error = "the OpenGL context is core-profile; imgui_impl_opengl2 needs a compatibility context";
        return false;
    }

    IMGUI_CHECKVERSION();
    m_window = &window;
    ImGuiContext* const previous = ImGui::GetCurrentContext();
    m_context = ImGui::CreateContext();  // with its own font atlas (see the header)
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    m_ini_path = options.ini_path;
    io.IniFilename = m_ini_path.empty() ? nullptr : m_ini_path.c_str();
    io.BackendPlatformName = "salesdojo_sfml_imgui";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    ImGuiInput::install_key_map(io);
    io.GetClipboardTextFn = &SfmlImGui::get_clipboard_text;
    io.SetClipboardTextFn = &SfmlImGui::set_clipboard_text;
    io.ClipboardUserData = this;

    for (int c = 0; c < ImGuiMouseCursor_COUNT; ++c) {
        auto cursor = std::make_unique<sf::Cursor>();
        if (cursor->loadFromSystem(sfml_cursor_type(c))) m_cursors[c] = std::move(cursor);
    }

    if (!ImGui_ImplOpenGL2_Init()) {
        m_error = "ImGui_ImplOpenGL2_Init failed";
        m_cursors = {};
        ImGui::DestroyContext(m_context);
        ImGui::SetCurrentContext(previous);
        m_context = nullptr;
        m_window = nullptr;
        return false;
    }
    m_clock.restart();
    return true;
}

bool SfmlImGui::process_event(const sf::Event& event) {
    IM_ASSERT(m_context && "SfmlImGui::process_event before init");
    ContextSwitch use(m_context);  // AddInputCharacter and AddFocusEvent act on the current context
    return m_input.process_event(event, ImGui::GetIO());
}

void SfmlImGui::new_frame() {
    IM_ASSERT(m_context && "SfmlImGui::new_frame before init");
    make_current();  // ImGui_ImplOpenGL2_NewFrame may upload the font texture: in this GL context
    ImGuiIO& io = ImGui::GetIO();
    m_input.begin_frame(io, m_window->getSize(), m_clock.restart().asSeconds());
    update_mouse_cursor();
    ImGui_ImplOpenGL2_NewFrame();
    ImGui::NewFrame();
}

void SfmlImGui::render(const ImVec4& clear_colour) {
    IM_ASSERT(m_context && "SfmlImGui::render before init");
    IM_ASSERT(ImGui::GetCurrentContext() == m_context && "SfmlImGui::render: another window's frame is current");
    ImGui::Render();
    m_window->setActive(true);
    const sf::Vector2u size = m_window->getSize();
    glViewport(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y));
    glClearColor(clear_colour.x, clear_colour.y, clear_colour.z, clear_colour.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
}

void SfmlImGui::fonts_changed() {
    if (!m_context) return;
    ContextSwitch use(m_context);
    m_window->setActive(true);  // the texture belongs to this window's GL context
    ImGui_ImplOpenGL2_DestroyFontsTexture();
    ImGui_ImplOpenGL2_CreateFontsTexture();
}

void SfmlImGui::shutdown() {
    if (!m_context) return;
    ContextSwitch use(m_context);
    if (m_window) m_window->setActive(true);  // the renderer deletes its texture in this context
    ImGui_ImplOpenGL2_Shutdown();
    if (m_window && m_window->isOpen()) {
        // SFML 2.5.1 (X11) re-applies the window's last cursor when the window closes
        // (WindowImplX11::cleanup -> setMouseCursorVisible(true) -> XDefineCursor(m_lastCursor)).
        // If that cursor was freed with m_cursors, the X server answers BadCursor and Xlib's
        // default error handler exits the process with status 1. An unloaded sf::Cursor holds no
        // X resource (None = the parent's cursor), so pointing the window at it makes the close safe.
        const sf::Cursor none;
        m_window->setMouseCursor(none);
        m_last_cursor = ImGuiMouseCursor_COUNT;
    }
    m_cursors = {};
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = nullptr;
    io.SetClipboardTextFn = nullptr;
    io.ClipboardUserData = nullptr;
    io.BackendPlatformName = nullptr;
    ImGui::DestroyContext(m_context);  // writes the ini file, if any, while m_ini_path lives
    use.forget_previous_if(m_context);
    m_context = nullptr;
    m_window = nullptr;
}

const char* SfmlImGui::get_clipboard_text(void* user_data) {
    auto* self = static_cast<SfmlImGui*>(user_data);
    const auto utf8 = sf::Clipboard::getString().toUtf8();
    self->m_clipboard.assign(utf8.begin(), utf8.end());
    return self->m_clipboard.c_str();
}

void SfmlImGui::set_clipboard_text(void*, const char* text) {
    sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

void SfmlImGui::update_mouse_cursor() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) return;
    const ImGuiMouseCursor wanted = ImGui::GetMouseCursor();  // as decided by the previous frame
    const bool visible = !io.MouseDrawCursor && wanted != ImGuiMouseCursor_None;
    if (visible != m_cursor_visible) {
        m_window->setMouseCursorVisible(visible);
        m_cursor_visible = visible;
    }
    if (!visible || wanted == m_last_cursor) return;
    const sf::Cursor* cursor = m_cursors[wanted] ? m_cursors[wanted].get() : m_cursors[ImGuiMouseCursor_Arrow].get();
    if (cursor) m_window->setMouseCursor(*cursor);
    m_last_cursor = wanted;
}

}  // namespace salesdojo::gui
