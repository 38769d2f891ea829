// Scores, decision quality and the debrief on tiny hand-computed scenarios (docs/scoring.md).
#include "test_support.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/analysis_report.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace salesdojo;
using namespace salesdojo::test;
using nlohmann::json;

namespace {

const report::Languages kEn{"en", "en"};

std::shared_ptr<const Scenario> load_body(const std::string& body) { return load_compact(body, "scoring_test", "2.1.0", "Scoring test"); }

std::shared_ptr<const Analysis> analyse_ok(const std::shared_ptr<const Scenario>& scenario) {
    AnalysisResult result = analyse(scenario);
    REQUIRE(result.analysis != nullptr);
    REQUIRE(result.diagnostics.empty());
    return result.analysis;
}

// Plays choices by id.
Session play(const std::shared_ptr<const Scenario>& scenario, const std::vector<std::string>& ids, std::uint64_t seed = 0) {
    Session session(scenario, seed);
    for (const auto& id : ids) {
        INFO("choice " << id << " at node " << session.current().id);
        auto choice = session.find_choice(id);
        REQUIRE(choice.has_value());
        session.choose(*choice);
    }
    return session;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

int choice_index(const Scenario& s, const std::string& node, const std::string& choice) {
    const Node& n = s.nodes[static_cast<std::size_t>(s.find_node(node).value())];
    for (std::size_t i = 0; i < n.choices.size(); ++i)
        if (n.choices[i].id == choice) return static_cast<int>(i);
    return -1;
}

// Four decisions in a row; values by hand (weights: qualify 1, bias 1, relationship 2):
//   open:    ask +2 q (learns need)          | pitch (requires need: bias -2)       q: 19 | 15
//   needs:   ask_more +1 q                   | deflect -1 r                          q: 17 | 14
//   propose: v10 .. v0 = +10, +9, +7, +4, +0 on qualify                              q: 16 15 13 10 6
//   close:   meet +3 r | call +2 r +1 q | push -2 r                                 q: 6 | 5 | -4
// Envelope at the start: qualify 0..14, bias -2..0, relationship -3..3, weighted -8..19.
// The pessimist (the lower end of the decision scale) leaves out push at close (its loss, 10, is
// more than twice call's, 1: an outlier) and takes call (5), then v0 (5: its loss, 10, is not more
// than twice v4's, 6), deflect (3) and pitch (1): the scale runs from 19 down to 1.
static const char* const kFourDecisions = R"({
  "rubric": {
    "dimensions": [
      {"id": "qualify", "title": "Qualify"},
      {"id": "bias", "title": "Bias"},
      {"id": "relationship", "title": "Relationship", "weight": 2}],
    "principles": [
      {"id": "listen", "title": "Listen before you pitch", "explanation": "Ask what is going on before you offer anything."},
      {"id": "facts", "title": "Facts, not labels", "explanation": "Act on what you know, not on what you guess."},
      {"id": "depth", "title": "Go deep, not wide", "explanation": "One concrete proposal beats a pile of paper."}],
    "pass_mark": 60},
  "facts": [{"id": "need", "title": "The actual need"}],
  "nodes": [
    {"id": "open", "text": "What can you do for us?", "choices": [
      {"id": "ask", "text": "What is going on at your company?", "score": {"qualify": 2}, "learns": ["need"], "principles": ["listen"], "next": "needs"},
      {"id": "pitch", "text": "Our package costs 5000 euros.", "requires": ["need"], "principles": ["facts"],
       "feedback": "You priced a package before you knew what they need.", "next": "needs"}]},
    {"id": "needs", "text": "We are growing fast.", "choices": [
      {"id": "ask_more", "text": "How fast, and what is straining?", "score": {"qualify": 1}, "next": "propose"},
      {"id": "deflect", "text": "Lovely weather today.", "score": {"relationship": -1}, "next": "propose"}]},
    {"id": "propose", "text": "So what do you propose?", "choices": [
      {"id": "v10", "text": "A workshop on your own quotes.", "score": {"qualify": 10}, "principles": ["depth"], "next": "close"},
      {"id": "v9", "text": "A day with your sales team.", "score": {"qualify": 9}, "next": "close"},
      {"id": "v7", "text": "A webinar.", "score": {"qualify": 7}, "next": "close"},
      {"id": "v4", "text": "I'll send you a brochure.", "score": {"qualify": 4}, "principles": ["depth"], "next": "close"},
      {"id": "v0", "text": "Whatever you like.", "next": "close"}]},
    {"id": "close", "text": "Shall we meet?", "choices": [
      {"id": "meet", "text": "Let's meet with your director.", "score": {"relationship": 3}, "next": "won"},
      {"id": "call", "text": "Let's have a call.", "score": {"relationship": 2, "qualify": 1}, "next": "won"},
      {"id": "push", "text": "Sign today and save ten per cent.", "score": {"relationship": -2}, "next": "lost"}]},
    {"id": "won", "text": "She books the meeting.", "ending": {"outcome": "qualified-fit", "title": "Meeting booked"}},
    {"id": "lost", "text": "She hangs up.", "ending": {"outcome": "abandoned-fit", "title": "Pushed away"}}
  ]})";

const std::vector<std::string> kPlayed = {"pitch", "ask_more", "v4", "call"};

}  // namespace

