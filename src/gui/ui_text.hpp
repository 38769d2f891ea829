#pragma once
// Every interface string in Dutch and English, looked up by a stable key: the window's own strings
// here, the words shared with every rendering (verdict.*, dimension.*, outcome.*, debrief.* headings
// and phrases) from the report catalogue, which ui() falls back to. Scenario texts are not here: they
// come translated in the scenario files.
//
// Strings with placeholders are printf formats (e.g. ImGui::Text(ui("play.progress", lang), n, total));
// ui_text.cpp documents what each key takes, and both languages take the same placeholders in the
// same order. Strings without placeholders contain no '%', so every string is safe as a format.
// Key families: app.*, common.*, home.*, difficulty.<easy|medium|hard>, skill.<id> (aliases of the
// catalogue's dimension.<id>), language.<nl|en>, play.*, debrief.* (window-only buttons and notes),
// settings.*, diagnostics.*. Report-catalogue strings take {1} placeholders, not printf ones: fill
// them with report::fill or the report phrase functions.
#include <string_view>
#include <vector>

namespace salesdojo::gui {

// "en" or "nl" (anything else falls back to English).
// Unknown keys return the key itself (visible, so a missing entry is noticed, never a crash).
const char* ui(std::string_view key, std::string_view language);

// True when `key` has an entry here or in the report catalogue.
bool ui_has(std::string_view key);

// A few keys are aliases of others (same text; see kAliases in ui_text.cpp).
// The window's own keys (aliases and report-catalogue keys excluded), for the test that checks every
// key has both languages.
std::vector<std::string_view> ui_keys();

}  // namespace salesdojo::gui
