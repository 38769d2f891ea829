#pragma once
// Exact analysis of a scenario's reachable state space (PRODUCT.md §3), as pure functions.
//
// A state is (node, variables, facts). The analyser explores every state reachable from the start,
// memoised, and knows for each state the best and worst total still reachable on every dimension
// and on the weighted total (the envelope), plus the expected optimal weighted value used for
// decision quality (choices maximise, random branches average by weight).
//
// Loops: a complete path never repeats a state (a trainee who comes back to exactly the same
// situation has made a detour, not progress). States in a loop are analysed by enumerating simple
// paths inside their strongly connected component; beyond `max_loop_steps` the analyser stops with
// SD3002 rather than give a wrong answer. More than `max_states` states stops it with SD3001.
#include <salesdojo/big_count.hpp>
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/scenario.hpp>
#include <salesdojo/start_point.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo {

struct AnalysisLimits {
    std::size_t max_states = 2'000'000;
    std::size_t max_loop_steps = 5'000'000;
    bool histograms = false;  // per-dimension histograms of complete-path totals (for `analyze`)
};

// One transition out of a state: a choice (available in that state) or a random branch.
struct Transition {
    int index = 0;              // choice index or random-branch index
    std::uint32_t target = 0;   // state id
    double weight = 1.0;        // random branch probability (1 for choices and continuations)
};

struct StateInfo {
    int node = 0;
    std::uint32_t first_transition = 0;
    std::uint32_t transition_count = 0;
};

// Histogram of complete-path totals on one dimension: count[i] paths with total (min_total + i).
struct Histogram {
    long long min_total = 0;
    std::vector<double> count;  // exact below 2^53 paths per bucket
};

class Analysis {
public:
    // Index of a dimension value in the per-state arrays: 0..D-1 dimensions, D = weighted total.
    int dimensions() const { return m_dimensions; }
    std::size_t state_count() const { return m_states.size(); }
    std::uint32_t start_state() const { return 0; }
    const StateInfo& state(std::uint32_t s) const { return m_states[s]; }
    const std::int32_t* values(std::uint32_t s) const { return m_values.data() + static_cast<std::size_t>(s) * static_cast<std::size_t>(m_slots); }
    const Transition* transitions(std::uint32_t s) const { return &m_transitions[m_states[s].first_transition]; }

    // Envelope over complete paths from state s (excluding what was scored before s).
    double best(std::uint32_t s, int d) const { return m_best[index(s, d)]; }
    double worst(std::uint32_t s, int d) const { return m_worst[index(s, d)]; }
    bool complete(std::uint32_t s) const { return m_complete[s]; }  // some complete path exists
    // Expectimax on the weighted total: choices maximise, random branches average, loops are solved
    // as expected values (docs/scoring.md#loops).
    double value(std::uint32_t s) const { return m_value[s]; }
    // The lower end of the decision scale (docs/scoring.md#the-scale): the expected weighted total
    // from s of a trimmed pessimist, who takes the worst option at every decision but leaves out an
    // outlier (of 3+ options, one that loses more than twice as much as any other), so that one
    // extreme option cannot stretch the scale. Chance averaged as for value(); pessimist <= value.
    double pessimist(std::uint32_t s) const { return m_pessimist[s]; }
    // The expected total on dimension d (D = weighted) from s when the best line is played from s
    // on: the policy below at decisions, chance averaged. line(s, D) == value(s).
    double line(std::uint32_t s, int d) const { return m_line[index(s, d)]; }
    // At a decision state: the position k (in transitions(s)) of the best line's option, the first
    // with the highest q (inside loops, among those, the one nearest a way out); nullopt elsewhere.
    std::optional<std::uint32_t> policy(std::uint32_t s) const {
        if (m_policy.empty() || m_policy[s] == kNoPolicy) return std::nullopt;
        return m_policy[s];
    }
    // Score effects of the ending state s on d (D = weighted); 0 for any other state.
    double ending_reward(std::uint32_t s, int d) const;
    const BigCount& paths(std::uint32_t s) const { return m_paths[s]; }

