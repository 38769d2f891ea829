// The exact state-space analyser: explore, condense loops, then fold values from the endings back.
#include <salesdojo/analysis.hpp>
#include <salesdojo/diagnostic_descriptors.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace salesdojo {

namespace {
constexpr std::uint32_t kNoState = std::numeric_limits<std::uint32_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTie = 1e-9;         // values closer than this are equal (ties go to file order)
constexpr double kConverged = 1e-12;  // loop values: iterate until no value moves by more

std::uint64_t hash_state(int node, const std::int32_t* values, int slots) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ static_cast<std::uint64_t>(node);
    for (int i = 0; i < slots; ++i) {
        h ^= static_cast<std::uint32_t>(values[i]);
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
    }
    // A last round, so that the upper bits (the tag) depend on every input.
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    return h;
}

// Hash table entries: (upper 32 bits of the hash) << 32 | (state id + 1), 0 = empty. The home slot of
// an entry is given by the top bits of its hash (table_shift = 64 - log2(table size)), so growing the
// table needs no state's data: the tag holds the bits that place it.
constexpr std::uint64_t kTagMask = 0xFFFFFFFF00000000ULL;
std::uint64_t hash_tag(std::uint64_t hash) { return hash & kTagMask; }
int table_shift(std::size_t table_size) {
    int bits = 0;
    while ((std::size_t{1} << bits) < table_size) ++bits;
    return 64 - bits;
}
}  // namespace

class Analyser {
public:
    Analyser(std::shared_ptr<const Scenario> scenario, const AnalysisLimits& limits, Diagnostics& out,
             std::optional<StartPoint> start = std::nullopt)
        : m_limits(limits), m_out(out) {
        m_a = std::make_shared<Analysis>();
        m_a->m_scenario = std::move(scenario);
        m_s = m_a->m_scenario.get();
        m_start = start ? std::move(*start) : scenario_start(*m_s);
        m_a->m_dimensions = static_cast<int>(m_s->dimensions.size());
        m_a->m_slots = m_s->slot_count();
        m_width = m_a->m_dimensions + 1;
    }

    std::shared_ptr<Analysis> run() {
        auto started = std::chrono::steady_clock::now();
        if (!explore()) return nullptr;
        if (!fold()) return nullptr;
        if (m_limits.histograms) build_histograms();
        m_a->m_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return m_a;
    }

private:
    // ----- exploration -----
    // The hash table holds (upper 32 bits of the hash) << 32 | (state id + 1), 0 = empty: a probe that
    // meets another state's entry is told apart by the tag without touching that state's data.
    std::uint32_t intern(int node, const std::int32_t* values) {
        const int slots = m_a->m_slots;
        auto& table = m_a->m_hash_table;
        if ((m_a->m_states.size() + 1) * 2 > table.size()) grow();
        const std::size_t mask = table.size() - 1;
        const std::uint64_t hash = hash_state(node, values, slots);
        const std::uint64_t tag = hash_tag(hash);
        for (std::size_t i = static_cast<std::size_t>(hash >> m_table_shift);; i = (i + 1) & mask) {
            const std::uint64_t entry = table[i];
            if (entry == 0) {
                auto id = static_cast<std::uint32_t>(m_a->m_states.size());
                table[i] = tag | (static_cast<std::uint64_t>(id) + 1);
                m_a->m_states.push_back({node, 0, 0});
                m_a->m_values.insert(m_a->m_values.end(), values, values + slots);
                return id;
            }
            if ((entry & kTagMask) != tag) continue;
            const auto id = static_cast<std::uint32_t>(entry) - 1;
            if (m_a->m_states[id].node == node &&
                std::equal(values, values + slots, m_a->m_values.begin() + static_cast<std::ptrdiff_t>(id) * slots))
                return id;
        }
    }

    // Doubles the table. Entries are placed by their tags alone, and visiting the old table in order
    // writes the new one almost in order (an entry's home slot i becomes 2i or 2i + 1).
    void grow() {
        auto& table = m_a->m_hash_table;
        std::vector<std::uint64_t> bigger(std::max<std::size_t>(1024, table.size() * 2), 0);
        const std::size_t mask = bigger.size() - 1;
        const int shift = table_shift(bigger.size());
        for (const std::uint64_t entry : table) {
            if (entry == 0) continue;
            std::size_t i = static_cast<std::size_t>(entry >> shift);
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = entry;
        }
        table.swap(bigger);
        m_table_shift = shift;
        m_a->m_table_shift = shift;
    }

