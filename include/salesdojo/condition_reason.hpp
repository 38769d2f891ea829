#pragma once
// Why a choice's condition does not hold now, as data the report layer turns into words (the
// window shows it when a trainee tries an unavailable option). Facts have titles a trainee can
// read; variables have none, so they are only reported as "depends on the conversation so far".
#include <salesdojo/scenario.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace salesdojo {

struct UnmetCondition {
    std::vector<int> facts_needed;      // fact indices to find out first
    std::vector<int> facts_in_the_way;  // fact indices already known that rule the option out
    // The condition also (or only) turns on variables: no change of facts alone makes it hold.
    bool depends_on_variables = false;
};

// nullopt when the condition holds in `values` (a session's value array). Otherwise the smallest
// set of fact changes (learning a fact, or a known fact that is in the way) that would make it hold
// with the variables as they are; when no such set exists (or the condition reads more than
// kMaxFactsExplained facts), depends_on_variables is set and the fact lists stay empty.
constexpr std::size_t kMaxFactsExplained = 12;
std::optional<UnmetCondition> unmet_condition(const Scenario& scenario, const Expression& condition,
                                              const std::vector<std::int32_t>& values);

}  // namespace salesdojo
