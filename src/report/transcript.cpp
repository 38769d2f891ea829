#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/transcript.hpp>

#include <nlohmann/json.hpp>

namespace salesdojo::report {

std::string node_text(const Scenario& s, const Node& node, const Languages& l) {
    // Narration sets the scene before a line; at an ending it tells what happened afterwards
    // ("Three months later ..."), so there it follows the closing line, as in the window
    // (docs/scenario-format.md).
    const bool ending = node.kind == NodeKind::Ending;
    const std::string narration = node.narration.empty() ? "" : "  (" + node.narration.get(l.content) + ")\n";
    std::string out = ending ? "" : narration;
    const std::string& text = node.text.get(l.content);
    if (!text.empty()) {
        if (node.speaker) {
            out += s.cast[static_cast<std::size_t>(*node.speaker)].name.get(l.content);
            const std::string mood = expression_name(node.expression, l.words);
            if (node.expression != "neutral" && !mood.empty()) out += " (" + mood + ")";
            out += ": ";
        }
        out += text + "\n";
    }
    if (!ending) return out;
    const int index = static_cast<int>(&node - s.nodes.data());
    return out + narration + "== " + ending_title(s, index, l) + " (" + outcome_name(s, node.ending.outcome, l) + ") ==\n";
}

std::string decision_text(const Scenario& s, const TranscriptEntry& entry, const Languages& l) {
    if (!entry.choice) return "";
    const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
    std::string out = "  > " + node.choices[static_cast<std::size_t>(*entry.choice)].text.get(l.content) + "\n";
    for (int fact : entry.assumed_facts) {
        out += "    ! " + phrase("transcript.assumption", l.words, {fact_name(s, fact, l)});
        // Charged only when the rubric names a dimension for it (documented: none is valid).
        if (s.assumption_dimension && s.assumption_penalty > 0)
            out += " (" + dimension_name(s, *s.assumption_dimension, l) + " " +
                   signed_number(-s.assumption_penalty, 0, l.words) + ")";
        out += "\n";
    }
    return out;
}

std::string totals_text(const Session& session, const Languages& l) {
    const Scenario& s = session.scenario();
    std::string out = std::string(word("transcript.totals", l.words)) + ":";
    for (std::size_t i = 0; i < s.dimensions.size(); ++i)
        out += (i ? ", " : " ") + dimension_name(s, static_cast<int>(i), l) + " " +
               signed_number(static_cast<double>(session.tallies()[i]), 0, l.words);
    out += " (" + std::string(word("transcript.weighted", l.words)) + " " +
           signed_number(session.weighted_total(), 2, l.words) + ")";
    return out;
}

std::string playtest_header(const Session& session, const Languages& l) {
    if (!session.is_playtest()) return "";
    const Scenario& s = session.scenario();
    const Node& from = s.nodes[static_cast<std::size_t>(session.start_point().node)];
    // The node is named by its first words, not its id: the trainee-facing text stays free of ids.
    std::string line = from.text.get(l.content);
    if (line.size() > 60) {
        std::size_t cut = line.rfind(' ', 60);
        if (cut == std::string::npos || cut < 20) cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
        line = line.substr(0, cut) + "...";
    }
    return "** " + phrase("transcript.playtest", l.words, {line.empty() ? from.id : line}) + " **\n";
}

std::string transcript_text(const Session& session, const Languages& l) {
    const Scenario& s = session.scenario();
    std::string out = playtest_header(session, l);
    for (const auto& entry : session.transcript()) {
        out += node_text(s, s.nodes[static_cast<std::size_t>(entry.node)], l);
        out += decision_text(s, entry, l);
    }
    if (session.state() == SessionState::Stuck) out += "!! " + std::string(word("transcript.stuck", l.words)) + "\n";
    return out + totals_text(session, l) + "\n";
}

nlohmann::json transcript_json(const Session& session, std::string_view language) {
    const Scenario& s = session.scenario();
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& entry : session.transcript()) {
        const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
        nlohmann::json step = {{"node", node.id}};
        if (node.speaker) {
            step["speaker"] = s.cast[static_cast<std::size_t>(*node.speaker)].id;
            step["expression"] = node.expression;
        }
        if (!node.text.empty()) step["text"] = node.text.get(language);
        if (!node.narration.empty()) step["narration"] = node.narration.get(language);
        if (entry.choice) {
            const Choice& c = node.choices[static_cast<std::size_t>(*entry.choice)];
            step["choice"] = {{"id", c.id}, {"text", c.text.get(language)}};
            if (!entry.assumed_facts.empty()) {
                auto& assumed = step["choice"]["assumed_facts"] = nlohmann::json::array();
                for (int f : entry.assumed_facts) assumed.push_back(s.facts[static_cast<std::size_t>(f)].id);
            }
        }
        if (entry.random_branch) step["random_branch"] = *entry.random_branch;
        if (node.kind == NodeKind::Ending)
            step["ending"] = {{"outcome", s.outcomes[static_cast<std::size_t>(node.ending.outcome)].id},
                              {"title", node.ending.title.get(language)}};
        steps.push_back(std::move(step));
    }
    nlohmann::json totals = nlohmann::json::object();
    for (std::size_t i = 0; i < s.dimensions.size(); ++i) totals[s.dimensions[i].id] = session.tallies()[i];
    const char* state = session.state() == SessionState::Finished ? "finished"
                        : session.state() == SessionState::Stuck  ? "stuck"
                                                                  : "awaiting_choice";
    nlohmann::json result = {
        {"scenario", s.id},
        {"version", s.version},
        {"language", std::string(language)},
        {"seed", session.seed()},
        {"playtest", session.is_playtest()},
        {"state", state},
        {"decisions", session.decision_ids()},
        {"steps", std::move(steps)},
        {"totals", std::move(totals)},
        {"weighted_total", session.weighted_total()},
    };
    // A playtest names where it began, so a reader knows which part of the story it covers.
    if (session.is_playtest())
        result["playtest_from"] = s.nodes[static_cast<std::size_t>(session.start_point().node)].id;
    return result;
}

}  // namespace salesdojo::report
