// Options and help of `salesdojo export` and `salesdojo report` (docs/export.md).
#include "export_cli.hpp"

namespace salesdojo::cli {

namespace {
const char* const kExitCodes =
    "\nExit codes: 0 written; 1 a problem (no database, no matching attempts, an unreadable or invalid file,\n"
    "cannot write); 2 bad usage.\n";
}

CLI::App* add_export_command(CLI::App& app, ExportOptions& o) {
    auto* cmd = app.add_subcommand("export", "Export stored attempts as JSON, CSV (attempts and decisions) or HTML debriefs");
    cmd->add_option("--trainee", o.trainee, "Only this trainee's attempts (default: every trainee)");
    cmd->add_option("--scenario", o.scenario, "Only attempts of this scenario id (default: every scenario)");
    cmd->add_option("--format", o.format, "json (default; what `report` reads), csv, or html (one page per attempt)")
        ->check(CLI::IsMember({"json", "csv", "html"}));
    cmd->add_option("--out", o.out,
                    "Write here instead of the standard output. csv: FILE and FILE-decisions; html: a FILE.html for one "
                    "attempt, else a folder with one page per attempt");
    cmd->add_option("--database", o.database, "Results database file (default: $XDG_DATA_HOME/salesdojo/results.sqlite)");
    cmd->add_option("--lang", o.language, "Language of the interface words (default: from the locale)")
        ->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--scenarios", o.scenario_folders,
                    "Folder or file of scenarios, for titles, texts and re-scoring (default: the bundled scenarios)");
    cmd->footer(std::string("Files are written atomically (a temporary file, then renamed).") + kExitCodes);
    return cmd;
}

CLI::App* add_report_command(CLI::App& app, ReportOptions& o) {
    auto* cmd = app.add_subcommand("report", "Merge JSON exports of many trainees into one class report");
    cmd->add_option("files", o.files, "JSON files written by `salesdojo export`")->required();
    cmd->add_option("--format", o.format, "html (default) or csv")->check(CLI::IsMember({"html", "csv"}));
    cmd->add_option("--out", o.out, "Write here instead of the standard output (csv: FILE and FILE-decisions)");
    cmd->add_option("--lang", o.language, "Language of the interface words (default: from the locale)")
        ->check(CLI::IsMember({"nl", "en"}));
    cmd->footer(std::string("An attempt found in several files is counted once; copies that differ are reported as\n"
                            "conflicts and only the first (in the order given) is counted. Any unreadable file stops\n"
                            "the report, naming the file and the line:column of the problem.") + kExitCodes);
    return cmd;
}

}  // namespace salesdojo::cli