TEST_CASE("score_between and classify_loss follow the documented formulas and thresholds") {
    CHECK(score_between(5, 0, 10) == doctest::Approx(50.0));
    CHECK(score_between(-8, -8, 19) == doctest::Approx(0.0));
    CHECK(score_between(19, -8, 19) == doctest::Approx(100.0));
    CHECK(score_between(3, 3, 3) == 100.0);      // best == worst
    CHECK(score_between(12, 0, 10) == 100.0);    // clamped
    CHECK(score_between(-1, 0, 10) == 0.0);

    // Losses in points of the overall score, default thresholds good 5, inaccuracy 10, mistake 20.
    const VerdictThresholds t;
    CHECK(classify_loss(0, t) == Verdict::Best);
    CHECK(classify_loss(0.1, t) == Verdict::Good);
    CHECK(classify_loss(5, t) == Verdict::Good);
    CHECK(classify_loss(5.1, t) == Verdict::Inaccuracy);
    CHECK(classify_loss(10, t) == Verdict::Inaccuracy);
    CHECK(classify_loss(10.1, t) == Verdict::Mistake);
    CHECK(classify_loss(20, t) == Verdict::Mistake);
    CHECK(classify_loss(20.1, t) == Verdict::Blunder);
    CHECK(classify_loss(100, t) == Verdict::Blunder);
    const VerdictThresholds tuned{1, 3, 4};
    CHECK(classify_loss(2, tuned) == Verdict::Inaccuracy);
    CHECK(classify_loss(4.5, tuned) == Verdict::Blunder);

    CHECK(std::string(verdict_id(Verdict::Best)) == "best");
    CHECK(std::string(verdict_id(Verdict::Good)) == "good");
    CHECK(std::string(verdict_id(Verdict::Inaccuracy)) == "inaccuracy");
    CHECK(std::string(verdict_id(Verdict::Mistake)) == "mistake");
    CHECK(std::string(verdict_id(Verdict::Blunder)) == "blunder");
}

