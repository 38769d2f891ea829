#pragma once
// Small drawing helpers shared by the views. Every string goes through log_drawn() (draw_log.hpp),
// so the headless tests can check what a screen showed.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::gui {

// Text longer than kTextPieceBytes is drawn as several items of at most that size, split at a line
// break or a space where possible, so that ImGui skips the pieces outside the visible region: one
// ImGui text item of 100,000 characters emits ~400,000 vertices into one draw list, and Debian's
// ImGui build (16-bit indices) aborts above 65,536 per list.
constexpr std::size_t kTextPieceBytes = 1024;
// `s` cut into pieces of at most `most` bytes (at least one code point each), at the last line
// break or space in each piece's span where there is one, else at a code point boundary.
std::vector<std::string_view> text_pieces(std::string_view s, std::size_t most = kTextPieceBytes);

void text(std::string_view s);                                  // one line (or as the text breaks)
void text_wrapped(std::string_view s);                          // wrapped at the region's edge
void text_coloured(const ImVec4& colour, std::string_view s);   // wrapped, in a colour
void text_in_font(ImFont* font, std::string_view s, const ImVec4* colour = nullptr);  // wrapped
bool button(std::string_view label, ImVec2 size = ImVec2(0, 0));
bool checkbox(std::string_view label, bool* value);
bool radio(std::string_view label, bool active);
// ImGui::BeginCombo (a "##id" and the text shown in the closed box), with the box recorded in the
// draw log under `log_label`, so that the layout tests see it. ImGui::EndCombo() when it returns true.
bool begin_combo(const char* id, const std::string& preview, std::string_view log_label);

// A small rounded label on the current line (skills, languages, outcome class).
void chip(std::string_view label, const ImVec4& colour);

// A large button whose text wraps: "number" drawn in the accent colour, then the text. The height
// follows the text; `enabled` false draws it greyed and never returns true. Outside the visible
// region nothing is drawn (a node may have thousands of choices), and a long label only where seen.
bool wrapped_button(std::string_view id, std::string_view number, std::string_view label, float width,
                    bool enabled, const ImVec4& number_colour);
float wrapped_button_height(std::string_view number, std::string_view label, float width);

// Right-aligned cursor for `width` pixels of items on the current line.
void align_right(float width);
// ImGui::SameLine() when an item `width` pixels wide still fits on the line after the last item;
// otherwise the next item goes on a new line (large text, narrow windows). Returns whether it did.
bool same_line_if_fits(float width);
// `s` cut (at a code point) and ended with "…" so that it is at most `width` pixels wide in the
// current font; `s` itself when it fits.
std::string fit_text(std::string_view s, float width);
// Width of a normal button with `label`.
float button_width(std::string_view label);

}  // namespace salesdojo::gui
