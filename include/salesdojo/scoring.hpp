#pragma once
// Scores, decision quality and the debrief (docs/scoring.md): pure functions of an Analysis and a
// Session's transcript, so the same scenario version and choices give the same result everywhere.
// Numbers and ids only: every rendering in words is in the report library (salesdojo/report/).
#include <salesdojo/analysis.hpp>
#include <salesdojo/session.hpp>

#include <optional>
#include <vector>

namespace salesdojo {

// Relative loss r = loss / spread of the decision:
//   Best r = 0, Good r <= 0.2, Inaccuracy r <= 0.45, Mistake r <= 0.75, Blunder r > 0.75.
enum class Verdict { Best, Good, Inaccuracy, Mistake, Blunder };
const char* verdict_id(Verdict verdict);  // "best", "good", ...
Verdict classify_loss(double loss, double spread);

struct AlternativeReview {
    int choice = 0;          // index in the node's choices
    double q = 0.0;          // expected optimal weighted total after this choice (from this decision on)
    double what_if = 0.0;    // overall score 0..100 had the trainee taken it, then played best
};

struct DecisionReview {
    std::size_t transcript_index = 0;
    int node = kNoIndex;
    int chosen = kNoIndex;
    int better = kNoIndex;   // the best option here (first in file order on ties)
    double loss = 0.0;       // best q - chosen q
    double spread = 0.0;     // best q - worst q
    Verdict verdict = Verdict::Best;
    bool counted = false;    // two or more available options with different values
    std::vector<int> assumed_facts;
    std::vector<AlternativeReview> alternatives;  // every available option, in file order
    std::vector<double> dimension_loss;           // per dimension: best still reachable minus after choice
};

struct DimensionScore {
    int dimension = 0;
    long long total = 0;
    double best = 0.0, worst = 0.0;  // over all complete paths
    double score = 0.0;              // 0..100
};

struct BestLineStep {
    int node = kNoIndex;
    int choice = kNoIndex;         // for decisions
    int random_branch = kNoIndex;  // for random nodes: the most favourable branch
};

struct Debrief {
    bool finished = false;
    int ending_node = kNoIndex;
    std::vector<DimensionScore> dimensions;
    double weighted_total = 0.0;
    double overall_score = 0.0;  // 0..100 on the weighted total
    double accuracy = 100.0;     // mean of 100 * (1 - loss / spread) over counted decisions
    std::optional<bool> passed;  // when the scenario sets a pass mark
    std::vector<DecisionReview> decisions;
    std::vector<std::size_t> costliest;  // up to three indices into decisions, largest loss first
    std::vector<BestLineStep> best_line;
};

double score_between(double total, double worst, double best);  // 0..100; 100 when best == worst

Debrief make_debrief(const Analysis& analysis, const Session& session);

}  // namespace salesdojo
