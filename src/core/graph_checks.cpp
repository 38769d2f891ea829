// Reachability, dead ends and endless loops, computed without recursion (scenarios may be long chains).
#include "graph_checks.hpp"

#include <salesdojo/diagnostic_descriptors.hpp>
#include <salesdojo/graph_facts.hpp>

#include <algorithm>

namespace salesdojo {
namespace {

// A diagnostic from its descriptor, placed at `pointer` in the scenario's text.
Diagnostic make_at(const SourceText& source, DiagnosticId id, std::initializer_list<std::string_view> args, std::string pointer) {
    return source.make(descriptor(id).code, format_message(id, args), std::move(pointer));
}

std::vector<std::vector<int>> successors(const Scenario& s) {
    std::vector<std::vector<int>> next(s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        auto add = [&](const std::optional<int>& target) { if (target) next[i].push_back(*target); };  // unresolved: reported by the loader
        switch (n.kind) {
            case NodeKind::Choices: for (const auto& c : n.choices) add(c.next); break;
            case NodeKind::Continue: add(n.next); break;
            case NodeKind::Random: for (const auto& r : n.random) add(r.next); break;
            case NodeKind::Ending: break;
        }
    }
    return next;
}

// Tarjan's strongly connected components, iteratively. Returns a component id per node.
std::vector<int> components(const std::vector<std::vector<int>>& next, std::vector<int>& sizes) {
    const int n = static_cast<int>(next.size());
    std::vector<int> index(n, -1), low(n, 0), component(n, -1), stack;
    std::vector<bool> on_stack(n, false);
    int counter = 0;
    struct Frame { int node; std::size_t edge; };
    std::vector<Frame> frames;
    for (int root = 0; root < n; ++root) {
        if (index[root] >= 0) continue;
        frames.push_back({root, 0});
        index[root] = low[root] = counter++;
        stack.push_back(root);
        on_stack[root] = true;
        while (!frames.empty()) {
            Frame& f = frames.back();
            if (f.edge < next[f.node].size()) {
                int w = next[f.node][f.edge++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    frames.push_back({w, 0});
                } else if (on_stack[w]) {
                    low[f.node] = std::min(low[f.node], index[w]);
                }
                continue;
            }
            int v = f.node;
            frames.pop_back();
            if (!frames.empty()) low[frames.back().node] = std::min(low[frames.back().node], low[v]);
            if (low[v] == index[v]) {
                int id = static_cast<int>(sizes.size());
                int size = 0;
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component[w] = id;
                    ++size;
                } while (w != v);
                sizes.push_back(size);
            }
        }
    }
    return component;
}

}  // namespace

// The most automatic nodes (`next`, `random`) visited in a row from each node: a longest path over
// the automatic nodes, in reverse topological order of the components (Tarjan numbers a component
// after all it leads to). Edges inside a loop are not followed: a loop of `next` nodes alone is
// SD2009, and a loop through a `random` node leaves it by chance.
std::vector<std::size_t> automatic_runs(const Scenario& s, const std::vector<std::vector<int>>& next,
                                        const std::vector<int>& component, std::size_t component_count) {
    const std::size_t n = s.nodes.size();
    auto automatic = [&](std::size_t v) { return s.nodes[v].kind == NodeKind::Continue || s.nodes[v].kind == NodeKind::Random; };
    std::vector<std::vector<std::size_t>> members(component_count);
    for (std::size_t v = 0; v < n; ++v) members[static_cast<std::size_t>(component[v])].push_back(v);
    std::vector<std::size_t> run(n, 0);
    for (const auto& nodes : members)
        for (std::size_t v : nodes) {
            if (!automatic(v)) continue;
            std::size_t longest = 0;
            for (int w : next[v])
                if (component[static_cast<std::size_t>(w)] != component[v]) longest = std::max(longest, run[static_cast<std::size_t>(w)]);
            run[v] = 1 + longest;
        }
    return run;
}