TEST_CASE("verdicts: options worth 10, 9, 7, 4, 0 with tuned thresholds are best, good, inaccuracy, mistake, blunder") {
    // One decision carries the whole score. The scale runs from 10 down to the pessimist's option,
    // v0 (0): its loss, 10, is not more than twice the next largest (6), so it is no outlier. So a
    // loss of 1 is 10 points of the overall score; the rubric tunes the thresholds to 10, 30 and 60.
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}],
                 "verdict_thresholds": {"good": 10, "inaccuracy": 30, "mistake": 60}},
      "nodes": [
        {"id": "s", "choices": [
          {"id": "v10", "score": {"qualify": 10}, "next": "e"},
          {"id": "v9", "score": {"qualify": 9}, "next": "e"},
          {"id": "v7", "score": {"qualify": 7}, "next": "e"},
          {"id": "v4", "score": {"qualify": 4}, "next": "e"},
          {"id": "v0", "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})");
    auto a = analyse_ok(scenario);
    CHECK(a->pessimist(0) == 0.0);
    struct Expected { const char* id; Verdict verdict; double loss; double accuracy; double score; };
    const Expected cases[] = {
        {"v10", Verdict::Best, 0, 100, 100}, {"v9", Verdict::Good, 1, 90, 90}, {"v7", Verdict::Inaccuracy, 3, 70, 70},
        {"v4", Verdict::Mistake, 6, 40, 40}, {"v0", Verdict::Blunder, 10, 0, 0}};
    for (const auto& expected : cases) {
        CAPTURE(expected.id);
        Debrief d = make_debrief(*a, play(scenario, {expected.id}));
        REQUIRE(d.decisions.size() == 1);
        const DecisionReview& r = d.decisions[0];
        CHECK(r.verdict == expected.verdict);
        CHECK(r.loss == doctest::Approx(expected.loss));
        CHECK(r.spread == doctest::Approx(10.0));
        CHECK(r.counted);
        CHECK(r.better == 0);
        CHECK(d.accuracy == doctest::Approx(expected.accuracy));
        CHECK(d.overall_score == doctest::Approx(expected.score));
        CHECK(d.dimensions[0].score == doctest::Approx(expected.score));
        REQUIRE(r.alternatives.size() == 5);
        CHECK(r.alternatives[2].q == doctest::Approx(7.0));
        CHECK(r.alternatives[2].what_if == doctest::Approx(70.0));
        if (expected.loss > 0) CHECK(d.costliest == std::vector<std::size_t>{0});
        else CHECK(d.costliest.empty());
    }
}

TEST_CASE("debrief of four decisions: scores, verdicts, accuracy, costliest, what-ifs, best line") {
    auto scenario = load_body(kFourDecisions);
    auto a = analyse_ok(scenario);
    Session session = play(scenario, kPlayed);
    REQUIRE(session.finished());
    Debrief d = make_debrief(*a, session);

    CHECK(d.finished);
    CHECK(scenario->nodes[static_cast<std::size_t>(d.ending_node.value())].id == "won");

    // Totals: qualify 0 + 1 + 4 + 1 = 6, bias -2, relationship 2; weighted 6 - 2 + 2 x 2 = 8.
    CHECK(d.weighted_total == doctest::Approx(8.0));
    CHECK(a->pessimist(0) == doctest::Approx(1.0));
    CHECK(d.overall_score == doctest::Approx(100.0 * 7.0 / 18.0));
    REQUIRE(d.passed.has_value());
    CHECK_FALSE(*d.passed);  // 39 < 60
    REQUIRE(d.dimensions.size() == 3);
    CHECK(d.dimensions[0].total == 6);
    CHECK(d.dimensions[0].worst == 0);
    CHECK(d.dimensions[0].best == 14);
    // Each dimension is scored against the best line's total on it (qualify 13: the best line takes
    // `meet`, not `call`'s extra qualify point, so 14 is reachable but traded away).
    CHECK(d.dimensions[0].line == 13);
    CHECK(d.dimensions[0].traded);
    CHECK(d.dimensions[0].traded_points == doctest::Approx(1.0));
    CHECK(d.dimensions[0].decided == doctest::Approx(6.0));
    CHECK(d.dimensions[0].score == doctest::Approx(100.0 * 6.0 / 13.0));
    CHECK_FALSE(d.dimensions[1].traded);
    CHECK(d.dimensions[1].total == -2);
    CHECK(d.dimensions[1].worst == -2);
    CHECK(d.dimensions[1].best == 0);
    CHECK(d.dimensions[1].score == doctest::Approx(0.0));
    CHECK(d.dimensions[2].total == 2);
    CHECK(d.dimensions[2].worst == -3);
    CHECK(d.dimensions[2].best == 3);
    CHECK(d.dimensions[2].score == doctest::Approx(100.0 * 5.0 / 6.0));

    // Each dimension's sentence names the decision that lost most on it and the better option; on
    // qualify, which the best line trades, it adds that the best line gives up a point there.
    CHECK(report::dimension_sentence(d, *scenario, 0, kEn) ==
          "Most was lost when you chose “I'll send you a brochure.” (-6); better: “A workshop on your own quotes.” "
          "A deliberate trade: the best line gives up 1 point here that another path collects.");
    CHECK(report::dimension_sentence(d, *scenario, 1, kEn) ==
          "Most was lost when you chose “Our package costs 5000 euros.” (-2); better: “What is going on at your company?”");
    CHECK(report::dimension_sentence(d, *scenario, 2, kEn) ==
          "Most was lost when you chose “Let's have a call.” (-1); better: “Let's meet with your director.”");

    REQUIRE(d.decisions.size() == 4);
    // Verdicts on the absolute scale: the overall score spans value 19 down to the pessimist's 1, 18
    // weighted points, so a loss of 1 costs 5.6 points of 100 (default thresholds 5, 10, 20).
    struct Expected { const char* node; const char* better; Verdict verdict; double loss, spread; bool counted; };
    const Expected expected[] = {
        {"open", "ask", Verdict::Blunder, 4, 4, true},        // 22.2 points
        {"needs", "ask_more", Verdict::Best, 0, 3, true},
        {"propose", "v10", Verdict::Blunder, 6, 10, true},    // 33.3 points
        {"close", "meet", Verdict::Inaccuracy, 1, 10, true}}; // 5.6 points
    for (std::size_t i = 0; i < 4; ++i) {
        CAPTURE(i);
        const DecisionReview& r = d.decisions[i];
        CHECK(scenario->nodes[static_cast<std::size_t>(r.node)].id == expected[i].node);
        CHECK(r.chosen == choice_index(*scenario, expected[i].node, kPlayed[i]));
        CHECK(r.better == choice_index(*scenario, expected[i].node, expected[i].better));
        CHECK(r.verdict == expected[i].verdict);
        CHECK(r.loss == doctest::Approx(expected[i].loss));
        CHECK(r.loss_points == doctest::Approx(100.0 * expected[i].loss / 18.0));
        CHECK(r.spread == doctest::Approx(expected[i].spread));
        CHECK(r.counted == expected[i].counted);
    }
    CHECK(d.decisions[0].assumed_facts == std::vector<int>{0});
    CHECK(d.decisions[1].assumed_facts.empty());
    // Per-dimension losses: the best line's total here minus the best line's after the choice.
    CHECK(d.decisions[0].dimension_loss == std::vector<double>{2, 2, 0});
    CHECK(d.decisions[2].dimension_loss == std::vector<double>{6, 0, 0});
    CHECK(d.decisions[3].dimension_loss == std::vector<double>{0, 0, 1});

    // Accuracy: mean of 100 (1 - loss/spread) = (0 + 100 + 40 + 90) / 4.
    CHECK(d.accuracy == doctest::Approx(57.5));
    // Costliest, largest loss first: propose (6), open (4), close (1).
    CHECK(d.costliest == std::vector<std::size_t>{2, 0, 3});

    // What-ifs: the overall score had the trainee taken each option and then played best, with
    // what was scored before the decision (-2 before needs, -1 before propose, 3 before close).
    auto what_ifs = [&](std::size_t i) {
        std::vector<double> out;
        for (const auto& alt : d.decisions[i].alternatives) out.push_back(alt.what_if);
        return out;
    };
    auto score = [](double total) { return std::clamp(100.0 * (total - 1.0) / 18.0, 0.0, 100.0); };
    REQUIRE(d.decisions[0].alternatives.size() == 2);
    CHECK(d.decisions[0].alternatives[0].q == doctest::Approx(19.0));
    CHECK(d.decisions[0].alternatives[1].q == doctest::Approx(15.0));
    CHECK(what_ifs(0)[0] == doctest::Approx(100.0));
    CHECK(what_ifs(0)[1] == doctest::Approx(score(15)));
    CHECK(what_ifs(1)[0] == doctest::Approx(score(-2 + 17)));
    CHECK(what_ifs(1)[1] == doctest::Approx(score(-2 + 14)));
    REQUIRE(d.decisions[2].alternatives.size() == 5);
    const double propose_q[] = {16, 15, 13, 10, 6};
    for (std::size_t k = 0; k < 5; ++k) {
        CHECK(d.decisions[2].alternatives[k].choice == static_cast<int>(k));
        CHECK(d.decisions[2].alternatives[k].q == doctest::Approx(propose_q[k]));
        CHECK(what_ifs(2)[k] == doctest::Approx(score(-1 + propose_q[k])));
    }
    REQUIRE(what_ifs(3).size() == 3);
    CHECK(what_ifs(3)[0] == doctest::Approx(score(9)));
    CHECK(what_ifs(3)[1] == doctest::Approx(score(8)));
    CHECK(what_ifs(3)[2] == doctest::Approx(score(-1)));
    // The option actually played at the last decision scores what the run scored.
    CHECK(what_ifs(3)[1] == doctest::Approx(d.overall_score));

    // The best line: best option at every decision, ending included.
    REQUIRE(d.best_line.size() == 5);
    const char* line_nodes[] = {"open", "needs", "propose", "close", "won"};
    const char* line_choices[] = {"ask", "ask_more", "v10", "meet"};
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(scenario->nodes[static_cast<std::size_t>(d.best_line[i].node)].id == line_nodes[i]);
        if (i < 4) CHECK(d.best_line[i].choice == choice_index(*scenario, line_nodes[i], line_choices[i]));
        else CHECK_FALSE(d.best_line[i].choice);
        CHECK_FALSE(d.best_line[i].random_branch);
    }
}

TEST_CASE("the best line scores 100 overall and on every dimension it maximises") {
    auto scenario = load_body(kFourDecisions);
    auto a = analyse_ok(scenario);
    Debrief d = make_debrief(*a, play(scenario, {"ask", "ask_more", "v10", "meet"}));
    CHECK(d.overall_score == doctest::Approx(100.0));
    CHECK(d.accuracy == doctest::Approx(100.0));
    CHECK(d.costliest.empty());
    CHECK(*d.passed);
    for (const auto& r : d.decisions) CHECK(r.verdict == Verdict::Best);
    CHECK(d.dimensions[1].score == doctest::Approx(100.0));
    CHECK(d.dimensions[2].score == doctest::Approx(100.0));
    CHECK(report::dimension_sentence(d, *scenario, 1, kEn) == "Full marks: none of your decisions cost anything here.");
    // qualify: 13 of a reachable 14 is full marks, and the debrief says the best line trades 1 point
    // there (the best weighted line takes `meet`, not `call`'s extra qualify point).
    CHECK(d.dimensions[0].score == doctest::Approx(100.0));
    CHECK(d.dimensions[0].traded);
    CHECK(d.dimensions[0].traded_points == doctest::Approx(1.0));
    CHECK(d.outcome_score == doctest::Approx(100.0));
    CHECK(d.luck == doctest::Approx(0.0));
}

TEST_CASE("debrief text, Markdown and JSON carry the pieces a trainee needs") {
    auto scenario = load_body(kFourDecisions);
    auto a = analyse_ok(scenario);
    Debrief d = make_debrief(*a, play(scenario, kPlayed));

    std::string text = report::debrief_text(d, *scenario, kEn);
    INFO(text);
    CHECK(contains(text, "== Debrief: Scoring test =="));
    CHECK(contains(text, "Ending: Meeting booked (Qualified a good fit)"));
    CHECK(contains(text, "Overall score: 39/100"));
    CHECK(contains(text, "Accuracy: 58%"));  // 57.5 rounds half to even
    CHECK(contains(text, "Pass mark: 60: Not passed yet"));
    CHECK(contains(text, "(+6; Range 0..+14)"));
    CHECK(contains(text, "“Our package costs 5000 euros.” — Blunder, Cost: 22.2 points; Unsupported assumption: The actual need"));
    CHECK(contains(text, "“I'll send you a brochure.” — Blunder, Cost: 33.3 points"));
    CHECK(contains(text, "“How fast, and what is straining?” — Best choice\n"));
    // The costliest decision comes first, with the better option and the principle it shows.
    std::size_t costliest = text.find("Costliest decisions:");
    REQUIRE(costliest != std::string::npos);
    std::string block = text.substr(costliest);
    CHECK(block.find("1. “So what do you propose?”") < block.find("2. “What can you do for us?”"));
    CHECK(contains(block, "You chose: “I'll send you a brochure.” (Blunder, Cost: 33.3 points)"));
    CHECK(contains(block, "Better would have been: “A workshop on your own quotes.”"));
    CHECK(contains(block, "Principle: Go deep, not wide — One concrete proposal beats a pile of paper."));
    CHECK(contains(block, "Principle: Facts, not labels"));
    CHECK(contains(block, "Feedback: You priced a package before you knew what they need."));
    CHECK(contains(block, "3. “Shall we meet?”"));
    CHECK(contains(text, "Decision 3: “A workshop on your own quotes.” 78, “A day with your sales team.” 72"));
    CHECK(contains(text, "“I'll send you a brochure.” 44 (your choice)"));
    CHECK(contains(text, "Best line:\n  - “What is going on at your company?”\n  - “How fast, and what is straining?”\n"
                         "  - “A workshop on your own quotes.”\n  - “Let's meet with your director.”\n"
                         "  - Ending: Meeting booked (Qualified a good fit)\n"));

    std::string md = report::debrief_markdown(d, *scenario, kEn);
    INFO(md);
    CHECK(contains(md, "# Debrief: Scoring test\n"));
    CHECK(contains(md, "- **Overall score:** 39/100"));
    CHECK(contains(md, "| Qualify | 46/100 | +6 | 0..+14 | Most was lost when you chose “I'll send you a brochure.” (-6)"));
    CHECK(contains(md, "## Costliest decisions"));
    CHECK(contains(md, "**Slightly off**"));

    json j = report::debrief_json(d, *scenario, kEn);
    CHECK(j["scenario"] == "scoring_test");
    CHECK(j["version"] == "2.1.0");
    CHECK(j["finished"] == true);
    CHECK(j["passed"] == false);
    CHECK(j["ending"]["node"] == "won");
    CHECK(j["ending"]["outcome"] == "qualified-fit");
    CHECK(j["accuracy"].get<double>() == doctest::Approx(57.5));
    CHECK(j["costliest"] == json::array({2, 0, 3}));
    REQUIRE(j["decisions"].size() == 4);
    CHECK(j["decisions"][0]["assumed_facts"] == json::array({"need"}));
    CHECK(j["decisions"][0]["verdict"] == "blunder");
    CHECK(j["decisions"][2]["chosen"] == "v4");
    CHECK(j["decisions"][2]["better"] == "v10");
    CHECK(j["decisions"][2]["verdict"] == "blunder");
    CHECK(j["decisions"][2]["loss"].get<double>() == doctest::Approx(6.0));
    CHECK(j["decisions"][2]["alternatives"][0]["choice"] == "v10");
    CHECK(j["decisions"][2]["alternatives"][0]["value"].get<double>() == doctest::Approx(16.0));
    CHECK(j["dimensions"][1]["dimension"] == "bias");
    CHECK(j["dimensions"][1]["total"] == -2);
    CHECK(j["best_line"].back() == json{{"node", "won"}});
    CHECK(j["best_line"][2] == json{{"node", "propose"}, {"choice", "v10"}});
}

TEST_CASE("the same scenario and choices give a byte-identical debrief") {
    auto first = load_body(kFourDecisions), second = load_body(kFourDecisions);
    auto a1 = analyse_ok(first), a2 = analyse_ok(second);
    std::string one = report::debrief_json(make_debrief(*a1, play(first, kPlayed)), *first, kEn).dump();
    std::string two = report::debrief_json(make_debrief(*a2, play(second, kPlayed)), *second, kEn).dump();
    CHECK(one == two);
    std::string again = report::debrief_json(make_debrief(*a1, play(first, kPlayed)), *first, kEn).dump();
    CHECK(one == again);
    CHECK(report::debrief_text(make_debrief(*a1, play(first, kPlayed)), *first, kEn) ==
          report::debrief_text(make_debrief(*a2, play(second, kPlayed)), *second, kEn));
}

TEST_CASE("decisions with one option or options of equal value are not counted, no counted decision is 100%") {
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "variables": [{"id": "open_door", "type": "int", "min": 0, "max": 1, "initial": 0}],
      "nodes": [
        {"id": "s", "choices": [
          {"id": "only", "score": {"qualify": 1}, "next": "m"},
          {"id": "locked", "condition": "open_door == 1", "score": {"qualify": 5}, "next": "m"}]},
        {"id": "m", "choices": [
          {"id": "left", "score": {"qualify": 2}, "next": "e1"},
          {"id": "right", "score": {"qualify": 2}, "next": "e2"}]},
        {"id": "e1", "ending": {"outcome": "qualified-fit"}},
        {"id": "e2", "ending": {"outcome": "declined-misfit"}}
      ]})");
    AnalysisResult result = analyse(scenario);
    REQUIRE(result.analysis);
    Debrief d = make_debrief(*result.analysis, play(scenario, {"only", "right"}));
    REQUIRE(d.decisions.size() == 2);
    CHECK(d.decisions[0].alternatives.size() == 1);  // the locked option is not available
    CHECK_FALSE(d.decisions[0].counted);
    CHECK(d.decisions[1].spread == 0);
    CHECK_FALSE(d.decisions[1].counted);
    CHECK(d.decisions[1].verdict == Verdict::Best);
    CHECK(d.decisions[1].better == 0);  // first in file order on ties
    CHECK(d.accuracy == 100.0);
    CHECK(d.overall_score == 100.0);  // every complete path scores 3: best == worst
    CHECK_FALSE(d.passed.has_value());
}

