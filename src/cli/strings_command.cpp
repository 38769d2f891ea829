// `salesdojo strings export|import|coverage`: translation tables (docs/authoring-translation.md).
#include "commands.hpp"

#include <salesdojo/authoring/strings.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/source.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace salesdojo::cli {
namespace {

struct ReadScenario {
    std::string text;
    nlohmann::json document;
};

// The scenario's JSON (it need not load: missing translations are what this command is for).
std::optional<ReadScenario> read_scenario(const std::string& path) {
    Diagnostics diagnostics;
    const SourceLimits limits;
    std::optional<std::string> text = read_source_file(path, limits, diagnostics);
    std::optional<nlohmann::json> document;
    if (text) document = parse_json(SourceText(path, *text), limits, diagnostics);
    for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (!document) return std::nullopt;
    if (!document->is_object()) {
        std::cerr << path << ": error: a scenario is a JSON object\n";
        return std::nullopt;
    }
    return ReadScenario{std::move(*text), std::move(*document)};
}

bool valid_language(const std::string& code) {
    return code.size() >= 2 && code.size() <= 8 &&
           std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

std::vector<std::string> declared_languages(const nlohmann::json& document) {
    std::vector<std::string> out;
    if (auto it = document.find("languages"); it != document.end() && it->is_array())
        for (const auto& code : *it)
            if (code.is_string()) out.push_back(code.get<std::string>());
    return out;
}

int export_strings_command(const StringsOptions& options) {
    if (!valid_language(options.language)) {
        std::cerr << "salesdojo strings export: '" << options.language << "' is not a language code (2 to 8 lowercase letters or -)\n";
        return kExitUsage;
    }
    if (!options.source.empty() && !valid_language(options.source)) {
        std::cerr << "salesdojo strings export: '" << options.source << "' is not a language code\n";
        return kExitUsage;
    }
    auto scenario = read_scenario(options.file);
    if (!scenario) return kExitProblems;
    std::string source = options.source;
    if (source.empty()) {
        const auto declared = declared_languages(scenario->document);
        for (const auto& code : declared)
            if (code != options.language) { source = code; break; }
        if (source.empty()) source = declared.empty() ? options.language : declared.front();
    }
    const std::string table = authoring::export_strings(scenario->document, source, options.language);
    if (options.out.empty()) {
        std::cout << table;
        return kExitOk;
    }
    std::string error;
    if (!write_file_atomically(options.out, table, error)) {
        std::cerr << "salesdojo strings export: " << error << "\n";
        return kExitProblems;
    }
    return kExitOk;
}

int import_strings_command(const StringsOptions& options) {
    auto scenario = read_scenario(options.file);
    if (!scenario) return kExitProblems;
    Diagnostics read_problems;
    const std::optional<std::string> table = read_source_file(options.table, SourceLimits{}, read_problems);
    for (const auto& d : read_problems) std::cerr << format_diagnostic(d) << "\n";
    if (!table) return kExitProblems;
    const authoring::ImportResult result = authoring::import_strings(scenario->text, scenario->document, *table, options.table);
    for (const auto& p : result.problems) std::cerr << authoring::format_problem(p) << "\n";
    if (!result.ok()) {
        std::cerr << "salesdojo strings import: nothing imported; " << options.file << " is unchanged\n";
        return kExitProblems;
    }
    const std::string out = options.out.empty() ? options.file : options.out;
    // The result must load as well as the original did: an import never breaks a working scenario.
    const bool loaded_before = load_scenario_text(scenario->text, options.file).ok();
    const LoadResult after = load_scenario_text(result.text, options.file);  // portraits stay relative to FILE
    if (loaded_before && !after.ok()) {
        for (const auto& d : after.diagnostics) std::cerr << format_diagnostic(d) << "\n";
        std::cerr << "salesdojo strings import: the result would not load; nothing written\n";
        return kExitProblems;
    }
    if (result.changed > 0 || out != options.file) {
        std::string error;
        if (!write_file_atomically(out, result.text, error)) {
            std::cerr << "salesdojo strings import: " << error << "\n";
            return kExitProblems;
        }
    }
    std::cout << "imported " << result.changed << " translation(s) into " << out << "\n";
    const auto declared = declared_languages(scenario->document);
    if (std::find(declared.begin(), declared.end(), result.target_language) == declared.end())
        std::cout << "note: '" << result.target_language
                  << "' is not among the scenario's languages yet; add it to \"languages\" once every text has it "
                     "(salesdojo strings coverage "
                  << out << ")\n";
    return kExitOk;
}

int coverage_command(const StringsOptions& options) {
    for (const auto& code : options.languages)
        if (!valid_language(code)) {
            std::cerr << "salesdojo strings coverage: '" << code << "' is not a language code\n";
            return kExitUsage;
        }
    auto scenario = read_scenario(options.file);
    if (!scenario) return kExitProblems;
    const auto coverage = authoring::strings_coverage(scenario->document, options.languages);
    bool incomplete = false;
    nlohmann::json json = nlohmann::json::array();
    for (const auto& c : coverage) {
        if (c.declared && !c.missing.empty()) incomplete = true;
        json.push_back({{"language", c.language}, {"declared", c.declared}, {"translated", c.translated},
                        {"total", c.total}, {"missing", c.missing}});
        if (options.json) continue;
        const int percent = c.total ? static_cast<int>(100 * c.translated / c.total) : 100;
        std::cout << c.language << ": " << c.translated << "/" << c.total << " texts (" << percent << "%)"
                  << (c.declared ? "" : ", not declared in \"languages\"") << "\n";
        for (const auto& key : c.missing) std::cout << "  missing " << key << "\n";
    }
    if (options.json) std::cout << json.dump(2) << "\n";
    return incomplete ? kExitProblems : kExitOk;
}

}  // namespace

CLI::App* add_strings_command(CLI::App& app, StringsOptions& options) {
    auto* strings = app.add_subcommand("strings", "Translation tables (CSV): export a language, import it back, count coverage");
    strings->require_subcommand(1);
    strings->footer("Exit codes: 0 fine, 1 problems (a bad table, an incomplete declared language), 2 bad usage.\n"
                    "See docs/authoring-translation.md.");
    auto* exporting = strings->add_subcommand("export", "Write every text as CSV rows: key, source text, target text, note");
    exporting->add_option("file", options.file, "Scenario file")->required();
    exporting->add_option("--lang", options.language, "The language to translate into (the target column)")->required();
    exporting->add_option("--source", options.source, "The language to translate from (default: the first declared other one)");
    exporting->add_option("-o,--out", options.out, "Write the table to this file instead of the terminal");
    exporting->callback([&options] { options.action = "export"; });
    auto* importing = strings->add_subcommand("import", "Put a translated table back into the scenario; only changed texts are rewritten");
    importing->add_option("file", options.file, "Scenario file")->required();
    importing->add_option("table", options.table, "The CSV table (from strings export)")->required();
    importing->add_option("-o,--out", options.out, "Write the scenario here instead of replacing FILE");
    importing->callback([&options] { options.action = "import"; });
    auto* coverage = strings->add_subcommand("coverage", "Per language: how many texts have a translation, and which keys miss one");
    coverage->add_option("file", options.file, "Scenario file")->required();
    coverage->add_option("--lang", options.languages, "Also count this language (repeatable)");
    coverage->add_flag("--json", options.json, "Print the coverage as JSON");
    coverage->callback([&options] { options.action = "coverage"; });
    return strings;
}

int strings_command(const StringsOptions& options) {
    if (options.action == "export") return export_strings_command(options);
    if (options.action == "import") return import_strings_command(options);
    return coverage_command(options);
}

}  // namespace salesdojo::cli
