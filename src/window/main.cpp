// The `salesdojo-window` executable: the composition point that links the window (SFML, OpenGL,
// Dear ImGui) into a program. `salesdojo` (no subcommand) and `salesdojo play FILE` exec it, so the
// command line itself never loads a GUI library. It can also be started directly:
//   salesdojo-window [FILE] [--lang nl|en] [--mode practice|assessment] [--trainee NAME] [--database FILE]
//                    [--trainer-window auto|on|off]
#include "gui_main.hpp"

#include <CLI/CLI.hpp>

#include <string>

int main(int argc, char** argv) {
    CLI::App app{"SalesDojo window: the home screen on the bundled scenarios, or one scenario"};
    app.set_version_flag("--version", std::string("salesdojo-window ") + SALESDOJO_VERSION);
    salesdojo::gui::GuiOptions options;
    app.add_option("file", options.scenario_file, "Scenario file (default: the home screen)")->check(CLI::ExistingFile);
    app.add_option("--lang", options.language, "Language of the interface and the texts")
        ->check(CLI::IsMember({"nl", "en"}));
    app.add_option("--mode", options.mode, "practice (feedback, undo) or assessment (neither)")
        ->check(CLI::IsMember({"practice", "assessment"}));
    app.add_option("--trainee", options.trainee, "Who plays (created on first use; default: the trainee picked last)");
    app.add_option("--database", options.database,
                   "Results database file (default: $XDG_DATA_HOME/salesdojo/results.sqlite)");
    app.add_option("--trainer-window", options.trainer_window,
                   "During a class, the trainer's material on a second window: auto (when a second monitor is "
                   "connected), on, off (the private panel, T)")
        ->check(CLI::IsMember({"auto", "on", "off"}));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    return salesdojo::gui::run_gui(options);
}