TEST_CASE("bad luck is not a decision loss: random branches use expected values for decisions") {
    // s: gamble -> roll (1:3) -> A (x +4 | y +2) or B (z +8 | w -4); safe +6.  value(roll) = 7.
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "s", "choices": [{"id": "gamble", "next": "roll"}, {"id": "safe", "score": {"qualify": 6}, "next": "e"}]},
        {"id": "roll", "random": [{"weight": 1, "next": "A"}, {"weight": 3, "next": "B"}]},
        {"id": "A", "choices": [{"id": "x", "score": {"qualify": 4}, "next": "e"}, {"id": "y", "score": {"qualify": 2}, "next": "e"}]},
        {"id": "B", "choices": [{"id": "z", "score": {"qualify": 8}, "next": "e"}, {"id": "w", "score": {"qualify": -4}, "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})");
    auto a = analyse_ok(scenario);
    std::uint64_t seed = 0;
    for (; seed < 1000; ++seed) {
        Session probe = play(scenario, {"gamble"}, seed);
        if (probe.current().id == "A") break;
    }
    REQUIRE(seed < 1000);
    Session session = play(scenario, {"gamble", "x"}, seed);
    Debrief d = make_debrief(*a, session);
    REQUIRE(d.decisions.size() == 2);
    CHECK(d.decisions[0].verdict == Verdict::Best);
    CHECK(d.decisions[0].alternatives[0].q == doctest::Approx(7.0));  // 1/4 x 4 + 3/4 x 8
    CHECK(d.decisions[0].alternatives[1].q == doctest::Approx(6.0));
    CHECK(d.decisions[0].spread == doctest::Approx(1.0));
    // The decision score spans value 7 down to the pessimist's -2.5 (A: y 2, B: w -4, averaged 1:3;
    // then gamble, below safe): safe (6) would have scored 8.5 of 9.5.
    CHECK(a->pessimist(0) == doctest::Approx(-2.5));
    CHECK(d.decisions[0].alternatives[1].what_if == doctest::Approx(100.0 * 8.5 / 9.5));
    CHECK(d.decisions[1].verdict == Verdict::Best);
    CHECK(d.accuracy == doctest::Approx(100.0));
    // Every decision best: 100, whatever the draw. The outcome (4 on -4..8) and the luck say the rest.
    CHECK(d.overall_score == doctest::Approx(100.0));
    CHECK(d.decision_total == doctest::Approx(7.0));
    CHECK(d.outcome_score == doctest::Approx(100.0 * 8.0 / 12.0));
    CHECK(d.luck == doctest::Approx(-3.0));
    CHECK(d.dimensions[0].score == doctest::Approx(100.0));
    CHECK(d.dimensions[0].line == doctest::Approx(7.0));
    // The best line takes the most favourable branch.
    REQUIRE(d.best_line.size() == 4);
    CHECK(d.best_line[0].choice == 0);
    CHECK(d.best_line[1].random_branch == 1);
    CHECK(d.best_line[2].choice == 0);  // z
    std::string text = report::debrief_text(d, *scenario, kEn);
    CHECK(contains(text, "  - (Chance decides here.)\n"));
}

TEST_CASE("an unfinished run is debriefed as far as it went") {
    auto scenario = load_body(kFourDecisions);
    auto a = analyse_ok(scenario);
    Debrief d = make_debrief(*a, play(scenario, {"ask", "deflect"}));
    CHECK_FALSE(d.finished);
    CHECK_FALSE(d.ending_node);
    REQUIRE(d.passed.has_value());
    CHECK_FALSE(*d.passed);
    CHECK(d.decisions.size() == 2);
    CHECK(d.decisions[1].loss == doctest::Approx(3.0));  // deflect: q 14 against 17
    CHECK(d.decisions[1].verdict == Verdict::Mistake);   // 3 of 18 weighted points: 16.7 of 100
    // What it decided so far: ask (+2) and deflect (relationship -1 x 2) = 0, below the scale's 1.
    CHECK(d.decision_total == doctest::Approx(0.0));
    CHECK(d.overall_score == doctest::Approx(0.0));
    std::string text = report::debrief_text(d, *scenario, kEn);
    CHECK(contains(text, "Ending: The conversation was not finished."));
    json j = report::debrief_json(d, *scenario, kEn);
    CHECK_FALSE(j.contains("ending"));
}

TEST_CASE("the best line through a loop reaches an ending without repeating a state") {
    // s --on(+1)--> t --exit(+3)--> e2;  s --leave--> e1;  t --back(-1)--> s.  `back` is listed
    // first; going round costs 1, so the expected values make `exit` (3) the best at t.
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "s", "choices": [{"id": "on", "score": {"qualify": 1}, "next": "t"}, {"id": "leave", "next": "e1"}]},
        {"id": "t", "choices": [{"id": "back", "score": {"qualify": -1}, "next": "s"}, {"id": "exit", "score": {"qualify": 3}, "next": "e2"}]},
        {"id": "e1", "ending": {"outcome": "declined-misfit"}},
        {"id": "e2", "ending": {"outcome": "qualified-fit"}}
      ]})");
    auto a = analyse_ok(scenario);
    Debrief d = make_debrief(*a, play(scenario, {"on", "exit"}));
    CHECK(d.overall_score == doctest::Approx(100.0));
    std::string line;
    for (const auto& step : d.best_line) {
        line += scenario->nodes[static_cast<std::size_t>(step.node)].id;
        if (step.choice) line += ":" + scenario->nodes[static_cast<std::size_t>(step.node)].choices[static_cast<std::size_t>(*step.choice)].id;
        line += " ";
    }
    INFO("best line: " << line);
    CHECK(line == "s:on t:exit e2 ");
}

