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

// Per scenario, most recently played first. `history` in any order (the store's is newest first);
// ties in time are ordered by attempt id.
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

}  // namespace salesdojo::store
