// Scores, verdicts and the debrief. Thresholds and formulas are documented in docs/scoring.md.
#include <salesdojo/scoring.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace salesdojo {
namespace {

constexpr double kEpsilon = 1e-9;
constexpr std::uint32_t kNoState = std::numeric_limits<std::uint32_t>::max();

const Transition* find_transition(const Analysis& a, std::uint32_t s, int choice) {
    const Transition* t = a.transitions(s);
    for (std::uint32_t k = 0; k < a.state(s).transition_count; ++k)
        if (t[k].index == choice) return &t[k];
    return nullptr;
}

}  // namespace

Verdict classify_loss(double loss_points, const VerdictThresholds& t) {
    if (loss_points <= kEpsilon) return Verdict::Best;
    if (loss_points <= t.good + kEpsilon) return Verdict::Good;
    if (loss_points <= t.inaccuracy + kEpsilon) return Verdict::Inaccuracy;
    if (loss_points <= t.mistake + kEpsilon) return Verdict::Mistake;
    return Verdict::Blunder;
}

double loss_points(const Analysis& a, double loss) {
    const double range = a.value(a.start_state()) - a.pessimist(a.start_state());
    return range <= kEpsilon ? 0.0 : 100.0 * loss / range;
}

std::vector<OptionVerdict> option_verdicts(const Analysis& a, std::uint32_t s) {
    std::vector<OptionVerdict> out;
    double best_q = -std::numeric_limits<double>::infinity();
    const Transition* t = a.transitions(s);
    for (std::uint32_t k = 0; k < a.state(s).transition_count; ++k) {
        if (!a.complete(t[k].target)) continue;
        OptionVerdict v;
        v.transition = k;
        v.q = a.q_value(s, t[k]);
        best_q = std::max(best_q, v.q);
        out.push_back(v);
    }
    for (auto& v : out) {
        v.loss = std::max(0.0, best_q - v.q);
        v.loss_points = loss_points(a, v.loss);
        v.verdict = classify_loss(v.loss_points, a.scenario().verdict_thresholds);
    }
    return out;
}

double score_between(double total, double worst, double best) {
    if (best - worst <= kEpsilon) return 100.0;
    return std::clamp(100.0 * (total - worst) / (best - worst), 0.0, 100.0);
}

