#include <salesdojo/analysis_report.hpp>
#include <salesdojo/diagnostic_descriptors.hpp>
#include <salesdojo/scoring.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace salesdojo {
namespace {

constexpr double kEpsilon = 1e-9;

std::string node_pointer(int node) { return "/nodes/" + std::to_string(node); }

// A complete path whose total on dimension d is the envelope's best (or worst) from the start.
// Outside loops the greedy choice is exact. Inside loops a state's envelope may count on states the
// path already visited, so this is a depth-first search with backtracking: it tries, in order of
// promise, every transition that could still reach the target, never repeats a state, and accepts an
// ending only when the total is exactly the target. The search is bounded; on exhaustion it returns
// the longest prefix it found (documented in docs/scoring.md).
std::vector<std::string> witness(const Analysis& a, int d, bool best) {
    const Scenario& s = a.scenario();
    const double sign = best ? 1.0 : -1.0;  // search for the worst as the best of the negated totals
    const double target = sign * (best ? a.best(0, d) : a.worst(0, d));
    auto bound = [&](std::uint32_t st) { return sign * (best ? a.best(st, d) : a.worst(st, d)); };

    struct Frame {
        std::uint32_t state;
        double total;                     // signed total scored so far
        std::vector<std::uint32_t> order; // candidate transitions, most promising first
        std::size_t next = 0;
    };
    std::vector<bool> on_path(a.state_count(), false);
    std::vector<Frame> stack;
    auto push = [&](std::uint32_t st, double total) {
        Frame f{st, total, {}, 0};
        const StateInfo& info = a.state(st);
        for (std::uint32_t k = 0; k < info.transition_count; ++k) f.order.push_back(info.first_transition + k);
        const Transition* base = a.transitions(st) - info.first_transition;
        std::stable_sort(f.order.begin(), f.order.end(), [&](std::uint32_t x, std::uint32_t y) {
            return sign * a.reward(st, base[x], d) + bound(base[x].target) > sign * a.reward(st, base[y], d) + bound(base[y].target) + 1e-9;
        });
        on_path[st] = true;
        stack.push_back(std::move(f));
    };
    auto labels = [&](std::size_t depth) {
        std::vector<std::string> path;
        for (std::size_t i = 0; i + 1 < depth; ++i) {
            const Frame& f = stack[i];
            const Transition* base = a.transitions(f.state) - a.state(f.state).first_transition;
            const Transition& t = base[f.order[f.next - 1]];
            const Node& node = s.nodes[static_cast<std::size_t>(a.state(f.state).node)];
            if (node.kind == NodeKind::Choices) path.push_back(node.choices[static_cast<std::size_t>(t.index)].id);
            else if (node.kind == NodeKind::Random) path.push_back("~" + std::to_string(t.index));
        }
        return path;
    };
    // The longest prefix is kept up to date incrementally: `longest[0, agreed)` is known to equal
    // the current path's labels, and a longer path copies only the labels after that. Each label
    // copied was pushed since the last copy, so the total work is linear in the search's steps
    // (rebuilding the whole prefix at every new depth made a 40,000-decision chain quadratic).
    std::vector<std::string> longest;
    std::size_t agreed = 0;
    auto label_of = [&](const Frame& f) -> std::string {
        const Transition* base = a.transitions(f.state) - a.state(f.state).first_transition;
        const Transition& t = base[f.order[f.next - 1]];
        const Node& node = s.nodes[static_cast<std::size_t>(a.state(f.state).node)];
        if (node.kind == NodeKind::Choices) return node.choices[static_cast<std::size_t>(t.index)].id;
        if (node.kind == NodeKind::Random) return "~" + std::to_string(t.index);
        return {};
    };
    std::vector<std::size_t> label_count(1, 0);  // [i]: labels on the path through frames [0, i)
    std::size_t budget = 20 * a.state_count() + 1000;
    push(a.start_state(), 0.0);
    while (!stack.empty() && budget-- > 0) {
        Frame& f = stack.back();
        const StateInfo& info = a.state(f.state);
        if (info.transition_count == 0) {  // an ending
            if (std::fabs(f.total + sign * a.ending_reward(f.state, d) - target) < 1e-6) return labels(stack.size());
        } else if (f.next < f.order.size()) {
            const Transition* base = a.transitions(f.state) - info.first_transition;
            const Transition& t = base[f.order[f.next++]];
            // This frame's label changes: the prefix agrees with the path only up to it.
            agreed = std::min(agreed, label_count[stack.size() - 1]);
            double total = f.total + sign * a.reward(f.state, t, d);
            if (a.complete(t.target) && !on_path[t.target] && total + bound(t.target) >= target - 1e-6) {
                const Node& node = s.nodes[static_cast<std::size_t>(info.node)];
                const bool labelled = node.kind == NodeKind::Choices || node.kind == NodeKind::Random;
                label_count.resize(stack.size());
                label_count.push_back(label_count.back() + (labelled ? 1 : 0));
                push(t.target, total);
                if (stack.size() - 1 > longest.size()) {
                    // Copy the labels of frames whose label lies at or after `agreed`.
                    longest.resize(label_count.back());
                    const auto first = label_count.begin() + 1;  // label_count is non-decreasing
                    auto frame = static_cast<std::size_t>(
                        std::upper_bound(first, first + static_cast<std::ptrdiff_t>(stack.size() - 1), agreed) - first);
                    for (; frame + 1 < stack.size(); ++frame)
                        if (label_count[frame + 1] > label_count[frame]) longest[label_count[frame]] = label_of(stack[frame]);
                    agreed = longest.size();
                }
            }
            continue;
        }
        on_path[f.state] = false;
        stack.pop_back();
    }
    return longest;
}


// SD3102: an option a sibling beats both now and later. Now: the sibling's own score effects are >=
// on every dimension and > on one. Later: in every reachable state where both can be taken, the
// sibling's q and its best still reachable total on every dimension are >= the option's. An option
// whose value lies in what follows (a good question that scores nothing yet) is not dominated.
template <typename Warn>
void dominated_options(const Analysis& a, Warn& warn) {
    const Scenario& s = a.scenario();
    const std::size_t dims = s.dimensions.size();
    auto effects = [&](const Choice& c) {
        std::vector<long long> v(dims, 0);
        for (const auto& e : c.score) v[static_cast<std::size_t>(e.dimension)] += e.amount;
        return v;
    };
    // Candidates by own effects: (node, option) -> sibling.
    std::vector<std::vector<std::optional<int>>> by(s.nodes.size());
    bool any = false;
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const Node& node = s.nodes[n];
        by[n].assign(node.choices.size(), std::nullopt);
        for (std::size_t i = 0; i < node.choices.size(); ++i) {
            auto mine = effects(node.choices[i]);
            for (std::size_t j = 0; j < node.choices.size() && !by[n][i]; ++j) {
                if (i == j) continue;
                auto theirs = effects(node.choices[j]);
                bool all = true, some = false;
                for (std::size_t d = 0; d < dims; ++d) {
                    all = all && theirs[d] >= mine[d];
                    some = some || theirs[d] > mine[d];
                }
                if (all && some) { by[n][i] = static_cast<int>(j); any = true; }
            }
        }
    }
    if (!any) return;
    // Consequences: a state where the option does at least as well as its sibling clears it.
    for (std::uint32_t st = 0; st < a.state_count(); ++st) {
        const int n = a.state(st).node;
        if (s.nodes[static_cast<std::size_t>(n)].kind != NodeKind::Choices) continue;
        const Transition* t = a.transitions(st);
        const std::uint32_t count = a.state(st).transition_count;
        auto find = [&](int choice) -> const Transition* {
            for (std::uint32_t k = 0; k < count; ++k)
                if (t[k].index == choice && a.complete(t[k].target)) return &t[k];
            return nullptr;
        };
        for (std::size_t i = 0; i < by[static_cast<std::size_t>(n)].size(); ++i) {
            const std::optional<int> j = by[static_cast<std::size_t>(n)][i];
            if (!j) continue;
            const Transition* mine = find(static_cast<int>(i));
            const Transition* theirs = find(*j);
            if (!mine || !theirs) continue;
            bool beaten = a.q_value(st, *theirs) + kEpsilon >= a.q_value(st, *mine);
            for (std::size_t d = 0; d < dims && beaten; ++d) {
                const int di = static_cast<int>(d);
                beaten = a.reward(st, *theirs, di) + a.best(theirs->target, di) + kEpsilon >= a.reward(st, *mine, di) + a.best(mine->target, di);
            }
            if (!beaten) by[static_cast<std::size_t>(n)][i].reset();
        }
    }
    for (std::size_t n = 0; n < s.nodes.size(); ++n)
        for (std::size_t i = 0; i < by[n].size(); ++i) {
            if (!by[n][i]) continue;
            const Node& node = s.nodes[n];
            warn(DiagnosticId::OptionDominated, {node.choices[i].id, node.id, node.choices[static_cast<std::size_t>(*by[n][i])].id},
                 node_pointer(static_cast<int>(n)) + "/choices/" + std::to_string(i));
        }
}

