// `salesdojo import-twee STORY.twee`: a Twee 3 story to a scenario skeleton (docs/authoring-twee.md).
#include "commands.hpp"

#include <salesdojo/authoring/twee.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/source.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace salesdojo::cli {

CLI::App* add_import_twee_command(CLI::App& app, ImportTweeOptions& options) {
    auto* command = app.add_subcommand("import-twee", "Turn a Twee 3 (Twine) story into a scenario skeleton; lists what is left to do");
    command->add_option("story", options.story, "The .twee or .tw file")->required();
    command->add_option("-o,--out", options.out, "Write the scenario to this file instead of the terminal");
    command->add_option("--lang", options.language, "The language the story is written in (default en)");
    command->footer("Prints file:line: todo: ... for every passage that needs the author.\n"
                    "Exit codes: 0 written (todos are not failures), 1 the story cannot be read, 2 bad usage.\n"
                    "See docs/authoring-twee.md.");
    return command;
}

int import_twee_command(const ImportTweeOptions& options) {
    const std::string& lang = options.language;
    if (lang.size() < 2 || lang.size() > 8 || lang.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) {
        std::cerr << "salesdojo import-twee: '" << lang << "' is not a language code (2 to 8 lowercase letters or -)\n";
        return kExitUsage;
    }
    Diagnostics diagnostics;
    const std::optional<std::string> text = read_source_file(options.story, SourceLimits{}, diagnostics);
    for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (!text) return kExitProblems;
    authoring::TweeOptions twee;
    twee.language = lang;
    twee.fallback_id = std::filesystem::path(options.story).stem().string();
    const authoring::TweeImport imported = authoring::import_twee(*text, options.story, twee);
    for (const auto& p : imported.problems) std::cerr << authoring::format_problem(p) << "\n";
    if (imported.scenario.is_null()) return kExitProblems;
    const std::string json = imported.scenario.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    const std::string out_name = options.out.empty() ? twee.fallback_id + ".json" : options.out;
    // The skeleton is meant to load; warnings (no feedback, no principles yet) are expected.
    const LoadResult loaded = load_scenario_text(json, out_name);
    for (const auto& d : loaded.diagnostics)
        if (d.severity == Severity::Error) std::cerr << format_diagnostic(d) << "\n";
    if (!loaded.ok()) {
        std::cerr << "salesdojo import-twee: the skeleton does not load (a bug in import-twee); nothing written\n";
        return kExitProblems;
    }
    if (options.out.empty()) {
        std::cout << json;
    } else {
        std::string error;
        if (!write_file_atomically(options.out, json, error)) {
            std::cerr << "salesdojo import-twee: " << error << "\n";
            return kExitProblems;
        }
    }
    std::size_t todos = 0;
    for (const auto& p : imported.problems) todos += p.kind == authoring::ProblemKind::Todo;
    std::cerr << "salesdojo import-twee: " << imported.passages << " passage(s) -> " << imported.choices << " choice(s), "
              << imported.endings << " ending(s)" << (options.out.empty() ? "" : " in " + options.out) << "; " << todos
              << " todo(s) above\n";
    return kExitOk;
}

}  // namespace salesdojo::cli
