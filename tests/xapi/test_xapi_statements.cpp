// The statement profile (docs/xapi.md): which statements, in which order, with which ids, results
// and extensions, for a stored attempt with and without its scenario.
#include "../test_support.hpp"

#include <salesdojo/xapi/statements.hpp>

#include <set>

using namespace salesdojo;
using nlohmann::json;

namespace {

store::AttemptRecord sample_attempt() {
    store::AttemptRecord a;
    a.scenario_id = "cannot_pay";
    a.scenario_version = "1.2.0";
    a.content_hash = "0123456789abcdef";
    a.language = "nl";
    a.mode = "practice";
    a.seed = 18446744073709551615ull;  // all 64 bits, kept exactly (as a string)
    a.started_ms = 1'780'000'000'000;
    a.ended_ms = 1'780'000'090'500;
    a.finished = true;
    a.ending_node = "end_fair";
    a.outcome = "qualified-fit";
    a.weighted_total = 17;
    a.overall = 87.5;
    a.accuracy = 91.0;
    a.passed = true;
    a.decisions = {{"start", "ask_value", "best", 0.0, true, 12.25}, {"kitchen", "take_kitchen", "blunder", 6.5, true, 30.0}};
    a.dimensions = {{"qualify", 6, 100.0}, {"bias", -2, 40.0}};
    return a;
}

std::string verb_of(const json& s) { return s["verb"]["id"].get<std::string>(); }

}  // namespace

TEST_CASE("an attempt gives launched, initialized, one answered per decision, completed and passed") {
    const auto statements = xapi::attempt_statements(sample_attempt(), "Ann", nullptr, {});
    REQUIRE(statements.size() == 6);
    const std::string adl = "http://adlnet.gov/expapi/verbs/";
    CHECK(verb_of(statements[0]) == adl + "launched");
    CHECK(verb_of(statements[1]) == adl + "initialized");
    CHECK(verb_of(statements[2]) == adl + "answered");
    CHECK(verb_of(statements[3]) == adl + "answered");
    CHECK(verb_of(statements[4]) == adl + "completed");
    CHECK(verb_of(statements[5]) == adl + "passed");

    for (const auto& s : statements) {
        CHECK(s["actor"]["account"]["homePage"] == xapi::kDefaultHomePage);
        CHECK(s["actor"]["account"]["name"] == "Ann");
        CHECK(!s["actor"].contains("mbox"));
        CHECK(s["context"]["registration"] == statements[0]["context"]["registration"]);
        CHECK(s["context"]["extensions"][xapi::extension_iri("seed")] == "18446744073709551615");
        CHECK(s["context"]["language"] == "nl");
    }
    CHECK(statements[0]["timestamp"] == "2026-05-28T20:26:40.000Z");
    CHECK(statements[0]["object"]["id"] == "https://salesdojo.invalid/xapi/scenarios/cannot_pay");

    const json& first = statements[2];
    CHECK(first["object"]["id"] == "https://salesdojo.invalid/xapi/scenarios/cannot_pay/nodes/start");
    CHECK(first["object"]["definition"]["interactionType"] == "choice");
    CHECK(first["result"]["response"] == "ask_value");
    CHECK(first["result"]["success"] == true);
    CHECK(first["result"]["duration"] == "PT12.25S");
    CHECK(first["result"]["extensions"][xapi::extension_iri("verdict")] == "best");
    CHECK(first["result"]["extensions"][xapi::extension_iri("loss")] == 0.0);
    CHECK(first["context"]["contextActivities"]["parent"][0]["id"] == statements[0]["object"]["id"]);
    // Decision times: start plus the seconds taken so far.
    CHECK(first["timestamp"] == "2026-05-28T20:26:52.250Z");
    CHECK(statements[3]["timestamp"] == "2026-05-28T20:27:22.250Z");
    const json& second = statements[3];
    CHECK(second["result"]["success"] == false);
    CHECK(second["result"]["extensions"][xapi::extension_iri("verdict")] == "blunder");
    CHECK(second["result"]["extensions"][xapi::extension_iri("loss")] == 6.5);

    const json& completed = statements[4];
    CHECK(completed["timestamp"] == "2026-05-28T20:28:10.500Z");
    CHECK(completed["result"]["score"]["scaled"] == 0.875);
    CHECK(completed["result"]["duration"] == "PT1M30.5S");
    CHECK(completed["result"]["extensions"][xapi::extension_iri("dimension-scores")] == json{{"qualify", 100.0}, {"bias", 40.0}});
    CHECK(completed["result"]["extensions"][xapi::extension_iri("dimension-raw-totals")] == json{{"qualify", 6}, {"bias", -2}});
    CHECK(completed["result"]["extensions"][xapi::extension_iri("outcome")] == "qualified-fit");
    CHECK(statements[5]["result"]["success"] == true);
}