// ---------------------------------------------------------------------------------------------
// Scoring model v2 (issue 8): one hand-computed case per cause the issue lists. Each of these fails
// on the model before v2, as the comment of each case says.
// ---------------------------------------------------------------------------------------------

namespace {
Diagnostics warnings_of(const std::shared_ptr<const Scenario>& scenario) {
    AnalysisResult result = analyse(scenario);
    REQUIRE(result.analysis);
    return rubric_warnings(*result.analysis);
}
std::vector<std::string> codes_at(const Diagnostics& diagnostics, const std::string& code) {
    std::vector<std::string> pointers;
    for (const auto& d : diagnostics)
        if (d.code == code) pointers.push_back(d.pointer);
    return pointers;
}
}  // namespace

TEST_CASE("cause 1: a 1-point slip in a two-option decision is good, and a bad sibling relabels nothing") {
    // d1: a +1 | b 0;  d2: big +19 | small 0.  Value 20, worst 0: a loss of 1 is 5 points of 100.
    // Before v2 the verdict was relative to the decision's spread: b lost 1 of 1, a blunder; with
    // the sibling `bad` (-5) the same b became good (1 of 6). A scale to the worst path (25 wide
    // with `bad`) would also have moved b, to 4 points.
    const std::string body = R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "d1", "choices": [{"id": "a", "score": {"qualify": 1}, "next": "d2"}, {"id": "b", "next": "d2"}BAD]},
        {"id": "d2", "choices": [{"id": "big", "score": {"qualify": 19}, "next": "e"}, {"id": "small", "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})";
    auto plain = load_body(std::string(body).replace(body.find("BAD"), 3, ""));
    auto a = analyse_ok(plain);
    Debrief d = make_debrief(*a, play(plain, {"b", "big"}));
    CHECK(d.decisions[0].loss_points == doctest::Approx(5.0));
    CHECK(d.decisions[0].verdict == Verdict::Good);
    CHECK(d.overall_score == doctest::Approx(95.0));

    auto with_bad = load_body(std::string(body).replace(body.find("BAD"), 3, R"(, {"id": "bad", "score": {"qualify": -5}, "next": "d2"})"));
    auto a2 = analyse_ok(with_bad);
    Debrief d2 = make_debrief(*a2, play(with_bad, {"b", "big"}));
    // d1 now offers three options; bad's loss, 6, is more than twice b's, 1: an outlier the pessimist
    // leaves out, so it takes b (0) and the scale stays 20.
    CHECK(a2->pessimist(0) == 0.0);
    CHECK(d2.decisions[0].loss_points == doctest::Approx(5.0));
    CHECK(d2.decisions[0].verdict == Verdict::Good);
    Debrief d3 = make_debrief(*a2, play(with_bad, {"bad", "big"}));
    CHECK(d3.decisions[0].verdict == Verdict::Blunder);          // 6 of 20: 30 points
}

// d1: right +3 | wrong 0;  d2: big +17 | small 0.  Value 20, pessimist 0: wrong loses 3 = 15
// points, a mistake. A sibling `disaster` (-90) at d2: a scale to the worst complete path would run
// to -90 (110 wide) and make wrong lose 2.7 points, *good*, although nothing about d1 changed.
// disaster's loss, 107, is more than twice small's, 17: an outlier the pessimist leaves out. It takes
// small (0): the scale stays 20.
TEST_CASE("an extreme sibling elsewhere does not turn a real mistake into good") {
    const std::string body = R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "d1", "choices": [{"id": "right", "score": {"qualify": 3}, "next": "d2"}, {"id": "wrong", "next": "d2"}]},
        {"id": "d2", "choices": [{"id": "big", "score": {"qualify": 17}, "next": "e"}, {"id": "small", "next": "e"}EXTREME]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})";
    auto plain = load_body(std::string(body).replace(body.find("EXTREME"), 7, ""));
    auto a = analyse_ok(plain);
    const Debrief d = make_debrief(*a, play(plain, {"wrong", "big"}));
    REQUIRE(d.decisions[0].loss_points == doctest::Approx(15.0));
    REQUIRE(d.decisions[0].verdict == Verdict::Mistake);

    auto extreme = load_body(std::string(body).replace(
        body.find("EXTREME"), 7, R"(, {"id": "disaster", "score": {"qualify": -90}, "next": "e"})"));
    auto a2 = analyse_ok(extreme);
    CHECK(a2->worst(0, 1) == -90.0);
    CHECK(a2->pessimist(0) == 0.0);
    CHECK(make_debrief(*a2, play(extreme, {"wrong", "big"})).decisions[0].loss_points == doctest::Approx(15.0));
    CHECK(make_debrief(*a2, play(extreme, {"wrong", "big"})).decisions[0].verdict == Verdict::Mistake);
    CHECK(make_debrief(*a2, play(extreme, {"right", "disaster"})).decisions[1].verdict == Verdict::Blunder);
    CHECK(make_debrief(*a2, play(extreme, {"right", "big"})).overall_score == doctest::Approx(100.0));  // perfect run
}

