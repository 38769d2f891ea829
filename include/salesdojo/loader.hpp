#pragma once
// Loading a scenario: read, parse, build the model and lint it, collecting every problem in one run.
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/scenario.hpp>
#include <salesdojo/source.hpp>

#include <memory>
#include <string>

namespace salesdojo {

struct LoadResult {
    std::shared_ptr<const Scenario> scenario;  // null when any error was found
    Diagnostics diagnostics;                   // errors and warnings, in file order of discovery
    // The scenario as built when its only errors, if any, are in the node graph (unreachable nodes,
    // dead ends, endless loops, too many automatic nodes): what `salesdojo graph` draws and marks.
    // Never play or analyse it unless `scenario` is set.
    std::shared_ptr<const Scenario> graph_draft;
    bool ok() const { return scenario != nullptr; }
};

LoadResult load_scenario_file(const std::string& path, const SourceLimits& limits = {});
LoadResult load_scenario_text(const std::string& text, const std::string& file_name,
                              const SourceLimits& limits = {});

// Loading a large file (1 MiB and more) leaves the parsed JSON document to be freed on a background
// thread, so that load_scenario_* return as soon as the Scenario is built. This waits until that is
// done (for measurements of memory in use; never needed for correctness).
void finish_deferred_frees();

// Fills in line:col for diagnostics made without the text (the analyser's), from their pointers.
void locate_diagnostics(Diagnostics& diagnostics, const std::string& path, const SourceLimits& limits = {});

// The nearest of `candidates` to `word` by edit distance, or "" when none is close enough.
std::string nearest_word(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace salesdojo
