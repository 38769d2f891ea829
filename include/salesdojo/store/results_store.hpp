#pragma once
// The results database (docs/results.md): trainees, finished attempts with every decision, and one
// saved in-progress run per trainee and scenario. One SQLite file, WAL mode, synchronous=FULL, so an
// attempt whose insert returned is on disk even if the process is killed the next instant.
//
// Errors (cannot create, corrupt, read-only, newer schema, disk full) throw StoreError, whose message
// names the file. Callers that can play on without the store catch it and say so (the CLI does).
// A ResultsStore is one connection: use it from one thread at a time. Several processes may share
// the file (WAL + busy timeout).
#include <salesdojo/class_log.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace salesdojo::store {

// What kind of trouble, so that a caller can say it in the trainee's language (the message itself
// is English, for logs and the terminal).
enum class StoreProblem {
    Other,     // cannot create the folder, cannot open, a bad name, ...
    Damaged,   // corrupt, or not a database at all
    ReadOnly,  // the file or its folder cannot be written
    Newer,     // written by a newer SalesDojo (a higher schema version)
    Full,      // the disk is full
};

class StoreError : public std::runtime_error {
public:
    explicit StoreError(const std::string& message, StoreProblem problem = StoreProblem::Other)
        : std::runtime_error(message), m_problem(problem) {}
    StoreProblem problem() const { return m_problem; }

private:
    StoreProblem m_problem;
};

// The schema version this build writes (PRAGMA user_version after the migrations).
int latest_schema_version();

// Where the database lives: $SALESDOJO_DATA_HOME/results.sqlite when that variable is set (tests,
// portable installs), else $XDG_DATA_HOME/salesdojo/results.sqlite (absolute values only, as the XDG
// spec says), else ~/.local/share/salesdojo/results.sqlite; "" when there is no home folder either.
std::string default_database_path();
// The folder of the old progress.json (the same data folder): <folder of database>/progress.json.
std::string progress_json_path_next_to(const std::string& database_path);
// A new attempt identity: a random UUID v4 ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower case).
std::string new_attempt_uid();

// The trainee used when none is named or picked yet: the login name ($USER), else "trainee".
std::string default_trainee_name();

struct Trainee {
    std::int64_t id = 0;
    std::string name;
    std::int64_t created_ms = 0;  // Unix time, milliseconds
};

struct DecisionRecord {
    std::string node_id;
    std::string choice_id;
    std::string verdict;   // verdict_id(): best, good, inaccuracy, mistake, blunder; "" = not reviewed
    double loss = 0.0;     // best q - chosen q, in weighted points
    bool counted = false;  // counted in accuracy (two or more options of different value)
    std::optional<double> seconds;  // time taken to decide; none for scripted play
};

struct DimensionRecord {
    std::string dimension_id;
    long long raw_total = 0;
    double score = 0.0;  // 0..100
};

// One finished (or abandoned) attempt, as scored when it was played. Ids, not indices, so a stored
// attempt still means something after the scenario is edited.
struct AttemptRecord {
    std::optional<std::int64_t> id;  // set once stored
    // The attempt's identity wherever it goes (a UUID v4, docs/export.md): kept by exports, so a
    // class report counts an attempt exported twice once. insert_attempt makes one when empty.
    std::string uid;
    std::int64_t trainee_id = 0;
    std::string scenario_id;
    std::string scenario_version;
    std::string content_hash;  // content_hash_hex() of the scenario file's bytes; "" when unknown
    std::string language;
    std::string mode;          // practice | assessment | scripted | imported
    std::uint64_t seed = 0;
    std::int64_t started_ms = 0;
    std::int64_t ended_ms = 0;
    bool finished = false;
    std::string ending_node;   // node id of the ending ("" when not finished)
    std::string outcome;       // outcome class id of the ending
    double weighted_total = 0.0;
    double overall = 0.0;      // 0..100
    std::optional<double> accuracy;  // 0..100; none for imported scores
    std::optional<bool> passed;      // none when the scenario sets no pass mark
    std::vector<DecisionRecord> decisions;
    std::vector<DimensionRecord> dimensions;

