// The exact state-space analyser: explore, condense loops, then fold values from the endings back.
#include <salesdojo/analysis.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace salesdojo {

namespace {
constexpr std::uint32_t kNoState = std::numeric_limits<std::uint32_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::uint64_t hash_state(int node, const std::int32_t* values, int slots) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ static_cast<std::uint64_t>(node);
    for (int i = 0; i < slots; ++i) {
        h ^= static_cast<std::uint32_t>(values[i]);
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
    }
    return h;
}
}  // namespace

class Analyser {
public:
    Analyser(std::shared_ptr<const Scenario> scenario, const AnalysisLimits& limits, Diagnostics& out)
        : m_limits(limits), m_out(out) {
        m_a = std::make_shared<Analysis>();
        m_a->m_scenario = std::move(scenario);
        m_s = m_a->m_scenario.get();
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
    std::uint32_t intern(int node, const std::int32_t* values) {
        const int slots = m_a->m_slots;
        auto& table = m_a->m_hash_table;
        if ((m_a->m_states.size() + 1) * 2 > table.size()) grow();
        std::size_t mask = table.size() - 1;
        for (std::size_t i = hash_state(node, values, slots) & mask;; i = (i + 1) & mask) {
            std::uint32_t entry = table[i];
            if (entry == 0) {
                auto id = static_cast<std::uint32_t>(m_a->m_states.size());
                table[i] = id + 1;
                m_a->m_states.push_back({node, 0, 0});
                m_a->m_values.insert(m_a->m_values.end(), values, values + slots);
                m_pending.push_back(id);
                return id;
            }
            std::uint32_t id = entry - 1;
            if (m_a->m_states[id].node == node &&
                std::equal(values, values + slots, m_a->m_values.begin() + static_cast<std::ptrdiff_t>(id) * slots))
                return id;
        }
    }

    void grow() {
        auto& table = m_a->m_hash_table;
        std::vector<std::uint32_t> bigger(std::max<std::size_t>(1024, table.size() * 2), 0);
        std::size_t mask = bigger.size() - 1;
        for (std::uint32_t id = 0; id < m_a->m_states.size(); ++id) {
            std::size_t i = hash_state(m_a->m_states[id].node, m_a->values(id), m_a->m_slots) & mask;
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = id + 1;
        }
        table.swap(bigger);
    }

    void add_transition(std::uint32_t from, int index, std::uint32_t target, double weight,
                        const Choice* choice, const std::int32_t* values) {
        m_a->m_transitions.push_back({index, target, weight});
        std::size_t base = m_rewards.size();
        m_rewards.resize(base + static_cast<std::size_t>(m_width), 0.0);
        (void)from;
        if (!choice) return;
        for (const auto& effect : choice->score) m_rewards[base + static_cast<std::size_t>(effect.dimension)] += effect.amount;
        if (m_s->assumption_dimension >= 0)
            for (int fact : choice->requires_facts)
                if (values[m_s->fact_slot(fact)] == 0)
                    m_rewards[base + static_cast<std::size_t>(m_s->assumption_dimension)] -= m_s->assumption_penalty;
        double weighted = 0.0;
        for (int d = 0; d < m_a->m_dimensions; ++d)
            weighted += m_s->dimensions[static_cast<std::size_t>(d)].weight * m_rewards[base + static_cast<std::size_t>(d)];
        m_rewards[base + static_cast<std::size_t>(m_a->m_dimensions)] = weighted;
    }

    bool explore() {
        const int slots = m_a->m_slots;
        std::vector<std::int32_t> start = m_s->initial_values();
        std::vector<std::int32_t> current(static_cast<std::size_t>(slots)), next(static_cast<std::size_t>(slots));
        intern(m_s->start, start.data());
        std::vector<bool> stuck_reported(m_s->nodes.size(), false);
        // States are processed in creation order, so each state's transitions are contiguous.
        for (std::uint32_t s = 0; s < m_a->m_states.size(); ++s) {
            if (m_a->m_states.size() > m_limits.max_states) {
                m_out.push_back({Severity::Error, "SD3001",
                    "the scenario has more than " + std::to_string(m_limits.max_states) +
                        " reachable states (node + variables + facts); the analyser stops here rather than guess. "
                        "Narrow the variables' ranges or split the scenario",
                    m_s->file, 0, 0, ""});
                return false;
            }
            std::copy(m_a->values(s), m_a->values(s) + slots, current.begin());
            const int node_index = m_a->m_states[s].node;
            const Node& node = m_s->nodes[static_cast<std::size_t>(node_index)];
            m_a->m_states[s].first_transition = static_cast<std::uint32_t>(m_a->m_transitions.size());
            switch (node.kind) {
                case NodeKind::Ending: break;
                case NodeKind::Continue:
                    add_transition(s, 0, intern(node.next, current.data()), 1.0, nullptr, current.data());
                    break;
                case NodeKind::Random: {
                    double total = 0.0;
                    for (const auto& r : node.random) total += r.weight;
                    for (std::size_t i = 0; i < node.random.size(); ++i)
                        add_transition(s, static_cast<int>(i), intern(node.random[i].next, current.data()),
                                       node.random[i].weight / total, nullptr, current.data());
                    break;
                }
                case NodeKind::Choices: {
                    for (std::size_t i = 0; i < node.choices.size(); ++i) {
                        const Choice& c = node.choices[i];
                        if (!c.condition.empty() && !c.condition.evaluate(current.data())) continue;
                        next = current;
                        apply_choice_effects(*m_s, c, next.data());
                        std::uint32_t target = intern(c.next, next.data());
                        add_transition(s, static_cast<int>(i), target, 1.0, &c, current.data());
                    }
                    if (m_a->m_transitions.size() == m_a->m_states[s].first_transition &&
                        !stuck_reported[static_cast<std::size_t>(node_index)]) {
                        stuck_reported[static_cast<std::size_t>(node_index)] = true;
                        m_out.push_back({Severity::Error, "SD3003",
                            "at node '" + node.id + "' a trainee can arrive in a situation where no choice is available "
                            "(every condition is false); add a choice without a condition or loosen one",
                            m_s->file, 0, 0, "/nodes/" + std::to_string(node_index)});
                    }
                    break;
                }
            }
            m_a->m_states[s].transition_count =
                static_cast<std::uint32_t>(m_a->m_transitions.size()) - m_a->m_states[s].first_transition;
        }
        m_pending.clear();
        return true;
    }

    // ----- folding values back from the endings, one strongly connected component at a time -----
    double reward(std::uint32_t transition, int d) const { return m_rewards[static_cast<std::size_t>(transition) * m_width + d]; }

    void init_values() {
        const std::size_t n = m_a->m_states.size();
        m_a->m_best.assign(n * static_cast<std::size_t>(m_width), -kInf);
        m_a->m_worst.assign(n * static_cast<std::size_t>(m_width), kInf);
        m_a->m_value.assign(n, -kInf);
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
            std::fill(best, best + m_width, 0.0);
            std::fill(worst, worst + m_width, 0.0);
            a.m_value[s] = 0.0;
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
        if (a.m_complete[s]) a.m_value[s] = random ? expected / weight_sum : best_value;
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
                m_out.push_back({Severity::Error, "SD3002",
                    "the scenario's loops are too intertwined to analyse exactly within " +
                        std::to_string(m_limits.max_loop_steps) + " steps; the analyser stops rather than guess. "
                        "Make loops change a variable or fact so they cannot repeat",
                    m_s->file, 0, 0, "/nodes/" + std::to_string(a.m_states[entry].node)});
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
        // Inside loops the decision value is the best case on the weighted total (documented).
        if (a.m_complete[entry]) a.m_value[entry] = best[m_width - 1];
        return true;
    }

    bool fold() {
        init_values();
        const auto n = static_cast<std::uint32_t>(m_a->m_states.size());
        m_in_path.assign(n, false);
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
                }
                ++components;
            }
        }
        if (!m_a->m_complete[0]) {
            m_out.push_back({Severity::Error, "SD3004", "no complete path leads from the start to an ending",
                             m_s->file, 0, 0, ""});
            return false;
        }
        m_a->m_rewards = std::move(m_rewards);
        return true;
    }

    // ----- histograms of complete-path totals at the start, per dimension -----
    void build_histograms() {
        // Successors first: the reverse of creation order is not topological with loops, so use
        // values recorded per state by a memoised walk in post-order (reuses the fold's guarantee
        // that every state is final). Loops are enumerated as in fold_loop_state.
        Analysis& a = *m_a;
        const auto n = static_cast<std::uint32_t>(a.m_states.size());
        const int dims = a.m_dimensions;
        std::vector<std::vector<Histogram>> per_state(n);
        std::vector<std::uint8_t> mark(n, 0);  // 0 new, 1 open, 2 done
        struct Frame { std::uint32_t state; std::uint32_t next; };
        std::vector<Frame> frames{{0, 0}};
        mark[0] = 1;
        auto add_shifted = [](Histogram& into, const Histogram& from, long long shift) {
            if (from.count.empty()) return;
            long long lo = from.min_total + shift;
            long long hi = lo + static_cast<long long>(from.count.size()) - 1;
            if (into.count.empty()) { into.min_total = lo; into.count.assign(from.count.size(), 0.0); }
            long long into_hi = into.min_total + static_cast<long long>(into.count.size()) - 1;
            if (lo < into.min_total) {
                into.count.insert(into.count.begin(), static_cast<std::size_t>(into.min_total - lo), 0.0);
                into.min_total = lo;
            }
            if (hi > into_hi) into.count.resize(static_cast<std::size_t>(hi - into.min_total + 1), 0.0);
            for (std::size_t i = 0; i < from.count.size(); ++i)
                into.count[static_cast<std::size_t>(lo - into.min_total) + i] += from.count[i];
        };
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
                for (auto& h : mine) h.count = {1.0};
                continue;
            }
            for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                std::uint32_t t = info.first_transition + k;
                std::uint32_t target = a.m_transitions[t].target;
                // target == s is a state looping to itself: not a simple path (and the same buffer).
                if (target == s || mark[target] != 2 || !a.m_complete[target]) continue;
                for (int d = 0; d < dims; ++d)
                    add_shifted(mine[static_cast<std::size_t>(d)], per_state[target][static_cast<std::size_t>(d)],
                                static_cast<long long>(std::llround(a.m_rewards[static_cast<std::size_t>(t) * m_width + d])));
            }
        }
        a.m_histograms = per_state[0];
    }

    AnalysisLimits m_limits;
    Diagnostics& m_out;
    std::shared_ptr<Analysis> m_a;
    const Scenario* m_s = nullptr;
    int m_width = 1;
    std::vector<double> m_rewards;
    std::vector<std::uint32_t> m_pending;
    std::vector<bool> m_in_path;
    std::size_t m_loop_steps = 0;
};

