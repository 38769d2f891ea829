#pragma once
// A scenario's node graph as Graphviz DOT, for `salesdojo graph` (docs/authoring.md#graph).
// One statement per line: nodes first ("id" [attributes];), then edges ("a" -> "b" [...];).
// Shapes by kind: decision box, line (automatic `next`) ellipse, random diamond, ending
// doubleoctagon coloured by outcome class. Marks, as the SVG `class` attribute and in the label:
// "unreachable" (dashed, grey), "dead-end" and "endless-loop" (red, thick).
#include <salesdojo/graph_facts.hpp>
#include <salesdojo/scenario.hpp>

#include <string>
#include <string_view>

namespace salesdojo::report {

std::string graph_dot(const Scenario& scenario, const GraphFacts& facts, std::string_view language);

// `text` as the inside of a DOT double-quoted string: quotes and backslashes escaped, line breaks
// as \n, other control characters as spaces; UTF-8 passes through.
std::string dot_escape(std::string_view text);

}  // namespace salesdojo::report
