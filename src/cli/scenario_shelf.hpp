#pragma once
// The scenario files at hand for commands that read stored results (`export`, `class list`,
// `class report`): by id, each analysed once.
#include <salesdojo/report/results_export.hpp>

#include <set>
#include <string>
#include <vector>

namespace salesdojo::cli {

// Those in the folders or files given (else the bundled scenarios) whose id is wanted; the first
// file of each id counts.
report::ScenarioShelf load_shelf(const std::vector<std::string>& folders, const std::set<std::string>& wanted);

}  // namespace salesdojo::cli
