// Graphviz DOT for a scenario: what an author sees as the map of the conversation.
#include <salesdojo/report/graph_dot.hpp>

#include <cstdio>
#include <optional>

namespace salesdojo::report {
namespace {

// At most `limit` characters (code points) of `text`, with "..." when cut; never splits a UTF-8 sequence.
std::string shorten(std::string_view text, std::size_t limit) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (characters++ == limit) return std::string(text.substr(0, i)) + "...";
    }
    return std::string(text);
}

const char* outcome_colour(std::string_view outcome) {
    if (outcome == "qualified-fit") return "#8fd694";    // the right yes
    if (outcome == "declined-misfit") return "#9cc7f0";  // the right no
    if (outcome == "pursued-misfit") return "#f08c8c";   // a yes that should have been a no
    if (outcome == "abandoned-fit") return "#f5c26b";    // a no that should have been a yes
    return "#d9d9d9";                                    // an outcome class the scenario declares
}

std::string quoted(std::string_view text) { return "\"" + dot_escape(text) + "\""; }

}  // namespace

std::string dot_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') continue;
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string graph_dot(const Scenario& s, const GraphFacts& facts, std::string_view language) {
    std::string out;
    out += "digraph " + quoted(s.id) + " {\n";
    out += "  graph [rankdir=LR, fontname=\"DejaVu Sans\", labelloc=t, label=" +
           quoted(s.title.get(language) + " (" + s.id + " " + s.version + ")") + "];\n";
    out += "  node [fontname=\"DejaVu Sans\", fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n";
    out += "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n";
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& node = s.nodes[i];
        std::string label = node.id;
        if (node.speaker) label += "\n" + s.cast[static_cast<std::size_t>(*node.speaker)].name.get(language) + ":";
        if (!node.text.empty()) label += "\n" + shorten(node.text.get(language), 40);
        std::string shape, fill = "#ffffff", classes;
        switch (node.kind) {
            case NodeKind::Choices: shape = "box"; fill = "#e8eef7"; classes = "decision"; break;
            case NodeKind::Continue: shape = "ellipse"; classes = "line"; break;
            case NodeKind::Random: shape = "diamond"; fill = "#fff3c4"; classes = "random"; break;
            case NodeKind::Ending: {
                const OutcomeClass& outcome = s.outcomes[static_cast<std::size_t>(node.ending.outcome)];
                shape = "doubleoctagon";
                fill = outcome_colour(outcome.id);
                classes = "ending outcome-" + outcome.id;
                label += "\n[" + outcome.id + "]";
                break;
            }
        }
        std::string style = "filled", extra;
        const bool unreachable = i < facts.reachable.size() && !facts.reachable[i];
        if (unreachable) {
            classes += " unreachable";
            style += ",dashed";
            extra += ", color=\"#999999\", fontcolor=\"#777777\"";
            label += "\n(unreachable)";
        }
        if (facts.dead_end[i] || facts.endless_loop[i]) {
            classes += facts.dead_end[i] ? " dead-end" : " endless-loop";
            extra += ", color=\"#d62728\", penwidth=3";
            label += facts.dead_end[i] ? "\n(dead end)" : "\n(no ending reachable)";
        }
        if (static_cast<int>(i) == s.start) {
            classes += " start";
            extra += ", peripheries=2";
        }
        out += "  " + quoted(node.id) + " [shape=" + shape + ", style=\"" + style + "\", fillcolor=\"" + fill +
               "\", class=" + quoted(classes) + ", label=" + quoted(label) + extra + "];\n";
    }
    for (const Node& node : s.nodes) {
        auto edge = [&](std::optional<int> target, const std::string& attributes) {
            if (!target) return;
            out += "  " + quoted(node.id) + " -> " + quoted(s.nodes[static_cast<std::size_t>(*target)].id) + " [" +
                   attributes + "];\n";
        };
        switch (node.kind) {
            case NodeKind::Choices:
                for (const Choice& c : node.choices) {
                    std::string label = c.id + ": " + shorten(c.text.get(language), 32);
                    std::string attributes = "label=" + quoted(label);
                    if (!c.condition.empty()) attributes += ", style=dashed, tooltip=" + quoted("if " + c.condition.source());
                    edge(c.next, attributes);
                }
                break;
            case NodeKind::Continue: edge(node.next, "color=\"#555555\""); break;
            case NodeKind::Random: {
                long long total = 0;
                for (const RandomOutcome& r : node.random) total += r.weight;
                for (const RandomOutcome& r : node.random) {
                    char share[32];
                    std::snprintf(share, sizeof share, "%.0f%%", total > 0 ? 100.0 * r.weight / static_cast<double>(total) : 0.0);
                    edge(r.next, "label=" + quoted(share) + ", style=dotted");
                }
                break;
            }
            case NodeKind::Ending: break;
        }
    }
    out += "}\n";
    return out;
}

}  // namespace salesdojo::report
