// The history screen's reads: a page of the list, the newest scored attempts, and the per-scenario
// summary table. Each is a bounded range of an index, so the cost does not grow with the number of
// attempts a trainee has (docs/results.md, "History at 100,000 attempts"). See results_store.hpp.
#include <salesdojo/store/results_store.hpp>

#include "sqlite_statement.hpp"

#include <algorithm>

namespace salesdojo::store {
namespace {

using detail::Statement;

std::optional<bool> optional_bool(const Statement& row, int column) {
    if (row.is_null(column)) return std::nullopt;
    return row.int64(column) != 0;
}

std::int64_t as_limit(std::size_t limit) {
    return static_cast<std::int64_t>(std::min<std::size_t>(limit, static_cast<std::size_t>(INT64_MAX)));
}

AttemptSummary summary_row(const Statement& row) {
    return {row.int64(0), row.text(1), row.text(2), row.text(3), row.int64(4), row.real(5), row.optional_real(6),
            optional_bool(row, 7), {}};
}

}  // namespace

std::vector<AttemptSummary> ResultsStore::history_page(std::int64_t trainee_id, std::optional<HistoryPosition> after,
                                                       std::size_t limit) const {
    // The covering index attempts_history, walked backwards from `after`: `limit` index entries.
    Statement query(m_db, after ? R"sql(
        SELECT id, scenario_id, scenario_version, mode, ended_ms, overall, accuracy, passed FROM attempts
        WHERE trainee_id = ?1 AND (ended_ms, id) < (?2, ?3) ORDER BY ended_ms DESC, id DESC LIMIT ?4)sql"
                                : R"sql(
        SELECT id, scenario_id, scenario_version, mode, ended_ms, overall, accuracy, passed FROM attempts
        WHERE trainee_id = ?1 ORDER BY ended_ms DESC, id DESC LIMIT ?4)sql");
    query.bind(1, trainee_id).bind(4, as_limit(limit));
    if (after) query.bind(2, after->ended_ms).bind(3, after->id);
    std::vector<AttemptSummary> page;
    while (query.step()) page.push_back(summary_row(query));
    return page;
}

HistoryOverview ResultsStore::history_overview(std::int64_t trainee_id, std::size_t list_limit,
                                               std::size_t scored_limit) const {
    HistoryOverview overview;
    overview.recent = history_page(trainee_id, std::nullopt, list_limit);

    // One row per scenario (kept by the trigger of schema version 3); the count is their sum.
    Statement progress(m_db, R"sql(
        SELECT scenario_id, attempts, first_id, first_ms, first_overall, best_id, best_ms, best_overall,
               latest_id, latest_ms, latest_overall
        FROM scenario_progress WHERE trainee_id = ?1 ORDER BY latest_ms DESC, latest_id DESC)sql");
    progress.bind(1, trainee_id);
    while (progress.step()) {
        ScenarioProgress p;
        p.scenario_id = progress.text(0);
        p.attempts = static_cast<std::size_t>(progress.int64(1));
        p.first = {progress.int64(2), progress.int64(3), progress.real(4)};
        p.best = {progress.int64(5), progress.int64(6), progress.real(7)};
        p.latest = {progress.int64(8), progress.int64(9), progress.real(10)};
        overview.attempt_count += p.attempts;
        overview.by_scenario.push_back(std::move(p));
    }

    // The newest attempts that have dimension scores: the history index joined with the clustered
    // dimension_scores, in index order, stopped after `scored_limit` attempts. Attempts without
    // scores (imported ones) drop out of the join.
    if (scored_limit == 0) return overview;
    Statement scored(m_db, R"sql(
        SELECT a.id, a.scenario_id, a.scenario_version, a.mode, a.ended_ms, a.overall, a.accuracy, a.passed,
               d.dimension_id, d.raw_total, d.score
        FROM attempts a JOIN dimension_scores d ON d.trainee_id = a.trainee_id AND d.attempt_id = a.id
        WHERE a.trainee_id = ?1 ORDER BY a.ended_ms DESC, a.id DESC, d.position)sql");
    scored.bind(1, trainee_id);
    while (scored.step()) {
        const std::int64_t id = scored.int64(0);
        if (overview.scored.empty() || overview.scored.back().id != id) {
            if (overview.scored.size() == scored_limit) break;
            overview.scored.push_back(summary_row(scored));
        }
        overview.scored.back().dimensions.push_back({scored.text(8), scored.int64(9), scored.real(10)});
    }
    return overview;
}

}  // namespace salesdojo::store
