#pragma once
// Private to the report layer: words for the ids an export carries (modes, languages, verdicts,
// dimensions and outcomes without a scenario file), shared by the CSV, HTML and class report.
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/results_export.hpp>

#include <string>
#include <string_view>

namespace salesdojo::report::detail {

// "Oefenen" for practice; "Anders" for a mode this build has no word for.
inline std::string mode_name(const std::string& mode, std::string_view language) {
    const std::string key = "export.mode." + mode;
    return word(has_word(key) ? std::string_view(key) : std::string_view("export.mode.other"), language);
}

// "Nederlands" for nl; other language codes stay codes (there is no name to give them).
inline std::string language_name(const std::string& code, std::string_view language) {
    const std::string key = "export.language." + code;
    return has_word(key) ? word(key, language) : code;
}

inline const char* yes_no(bool value, std::string_view language) {
    return word(value ? "export.yes" : "export.no", language);
}

// A verdict id as words; "" (not reviewed) stays empty.
inline std::string verdict_words(const std::string& verdict, std::string_view language) {
    const std::string key = "verdict." + verdict;
    return has_word(key) ? word(key, language) : std::string();
}

inline const ScenarioNames* names_of(const ExportDocument& document, const std::string& scenario_id) {
    const auto it = document.scenarios.find(scenario_id);
    return it == document.scenarios.end() ? nullptr : &it->second;
}

// The name of a dimension or outcome: from the export's names, else the catalogue's word for a
// default id, else the id (the export did not have the scenario at hand).
inline std::string named(const std::map<std::string, std::string>* names, const std::string& family,
                         const std::string& id, std::string_view language) {
    if (names) {
        const auto it = names->find(id);
        if (it != names->end()) return it->second;
    }
    const std::string key = family + "." + id;
    return has_word(key) ? word(key, language) : id;
}

inline std::string choice_text(const ScenarioNames* names, const std::string& node, const std::string& choice) {
    if (!names) return {};
    const auto n = names->nodes.find(node);
    if (n == names->nodes.end()) return {};
    const auto c = n->second.choices.find(choice);
    return c == n->second.choices.end() ? std::string() : c->second;
}

inline std::string node_line(const ScenarioNames* names, const std::string& node) {
    if (!names) return {};
    const auto n = names->nodes.find(node);
    return n == names->nodes.end() ? std::string() : n->second.line;
}

}  // namespace salesdojo::report::detail
