// The history screen's reads (ResultsStore::history_overview, history_page) against the same things
// computed from the full history: a page of the list, the newest scored attempts, and first/best/
// latest per scenario from the scenario_progress table, kept by a trigger and filled by migration 3.
#include "../gui/temp_env.hpp"
#include "store_fixtures.hpp"

#include <salesdojo/store/progress_summary.hpp>
#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <random>
#include <string>
#include <vector>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {

// Attempts in shuffled time order with ties, some without dimension scores (as imported ones), and
// repeated overall scores (so "the earliest of equals" matters), for two trainees.
void fill(store::ResultsStore& db, std::int64_t anna, std::int64_t bert, int count) {
    std::mt19937 random(11);
    for (int k = 0; k < count; ++k) {
        store::AttemptRecord a = synthetic_attempt(k % 4 == 3 ? bert : anna, static_cast<std::uint64_t>(k));
        a.scenario_id = "scenario-" + std::to_string(random() % 5);
        a.ended_ms = 1'700'000'000'000 + static_cast<std::int64_t>(random() % 40) * 1000;  // ties, any order
        a.overall = static_cast<double>(random() % 6) * 10;
        if (random() % 5 == 0) a.dimensions.clear();
        db.insert_attempt(a);
    }
}

void check_same_progress(const std::vector<store::ScenarioProgress>& got, const std::vector<store::ScenarioProgress>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(want[i].scenario_id);
        CHECK(got[i].scenario_id == want[i].scenario_id);
        CHECK(got[i].attempts == want[i].attempts);
        for (auto point : {&store::ScenarioProgress::first, &store::ScenarioProgress::best, &store::ScenarioProgress::latest}) {
            CHECK((got[i].*point).attempt_id == (want[i].*point).attempt_id);
            CHECK((got[i].*point).ended_ms == (want[i].*point).ended_ms);
            CHECK((got[i].*point).overall == (want[i].*point).overall);
        }
    }
}

// Everything history_overview returns, against the full history.
void check_overview(const store::ResultsStore& db, std::int64_t trainee, std::size_t list_limit, std::size_t scored_limit) {
    const std::vector<store::AttemptSummary> full = db.history(trainee);
    const store::HistoryOverview overview = db.history_overview(trainee, list_limit, scored_limit);
    CHECK(overview.attempt_count == full.size());
    REQUIRE(overview.recent.size() == std::min(list_limit, full.size()));
    for (std::size_t i = 0; i < overview.recent.size(); ++i) {
        CHECK(overview.recent[i].id == full[i].id);
        CHECK(overview.recent[i].scenario_id == full[i].scenario_id);
        CHECK(overview.recent[i].mode == full[i].mode);
        CHECK(overview.recent[i].overall == full[i].overall);
        CHECK(overview.recent[i].dimensions.empty());
    }
    std::vector<const store::AttemptSummary*> scored;
    for (const auto& a : full)
        if (!a.dimensions.empty() && scored.size() < scored_limit) scored.push_back(&a);
    REQUIRE(overview.scored.size() == scored.size());
    for (std::size_t i = 0; i < scored.size(); ++i) {
        CHECK(overview.scored[i].id == scored[i]->id);
        REQUIRE(overview.scored[i].dimensions.size() == scored[i]->dimensions.size());
        for (std::size_t d = 0; d < scored[i]->dimensions.size(); ++d) {
            CHECK(overview.scored[i].dimensions[d].dimension_id == scored[i]->dimensions[d].dimension_id);
            CHECK(overview.scored[i].dimensions[d].score == scored[i]->dimensions[d].score);
        }
    }
    check_same_progress(overview.by_scenario, store::progress_by_scenario(full));
    // The plot from the overview is the plot from the full history.
    const store::PlotSeries from_overview = store::plot_series(overview.scored, scored_limit);
    const store::PlotSeries from_full = store::plot_series(full, scored_limit);
    CHECK(from_overview.attempts == from_full.attempts);
    CHECK(from_overview.first_ms == from_full.first_ms);
    REQUIRE(from_overview.series.size() == from_full.series.size());
    for (std::size_t s = 0; s < from_full.series.size(); ++s) CHECK(from_overview.series[s].scores == from_full.series[s].scores);
}

}  // namespace

TEST_CASE("store: the history overview equals what the full history says, and pages walk the whole list") {
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "results.sqlite").string());
    const std::int64_t anna = db.create_trainee("Anna").id, bert = db.create_trainee("Bert").id;
    const std::int64_t nobody = db.create_trainee("Nobody").id;
    fill(db, anna, bert, 160);

    for (std::int64_t trainee : {anna, bert}) {
        CAPTURE(trainee);
        check_overview(db, trainee, 7, 9);
        check_overview(db, trainee, 1000, 1000);
        // Pages of 13 from the newest give the full list, in order, once.
        const std::vector<store::AttemptSummary> full = db.history(trainee);
        std::vector<std::int64_t> walked;
        std::optional<store::HistoryPosition> after;
        for (int guard = 0; guard < 100; ++guard) {
            const auto page = db.history_page(trainee, after, 13);
            if (page.empty()) break;
            for (const auto& a : page) walked.push_back(a.id);
            after = store::HistoryPosition{page.back().ended_ms, page.back().id};
        }
        REQUIRE(walked.size() == full.size());
        for (std::size_t i = 0; i < full.size(); ++i) CHECK(walked[i] == full[i].id);
    }
    const store::HistoryOverview empty = db.history_overview(nobody, 10, 10);
    CHECK(empty.attempt_count == 0);
    CHECK(empty.recent.empty());
    CHECK(empty.scored.empty());
    CHECK(empty.by_scenario.empty());
}

TEST_CASE("store: migration 3 summarises the attempts stored before it") {
    TempDir dir;
    const std::string path = (dir.path() / "results.sqlite").string();
    std::int64_t anna = 0;
    {
        store::ResultsStore db = store::ResultsStore::open(path);
        anna = db.create_trainee("Anna").id;
        fill(db, anna, db.create_trainee("Bert").id, 60);
    }
    {  // back to schema 2: no summary table, no trigger (and no xapi_owed of 4, class_runs of 5, saved_runs.hints of 6)
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        CHECK(sqlite3_exec(raw, "DROP TRIGGER scenario_progress_after_insert; DROP TABLE scenario_progress; DROP TABLE xapi_owed; DROP TABLE class_runs; "
                           "ALTER TABLE saved_runs DROP COLUMN hints; PRAGMA user_version = 2",
                           nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    store::ResultsStore db = store::ResultsStore::open(path);
    CHECK(db.schema_version() == store::latest_schema_version());
    check_overview(db, anna, 10, 10);
    db.insert_attempt(synthetic_attempt(anna, 999));  // and the trigger keeps it from then on
    check_overview(db, anna, 10, 10);
    CHECK(db.integrity_check() == "ok");
}
