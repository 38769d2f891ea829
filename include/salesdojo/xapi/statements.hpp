#pragma once
// A stored attempt as xAPI 1.0.3 statements (the profile is in docs/xapi.md): launched and
// initialized at the start, one "answered" per decision (the choice id as the response, verdict and
// loss in result extensions, the node as a "choice" interaction), then completed and passed/failed
// with the overall scaled score and a score per dimension. Statement ids are version 5 UUIDs of the
// attempt's identity and the statement's place, so building them again gives the same ids.
#include <salesdojo/scenario.hpp>
#include <salesdojo/store/results_store.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace salesdojo::xapi {

// Fixed IRIs of the profile: extensions, activity types and the profile's category activity.
// They name things and are never fetched; ".invalid" (RFC 6761) is a domain nobody can own.
inline constexpr const char* kProfileBase = "https://salesdojo.invalid/xapi/";
inline constexpr const char* kDefaultHomePage = "https://salesdojo.invalid/trainees";
inline constexpr const char* kDefaultActivityBase = "https://salesdojo.invalid/xapi/";

struct StatementOptions {
    std::string home_page = kDefaultHomePage;          // the actor's account.homePage
    std::string activity_base = kDefaultActivityBase;  // activity ids start with this (ends with '/')
};

// The extension IRI `name` (verdict, loss, ...): kProfileBase + "extensions/" + name.
std::string extension_iri(const std::string& name);
// <activity_base>scenarios/<scenario id> and .../nodes/<node id>, ids percent-encoded.
std::string scenario_activity_id(const StatementOptions& options, const std::string& scenario_id);
std::string node_activity_id(const StatementOptions& options, const std::string& scenario_id, const std::string& node_id);

// "2026-12-06T04:21:52.123Z"
std::string iso8601_utc(std::int64_t unix_ms);
// ISO 8601 duration with centiseconds: "PT1M2.5S"; "PT0S" for zero or less.
std::string iso8601_duration(double seconds);

// The attempt's registration (context.registration): the same for every statement of the attempt.
std::string attempt_registration(const store::AttemptRecord& attempt, const std::string& trainee_name);

// The statements of one attempt, in order. `scenario` (may be null) supplies titles and each
// decision's options in the attempt's language; without it the interactions list no options.
std::vector<nlohmann::json> attempt_statements(const store::AttemptRecord& attempt, const std::string& trainee_name,
                                               const Scenario* scenario, const StatementOptions& options);

}  // namespace salesdojo::xapi