TEST_CASE("cause 2: an ending's score lets the short right path score 100") {
    // decline ends at once with +5 declining; pursue collects 3 relationship points and ends with
    // none. Before v2 endings carried no score (the key was unknown), so declining scored 0.
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "declining", "title": "Declining"}, {"id": "relationship", "title": "Relationship"}]},
      "nodes": [
        {"id": "s", "choices": [{"id": "decline", "next": "declined"}, {"id": "pursue", "score": {"relationship": 1}, "next": "n2"}]},
        {"id": "n2", "choices": [{"id": "more", "score": {"relationship": 2}, "next": "lost"}]},
        {"id": "declined", "ending": {"outcome": "declined-misfit", "score": {"declining": 5}}},
        {"id": "lost", "ending": {"outcome": "pursued-misfit"}}
      ]})");
    auto a = analyse_ok(scenario);
    CHECK(a->best(0, 2) == 5.0);
    CHECK(a->worst(0, 2) == 3.0);
    Session right = play(scenario, {"decline"});
    CHECK(right.tallies() == std::vector<std::int64_t>{5, 0});
    Debrief d = make_debrief(*a, right);
    CHECK(d.weighted_total == 5.0);
    CHECK(d.overall_score == doctest::Approx(100.0));
    CHECK(d.decisions[0].verdict == Verdict::Best);
    // relationship: the best line collects 0 there while 3 are reachable: a trade, not a failure.
    CHECK(d.dimensions[1].score == doctest::Approx(100.0));
    CHECK(d.dimensions[1].traded);
    CHECK(d.dimensions[1].traded_points == doctest::Approx(3.0));
    Debrief wrong = make_debrief(*a, play(scenario, {"pursue", "more"}));
    CHECK(wrong.overall_score == doctest::Approx(0.0));
    CHECK(wrong.decisions[0].verdict == Verdict::Blunder);  // 2 of 2: 100 points
}

