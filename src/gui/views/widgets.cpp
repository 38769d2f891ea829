#include "views/widgets.hpp"

#include "views/draw_log.hpp"
#include "views/tab_order.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace salesdojo::gui {
namespace {

const char* end_of(std::string_view s) { return s.data() + s.size(); }

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// TextUnformatted for any length: long text as one item per piece, with no spacing between pieces.
void unformatted(std::string_view s) {
    if (s.size() <= kTextPieceBytes) {
        ImGui::TextUnformatted(s.data(), end_of(s));
        log_box(s);
        return;
    }
    const std::vector<std::string_view> pieces = text_pieces(s);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
        ImGui::TextUnformatted(pieces[i].data(), end_of(pieces[i]));
        log_box(pieces[i]);
    }
    ImGui::PopStyleVar();
    ImGui::TextUnformatted(pieces.back().data(), end_of(pieces.back()));
    log_box(pieces.back());
}

// Height of `label` wrapped at `wrap`, as wrapped_button draws it (piece by piece when long).
float label_height(std::string_view label, float wrap) {
    if (label.size() <= kTextPieceBytes) return ImGui::CalcTextSize(label.data(), end_of(label), false, wrap).y;
    float h = 0.0f;
    for (const auto piece : text_pieces(label)) h += ImGui::CalcTextSize(piece.data(), end_of(piece), false, wrap).y;
    return h;
}

}  // namespace

std::vector<std::string_view> text_pieces(std::string_view s, std::size_t most) {
    most = std::max<std::size_t>(most, 4);
    std::vector<std::string_view> pieces;
    std::size_t pos = 0;
    while (s.size() - pos > most) {
        std::size_t end = pos + most;
        while (end > pos && continuation(s[end])) --end;
        if (s[end] == '\n' || s[end] == ' ') {  // the break right after the limit fits exactly
            pieces.push_back(s.substr(pos, end - pos));
            pos = end + 1;
            continue;
        }
        const std::string_view span = s.substr(pos, end - pos);
        std::size_t cut = span.rfind('\n');
        if (cut == std::string_view::npos || cut == 0) cut = span.rfind(' ');
        if (cut != std::string_view::npos && cut > 0) {
            pieces.push_back(s.substr(pos, cut));
            pos += cut + 1;  // the break itself starts no new piece
        } else {
            if (end == pos) ++end;  // a stray continuation byte: move on anyway
            pieces.push_back(span.empty() ? s.substr(pos, end - pos) : span);
            pos = end;
        }
    }
    pieces.push_back(s.substr(pos));
    return pieces;
}

void text(std::string_view s) {
    log_drawn(s);
    unformatted(s);
}

void text_wrapped(std::string_view s) {
    log_drawn(s);
    ImGui::PushTextWrapPos(0.0f);
    unformatted(s);
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
    tab_stop(label);
    log_item(label);
    return pressed;
}

bool checkbox(std::string_view label, bool* value) {
    log_drawn(label);
    const bool changed = ImGui::Checkbox(std::string(label).c_str(), value);
    tab_stop(label);
    log_item(label);
    return changed;
}

bool radio(std::string_view label, bool active) {
    log_drawn(label);
    const bool pressed = ImGui::RadioButton(std::string(label).c_str(), active);
    tab_stop(label);
    log_item(label);
    return pressed;
}

bool begin_combo(const char* id, const std::string& preview, std::string_view log_label) {
    log_drawn(log_label);
    // The box's rectangle before BeginCombo: once open, the last item is the popup.
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    const float height = ImGui::GetFrameHeight();
    const bool open = ImGui::BeginCombo(id, preview.c_str());
    // While open, the current window is the popup: recorded as drawn over the screen (DrawLog::Box).
    log_item_at(log_label, min, ImVec2(min.x + width, min.y + height));
    return open;
}

