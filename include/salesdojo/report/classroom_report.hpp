#pragma once
// The report of one class run (docs/classroom.md): per decision how the room voted against the best
// option, the verdict of the group's choice, the discussion prompts shown; then the ending and the
// scores of the group's run (its debrief). Not to be confused with class_report.hpp, which merges
// many trainees' exports. HTML (self-contained, every text escaped, no scripts) and CSV.
#include <salesdojo/class_log.hpp>
#include <salesdojo/report/results_export.hpp>
#include <salesdojo/scoring.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::report {

struct ClassroomOption {
    std::string choice_id, text;
    std::size_t hands = 0, phones = 0;
    bool best = false, majority = false, chosen = false;
    std::optional<Verdict> verdict;  // had the group chosen it
};

struct ClassroomDecision {
    std::size_t number = 0;  // 1-based
    std::string node_id, speaker, line;
    std::vector<ClassroomOption> options;
    std::size_t votes = 0, votes_for_best = 0;
    bool tally_revealed = false, tie = false, overridden = false, confirmed = false;
    std::optional<Verdict> group_verdict;  // of the confirmed option
    std::vector<std::string> prompts;      // the discussion prompts shown, in the order shown
};

struct ClassroomReport {
    std::string language;  // the words' language
    std::string title, scenario_id, scenario_version;
    std::int64_t started_ms = 0, ended_ms = 0;
    std::vector<ClassroomDecision> decisions;
    bool finished = false;
    std::string ending, outcome;  // titles, when finished
    double overall = 0.0;
    double accuracy = 100.0;
    std::optional<bool> passed;
    std::vector<std::pair<std::string, double>> dimensions;  // name, 0..100
};

// nullopt (and `error`) when the log does not replay on the analysed scenario.
std::optional<ClassroomReport> make_classroom_report(const Analysis& analysis, const ClassLog& log,
                                                     std::string_view language, std::string& error);
std::string classroom_report_html(const ClassroomReport& report);
// attempts: one row for the group's run (ending, scores); decisions: one row per option of each
// decision (write_csv_files writes both).
CsvTables classroom_report_csv(const ClassroomReport& report);

}  // namespace salesdojo::report
