// Scores, verdicts and the debrief. Thresholds and formulas are documented in docs/scoring.md.
#include <salesdojo/scoring.hpp>

#include <algorithm>
#include <cmath>
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

const char* verdict_id(Verdict verdict) {
    switch (verdict) {
        case Verdict::Best: return "best";
        case Verdict::Good: return "good";
        case Verdict::Inaccuracy: return "inaccuracy";
        case Verdict::Mistake: return "mistake";
        case Verdict::Blunder: return "blunder";
    }
    return "best";
}

Verdict classify_loss(double loss, double spread) {
    if (loss <= kEpsilon || spread <= kEpsilon) return Verdict::Best;
    double r = loss / spread;
    if (r <= 0.2 + kEpsilon) return Verdict::Good;
    if (r <= 0.45 + kEpsilon) return Verdict::Inaccuracy;
    if (r <= 0.75 + kEpsilon) return Verdict::Mistake;
    return Verdict::Blunder;
}

double score_between(double total, double worst, double best) {
    if (best - worst <= kEpsilon) return 100.0;
    return std::clamp(100.0 * (total - worst) / (best - worst), 0.0, 100.0);
}

Debrief make_debrief(const Analysis& a, const Session& session) {
    const Scenario& s = session.scenario();
    const int dims = a.dimensions();
    Debrief debrief;
    debrief.finished = session.finished();
    if (debrief.finished) debrief.ending_node = session.current_node_index();

    // Replay the transcript through the state space.
    std::vector<std::int32_t> values = s.initial_values();
    double prefix = 0.0;  // weighted total scored before the current decision
    const double best_start = a.best(0, dims), worst_start = a.worst(0, dims);
    const auto& transcript = session.transcript();
    for (std::size_t i = 0; i < transcript.size(); ++i) {
        const TranscriptEntry& entry = transcript[i];
        if (entry.choice < 0) continue;
        std::uint32_t state = a.find_state(entry.node, values.data());
        const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
        const Choice& choice = node.choices[static_cast<std::size_t>(entry.choice)];
        if (state != kNoState && a.complete(state)) {
            DecisionReview review;
            review.transcript_index = i;
            review.node = entry.node;
            review.chosen = entry.choice;
            review.assumed_facts = entry.assumed_facts;
            const Transition* chosen = find_transition(a, state, entry.choice);
            double best_q = -std::numeric_limits<double>::infinity(), worst_q = -best_q;
            const Transition* options = a.transitions(state);
            for (std::uint32_t k = 0; k < a.state(state).transition_count; ++k) {
                const Transition& t = options[k];
                if (!a.complete(t.target)) continue;
                double q = a.q_value(state, t);
                review.alternatives.push_back({t.index, q, score_between(prefix + q, worst_start, best_start)});
                if (q > best_q + kEpsilon) { best_q = q; review.better = t.index; }
                worst_q = std::min(worst_q, q);
            }
            review.dimension_loss.assign(static_cast<std::size_t>(dims), 0.0);
            if (chosen && a.complete(chosen->target)) {
                double q = a.q_value(state, *chosen);
                review.loss = std::max(0.0, best_q - q);
                review.spread = best_q - worst_q;
                review.counted = review.alternatives.size() >= 2 && review.spread > kEpsilon;
                review.verdict = classify_loss(review.loss, review.spread);
                for (int d = 0; d < dims; ++d)
                    review.dimension_loss[static_cast<std::size_t>(d)] =
                        std::max(0.0, a.best(state, d) - (a.reward(state, *chosen, d) + a.best(chosen->target, d)));
                prefix += a.reward(state, *chosen, dims);
            }
            debrief.decisions.push_back(std::move(review));
        }
        apply_choice_effects(s, choice, values.data());
    }

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
    debrief.overall_score = score_between(debrief.weighted_total, worst_start, best_start);
    if (s.pass_mark) debrief.passed = debrief.finished && debrief.overall_score + kEpsilon >= *s.pass_mark;
    for (int d = 0; d < dims; ++d) {
        DimensionScore score;
        score.dimension = d;
        score.total = session.tallies()[static_cast<std::size_t>(d)];
        score.best = a.best(0, d);
        score.worst = a.worst(0, d);
        score.score = score_between(static_cast<double>(score.total), score.worst, score.best);
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
        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
            const Transition& t = a.transitions(state)[k];
            if (!a.complete(t.target) || on_line[t.target]) continue;
            double v = node.kind == NodeKind::Random ? a.best(t.target, dims) : a.q_value(state, t);
            if (v > pick_value + kEpsilon) { pick_value = v; pick = &t; }
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
