#pragma once
// Entry point of the window. `salesdojo-window` (src/window/main.cpp) calls run_gui(); `salesdojo`
// (no subcommand) and `salesdojo play FILE` exec that program. There is no main() here. The window hosts the App (app.hpp): home screen, play, debrief, settings.
//
// Environment (for smoke tests, screenshots and diagnosis; options take precedence where both exist):
//   SALESDOJO_SCENARIOS_DIR=dir       the scenario pack for the home screen (default: scenarios/ in the
//                                     data folder, see <salesdojo/data_dirs.hpp> and SALESDOJO_DATA_DIR)
//   SALESDOJO_SCREENSHOT=path.png     save a screenshot after N frames (after the script, if any), then exit
//   SALESDOJO_SCREENSHOT_FRAMES=N     N for the above (default 5; at least 2)
//   SALESDOJO_SCREENSHOT_ON_DEBRIEF=path.png
//                                     when the debrief screen is first fully drawn, save a screenshot,
//                                     print "screen=debrief screenshot=path" on stdout and exit (0 = written)
//   SALESDOJO_GUI_SCRIPT="s1;s2;..."  scripted steps, one every 3 frames: App::command() steps
//                                     (open=ID, finish=N, settings, lang=nl, panel=review, ...) and
//                                     key=1|space|return|backspace|escape|tab|up|down|left|right|f11|
//                                     ctrl+plus|ctrl+minus,
//                                     wait=N (frames), shot=path.png, quit
//   SALESDOJO_WINDOW_SIZE=1024x600     window size (default 1280x720, fitted to the screen)
//   SALESDOJO_UI_SCALE=1.25           extra type scale (multiplies the setting)
//   SALESDOJO_GUI_TRACE=1             print start-up stages with timestamps to stderr
//   SALESDOJO_ASSETS_DIR=dir          where fonts/ is (default: assets/ in the data folder)
//   SALESDOJO_TRAINER_WINDOW=auto|on|off  the trainer's second window during a class (trainer_screen.hpp):
//                                     overrides the setting; --trainer-window overrides this
//   SALESDOJO_WINDOW_TIMEOUT=60       seconds to wait for the window to become visible before giving up
//                                     with exit code 1 (0 = wait for ever); a warning comes after 5 s
// Settings live in $XDG_CONFIG_HOME/salesdojo, results in the results database
// (docs/results.md: $SALESDOJO_DATA_HOME/results.sqlite, else $XDG_DATA_HOME/salesdojo/results.sqlite):
// tests point those variables at a temporary folder.
//
// Under Xvfb (no window manager): run one instance per display and start Xvfb with -noreset; see
// scripts/gui_smoke_demo.sh for why.
#include <string>
#include <vector>

namespace salesdojo::gui {

struct GuiOptions {
    std::string scenario_file;          // non-empty: open this scenario (salesdojo play FILE)
    std::string scenarios_folder;       // empty: $SALESDOJO_SCENARIOS_DIR or the bundled pack
    std::string language;               // interface language "en" | "nl"; empty = from the settings
    std::string mode;                   // practice | assessment; empty = from the settings
    std::string screenshot_path;        // non-empty: save a screenshot after N frames and exit
    int width = 0, height = 0;          // 0 = $SALESDOJO_WINDOW_SIZE or 1280x720
    std::vector<std::string> script;    // scripted steps (see SALESDOJO_GUI_SCRIPT); empty = from env
    std::string trainee;                // who plays (created on first use); empty = the trainee picked last
    std::string database;               // results database; empty = store::default_database_path()
    std::string trainer_window;         // auto | on | off: overrides the setting; empty = $SALESDOJO_TRAINER_WINDOW or the setting
};

// Opens the window and runs until it is closed. Returns the process exit code: 0 fine, 1 when the
// window, the renderer or the screenshot failed.
int run_gui(const GuiOptions& options);

}  // namespace salesdojo::gui
