#pragma once
// What a trainee reads for the things a scenario names by id: dimensions, outcome classes, verdicts,
// expressions, facts, endings. The scenario's own text where it gives one, else the catalogue; a raw
// id never reaches a trainee.
#include <salesdojo/scoring.hpp>

#include <string>
#include <string_view>

namespace salesdojo::report {

// Two languages: the interface's words (catalogue) and the scenario's texts. They differ when a
// scenario lacks the interface language (a Dutch interface over an English-only scenario).
struct Languages {
    std::string words = "en";
    std::string content = "en";
};
// Words in `interface_language`; content in it when the scenario has it, else the scenario's first.
Languages languages_for(const Scenario& scenario, std::string_view interface_language);

std::string dimension_name(const Scenario& scenario, int dimension, const Languages& languages);
std::string outcome_name(const Scenario& scenario, int outcome, const Languages& languages);
// A skill id from a scenario's metadata ("qualify"): the catalogue's dimension name, else "".
std::string skill_name(std::string_view skill, std::string_view language);
const char* verdict_name(Verdict verdict, std::string_view language);
std::string expression_name(std::string_view expression, std::string_view language);
std::string fact_name(const Scenario& scenario, int fact, const Languages& languages);
// An ending node's title, or the catalogue's "End of the conversation".
std::string ending_title(const Scenario& scenario, int node, const Languages& languages);

}  // namespace salesdojo::report
