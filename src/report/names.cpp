#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/names.hpp>

#include <algorithm>

namespace salesdojo::report {
namespace {

// The loader fills an untitled default dimension or built-in outcome with its id as a plain text:
// that is not a title a trainee should read.
bool has_own_title(const LocalizedText& title, const std::string& id) {
    return !title.empty() && !(title.is_plain() && title.get("") == id);
}

}  // namespace

Languages languages_for(const Scenario& scenario, std::string_view interface_language) {
    Languages languages;
    languages.words = interface_language == "nl" ? "nl" : "en";
    const auto& have = scenario.languages;
    languages.content = std::find(have.begin(), have.end(), interface_language) != have.end()
                            ? std::string(interface_language)
                            : scenario.default_language();
    return languages;
}

std::string dimension_name(const Scenario& s, int dimension, const Languages& languages) {
    const Dimension& d = s.dimensions[static_cast<std::size_t>(dimension)];
    if (has_own_title(d.title, d.id)) return d.title.get(languages.content);
    const std::string key = "dimension." + d.id;
    if (has_word(key)) return word(key, languages.words);
    return phrase("dimension.unnamed", languages.words, {std::to_string(dimension + 1)});
}

std::string outcome_name(const Scenario& s, int outcome, const Languages& languages) {
    const OutcomeClass& o = s.outcomes[static_cast<std::size_t>(outcome)];
    if (has_own_title(o.title, o.id)) return o.title.get(languages.content);
    const std::string key = "outcome." + o.id;
    if (has_word(key)) return word(key, languages.words);
    return phrase("outcome.unnamed", languages.words, {std::to_string(outcome + 1)});
}

std::string skill_name(std::string_view skill, std::string_view language) {
    const std::string key = "dimension." + std::string(skill);
    return has_word(key) ? word(key, language) : std::string();
}

const char* verdict_name(Verdict verdict, std::string_view language) {
    return word(std::string("verdict.") + verdict_id(verdict), language);
}

std::string expression_name(std::string_view expression, std::string_view language) {
    const std::string key = "expression." + std::string(expression);
    return has_word(key) ? word(key, language) : std::string();
}

std::string fact_name(const Scenario& s, int fact, const Languages& languages) {
    const Fact& f = s.facts[static_cast<std::size_t>(fact)];
    if (has_own_title(f.title, f.id)) return f.title.get(languages.content);
    return word("transcript.unnamed_fact", languages.words);
}

std::string ending_title(const Scenario& s, int node, const Languages& languages) {
    const Node& n = s.nodes[static_cast<std::size_t>(node)];
    if (!n.ending.title.empty()) return n.ending.title.get(languages.content);
    return word("debrief.untitled_ending", languages.words);
}

}  // namespace salesdojo::report
