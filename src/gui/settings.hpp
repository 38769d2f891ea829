#pragma once
// User settings, remembered between runs in the user's config folder ($XDG_CONFIG_HOME/salesdojo or
// ~/.config/salesdojo), saved atomically as JSON. Unreadable or broken files give the defaults.
#include <optional>
#include <string>
#include <string_view>

namespace salesdojo::gui {

// Where the window was when it last closed (windowed, not full screen): restored at the next start
// when it still fits the screen.
struct WindowPlace {
    int x = 0, y = 0;
    unsigned width = 0, height = 0;
};
// How fast the play screen types its lines; Instant shows them at once.
enum class TextSpeed { Slow, Normal, Fast, Instant };
const char* text_speed_id(TextSpeed speed);                         // "slow", "normal", "fast", "instant"
std::optional<TextSpeed> text_speed_from_id(std::string_view id);   // nullopt for anything else

// Whether a class shows the trainer's material in a second window on the trainer's own screen
// (trainer_window.hpp): Auto when a second monitor is connected, On always (on the same monitor
// when there is only one), Off never (the private panel toggled by T instead).
enum class TrainerWindowMode { Auto, On, Off };
const char* trainer_window_mode_id(TrainerWindowMode mode);                       // "auto", "on", "off"
std::optional<TrainerWindowMode> trainer_window_mode_from_id(std::string_view id);  // nullopt otherwise

struct Settings {
    std::string language = "en";   // interface language: "en" or "nl"
    float font_scale = 1.0f;       // 0.75 .. 2.5 (Ctrl + / Ctrl -)
    bool high_contrast = false;
    bool fullscreen = false;       // F11
    bool read_aloud = false;       // through espeak-ng when installed; off by default
    std::string mode = "practice"; // practice | assessment (the home screen's choice)
    std::optional<WindowPlace> window;  // none: the first start (the window then fits the screen)
    TextSpeed text_speed = TextSpeed::Normal;
    TrainerWindowMode trainer_window = TrainerWindowMode::Auto;
};

// Folders are not created here; save_settings creates them when writing.
// A relative $XDG_* value is ignored (XDG spec); with no $HOME the password database's home is used;
// "" only when there is no home folder at all.
std::string config_folder();  // $XDG_CONFIG_HOME/salesdojo or ~/.config/salesdojo
std::string data_folder();    // $XDG_DATA_HOME/salesdojo or ~/.local/share/salesdojo
std::string settings_path();  // config_folder()/settings.json ("" when config_folder() is "")

// `scale` clamped to 0.75..2.5 (the Settings::font_scale range); NaN/inf give the default 1.0.
// (views/settings_view.hpp names the same bounds kMinFontScale/kMaxFontScale.)
float clamp_font_scale(float scale);

// Missing, unreadable or broken file: defaults. Each field is checked on its own: a wrong type or
// unknown value (language other than en/nl, mode other than practice/assessment, a text speed
// other than slow/normal/fast/instant, a trainer window other than auto/on/off) keeps that
// field's default; font_scale is clamped.
Settings load_settings(const std::string& path);
// Creates the parent folder, writes {"format":1, ...} through write_file_atomically.
bool save_settings(const std::string& path, const Settings& settings, std::string* error = nullptr);

}  // namespace salesdojo::gui
