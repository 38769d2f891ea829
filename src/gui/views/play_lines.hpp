#pragma once
// The lines a trainee reads before the next decision: the decision just taken ("You: ..."), then
// every node the session passed since (automatic continuations, random branches), each as its
// narration and its speech, and an ending's title. A pure function of the session.
#include <salesdojo/session.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::gui {

enum class LineKind { Narration, Speech, Player, Ending };

struct Line {
    LineKind kind = LineKind::Speech;
    std::optional<int> speaker;   // cast index for Speech
    std::string expression;       // for Speech
    std::string who;              // speaker's name for Speech
    std::string text;
};

// Lines since the last decision (all lines from the start before the first decision).
std::vector<Line> lines_since_last_decision(const Session& session, std::string_view language);

// The whole conversation so far, from the start: every node's lines and every answer (the backlog).
std::vector<Line> conversation_lines(const Session& session, std::string_view language);

// The lines of one node (no decision), as above; at an ending the narration follows the line.
void append_node_lines(const Scenario& scenario, const Node& node, std::string_view language,
                       std::vector<Line>& out);

// The text to read aloud for `lines` (speech and narration; not the trainee's own line).
std::string spoken_text(const std::vector<Line>& lines);

// Index of the last transcript entry that holds a decision, or -1.
int last_decision_entry(const Session& session);

}  // namespace salesdojo::gui
