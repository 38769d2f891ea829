// `salesdojo report FILES...`: many trainees' JSON exports merged into one class report (docs/export.md).
#include "commands.hpp"
#include "export_files.hpp"

#include <salesdojo/report/class_report.hpp>
#include <salesdojo/report/results_export.hpp>

#include <iostream>

namespace salesdojo::cli {

int report_command(const ReportOptions& options) {
    const std::string language = options.language.empty() ? default_interface_language() : options.language;
    std::vector<report::ClassInput> inputs;
    inputs.reserve(options.files.size());
    std::size_t bad = 0;
    auto results = report::read_export_files(options.files);
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (!results[i].document) {
            std::cerr << "salesdojo report: " << results[i].message << "\n";
            ++bad;
            continue;
        }
        inputs.push_back({options.files[i], std::move(*results[i].document)});
    }
    // A class report that silently leaves out a trainee would mislead: fix or leave out the file.
    if (bad) {
        std::cerr << "salesdojo report: " << bad << " of " << options.files.size()
                  << " file(s) could not be read; no report written\n";
        return kExitProblems;
    }
    const report::ClassReport merged = report::make_class_report(inputs, language);
    for (const auto& c : merged.conflicts)
        std::cerr << "salesdojo report: attempt " << c.uid << " in " << c.ignored_file << " differs from the same attempt in "
                  << c.counted_file << "; counted once, as in " << c.counted_file << "\n";
    if (merged.duplicates)
        std::cerr << "salesdojo report: " << merged.duplicates << " duplicate attempt(s) counted once\n";

    std::string error;
    const bool written = options.format == "csv"
                             ? write_csv_tables(options.out, report::class_report_csv(merged, language), error)
                             : write_output(options.out, report::class_report_html(merged, language), error);
    if (!written) {
        std::cerr << "salesdojo report: " << error << "\n";
        return kExitProblems;
    }
    return kExitOk;
}

}  // namespace salesdojo::cli
