#pragma once
// Structural checks over the node graph: reachability, dead ends, cycles without an ending.
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/scenario.hpp>
#include <salesdojo/source.hpp>

namespace salesdojo {

void check_graph(const Scenario& scenario, const SourceText& source, Diagnostics& out);

}  // namespace salesdojo