std::string one_decimal(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

// SD3106 loops that gain points; SD3107 intents the computed verdict misses by more than one class;
// SD3108 repair detours (a costly option that loses nothing because a later one makes it all back).
template <typename Warn>
void loop_and_intent_warnings(const Analysis& a, Warn& warn) {
    const Scenario& s = a.scenario();
    for (int node : a.gain_loop_nodes())
        warn(DiagnosticId::GainingLoop, {s.nodes[static_cast<std::size_t>(node)].id}, node_pointer(node));
    std::set<std::string> said;
    std::set<std::pair<int, int>> detours;
    for (std::uint32_t st = 0; st < a.state_count(); ++st) {
        const int n = a.state(st).node;
        const Node& node = s.nodes[static_cast<std::size_t>(n)];
        if (node.kind != NodeKind::Choices || !a.complete(st)) continue;
        const std::vector<OptionVerdict> verdicts = option_verdicts(a, st);
        const Transition* t = a.transitions(st);
        const OptionVerdict* best = nullptr;
        for (const auto& v : verdicts)
            if (!best || v.q > best->q + kEpsilon) best = &v;
        for (const auto& v : verdicts) {
            const int c = t[v.transition].index;
            const Choice& choice = node.choices[static_cast<std::size_t>(c)];
            const std::string pointer = node_pointer(n) + "/choices/" + std::to_string(c);
            if (choice.intent && std::abs(static_cast<int>(*choice.intent) - static_cast<int>(v.verdict)) > 1) {
                const std::string loss = one_decimal(v.loss_points), q = one_decimal(v.q), best_q = one_decimal(best->q);
                const std::string& best_id = node.choices[static_cast<std::size_t>(t[best->transition].index)].id;
                const std::initializer_list<std::string_view> args = {choice.id, node.id, verdict_id(*choice.intent), verdict_id(v.verdict),
                                                                      loss, q, best_id, best_q};
                // The same words from another state are said once.
                if (said.insert(format_message(DiagnosticId::IntentMissed, args)).second) warn(DiagnosticId::IntentMissed, args, pointer);
            }
            // An option that learns something new is an investment (what it costs buys knowledge), not a detour.
            bool learns_new = false;
            for (int f : choice.learns) learns_new = learns_new || a.values(st)[s.fact_slot(f)] == 0;
            const double own = a.reward(st, t[v.transition], a.dimensions());
            if (own < -kEpsilon && v.loss <= kEpsilon && !learns_new && !(choice.intent && *choice.intent <= Verdict::Good) &&
                detours.insert({n, c}).second) {
                for (const auto& other : verdicts) {
                    if (a.reward(st, t[other.transition], a.dimensions()) < -kEpsilon) continue;
                    warn(DiagnosticId::RepairDetour,
                         {choice.id, node.id, one_decimal(-own), node.choices[static_cast<std::size_t>(t[other.transition].index)].id}, pointer);
                    break;
                }
            }
        }
    }
}

}  // namespace

