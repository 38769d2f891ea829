// The font atlas built from assets/fonts covers Dutch and typographic text, headless.
#include "headless.hpp"

#include "fonts.hpp"
#include "text_fallback.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {
const std::string kFontDir = std::string(SALESDOJO_SOURCE_DIR) + "/assets/fonts";
}

TEST_CASE("the atlas from assets/fonts has the glyphs Dutch text needs") {
    HeadlessImGui imgui(false);
    const Fonts fonts = load_fonts(*ImGui::GetIO().Fonts, 1.0f, kFontDir);
    REQUIRE_MESSAGE(fonts.ok(), fonts.error);
    HeadlessImGui::build_atlas();
    const ImWchar needed[] = {
        0x00E9 /* é */, 0x00EB /* ë */, 0x00EF /* ï */, 0x00F6 /* ö */, 0x00FC /* ü */,
        0x201C /* “ */, 0x201D /* ” */, 0x2018 /* ‘ */, 0x2019 /* ’ */, 0x201E /* „ */,
        0x2013 /* – */, 0x2014 /* — */, 0x20AC /* € */, 0x2026 /* … */, 0x0133 /* ĳ */,
        0xFFFD /* � */, 'A', 'z', '0', ' ',
    };
    for (ImFont* font : {fonts.regular, fonts.bold, fonts.title}) {
        REQUIRE(font != nullptr);
        for (ImWchar c : needed) {
            CAPTURE(static_cast<unsigned>(c));
            CHECK(font->FindGlyphNoFallback(c) != nullptr);
        }
    }
    CHECK(ImGui::GetIO().Fonts->Fonts[0] == fonts.regular);  // the default font
    CHECK(fonts.title->FontSize > fonts.regular->FontSize);
}

TEST_CASE("everything is_drawable() keeps has a glyph in every font") {
    HeadlessImGui imgui(false);
    const Fonts fonts = load_fonts(*ImGui::GetIO().Fonts, 1.0f, kFontDir);
    REQUIRE(fonts.ok());
    HeadlessImGui::build_atlas();
    int drawable = 0;
    for (char32_t cp = 0; cp <= 0xFFFF; ++cp) {
        if (!is_drawable(cp)) continue;
        ++drawable;
        for (ImFont* font : {fonts.regular, fonts.bold}) {
            if (font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr) {
                FAIL_CHECK("no glyph for U+" << std::hex << static_cast<unsigned>(cp));
            }
        }
    }
    CHECK(drawable > 400);
}

TEST_CASE("fonts scale and a missing font folder falls back to the built-in font") {
    HeadlessImGui imgui(false);
    const Fonts big = load_fonts(*ImGui::GetIO().Fonts, 2.0f, kFontDir);
    CHECK(big.ok());
    CHECK(big.regular->FontSize == doctest::Approx(2.0f * kBaseFontPixels));
    const Fonts missing = load_fonts(*ImGui::GetIO().Fonts, 1.0f, "/nonexistent");
    CHECK_FALSE(missing.ok());
    CHECK(missing.error.find("DejaVuSans.ttf") != std::string::npos);
    REQUIRE(missing.regular != nullptr);
    HeadlessImGui::build_atlas();
    CHECK(missing.regular->FindGlyphNoFallback('A') != nullptr);
}

TEST_CASE("a headless frame draws Dutch text and fallback emoji with our fonts") {
    HeadlessImGui imgui(false);
    const Fonts fonts = load_fonts(*ImGui::GetIO().Fonts, 1.0f, kFontDir);
    REQUIRE(fonts.ok());
    HeadlessImGui::build_atlas();
    const std::string line = to_drawable_text(
        "\u00e9\u00e9n ge\u00efnteresseerde re\u00fcnie \u2014 \u201caanhalingstekens\u201d \u2013 \u20ac 1.000 "
        "\u2026 \U0001F609");
    for (int i = 0; i < 3; ++i) {
        ImGui::NewFrame();
        ImGui::Begin("panel");
        ImGui::PushFont(fonts.title);
        ImGui::TextUnformatted("SalesDojo");
        ImGui::PopFont();
        ImGui::TextUnformatted(line.c_str());
        ImGui::End();
        ImGui::Render();
    }
    const ImDrawData* draw_data = ImGui::GetDrawData();
    REQUIRE(draw_data != nullptr);
    CHECK(draw_data->TotalVtxCount > 0);
}
