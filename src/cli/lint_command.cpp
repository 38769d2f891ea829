#include "commands.hpp"

#include <salesdojo/limits.hpp>
#include <salesdojo/loader.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace salesdojo::cli {

std::vector<std::string> expand_scenario_paths(const std::vector<std::string>& paths,
                                               std::vector<std::string>& oversized) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            files.push_back(path);  // the loader reports a missing or unreadable file
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() == ".json" && it->is_regular_file(ec)) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        if (found.size() > kMaxCatalogueFiles)
            oversized.push_back("salesdojo lint: '" + path + "' holds " + std::to_string(found.size()) +
                                " scenario files; the window offers only the first " +
                                std::to_string(kMaxCatalogueFiles) + " (by name): split the folder");
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

int lint_command(const LintOptions& options) {
    std::vector<std::string> oversized;  // folders beyond the catalogue limit
    auto files = expand_scenario_paths(options.paths, oversized);
    std::size_t errors = 0, warnings = 0;
    nlohmann::json report = nlohmann::json::array();
    for (const auto& file : files) {
        LoadResult result = load_scenario_file(file);
        errors += count(result.diagnostics, Severity::Error);
        warnings += count(result.diagnostics, Severity::Warning);
        if (options.json) {
            nlohmann::json entry = {{"file", file}, {"ok", result.ok()}, {"diagnostics", nlohmann::json::array()}};
            for (const auto& d : result.diagnostics) entry["diagnostics"].push_back(diagnostic_to_json(d));
            report.push_back(std::move(entry));
        } else {
            for (const auto& d : result.diagnostics) std::cout << format_diagnostic(d) << "\n";
        }
    }
    if (options.json) {
        std::cout << nlohmann::json{{"files", report}, {"errors", errors}, {"warnings", warnings}}
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
    } else {
        std::cerr << files.size() << (files.size() == 1 ? " file" : " files") << " checked: " << errors
                  << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings") << "\n";
    }
    if (files.empty()) {
        std::cerr << "salesdojo lint: no scenario files (*.json) found in";
        for (const auto& path : options.paths) std::cerr << " '" << path << "'";
        std::cerr << "\n";
        return kExitUsage;
    }
    for (const auto& message : oversized) std::cerr << message << "\n";
    return errors > 0 || !oversized.empty() ? kExitProblems : kExitOk;
}

}  // namespace salesdojo::cli
