// The `salesdojo` executable: argument parsing only; the work is in the subcommands and the core.
#include "class_command.hpp"
#include "commands.hpp"
#include "export_cli.hpp"
#include "gui_entry.hpp"
#include "terminal_output.hpp"
#include "xapi_command.hpp"

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

    ClassOptions class_options;
    auto* class_cmd = add_class_subcommand(app, class_options);
    XapiOptions xapi;
    auto* xapi_cmd = add_xapi_subcommand(app, xapi);
    ExportOptions export_options;
    auto* export_cmd = add_export_command(app, export_options);
    ReportOptions report_options;
    auto* report_cmd = add_report_command(app, report_options);
    SchemaOptions schema;
    auto* schema_cmd = app.add_subcommand("schema", "Print the scenario format as JSON Schema 2020-12 (docs/scenario.schema.json)");
    schema_cmd->add_option("-o,--out", schema.out, "Write to this file instead of the terminal");

    GraphOptions graph;
    auto* graph_cmd = app.add_subcommand("graph", "Write the scenario's node graph as Graphviz DOT (or SVG with --svg); exit 1 when it has graph errors");
    graph_cmd->add_option("file", graph.file, "Scenario file")->required();
    graph_cmd->add_option("-o,--out", graph.out, "Write to this file instead of the terminal");
    graph_cmd->add_flag("--svg", graph.svg, "Render SVG with Graphviz's dot (apt-get install graphviz)");
    graph_cmd->add_option("--lang", graph.language, "Language of the labels (default: the scenario's first)");

    SimulateOptions simulate;
    auto* simulate_cmd = app.add_subcommand("simulate", "Play random runs: coverage, score distribution, outcomes, stuck runs (exit 1 if any)");
    simulate_cmd->add_option("file", simulate.file, "Scenario file")->required();
    simulate_cmd->add_option("--runs", simulate.runs, "Number of runs (default 1000)")->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
    simulate_cmd->add_option("--seed", simulate.seed, "Seed of the first run; run i uses seed+i (default 0)");
    simulate_cmd->add_option("--max-decisions", simulate.max_decisions, "Decisions after which a run counts as stuck in a loop (default 1000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
    simulate_cmd->add_flag("--json", simulate.json, "Print the report as JSON");
    simulate_cmd->add_option("-o,--out", simulate.out, "Write to this file instead of the terminal");
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
    play_cmd->add_option("--trainee", play.trainee, "Who plays (created on first use; default: the trainee picked last)");
    GuiCommandOptions home;
    app.add_option("--trainee", home.trainee, "With no subcommand: open the window as this trainee");
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
    if (*class_cmd) return class_command(class_options);
    if (*xapi_cmd) return xapi_command(xapi);
    if (*export_cmd) return export_command(export_options);
    if (*report_cmd) return report_command(report_options);
    if (*schema_cmd) return schema_command(schema);
    if (*graph_cmd) return graph_command(graph);
    if (*simulate_cmd) return simulate_command(simulate);
    if (*strings_cmd) return strings_command(strings);
    if (*twee_cmd) return import_twee_command(twee);
    if (*run_cmd) {
        run.choices_given = choices_opt->count() > 0;
        return run_command(run);
    }
#ifdef SALESDOJO_HAS_GUI
    if (*play_cmd) return gui_command(play);
    return gui_command(home);
#else
    std::cout << app.help();  // built without the window
    return kExitOk;
#endif
}