    // The reward row of a choice taken with `assumed` of its required facts not yet known: the score
    // effects, the assumption penalty once per such fact, and the weighted total, computed in the
    // same order as the engine and the scoring do. Rows are made on first use and shared.
    std::uint32_t reward_row(int node, std::size_t choice_index, std::size_t assumed) {
        const Choice& choice = m_s->nodes[static_cast<std::size_t>(node)].choices[choice_index];
        std::uint32_t& first = m_first_row[static_cast<std::size_t>(m_choice_base[static_cast<std::size_t>(node)]) + choice_index];
        if (first == 0) {  // rows for 0 .. requires_facts.size() assumed facts, made together
            first = static_cast<std::uint32_t>(m_a->m_reward_table.size() / static_cast<std::size_t>(m_width));
            for (std::size_t k = 0; k <= choice.requires_facts.size(); ++k) {
                const std::size_t base = m_a->m_reward_table.size();
                m_a->m_reward_table.resize(base + static_cast<std::size_t>(m_width), 0.0);
                double* row = &m_a->m_reward_table[base];
                for (const auto& effect : choice.score) row[effect.dimension] += effect.amount;
                if (const auto charged = m_s->assumption_dimension)
                    for (std::size_t i = 0; i < k; ++i) row[*charged] -= m_s->assumption_penalty;
                double weighted = 0.0;
                for (int d = 0; d < m_a->m_dimensions; ++d)
                    weighted += m_s->dimensions[static_cast<std::size_t>(d)].weight * row[d];
                row[m_a->m_dimensions] = weighted;
            }
        }
        return first + static_cast<std::uint32_t>(assumed);
    }

    void add_transition(int index, std::uint32_t target, double weight, std::uint32_t row) {
        m_a->m_transitions.push_back({index, target, weight});
        m_a->m_reward_rows.push_back(row);
    }

    void prepare_rewards() {
        m_a->m_reward_table.assign(static_cast<std::size_t>(m_width), 0.0);  // row 0: no reward
        m_choice_base.resize(m_s->nodes.size() + 1);
        std::uint32_t total = 0;
        for (std::size_t i = 0; i < m_s->nodes.size(); ++i) {
            m_choice_base[i] = total;
            total += static_cast<std::uint32_t>(m_s->nodes[i].choices.size());
        }
        m_choice_base[m_s->nodes.size()] = total;
        m_first_row.assign(total, 0);
        // Endings' own score effects (docs/scoring.md#what-a-choice-scores), one row per node.
        for (std::size_t i = 0; i < m_s->nodes.size(); ++i) {
            const Node& node = m_s->nodes[i];
            if (node.kind != NodeKind::Ending || node.ending.score.empty()) continue;
            if (m_a->m_ending_table.empty()) m_a->m_ending_table.assign(m_s->nodes.size() * static_cast<std::size_t>(m_width), 0.0);
            double* row = &m_a->m_ending_table[i * static_cast<std::size_t>(m_width)];
            for (const auto& effect : node.ending.score) row[effect.dimension] += effect.amount;
            double weighted = 0.0;
            for (int d = 0; d < m_a->m_dimensions; ++d) weighted += m_s->dimensions[static_cast<std::size_t>(d)].weight * row[d];
            row[m_a->m_dimensions] = weighted;
        }
    }

    bool explore() {
        const int slots = m_a->m_slots;
        prepare_rewards();
        std::vector<std::int32_t> current(static_cast<std::size_t>(slots)), next(static_cast<std::size_t>(slots));
        intern(m_start.node, m_start.values.data());
        std::vector<bool> stuck_reported(m_s->nodes.size(), false);
        // States are processed in creation order, so each state's transitions are contiguous.
        for (std::uint32_t s = 0; s < m_a->m_states.size(); ++s) {
            if (m_a->m_states.size() > m_limits.max_states) {
                m_out.push_back(make_diagnostic(DiagnosticId::TooManyStates, {std::to_string(m_limits.max_states)}, m_s->file));
                return false;
            }
            std::copy(m_a->values(s), m_a->values(s) + slots, current.begin());
            const int node_index = m_a->m_states[s].node;
            const Node& node = m_s->nodes[static_cast<std::size_t>(node_index)];
            m_a->m_states[s].first_transition = static_cast<std::uint32_t>(m_a->m_transitions.size());
            switch (node.kind) {
                case NodeKind::Ending: break;
                case NodeKind::Continue:
                    add_transition(0, intern(*node.next, current.data()), 1.0, 0);
                    break;
                case NodeKind::Random: {
                    double total = 0.0;
                    for (const auto& r : node.random) total += r.weight;
                    for (std::size_t i = 0; i < node.random.size(); ++i)
                        add_transition(static_cast<int>(i), intern(*node.random[i].next, current.data()),
                                       node.random[i].weight / total, 0);
                    break;
                }
                case NodeKind::Choices: {
                    for (std::size_t i = 0; i < node.choices.size(); ++i) {
                        const Choice& c = node.choices[i];
                        if (!c.condition.empty() && !c.condition.evaluate(current.data())) continue;
                        next = current;
                        apply_choice_effects(*m_s, c, next.data());
                        std::uint32_t target = intern(*c.next, next.data());
                        std::size_t assumed = 0;
                        for (int fact : c.requires_facts) assumed += current[static_cast<std::size_t>(m_s->fact_slot(fact))] == 0 ? 1 : 0;
                        add_transition(static_cast<int>(i), target, 1.0, reward_row(node_index, i, assumed));
                    }
                    if (m_a->m_transitions.size() == m_a->m_states[s].first_transition &&
                        !stuck_reported[static_cast<std::size_t>(node_index)]) {
                        stuck_reported[static_cast<std::size_t>(node_index)] = true;
                        m_out.push_back(make_diagnostic(DiagnosticId::NoChoiceAvailable, {node.id}, m_s->file,
                                                        "/nodes/" + std::to_string(node_index)));
                    }
                    break;
                }
            }
            m_a->m_states[s].transition_count =
                static_cast<std::uint32_t>(m_a->m_transitions.size()) - m_a->m_states[s].first_transition;
        }
        return true;
    }