    // Score effect of taking transition `t` out of state `s` on dimension d (D = weighted), including
    // the unsupported-assumption penalty the engine charges by rule.
    double reward(std::uint32_t s, const Transition& t, int d) const;
    // Value of a transition for decision quality: its reward on the weighted total + the target's
    // value. Inside a loop that gains points by repetition, gains on moves that stay in the loop do
    // not count here (gain_loop_nodes() names those loops).
    double q_value(std::uint32_t s, const Transition& t) const;
    // q on dimension d: the option's reward on d + the best line's expected total on d after it.
    double q_line(std::uint32_t s, const Transition& t, int d) const;
    // One node per loop of states in which a trainee gains weighted points by going round (SD3106).
    const std::vector<int>& gain_loop_nodes() const { return m_gain_loop_nodes; }

    // Finds the state for a node and values, or UINT32_MAX when not reachable.
    std::uint32_t find_state(int node, const std::int32_t* values) const;

    // At the start, per dimension (with AnalysisLimits::histograms). With loops in the state graph
    // they cover the loop-free paths only (has_loops() tells).
    const std::vector<Histogram>& histograms() const { return m_histograms; }
    bool has_loops() const { return m_has_loops; }
    const Scenario& scenario() const { return *m_scenario; }
    const std::shared_ptr<const Scenario>& scenario_ptr() const { return m_scenario; }
    double seconds() const { return m_seconds; }

private:
    friend class Analyser;
    std::size_t index(std::uint32_t s, int d) const { return static_cast<std::size_t>(s) * (m_dimensions + 1) + d; }

    std::shared_ptr<const Scenario> m_scenario;
    int m_dimensions = 0;
    int m_slots = 0;
    std::vector<StateInfo> m_states;
    std::vector<std::int32_t> m_values;
    std::vector<Transition> m_transitions;
    // Rewards: few distinct (choice, number of facts assumed) combinations, many transitions. Each
    // transition names its row of (dimensions + 1) values; row 0 is all zeros (random branches and
    // automatic continuations score nothing).
    std::vector<double> m_reward_table;
    std::vector<std::uint32_t> m_reward_rows;  // per transition
    bool m_has_loops = false;
    static constexpr std::uint32_t kNoPolicy = 0xFFFFFFFFu;
    std::vector<double> m_best, m_worst, m_value, m_pessimist, m_line;
    std::vector<std::uint32_t> m_policy;        // per state, kNoPolicy when not a decision
    std::vector<double> m_ending_table;          // per node, (dimensions + 1) values; empty = none
    std::vector<bool> m_value_clamped;           // per transition: gains ignored for q (empty = none)
    std::vector<int> m_gain_loop_nodes;
    std::vector<bool> m_complete;
    std::vector<BigCount> m_paths;
    std::vector<Histogram> m_histograms;
    std::vector<std::uint64_t> m_hash_table;  // open addressing: hash tag << 32 | state id + 1, 0 = empty
    int m_table_shift = 64;                   // a hash's home slot is hash >> m_table_shift
    double m_seconds = 0.0;
};

struct AnalysisResult {
    std::shared_ptr<const Analysis> analysis;  // null when the analysis could not finish
    Diagnostics diagnostics;                  // SD3xxx: limits, stuck states, rubric warnings
};

AnalysisResult analyse(std::shared_ptr<const Scenario> scenario, const AnalysisLimits& limits = {});
// The same analysis from another start (a playtest's node and values): state 0 is that start, so a
// playtest's debrief measures what could still be gained from there. Contract: the start fits the
// scenario (asserted).
AnalysisResult analyse_from(std::shared_ptr<const Scenario> scenario, StartPoint start, const AnalysisLimits& limits = {});

}  // namespace salesdojo
