#pragma once
// The class report (docs/export.md): many trainees' export files merged into one view per scenario
// (how the group chose at each decision against the best option, averages per dimension, outcomes
// reached), as HTML and CSV. Each attempt counts once: the same uid in two places with the same
// content is a duplicate; with different content it is a conflict, reported, and only the first
// (in the order the files were given) is counted.
#include <salesdojo/report/results_export.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::report {

struct ClassInput {
    std::string file;  // as given, for messages and the conflict list
    ExportDocument document;
};

struct ChoiceTally {
    std::string choice_id;
    std::string text;     // from the exports' names; "" when none had them
    std::size_t count = 0;
    std::string verdict;  // the verdict given most often for it ("" when never reviewed)
    bool best = false;    // the best option here (by the exports' best_choice, else a "best" verdict)
};

struct DecisionTally {
    std::string node_id;
    std::string speaker, line;
    std::size_t decided = 0;      // decisions taken here
    std::size_t chose_best = 0;   // of them, with the verdict "best"
    double mean_position = 0.0;   // where in the conversation it comes, on average (for the order)
    std::vector<ChoiceTally> choices;  // most chosen first
};

struct AverageTally {
    std::string id, name;
    double mean = 0.0;
    std::size_t count = 0;
};

struct CountTally {
    std::string id, name;
    std::size_t count = 0;
};

struct ScenarioTally {
    std::string scenario_id, title;
    std::size_t attempts = 0, trainees = 0, unfinished = 0;
    double mean_overall = 0.0;
    std::optional<double> mean_accuracy;   // over attempts that have one
    std::size_t with_pass_mark = 0, passed = 0;
    std::vector<AverageTally> dimensions;  // in the order the attempts list them
    std::vector<CountTally> outcomes;      // most reached first
    std::vector<DecisionTally> decisions;  // in conversation order
};

struct ConflictNote {
    std::string uid, trainee, scenario_title;
    std::int64_t started_ms = 0;
    std::string counted_file, ignored_file;
};

struct ClassReport {
    std::size_t files = 0;
    std::size_t attempts_read = 0;
    std::size_t attempts_counted = 0;
    std::size_t duplicates = 0;  // identical copies left out
    std::size_t trainees = 0;
    std::vector<ConflictNote> conflicts;
    std::vector<ScenarioTally> scenarios;  // by title
};

ClassReport make_class_report(const std::vector<ClassInput>& inputs, std::string_view language);

std::string class_report_html(const ClassReport& report, std::string_view language);
// attempts: one row per scenario; decisions: one row per option of each decision.
CsvTables class_report_csv(const ClassReport& report, std::string_view language);

}  // namespace salesdojo::report
