// The debrief resolved into the trainee's words: one struct per section (debrief.hpp).
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>

#include <cmath>
#include <cstring>

namespace salesdojo::report {
namespace {

constexpr double kEpsilon = 1e-9;

const Choice& choice_of(const Scenario& s, int node, int choice) {
    return s.nodes[static_cast<std::size_t>(node)].choices[static_cast<std::size_t>(choice)];
}

// A template ends in “{1}”. : when the quoted text already ends a sentence, drop the extra full stop.
std::string tidy_sentence(std::string sentence) {
    for (const char* doubled : {"?”.", "!”.", ".”.", "…”."}) {
        const std::size_t n = std::strlen(doubled);
        if (sentence.size() >= n && sentence.compare(sentence.size() - n, n, doubled) == 0) sentence.pop_back();
    }
    return sentence;
}

std::string points(double value, std::string_view language) {
    return number(value, 1, language, Trim::WholeWithoutDecimals);
}

SummarySection summary_of(const Debrief& d, const Scenario& s, const Languages& l) {
    SummarySection out;
    out.scenario_title = s.title.get(l.content);
    out.finished = d.finished && d.ending_node;
    if (out.finished) {
        out.ending_title = ending_title(s, *d.ending_node, l);
        out.outcome = outcome_name(s, s.nodes[static_cast<std::size_t>(*d.ending_node)].ending.outcome, l);
    }
    out.overall = d.overall_score;
    out.chance = chance_sentence(d, l.words);
    if (d.playthrough.playtest()) out.playtest = word("debrief.playtest", l.words);
    out.accuracy = d.accuracy;
    out.passed = d.passed;
    out.pass_mark = s.pass_mark.value_or(0.0);
    return out;
}

DecisionLine decision_of(const DecisionReview& r, const Scenario& s, const Languages& l) {
    const Node& node = s.nodes[static_cast<std::size_t>(r.node)];
    const Choice& chosen = node.choices[static_cast<std::size_t>(r.chosen)];
    DecisionLine out;
    if (node.speaker) out.speaker = s.cast[static_cast<std::size_t>(*node.speaker)].name.get(l.content);
    out.line = node.text.get(l.content);
    out.chosen = chosen.text.get(l.content);
    out.verdict = r.verdict;
    out.loss = r.loss_points;
    if (r.better && *r.better != r.chosen) out.better = choice_of(s, r.node, *r.better).text.get(l.content);
    for (int f : r.assumed_facts) out.assumptions.push_back(fact_name(s, f, l));
    const Choice* source = &chosen;
    if (chosen.principles.empty() && r.better) source = &choice_of(s, r.node, *r.better);
    for (int p : source->principles) {
        const Principle& principle = s.principles[static_cast<std::size_t>(p)];
        out.principles.push_back({principle.title.get(l.content), principle.explanation.get(l.content)});
    }
    out.feedback = chosen.feedback.get(l.content);
    for (const auto& alt : r.alternatives)
        out.alternatives.push_back(
            {choice_of(s, r.node, alt.choice).text.get(l.content), alt.what_if, alt.choice == r.chosen});
    return out;
}

BestStep best_step_of(const BestLineStep& step, const Scenario& s, const Languages& l) {
    const Node& node = s.nodes[static_cast<std::size_t>(step.node)];
    BestStep out;
    if (step.choice) {
        out.text = node.choices[static_cast<std::size_t>(*step.choice)].text.get(l.content);
    } else if (step.random_branch) {
        out.kind = StepKind::Chance;
        out.text = word("debrief.chance", l.words);
    } else {
        out.kind = StepKind::Ending;
        out.text = ending_title(s, step.node, l);
        out.outcome = outcome_name(s, node.ending.outcome, l);
    }
    return out;
}

std::string traded_sentence(const DimensionScore& score, std::string_view language) {
    if (std::fabs(score.traded_points - 1.0) < 1e-9) return word("debrief.traded_one", language);
    return phrase("debrief.traded", language, {points(score.traded_points, language)});
}

// Why the run lost points on a dimension (score below 100), and whether that reason is itself a trade.
struct Blame {
    std::string sentence;
    bool trade = false;  // only best moves lost points here: the sentence names a fair trade
};

Blame blame_sentence(const Debrief& debrief, const Scenario& s, const DimensionScore& score, const Languages& l) {
    // Blame a decision that was not the best move overall; a best move that gave up points on this
    // dimension is named as a trade, not as a mistake.
    const std::size_t dim = static_cast<std::size_t>(score.dimension);
    const DecisionReview* worst = nullptr;
    const DecisionReview* traded = nullptr;
    for (const auto& review : debrief.decisions) {
        if (dim >= review.dimension_loss.size()) continue;
        const double loss = review.dimension_loss[dim];
        if (loss <= kEpsilon) continue;
        const DecisionReview*& slot = review.loss > kEpsilon ? worst : traded;
        if (!slot || loss > slot->dimension_loss[dim]) slot = &review;
    }
    if (!worst && traded)
        return {tidy_sentence(phrase("debrief.fair_trade", l.words,
                                     {choice_of(s, traded->node, traded->chosen).text.get(l.content)})),
                true};
    if (!worst) return {word("debrief.by_chance", l.words)};
    const std::string chosen = choice_of(s, worst->node, worst->chosen).text.get(l.content);
    const std::string lost = points(worst->dimension_loss[dim], l.words);
    if (worst->better && *worst->better != worst->chosen)
        return {tidy_sentence(phrase("debrief.most_lost", l.words,
                                     {chosen, lost, choice_of(s, worst->node, *worst->better).text.get(l.content)}))};
    return {tidy_sentence(phrase("debrief.most_lost_alone", l.words, {chosen, lost}))};
}

}  // namespace

std::string dimension_sentence(const Debrief& debrief, const Scenario& s, int d, const Languages& l) {
    const auto& score = debrief.dimensions[static_cast<std::size_t>(d)];
    // A low total on a traded dimension is the best line's choice, not a failure: say so.
    const std::string trade = score.traded ? traded_sentence(score, l.words) : std::string();
    if (score.score >= 100.0 - 1e-6) return trade.empty() ? std::string(word("debrief.full_marks", l.words)) : trade;
    const Blame blame = blame_sentence(debrief, s, score, l);
    // A best move that tied with the best line's option and gave up more here is already named as a
    // fair trade: a second trade sentence would say the same twice.
    if (trade.empty() || blame.trade) return blame.sentence;
    return blame.sentence + " " + trade;
}

std::string chance_sentence(const Debrief& d, std::string_view language) {
    constexpr double kNoticeable = 0.05;
    if (!d.finished || !d.ending_node) return "";
    if (std::fabs(d.luck) <= kNoticeable && std::fabs(d.outcome_score - d.overall_score) <= kNoticeable) return "";
    const std::string outcome = score_text(d.outcome_score, language), decided = score_text(d.overall_score, language);
    if (outcome == decided) return "";  // "ended at 8/100; your decisions score 8/100" says nothing
    const char* key = d.luck > kNoticeable    ? "debrief.chance_helped"
                      : d.luck < -kNoticeable ? "debrief.chance_against"
                                              : "debrief.chance_played";
    return phrase(key, language, {outcome, decided});
}

std::string loss_text(double loss, std::string_view language) {
    return phrase("debrief.loss", language, {number(loss, 1, language)});
}

std::string accuracy_text(double accuracy, std::string_view language) {
    return phrase("debrief.accuracy_value", language, {number(accuracy, 0, language) + "%"});
}

std::string pass_mark_text(double pass_mark, std::string_view language) {
    return phrase("debrief.pass_mark", language, {number(pass_mark, 0, language)});
}

std::string score_text(double score, std::string_view language) {
    return number(score, 0, language) + "/100";
}

DebriefPage debrief_page(const Debrief& d, const Scenario& s, const Languages& l) {
    DebriefPage page;
    page.languages = l;
    page.summary = summary_of(d, s, l);
    for (std::size_t i = 0; i < d.dimensions.size(); ++i) {
        const DimensionScore& dim = d.dimensions[i];
        page.dimensions.push_back({dimension_name(s, dim.dimension, l), dim.score, dim.total, dim.worst, dim.best,
                                   dimension_sentence(d, s, static_cast<int>(i), l)});
    }
    for (const auto& review : d.decisions) page.decisions.push_back(decision_of(review, s, l));
    page.costliest = d.costliest;
    for (const auto& step : d.best_line) page.best_line.push_back(best_step_of(step, s, l));
    return page;
}

}  // namespace salesdojo::report
