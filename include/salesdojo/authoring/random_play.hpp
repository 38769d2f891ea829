#pragma once
// Random play for authors (`salesdojo simulate`): many runs through the real Session, each picking
// uniformly among the options available there (conditions respected; random nodes drawn by the
// session from the run's seed). Reports what was covered and every run that got stuck.
// Run i uses seed `seed + i`, so `--runs 1 --seed <that seed>` replays exactly that run.
#include <salesdojo/scenario.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace salesdojo {

struct RandomPlayOptions {
    std::uint64_t runs = 1000;
    std::uint64_t seed = 0;
    std::size_t max_decisions = 1000;  // a run longer than this is stuck in a loop
    std::size_t max_stuck_kept = 20;   // stuck runs kept in full (all are counted)
};

enum class StuckReason {
    NoOption,        // at a decision with no available option
    AutomaticSteps,  // more automatic nodes in a row than a session follows
    DecisionLimit,   // max_decisions decisions without an ending: a loop
};

struct StuckRun {
    std::uint64_t seed = 0;
    StuckReason reason = StuckReason::NoOption;
    std::vector<int> path;                // node indices visited, in order
    std::vector<std::string> choice_ids;  // the decisions, as `run --choices` takes them
};

struct RandomPlayReport {
    std::uint64_t runs = 0;
    std::uint64_t finished = 0;
    std::vector<std::uint64_t> node_visits;                 // per node: visits over all runs
    std::vector<std::vector<std::uint64_t>> choice_picks;   // per node, per choice
    std::vector<std::uint64_t> ending_runs;                 // per node: runs that ended there
    std::vector<std::uint64_t> outcome_runs;                // per outcome class
    std::vector<double> totals;                             // weighted total of each finished run, sorted
    std::uint64_t stuck_count = 0;
    std::vector<StuckRun> stuck;                            // the first max_stuck_kept
    std::uint64_t decisions = 0;                            // over all runs
};

RandomPlayReport random_play(const std::shared_ptr<const Scenario>& scenario, const RandomPlayOptions& options);

// Coverage figures: how many of the nodes / choices / ending nodes were reached at least once.
struct Coverage {
    std::size_t covered = 0;
    std::size_t total = 0;
};
Coverage node_coverage(const RandomPlayReport& report);
Coverage choice_coverage(const RandomPlayReport& report);
Coverage ending_coverage(const Scenario& scenario, const RandomPlayReport& report);

}  // namespace salesdojo
