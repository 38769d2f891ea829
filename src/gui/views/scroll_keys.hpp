#pragma once
// Scrolling the current ImGui window with the keyboard: the arrows by a line, Page Up / Page Down by
// most of a page, Home / End to the ends. Call between Begin/BeginChild and End of the window to
// scroll. Nothing happens while a text field has the keyboard or a popup (a list, a question) is open.
namespace salesdojo::gui {

enum class ScrollModifier { None, Shift };  // which keys: plain, or with Shift held
enum class ScrollArrows { Yes, No };         // No: the arrows move the focus on this screen

// Returns true when it scrolled (the caller may want another frame drawn).
bool scroll_with_keys(ScrollModifier modifier, ScrollArrows arrows = ScrollArrows::Yes);

}  // namespace salesdojo::gui