Diagnostics rubric_warnings(const Analysis& a) {
    const Scenario& s = a.scenario();
    Diagnostics out;
    auto warn = [&](DiagnosticId id, std::initializer_list<std::string_view> args, std::string pointer) {
        out.push_back(make_diagnostic(id, args, s.file, std::move(pointer)));
    };
    // Dimensions no choice touches (the assumption rule counts for its dimension).
    std::vector<bool> touched(s.dimensions.size(), false);
    for (const auto& node : s.nodes)
        for (const auto& c : node.choices) {
            for (const auto& e : c.score) if (e.amount != 0) touched[static_cast<std::size_t>(e.dimension)] = true;
            if (!c.requires_facts.empty() && s.assumption_dimension && s.assumption_penalty > 0)
                touched[static_cast<std::size_t>(*s.assumption_dimension)] = true;
        }
    for (std::size_t d = 0; d < s.dimensions.size(); ++d)
        if (!touched[d])
            warn(DiagnosticId::DimensionUntouched, {s.dimensions[d].id},
                 "/rubric/dimensions/" + std::to_string(d));

    dominated_options(a, warn);
    loop_and_intent_warnings(a, warn);

    // Endings no reachable state arrives at; decisions whose options are all worth the same.
    std::vector<bool> reached(s.nodes.size(), false), flat_reported(s.nodes.size(), false);
    for (std::uint32_t st = 0; st < a.state_count(); ++st) {
        const StateInfo& info = a.state(st);
        reached[static_cast<std::size_t>(info.node)] = true;
        const Node& node = s.nodes[static_cast<std::size_t>(info.node)];
        if (node.kind != NodeKind::Choices || info.transition_count < 2 || flat_reported[static_cast<std::size_t>(info.node)]) continue;
        double lo = 1e300, hi = -1e300;
        int complete = 0;
        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
            const Transition& t = a.transitions(st)[k];
            if (!a.complete(t.target)) continue;
            ++complete;
            double q = a.q_value(st, t);
            lo = std::min(lo, q);
            hi = std::max(hi, q);
        }
        if (complete >= 2 && hi - lo < kEpsilon) {
            bool same_everywhere = true;  // also equal on every dimension's envelope
            for (int d = 0; d < a.dimensions() && same_everywhere; ++d) {
                double first = 0.0;
                bool have = false;
                for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                    const Transition& t = a.transitions(st)[k];
                    if (!a.complete(t.target)) continue;
                    double v = a.reward(st, t, d) + a.best(t.target, d);
                    if (have && std::fabs(v - first) > kEpsilon) same_everywhere = false;
                    first = v;
                    have = true;
                }
            }
            if (same_everywhere) {
                flat_reported[static_cast<std::size_t>(info.node)] = true;
                warn(DiagnosticId::DecisionTeachesNothing, {node.id},
                     node_pointer(info.node));
            }
        }
    }
    for (std::size_t n = 0; n < s.nodes.size(); ++n)
        if (s.nodes[n].kind == NodeKind::Ending && !reached[n])
            warn(DiagnosticId::EndingUnreachable, {s.nodes[n].id}, node_pointer(static_cast<int>(n)));

    if (s.pass_mark) {
        const int w = a.dimensions();
        double best = score_between(a.best(0, w), a.worst(0, w), a.best(0, w));
        double worst = score_between(a.worst(0, w), a.worst(0, w), a.best(0, w));
        if (best + kEpsilon < *s.pass_mark)
            warn(DiagnosticId::PassMarkUnreachable, {std::to_string(static_cast<int>(best))}, "/rubric/pass_mark");
        else if (worst + kEpsilon >= *s.pass_mark)
            warn(DiagnosticId::PassMarkUnmissable, {}, "/rubric/pass_mark");
    }
    return out;
}

