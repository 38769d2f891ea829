#include <salesdojo/report/play_words.hpp>

#include <salesdojo/report/catalogue.hpp>

#include <algorithm>

namespace salesdojo::report {

std::string quoted_list(const std::vector<std::string>& items, std::string_view language) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? word("play.list_and", language) : ", ";
        out += "\xE2\x80\x9C" + items[i] + "\xE2\x80\x9D";
    }
    return out;
}

std::string unavailable_reason(const Scenario& s, const UnmetCondition& unmet, const Languages& l) {
    const auto names = [&](const std::vector<int>& facts) {
        std::vector<std::string> out;
        for (int fact : facts) out.push_back(fact_name(s, fact, l));
        return quoted_list(out, l.words);
    };
    std::string out;
    if (!unmet.facts_needed.empty()) out = phrase("play.unavailable_needs", l.words, {names(unmet.facts_needed)});
    if (!unmet.facts_in_the_way.empty()) {
        if (!out.empty()) out += " ";
        out += phrase("play.unavailable_known", l.words, {names(unmet.facts_in_the_way)});
    }
    if (out.empty() || unmet.depends_on_variables) {
        if (!out.empty()) out += " ";
        out += word("play.unavailable_conversation", l.words);
    }
    return out;
}

std::vector<std::string> assumption_lines(const Scenario& s, const std::vector<int>& facts, const Languages& l) {
    std::vector<std::string> out;
    for (int fact : facts) {
        std::string line = phrase("transcript.assumption", l.words, {fact_name(s, fact, l)});
        // Charged only when the rubric names a dimension for it (as in the transcript).
        if (s.assumption_dimension && s.assumption_penalty > 0)
            line += " (" + dimension_name(s, *s.assumption_dimension, l) + " " +
                    signed_number(-s.assumption_penalty, 0, l.words) + ")";
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<int> hint_principles(const Analysis& analysis, const Session& session) {
    std::vector<int> out;
    if (session.state() != SessionState::AwaitingChoice) return out;
    const Node& node = session.current();
    const std::uint32_t state = analysis.find_state(session.current_node_index(), session.values().data());
    if (state != UINT32_MAX) {
        if (const auto best = analysis.policy(state)) {
            const Transition& t = analysis.transitions(state)[*best];
            out = node.choices[static_cast<std::size_t>(t.index)].principles;
        }
    }
    if (out.empty()) {
        for (const ChoiceOption& option : session.options())
            for (int p : option.choice->principles)
                if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    return out;
}

}  // namespace salesdojo::report
