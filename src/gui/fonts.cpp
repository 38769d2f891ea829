#include "fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include <salesdojo/data_dirs.hpp>

static_assert(sizeof(ImWchar) == 2,
              "Debian's libimgui.a is built with 16-bit ImWchar: do not define IMGUI_USE_WCHAR32");


namespace salesdojo::gui {
namespace {

bool readable(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return static_cast<bool>(f);
}

ImFont* add_font(ImFontAtlas& atlas, const std::string& path, float pixels, std::string& error) {
    ImFontConfig config;
    config.OversampleH = 2;  // crisp enough at 18 px and half the atlas of the default 3
    config.OversampleV = 1;
    config.PixelSnapH = true;
    if (readable(path)) {
        if (ImFont* font = atlas.AddFontFromFileTTF(path.c_str(), pixels, &config, dutch_glyph_ranges())) {
            return font;
        }
    }
    if (!error.empty()) error += "; ";
    error += "cannot load font " + path;
    config.SizePixels = pixels;
    return atlas.AddFontDefault(&config);
}

}  // namespace

const ImWchar* dutch_glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (é ë ï ü à ç ß ...)
        0x0100, 0x017F,  // Latin Extended-A (ĳ œ š ž ł ...)
        0x2000, 0x206F,  // General Punctuation (‘ ’ “ ” „ – — … • ‰)
        0x20A0, 0x20CF,  // Currency Symbols (€)
        0xFFFD, 0xFFFD,  // replacement character, ImGui's fallback glyph
        0,
    };
    return ranges;
}

std::string default_font_dir() {
    if (const char* dir = std::getenv("SALESDOJO_ASSETS_DIR"); dir && *dir) {
        return std::string(dir) + "/fonts";
    }
    if (const auto data_dir = find_data_dir("assets/fonts/DejaVuSans.ttf")) return (*data_dir / "assets/fonts").string();
    return "assets/fonts";  // not found: load_fonts names the missing file and falls back to ImGui's font
}

float window_font_scale(float setting, float extra, unsigned window_height) {
    const float follow = std::clamp(0.25f + 0.75f * static_cast<float>(window_height) / 720.0f, 0.9f, 3.0f);
    return std::round(setting * extra * follow * 16.0f) / 16.0f;
}

Fonts load_fonts(ImFontAtlas& atlas, float scale, const std::string& font_dir) {
    Fonts fonts;
    fonts.scale = std::clamp(scale, 0.5f, 4.0f);
    const float body = std::round(kBaseFontPixels * fonts.scale);
    atlas.Clear();
    fonts.regular = add_font(atlas, font_dir + "/DejaVuSans.ttf", body, fonts.error);
    fonts.bold = add_font(atlas, font_dir + "/DejaVuSans-Bold.ttf", body, fonts.error);
    fonts.title = add_font(atlas, font_dir + "/DejaVuSans-Bold.ttf", std::round(body * kTitleFactor),
                           fonts.error);
    if (!atlas.Build()) {
        fonts.error += fonts.error.empty() ? "" : "; ";
        fonts.error += "cannot build the font atlas";
    }
    return fonts;
}

}  // namespace salesdojo::gui
