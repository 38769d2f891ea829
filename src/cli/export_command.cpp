// `salesdojo export`: stored attempts as JSON, CSV or HTML debriefs (docs/export.md).
#include "commands.hpp"
#include "export_files.hpp"
#include "scenario_shelf.hpp"

#include <salesdojo/data_dirs.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/report/export_files.hpp>
#include <salesdojo/report/results_export.hpp>
#include <salesdojo/store/attempt.hpp>
#include <salesdojo/store/export_source.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <set>

namespace salesdojo::cli {
namespace {

namespace fs = std::filesystem;

int fail(const std::string& message, int code = kExitProblems) {
    std::cerr << "salesdojo export: " << message << "\n";
    return code;
}

}  // namespace

int export_command(const ExportOptions& options) {
    const std::string language = options.language.empty() ? default_interface_language() : options.language;
    const std::string path = options.database.empty() ? store::default_database_path() : options.database;
    std::error_code ec;
    if (path.empty() || !fs::exists(path, ec))
        return fail("no results database at '" + path + "': nothing has been stored yet (or give --database FILE)");

    std::vector<report::ExportedAttempt> attempts;
    try {
        const store::ResultsStore db = store::ResultsStore::open(path);
        std::optional<std::int64_t> trainee_id;
        if (!options.trainee.empty()) {
            const auto trainee = db.find_trainee(options.trainee);
            if (!trainee) {
                std::string known;
                for (const auto& t : db.trainees()) known += (known.empty() ? "" : ", ") + t.name;
                return fail("no trainee named '" + options.trainee + "' in " + path +
                            (known.empty() ? std::string(" (it has none yet)") : "; trainees: " + known));
            }
            trainee_id = trainee->id;
        }
        std::optional<std::string> scenario;
        if (!options.scenario.empty()) scenario = options.scenario;
        attempts = store::exported_attempts(db, trainee_id, scenario);
    } catch (const store::StoreError& e) {
        return fail(e.what());
    }
    if (attempts.empty()) return fail("no stored attempts match in " + path);

    std::set<std::string> wanted;
    for (const auto& a : attempts) wanted.insert(a.scenario_id);
    const report::ScenarioShelf shelf = load_shelf(options.scenario_folders, wanted);
    const report::ExportDocument document =
        report::make_export_document(std::move(attempts), shelf, language, store::now_ms());

    std::string error;
    if (options.format == "json") {
        if (!write_output(options.out, report::export_json_text(document), error)) return fail(error);
    } else if (options.format == "csv") {
        if (!write_csv_tables(options.out, report::export_csv(document, language), error)) return fail(error);
    } else {  // html: one page per attempt
        const auto page = [&](const report::ExportedAttempt& a) {
            return report::attempt_page(document, a, shelf, language);
        };
        const bool one_file = options.out.empty() || fs::path(options.out).extension() == ".html";
        if (one_file) {
            if (document.attempts.size() != 1)
                return fail(std::to_string(document.attempts.size()) +
                                " attempts match: give --out FOLDER for one page each, or narrow with --trainee and --scenario",
                            kExitUsage);
            if (!write_output(options.out, page(document.attempts.front()), error)) return fail(error);
        } else {
            fs::create_directories(options.out, ec);
            if (ec) return fail("cannot create the folder '" + options.out + "': " + ec.message());
            for (const auto& a : document.attempts)
                if (!write_output((fs::path(options.out) / report::attempt_page_file_name(a)).string(), page(a), error)) return fail(error);
            std::cerr << "salesdojo export: " << document.attempts.size() << " page(s) written to " << options.out << "\n";
        }
    }
    return kExitOk;
}

}  // namespace salesdojo::cli