void chip(std::string_view label, const ImVec4& colour) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 text_size = ImGui::CalcTextSize(label.data(), end_of(label));
    if (text_size.x + style.FramePadding.x * 1.2f > ImGui::GetContentRegionAvail().x &&
        ImGui::GetCursorPosX() <= ImGui::GetStyle().WindowPadding.x + 1.0f) {
        text_coloured(colour, label);  // wider than the panel: wrapped text instead of a clipped pill
        return;
    }
    log_drawn(label);
    // As tall as a button, with the text where a button's text is, so that text and buttons on the
    // same line line up with it; the pill itself is drawn a little inside.
    const float pad_x = style.FramePadding.x * 0.6f;
    const ImVec2 size(text_size.x + pad_x * 2, text_size.y + style.FramePadding.y * 2);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float inset = style.FramePadding.y * 0.55f;
    const ImVec2 min(pos.x, pos.y + inset), max(pos.x + size.x, pos.y + size.y - inset);
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size, style.FramePadding.y);
    const bool visible = ImGui::ItemAdd(bb, 0);
    log_box(label);
    if (!visible) return;  // outside the visible region: nothing to draw
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec4 fill = colour;
    fill.w = 0.22f;
    const float rounding = (max.y - min.y) * 0.5f;
    list->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
    list->AddRect(min, max, ImGui::GetColorU32(colour), rounding);
    list->AddText(ImVec2(pos.x + pad_x, pos.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text), label.data(),
                  end_of(label));
}

float wrapped_button_height(std::string_view number, std::string_view label, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float number_width = number.empty() ? 0.0f : ImGui::CalcTextSize(number.data(), end_of(number)).x +
                                                            style.ItemInnerSpacing.x;
    const float wrap = std::max(1.0f, width - style.FramePadding.x * 2.5f - number_width);
    return label_height(label, wrap) + style.FramePadding.y * 2.6f;
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
    tab_stop(label);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    log_item(std::string(number) + " " + std::string(label), enabled);
    const bool visible = ImGui::IsItemVisible();
    ImGui::PopID();
    if (!visible) {
        if (!enabled) ImGui::EndDisabled();
        return false;  // a clipped item cannot have been clicked
    }
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
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
    if (label.size() <= kTextPieceBytes) {
        list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y), colour, label.data(), end_of(label), wrap);
    } else {
        // Only the pieces in the visible region: the font emits every glyph above it otherwise.
        const float top = list->GetClipRectMin().y, bottom = list->GetClipRectMax().y;
        float piece_y = y;
        for (const auto piece : text_pieces(label)) {
            const float h = ImGui::CalcTextSize(piece.data(), end_of(piece), false, wrap).y;
            if (piece_y > bottom) break;
            if (piece_y + h >= top)
                list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, piece_y), colour, piece.data(),
                              end_of(piece), wrap);
            piece_y += h;
        }
    }
    if (!enabled) ImGui::EndDisabled();
    return clicked && enabled;
}

void align_right(float width) {
    const float available = ImGui::GetContentRegionAvail().x;
    if (available > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + available - width);
}

bool same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width > right) return false;
    ImGui::SameLine();
    return true;
}

std::string fit_text(std::string_view s, float width) {
    if (ImGui::CalcTextSize(s.data(), end_of(s)).x <= width) return std::string(s);
    const std::string_view ellipsis = "\u2026";
    std::size_t low = 0, high = s.size();  // the longest prefix that fits with the ellipsis
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        const std::string candidate = std::string(s.substr(0, mid)) + std::string(ellipsis);
        if (ImGui::CalcTextSize(candidate.c_str()).x <= width) low = mid;
        else high = mid - 1;
    }
    while (low > 0 && (static_cast<unsigned char>(s[low]) & 0xC0) == 0x80) --low;  // not inside a code point
    return std::string(s.substr(0, low)) + std::string(ellipsis);
}

float button_width(std::string_view label) {
    return ImGui::CalcTextSize(label.data(), end_of(label), true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

}  // namespace salesdojo::gui
