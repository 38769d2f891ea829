#include <salesdojo/condition_reason.hpp>

#include <algorithm>

namespace salesdojo {
namespace {

int popcount(std::uint32_t v) {
    int n = 0;
    for (; v; v &= v - 1) ++n;
    return n;
}

}  // namespace

std::optional<UnmetCondition> unmet_condition(const Scenario& scenario, const Expression& condition,
                                              const std::vector<std::int32_t>& values) {
    if (condition.empty() || condition.evaluate(values.data())) return std::nullopt;
    const int first_fact = scenario.fact_slot(0);
    std::vector<int> fact_slots;
    for (int slot : condition.slots())
        if (slot >= first_fact) fact_slots.push_back(slot);
    UnmetCondition result;
    if (fact_slots.empty() || fact_slots.size() > kMaxFactsExplained) {
        result.depends_on_variables = true;
        return result;
    }
    // Smallest subsets first: 2^12 evaluations at most, each a few instructions. Every subset of
    // the smallest size that works is kept ("not (a and b)" with both known: a and b are in the way).
    const std::uint32_t subsets = 1u << fact_slots.size();
    std::optional<std::uint32_t> found;
    std::vector<std::int32_t> trial;
    for (int size = 1; size <= static_cast<int>(fact_slots.size()) && !found; ++size) {
        for (std::uint32_t mask = 1; mask < subsets; ++mask) {
            if (popcount(mask) != size) continue;
            trial = values;
            for (std::size_t k = 0; k < fact_slots.size(); ++k)
                if (mask & (1u << k)) {
                    auto& v = trial[static_cast<std::size_t>(fact_slots[k])];
                    v = v ? 0 : 1;
                }
            if (condition.evaluate(trial.data())) found = found.value_or(0) | mask;
        }
    }
    if (!found) {
        result.depends_on_variables = true;
        return result;
    }
    for (std::size_t k = 0; k < fact_slots.size(); ++k) {
        if (!(*found & (1u << k))) continue;
        const int fact = fact_slots[k] - first_fact;
        if (values[static_cast<std::size_t>(fact_slots[k])]) result.facts_in_the_way.push_back(fact);
        else result.facts_needed.push_back(fact);
    }
    return result;
}

}  // namespace salesdojo
