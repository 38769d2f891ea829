#pragma once
// The window from the command line. The window is a program of its own, `salesdojo-window` (built
// only with the GUI), which this process execs: `salesdojo` never links or loads SFML, OpenGL or
// Dear ImGui, so lint, run and analyze work on a machine without them.
//   salesdojo                                   the home screen on the bundled scenarios
//   salesdojo play FILE [--lang nl|en] [--mode practice|assessment] [--trainee NAME]   one scenario
//   salesdojo --trainee NAME                    the home screen, as that trainee
// The window program: $SALESDOJO_WINDOW_PROGRAM when set (then nothing else), otherwise the first of
// salesdojo-window next to this executable (a build tree) and <exe dir>/SALESDOJO_WINDOW_FROM_BIN
// (an install: ../libexec/salesdojo, computed by CMake from GNUInstallDirs).
#include <string>
#include <vector>

namespace salesdojo::cli {

struct GuiCommandOptions {
    std::string file;      // empty: the home screen
    std::string language;  // empty: the saved setting
    std::string mode;      // empty: the saved setting
    std::string trainee;   // empty: the trainee picked last
};

// The arguments for salesdojo-window (without argv[0]).
std::vector<std::string> window_arguments(const GuiCommandOptions& options);

// Execs the window program; returns only when that fails, with the exit code (1) after a message.
int gui_command(const GuiCommandOptions& options);

}  // namespace salesdojo::cli
