#pragma once
// Structural checks over the node graph: reachability, dead ends, cycles without an ending.
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/scenario.hpp>
#include <salesdojo/source.hpp>

namespace salesdojo {

// `max_automatic_steps`: longer runs of automatic nodes in a row are SD2019 (see limits.hpp).
void check_graph(const Scenario& scenario, const SourceText& source, Diagnostics& out,
                 std::size_t max_automatic_steps = kMaxAutomaticSteps);

}  // namespace salesdojo