TEST_CASE("cause 3: a repair detour and an intent the scores miss are reported by analyze") {
    // blunt (+1 qualify, -3 relationship) then apologise (+3 relationship) is worth exactly as much
    // as right (+1 relationship): blunt loses nothing. Before v2 nothing told the author.
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}, {"id": "relationship", "title": "Relationship"}]},
      "nodes": [
        {"id": "s", "choices": [
          {"id": "blunt", "intent": "mistake", "score": {"qualify": 1, "relationship": -3}, "next": "sorry"},
          {"id": "right", "intent": "best", "score": {"relationship": 1}, "next": "e"}]},
        {"id": "sorry", "choices": [{"id": "apologise", "score": {"relationship": 3}, "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})");
    Diagnostics w = warnings_of(scenario);
    CHECK(codes_at(w, "SD3108") == std::vector<std::string>{"/nodes/0/choices/0"});
    REQUIRE(codes_at(w, "SD3107") == std::vector<std::string>{"/nodes/0/choices/0"});
    for (const auto& d : w)
        if (d.code == "SD3107")
            CHECK(d.message == "option 'blunt' at node 's' is meant as mistake but is graded best here: it loses 0.0 of 100 points (q 1.0, best 'blunt' q 1.0)");
    CHECK(scenario->nodes[0].choices[0].intent == Verdict::Mistake);
}

TEST_CASE("cause 4: a perfect run shows 100 on every dimension, the trade is carried as a number") {
    // meet (+3 relationship, weight 2) beats call (+2 relationship, +1 qualify). Before v2 the
    // perfect run scored qualify 0 of 100, because some path reaches qualify 1.
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}, {"id": "relationship", "title": "Relationship", "weight": 2}]},
      "nodes": [
        {"id": "s", "choices": [
          {"id": "meet", "score": {"relationship": 3}, "next": "e"},
          {"id": "call", "score": {"relationship": 2, "qualify": 1}, "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})");
    auto a = analyse_ok(scenario);
    Debrief d = make_debrief(*a, play(scenario, {"meet"}));
    CHECK(d.overall_score == doctest::Approx(100.0));
    CHECK(d.dimensions[0].score == doctest::Approx(100.0));
    CHECK(d.dimensions[0].traded);
    CHECK(d.dimensions[0].line == 0.0);
    CHECK(d.dimensions[0].best == 1.0);
    CHECK(d.dimensions[1].score == doctest::Approx(100.0));
    CHECK_FALSE(d.dimensions[1].traded);
    json j = report::debrief_json(d, *scenario, kEn);
    CHECK(j["dimensions"][0]["traded"] == true);
    CHECK(j["dimensions"][0]["line"] == 0.0);
}

TEST_CASE("cause 5a: chance: a lucky blunder never outscores the best line in the decision score") {
    // safe +6, or gamble into 1:9 jackpot (ending +10) or bust: gamble is worth 1 on average. Before
    // v2 the lucky gamble scored 100 and the safe line 60 (scores were on the totals, luck included).
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "s", "choices": [{"id": "safe", "score": {"qualify": 6}, "next": "e"}, {"id": "gamble", "next": "roll"}]},
        {"id": "roll", "random": [{"weight": 1, "next": "jackpot"}, {"weight": 9, "next": "bust"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}},
        {"id": "jackpot", "ending": {"outcome": "qualified-fit", "score": {"qualify": 10}}},
        {"id": "bust", "ending": {"outcome": "abandoned-fit"}}
      ]})");
    auto a = analyse_ok(scenario);
    std::uint64_t seed = 0;
    while (seed < 1000 && play(scenario, {"gamble"}, seed).current().id != "jackpot") ++seed;
    REQUIRE(seed < 1000);
    Debrief lucky = make_debrief(*a, play(scenario, {"gamble"}, seed));
    Debrief best = make_debrief(*a, play(scenario, {"safe"}));
    CHECK(lucky.weighted_total == 10.0);
    CHECK(lucky.outcome_score == doctest::Approx(100.0));  // what happened, chance included
    CHECK(lucky.decisions[0].loss == doctest::Approx(5.0));
    // The pessimist takes gamble (worth 1 on average): the scale is 6 - 1 = 5, the loss all of it.
    CHECK(a->pessimist(0) == doctest::Approx(1.0));
    CHECK(lucky.decisions[0].verdict == Verdict::Blunder);  // 5 of 5: 100 points
    CHECK(lucky.overall_score == doctest::Approx(0.0));
    CHECK(lucky.luck == doctest::Approx(9.0));
    CHECK(best.overall_score == doctest::Approx(100.0));
    CHECK(lucky.overall_score < best.overall_score);
}

