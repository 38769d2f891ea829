#pragma once
// What the history screen shows, made once when it opens (never per frame): the trainee's newest
// attempts (a page at a time), first/best/latest per scenario, each dimension's scores over time for
// the plot, and the suggested next scenario (the rule is store::suggest_next, docs/results.md).
#include "results.hpp"
#include "views/catalogue.hpp"

#include <salesdojo/store/progress_summary.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

using DimensionSeries = store::DimensionSeries;

struct HistoryData {
    std::string trainee;                                // "" when the store is unavailable
    std::size_t attempt_count = 0;                      // every attempt of the trainee
    std::vector<store::AttemptSummary> attempts;        // newest first: the pages read so far
    std::vector<store::ScenarioProgress> by_scenario;   // most recently played first
    std::vector<DimensionSeries> series;                // in order of first appearance
    std::int64_t plot_first_ms = 0, plot_last_ms = 0;   // the time range the plot covers
    std::size_t plotted_attempts = 0;
    std::optional<store::Suggestion> suggestion;
    std::optional<std::size_t> suggested_entry;         // its catalogue entry
    // After an export button: the file(s) or folder written, or the place that could not be written.
    std::string exported_to;
    std::string export_failed;

    bool older_failed = false;                          // the next page could not be read

    bool has_older() const { return attempts.size() < attempt_count && !older_failed; }
};

HistoryData make_history_data(const Results& results, const Catalogue& catalogue);
// Appends the next page of older attempts to `data.attempts`.
void add_older_attempts(HistoryData& data, Results& results);

// The scenarios on offer, in catalogue order (easy to hard), with their skills.
std::vector<store::ScenarioOffer> offers_of(const Catalogue& catalogue);

}  // namespace salesdojo::gui
