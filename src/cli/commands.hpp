#pragma once
// Subcommands of the `salesdojo` executable. Each returns the process exit code:
// 0 fine, 1 problems found, 2 bad usage.
#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace salesdojo::cli {

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUsage = 2;

struct LintOptions {
    std::vector<std::string> paths;
    bool json = false;
};
int lint_command(const LintOptions& options);

struct RunOptions {
    std::string file;
    std::string choices;  // comma-separated ids or 1-based numbers; empty = ask on stdin
    bool choices_given = false;
    bool json = false;
    std::string language;  // empty = the scenario's first language
    std::uint64_t seed = 0;
    bool debrief = false;   // after the transcript, the debrief (text, or JSON with --json)
    bool markdown = false;  // the debrief as a Markdown document
    bool html = false;      // the debrief as one self-contained HTML page
    std::string output;     // write to this file instead of stdout
    // The results database (docs/results.md): every finished run is stored unless --no-store.
    bool store = true;
    std::string database;  // --database FILE; "" = the user's data folder
    std::string trainee;   // --trainee NAME; "" = the trainee picked last
    bool resume = false;   // --resume: continue the trainee's saved run of this scenario
    // A playtest (docs/authoring-playtest.md): starts at --from with --set/--learn; never stored.
    std::string from;                // node id; "" = not a playtest
    std::vector<std::string> set;    // "variable=value"
    std::vector<std::string> learn;  // fact ids
};
int run_command(const RunOptions& options);

struct AnalyzeOptions {
    std::string file;
    bool json = false;
};
int analyze_command(const AnalyzeOptions& options);

// `salesdojo export` (docs/export.md): stored attempts as JSON, CSV or HTML debriefs.
struct ExportOptions {
    std::string trainee;   // "" = every trainee
    std::string scenario;  // "" = every scenario
    std::string format = "json";  // json | csv | html
    std::string out;       // "" = stdout; html with several attempts: a folder
    std::string database;  // "" = the user's data folder
    std::string language;  // nl | en; "" = from the locale
    std::vector<std::string> scenario_folders;  // where to find scenario files; none = the bundled ones
};
int export_command(const ExportOptions& options);

// `salesdojo report FILES...`: JSON exports merged into one class report.
struct ReportOptions {
    std::vector<std::string> files;
    std::string format = "html";  // html | csv
    std::string out;
    std::string language;
};
int report_command(const ReportOptions& options);
// Authoring commands (docs/authoring.md).
struct SchemaOptions {
    std::string out;  // --out FILE; "" = stdout
};
int schema_command(const SchemaOptions& options);

struct GraphOptions {
    std::string file;
    std::string out;       // --out FILE; "" = stdout
    bool svg = false;      // through Graphviz's `dot -Tsvg`
    std::string language;  // "" = the scenario's first language
};
int graph_command(const GraphOptions& options);

struct SimulateOptions {
    std::string file;
    std::uint64_t runs = 1000;
    std::uint64_t seed = 0;
    std::size_t max_decisions = 1000;
    bool json = false;
    std::string out;
};
int simulate_command(const SimulateOptions& options);
// `strings export|import|coverage` (docs/authoring-translation.md).
struct StringsOptions {
    std::string action;                  // export | import | coverage
    std::string file;                    // the scenario
    std::string table;                   // import: the CSV
    std::string language;                // export: the target language
    std::string source;                  // export: the source language ("" = the first declared other one)
    std::vector<std::string> languages;  // coverage: languages to count besides those found
    std::string out;                     // export: the CSV file; import: the scenario to write ("" = FILE)
    bool json = false;                   // coverage
};
int strings_command(const StringsOptions& options);
CLI::App* add_strings_command(CLI::App& app, StringsOptions& options);  // registers the subcommands

// `import-twee` (docs/authoring-twee.md).
struct ImportTweeOptions {
    std::string story;
    std::string out;  // "" = print the scenario
    std::string language = "en";
};
int import_twee_command(const ImportTweeOptions& options);
CLI::App* add_import_twee_command(CLI::App& app, ImportTweeOptions& options);

// Files to lint: each path, or the *.json files under a folder (sorted); `oversized` gets a message
// for each folder holding more than kMaxCatalogueFiles.
std::vector<std::string> expand_scenario_paths(const std::vector<std::string>& paths, std::vector<std::string>& oversized);

}  // namespace salesdojo::cli
