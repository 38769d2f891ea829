#pragma once
// User settings, remembered between runs in the user's config folder ($XDG_CONFIG_HOME/salesdojo or
// ~/.config/salesdojo), saved atomically as JSON. Unreadable or broken files give the defaults.
#include <string>

namespace salesdojo::gui {

struct Settings {
    std::string language = "en";   // interface language: "en" or "nl"
    float font_scale = 1.0f;       // 0.75 .. 2.5 (Ctrl + / Ctrl -)
    bool high_contrast = false;
    bool fullscreen = false;       // F11
    bool read_aloud = false;       // through espeak-ng when installed; off by default
    std::string mode = "practice"; // practice | assessment (the home screen's choice)
};

std::string config_folder();  // created on first save
std::string data_folder();    // $XDG_DATA_HOME/salesdojo or ~/.local/share/salesdojo

Settings load_settings(const std::string& path);
bool save_settings(const std::string& path, const Settings& settings, std::string* error = nullptr);

}  // namespace salesdojo::gui