double Analysis::reward(std::uint32_t s, const Transition& t, int d) const {
    (void)s;
    auto t_index = static_cast<std::size_t>(&t - m_transitions.data());
    return m_rewards[t_index * static_cast<std::size_t>(m_dimensions + 1) + static_cast<std::size_t>(d)];
}

double Analysis::q_value(std::uint32_t s, const Transition& t) const {
    return reward(s, t, m_dimensions) + m_value[t.target];
}

std::uint32_t Analysis::find_state(int node, const std::int32_t* values) const {
    if (m_hash_table.empty()) return kNoState;
    std::size_t mask = m_hash_table.size() - 1;
    for (std::size_t i = hash_state(node, values, m_slots) & mask;; i = (i + 1) & mask) {
        std::uint32_t entry = m_hash_table[i];
        if (entry == 0) return kNoState;
        std::uint32_t id = entry - 1;
        if (m_states[id].node == node && std::equal(values, values + m_slots, this->values(id))) return id;
    }
}

AnalysisResult analyse(std::shared_ptr<const Scenario> scenario, const AnalysisLimits& limits) {
    AnalysisResult result;
    Analyser analyser(std::move(scenario), limits, result.diagnostics);
    result.analysis = analyser.run();
    return result;
}

}  // namespace salesdojo
