#pragma once
// `salesdojo class FILE` (docs/classroom.md): runs a class from the terminal. It starts the phone
// voting server, prints the join address, code and QR code, and takes the trainer's commands on
// stdin, one per line (open, hands N COUNT, tally, reveal, prompt N, confirm [N], feedback, next,
// show, quit). The window's classroom view drives the same ClassRun.
// `salesdojo class list` and `salesdojo class report ID` (class_runs_command.cpp) read the class runs
// stored in the results database. CLI11 takes a word that names a subcommand as that subcommand, so a
// scenario file literally called "list" or "report" is given as ./list (or after `--`).
#include <salesdojo/analysis.hpp>
#include <salesdojo/class_log.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace salesdojo::cli {

struct ClassOptions {
    std::string file;
    std::string address;   // "" = the first non-loopback IPv4 address, else 127.0.0.1
    int port = 0;          // 0 = any free port
    std::string language;  // "" = the scenario's first language
    bool names = false;
    bool phones = true;    // --hands-only: no server
    bool qr = true;
    std::uint64_t seed = 0;
    std::string report_html, report_csv;  // write the class report here at the end
    std::string log_json;                 // write the class log here at the end
    bool store = true;
    std::string database;

    // Stored class runs: `class list` and `class report ID` (their --html / --csv fill report_*).
    CLI::App* list = nullptr;
    CLI::App* report = nullptr;
    std::int64_t run_id = 0;
    bool json = false;                          // list --json
    std::vector<std::string> scenario_folders;  // --scenarios; none = the bundled ones
};

CLI::App* add_class_subcommand(CLI::App& app, ClassOptions& options);
int class_command(const ClassOptions& options);

// class_runs_command.cpp
void add_class_runs_subcommands(CLI::App& class_command, ClassOptions& options);
int class_list_command(const ClassOptions& options);
int class_report_command(const ClassOptions& options);
// The class report of `log` to `html` and/or `csv` (either may be ""); problems on stderr after
// `command` ("salesdojo class"). Returns an exit code.
int write_class_report(const char* command, const Analysis& analysis, const ClassLog& log, const std::string& language,
                       const std::string& html, const std::string& csv);

}  // namespace salesdojo::cli
