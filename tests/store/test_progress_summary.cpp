// The history's summaries: first/best/latest per scenario, the weakest skill and the suggested next
// scenario (docs/results.md, "Weakest skill and the next scenario").
#include <salesdojo/store/progress_summary.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace salesdojo::store;

namespace {

constexpr std::int64_t kDay = 24 * 3600 * 1000;

// An attempt of `scenario` ending on `day`, with the dimension scores given as {id, score}.
AttemptSummary attempt(std::int64_t id, const std::string& scenario, std::int64_t day, double overall,
                       std::vector<std::pair<std::string, double>> scores = {}) {
    AttemptSummary a;
    a.id = id;
    a.scenario_id = scenario;
    a.mode = "practice";
    a.ended_ms = 1'700'000'000'000 + day * kDay;
    a.overall = overall;
    for (const auto& [dimension, score] : scores) a.dimensions.push_back({dimension, 0, score});
    return a;
}

const std::vector<ScenarioOffer> kOffers = {
    {"easy_qualify", {"qualify", "relationship"}},
    {"decline_one", {"decline", "relationship"}},
    {"decline_two", {"decline", "bias"}},
    {"bias_only", {"bias"}},
};

}  // namespace

TEST_CASE("progress: first, best and latest per scenario, most recently played first") {
    // Newest first, as ResultsStore::history returns it.
    const std::vector<AttemptSummary> history = {
        attempt(5, "b", 9, 40), attempt(4, "a", 8, 70), attempt(3, "a", 5, 90), attempt(2, "b", 3, 55),
        attempt(1, "a", 1, 30),
    };
    const auto progress = progress_by_scenario(history);
    REQUIRE(progress.size() == 2);
    CHECK(progress[0].scenario_id == "b");  // played on day 9
    CHECK(progress[0].attempts == 2);
    CHECK(progress[0].first.attempt_id == 2);
    CHECK(progress[0].best.attempt_id == 2);
    CHECK(progress[0].latest.attempt_id == 5);
    CHECK(progress[1].scenario_id == "a");
    CHECK(progress[1].attempts == 3);
    CHECK(progress[1].first.overall == 30);
    CHECK(progress[1].best.overall == 90);
    CHECK(progress[1].best.attempt_id == 3);
    CHECK(progress[1].latest.overall == 70);
    CHECK(progress_by_scenario({}).empty());
}

TEST_CASE("progress: equal best scores keep the earliest, equal times order by attempt id") {
    const std::vector<AttemptSummary> history = {attempt(7, "a", 2, 80), attempt(6, "a", 2, 80), attempt(3, "a", 1, 80)};
    const auto progress = progress_by_scenario(history);
    REQUIRE(progress.size() == 1);
    CHECK(progress[0].first.attempt_id == 3);
    CHECK(progress[0].best.attempt_id == 3);
    CHECK(progress[0].latest.attempt_id == 7);
}

TEST_CASE("weakest skill: the lowest mean over each skill's most recent attempts") {
    const std::vector<AttemptSummary> history = {
        attempt(3, "decline_one", 3, 60, {{"decline", 50}, {"relationship", 90}}),
        attempt(2, "easy_qualify", 2, 70, {{"qualify", 80}, {"relationship", 70}}),
        attempt(1, "decline_two", 1, 50, {{"decline", 30}, {"bias", 60}}),
    };
    const auto weakest = weakest_skill(history, kOffers);
    REQUIRE(weakest);
    CHECK(weakest->skill == "decline");
    CHECK(weakest->average == doctest::Approx(40.0));
    CHECK(weakest->attempts == 2);
}

