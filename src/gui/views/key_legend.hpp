#pragma once
// The key legend (F1): an overlay listing the keys of the screen shown, in the interface language.
// The rows are data (key_legend_rows) so a test can check every screen has its keys and every key
// and action has words in both languages; the play screen's rows belong to that screen's keys.
#include "views/view_context.hpp"

#include <string_view>
#include <vector>

namespace salesdojo::gui {

struct KeyLegendRow {
    const char* keys;    // ui_text key of the key names ("keys.tab")
    const char* action;  // ui_text key of what they do ("keys.next_control")
};

// The rows for a screen id ("home", "play", "debrief", "history", "diagnostics", "authoring", and
// "settings" while the settings are open), then the keys every screen has (F2 settings, F1, text
// size, full screen, quit).
std::vector<KeyLegendRow> key_legend_rows(std::string_view screen);

enum class LegendOpen { Yes, No };
// Draws the legend as a modal overlay; returns No once F1, Esc or its Close button closed it.
LegendOpen draw_key_legend(const ViewContext& ctx, std::string_view screen);

}  // namespace salesdojo::gui
