#include "views/widgets.hpp"

#include "views/draw_log.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace salesdojo::gui {
namespace {

const char* end_of(std::string_view s) { return s.data() + s.size(); }

}  // namespace

void text(std::string_view s) {
    log_drawn(s);
    ImGui::TextUnformatted(s.data(), end_of(s));
}

void text_wrapped(std::string_view s) {
    log_drawn(s);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.data(), end_of(s));
    ImGui::PopTextWrapPos();
}

void text_coloured(const ImVec4& colour, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_wrapped(s);
    ImGui::PopStyleColor();
}

void text_in_font(ImFont* font, std::string_view s, const ImVec4* colour) {
    ImGui::PushFont(font);
    if (colour) {
        text_coloured(*colour, s);
    } else {
        text_wrapped(s);
    }
    ImGui::PopFont();
}

bool button(std::string_view label, ImVec2 size) {
    log_drawn(label);
    const bool pressed = ImGui::Button(std::string(label).c_str(), size);
    log_item(label);
    return pressed;
}

bool checkbox(std::string_view label, bool* value) {
    log_drawn(label);
    const bool changed = ImGui::Checkbox(std::string(label).c_str(), value);
    log_item(label);
    return changed;
}

bool radio(std::string_view label, bool active) {
    log_drawn(label);
    const bool pressed = ImGui::RadioButton(std::string(label).c_str(), active);
    log_item(label);
    return pressed;
}

void chip(std::string_view label, const ImVec4& colour) {
    log_drawn(label);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 text_size = ImGui::CalcTextSize(label.data(), end_of(label));
    // As tall as a button, with the text where a button's text is, so that text and buttons on the
    // same line line up with it; the pill itself is drawn a little inside.
    const float pad_x = style.FramePadding.x * 0.6f;
    const ImVec2 size(text_size.x + pad_x * 2, text_size.y + style.FramePadding.y * 2);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float inset = style.FramePadding.y * 0.55f;
    const ImVec2 min(pos.x, pos.y + inset), max(pos.x + size.x, pos.y + size.y - inset);
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec4 fill = colour;
    fill.w = 0.22f;
    const float rounding = (max.y - min.y) * 0.5f;
    list->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
    list->AddRect(min, max, ImGui::GetColorU32(colour), rounding);
    list->AddText(ImVec2(pos.x + pad_x, pos.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text), label.data(),
                  end_of(label));
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size, style.FramePadding.y);
    ImGui::ItemAdd(bb, 0);
}

float wrapped_button_height(std::string_view number, std::string_view label, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float number_width = number.empty() ? 0.0f : ImGui::CalcTextSize(number.data(), end_of(number)).x +
                                                            style.ItemInnerSpacing.x;
    const float wrap = std::max(1.0f, width - style.FramePadding.x * 2.5f - number_width);
    const ImVec2 size = ImGui::CalcTextSize(label.data(), end_of(label), false, wrap);
    return size.y + style.FramePadding.y * 2.6f;
}

bool wrapped_button(std::string_view id, std::string_view number, std::string_view label, float width,
                    bool enabled, const ImVec4& number_colour) {
    log_drawn(std::string(number) + " " + std::string(label));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = wrapped_button_height(number, label, width);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (!enabled) ImGui::BeginDisabled();
    ImGui::PushID(id.data(), end_of(id));
    const bool clicked = ImGui::InvisibleButton("##wrapped", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    log_item(std::string(number) + " " + std::string(label), enabled);
    ImGui::PopID();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 fill = ImGui::GetColorU32(held ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_ButtonHovered
                                                                                : ImGuiCol_Button);
    const ImVec2 max(pos.x + width, pos.y + height);
    list->AddRectFilled(pos, max, fill, style.FrameRounding);
    if (style.FrameBorderSize > 0.0f)
        list->AddRect(pos, max, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding, 0,
                      style.FrameBorderSize);
    const float y = pos.y + style.FramePadding.y * 1.3f;
    float x = pos.x + style.FramePadding.x * 1.25f;
    if (!number.empty()) {
        list->AddText(ImVec2(x, y), ImGui::GetColorU32(number_colour), number.data(), end_of(number));
        x += ImGui::CalcTextSize(number.data(), end_of(number)).x + style.ItemInnerSpacing.x;
    }
    const float wrap = std::max(1.0f, max.x - style.FramePadding.x * 1.25f - x);
    list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text),
                  label.data(), end_of(label), wrap);
    if (!enabled) ImGui::EndDisabled();
    return clicked && enabled;
}

void align_right(float width) {
    const float available = ImGui::GetContentRegionAvail().x;
    if (available > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + available - width);
}

float button_width(std::string_view label) {
    return ImGui::CalcTextSize(label.data(), end_of(label), true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

}  // namespace salesdojo::gui
