// One stored attempt as a self-contained HTML debrief (the debrief's own HTML writer, with who, when
// and how above it): re-scored when its scenario is at hand, else built from the stored numbers.
#include "export_words.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/results_export.hpp>
#include <salesdojo/scoring.hpp>

#include <algorithm>
#include <numeric>

namespace salesdojo::report {
namespace {

using detail::choice_text;
using detail::named;

Verdict verdict_from_id(const std::string& id) {
    for (Verdict v : {Verdict::Best, Verdict::Good, Verdict::Inaccuracy, Verdict::Mistake, Verdict::Blunder})
        if (id == verdict_id(v)) return v;
    return Verdict::Best;  // "" = not reviewed: the analysis gave no verdict, so none is held against it
}

PageFacts facts_of(const ExportedAttempt& a, std::string_view w) {
    PageFacts facts;
    facts.lines = {{word("export.trainee", w), a.trainee},
                   {word("export.played", w), readable_utc(a.started_ms)},
                   {word("export.mode", w), detail::mode_name(a.mode, w)},
                   {word("export.language", w), detail::language_name(a.language, w)},
                   {word("export.version", w), a.scenario_version}};
    return facts;
}

// The debrief page from the stored numbers alone: verdicts but no costs in points of 100 (the
// store keeps losses in weighted points), no what-ifs and no best line (they need the scenario).
DebriefPage stored_page(const ExportedAttempt& a, const ScenarioNames* names, std::string_view w) {
    DebriefPage page;
    page.languages.words = std::string(w);
    page.languages.content = names ? names->language : page.languages.words;
    SummarySection& s = page.summary;
    s.scenario_title = names && !names->title.empty() ? names->title : a.scenario_id;
    s.finished = a.finished;
    if (a.finished) {
        if (names)
            if (const auto it = names->endings.find(a.ending_node); it != names->endings.end()) s.ending_title = it->second;
        if (s.ending_title.empty()) s.ending_title = word("debrief.untitled_ending", w);
        s.outcome = named(names ? &names->outcomes : nullptr, "outcome", a.outcome, w);
    }
    s.overall = a.overall;
    s.accuracy = a.accuracy.value_or(100.0);
    for (std::size_t i = 0; i < a.dimensions.size(); ++i) {
        const ExportedDimension& d = a.dimensions[i];
        DimensionLine line;
        line.name = names && names->dimensions.count(d.dimension_id)
                        ? names->dimensions.at(d.dimension_id)
                        : (has_word("dimension." + d.dimension_id) ? std::string(word("dimension." + d.dimension_id, w))
                                                                    : phrase("dimension.unnamed", w, {std::to_string(i + 1)}));
        line.score = d.score;
        line.total = d.raw_total;
        page.dimensions.push_back(std::move(line));
    }
    for (const auto& d : a.decisions) {
        DecisionLine line;
        if (names)
            if (const auto it = names->nodes.find(d.node_id); it != names->nodes.end()) {
                line.speaker = it->second.speaker;
                line.line = it->second.line;
            }
        line.chosen = choice_text(names, d.node_id, d.choice_id);
        if (line.chosen.empty()) line.chosen = d.choice_id;  // no names exported: the id is all there is
        line.verdict = verdict_from_id(d.verdict);
        if (!d.best_choice_id.empty() && d.best_choice_id != d.choice_id)
            line.better = choice_text(names, d.node_id, d.best_choice_id);
        page.decisions.push_back(std::move(line));
    }
    // Costliest: the largest stored losses, as the debrief picks them (up to three, largest first).
    std::vector<std::size_t> order(a.decisions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return a.decisions[x].loss > a.decisions[y].loss; });
    for (std::size_t i : order)
        if (page.costliest.size() < 3 && a.decisions[i].loss > 1e-9) page.costliest.push_back(i);
    return page;
}

}  // namespace

std::string attempt_html(const ExportedAttempt& a, const ScenarioAtHand* at_hand, const ScenarioNames* names,
                         std::string_view language) {
    const std::string_view w = language == "nl" ? "nl" : "en";
    PageFacts facts = facts_of(a, w);
    std::string not_rescored = word("export.as_stored", w);
    if (at_hand && at_hand->scenario && at_hand->analysis) {
        const Scenario& s = *at_hand->scenario;
        Playthrough playthrough = a.playthrough();
        const bool changed = s.content_hash != a.content_hash;
        if (changed) {  // score the same choices against the file as it is now
            playthrough.scenario_version = s.version;
            playthrough.content_hash.clear();
        }
        std::string error;
        if (const auto debrief = make_debrief(*at_hand->analysis, playthrough, error)) {
            if (changed) facts.note = phrase("export.rescored_changed", w, {s.version, a.scenario_version});
            return debrief_html(debrief_page(*debrief, s, languages_for(s, w)), facts);
        }
        not_rescored = word("export.as_stored_changed", w);
    }
    facts.note = not_rescored;
    facts.unavailable = word("export.unavailable", w);
    if (a.passed) facts.lines.emplace_back(word("export.result", w), word(*a.passed ? "debrief.passed" : "debrief.not_passed", w));
    return debrief_html(stored_page(a, names, w), facts);
}

}  // namespace salesdojo::report
