#pragma once
// Positions for the graph view (views/graph_view.hpp): Graphviz's `dot` layout (libgvc, the same
// DOT as `salesdojo graph`, report/graph_dot.hpp) read back as boxes and edge paths; when the
// library cannot lay the graph out, or it has more than kMaxGraphvizNodes nodes, a plain layered
// layout (one column per distance from the start). Units are Graphviz points, y pointing down.
// Made once per scenario version, never per frame. Graphviz's dot layout grows fast with the graph
// (measured on our 2-core machine under load: 300 nodes 1.2 s, 1,000 nodes 15 s), so the view runs
// it on a thread of its own (start_layout) and shows the layered layout meanwhile.
#include <salesdojo/graph_facts.hpp>
#include <salesdojo/scenario.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

struct GraphPoint {
    float x = 0.0f, y = 0.0f;
};

struct GraphLayout {
    struct Box {
        int node = 0;               // node index
        GraphPoint centre;
        float width = 0.0f, height = 0.0f;
    };
    struct Edge {
        int from = 0, to = 0;            // node indices
        std::vector<GraphPoint> path;    // a polyline from `from` to the arrow's tip at `to`
    };
    std::vector<Box> boxes;   // one per node
    std::vector<Edge> edges;
    float width = 0.0f, height = 0.0f;
    bool by_graphviz = false;
    std::string error;  // why Graphviz was not used ("" when it was)

    const Box* box_of(int node) const;  // nullptr when absent
};

constexpr std::size_t kMaxGraphvizNodes = 400;

// Graphviz's layout, or the layered one when it cannot be made. Safe to call from any thread (calls
// into Graphviz are serialised: its library keeps global state).
GraphLayout layout_graph(const Scenario& scenario, const GraphFacts& facts, const std::string& language);

// A layout made on a thread of its own. The thread owns what it needs; a job nobody waits for any
// more finishes and frees itself.
class LayoutJob {
public:
    LayoutJob(std::shared_ptr<const Scenario> scenario, GraphFacts facts, std::string language);
    std::optional<GraphLayout> take();  // the layout once it is ready (once), else nullopt

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};
// The layered layout alone (the fallback; also for tests).
GraphLayout layered_layout(const Scenario& scenario);

}  // namespace salesdojo::gui
