// The `salesdojo` executable: argument parsing only; the work is in the subcommands and the core.
#include "commands.hpp"
#include "gui_entry.hpp"
#include "terminal_output.hpp"

#include <CLI/CLI.hpp>

#include <iostream>


int main(int argc, char** argv) {
    using namespace salesdojo::cli;
    // Everything printed passes through one filter: scenario texts, ids and file names in messages
    // cannot send control sequences to the terminal.
    TerminalFilter safe_out(std::cout), safe_err(std::cerr);
    CLI::App app{"SalesDojo: practise qualifying, declining and avoiding bias in sales conversations"};
    app.set_version_flag("--version", std::string("salesdojo ") + SALESDOJO_VERSION);
    app.require_subcommand(0, 1);

    LintOptions lint;
    auto* lint_cmd = app.add_subcommand("lint", "Check scenario files or folders; prints file:line:col: error[SDxxxx]: message");
    lint_cmd->add_option("paths", lint.paths, "Scenario files or folders")->required();
    lint_cmd->add_flag("--json", lint.json, "Print the diagnostics as JSON");

    RunOptions run;
    auto* run_cmd = app.add_subcommand("run", "Play a scenario in the terminal, or headless with --choices");
    run_cmd->add_option("file", run.file, "Scenario file")->required();
    auto* choices_opt = run_cmd->add_option("--choices", run.choices, "Comma-separated choice ids or 1-based numbers; plays without asking");
    run_cmd->add_flag("--json", run.json, "Print a machine-readable transcript (with --choices)");
    run_cmd->add_option("--lang", run.language, "Language of the texts")->check(CLI::IsMember({"nl", "en"}));
    run_cmd->add_option("--seed", run.seed, "Seed for random branches (default 0)");
    run_cmd->add_flag("--debrief", run.debrief, "Print the debrief: scores, accuracy, costliest decisions, best line, what-ifs");
    run_cmd->add_flag("--markdown", run.markdown, "Print the debrief as a Markdown document (implies --debrief)");
    run_cmd->add_flag("--html", run.html, "Print the debrief as one self-contained HTML page (implies --debrief)");
    run_cmd->add_option("-o,--output", run.output, "Write the output to this file instead of the terminal");
    run_cmd->add_option("--trainee", run.trainee, "Who plays (created on first use; default: the trainee picked last)");
    run_cmd->add_flag("--resume", run.resume, "Continue this trainee's unfinished run of the scenario");
    run_cmd->add_flag("!--no-store", run.store, "Do not save this run in the results database");
    run_cmd->add_option("--database", run.database, "Results database file (default: $XDG_DATA_HOME/salesdojo/results.sqlite)");
    auto* from_opt = run_cmd->add_option("--from", run.from, "Playtest: start at this node (never stored as an attempt)");
    run_cmd->add_option("--set", run.set, "Playtest: set a variable first, VAR=VALUE (repeatable)")->needs(from_opt);
    run_cmd->add_option("--learn", run.learn, "Playtest: make a fact known first (repeatable)")->needs(from_opt);

    AnalyzeOptions analyze;
    auto* analyze_cmd = app.add_subcommand("analyze", "Explore every reachable state: score ranges, histograms, witnesses, endings, rubric warnings");
    analyze_cmd->add_option("file", analyze.file, "Scenario file")->required();
    analyze_cmd->add_flag("--json", analyze.json, "Print the analysis as JSON");

    StringsOptions strings;
    auto* strings_cmd = add_strings_command(app, strings);
    ImportTweeOptions twee;
    auto* twee_cmd = add_import_twee_command(app, twee);

#ifdef SALESDOJO_HAS_GUI
    GuiCommandOptions play;
    auto* play_cmd = app.add_subcommand("play", "Open one scenario in the window");
    play_cmd->add_option("file", play.file, "Scenario file")->required()->check(CLI::ExistingFile);
    play_cmd->add_option("--lang", play.language, "Language of the interface and the texts")
        ->check(CLI::IsMember({"nl", "en"}));
    play_cmd->add_option("--mode", play.mode, "practice (feedback, undo) or assessment (neither)")
        ->check(CLI::IsMember({"practice", "assessment"}));
    app.footer("Without a subcommand, the window opens on the bundled scenarios.\n");
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    if (*lint_cmd) return lint_command(lint);
    if (*analyze_cmd) return analyze_command(analyze);
    if (*strings_cmd) return strings_command(strings);
    if (*twee_cmd) return import_twee_command(twee);
    if (*run_cmd) {
        run.choices_given = choices_opt->count() > 0;
        return run_command(run);
    }
#ifdef SALESDOJO_HAS_GUI
    if (*play_cmd) return gui_command(play);
    return gui_command({});
#else
    std::cout << app.help();  // built without the window
    return kExitOk;
#endif
}
