#pragma once
// What a trainee's history says, as numbers and ids (words belong to the report layer and the
// window): the first, best and latest score per scenario, the weakest skill, and the scenario to
// play next. Pure functions of the history (ResultsStore::history) and the scenarios on offer; the
// rule is documented in docs/results.md ("Weakest skill and the next scenario").
#include <salesdojo/store/results_store.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::store {

// Per scenario, most recently played first. `history` in any order (the store's is newest first);
// ties in time are ordered by attempt id. (ResultsStore::history_overview keeps the same per
// scenario in the database, without reading every attempt.)
std::vector<ScenarioProgress> progress_by_scenario(const std::vector<AttemptSummary>& history);

// A scenario on offer and the skills it trains (its metadata's skill ids, e.g. "qualify").
struct ScenarioOffer {
    std::string id;
    std::vector<std::string> skills;
};

// How a skill stands: the mean score (0..100) of the dimension with the skill's id over the
// trainee's `kRecentAttemptsPerSkill` most recent attempts that scored it.
struct SkillStanding {
    std::string skill;
    double average = 0.0;
    std::size_t attempts = 0;  // attempts in the mean (1..kRecentAttemptsPerSkill)
};
constexpr std::size_t kRecentAttemptsPerSkill = 5;

// The skill with the lowest standing among those some offered scenario trains; ties go to the
// skill with fewer attempts in its mean, then to the lower id. None when no attempt scored any
// offered skill (a new trainee, or only imported scores, which have no dimensions).
std::optional<SkillStanding> weakest_skill(const std::vector<AttemptSummary>& history,
                                           const std::vector<ScenarioOffer>& offers);

struct Suggestion {
    SkillStanding weakest;
    std::string scenario_id;
    std::optional<std::int64_t> last_played_ms;  // none: never played
};

// The next scenario: among the offered scenarios that train the weakest skill, one never played
// (the first in `offers` order, which the window keeps easy to hard), else the one played least
// recently (ties: the earlier in `offers`). None when there is no weakest skill.
std::optional<Suggestion> suggest_next(const std::vector<AttemptSummary>& history,
                                       const std::vector<ScenarioOffer>& offers);
// The same rule from its parts: the weakest skill and when each scenario was last played (its
// `latest`), as the window has them from ResultsStore::history_overview.
std::optional<Suggestion> suggest_next(const std::optional<SkillStanding>& weakest,
                                       const std::vector<ScenarioProgress>& progress,
                                       const std::vector<ScenarioOffer>& offers);

// The plot of the history screen: each dimension's scores over time, oldest first, from the newest
// `max_attempts` of `history` that have dimension scores. Series in order of first appearance.
struct DimensionSeries {
    std::string dimension_id;
    std::vector<float> scores;  // 0..100, oldest first
};
struct PlotSeries {
    std::vector<DimensionSeries> series;
    std::int64_t first_ms = 0, last_ms = 0;  // the time range covered
    std::size_t attempts = 0;                // attempts plotted
};
// `history` newest first (as the store gives it).
PlotSeries plot_series(const std::vector<AttemptSummary>& history, std::size_t max_attempts);

}  // namespace salesdojo::store