    std::vector<std::string> choice_ids() const;  // the decisions' choice ids, in order
};

// One line of a trainee's history (what a list or a plot needs), newest first.
struct AttemptSummary {
    std::int64_t id = 0;
    std::string scenario_id;
    std::string scenario_version;
    std::string mode;
    std::int64_t ended_ms = 0;
    double overall = 0.0;
    std::optional<double> accuracy;
    std::optional<bool> passed;
    std::vector<DimensionRecord> dimensions;
};

// One attempt's place in a scenario's progress.
struct AttemptPoint {
    std::int64_t attempt_id = 0;
    std::int64_t ended_ms = 0;
    double overall = 0.0;
};

struct ScenarioProgress {
    std::string scenario_id;
    std::size_t attempts = 0;
    AttemptPoint first;   // the earliest attempt
    AttemptPoint best;    // the highest overall score (the earliest of equals)
    AttemptPoint latest;  // the most recent attempt
};

// Where an attempt stands in a trainee's history (newest first: later ended_ms, then higher id).
struct HistoryPosition {
    std::int64_t ended_ms = 0;
    std::int64_t id = 0;
};

// What the history screen needs, read without touching every attempt (docs/results.md, "History
// at 100,000 attempts"): the count, the newest page of the list, the most recent scored attempts
// with their dimension scores (the plot and the weakest skill), and first/best/latest per scenario
// from the scenario_progress table.
struct HistoryOverview {
    std::size_t attempt_count = 0;              // every attempt of the trainee
    std::vector<AttemptSummary> recent;         // newest first, at most the list limit; no dimensions
    std::vector<AttemptSummary> scored;         // newest first, at most the scored limit, with dimensions
    std::vector<ScenarioProgress> by_scenario;  // most recently played first
};

// A run not finished yet, kept so that it can be resumed (updated after every decision).
struct SavedRun {
    std::int64_t trainee_id = 0;
    std::string scenario_id;
    std::string scenario_version;
    std::string content_hash;
    std::string language;
    std::string mode;
    std::uint64_t seed = 0;
    std::int64_t started_ms = 0;
    std::int64_t updated_ms = 0;
    std::vector<std::string> choice_ids;
    std::vector<std::optional<double>> seconds;  // per decision, same length as choice_ids
    std::vector<std::size_t> hints;  // decisions (0-based) at which a hint was asked (window, practice)
};

// Whether a stored attempt still owes its xAPI statements to the outbox.
enum class XapiStatements { NotOwed, Owed };

struct ImportReport {
    bool imported = false;      // false: done before, or no file
    int scores = 0;             // attempts created from the file
    std::string trainee;        // who they were given to
    std::string warning;        // a file that could not be read (it stays where it is)
};

// One row of class_runs as read back: the log, or why it could not be read.
struct StoredClassRun {
    std::int64_t id = 0;  // the row id, what `salesdojo class report ID` takes
    std::string uid;
    std::string scenario_id;
    std::int64_t started_ms = 0;
    std::optional<ClassLog> log;  // nullopt: the row is damaged (see problem)
    std::string problem;          // "" when the log was read
};

class ResultsStore {
public:
    // Opens (creating the folder and the file when missing) and migrates to the latest schema.
    static ResultsStore open(const std::string& path);
    ResultsStore(ResultsStore&& other) noexcept;
    ResultsStore& operator=(ResultsStore&& other) noexcept;
    ~ResultsStore();

    const std::string& path() const { return m_path; }
    int schema_version() const;