TEST_CASE("statement ids are version 5 UUIDs of the attempt and the place: stable, distinct, attempt-specific") {
    const auto a = xapi::attempt_statements(sample_attempt(), "Ann", nullptr, {});
    const auto again = xapi::attempt_statements(sample_attempt(), "Ann", nullptr, {});
    std::set<std::string> ids;
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i]["id"] == again[i]["id"]);
        CHECK(a[i]["id"].get<std::string>()[14] == '5');
        ids.insert(a[i]["id"].get<std::string>());
    }
    CHECK(ids.size() == a.size());
    store::AttemptRecord later = sample_attempt();
    later.started_ms += 1;
    CHECK(xapi::attempt_statements(later, "Ann", nullptr, {})[0]["id"] != a[0]["id"]);
    CHECK(xapi::attempt_statements(sample_attempt(), "Bram", nullptr, {})[0]["id"] != a[0]["id"]);
}

TEST_CASE("failed, no pass mark, unfinished, and scripted play without times") {
    store::AttemptRecord a = sample_attempt();
    a.passed = false;
    auto s = xapi::attempt_statements(a, "Ann", nullptr, {});
    CHECK(verb_of(s.back()) == "http://adlnet.gov/expapi/verbs/failed");
    CHECK(s.back()["result"]["success"] == false);
    a.passed.reset();
    s = xapi::attempt_statements(a, "Ann", nullptr, {});
    CHECK(s.size() == 5);
    CHECK(verb_of(s.back()) == "http://adlnet.gov/expapi/verbs/completed");
    a.finished = false;
    CHECK(xapi::attempt_statements(a, "Ann", nullptr, {}).size() == 4);
    a = sample_attempt();
    for (auto& d : a.decisions) d.seconds.reset();
    s = xapi::attempt_statements(a, "Ann", nullptr, {});
    // Spread evenly: 90.5 s over three gaps.
    CHECK(s[2]["timestamp"] == "2026-05-28T20:27:10.166Z");
    CHECK(s[3]["timestamp"] == "2026-05-28T20:27:40.333Z");
    CHECK(!s[2]["result"].contains("duration"));
}

TEST_CASE("options: home page and activity base, and ids percent-encoded") {
    xapi::StatementOptions options;
    options.home_page = "https://lms.example.org";
    options.activity_base = "https://lms.example.org/salesdojo";
    store::AttemptRecord a = sample_attempt();
    a.scenario_id = "a b/c?d";
    a.decisions[0].node_id = "n#1";
    const auto s = xapi::attempt_statements(a, "Ann", nullptr, options);
    CHECK(s[0]["actor"]["account"]["homePage"] == "https://lms.example.org");
    CHECK(s[0]["object"]["id"] == "https://lms.example.org/salesdojo/scenarios/a%20b%2Fc%3Fd");
    CHECK(s[2]["object"]["id"] == "https://lms.example.org/salesdojo/scenarios/a%20b%2Fc%3Fd/nodes/n%231");
}

TEST_CASE("with the scenario: titles and every option of the node, in the attempt's language") {
    const auto scenario = test::load_valid("scenarios/cannot_pay.json");
    store::AttemptRecord a = sample_attempt();
    a.language = "en";
    const Node* decision = nullptr;
    for (const Node& node : scenario->nodes)
        if (!decision && node.choices.size() >= 2) decision = &node;
    REQUIRE(decision != nullptr);
    const Node& start = *decision;
    a.decisions = {{start.id, start.choices[0].id, "best", 0.0, true, 3.0}};
    const auto s = xapi::attempt_statements(a, "Ann", scenario.get(), {});
    CHECK(s[0]["object"]["definition"]["name"]["en"] == scenario->title.get("en"));
    const json& choices = s[2]["object"]["definition"]["choices"];
    REQUIRE(choices.size() == start.choices.size());
    for (std::size_t i = 0; i < choices.size(); ++i) {
        CHECK(choices[i]["id"] == start.choices[i].id);
        CHECK(choices[i]["description"]["en"] == start.choices[i].text.get("en"));
    }
}

TEST_CASE("ISO 8601 durations and times") {
    CHECK(xapi::iso8601_duration(0) == "PT0S");
    CHECK(xapi::iso8601_duration(-1) == "PT0S");
    CHECK(xapi::iso8601_duration(0.5) == "PT0.5S");
    CHECK(xapi::iso8601_duration(60) == "PT1M");
    CHECK(xapi::iso8601_duration(3723.456) == "PT1H2M3.46S");
    CHECK(xapi::iso8601_utc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(xapi::iso8601_utc(-1) == "1969-12-31T23:59:59.999Z");
}
