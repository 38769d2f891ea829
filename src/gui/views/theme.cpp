#include "views/theme.hpp"

namespace salesdojo::gui {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

const Palette kDark{
    rgb(24, 27, 33),     // background
    rgb(232, 234, 238),  // text
    rgb(160, 168, 180),  // text_dim
    rgb(176, 196, 222),  // narration: pale blue-grey
    rgb(255, 196, 112),  // speaker: warm amber
    rgb(140, 210, 255),  // player: light blue
    rgb(255, 196, 112),  // accent
    rgb(36, 41, 50),     // panel
    rgb(70, 80, 96),     // panel_border
    rgb(108, 200, 120),  // good
    rgb(240, 200, 80),   // warn
    rgb(240, 110, 100),  // bad
    rgb(52, 58, 70),     // bar_track
    rgb(96, 160, 230),   // bar_fill
};

const Palette kHighContrast{
    rgb(0, 0, 0),        // background
    rgb(255, 255, 255),  // text
    rgb(230, 230, 230),  // text_dim: still high contrast
    rgb(255, 255, 0),    // narration: yellow
    rgb(0, 255, 255),    // speaker: cyan
    rgb(255, 255, 255),  // player
    rgb(255, 255, 0),    // accent
    rgb(0, 0, 0),        // panel
    rgb(255, 255, 255),  // panel_border
    rgb(0, 255, 0),      // good
    rgb(255, 255, 0),    // warn
    rgb(255, 90, 90),    // bad
    rgb(60, 60, 60),     // bar_track
    rgb(0, 255, 255),    // bar_fill
};

}  // namespace

const Palette& palette(bool high_contrast) { return high_contrast ? kHighContrast : kDark; }

void apply_style(bool high_contrast, float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    const Palette& p = palette(high_contrast);
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 16;
    style.WindowRounding = 6;
    style.ChildRounding = 6;
    style.FrameRounding = 5;
    style.GrabRounding = 5;
    style.PopupRounding = 6;
    style.WindowBorderSize = 1;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = high_contrast ? 2.0f : 0.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = high_contrast ? rgb(200, 200, 200) : rgb(130, 138, 150);
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.panel;
    c[ImGuiCol_PopupBg] = high_contrast ? rgb(0, 0, 0) : rgb(32, 36, 44);
    c[ImGuiCol_Border] = p.panel_border;
    if (high_contrast) {
        c[ImGuiCol_Button] = rgb(0, 0, 0);
        c[ImGuiCol_ButtonHovered] = rgb(0, 0, 160);
        c[ImGuiCol_ButtonActive] = rgb(0, 0, 255);
        c[ImGuiCol_FrameBg] = rgb(0, 0, 0);
        c[ImGuiCol_FrameBgHovered] = rgb(0, 0, 160);
        c[ImGuiCol_FrameBgActive] = rgb(0, 0, 255);
        c[ImGuiCol_CheckMark] = rgb(255, 255, 0);
        c[ImGuiCol_SliderGrab] = rgb(255, 255, 0);
        c[ImGuiCol_SliderGrabActive] = rgb(255, 255, 255);
        c[ImGuiCol_Header] = rgb(0, 0, 160);
        c[ImGuiCol_HeaderHovered] = rgb(0, 0, 200);
        c[ImGuiCol_HeaderActive] = rgb(0, 0, 255);
        c[ImGuiCol_TitleBg] = rgb(0, 0, 0);
        c[ImGuiCol_TitleBgActive] = rgb(0, 0, 160);
        c[ImGuiCol_PlotHistogram] = p.bar_fill;
        c[ImGuiCol_Separator] = rgb(255, 255, 255);
        c[ImGuiCol_NavHighlight] = rgb(255, 255, 0);
        c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0);
        c[ImGuiCol_ScrollbarGrab] = rgb(200, 200, 200);
    } else {
        c[ImGuiCol_Button] = rgb(52, 70, 98);
        c[ImGuiCol_ButtonHovered] = rgb(70, 98, 140);
        c[ImGuiCol_ButtonActive] = rgb(86, 120, 170);
        c[ImGuiCol_FrameBg] = rgb(44, 50, 62);
        c[ImGuiCol_FrameBgHovered] = rgb(58, 66, 82);
        c[ImGuiCol_FrameBgActive] = rgb(70, 80, 100);
        c[ImGuiCol_Header] = rgb(52, 70, 98);
        c[ImGuiCol_HeaderHovered] = rgb(70, 98, 140);
        c[ImGuiCol_HeaderActive] = rgb(86, 120, 170);
        c[ImGuiCol_TitleBgActive] = rgb(44, 56, 76);
        c[ImGuiCol_PlotHistogram] = p.bar_fill;
        c[ImGuiCol_CheckMark] = p.accent;
    }
    c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.6f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

ImVec4 verdict_colour(Verdict verdict, const Palette& p) {
    switch (verdict) {
    case Verdict::Best:
    case Verdict::Good: return p.good;
    case Verdict::Inaccuracy: return p.warn;
    case Verdict::Mistake:
    case Verdict::Blunder: return p.bad;
    }
    return p.text;
}

ImVec4 score_colour(double score, const Palette& p) {
    if (score < 40.0) return p.bad;
    if (score < 70.0) return p.warn;
    return p.good;
}

}  // namespace salesdojo::gui
