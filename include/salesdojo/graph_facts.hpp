#pragma once
// What the node graph alone says about each node (no state, no conditions): the facts behind the
// lint's SD2007 (unreachable), SD2008 (dead end) and SD2009 (loop without an ending), shared by the
// lint and by `salesdojo graph`, which marks them.
#include <salesdojo/scenario.hpp>

#include <vector>

namespace salesdojo {

struct GraphFacts {
    std::vector<bool> reachable;       // from the start node
    std::vector<bool> dead_end;        // a node with "choices" but none: not an ending, no way on
    std::vector<bool> reaches_ending;  // some path leads from it to an ending
    std::vector<bool> endless_loop;    // in a loop (or a self-loop) from which no ending can be reached
};

GraphFacts graph_facts(const Scenario& scenario);

}  // namespace salesdojo