AnalysisReport make_report(const Analysis& a) {
    const Scenario& s = a.scenario();
    AnalysisReport report;
    for (int d = 0; d <= a.dimensions(); ++d) {
        DimensionSummary summary;
        summary.id = d < a.dimensions() ? s.dimensions[static_cast<std::size_t>(d)].id : "weighted";
        summary.min = a.worst(0, d);
        summary.max = a.best(0, d);
        if (d < a.dimensions() && static_cast<std::size_t>(d) < a.histograms().size())
            summary.histogram = a.histograms()[static_cast<std::size_t>(d)];
        summary.best_witness = witness(a, d, true);
        summary.worst_witness = witness(a, d, false);
        report.dimensions.push_back(std::move(summary));
    }
    report.complete_paths = a.paths(0);
    report.scale_top = a.value(0);
    report.scale_bottom = a.pessimist(0);
    std::vector<bool> reached(s.nodes.size(), false);
    for (std::uint32_t st = 0; st < a.state_count(); ++st)
        if (a.complete(st)) reached[static_cast<std::size_t>(a.state(st).node)] = true;
    std::set<std::string> outcomes;
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        if (s.nodes[n].kind != NodeKind::Ending) continue;
        const std::string& outcome = s.outcomes[static_cast<std::size_t>(s.nodes[n].ending.outcome)].id;
        report.endings.push_back({s.nodes[n].id, outcome, reached[n]});
        if (reached[n]) outcomes.insert(outcome);
    }
    report.reachable_outcomes.assign(outcomes.begin(), outcomes.end());
    report.states = a.state_count();
    report.seconds = a.seconds();
    report.warnings = rubric_warnings(a);
    return report;
}

