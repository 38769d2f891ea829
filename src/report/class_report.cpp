// Merging export files into a class report: identity and duplicates, then tallies per scenario.
#include "export_words.hpp"

#include <salesdojo/report/class_report.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace salesdojo::report {
namespace {

using detail::named;

struct Counted {
    const ExportedAttempt* attempt;
    const ScenarioNames* names;  // of the file it came from; may be null
};

// Per scenario while counting.
struct ScenarioWork {
    ScenarioTally tally;
    std::set<std::string> trainees;
    double overall_sum = 0.0, accuracy_sum = 0.0;
    std::size_t accuracy_count = 0;
    std::vector<std::string> dimension_order;
    std::map<std::string, std::pair<double, std::size_t>> dimension_sums;
    std::map<std::string, std::string> dimension_names, outcome_names;
    std::map<std::string, std::size_t> outcomes;
    struct Node {
        DecisionTally tally;
        double position_sum = 0.0;
        std::map<std::string, ChoiceTally> choices;
        std::map<std::string, std::map<std::string, std::size_t>> verdicts;  // choice -> verdict -> count
        std::set<std::string> best_choices;  // from the exports' best_choice
    };
    std::map<std::string, Node> nodes;
};

// The verdict given most often (ties: the better verdict, which comes first in verdict order).
std::string most_given(const std::map<std::string, std::size_t>& verdicts) {
    static const char* const order[] = {"best", "good", "inaccuracy", "mistake", "blunder"};
    std::string top;
    std::size_t top_count = 0;
    for (const char* v : order)
        if (const auto it = verdicts.find(v); it != verdicts.end() && it->second > top_count) top = v, top_count = it->second;
    return top;
}

void count_attempt(ScenarioWork& work, const Counted& c) {
    const ExportedAttempt& a = *c.attempt;
    ScenarioTally& t = work.tally;
    if (t.title.empty() && c.names) t.title = c.names->title;
    ++t.attempts;
    work.trainees.insert(a.trainee);
    work.overall_sum += a.overall;
    if (a.accuracy) work.accuracy_sum += *a.accuracy, ++work.accuracy_count;
    if (a.passed) ++t.with_pass_mark, t.passed += *a.passed ? 1 : 0;
    if (a.finished) {
        ++work.outcomes[a.outcome];
        if (!work.outcome_names.count(a.outcome) && c.names && c.names->outcomes.count(a.outcome))
            work.outcome_names[a.outcome] = c.names->outcomes.at(a.outcome);
    } else {
        ++t.unfinished;
    }
    for (const auto& d : a.dimensions) {
        auto [it, added] = work.dimension_sums.try_emplace(d.dimension_id, 0.0, 0);
        if (added) work.dimension_order.push_back(d.dimension_id);
        it->second.first += d.score;
        ++it->second.second;
        if (!work.dimension_names.count(d.dimension_id) && c.names && c.names->dimensions.count(d.dimension_id))
            work.dimension_names[d.dimension_id] = c.names->dimensions.at(d.dimension_id);
    }
    for (std::size_t i = 0; i < a.decisions.size(); ++i) {
        const ExportedDecision& d = a.decisions[i];
        ScenarioWork::Node& node = work.nodes[d.node_id];
        DecisionTally& dt = node.tally;
        if (dt.node_id.empty()) dt.node_id = d.node_id;
        if (dt.line.empty() && c.names)
            if (const auto it = c.names->nodes.find(d.node_id); it != c.names->nodes.end()) {
                dt.speaker = it->second.speaker;
                dt.line = it->second.line;
            }
        ++dt.decided;
        if (d.verdict == "best") ++dt.chose_best;
        node.position_sum += static_cast<double>(i);
        ChoiceTally& choice = node.choices[d.choice_id];
        choice.choice_id = d.choice_id;
        ++choice.count;
        if (choice.text.empty()) choice.text = detail::choice_text(c.names, d.node_id, d.choice_id);
        if (!d.verdict.empty()) ++node.verdicts[d.choice_id][d.verdict];
        if (!d.best_choice_id.empty()) {
            node.best_choices.insert(d.best_choice_id);
            if (!node.choices.count(d.best_choice_id)) {  // the best option, even when nobody took it
                ChoiceTally& best = node.choices[d.best_choice_id];
                best.choice_id = d.best_choice_id;
                best.text = detail::choice_text(c.names, d.node_id, d.best_choice_id);
            }
        }
    }
}

ScenarioTally finish(ScenarioWork& work, std::string_view w) {
    ScenarioTally t = std::move(work.tally);
    t.trainees = work.trainees.size();
    if (t.title.empty()) t.title = t.scenario_id;  // no export had the scenario's names
    if (t.attempts) t.mean_overall = work.overall_sum / static_cast<double>(t.attempts);
    if (work.accuracy_count) t.mean_accuracy = work.accuracy_sum / static_cast<double>(work.accuracy_count);
    for (const auto& id : work.dimension_order) {
        const auto& [sum, n] = work.dimension_sums[id];
        const auto name = work.dimension_names.find(id);
        t.dimensions.push_back({id, name != work.dimension_names.end() ? name->second : named(nullptr, "dimension", id, w),
                                sum / static_cast<double>(n), n});
    }
    for (const auto& [id, n] : work.outcomes) {
        const auto name = work.outcome_names.find(id);
        t.outcomes.push_back({id, name != work.outcome_names.end() ? name->second : named(nullptr, "outcome", id, w), n});
    }
    std::stable_sort(t.outcomes.begin(), t.outcomes.end(), [](const CountTally& x, const CountTally& y) { return x.count > y.count; });
    for (auto& [id, node] : work.nodes) {
        DecisionTally dt = std::move(node.tally);
        dt.mean_position = node.position_sum / static_cast<double>(std::max<std::size_t>(dt.decided, 1));
        for (auto& [choice_id, choice] : node.choices) {
            choice.verdict = most_given(node.verdicts[choice_id]);
            choice.best = node.best_choices.empty() ? choice.verdict == "best" : node.best_choices.count(choice_id) > 0;
            dt.choices.push_back(std::move(choice));
        }
        std::stable_sort(dt.choices.begin(), dt.choices.end(),
                         [](const ChoiceTally& x, const ChoiceTally& y) { return x.count > y.count; });
        t.decisions.push_back(std::move(dt));
    }
    std::stable_sort(t.decisions.begin(), t.decisions.end(), [](const DecisionTally& x, const DecisionTally& y) {
        return x.mean_position < y.mean_position;
    });
    return t;
}

}  // namespace

