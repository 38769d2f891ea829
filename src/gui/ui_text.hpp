#pragma once
// Every interface string in Dutch and English, looked up by a stable key.
// Scenario texts are not here: they come translated in the scenario files.
//
// Strings with placeholders are printf formats (e.g. ImGui::Text(ui("play.progress", lang), n, total));
// ui_text.cpp documents what each key takes, and both languages take the same placeholders in the
// same order. Strings without placeholders contain no '%', so every string is safe as a format.
// Key families: app.*, common.*, home.*, difficulty.<easy|medium|hard>, skill.<qualify|decline|bias|
// relationship>, language.<nl|en>, play.*, debrief.*, verdict.<verdict_id>, outcome.<builtin outcome
// id>, settings.*, diagnostics.*.
#include <string_view>
#include <vector>

namespace salesdojo::gui {

// "en" or "nl" (anything else falls back to English).
// Unknown keys return the key itself (visible, so a missing entry is noticed, never a crash).
const char* ui(std::string_view key, std::string_view language);

// True when `key` has an entry (e.g. to prefer "outcome.<id>" and fall back to the scenario's own
// title for outcome classes an author declared).
bool ui_has(std::string_view key);

// A few keys are aliases of others (same text; see kAliases in ui_text.cpp).
// All keys (aliases excluded), for the test that checks every key has both languages.
std::vector<std::string_view> ui_keys();

}  // namespace salesdojo::gui
