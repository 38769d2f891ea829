#pragma once
// Exports of finished attempts (docs/export.md): one exchange value, ExportedAttempt, written as JSON
// (and read back, for the class report), as CSV (one table of attempts, one of decisions) and as one
// self-contained HTML debrief per attempt. The store fills ExportedAttempt from its records
// (store/export_source.hpp); nothing here touches the database, so the CLI and the window share it.
#include <salesdojo/analysis.hpp>
#include <salesdojo/report/names.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::report {

// The export file format this build writes and reads ("format_version" in the JSON).
constexpr int kExportFormatVersion = 1;
constexpr const char* kExportFormatName = "salesdojo-attempts";

struct ExportedDecision {
    std::string node_id;
    std::string choice_id;
    std::string verdict;  // verdict_id(): best ... blunder; "" = not reviewed
    double loss = 0.0;    // weighted points, as stored
    bool counted = false;
    std::optional<double> seconds;
    // The best option at this decision, when the export had the same scenario version at hand
    // (not part of the attempt's content: two exports of one attempt may differ here).
    std::string best_choice_id;
};

struct ExportedDimension {
    std::string dimension_id;
    long long raw_total = 0;
    double score = 0.0;
};

// One stored attempt, with its trainee's name instead of a database id.
struct ExportedAttempt {
    std::string uid;  // the identity (UUID); see attempt_content_key for the content
    std::string trainee;
    std::string scenario_id;
    std::string scenario_version;
    std::string content_hash;
    std::string language;
    std::string mode;
    std::uint64_t seed = 0;
    std::int64_t started_ms = 0;
    std::int64_t ended_ms = 0;
    bool finished = false;
    std::string ending_node;
    std::string outcome;
    double weighted_total = 0.0;
    double overall = 0.0;
    std::optional<double> accuracy;
    std::optional<bool> passed;
    std::vector<ExportedDecision> decisions;
    std::vector<ExportedDimension> dimensions;

    Playthrough playthrough() const;
};

// What a reader sees for one scenario's ids, in one language, so that an export file (and a class
// report made from it) never needs the scenario file to show words instead of ids.
struct ScenarioNames {
    std::string version, content_hash;  // of the scenario file the names came from
    std::string language;               // of the texts
    std::string title;
    std::map<std::string, std::string> dimensions;  // dimension id -> name
    std::map<std::string, std::string> outcomes;    // outcome class id -> name
    std::map<std::string, std::string> endings;     // ending node id -> title
    struct NodeNames {
        std::string speaker, line;                   // who speaks and what, at the decision
        std::map<std::string, std::string> choices;  // choice id -> text
    };
    std::map<std::string, NodeNames> nodes;  // only the decision nodes the attempts visited
};

struct ExportDocument {
    std::int64_t exported_ms = 0;
    std::string generator;  // "salesdojo 0.1.0"
    std::string language;   // of the interface words
    std::vector<ExportedAttempt> attempts;
    std::map<std::string, ScenarioNames> scenarios;  // by scenario id
};

// A scenario at hand for an export: the file as it is now, and its analysis once computed.
struct ScenarioAtHand {
    std::shared_ptr<const Scenario> scenario;
    std::shared_ptr<const Analysis> analysis;  // null when it could not be analysed
};
using ScenarioShelf = std::map<std::string, ScenarioAtHand>;  // by scenario id

// The names of `scenario`'s ids that `attempts` use (all attempts of other scenarios are ignored).
ScenarioNames scenario_names(const Scenario& scenario, const Languages& languages,
                             const std::vector<ExportedAttempt>& attempts);
// Fills best_choice_id of each decision when the attempt was played on exactly this scenario file
// (same content hash) and still replays; otherwise leaves the attempt as it is.
void add_best_choices(ExportedAttempt& attempt, const ScenarioAtHand& at_hand);

// The names for every scenario on the shelf that the attempts use, and best choices where possible.
ExportDocument make_export_document(std::vector<ExportedAttempt> attempts, const ScenarioShelf& shelf,
                                    std::string_view language, std::int64_t now_ms);

nlohmann::json export_json(const ExportDocument& document);
// Reads an export back. nullopt with `error` ("attempts/3/overall: expected a number") and
// `error_pointer` (the JSON pointer of the offending value, for line:col) when the shape is wrong.
std::optional<ExportDocument> export_from_json(const nlohmann::json& json, std::string& error,
                                               std::string& error_pointer);
// Limits for export files read back (docs/export.md): larger or deeper files are refused unread.
constexpr std::size_t kMaxExportFileBytes = 64u * 1024u * 1024u;
constexpr int kMaxExportDepth = 16;
// Reads and checks one export file. nullopt with `message` = "FILE:LINE:COL: what is wrong" (the
// position of the syntax error or of the offending value; "FILE: ..." when the file cannot be read).
std::optional<ExportDocument> read_export_file(const std::string& path, std::string& message);

// read_export_file for many files, on up to `threads` threads (0 = one per core, at most 8); the
// results in the order of `paths`, each a document or a message.
struct ExportFileResult {
    std::optional<ExportDocument> document;
    std::string message;
};
std::vector<ExportFileResult> read_export_files(const std::vector<std::string>& paths, unsigned threads = 0);

// The attempt's stored content as one canonical string: equal for two exports of the same attempt,
// different when any stored field differs (best_choice_id is left out).
std::string attempt_content_key(const ExportedAttempt& attempt);

// "2026-12-06T04:21:51Z" (JSON, CSV) and "2026-12-06 04:21 UTC" (pages).
std::string iso_utc(std::int64_t unix_ms);
std::string readable_utc(std::int64_t unix_ms);

// --- CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when needed) ---------------------

// A text cell: quoted when it holds a comma, quote, CR or LF; a text that a spreadsheet would take
// for a formula (starting with = + - @, tab or CR) gets a leading apostrophe first.
std::string csv_text(std::string_view text);
// A number we format ourselves (never a formula): at most `decimals` decimals, no trailing zeros
// ("12.5", "3"), a decimal point; "" when absent.
std::string csv_number(std::optional<double> value, int decimals);

struct CsvTables {
    std::string attempts;   // one row per attempt
    std::string decisions;  // one row per decision
};
// Column headings in `language`'s words; ids in their own columns next to the names.
CsvTables export_csv(const ExportDocument& document, std::string_view language);

// --- HTML ------------------------------------------------------------------------------------------

// One self-contained page for one attempt: everything the text debrief has, with who, when and how.
// Re-scored from its playthrough when the scenario is at hand and the choices still replay (a note
// says when the file changed since); otherwise shown as it was stored, with a note saying so.
std::string attempt_html(const ExportedAttempt& attempt, const ScenarioAtHand* at_hand,
                         const ScenarioNames* names, std::string_view language);

}  // namespace salesdojo::report
