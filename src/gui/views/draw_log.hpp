#pragma once
// What the views drew, for the headless tests: every string a view hands to ImGui through the
// helpers in widgets.hpp is recorded here while a log is installed. Off (nullptr) in the app, where
// recording costs one pointer test per call.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::gui {

struct DrawLog {
    struct Item {
        std::string label;  // as in `texts`
        ImVec2 min, max;    // screen rectangle of a button, radio button or checkbox
        bool enabled = true;
        bool focused = false;  // has the keyboard focus, drawn visibly
    };
    // Where a text or a button was laid out, for the layout tests (no overlaps, nothing outside its
    // panel). Text drawn straight into a draw list (bar chart values) is not here.
    struct Box {
        std::string label;
        ImVec2 min, max;            // the item's rectangle on the screen
        ImVec2 clip_min, clip_max;  // the visible part of the panel (window) it is drawn in
        ImVec2 panel_min, panel_max;  // the panel's inside, wherever it is (may be scrolled out of view)
        ImGuiID window = 0;         // that panel
        std::string window_name;    // for messages
        bool scrolls = true;        // the panel scrolls vertically (else everything must fit in it)
        bool overlay = false;       // in a popup, modal or tooltip: drawn over the screen
    };
    std::vector<std::string> texts;  // in drawing order, "##id" suffixes removed
    std::vector<Item> items;         // clickable widgets, in drawing order
    std::vector<Box> boxes;          // texts and widgets, in drawing order

    void clear() { texts.clear(), items.clear(), boxes.clear(); }
    const Item* find_item(std::string_view label) const;  // the last item whose label contains `label`
    const Item* focused_item() const;                     // the item with the visible keyboard focus
    bool contains(std::string_view needle) const;      // some text contains `needle`
    bool has_exact(std::string_view text) const;       // some text equals `text`
    std::size_t count(std::string_view needle) const;  // texts containing `needle`
    std::string joined() const;                        // all texts, one per line (for messages)
};

// Adds everything `from` recorded to the end of `to` (a log installed inside another's scope).
void append_draw_log(DrawLog& to, const DrawLog& from);

// Installs `log` (nullptr = off) and returns the previous one.
DrawLog* set_draw_log(DrawLog* log);
DrawLog* draw_log();
void log_drawn(std::string_view text);
// Records the last ImGui item (call right after a button) under `label`.
void log_item(std::string_view label, bool enabled = true);
// Records where the last ImGui item (a text, a button) was laid out (DrawLog::boxes).
void log_box(std::string_view label);
// Records an item at `min`-`max` in the current window (a combo box, whose BeginCombo leaves the
// popup, not the box, as the last item while it is open). Focused when the last item is focused.
void log_item_at(std::string_view label, ImVec2 min, ImVec2 max, bool enabled = true);

// Installs a log for one scope: `ScopedDrawLog capture; ... capture.log.contains("x")`.
struct ScopedDrawLog {
    DrawLog log;
    DrawLog* previous;
    ScopedDrawLog() : previous(set_draw_log(&log)) {}
    ~ScopedDrawLog() { set_draw_log(previous); }
    ScopedDrawLog(const ScopedDrawLog&) = delete;
    ScopedDrawLog& operator=(const ScopedDrawLog&) = delete;
};

}  // namespace salesdojo::gui
