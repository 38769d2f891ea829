#include "views/history_data.hpp"

#include <algorithm>
#include <map>

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
    data.attempts = results.history();
    data.by_scenario = store::progress_by_scenario(data.attempts);
    const std::vector<store::ScenarioOffer> offers = offers_of(catalogue);
    data.suggestion = store::suggest_next(data.attempts, offers);
    if (data.suggestion) {
        const int entry = find_entry(catalogue, data.suggestion->scenario_id);
        if (entry >= 0) data.suggested_entry = static_cast<std::size_t>(entry);
    }

    // The plot: attempts with dimension scores, oldest first, the most recent kMaxPlotPoints.
    std::vector<const store::AttemptSummary*> scored;
    for (auto it = data.attempts.rbegin(); it != data.attempts.rend(); ++it)
        if (!it->dimensions.empty()) scored.push_back(&*it);
    if (scored.size() > kMaxPlotPoints) scored.erase(scored.begin(), scored.end() - kMaxPlotPoints);
    std::map<std::string, std::size_t> index;
    for (const store::AttemptSummary* attempt : scored) {
        for (const auto& d : attempt->dimensions) {
            auto [it, fresh] = index.emplace(d.dimension_id, data.series.size());
            if (fresh) data.series.push_back({d.dimension_id, {}});
            data.series[it->second].scores.push_back(static_cast<float>(d.score));
        }
    }
    if (!scored.empty()) {
        data.plot_first_ms = scored.front()->ended_ms;
        data.plot_last_ms = scored.back()->ended_ms;
        data.plotted_attempts = scored.size();
    }
    return data;
}

}  // namespace salesdojo::gui
