// The scenario files at hand, by id (scenario_shelf.hpp).
#include "scenario_shelf.hpp"

#include "commands.hpp"

#include <salesdojo/data_dirs.hpp>
#include <salesdojo/loader.hpp>

namespace salesdojo::cli {

report::ScenarioShelf load_shelf(const std::vector<std::string>& folders, const std::set<std::string>& wanted) {
    std::vector<std::string> paths = folders;
    if (paths.empty())
        if (const auto bundled = find_data_dir("scenarios")) paths.push_back((*bundled / "scenarios").string());
    std::vector<std::string> oversized;
    report::ScenarioShelf shelf;
    for (const auto& file : expand_scenario_paths(paths, oversized)) {
        LoadResult loaded = load_scenario_file(file);
        if (!loaded.ok() || !wanted.count(loaded.scenario->id) || shelf.count(loaded.scenario->id)) continue;
        AnalysisResult analysed = analyse(loaded.scenario);
        shelf[loaded.scenario->id] = {loaded.scenario, analysed.analysis};
    }
    return shelf;
}

}  // namespace salesdojo::cli
