#pragma once
// The fonts of the window: DejaVu Sans regular and bold from assets/fonts/, loaded once into the
// ImGui font atlas before the first frame, at a given scale, with the glyph ranges Dutch (and
// typographic) text needs.
//
// - Ranges: U+0020–U+00FF, U+0100–U+017F, U+2000–U+206F, U+20A0–U+20CF, U+FFFD (the default ranges
//   turn curly quotes, dashes, € and … into '?'). Debian's ImGui uses 16-bit ImWchar: nothing above
//   U+FFFF (no emoji); run text through to_drawable_text() (text_fallback.hpp) when it is loaded.
//   Never define IMGUI_USE_WCHAR32: the prebuilt libimgui.a would silently disagree with us.
// - Works without a window or GL context (the headless tests build the atlas directly). With the
//   OpenGL2 renderer, the atlas texture is created by the first ImGui_ImplOpenGL2_NewFrame(); to
//   change the scale later, call load_fonts() again between frames and then
//   SfmlImGui::fonts_changed() so the texture is rebuilt.
// - When a font file is missing or unreadable, ImGui's built-in font (ASCII only) takes its place
//   and `error` says which file; the window still opens.
#include <imgui.h>

#include <string>

namespace salesdojo::gui {

inline constexpr float kBaseFontPixels = 18.0f;  // body text at scale 1.0
inline constexpr float kTitleFactor = 1.6f;      // title font size relative to body

struct Fonts {
    ImFont* regular = nullptr;  // also the atlas's default font (the first one added)
    ImFont* bold = nullptr;
    ImFont* title = nullptr;    // bold, kTitleFactor larger
    float scale = 1.0f;
    std::string error;          // empty when both files loaded
    bool ok() const { return error.empty(); }
};

// The zero-terminated range list above; static storage, valid for the life of the program.
const ImWchar* dutch_glyph_ranges();

// The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf: $SALESDOJO_ASSETS_DIR/fonts when that
// environment variable is set, otherwise assets/fonts in the data folder (<salesdojo/data_dirs.hpp>).
std::string default_font_dir();

// The type scale for a window: the user's setting, a little larger on tall windows (a 4K screen
// gets about 2.5x), never smaller than 0.9x on a 600-pixel netbook screen. Quantised to 1/16 so that
// resizing by a few pixels does not rebuild the font atlas. `extra`: SALESDOJO_UI_SCALE (1 normally).
float window_font_scale(float setting, float extra, unsigned window_height);

// Clears `atlas`, adds the three fonts at `scale` (clamped to 0.5–4) and builds it. Call before the
// first NewFrame(), or between frames followed by SfmlImGui::fonts_changed().
Fonts load_fonts(ImFontAtlas& atlas, float scale, const std::string& font_dir = default_font_dir());

}  // namespace salesdojo::gui