    // Trainees. Names are trimmed, 1..64 characters, unique ignoring ASCII case.
    Trainee create_trainee(const std::string& name);
    std::optional<Trainee> find_trainee(const std::string& name) const;
    Trainee trainee_named(const std::string& name);  // find, else create
    std::vector<Trainee> trainees() const;            // by name
    std::optional<Trainee> trainee(std::int64_t id) const;
    void rename_trainee(std::int64_t trainee_id, const std::string& new_name);
    // The trainee picked last (set_last_trainee); none before the first pick or after a delete.
    std::optional<Trainee> last_trainee() const;
    void set_last_trainee(std::int64_t trainee_id);

    // Attempts. insert_attempt is one transaction, durable when it returns; returns the new id.
    std::int64_t insert_attempt(const AttemptRecord& attempt);
    std::optional<AttemptRecord> attempt(std::int64_t id) const;
    // Every attempt with its dimension scores, newest first (exports, tests; O(attempts)).
    std::vector<AttemptSummary> history(std::int64_t trainee_id) const;
    // The history screen's data in time independent of the number of attempts (history_overview.cpp):
    // `list_limit` newest attempts, the `scored_limit` newest attempts that have dimension scores.
    HistoryOverview history_overview(std::int64_t trainee_id, std::size_t list_limit, std::size_t scored_limit) const;
    // The next page of the list: up to `limit` attempts older than `after` (none: from the newest),
    // newest first, without dimensions.
    std::vector<AttemptSummary> history_page(std::int64_t trainee_id, std::optional<HistoryPosition> after,
                                             std::size_t limit) const;
    // The ids of the attempts that match (any trainee / scenario when not given), oldest first.
    std::vector<std::int64_t> attempt_ids(std::optional<std::int64_t> trainee_id,
                                          const std::optional<std::string>& scenario_id) const;
    std::size_t attempt_count() const;

    // In-progress runs, one per (trainee, scenario id).
    void save_run(const SavedRun& run);
    std::optional<SavedRun> saved_run(std::int64_t trainee_id, const std::string& scenario_id) const;
    void discard_run(std::int64_t trainee_id, const std::string& scenario_id);
    // Every saved run of a trainee, the most recently updated first (the window's resume cards).
    std::vector<SavedRun> saved_runs(std::int64_t trainee_id) const;
    // Stores a finished attempt and removes the saved run of the same trainee and scenario, in one
    // transaction (a crash leaves either the saved run or the attempt, never both nor neither).
    // With XapiStatements::Owed the attempt is also marked as owing its xAPI statements to the
    // outbox, in the same transaction (the CLI's `run`; docs/xapi.md).
    std::int64_t finish_run(const AttemptRecord& attempt, XapiStatements statements = XapiStatements::NotOwed);

    // The attempts whose xAPI statements are owed to the outbox, oldest first, and the note that
    // they have been written.
    std::vector<std::int64_t> xapi_owed_attempts() const;
    void xapi_statements_written(std::int64_t attempt_id);

    // The old window file {"format":1,"last_scores":{"id":score}}: once per database (a marker in the
    // meta table, written in the same transaction). Scores become "imported" attempts of `trainee`.
    // The file is left where it is.
    ImportReport import_progress_json(const std::string& json_path, const std::string& trainee);

    // Class runs (docs/classroom.md, schema 3): the class log of a group run, stored once per uid
    // (one transaction; a uid stored before is refused with StoreError). Read back oldest first.
    std::int64_t insert_class_log(const ClassLog& log);
    std::vector<ClassLog> class_logs(const std::optional<std::string>& scenario_id = std::nullopt) const;
    // Every stored class run with its row id (oldest first), a damaged row as a problem instead of
    // a log, so a list can show the others (`salesdojo class list`); one run by row id, or none.
    std::vector<StoredClassRun> stored_class_runs() const;
    std::optional<StoredClassRun> stored_class_run(std::int64_t id) const;

    std::string integrity_check() const;  // "ok" when sound

private:
    explicit ResultsStore(std::string path);
    std::string m_path;
    sqlite3* m_db = nullptr;
};

}  // namespace salesdojo::store
