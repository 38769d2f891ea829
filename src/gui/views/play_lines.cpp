#include "views/play_lines.hpp"

#include <salesdojo/report/names.hpp>

namespace salesdojo::gui {

void append_node_lines(const Scenario& s, const Node& node, std::string_view language, std::vector<Line>& out) {
    // Narration sets the scene before a line; at an ending it tells what happened afterwards
    // ("Three months later ..."), so it follows the last line there (docs/scenario-format.md).
    const bool ending = node.kind == NodeKind::Ending;
    const auto narration = [&] {
        if (node.narration.empty()) return;
        Line line;
        line.kind = LineKind::Narration;
        line.text = node.narration.get(language);
        out.push_back(std::move(line));
    };
    if (!ending) narration();
    if (!node.text.empty()) {
        Line line;
        line.text = node.text.get(language);
        if (node.speaker) {
            line.kind = LineKind::Speech;
            line.speaker = node.speaker;
            line.expression = node.expression;
            line.who = s.cast[static_cast<std::size_t>(*node.speaker)].name.get(language);
        } else {
            line.kind = LineKind::Narration;
        }
        out.push_back(std::move(line));
    }
    if (ending) narration();
    if (ending) {
        Line line;
        line.kind = LineKind::Ending;
        const std::string words(language);
        line.text = report::ending_title(s, static_cast<int>(&node - s.nodes.data()), {words, words});
        out.push_back(std::move(line));
    }
}

int last_decision_entry(const Session& session) {
    const auto& transcript = session.transcript();
    for (int i = static_cast<int>(transcript.size()) - 1; i >= 0; --i)
        if (transcript[static_cast<std::size_t>(i)].choice) return i;
    return -1;
}

std::vector<Line> lines_since_last_decision(const Session& session, std::string_view language) {
    const Scenario& s = session.scenario();
    const auto& transcript = session.transcript();
    std::vector<Line> lines;
    const int last = last_decision_entry(session);
    if (last >= 0) {
        const TranscriptEntry& entry = transcript[static_cast<std::size_t>(last)];
        Line you;
        you.kind = LineKind::Player;
        you.text = s.nodes[static_cast<std::size_t>(entry.node)].choices[static_cast<std::size_t>(*entry.choice)]
                       .text.get(language);
        lines.push_back(std::move(you));
    }
    for (std::size_t i = static_cast<std::size_t>(last + 1); i < transcript.size(); ++i)
        append_node_lines(s, s.nodes[static_cast<std::size_t>(transcript[i].node)], language, lines);
    return lines;
}

std::vector<Line> conversation_lines(const Session& session, std::string_view language) {
    const Scenario& s = session.scenario();
    std::vector<Line> lines;
    for (const TranscriptEntry& entry : session.transcript()) {
        const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
        append_node_lines(s, node, language, lines);
        if (!entry.choice) continue;
        Line you;
        you.kind = LineKind::Player;
        you.text = node.choices[static_cast<std::size_t>(*entry.choice)].text.get(language);
        lines.push_back(std::move(you));
    }
    return lines;
}

std::string spoken_text(const std::vector<Line>& lines) {
    std::string out;
    for (const auto& line : lines) {
        if (line.kind == LineKind::Player) continue;
        if (!out.empty()) out += "\n";
        out += line.text;
    }
    return out;
}

}  // namespace salesdojo::gui
