// User settings as JSON in the user's config folder. See settings.hpp.
#include "settings.hpp"

#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <unistd.h>

namespace salesdojo::gui {
namespace {

namespace fs = std::filesystem;

constexpr int kSettingsFormat = 1;
constexpr float kLowestFontScale = 0.75f;   // = kMinFontScale in views/settings_view.hpp
constexpr float kHighestFontScale = 2.5f;   // = kMaxFontScale

// The home folder: $HOME, else the password database, else "" (then there is no user folder).
std::string home_folder() {
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    if (const passwd* entry = ::getpwuid(::getuid()); entry && entry->pw_dir && *entry->pw_dir) {
        return entry->pw_dir;
    }
    return {};
}

// $<variable>/salesdojo when the variable holds an absolute path (the XDG spec says to ignore
// relative ones), else ~/<fallback>/salesdojo; "" when there is no home either.
std::string xdg_folder(const char* variable, const char* fallback) {
    if (const char* value = std::getenv(variable); value && *value && fs::path(value).is_absolute()) {
        return (fs::path(value) / "salesdojo").string();
    }
    const std::string home = home_folder();
    if (home.empty()) return {};
    return (fs::path(home) / fallback / "salesdojo").string();
}

bool read_text(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return false;
    text = buffer.str();
    return true;
}

}  // namespace

std::string config_folder() { return xdg_folder("XDG_CONFIG_HOME", ".config"); }
std::string data_folder() { return xdg_folder("XDG_DATA_HOME", ".local/share"); }

std::string settings_path() {
    const std::string folder = config_folder();
    return folder.empty() ? std::string() : (fs::path(folder) / "settings.json").string();
}

const char* text_speed_id(TextSpeed speed) {
    switch (speed) {
    case TextSpeed::Slow: return "slow";
    case TextSpeed::Normal: return "normal";
    case TextSpeed::Fast: return "fast";
    case TextSpeed::Instant: return "instant";
    }
    return "normal";
}

std::optional<TextSpeed> text_speed_from_id(std::string_view id) {
    for (TextSpeed speed : {TextSpeed::Slow, TextSpeed::Normal, TextSpeed::Fast, TextSpeed::Instant})
        if (id == text_speed_id(speed)) return speed;
    return std::nullopt;
}

const char* trainer_window_mode_id(TrainerWindowMode mode) {
    switch (mode) {
    case TrainerWindowMode::Auto: return "auto";
    case TrainerWindowMode::On: return "on";
    case TrainerWindowMode::Off: return "off";
    }
    return "auto";
}

std::optional<TrainerWindowMode> trainer_window_mode_from_id(std::string_view id) {
    for (TrainerWindowMode mode : {TrainerWindowMode::Auto, TrainerWindowMode::On, TrainerWindowMode::Off})
        if (id == trainer_window_mode_id(mode)) return mode;
    return std::nullopt;
}

float clamp_font_scale(float scale) {
    if (!std::isfinite(scale)) return Settings{}.font_scale;
    return std::clamp(scale, kLowestFontScale, kHighestFontScale);
}

Settings load_settings(const std::string& path) {
    Settings settings;
    std::string text;
    if (path.empty() || !read_text(path, text)) return settings;
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return settings;

    // Each field on its own: one odd value does not throw away the others.
    if (auto it = doc.find("language"); it != doc.end() && it->is_string()) {
        const std::string value = it->get<std::string>();
        if (value == "en" || value == "nl") settings.language = value;
    }
    if (auto it = doc.find("font_scale"); it != doc.end() && it->is_number()) {
        const double value = it->get<double>();
        if (std::isfinite(value)) {
            settings.font_scale = static_cast<float>(
                std::clamp(value, static_cast<double>(kLowestFontScale), static_cast<double>(kHighestFontScale)));
        }
    }
    if (auto it = doc.find("high_contrast"); it != doc.end() && it->is_boolean()) {
        settings.high_contrast = it->get<bool>();
    }
    if (auto it = doc.find("fullscreen"); it != doc.end() && it->is_boolean()) {
        settings.fullscreen = it->get<bool>();
    }
    if (auto it = doc.find("read_aloud"); it != doc.end() && it->is_boolean()) {
        settings.read_aloud = it->get<bool>();
    }
    if (auto it = doc.find("mode"); it != doc.end() && it->is_string()) {
        const std::string value = it->get<std::string>();
        if (value == "practice" || value == "assessment") settings.mode = value;
    }
    if (auto it = doc.find("window"); it != doc.end() && it->is_object()) {
        // Whole numbers in range, or no remembered place at all (a half-read place is worse).
        const auto whole = [&](const char* name, long long low, long long high) -> std::optional<long long> {
            const auto field = it->find(name);
            if (field == it->end() || !field->is_number_integer()) return std::nullopt;
            const long long value = field->get<long long>();
            if (value < low || value > high) return std::nullopt;
            return value;
        };
        const auto x = whole("x", -100000, 100000), y = whole("y", -100000, 100000);
        const auto w = whole("width", 200, 100000), h = whole("height", 150, 100000);
        if (x && y && w && h)
            settings.window = WindowPlace{static_cast<int>(*x), static_cast<int>(*y), static_cast<unsigned>(*w),
                                          static_cast<unsigned>(*h)};
    }
    if (auto it = doc.find("text_speed"); it != doc.end() && it->is_string()) {
        if (const auto speed = text_speed_from_id(it->get<std::string>())) settings.text_speed = *speed;
    }
    if (auto it = doc.find("trainer_window"); it != doc.end() && it->is_string()) {
        if (const auto mode = trainer_window_mode_from_id(it->get<std::string>())) settings.trainer_window = *mode;
    }
    return settings;
}

bool save_settings(const std::string& path, const Settings& settings, std::string* error) {
    std::string message;
    if (path.empty()) {
        if (error) *error = "no folder for the settings (neither XDG_CONFIG_HOME nor HOME is set)";
        return false;
    }
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        fs::create_directories(parent, ec);
        if (ec) {
            if (error) *error = "cannot create " + parent.string() + ": " + ec.message();
            return false;
        }
    }
    nlohmann::ordered_json doc;
    doc["format"] = kSettingsFormat;
    doc["language"] = settings.language == "nl" ? "nl" : "en";
    // Rounded to 2 decimals so that 1.1f is stored as 1.1, not 1.100000023841858.
    doc["font_scale"] = std::round(static_cast<double>(clamp_font_scale(settings.font_scale)) * 100.0) / 100.0;
    doc["high_contrast"] = settings.high_contrast;
    doc["fullscreen"] = settings.fullscreen;
    doc["read_aloud"] = settings.read_aloud;
    doc["mode"] = settings.mode == "assessment" ? "assessment" : "practice";
    if (settings.window) {
        doc["window"] = {{"x", settings.window->x},
                         {"y", settings.window->y},
                         {"width", settings.window->width},
                         {"height", settings.window->height}};
    }
    doc["text_speed"] = text_speed_id(settings.text_speed);
    doc["trainer_window"] = trainer_window_mode_id(settings.trainer_window);
    if (!write_file_atomically(path, doc.dump(2) + "\n", message)) {
        if (error) *error = message;
        return false;
    }
    return true;
}

}  // namespace salesdojo::gui
