#pragma once
// Where a session (and an analysis) begins: the scenario's start with its initial values, or, for an
// author's playtest, any node with the variables and facts the author chose.
#include <salesdojo/scenario.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace salesdojo {

struct StartPoint {
    int node = 0;                       // node index
    std::vector<std::int32_t> values;   // one per slot: variables, then facts (0 unknown, 1 known)
};

// The scenario's own start: its start node and initial values.
StartPoint scenario_start(const Scenario& scenario);

// A playtest start as an author names it (`run --from NODE --set var=value --learn fact`).
struct PlaytestSetup {
    std::string node;                                      // node id
    std::vector<std::pair<std::string, std::string>> set;  // variable id, value ("3", "true", "false")
    std::vector<std::string> learn;                        // fact ids
};

// Resolves a setup against the scenario: the node with the initial values, the settings applied
// and the facts known. On an unknown node, variable or fact, or a value of the wrong type or
// outside the variable's bounds, returns nullopt with `error` naming it (and the nearest known id:
// "no node 'pich' (did you mean 'pitch'?)").
std::optional<StartPoint> playtest_start(const Scenario& scenario, const PlaytestSetup& setup, std::string& error);

}  // namespace salesdojo
