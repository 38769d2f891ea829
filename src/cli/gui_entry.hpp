#pragma once
// The window from the command line (only when built with the GUI: SALESDOJO_HAS_GUI).
//   salesdojo                                   the home screen on the bundled scenarios
//   salesdojo play FILE [--lang nl|en] [--mode practice|assessment]   one scenario
#include <string>

namespace salesdojo::cli {

struct GuiCommandOptions {
    std::string file;      // empty: the home screen
    std::string language;  // empty: the saved setting
    std::string mode;      // empty: the saved setting
};

// Returns the process exit code (0 fine, 1 the window could not open).
int gui_command(const GuiCommandOptions& options);

}  // namespace salesdojo::cli