namespace {

// The successor lists, reachability, reaching an ending and the strongly connected components.
struct GraphShape {
    std::vector<std::vector<int>> next;
    std::vector<bool> reachable;
    std::vector<bool> reaches_ending;
    std::vector<int> component;
    std::vector<int> sizes;  // per component
};

GraphShape graph_shape(const Scenario& s) {
    GraphShape g;
    const std::size_t n = s.nodes.size();
    g.next = successors(s);
    const auto& next = g.next;
    g.reachable.assign(n, false);
    std::vector<int> work;
    if (s.start >= 0 && static_cast<std::size_t>(s.start) < n) {
        work.push_back(s.start);
        g.reachable[static_cast<std::size_t>(s.start)] = true;
    }
    while (!work.empty()) {
        int v = work.back();
        work.pop_back();
        for (int w : next[static_cast<std::size_t>(v)])
            if (!g.reachable[static_cast<std::size_t>(w)]) { g.reachable[static_cast<std::size_t>(w)] = true; work.push_back(w); }
    }

    std::vector<std::vector<int>> previous(n);
    for (std::size_t v = 0; v < n; ++v)
        for (int w : next[v]) previous[static_cast<std::size_t>(w)].push_back(static_cast<int>(v));
    g.reaches_ending.assign(n, false);
    for (std::size_t v = 0; v < n; ++v)
        if (s.nodes[v].kind == NodeKind::Ending) { g.reaches_ending[v] = true; work.push_back(static_cast<int>(v)); }
    while (!work.empty()) {
        int v = work.back();
        work.pop_back();
        for (int u : previous[static_cast<std::size_t>(v)])
            if (!g.reaches_ending[static_cast<std::size_t>(u)]) { g.reaches_ending[static_cast<std::size_t>(u)] = true; work.push_back(u); }
    }
    g.component = components(next, g.sizes);
    return g;
}

bool is_dead_end(const Node& node) { return node.kind == NodeKind::Choices && node.choices.empty(); }

bool in_cycle(const GraphShape& g, std::size_t v) {
    const int c = g.component[v];
    return g.sizes[static_cast<std::size_t>(c)] > 1 ||
           std::find(g.next[v].begin(), g.next[v].end(), static_cast<int>(v)) != g.next[v].end();
}

}  // namespace

GraphFacts graph_facts(const Scenario& s) {
    GraphFacts facts;
    const std::size_t n = s.nodes.size();
    facts.dead_end.assign(n, false);
    facts.endless_loop.assign(n, false);
    if (n == 0) return facts;
    GraphShape g = graph_shape(s);
    for (std::size_t v = 0; v < n; ++v) {
        facts.dead_end[v] = is_dead_end(s.nodes[v]);
        facts.endless_loop[v] = !g.reaches_ending[v] && !facts.dead_end[v] && in_cycle(g, v);
    }
    facts.reachable = std::move(g.reachable);
    facts.reaches_ending = std::move(g.reaches_ending);
    return facts;
}

void check_graph(const Scenario& s, const SourceText& source, Diagnostics& out, std::size_t max_automatic_steps) {
    const std::size_t n = s.nodes.size();
    if (n == 0 || s.start < 0) return;
    auto node_pointer = [](std::size_t i) { return "/nodes/" + std::to_string(i); };
    const GraphShape g = graph_shape(s);
    const auto& next = g.next;
    const auto& reachable = g.reachable;
    const auto& reaches_ending = g.reaches_ending;
    const auto& component = g.component;
    const auto& sizes = g.sizes;
    const auto runs = automatic_runs(s, next, component, sizes.size());
    std::size_t longest_run = 0;  // the reachable node that starts the longest run
    for (std::size_t v = 0; v < n; ++v)
        if (reachable[v] && runs[v] > runs[longest_run]) longest_run = v;
    if (runs[longest_run] > max_automatic_steps)
        out.push_back(make_at(source, DiagnosticId::AutomaticRunTooLong,
            {s.nodes[longest_run].id, std::to_string(runs[longest_run]), std::to_string(max_automatic_steps)},
            node_pointer(longest_run)));
    std::vector<bool> loop_reported(sizes.size(), false);
    for (std::size_t v = 0; v < n; ++v) {
        const Node& node = s.nodes[v];
        if (!reachable[v]) {
            out.push_back(make_at(source, DiagnosticId::UnreachableNode,
                {node.id, s.nodes[static_cast<std::size_t>(s.start)].id}, node_pointer(v)));
            continue;
        }
        if (is_dead_end(node)) {
            out.push_back(make_at(source, DiagnosticId::DeadEnd, {node.id}, node_pointer(v)));
            continue;
        }
        if (reaches_ending[v]) continue;
        int c = component[v];
        if (in_cycle(g, v) && !loop_reported[static_cast<std::size_t>(c)]) {
            loop_reported[static_cast<std::size_t>(c)] = true;
            out.push_back(make_at(source, DiagnosticId::EndlessLoop,
                {node.id, std::to_string(sizes[static_cast<std::size_t>(c)])}, node_pointer(v)));
        }
    }
}

}  // namespace salesdojo