    // ----- folding values back from the endings, one strongly connected component at a time -----
    double reward(std::uint32_t transition, int d) const {
        return m_a->m_reward_table[static_cast<std::size_t>(m_a->m_reward_rows[transition]) * static_cast<std::size_t>(m_width) + static_cast<std::size_t>(d)];
    }

    void init_values() {
        const std::size_t n = m_a->m_states.size();
        m_a->m_best.assign(n * static_cast<std::size_t>(m_width), -kInf);
        m_a->m_worst.assign(n * static_cast<std::size_t>(m_width), kInf);
        m_a->m_value.assign(n, -kInf);
        m_a->m_pessimist.assign(n, -kInf);
        m_a->m_line.assign(n * static_cast<std::size_t>(m_width), 0.0);
        m_a->m_policy.assign(n, Analysis::kNoPolicy);
        m_a->m_complete.assign(n, false);
        m_a->m_paths.assign(n, BigCount());
    }

    // Fold a state whose successors are all final (a state outside any loop).
    void fold_state(std::uint32_t s) {
        Analysis& a = *m_a;
        const StateInfo& info = a.m_states[s];
        const Node& node = m_s->nodes[static_cast<std::size_t>(info.node)];
        double* best = &a.m_best[a.index(s, 0)];
        double* worst = &a.m_worst[a.index(s, 0)];
        if (node.kind == NodeKind::Ending) {
            for (int d = 0; d < m_width; ++d) best[d] = worst[d] = a.m_line[a.index(s, d)] = a.ending_reward(s, d);
            a.m_value[s] = a.m_pessimist[s] = a.ending_reward(s, m_width - 1);
            a.m_complete[s] = true;
            a.m_paths[s] = BigCount(1);
            return;
        }
        bool random = node.kind == NodeKind::Random;
        double expected = 0.0, weight_sum = 0.0, best_value = -kInf;
        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
            std::uint32_t t = info.first_transition + k;
            const Transition& tr = a.m_transitions[t];
            if (!a.m_complete[tr.target]) continue;
            a.m_complete[s] = true;
            a.m_paths[s] += a.m_paths[tr.target];
            for (int d = 0; d < m_width; ++d) {
                best[d] = std::max(best[d], reward(t, d) + a.best(tr.target, d));
                worst[d] = std::min(worst[d], reward(t, d) + a.worst(tr.target, d));
            }
            double q = reward(t, m_width - 1) + a.m_value[tr.target];
            expected += tr.weight * q;
            weight_sum += tr.weight;
            best_value = std::max(best_value, q);
        }
        if (!a.m_complete[s]) return;
        a.m_value[s] = random ? expected / weight_sum : best_value;
        a.m_pessimist[s] = pessimist_of(s, random, [&](std::uint32_t t) { return reward(t, m_width - 1); });
        if (!random) {  // the best line's option: the first with the highest q
            for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                const Transition& tr = a.m_transitions[info.first_transition + k];
                if (a.m_complete[tr.target] && reward(info.first_transition + k, m_width - 1) + a.m_value[tr.target] >= best_value - kTie) {
                    a.m_policy[s] = k;
                    break;
                }
            }
        }
        line_of(s, random);
    }

    // The trimmed pessimist's value at s from its successors' (Analysis::pessimist, docs/scoring.md#the-scale):
    // chance averaged; at a decision the lowest q_P (reward + P of the target), leaving out an outlier.
    // An outlier is judged on the final values (q = reward + V), so the choice of options is fixed
    // before P is iterated inside loops: with three or more options, the option with the largest
    // loss is one when that loss is more than twice the next largest loss, which is above 0.
    template <typename Reward>
    double pessimist_of(std::uint32_t s, bool random, Reward&& weighted_reward) {
        Analysis& a = *m_a;
        const StateInfo& info = a.m_states[s];
        double expected = 0.0, weight_sum = 0.0, best_q = -kInf;
        int options = 0;
        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
            const std::uint32_t t = info.first_transition + k;
            const Transition& tr = a.m_transitions[t];
            if (!a.m_complete[tr.target]) continue;
            expected += tr.weight * (weighted_reward(t) + a.m_pessimist[tr.target]);
            weight_sum += tr.weight;
            best_q = std::max(best_q, weighted_reward(t) + a.m_value[tr.target]);
            ++options;
        }
        if (random) return expected / weight_sum;
        double largest = -kInf, next_largest = -kInf;  // losses against the best q
        std::uint32_t outlier = kNoState;
        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
            const std::uint32_t t = info.first_transition + k;
            const Transition& tr = a.m_transitions[t];
            if (!a.m_complete[tr.target]) continue;
            const double loss = best_q - (weighted_reward(t) + a.m_value[tr.target]);
            if (loss > largest + kTie) { next_largest = largest; largest = loss; outlier = k; }
            else next_largest = std::max(next_largest, loss);
        }
        const bool trim = options >= 3 && next_largest > kTie && largest > 2.0 * next_largest + kTie;
        double lowest = kInf;
        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
            const std::uint32_t t = info.first_transition + k;
            const Transition& tr = a.m_transitions[t];
            if (!a.m_complete[tr.target] || (trim && k == outlier)) continue;
            lowest = std::min(lowest, weighted_reward(t) + a.m_pessimist[tr.target]);
        }
        return lowest;
    }

    // The best line's expected totals from s, from its successors' (policy evaluation, one step).
    double line_of(std::uint32_t s, bool random) {
        Analysis& a = *m_a;
        const StateInfo& info = a.m_states[s];
        double* line = &a.m_line[a.index(s, 0)];
        double change = 0.0;
        for (int d = 0; d < m_width; ++d) {
            double total = 0.0, weight_sum = 0.0;
            for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                if (!random && k != a.m_policy[s]) continue;
                const std::uint32_t t = info.first_transition + k;
                const Transition& tr = a.m_transitions[t];
                if (!a.m_complete[tr.target]) continue;
                total += tr.weight * (reward(t, d) + a.m_line[a.index(tr.target, d)]);
                weight_sum += tr.weight;
            }
            const double updated = weight_sum > 0.0 ? total / weight_sum : 0.0;
            change = std::max(change, std::fabs(updated - line[d]));
            line[d] = updated;
        }
        return change;
    }

    // The decision values inside one loop (a strongly connected group of states), as expected
    // values: value iteration of V(s) = max over options (average over branches) of reward + V(next),
    // from below, until nothing changes by more than kConverged. Going round a loop that gains
    // points would make this grow without end, so such a loop is recorded (SD3106) and its gains on
    // moves that stay inside count as 0 here. Then the best line's option per decision (among the
    // best, the one nearest a way out, so that the line leaves the loop) and its expected totals.
    bool solve_loop(const std::vector<std::uint32_t>& members, const std::vector<std::uint32_t>& component_of, std::uint32_t component) {
        Analysis& a = *m_a;
        const int w = m_width - 1;
        if (!a.m_complete[members.front()]) return true;  // members reach each other: all or none complete
        auto inside = [&](std::uint32_t target) { return component_of[target] == component; };
        auto kind = [&](std::uint32_t s) { return m_s->nodes[static_cast<std::size_t>(a.m_states[s].node)].kind; };
        auto budget = [&](std::size_t steps) {
            m_loop_steps += steps;
            if (m_loop_steps <= m_limits.max_loop_steps) return true;
            m_out.push_back(make_diagnostic(DiagnosticId::LoopsTooIntertwined, {std::to_string(m_limits.max_loop_steps)},
                m_s->file, "/nodes/" + std::to_string(a.m_states[members.front()].node)));
            return false;
        };
        // 1. A cycle with a positive weighted total: longest-path relaxation that still improves
        //    after as many rounds as there are states.
        for (std::uint32_t s : members) m_scratch[s] = 0.0;
        std::uint32_t gaining = kNoState;
        for (std::size_t round = 0; round <= members.size(); ++round) {
            gaining = kNoState;
            for (std::uint32_t s : members) {
                const StateInfo& info = a.m_states[s];
                if (!budget(info.transition_count)) return false;
                for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                    const std::uint32_t t = info.first_transition + k;
                    const std::uint32_t target = a.m_transitions[t].target;
                    if (!inside(target) || m_scratch[s] + reward(t, w) <= m_scratch[target] + kTie) continue;
                    m_scratch[target] = m_scratch[s] + reward(t, w);
                    gaining = target;
                }
            }
            if (gaining == kNoState) break;
        }
        if (gaining != kNoState) {
            const int node = a.m_states[gaining].node;
            if (std::find(a.m_gain_loop_nodes.begin(), a.m_gain_loop_nodes.end(), node) == a.m_gain_loop_nodes.end())
                a.m_gain_loop_nodes.push_back(node);
            if (a.m_value_clamped.empty()) a.m_value_clamped.assign(a.m_transitions.size(), false);
            for (std::uint32_t s : members) {
                const StateInfo& info = a.m_states[s];
                for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                    const std::uint32_t t = info.first_transition + k;
                    if (inside(a.m_transitions[t].target) && reward(t, w) > 0.0) a.m_value_clamped[t] = true;
                }
            }
        }
        auto value_reward = [&](std::uint32_t t) {
            return !a.m_value_clamped.empty() && a.m_value_clamped[t] ? 0.0 : reward(t, w);
        };
        // 2. Value iteration from the lowest simple-path total of the loop.
        double start = kInf;
        for (std::uint32_t s : members) start = std::min(start, a.worst(s, w));
        for (std::uint32_t s : members) a.m_value[s] = start;
        for (double change = kInf; change > kConverged;) {
            change = 0.0;
            for (std::uint32_t s : members) {
                const StateInfo& info = a.m_states[s];
                if (!budget(info.transition_count)) return false;
                const bool random = kind(s) == NodeKind::Random;
                double expected = 0.0, weight_sum = 0.0, best_value = -kInf;
                for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                    const std::uint32_t t = info.first_transition + k;
                    const Transition& tr = a.m_transitions[t];
                    if (!a.m_complete[tr.target]) continue;
                    const double q = value_reward(t) + a.m_value[tr.target];
                    expected += tr.weight * q;
                    weight_sum += tr.weight;
                    best_value = std::max(best_value, q);
                }
                const double updated = random ? expected / weight_sum : best_value;
                change = std::max(change, std::fabs(updated - a.m_value[s]));
                a.m_value[s] = updated;
            }
        }
        // 2b. The trimmed pessimist, the same way, from below: never below a state's own worst simple
        //     path or its value, whichever is lower (a pessimist who goes round losing points would
        //     otherwise sink without end; chance that forces rounds can take the value below the
        //     worst simple path), and never above its value.
        auto floor_of = [&](std::uint32_t s) { return std::min(a.worst(s, w), a.m_value[s]); };
        double lowest_floor = kInf;
        for (std::uint32_t s : members) lowest_floor = std::min(lowest_floor, floor_of(s));
        for (std::uint32_t s : members) a.m_pessimist[s] = lowest_floor;
        for (double change = kInf; change > kConverged;) {
            change = 0.0;
            for (std::uint32_t s : members) {
                if (!budget(a.m_states[s].transition_count)) return false;
                const double updated = std::max(floor_of(s), pessimist_of(s, kind(s) == NodeKind::Random, value_reward));
                change = std::max(change, std::fabs(updated - a.m_pessimist[s]));
                a.m_pessimist[s] = updated;
            }
        }
        for (std::uint32_t s : members) a.m_pessimist[s] = std::min(a.m_pessimist[s], a.m_value[s]);
        // 3. Steps to a way out along best options (random nodes: the nearest branch), then the policy.
        for (std::uint32_t s : members) m_scratch[s] = kInf;
        auto is_best = [&](std::uint32_t s, std::uint32_t t) {
            return a.m_complete[a.m_transitions[t].target] && value_reward(t) + a.m_value[a.m_transitions[t].target] >= a.m_value[s] - kTie;
        };
        for (bool changed = true; changed;) {
            changed = false;
            for (std::uint32_t s : members) {
                const StateInfo& info = a.m_states[s];
                if (!budget(info.transition_count)) return false;
                const bool random = kind(s) == NodeKind::Random;
                for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                    const std::uint32_t t = info.first_transition + k;
                    const std::uint32_t target = a.m_transitions[t].target;
                    if (!a.m_complete[target] || (!random && !is_best(s, t))) continue;
                    const double steps = inside(target) ? 1.0 + m_scratch[target] : 0.0;
                    if (steps < m_scratch[s]) { m_scratch[s] = steps; changed = true; }
                }
            }
        }
        for (std::uint32_t s : members) {
            if (kind(s) == NodeKind::Random) continue;
            const StateInfo& info = a.m_states[s];
            double nearest = kInf;
            for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                const std::uint32_t t = info.first_transition + k;
                const std::uint32_t target = a.m_transitions[t].target;
                if (!is_best(s, t)) continue;
                const double steps = inside(target) ? 1.0 + m_scratch[target] : 0.0;
                if (steps < nearest) { nearest = steps; a.m_policy[s] = k; }
            }
        }
        // 4. The best line's expected totals: iterate the policy until nothing changes.
        for (double change = kInf; change > kConverged;) {
            change = 0.0;
            for (std::uint32_t s : members) {
                if (!budget(a.m_states[s].transition_count)) return false;
                change = std::max(change, line_of(s, kind(s) == NodeKind::Random));
            }
        }
        return true;
    }

    // A state inside a loop: enumerate the simple paths that stay inside its component, and fold
    // every way out (an edge leaving the component, whose target is final already).
    bool fold_loop_state(std::uint32_t entry, const std::vector<std::uint32_t>& component_of, std::uint32_t component) {
        Analysis& a = *m_a;
        std::vector<double> accumulated(static_cast<std::size_t>(m_width), 0.0);
        double* best = &a.m_best[a.index(entry, 0)];
        double* worst = &a.m_worst[a.index(entry, 0)];
        struct Frame { std::uint32_t state; std::uint32_t next; };
        std::vector<Frame> stack{{entry, 0}};
        std::vector<std::uint32_t> on_path{entry};
        std::vector<std::uint32_t> edge_stack;
        m_in_path[entry] = true;
        while (!stack.empty()) {
            if (++m_loop_steps > m_limits.max_loop_steps) {
                m_out.push_back(make_diagnostic(DiagnosticId::LoopsTooIntertwined, {std::to_string(m_limits.max_loop_steps)},
                    m_s->file, "/nodes/" + std::to_string(a.m_states[entry].node)));
                return false;
            }
            Frame& f = stack.back();
            const StateInfo& info = a.m_states[f.state];
            if (f.next >= info.transition_count) {
                m_in_path[f.state] = false;
                stack.pop_back();
                if (!edge_stack.empty()) {
                    std::uint32_t t = edge_stack.back();
                    edge_stack.pop_back();
                    for (int d = 0; d < m_width; ++d) accumulated[static_cast<std::size_t>(d)] -= reward(t, d);
                }
                continue;
            }
            std::uint32_t t = info.first_transition + f.next++;
            std::uint32_t target = a.m_transitions[t].target;
            if (component_of[target] == component) {
                if (m_in_path[target]) continue;  // a repeated state: not a path
                m_in_path[target] = true;
                edge_stack.push_back(t);
                for (int d = 0; d < m_width; ++d) accumulated[static_cast<std::size_t>(d)] += reward(t, d);
                stack.push_back({target, 0});
                continue;
            }
            if (!a.m_complete[target]) continue;
            a.m_complete[entry] = true;
            a.m_paths[entry] += a.m_paths[target];
            for (int d = 0; d < m_width; ++d) {
                double base = accumulated[static_cast<std::size_t>(d)] + reward(t, d);
                best[d] = std::max(best[d], base + a.best(target, d));
                worst[d] = std::min(worst[d], base + a.worst(target, d));
            }
        }
        return true;
    }

    bool fold() {
        init_values();
        const auto n = static_cast<std::uint32_t>(m_a->m_states.size());
        // Fast path: states are numbered in the order the exploration found them, so when every
        // transition leads to a later-numbered state there is no loop, and folding in reverse
        // numbering is folding successors first. Each state's values depend only on its successors'
        // final values, so this gives exactly what the component search below gives, without its
        // random walk over the whole graph.
        bool forward = true;
        for (std::uint32_t s = 0; s < n && forward; ++s) {
            const StateInfo& info = m_a->m_states[s];
            const Transition* transitions = m_a->m_transitions.data() + info.first_transition;
            for (std::uint32_t k = 0; k < info.transition_count; ++k)
                if (transitions[k].target <= s) { forward = false; break; }
        }
        if (forward) {
            for (std::uint32_t s = n; s-- > 0;) fold_state(s);
            return finish_fold();
        }
        m_in_path.assign(n, false);
        m_scratch.assign(n, 0.0);
        // Iterative Tarjan: components come out in reverse topological order (successors first).
        std::vector<std::uint32_t> index(n, kNoState), low(n, 0), component_of(n, kNoState), stack;
        std::vector<bool> on_stack(n, false);
        struct Frame { std::uint32_t state; std::uint32_t next; };
        std::vector<Frame> frames;
        std::uint32_t counter = 0, components = 0;
        std::vector<std::uint32_t> members;
        for (std::uint32_t root = 0; root < n; ++root) {
            if (index[root] != kNoState) continue;
            frames.push_back({root, 0});
            index[root] = low[root] = counter++;
            stack.push_back(root);
            on_stack[root] = true;
            while (!frames.empty()) {
                Frame& f = frames.back();
                const StateInfo& info = m_a->m_states[f.state];
                if (f.next < info.transition_count) {
                    std::uint32_t w = m_a->m_transitions[info.first_transition + f.next++].target;
                    if (index[w] == kNoState) {
                        index[w] = low[w] = counter++;
                        stack.push_back(w);
                        on_stack[w] = true;
                        frames.push_back({w, 0});
                    } else if (on_stack[w]) {
                        low[f.state] = std::min(low[f.state], index[w]);
                    }
                    continue;
                }
                std::uint32_t v = f.state;
                frames.pop_back();
                if (!frames.empty()) low[frames.back().state] = std::min(low[frames.back().state], low[v]);
                if (low[v] != index[v]) continue;
                members.clear();
                std::uint32_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component_of[w] = components;
                    members.push_back(w);
                } while (w != v);
                bool loop = members.size() > 1;
                if (!loop) {
                    const StateInfo& only = m_a->m_states[v];
                    for (std::uint32_t k = 0; k < only.transition_count; ++k)
                        loop = loop || m_a->m_transitions[only.first_transition + k].target == v;
                }
                if (!loop) {
                    fold_state(v);
                } else {
                    m_a->m_has_loops = true;
                    for (std::uint32_t member : members)
                        if (!fold_loop_state(member, component_of, components)) return false;
                    if (!solve_loop(members, component_of, components)) return false;
                }
                ++components;
            }
        }
        return finish_fold();
    }

    bool finish_fold() {
        if (!m_a->m_complete[0]) {
            m_out.push_back(make_diagnostic(DiagnosticId::NoCompletePath, {}, m_s->file));
            return false;
        }
        return true;
    }

    // ----- histograms of complete-path totals at the start, per dimension -----
    void build_histograms() {
        // Successors first: the reverse of creation order is not topological with loops, so use
        // values recorded per state by a memoised walk in post-order (reuses the fold's guarantee
        // that every state is final). Loops are enumerated as in fold_loop_state.
        //
        // Memory: a state's histograms are needed only until every transition into it has been
        // looked at by its source (each source is finished exactly once), so they are freed then;
        // only the histograms still awaited by an unfinished state are alive at any time.
        Analysis& a = *m_a;
        const auto n = static_cast<std::uint32_t>(a.m_states.size());
        const int dims = a.m_dimensions;
        std::vector<std::uint32_t> awaited(n, 0);  // transitions into the state not yet looked at
        for (const Transition& t : a.m_transitions) ++awaited[t.target];
        std::vector<std::vector<Histogram>> per_state(n);
        auto release = [&](std::uint32_t s) {
            if (s != 0) std::vector<Histogram>().swap(per_state[s]);
        };
        std::vector<std::uint8_t> mark(n, 0);  // 0 new, 1 open, 2 done
        struct Frame { std::uint32_t state; std::uint32_t next; };
        std::vector<Frame> frames{{0, 0}};
        mark[0] = 1;
        while (!frames.empty()) {
            Frame& f = frames.back();
            const StateInfo& info = a.m_states[f.state];
            if (f.next < info.transition_count) {
                std::uint32_t target = a.m_transitions[info.first_transition + f.next++].target;
                if (mark[target] == 0) { mark[target] = 1; frames.push_back({target, 0}); }
                continue;  // an open target is a loop: its paths are not simple from here (skipped)
            }
            std::uint32_t s = f.state;
            frames.pop_back();
            mark[s] = 2;
            auto& mine = per_state[s];
            mine.assign(static_cast<std::size_t>(dims), Histogram{});
            if (m_s->nodes[static_cast<std::size_t>(info.node)].kind == NodeKind::Ending) {
                for (int d = 0; d < dims; ++d) {
                    mine[static_cast<std::size_t>(d)].count = {1.0};
                    mine[static_cast<std::size_t>(d)].min_total = std::llround(a.ending_reward(s, d));
                }
            } else {
                // target == s is a state looping to itself: not a simple path (and the same buffer).
                auto contributes = [&](std::uint32_t target) {
                    return target != s && mark[target] == 2 && a.m_complete[target];
                };
                for (int d = 0; d < dims; ++d) {
                    // Calls f(successor's histogram, its lowest total shifted by the reward) for each
                    // contributing successor, in transition order.
                    auto each_successor = [&](auto&& f) {
                        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                            const std::uint32_t t = info.first_transition + k;
                            const std::uint32_t target = a.m_transitions[t].target;
                            if (!contributes(target)) continue;
                            const Histogram& from = per_state[target][static_cast<std::size_t>(d)];
                            if (from.count.empty()) continue;
                            f(from, from.min_total + std::llround(reward(t, d)));
                        }
                    };
                    // The range first (the union of the successors' shifted ranges), then the counts.
                    long long lo = 0, hi = -1;
                    each_successor([&](const Histogram& from, long long from_lo) {
                        const long long from_hi = from_lo + static_cast<long long>(from.count.size()) - 1;
                        if (hi < lo) { lo = from_lo; hi = from_hi; }
                        else { lo = std::min(lo, from_lo); hi = std::max(hi, from_hi); }
                    });
                    if (hi < lo) continue;
                    Histogram& into = mine[static_cast<std::size_t>(d)];
                    into.min_total = lo;
                    into.count.assign(static_cast<std::size_t>(hi - lo + 1), 0.0);
                    each_successor([&](const Histogram& from, long long from_lo) {
                        double* out = into.count.data() + (from_lo - lo);
                        for (std::size_t i = 0; i < from.count.size(); ++i) out[i] += from.count[i];
                    });
                }
            }
            for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                const std::uint32_t target = a.m_transitions[info.first_transition + k].target;
                if (--awaited[target] == 0 && target != s && mark[target] == 2) release(target);
            }
            if (awaited[s] == 0) release(s);  // nobody will read it (or all who would have, did)
        }
        a.m_histograms = per_state[0];
    }

    AnalysisLimits m_limits;
    StartPoint m_start;  // state 0
    Diagnostics& m_out;
    std::shared_ptr<Analysis> m_a;
    const Scenario* m_s = nullptr;
    int m_width = 1;
    int m_table_shift = 64;                     // see table_shift(); set by grow()
    std::vector<std::uint32_t> m_choice_base;   // per node: index of its first choice among all choices
    std::vector<std::uint32_t> m_first_row;     // per choice: its first reward row, 0 = not made yet
    std::vector<bool> m_in_path;
    std::vector<double> m_scratch;  // per state, for solve_loop
    std::size_t m_loop_steps = 0;
};

