// The debrief as JSON for tools: ids, not names (docs/scoring.md lists the fields).
#include <salesdojo/report/debrief.hpp>

#include <nlohmann/json.hpp>

namespace salesdojo::report {

nlohmann::json debrief_json(const Debrief& d, const Scenario& s, const Languages& languages) {
    using nlohmann::json;
    const auto choice_id = [&](int node, int choice) {
        return s.nodes[static_cast<std::size_t>(node)].choices[static_cast<std::size_t>(choice)].id;
    };
    json dims = json::array();
    for (std::size_t i = 0; i < d.dimensions.size(); ++i) {
        const DimensionScore& dim = d.dimensions[i];
        dims.push_back({{"dimension", s.dimensions[static_cast<std::size_t>(dim.dimension)].id},
                        {"score", dim.score},
                        {"total", dim.total},
                        {"best", dim.best},
                        {"worst", dim.worst},
                        {"line", dim.line},
                        {"decided", dim.decided},
                        {"traded", dim.traded},
                        {"traded_points", dim.traded_points},
                        {"explanation", dimension_sentence(d, s, static_cast<int>(i), languages)}});
    }
    json decisions = json::array();
    for (const auto& r : d.decisions) {
        const Node& node = s.nodes[static_cast<std::size_t>(r.node)];
        json alternatives = json::array();
        for (const auto& alt : r.alternatives)
            alternatives.push_back(
                {{"choice", choice_id(r.node, alt.choice)}, {"value", alt.q}, {"what_if_score", alt.what_if},
                 {"loss_points", alt.loss_points}, {"verdict", verdict_id(alt.verdict)}});
        json assumed = json::array();
        for (int f : r.assumed_facts) assumed.push_back(s.facts[static_cast<std::size_t>(f)].id);
        json entry = {{"node", node.id},
                      {"chosen", choice_id(r.node, r.chosen)},
                      {"verdict", verdict_id(r.verdict)},
                      {"loss", r.loss},
                      {"loss_points", r.loss_points},
                      {"spread", r.spread},
                      {"counted", r.counted},
                      {"assumed_facts", assumed},
                      {"alternatives", alternatives}};
        entry["better"] = r.better ? json(choice_id(r.node, *r.better)) : json(nullptr);
        if (r.intent) entry["intent"] = verdict_id(*r.intent);
        decisions.push_back(std::move(entry));
    }
    json costliest = json::array();
    for (std::size_t i : d.costliest) costliest.push_back(i);
    json best_line = json::array();
    for (const auto& step : d.best_line) {
        json entry = {{"node", s.nodes[static_cast<std::size_t>(step.node)].id}};
        if (step.choice) entry["choice"] = choice_id(step.node, *step.choice);
        if (step.random_branch) entry["random_branch"] = *step.random_branch;
        best_line.push_back(std::move(entry));
    }
    json result = {{"scenario", s.id},
                   {"version", s.version},
                   {"language", languages.content},
                   {"finished", d.finished},
                   {"overall_score", d.overall_score},
                   {"weighted_total", d.weighted_total},
                   {"decision_total", d.decision_total},
                   {"outcome_score", d.outcome_score},
                   {"luck", d.luck},
                   {"accuracy", d.accuracy},
                   {"playtest", d.playthrough.playtest()},
                   {"playthrough", playthrough_to_json(d.playthrough)},
                   {"dimensions", dims},
                   {"decisions", decisions},
                   {"costliest", costliest},
                   {"best_line", best_line}};
    if (d.finished && d.ending_node) {
        const Node& end = s.nodes[static_cast<std::size_t>(*d.ending_node)];
        result["ending"] = {{"node", end.id},
                            {"outcome", s.outcomes[static_cast<std::size_t>(end.ending.outcome)].id},
                            {"title", ending_title(s, *d.ending_node, languages)}};
    }
    if (d.passed) result["passed"] = *d.passed;
    return result;
}

}  // namespace salesdojo::report