TEST_CASE("weakest skill: only the most recent attempts count, so improvement shows") {
    std::vector<AttemptSummary> history;
    // Long ago: qualify at 10, five times. Recently: qualify at 90, five times; bias at 60 once.
    for (int k = 0; k < 5; ++k) history.push_back(attempt(k + 1, "easy_qualify", k, 10, {{"qualify", 10}}));
    for (int k = 0; k < 5; ++k) history.push_back(attempt(k + 10, "easy_qualify", 20 + k, 90, {{"qualify", 90}}));
    history.push_back(attempt(30, "bias_only", 30, 60, {{"bias", 60}}));
    const auto weakest = weakest_skill(history, kOffers);
    REQUIRE(weakest);
    CHECK(weakest->skill == "bias");
    CHECK(weakest->average == doctest::Approx(60.0));
    // With one more old-style attempt among the recent five, qualify drops to (4 x 90 + 10) / 5 = 74.
    history.push_back(attempt(31, "easy_qualify", 31, 10, {{"qualify", 10}}));
    const auto again = weakest_skill(history, kOffers);
    REQUIRE(again);
    CHECK(again->skill == "bias");
    history.push_back(attempt(32, "easy_qualify", 32, 10, {{"qualify", 10}}));
    history.push_back(attempt(33, "easy_qualify", 33, 10, {{"qualify", 10}}));  // (2 x 90 + 3 x 10) / 5 = 42
    const auto now = weakest_skill(history, kOffers);
    REQUIRE(now);
    CHECK(now->skill == "qualify");
    CHECK(now->average == doctest::Approx(42.0));
    CHECK(now->attempts == kRecentAttemptsPerSkill);
}

TEST_CASE("weakest skill: dimensions no offered scenario trains are ignored, ties go to fewer attempts, then id") {
    const std::vector<AttemptSummary> history = {
        attempt(3, "x", 3, 10, {{"empathy", 5}, {"qualify", 50}}),
        attempt(2, "x", 2, 10, {{"bias", 50}, {"qualify", 50}}),
        attempt(1, "x", 1, 10, {{"relationship", 50}}),
    };
    const auto weakest = weakest_skill(history, kOffers);
    REQUIRE(weakest);
    // empathy (5) is no offered skill; bias, qualify and relationship all stand at 50: bias and
    // relationship have one attempt each, qualify two; of those two, bias has the lower id.
    CHECK(weakest->skill == "bias");
    CHECK(weakest->attempts == 1);
}

TEST_CASE("weakest skill: none for a new trainee or one with only imported scores") {
    CHECK_FALSE(weakest_skill({}, kOffers));
    CHECK_FALSE(weakest_skill({attempt(1, "easy_qualify", 1, 80)}, kOffers));  // imported: no dimensions
    CHECK_FALSE(suggest_next({attempt(1, "easy_qualify", 1, 80)}, kOffers));
    CHECK_FALSE(weakest_skill({attempt(1, "x", 1, 80, {{"qualify", 10}})}, {}));  // nothing offered
}

TEST_CASE("suggestion: a scenario never played that trains the weakest skill comes first, in offer order") {
    const std::vector<AttemptSummary> history = {
        attempt(2, "decline_one", 5, 40, {{"decline", 20}, {"relationship", 90}}),
        attempt(1, "easy_qualify", 4, 90, {{"qualify", 90}, {"relationship", 80}}),
    };
    const auto suggestion = suggest_next(history, kOffers);
    REQUIRE(suggestion);
    CHECK(suggestion->weakest.skill == "decline");
    CHECK(suggestion->scenario_id == "decline_two");  // decline_one was played; decline_two never
    CHECK_FALSE(suggestion->last_played_ms);
}

TEST_CASE("suggestion: when every candidate was played, the one not played for the longest") {
    const std::vector<AttemptSummary> history = {
        attempt(4, "decline_two", 10, 40, {{"decline", 30}}),
        attempt(3, "decline_one", 8, 40, {{"decline", 30}}),
        attempt(2, "decline_two", 2, 40, {{"decline", 30}}),  // decline_two's last play is day 10, not 2
        attempt(1, "easy_qualify", 1, 90, {{"qualify", 90}}),
    };
    const auto suggestion = suggest_next(history, kOffers);
    REQUIRE(suggestion);
    CHECK(suggestion->weakest.skill == "decline");
    CHECK(suggestion->scenario_id == "decline_one");
    REQUIRE(suggestion->last_played_ms);
    CHECK(*suggestion->last_played_ms == history[1].ended_ms);
    // Played again today: now decline_two has waited longer.
    std::vector<AttemptSummary> later = history;
    later.insert(later.begin(), attempt(5, "decline_one", 12, 40, {{"decline", 30}}));
    const auto next = suggest_next(later, kOffers);
    REQUIRE(next);
    CHECK(next->scenario_id == "decline_two");
}
