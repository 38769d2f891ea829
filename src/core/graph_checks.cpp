// Reachability, dead ends and endless loops, computed without recursion (scenarios may be long chains).
#include "graph_checks.hpp"

#include <algorithm>

namespace salesdojo {
namespace {

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

void check_graph(const Scenario& s, const SourceText& source, Diagnostics& out, std::size_t max_automatic_steps) {
    const std::size_t n = s.nodes.size();
    if (n == 0 || s.start < 0) return;
    auto next = successors(s);
    auto node_pointer = [](std::size_t i) { return "/nodes/" + std::to_string(i); };

    std::vector<bool> reachable(n, false);
    std::vector<int> work{s.start};
    reachable[static_cast<std::size_t>(s.start)] = true;
    while (!work.empty()) {
        int v = work.back();
        work.pop_back();
        for (int w : next[static_cast<std::size_t>(v)])
            if (!reachable[static_cast<std::size_t>(w)]) { reachable[static_cast<std::size_t>(w)] = true; work.push_back(w); }
    }

    std::vector<std::vector<int>> previous(n);
    for (std::size_t v = 0; v < n; ++v)
        for (int w : next[v]) previous[static_cast<std::size_t>(w)].push_back(static_cast<int>(v));
    std::vector<bool> reaches_ending(n, false);
    for (std::size_t v = 0; v < n; ++v)
        if (s.nodes[v].kind == NodeKind::Ending) { reaches_ending[v] = true; work.push_back(static_cast<int>(v)); }
    while (!work.empty()) {
        int v = work.back();
        work.pop_back();
        for (int u : previous[static_cast<std::size_t>(v)])
            if (!reaches_ending[static_cast<std::size_t>(u)]) { reaches_ending[static_cast<std::size_t>(u)] = true; work.push_back(u); }
    }

    std::vector<int> sizes;
    auto component = components(next, sizes);
    const auto runs = automatic_runs(s, next, component, sizes.size());
    std::size_t longest_run = 0;  // the reachable node that starts the longest run
    for (std::size_t v = 0; v < n; ++v)
        if (reachable[v] && runs[v] > runs[longest_run]) longest_run = v;
    if (runs[longest_run] > max_automatic_steps)
        out.push_back(source.make("SD2019",
            "from node '" + s.nodes[longest_run].id + "', " + std::to_string(runs[longest_run]) +
                " automatic nodes (\"next\" or \"random\") follow each other; a session follows at most " +
                std::to_string(max_automatic_steps) + " in a row and then stops, stuck",
            node_pointer(longest_run)));
    std::vector<bool> loop_reported(sizes.size(), false);
    for (std::size_t v = 0; v < n; ++v) {
        const Node& node = s.nodes[v];
        if (!reachable[v]) {
            out.push_back(source.make("SD2007",
                "node '" + node.id + "' can never be reached from the start node '" +
                    s.nodes[static_cast<std::size_t>(s.start)].id + "'", node_pointer(v)));
            continue;
        }
        bool is_dead_end = node.kind == NodeKind::Choices && node.choices.empty();
        if (is_dead_end) {
            out.push_back(source.make("SD2008",
                "node '" + node.id + "' is a dead end: it is not an ending and has no choices", node_pointer(v)));
            continue;
        }
        if (reaches_ending[v]) continue;
        int c = component[v];
        bool in_cycle = sizes[static_cast<std::size_t>(c)] > 1 ||
                        std::find(next[v].begin(), next[v].end(), static_cast<int>(v)) != next[v].end();
        if (in_cycle && !loop_reported[static_cast<std::size_t>(c)]) {
            loop_reported[static_cast<std::size_t>(c)] = true;
            out.push_back(source.make("SD2009",
                "node '" + node.id + "' is in a loop of " + std::to_string(sizes[static_cast<std::size_t>(c)]) +
                    " node(s) from which no ending can ever be reached", node_pointer(v)));
        }
    }
}

}  // namespace salesdojo
