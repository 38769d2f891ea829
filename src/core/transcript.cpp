#include <salesdojo/transcript.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace salesdojo {
namespace {

std::string signed_number(long long value) {
    return value > 0 ? "+" + std::to_string(value) : std::to_string(value);
}

std::string format_weighted(double value) {
    char buffer[32];
    if (std::fabs(value - std::round(value)) < 1e-9) std::snprintf(buffer, sizeof buffer, "%+.0f", value);
    else std::snprintf(buffer, sizeof buffer, "%+.2f", value);
    return value == 0.0 ? "0" : buffer;
}

}  // namespace

std::string format_node(const Scenario& s, const Node& node, std::string_view language) {
    std::string out;
    if (!node.narration.empty()) out += "  (" + node.narration.get(language) + ")\n";
    const std::string& text = node.text.get(language);
    if (node.kind == NodeKind::Ending) {
        if (!text.empty()) out += text + "\n";
        const auto& outcome = s.outcomes[static_cast<std::size_t>(node.ending.outcome)];
        out += "== " + (node.ending.title.empty() ? std::string("End") : node.ending.title.get(language)) +
               " [" + outcome.id + "] ==\n";
        return out;
    }
    if (text.empty()) return out;
    if (node.speaker >= 0) {
        const CastMember& who = s.cast[static_cast<std::size_t>(node.speaker)];
        out += who.name.get(language);
        if (node.expression != "neutral") out += " [" + node.expression + "]";
        out += ": " + text + "\n";
    } else {
        out += text + "\n";
    }
    return out;
}

std::string format_decision(const Scenario& s, const TranscriptEntry& entry, std::string_view language) {
    if (entry.choice < 0) return "";
    const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
    const Choice& choice = node.choices[static_cast<std::size_t>(entry.choice)];
    std::string out = "  > [" + choice.id + "] " + choice.text.get(language) + "\n";
    for (int fact : entry.assumed_facts)
        out += "    ! unsupported assumption: '" + s.facts[static_cast<std::size_t>(fact)].id +
               "' was not established (" + s.dimensions[static_cast<std::size_t>(s.assumption_dimension)].id +
               " " + signed_number(-s.assumption_penalty) + ")\n";
    return out;
}

std::string format_totals(const Session& session) {
    const Scenario& s = session.scenario();
    std::string out = "Totals:";
    for (std::size_t i = 0; i < s.dimensions.size(); ++i)
        out += (i ? ", " : " ") + s.dimensions[i].id + " " + signed_number(session.tallies()[i]);
    out += " (weighted " + format_weighted(session.weighted_total()) + ")";
    return out;
}

std::string format_transcript(const Session& session, std::string_view language) {
    const Scenario& s = session.scenario();
    std::string out;
    for (const auto& entry : session.transcript()) {
        out += format_node(s, s.nodes[static_cast<std::size_t>(entry.node)], language);
        out += format_decision(s, entry, language);
    }
    if (session.state() == SessionState::Stuck)
        out += "!! stuck at node '" + session.current().id + "': no choice is available\n";
    out += format_totals(session) + "\n";
    return out;
}

nlohmann::json transcript_to_json(const Session& session, std::string_view language) {
    const Scenario& s = session.scenario();
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& entry : session.transcript()) {
        const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
        nlohmann::json step = {{"node", node.id}};
        if (node.speaker >= 0) {
            step["speaker"] = s.cast[static_cast<std::size_t>(node.speaker)].id;
            step["expression"] = node.expression;
        }
        if (!node.text.empty()) step["text"] = node.text.get(language);
        if (!node.narration.empty()) step["narration"] = node.narration.get(language);
        if (entry.choice >= 0) {
            const Choice& c = node.choices[static_cast<std::size_t>(entry.choice)];
            step["choice"] = {{"id", c.id}, {"text", c.text.get(language)}};
            if (!entry.assumed_facts.empty()) {
                auto& assumed = step["choice"]["assumed_facts"] = nlohmann::json::array();
                for (int f : entry.assumed_facts) assumed.push_back(s.facts[static_cast<std::size_t>(f)].id);
            }
        }
        if (entry.random_branch >= 0) step["random_branch"] = entry.random_branch;
        if (node.kind == NodeKind::Ending)
            step["ending"] = {{"outcome", s.outcomes[static_cast<std::size_t>(node.ending.outcome)].id},
                              {"title", node.ending.title.get(language)}};
        steps.push_back(std::move(step));
    }
    nlohmann::json totals = nlohmann::json::object();
    for (std::size_t i = 0; i < s.dimensions.size(); ++i) totals[s.dimensions[i].id] = session.tallies()[i];
    const char* state = session.state() == SessionState::Finished ? "finished"
                      : session.state() == SessionState::Stuck ? "stuck" : "awaiting_choice";
    return {
        {"scenario", s.id}, {"version", s.version}, {"language", std::string(language)},
        {"seed", session.seed()}, {"state", state}, {"decisions", session.decision_ids()},
        {"steps", std::move(steps)}, {"totals", std::move(totals)}, {"weighted_total", session.weighted_total()},
    };
}

}  // namespace salesdojo
