#pragma once
// Every interface string in Dutch and English, looked up by a stable key.
// Scenario texts are not here: they come translated in the scenario files.
#include <string_view>
#include <vector>

namespace salesdojo::gui {

// "en" or "nl" (anything else falls back to English).
// Unknown keys return the key itself (visible, so a missing entry is noticed, never a crash).
const char* ui(std::string_view key, std::string_view language);

// All keys, for the test that checks every key has both languages.
std::vector<std::string_view> ui_keys();

}  // namespace salesdojo::gui
