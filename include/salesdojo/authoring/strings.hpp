#pragma once
// Translation tables for scenarios (docs/authoring-translation.md): every player- and trainer-visible
// text under a stable key made of ids ("node/open/choice/ask/feedback"), exported to CSV for a
// translator, imported back by editing only the texts that changed, and counted per language.
//
// These work on the file's JSON, not on the loaded Scenario: a scenario with missing translations
// (SD2004, an error) cannot load, and that is exactly when its author needs the table.
#include <salesdojo/authoring/problem.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace salesdojo::authoring {

struct TextEntry {
    std::string key;      // "title", "node/<id>/text", "node/<id>/choice/<id>/feedback", ...
    std::string pointer;  // JSON pointer of the value in the file ("/nodes/3/choices/0/feedback")
    std::string note;     // context for the translator ("spoken by Eva", "presenter view only")
    const nlohmann::json* value = nullptr;  // a plain string or an object of language -> string
};

// Every text of a scenario document, in file order. Items without a string id are skipped (the
// loader reports them); a key that repeats (a duplicate id) is kept once, the first.
std::vector<TextEntry> translatable_texts(const nlohmann::json& document);

// The language codes a document uses: its "languages" first, then any other found in a text.
std::vector<std::string> document_languages(const nlohmann::json& document);

// The CSV table: "key,<source>,<target>,note", then one row per text.
std::string export_strings(const nlohmann::json& document, const std::string& source_language,
                           const std::string& target_language);

struct LanguageCoverage {
    std::string language;
    bool declared = false;            // listed in the scenario's "languages"
    std::size_t translated = 0;       // texts with this language (a plain string counts)
    std::size_t total = 0;
    std::vector<std::string> missing;  // keys
};
std::vector<LanguageCoverage> strings_coverage(const nlohmann::json& document, const std::vector<std::string>& extra_languages);

struct ImportResult {
    std::string text;         // the new scenario text (== the old one when nothing changed)
    std::size_t changed = 0;  // texts whose translation was added or replaced
    std::string target_language;
    std::vector<Problem> problems;  // CSV problems (errors) and notes (warnings), at the CSV's line:col
    bool ok() const { return !has_errors(problems); }
};

// Applies a CSV table (from export_strings, edited) to the scenario text. Only the values that
// change are rewritten, in place: every other byte of the file is kept, so importing an unchanged
// export gives back the same bytes. A plain string that gets a different translation becomes an
// object holding the plain string for every declared language plus the new one. Empty target
// cells change nothing. Unknown keys, a key given twice, a bad header or bad quoting are errors
// (nothing is changed); a source text that differs from the file's is a warning.
ImportResult import_strings(const std::string& scenario_text, const nlohmann::json& document,
                            const std::string& csv_text, const std::string& csv_file);

}  // namespace salesdojo::authoring
