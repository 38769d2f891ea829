#include "graph_layout.hpp"

#include <salesdojo/report/graph_dot.hpp>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace salesdojo::gui {
namespace {

std::vector<int> targets(const Node& node) {
    std::vector<int> out;
    for (const Choice& c : node.choices)
        if (c.next) out.push_back(*c.next);
    if (node.next) out.push_back(*node.next);
    for (const RandomOutcome& r : node.random)
        if (r.next) out.push_back(*r.next);
    return out;
}

// A cubic Bezier's points, sampled.
void add_cubic(std::vector<GraphPoint>& out, const pointf& p0, const pointf& p1, const pointf& p2, const pointf& p3,
               float top) {
    constexpr int kSteps = 8;
    for (int i = 1; i <= kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps, u = 1.0 - t;
        const double x = u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x;
        const double y = u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y;
        out.push_back({static_cast<float>(x), static_cast<float>(top - y)});
    }
}

// One context per layout (its plugins load in a few milliseconds): nothing of Graphviz outlives the
// call, so a layout thread still running when the window closes holds no global of ours.
struct GraphvizContext {
    GVC_t* gvc = gvContext();
    ~GraphvizContext() {
        if (gvc) gvFreeContext(gvc);
    }
};

std::mutex g_graphviz;  // Graphviz's library is not thread-safe

bool graphviz_layout(const Scenario& s, const GraphFacts& facts, const std::string& language, GraphLayout& out) {
    const std::string dot = report::graph_dot(s, facts, language);
    std::lock_guard<std::mutex> lock(g_graphviz);
    GraphvizContext context;
    if (!context.gvc) return out.error = "no Graphviz context", false;
    agseterr(AGMAX);  // no messages on stderr: a failure falls back to the layered layout
    Agraph_t* g = agmemread(dot.c_str());
    if (!g) return out.error = "Graphviz could not read the graph", false;
    if (gvLayout(context.gvc, g, "dot") != 0) {
        agclose(g);
        return out.error = "Graphviz could not lay the graph out", false;
    }
    const boxf bb = GD_bb(g);
    const float top = static_cast<float>(bb.UR.y);
    out.width = static_cast<float>(bb.UR.x - bb.LL.x);
    out.height = static_cast<float>(bb.UR.y - bb.LL.y);
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const std::optional<int> index = s.find_node(agnameof(n));
        if (!index) continue;
        const pointf c = ND_coord(n);
        out.boxes.push_back({*index, {static_cast<float>(c.x - bb.LL.x), static_cast<float>(top - c.y)},
                             static_cast<float>(ND_width(n) * 72.0), static_cast<float>(ND_height(n) * 72.0)});
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const std::optional<int> to = s.find_node(agnameof(aghead(e)));
            const splines* spl = ED_spl(e);
            if (!to || !spl) continue;
            GraphLayout::Edge edge{*index, *to, {}};
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                if (bz.size < 1) continue;
                edge.path.push_back({static_cast<float>(bz.list[0].x), top - static_cast<float>(bz.list[0].y)});
                for (int k = 1; k + 2 < bz.size; k += 3) add_cubic(edge.path, bz.list[k - 1], bz.list[k], bz.list[k + 1], bz.list[k + 2], top);
                if (bz.eflag) edge.path.push_back({static_cast<float>(bz.ep.x), top - static_cast<float>(bz.ep.y)});
            }
            for (GraphPoint& p : edge.path) p.x -= static_cast<float>(bb.LL.x);
            if (edge.path.size() >= 2) out.edges.push_back(std::move(edge));
        }
    }
    gvFreeLayout(context.gvc, g);
    agclose(g);
    out.by_graphviz = true;
    return true;
}

}  // namespace

const GraphLayout::Box* GraphLayout::box_of(int node) const {
    for (const Box& b : boxes)
        if (b.node == node) return &b;
    return nullptr;
}

GraphLayout layered_layout(const Scenario& s) {
    GraphLayout out;
    const std::size_t n = s.nodes.size();
    std::vector<int> depth(n, -1);
    std::deque<int> queue;
    if (n > 0) depth[static_cast<std::size_t>(s.start)] = 0, queue.push_back(s.start);
    int deepest = 0;
    while (!queue.empty()) {
        const int at = queue.front();
        queue.pop_front();
        for (int to : targets(s.nodes[static_cast<std::size_t>(at)]))
            if (depth[static_cast<std::size_t>(to)] < 0) {
                depth[static_cast<std::size_t>(to)] = depth[static_cast<std::size_t>(at)] + 1;
                deepest = std::max(deepest, depth[static_cast<std::size_t>(to)]);
                queue.push_back(to);
            }
    }
    for (int& d : depth)
        if (d < 0) d = deepest + 1;  // unreachable: a column of their own
    constexpr float kColumn = 180.0f, kRow = 70.0f, kWidth = 130.0f, kHeight = 44.0f;
    std::vector<int> rows(static_cast<std::size_t>(deepest + 2), 0);
    for (std::size_t i = 0; i < n; ++i) {
        const int row = rows[static_cast<std::size_t>(depth[i])]++;
        out.boxes.push_back({static_cast<int>(i), {kColumn * depth[i] + kWidth, kRow * row + kHeight}, kWidth, kHeight});
    }
    for (const auto& b : out.boxes) {
        out.width = std::max(out.width, b.centre.x + b.width);
        out.height = std::max(out.height, b.centre.y + b.height);
    }
    for (std::size_t i = 0; i < n; ++i)
        for (int to : targets(s.nodes[i])) {
            const auto& a = out.boxes[i];
            const auto& b = out.boxes[static_cast<std::size_t>(to)];
            out.edges.push_back({static_cast<int>(i), to,
                                 {{a.centre.x + a.width * 0.5f, a.centre.y}, {b.centre.x - b.width * 0.5f, b.centre.y}}});
        }
    return out;
}

GraphLayout layout_graph(const Scenario& scenario, const GraphFacts& facts, const std::string& language) {
    GraphLayout out;
    if (scenario.nodes.size() <= kMaxGraphvizNodes && graphviz_layout(scenario, facts, language, out)) return out;
    std::string why = scenario.nodes.size() > kMaxGraphvizNodes ? "too many nodes for Graphviz" : out.error;
    out = layered_layout(scenario);
    out.error = std::move(why);
    return out;
}

struct LayoutJob::Shared {
    std::mutex mutex;
    std::optional<GraphLayout> result;
};

LayoutJob::LayoutJob(std::shared_ptr<const Scenario> scenario, GraphFacts facts, std::string language)
    : m_shared(std::make_shared<Shared>()) {
    std::thread([shared = m_shared, scenario = std::move(scenario), facts = std::move(facts),
                 language = std::move(language)] {
        GraphLayout layout = layout_graph(*scenario, facts, language);
        std::lock_guard<std::mutex> lock(shared->mutex);
        shared->result = std::move(layout);
    }).detach();
}

std::optional<GraphLayout> LayoutJob::take() {
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    std::optional<GraphLayout> out = std::move(m_shared->result);
    m_shared->result.reset();
    return out;
}

}  // namespace salesdojo::gui
