// `salesdojo analyze`: the exact state-space analysis of one scenario, as text or JSON.
#include "commands.hpp"

#include <salesdojo/analysis_report.hpp>
#include <salesdojo/loader.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace salesdojo::cli {

int analyze_command(const AnalyzeOptions& options) {
    LoadResult loaded = load_scenario_file(options.file);
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (!loaded.ok()) return kExitProblems;
    AnalysisLimits limits;
    limits.histograms = true;
    AnalysisResult result = analyse(loaded.scenario, limits);
    locate_diagnostics(result.diagnostics, options.file);
    for (const auto& d : result.diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (!result.analysis) return kExitProblems;
    AnalysisReport report = make_report(*result.analysis);
    locate_diagnostics(report.warnings, options.file);
    if (options.json) {
        std::cout << report_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        std::cout << report_text(report);
        for (const auto& w : report.warnings) std::cout << format_diagnostic(w) << "\n";
    }
    return has_errors(result.diagnostics) || !report.warnings.empty() ? kExitProblems : kExitOk;
}

}  // namespace salesdojo::cli
