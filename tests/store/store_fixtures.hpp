#pragma once
// Shared by the store tests: a deterministic attempt built from one number, so a test can tell
// afterwards whether a stored attempt is complete and exactly what was written.
#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

namespace salesdojo::test {

inline store::AttemptRecord synthetic_attempt(std::int64_t trainee_id, std::uint64_t k) {
    store::AttemptRecord a;
    a.trainee_id = trainee_id;
    a.scenario_id = "scenario-" + std::to_string(k % 17);
    a.scenario_version = "1." + std::to_string(k % 3) + ".0";
    a.content_hash = "00000000000000" + std::to_string(10 + k % 90);
    a.language = k % 2 ? "nl" : "en";
    a.mode = k % 3 ? "practice" : "assessment";
    a.seed = k * 0x9e3779b97f4a7c15ull;  // uses all 64 bits
    a.started_ms = 1'700'000'000'000 + static_cast<std::int64_t>(k) * 1000;
    a.ended_ms = a.started_ms + 500 + static_cast<std::int64_t>(k % 100);
    a.finished = true;
    a.ending_node = "end-" + std::to_string(k % 4);
    a.outcome = k % 2 ? "qualified-fit" : "declined-misfit";
    a.weighted_total = static_cast<double>(k % 50) - 10.0;
    a.overall = static_cast<double>(k % 101);
    if (k % 5) a.accuracy = static_cast<double>(k % 97);
    if (k % 7) a.passed = k % 2 == 0;
    const std::size_t decisions = 1 + k % 9;
    for (std::size_t i = 0; i < decisions; ++i) {
        store::DecisionRecord d{"node-" + std::to_string(i), "choice-" + std::to_string((k + i) % 4),
                                i % 2 ? "good" : "best", static_cast<double>(i) * 0.5, i % 3 != 0, std::nullopt};
        if (i % 2) d.seconds = 1.25 * static_cast<double>(i);
        a.decisions.push_back(d);
    }
    for (int d = 0; d < 3; ++d)
        a.dimensions.push_back({"dim-" + std::to_string(d), static_cast<long long>(k % 11) - d, static_cast<double>((k + d) % 101)});
    return a;
}

// Field by field, so a failure says which field differs.
inline void check_same_attempt(const store::AttemptRecord& got, const store::AttemptRecord& want) {
    CHECK(got.trainee_id == want.trainee_id);
    CHECK(got.scenario_id == want.scenario_id);
    CHECK(got.scenario_version == want.scenario_version);
    CHECK(got.content_hash == want.content_hash);
    CHECK(got.language == want.language);
    CHECK(got.mode == want.mode);
    CHECK(got.seed == want.seed);
    CHECK(got.started_ms == want.started_ms);
    CHECK(got.ended_ms == want.ended_ms);
    CHECK(got.finished == want.finished);
    CHECK(got.ending_node == want.ending_node);
    CHECK(got.outcome == want.outcome);
    CHECK(got.weighted_total == want.weighted_total);
    CHECK(got.overall == want.overall);
    CHECK(got.accuracy == want.accuracy);
    CHECK(got.passed == want.passed);
    REQUIRE(got.decisions.size() == want.decisions.size());
    for (std::size_t i = 0; i < want.decisions.size(); ++i) {
        CHECK(got.decisions[i].node_id == want.decisions[i].node_id);
        CHECK(got.decisions[i].choice_id == want.decisions[i].choice_id);
        CHECK(got.decisions[i].verdict == want.decisions[i].verdict);
        CHECK(got.decisions[i].loss == want.decisions[i].loss);
        CHECK(got.decisions[i].counted == want.decisions[i].counted);
        CHECK(got.decisions[i].seconds == want.decisions[i].seconds);
    }
    REQUIRE(got.dimensions.size() == want.dimensions.size());
    for (std::size_t i = 0; i < want.dimensions.size(); ++i) {
        CHECK(got.dimensions[i].dimension_id == want.dimensions[i].dimension_id);
        CHECK(got.dimensions[i].raw_total == want.dimensions[i].raw_total);
        CHECK(got.dimensions[i].score == want.dimensions[i].score);
    }
}

}  // namespace salesdojo::test