double Analysis::reward(std::uint32_t s, const Transition& t, int d) const {
    (void)s;
    auto t_index = static_cast<std::size_t>(&t - m_transitions.data());
    return m_reward_table[static_cast<std::size_t>(m_reward_rows[t_index]) * static_cast<std::size_t>(m_dimensions + 1) +
                          static_cast<std::size_t>(d)];
}

double Analysis::q_value(std::uint32_t s, const Transition& t) const {
    const auto t_index = static_cast<std::size_t>(&t - m_transitions.data());
    const double r = reward(s, t, m_dimensions);
    return (!m_value_clamped.empty() && m_value_clamped[t_index] ? 0.0 : r) + m_value[t.target];
}

double Analysis::q_line(std::uint32_t s, const Transition& t, int d) const {
    return reward(s, t, d) + line(t.target, d);
}

double Analysis::ending_reward(std::uint32_t s, int d) const {
    if (m_ending_table.empty()) return 0.0;
    return m_ending_table[static_cast<std::size_t>(m_states[s].node) * static_cast<std::size_t>(m_dimensions + 1) + static_cast<std::size_t>(d)];
}

std::uint32_t Analysis::find_state(int node, const std::int32_t* values) const {
    if (m_hash_table.empty()) return kNoState;
    std::size_t mask = m_hash_table.size() - 1;
    const std::uint64_t hash = hash_state(node, values, m_slots);
    for (std::size_t i = static_cast<std::size_t>(hash >> m_table_shift);; i = (i + 1) & mask) {
        const std::uint64_t entry = m_hash_table[i];
        if (entry == 0) return kNoState;
        if ((entry & kTagMask) != hash_tag(hash)) continue;
        const auto id = static_cast<std::uint32_t>(entry) - 1;
        if (m_states[id].node == node && std::equal(values, values + m_slots, this->values(id))) return id;
    }
}

AnalysisResult analyse(std::shared_ptr<const Scenario> scenario, const AnalysisLimits& limits) {
    AnalysisResult result;
    Analyser analyser(std::move(scenario), limits, result.diagnostics);
    result.analysis = analyser.run();
    return result;
}

AnalysisResult analyse_from(std::shared_ptr<const Scenario> scenario, StartPoint start, const AnalysisLimits& limits) {
    AnalysisResult result;
    const bool fits = scenario && start.node >= 0 && static_cast<std::size_t>(start.node) < scenario->nodes.size() &&
                      start.values.size() == static_cast<std::size_t>(scenario->slot_count());
    if (!fits) throw std::logic_error("analyse_from called with a start that does not fit the scenario");
    Analyser analyser(std::move(scenario), limits, result.diagnostics, std::move(start));
    result.analysis = analyser.run();
    return result;
}

}  // namespace salesdojo