ClassReport make_class_report(const std::vector<ClassInput>& inputs, std::string_view language) {
    const std::string_view w = language == "nl" ? "nl" : "en";
    ClassReport report;
    report.files = inputs.size();
    struct Seen {
        std::string key;
        std::size_t file;
    };
    std::unordered_map<std::string, Seen> seen;  // uid -> content key and the file it was counted from
    std::vector<Counted> counted;
    for (std::size_t f = 0; f < inputs.size(); ++f) {
        const ExportDocument& doc = inputs[f].document;
        for (const auto& a : doc.attempts) {
            ++report.attempts_read;
            std::string key = attempt_content_key(a);
            const auto it = seen.find(a.uid);
            if (it == seen.end()) {
                seen.emplace(a.uid, Seen{std::move(key), f});
                counted.push_back({&a, detail::names_of(doc, a.scenario_id)});
                continue;
            }
            if (it->second.key == key) {
                ++report.duplicates;
                continue;
            }
            const ScenarioNames* names = detail::names_of(doc, a.scenario_id);
            report.conflicts.push_back({a.uid, a.trainee, names ? names->title : a.scenario_id, a.started_ms,
                                        inputs[it->second.file].file, inputs[f].file});
        }
    }
    report.attempts_counted = counted.size();

    std::map<std::string, ScenarioWork> scenarios;
    std::set<std::string> trainees;
    for (const Counted& c : counted) {
        ScenarioWork& work = scenarios[c.attempt->scenario_id];
        work.tally.scenario_id = c.attempt->scenario_id;
        count_attempt(work, c);
        trainees.insert(c.attempt->trainee);
    }
    report.trainees = trainees.size();
    for (auto& [id, work] : scenarios) report.scenarios.push_back(finish(work, w));
    std::stable_sort(report.scenarios.begin(), report.scenarios.end(),
                     [](const ScenarioTally& x, const ScenarioTally& y) { return x.title < y.title; });
    return report;
}

}  // namespace salesdojo::report
