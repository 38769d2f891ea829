#pragma once
// Scores, decision quality and the debrief (docs/scoring.md): pure functions of an Analysis and a
// Session's transcript, so the same scenario version and choices give the same result everywhere.
#include <salesdojo/analysis.hpp>
#include <salesdojo/session.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo {

// A decision's loss on the scenario's one scale, points of the overall 0..100 score:
//   Best 0, Good <= thresholds.good, Inaccuracy <= .inaccuracy, Mistake <= .mistake, Blunder above.
Verdict classify_loss(double loss_points, const VerdictThresholds& thresholds);
// A loss in weighted points as points of the overall score: 100 * loss / (value(start) - pessimist(start)).
double loss_points(const Analysis& analysis, double loss);
// The verdict of every option available in state s (with a complete path), in transition order:
// what the trainee would be told at that decision. Used by the debrief and by `analyze` (intents).
struct OptionVerdict {
    std::uint32_t transition = 0;  // position in analysis.transitions(s)
    double q = 0.0;
    double loss = 0.0;         // weighted points
    double loss_points = 0.0;  // points of the overall score
    Verdict verdict = Verdict::Best;
};
std::vector<OptionVerdict> option_verdicts(const Analysis& analysis, std::uint32_t s);

struct AlternativeReview {
    int choice = 0;          // index in the node's choices
    double q = 0.0;          // expected optimal weighted total after this choice (from this decision on)
    double what_if = 0.0;    // overall score 0..100 had the trainee taken it, then played best
    double loss_points = 0.0;
    Verdict verdict = Verdict::Best;
};

struct DecisionReview {
    std::size_t transcript_index = 0;
    int node = 0;
    int chosen = 0;
    std::optional<int> better;  // the best option here (first in file order on ties)
    double loss = 0.0;       // best q - chosen q (expected weighted points)
    double loss_points = 0.0;  // the loss in points of the overall 0..100 score: decides the verdict
    double spread = 0.0;     // best q - worst q (for accuracy)
    Verdict verdict = Verdict::Best;
    bool counted = false;    // two or more available options with different values
    std::vector<int> assumed_facts;
    std::vector<AlternativeReview> alternatives;  // every available option, in file order
    std::vector<double> dimension_loss;           // per dimension: the best line's expected total here minus after the choice (>= 0)
    std::optional<Verdict> intent;                // what the author declared for the chosen option
};

struct DimensionScore {
    int dimension = 0;
    long long total = 0;             // raw total of the run (ending effects included)
    double best = 0.0, worst = 0.0;  // over all complete paths
    double line = 0.0;               // the best line's expected total: 100 on this dimension
    double decided = 0.0;            // the run's total with chance taken out (what the score measures)
    bool traded = false;             // the best line gives up points here that another path collects
    double traded_points = 0.0;      // best - line when traded
    double score = 0.0;              // 0..100: decided between worst and line
};

struct BestLineStep {
    int node = 0;
    std::optional<int> choice;         // for decisions
    std::optional<int> random_branch;  // for random nodes: the most favourable branch
};

struct Debrief {
    Playthrough playthrough;  // playthrough.start: a playtest (measured from where it began)
    bool finished = false;
    std::optional<int> ending_node;  // set when the run finished
    std::vector<DimensionScore> dimensions;
    double weighted_total = 0.0;  // what the run collected, chance included
    double overall_score = 0.0;   // the decision score, 0..100: decision_total between worst and value(start)
    double decision_total = 0.0;  // weighted total with chance taken out: value(start) - sum of losses
    double outcome_score = 0.0;   // 0..100: weighted_total between worst and best, chance included
    double luck = 0.0;            // weighted_total - decision_total (finished runs): what chance added
    double accuracy = 100.0;     // mean of 100 * (1 - loss / spread) over counted decisions
    std::optional<bool> passed;  // when the scenario sets a pass mark
    std::vector<DecisionReview> decisions;
    std::vector<std::size_t> costliest;  // up to three indices into decisions, largest loss first
    std::vector<BestLineStep> best_line;
};

double score_between(double total, double worst, double best);  // 0..100; 100 when best == worst

// The debrief of a run, a pure function of the analysis and the playthrough. nullopt (and `error`)
// when the playthrough does not replay on the analysed scenario.
std::optional<Debrief> make_debrief(const Analysis& analysis, const Playthrough& playthrough, std::string& error);
// Convenience for callers that hold a Session: the same result as its playthrough gives.
Debrief make_debrief(const Analysis& analysis, const Session& session);

}  // namespace salesdojo