namespace {
std::string fmt(double v) {
    char b[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(b, sizeof b, "%.0f", v);
    else std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}
std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
    return out.empty() ? "-" : out;
}
}  // namespace

std::string report_text(const AnalysisReport& r) {
    std::string out;
    out += "States explored: " + std::to_string(r.states) + " in " + fmt(r.seconds * 1000.0) + " ms\n";
    out += "Complete paths: " + r.complete_paths.to_string() + "\n";
    out += "Decision scale: " + fmt(r.scale_top) + " (best line) down to " + fmt(r.scale_bottom) +
           " (trimmed pessimist): 1 weighted point = " +
           (r.scale_top - r.scale_bottom > 1e-9 ? fmt(100.0 / (r.scale_top - r.scale_bottom)) : std::string("0")) +
           " points of 100\n";
    out += "Endings:\n";
    for (const auto& e : r.endings) out += "  " + e.node + " [" + e.outcome + "]" + (e.reachable ? "" : "  UNREACHABLE") + "\n";
    out += "Outcome classes reachable: " + join(r.reachable_outcomes) + "\n";
    out += "Dimensions (totals over complete paths):\n";
    for (const auto& d : r.dimensions) {
        out += "  " + d.id + ": min " + fmt(d.min) + ", max " + fmt(d.max) + "\n";
        if (!d.histogram.count.empty()) {
            out += "    histogram:";
            for (std::size_t i = 0; i < d.histogram.count.size(); ++i)
                if (d.histogram.count[i] > 0)
                    out += " " + std::to_string(d.histogram.min_total + static_cast<long long>(i)) + ":" + fmt(d.histogram.count[i]);
            out += "\n";
        }
        out += "    best:  " + join(d.best_witness) + "\n";
        out += "    worst: " + join(d.worst_witness) + "\n";
    }
    return out;
}

nlohmann::json report_json(const AnalysisReport& r) {
    using nlohmann::json;
    json dims = json::array();
    for (const auto& d : r.dimensions) {
        json histogram = json::object();
        for (std::size_t i = 0; i < d.histogram.count.size(); ++i)
            if (d.histogram.count[i] > 0) histogram[std::to_string(d.histogram.min_total + static_cast<long long>(i))] = d.histogram.count[i];
        dims.push_back({{"id", d.id}, {"min", d.min}, {"max", d.max}, {"histogram", histogram},
                        {"best_witness", d.best_witness}, {"worst_witness", d.worst_witness}});
    }
    json endings = json::array();
    for (const auto& e : r.endings) endings.push_back({{"node", e.node}, {"outcome", e.outcome}, {"reachable", e.reachable}});
    json warnings = json::array();
    for (const auto& w : r.warnings) warnings.push_back(diagnostic_to_json(w));
    return {{"states", r.states}, {"seconds", r.seconds}, {"complete_paths", r.complete_paths.to_string()},
            {"scale", {{"top", r.scale_top}, {"bottom", r.scale_bottom}}},
            {"dimensions", dims}, {"endings", endings}, {"reachable_outcomes", r.reachable_outcomes}, {"warnings", warnings}};
}

}  // namespace salesdojo