TEST_CASE("cause 5b: loops: a loop that scores is reported and its exit is best, a long-shot retry is not") {
    // again (+1, back to the same situation) or exit (ending +2). Before v2 going round was valued
    // best-case, 1 + 2 = 3, so again was best and exit lost 1 (and analyze said nothing).
    auto scoring_loop = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "a", "choices": [{"id": "again", "score": {"qualify": 1}, "next": "a"}, {"id": "exit", "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit", "score": {"qualify": 2}}}
      ]})");
    auto a = analyse_ok(scoring_loop);
    CHECK(a->gain_loop_nodes() == std::vector<int>{0});
    CHECK(codes_at(rubric_warnings(*a), "SD3106") == std::vector<std::string>{"/nodes/0"});
    Debrief d = make_debrief(*a, play(scoring_loop, {"again", "exit"}));
    REQUIRE(d.decisions.size() == 2);
    CHECK(d.decisions[1].verdict == Verdict::Best);  // exit
    CHECK(d.decisions[1].loss == 0.0);
    CHECK(d.decisions[0].loss == 0.0);               // going round gains nothing in value
    CHECK(d.overall_score == doctest::Approx(100.0));
    REQUIRE(d.best_line.size() == 2);
    CHECK(d.best_line[0].choice == 1);               // the best line leaves the loop

    // retry costs 1 and succeeds 1 time in 10 (ending +10), else back to the same situation;
    // give_up ends with +2, insult with -6. Expected: V = max(-1 + 0.1 x 10 + 0.9 V, 2) = 2, retry
    // 1.8. insult's loss, 8, is more than twice retry's, 0.2: an outlier. The pessimist at t takes
    // the lower of retry (worth 0.9 P(t) to it) and give_up (2), so P(t) = 0: retry gives up 0.2 of
    // a 2-point scale, 10 points, an inaccuracy. Before v2 retry was valued by its lucky simple path, 9, and graded best.
    auto retry = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "t", "choices": [{"id": "retry", "score": {"qualify": -1}, "next": "r"}, {"id": "give_up", "next": "g"},
                                {"id": "insult", "score": {"qualify": -8}, "next": "g"}]},
        {"id": "r", "random": [{"weight": 1, "next": "win"}, {"weight": 9, "next": "t"}]},
        {"id": "win", "ending": {"outcome": "qualified-fit", "score": {"qualify": 10}}},
        {"id": "g", "ending": {"outcome": "declined-misfit", "score": {"qualify": 2}}}
      ]})");
    auto b = analyse_ok(retry);
    CHECK(b->gain_loop_nodes().empty());
    CHECK(b->value(0) == doctest::Approx(2.0));
    Debrief r = make_debrief(*b, play(retry, {"retry"}, 0));
    REQUIRE_FALSE(r.decisions.empty());
    CHECK(r.decisions[0].alternatives[0].q == doctest::Approx(1.8));
    CHECK(b->pessimist(0) == doctest::Approx(0.0));
    CHECK(r.decisions[0].loss_points == doctest::Approx(10.0));
    CHECK(r.decisions[0].verdict == Verdict::Inaccuracy);
    CHECK(r.decisions[0].better == 1);
}

TEST_CASE("cause 6: dominance (SD3102) judges an option by what it leads to") {
    // ask scores nothing now but opens +3; pitch scores +1 and leads nowhere; mumble scores nothing
    // and leads where pitch does. Before v2 ask was reported as dominated by pitch.
    auto scenario = load_body(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
      "nodes": [
        {"id": "s", "choices": [
          {"id": "ask", "next": "deep"},
          {"id": "pitch", "score": {"qualify": 1}, "next": "e"},
          {"id": "mumble", "next": "e"}]},
        {"id": "deep", "choices": [{"id": "offer", "score": {"qualify": 3}, "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})");
    CHECK(codes_at(warnings_of(scenario), "SD3102") == std::vector<std::string>{"/nodes/0/choices/2"});
}

TEST_CASE("a Playthrough rebuilds the run and its debrief, and refuses other content") {
    auto scenario = load_body(kFourDecisions);
    auto a = analyse_ok(scenario);
    Session session = play(scenario, kPlayed);
    Playthrough p = session.playthrough();
    CHECK(p.scenario_id == "scoring_test");
    CHECK(p.scenario_version == "2.1.0");
    CHECK(p.content_hash.size() == 16);
    CHECK(p.content_hash == scenario->content_hash);
    CHECK(p.choices == kPlayed);
    std::string error;
    auto rebuilt = make_debrief(*a, p, error);
    REQUIRE(rebuilt.has_value());
    CHECK(report::debrief_json(*rebuilt, *scenario, kEn).dump() == report::debrief_json(make_debrief(*a, session), *scenario, kEn).dump());
    auto round_trip = playthrough_from_json(playthrough_to_json(p), error);
    REQUIRE(round_trip.has_value());
    CHECK(round_trip->choices == p.choices);
    CHECK(round_trip->seed == p.seed);

    Playthrough other = p;
    other.content_hash = "0000000000000000";
    CHECK_FALSE(make_debrief(*a, other, error).has_value());
    CHECK(error.find("other content") != std::string::npos);
    other = p;
    other.choices[1] = "nonsense";
    CHECK_FALSE(make_debrief(*a, other, error).has_value());
    CHECK(error.find("'nonsense'") != std::string::npos);
    CHECK_FALSE(playthrough_from_json(json{{"scenario_id", 3}}, error).has_value());
}

TEST_CASE("the content hash is FNV-1a 64 of the file's bytes") {
    CHECK(content_hash_of("") == "cbf29ce484222325");
    CHECK(content_hash_of("a") == "af63dc4c8601ec8c");
    CHECK(content_hash_of("foobar") == "85944171f73967e8");
}
