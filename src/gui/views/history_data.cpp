#include "views/history_data.hpp"

namespace salesdojo::gui {

std::vector<store::ScenarioOffer> offers_of(const Catalogue& catalogue) {
    std::vector<store::ScenarioOffer> offers;
    for (const auto& entry : catalogue.entries)
        if (entry.ok()) offers.push_back({entry.card->id, entry.card->skills});
    return offers;
}

HistoryData make_history_data(const Results& results, const Catalogue& catalogue) {
    HistoryData data;
    if (results.trainee()) data.trainee = results.trainee()->name;
    const store::HistoryOverview& overview = results.overview();
    data.attempt_count = overview.attempt_count;
    data.attempts = overview.recent;
    data.by_scenario = overview.by_scenario;
    // The weakest skill from the attempts the plot shows; when each scenario was last played from
    // the per-scenario summary (docs/results.md, "Weakest skill and the next scenario").
    const std::vector<store::ScenarioOffer> offers = offers_of(catalogue);
    data.suggestion = store::suggest_next(store::weakest_skill(overview.scored, offers), overview.by_scenario, offers);
    if (data.suggestion) {
        const int entry = find_entry(catalogue, data.suggestion->scenario_id);
        if (entry >= 0) data.suggested_entry = static_cast<std::size_t>(entry);
    }
    store::PlotSeries plot = store::plot_series(overview.scored, kMaxPlotPoints);
    data.series = std::move(plot.series);
    data.plot_first_ms = plot.first_ms;
    data.plot_last_ms = plot.last_ms;
    data.plotted_attempts = plot.attempts;
    return data;
}

void add_older_attempts(HistoryData& data, Results& results) {
    if (data.attempts.empty() || !data.has_older()) return;
    std::vector<store::AttemptSummary> page = results.older_attempts(data.attempts.back());
    if (page.empty()) {  // the read failed (results.cpp said why on stderr): stop offering more
        data.older_failed = true;
        return;
    }
    data.attempts.insert(data.attempts.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
}

}  // namespace salesdojo::gui
