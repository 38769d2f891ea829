#pragma once
// The window's use of the results database (docs/results.md): the one place the window talks to
// the store. Opens it (importing the old progress.json once), keeps the trainee picked, the
// trainee's history and saved runs in memory for the screens, stores finished attempts and saves
// unfinished runs. When the database cannot be opened or written (damaged, read-only, newer, disk
// full) it keeps a notice for the home screen, logs the detail on stderr, and stops using the
// store: the window still plays, nothing is saved.
//
// File I/O happens only when something changes (a pick, a decision, a finished run), never per frame.
#include <salesdojo/report/results_export.hpp>
#include <salesdojo/scenario.hpp>
#include <salesdojo/store/results_store.hpp>

#include <cstdint>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

// The plot shows at most this many of the most recent scored attempts (a trainee with 100,000
// attempts would otherwise get one unreadable smear, and a slow frame); the weakest skill is taken
// from the same attempts.
constexpr std::size_t kMaxPlotPoints = 400;
// The history list is read a page at a time (docs/results.md).
constexpr std::size_t kHistoryPageSize = 500;

enum class ResultsNotice { None, Damaged, ReadOnly, Newer, Full, Unavailable };

class Results {
public:
    // `database` "" = no store (as when it cannot be opened, but without a notice). `trainee`: the
    // name asked for (--trainee), else the trainee picked last, else the login name.
    Results(const std::string& database, const std::string& progress_json, const std::string& trainee);

    bool available() const { return m_store.has_value(); }
    const std::string& database_path() const { return m_path; }

    ResultsNotice notice() const { return m_notice; }
    void dismiss_notice() { m_notice_dismissed = true; }
    bool notice_shown() const { return m_notice != ResultsNotice::None && !m_notice_dismissed; }

    // Trainees, by name; the one picked (none when the store is unavailable).
    const std::vector<store::Trainee>& trainees() const { return m_trainees; }
    const std::optional<store::Trainee>& trainee() const { return m_trainee; }
    void select_trainee(std::int64_t trainee_id);
    // Creates (or, for a name that exists ignoring case, picks) a trainee and picks it. Returns ""
    // or a ui_text key saying what is wrong with the name (home.trainee_empty, home.trainee_too_long).
    std::string create_trainee(const std::string& name);

    // The picked trainee's history as the history screen needs it (store::HistoryOverview): the
    // count, the newest kHistoryPageSize attempts, the newest kMaxPlotPoints scored attempts and
    // first/best/latest per scenario; read in time independent of the number of attempts.
    const store::HistoryOverview& overview() const { return m_overview; }
    // The newest attempts, newest first (the first page of the list).
    const std::vector<store::AttemptSummary>& history() const { return m_overview.recent; }
    // The next page of the list: up to kHistoryPageSize attempts older than `after`. Empty when the
    // store is unavailable or cannot be read.
    std::vector<store::AttemptSummary> older_attempts(const store::AttemptSummary& after);
    // The latest overall score per scenario.
    std::optional<double> latest_score(const std::string& scenario_id) const;
    // The picked trainee's unfinished runs, the most recently played first.
    const std::vector<store::SavedRun>& saved_runs() const { return m_saved_runs; }
    std::optional<store::SavedRun> saved_run(const std::string& scenario_id) const;

    // Stores a finished attempt of the picked trainee (its trainee_id is set here) and removes the
    // saved run of that scenario. The new attempt's id; none when not stored. Its xAPI statements
    // go to the outbox and, when an LRS is configured, are sent in the background (results_xapi.cpp;
    // `played`, the scenario played, gives them its texts).
    std::optional<std::int64_t> finish(store::AttemptRecord attempt, const Scenario* played = nullptr);
    // Statements this window appended to the outbox (tests, diagnosis).
    std::size_t xapi_statements_appended() const { return m_xapi_appended; }
    void save_run(store::SavedRun run);  // trainee_id set here
    void discard_run(const std::string& scenario_id);

    // The picked trainee's attempts as export values (store/export_source.hpp), oldest first. nullopt
    // with `error` when the store is unavailable or cannot be read (the store stays in use: only
    // reading failed).
    std::optional<std::vector<report::ExportedAttempt>> exported_attempts(std::string& error) const;

private:
    void fail(const store::StoreError& error);
    void reload();  // trainees, history and saved runs of the picked trainee
    void pick(const store::Trainee& trainee);
    void write_xapi(const Scenario* played);  // results_xapi.cpp

    std::string m_path;
    std::optional<store::ResultsStore> m_store;
    ResultsNotice m_notice = ResultsNotice::None;
    bool m_notice_dismissed = false;
    std::vector<store::Trainee> m_trainees;
    std::optional<store::Trainee> m_trainee;
    store::HistoryOverview m_overview;
    std::map<std::string, double> m_latest;
    std::vector<store::SavedRun> m_saved_runs;
    std::size_t m_xapi_appended = 0;
    // A send to the LRS under way; a std::async future waits for it when destroyed (bounded by the
    // configured timeout), so closing the window never cuts a send off mid-batch.
    std::future<void> m_xapi_send;
};

}  // namespace salesdojo::gui
