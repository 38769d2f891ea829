#include "gui_entry.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unistd.h>

// Relative path from the installed `salesdojo` to the folder of `salesdojo-window`, computed by
// CMake from GNUInstallDirs.
#ifndef SALESDOJO_WINDOW_FROM_BIN
#define SALESDOJO_WINDOW_FROM_BIN "../libexec/salesdojo"
#endif

namespace salesdojo::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kWindowProgram = "salesdojo-window";

std::vector<fs::path> window_candidates() {
    std::vector<fs::path> candidates;
    if (const char* program = std::getenv("SALESDOJO_WINDOW_PROGRAM"); program && *program)
        return {fs::path(program)};  // explicit: the only candidate
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        candidates.push_back(exe.parent_path() / kWindowProgram);
        candidates.push_back((exe.parent_path() / SALESDOJO_WINDOW_FROM_BIN / kWindowProgram).lexically_normal());
    }
    return candidates;
}

}  // namespace

std::vector<std::string> window_arguments(const GuiCommandOptions& options) {
    std::vector<std::string> arguments;
    if (!options.language.empty()) arguments.insert(arguments.end(), {"--lang", options.language});
    if (!options.mode.empty()) arguments.insert(arguments.end(), {"--mode", options.mode});
    if (!options.trainee.empty()) arguments.insert(arguments.end(), {"--trainee", options.trainee});
    if (!options.file.empty()) arguments.insert(arguments.end(), {"--", options.file});
    return arguments;
}

int gui_command(const GuiCommandOptions& options) {
    const std::vector<std::string> arguments = window_arguments(options);
    std::string looked;
    for (const fs::path& program : window_candidates()) {
        if (::access(program.c_str(), X_OK) != 0) {
            looked += (looked.empty() ? "" : ", ") + program.string();
            continue;
        }
        std::vector<char*> argv;
        std::string name = kWindowProgram;
        argv.push_back(name.data());
        std::vector<std::string> owned = arguments;
        for (auto& argument : owned) argv.push_back(argument.data());
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        std::fprintf(stderr, "salesdojo: cannot start %s: %s\n", program.c_str(), std::strerror(errno));
        return 1;
    }
    std::fprintf(stderr,
                 "salesdojo: the window is not installed (looked for %s); the command line works without it: "
                 "lint, run, analyze\n",
                 looked.empty() ? kWindowProgram : looked.c_str());
    return 1;
}

}  // namespace salesdojo::cli