Debrief make_debrief(const Analysis& a, const Session& session) {
    const Scenario& s = session.scenario();
    const int dims = a.dimensions();
    const std::uint32_t start = a.start_state();
    Debrief debrief;
    debrief.playthrough = session.playthrough();
    debrief.finished = session.finished();
    if (debrief.finished) debrief.ending_node = session.current_node_index();

    // Replay the transcript through the state space. Losses are expected values, so what chance
    // did between decisions never counts against (or for) the trainee.
    // A playtest began elsewhere: replay from its values (its analysis, analyse_from, starts there too).
    std::vector<std::int32_t> values = session.start_point().values;
    double lost = 0.0;                                                 // sum of weighted losses so far
    std::vector<double> lost_on(static_cast<std::size_t>(dims), 0.0);  // per dimension, against the best line
    const double top = a.value(start), floor = a.pessimist(start);  // the decision scale (docs/scoring.md)
    const auto& transcript = session.transcript();
    for (std::size_t i = 0; i < transcript.size(); ++i) {
        const TranscriptEntry& entry = transcript[i];
        if (!entry.choice) continue;
        std::uint32_t state = a.find_state(entry.node, values.data());
        const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
        const Choice& choice = node.choices[static_cast<std::size_t>(*entry.choice)];
        if (state != kNoState && a.complete(state)) {
            DecisionReview review;
            review.transcript_index = i;
            review.node = entry.node;
            review.chosen = *entry.choice;
            review.assumed_facts = entry.assumed_facts;
            review.intent = choice.intent;
            const Transition* chosen = find_transition(a, state, *entry.choice);
            const Transition* options = a.transitions(state);
            double best_q = -std::numeric_limits<double>::infinity(), worst_q = -best_q;
            for (const OptionVerdict& v : option_verdicts(a, state)) {
                const Transition& t = options[v.transition];
                review.alternatives.push_back({t.index, v.q, score_between(top - lost - v.loss, floor, top), v.loss_points, v.verdict});
                if (v.q > best_q + kEpsilon) { best_q = v.q; review.better = t.index; }
                worst_q = std::min(worst_q, v.q);
            }
            review.dimension_loss.assign(static_cast<std::size_t>(dims), 0.0);
            const auto policy = a.policy(state);
            if (chosen && a.complete(chosen->target)) {
                double q = a.q_value(state, *chosen);
                review.loss = std::max(0.0, best_q - q);
                review.loss_points = loss_points(a, review.loss);
                review.spread = best_q - worst_q;
                review.counted = review.alternatives.size() >= 2 && review.spread > kEpsilon;
                review.verdict = classify_loss(review.loss_points, s.verdict_thresholds);
                lost += review.loss;
                for (int d = 0; d < dims && policy; ++d) {
                    const double given_up = a.q_line(state, options[*policy], d) - a.q_line(state, *chosen, d);
                    lost_on[static_cast<std::size_t>(d)] += given_up;
                    review.dimension_loss[static_cast<std::size_t>(d)] = std::max(0.0, given_up);
                }
            }
            debrief.decisions.push_back(std::move(review));
        }
        apply_choice_effects(s, choice, values.data());
    }
    // Where an unfinished run stands: what it would still collect on the best line is not its own.
    std::uint32_t here = debrief.finished ? kNoState : a.find_state(session.current_node_index(), values.data());
    const bool open_end = here != kNoState && a.complete(here);

    double accuracy_sum = 0.0;
    int counted = 0;
    for (const auto& review : debrief.decisions)
        if (review.counted) {
            accuracy_sum += 100.0 * (1.0 - review.loss / review.spread);
            ++counted;
        }
    debrief.accuracy = counted ? accuracy_sum / counted : 100.0;

    std::vector<std::size_t> order(debrief.decisions.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return debrief.decisions[x].loss > debrief.decisions[y].loss + kEpsilon;
    });
    for (std::size_t i : order)
        if (debrief.decisions[i].loss > kEpsilon && debrief.costliest.size() < 3) debrief.costliest.push_back(i);

    debrief.weighted_total = session.weighted_total();
    debrief.decision_total = top - lost - (open_end ? a.value(here) : 0.0);
    debrief.overall_score = score_between(debrief.decision_total, floor, top);
    debrief.outcome_score = score_between(debrief.weighted_total, a.worst(start, dims), a.best(start, dims));
    debrief.luck = debrief.finished ? debrief.weighted_total - debrief.decision_total : 0.0;
    if (s.pass_mark) debrief.passed = debrief.finished && debrief.overall_score + kEpsilon >= *s.pass_mark;
    for (int d = 0; d < dims; ++d) {
        DimensionScore score;
        score.dimension = d;
        score.total = session.tallies()[static_cast<std::size_t>(d)];
        score.best = a.best(start, d);
        score.worst = a.worst(start, d);
        score.line = a.line(start, d);
        score.traded = score.best - score.line > kEpsilon;
        score.traded_points = score.traded ? score.best - score.line : 0.0;
        score.decided = score.line - lost_on[static_cast<std::size_t>(d)] - (open_end ? a.line(here, d) : 0.0);
        score.score = score_between(score.decided, score.worst, score.line);
        debrief.dimensions.push_back(std::move(score));
    }

    // The best line: best option at each decision; the most favourable branch at random nodes.
    std::uint32_t state = a.start_state();
    std::vector<bool> on_line(a.state_count(), false);  // a line never repeats a state
    for (std::size_t guard = 0; guard < a.state_count(); ++guard) {
        on_line[state] = true;
        const StateInfo& info = a.state(state);
        BestLineStep step;
        step.node = info.node;
        const Node& node = s.nodes[static_cast<std::size_t>(info.node)];
        if (node.kind == NodeKind::Ending || info.transition_count == 0) {
            debrief.best_line.push_back(step);
            break;
        }
        const Transition* pick = nullptr;
        double pick_value = -std::numeric_limits<double>::infinity();
        if (const auto policy = a.policy(state); policy && !on_line[a.transitions(state)[*policy].target])
            pick = &a.transitions(state)[*policy];
        if (!pick) {  // random nodes (the most favourable branch), or a policy that would repeat a state
            for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                const Transition& t = a.transitions(state)[k];
                if (!a.complete(t.target) || on_line[t.target]) continue;
                double v = node.kind == NodeKind::Random ? a.best(t.target, dims) : a.q_value(state, t);
                if (v > pick_value + kEpsilon) { pick_value = v; pick = &t; }
            }
        }
        if (!pick) break;
        if (node.kind == NodeKind::Choices) step.choice = pick->index;
        if (node.kind == NodeKind::Random) step.random_branch = pick->index;
        debrief.best_line.push_back(step);
        state = pick->target;
    }
    return debrief;
}

}  // namespace salesdojo

namespace salesdojo {

std::optional<Debrief> make_debrief(const Analysis& analysis, const Playthrough& playthrough, std::string& error) {
    std::optional<Session> session = replay_playthrough(analysis.scenario_ptr(), playthrough, error);
    if (!session) return std::nullopt;
    return make_debrief(analysis, *session);
}

}  // namespace salesdojo
