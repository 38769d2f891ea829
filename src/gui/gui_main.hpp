#pragma once
// Entry point of the window. `salesdojo` (no subcommand) calls run_gui(); there is no main() here.
//
// For now it shows the foundation only: a window placed on screen, the fonts, a title and a
// glyph-check panel (Dutch diacritics, curly quotes, dashes, €, … and an emoji through the text
// fallback). The session is not wired yet.
//
// Environment (for smoke tests and diagnosis; options take precedence where both exist):
//   SALESDOJO_SCREENSHOT=path.png     save a screenshot after N frames, then exit (0 = written)
//   SALESDOJO_SCREENSHOT_FRAMES=N     N for the above (default 5; at least 2)
//   SALESDOJO_UI_SCALE=1.25           type scale (0.5-4)
//   SALESDOJO_GUI_TRACE=1             print start-up stages with timestamps to stderr
//   SALESDOJO_ASSETS_DIR=dir          where fonts/ is (default: the source tree's assets/)
//   SALESDOJO_WINDOW_TIMEOUT=60       seconds to wait for the window to become visible before giving up
//                                     with exit code 1 (0 = wait for ever); a warning comes after 5 s
//
// Under Xvfb (no window manager): run one instance per display and start Xvfb with -noreset; see
// scripts/gui_smoke_demo.sh for why.
#include <string>
#include <vector>

namespace salesdojo::gui {

struct GuiOptions {
    std::string scenario_file;          // empty: the bundled scenarios (not used yet)
    std::string language = "en";        // user-interface language: "en" or "nl"
    std::string mode = "practice";      // practice | assessment | classroom (not used yet)
    std::string screenshot_path;        // non-empty: save a screenshot after N frames and exit
    int width = 1280, height = 720;
    std::vector<std::string> script;    // reserved for scripted UI driving; not interpreted yet
};

// Opens the window and runs until it is closed. Returns the process exit code: 0 fine, 1 when the
// window, the renderer or the screenshot failed.
int run_gui(const GuiOptions& options);

}  // namespace salesdojo::gui
