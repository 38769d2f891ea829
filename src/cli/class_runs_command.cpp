// `salesdojo class list` and `salesdojo class report ID`: the class runs stored in the results
// database (docs/classroom.md), listed or written again as a class report.
#include "class_command.hpp"

#include "commands.hpp"
#include "export_files.hpp"
#include "scenario_shelf.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/class_run_list.hpp>
#include <salesdojo/store/results_store.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

namespace salesdojo::cli {
namespace {

// The database to read: it must exist (opening would create an empty one).
std::optional<store::ResultsStore> open_existing(const char* command, const std::string& database, std::string& path) {
    path = database.empty() ? store::default_database_path() : database;
    std::error_code error;
    if (path.empty() || !std::filesystem::is_regular_file(path, error)) {
        std::cerr << command << ": no results database at '" << path
                  << "': no class has been stored yet (or give --database FILE)\n";
        return std::nullopt;
    }
    try {
        return store::ResultsStore::open(path);
    } catch (const store::StoreError& e) {
        std::cerr << command << ": " << e.what() << "\n";
        return std::nullopt;
    }
}

void add_common(CLI::App& cmd, ClassOptions& o) {
    cmd.add_option("--database", o.database, "The results database (default: the user's data folder)");
    cmd.add_option("--scenarios", o.scenario_folders,
                   "Folder or file of scenarios, for titles, scores and reports (default: the bundled scenarios)");
}

}  // namespace

void add_class_runs_subcommands(CLI::App& class_cmd, ClassOptions& o) {
    o.list = class_cmd.add_subcommand("list", "List the class runs stored in the results database");
    add_common(*o.list, o);
    o.list->add_option("--lang", o.language, "Language of the words (default: from the locale)")->check(CLI::IsMember({"nl", "en"}));
    o.list->add_flag("--json", o.json, "Print the list as JSON");

    o.report = class_cmd.add_subcommand("report", "Write the class report of a stored class run again (ID from `class list`)");
    o.report->add_option("id", o.run_id, "The class run's ID, as `salesdojo class list` shows it")->required();
    add_common(*o.report, o);
    o.report->add_option("--lang", o.language, "Language of the report (default: the class's)")->check(CLI::IsMember({"nl", "en"}));
    o.report->add_option("--html", o.report_html, "Write the class report as HTML here");
    o.report->add_option("--csv", o.report_csv, "Write the class report as CSV here (FILE and FILE-decisions)");
    class_cmd.footer("A scenario file named like a subcommand (list, report) is given as ./list, or after `--`.");
}

int class_list_command(const ClassOptions& o) {
    const char* command = "salesdojo class list";
    if (!o.file.empty()) {
        std::cerr << command << ": takes no scenario file ('" << o.file << "')\n";
        return kExitUsage;
    }
    const std::string language = o.language.empty() ? default_interface_language() : o.language;
    std::string path;
    auto db = open_existing(command, o.database, path);
    if (!db) return kExitProblems;
    std::vector<store::StoredClassRun> runs;
    try {
        runs = db->stored_class_runs();
    } catch (const store::StoreError& e) {
        std::cerr << command << ": " << e.what() << "\n";
        return kExitProblems;
    }
    std::set<std::string> wanted;
    for (const auto& run : runs) wanted.insert(run.scenario_id);
    const report::ScenarioShelf shelf = load_shelf(o.scenario_folders, wanted);

    std::vector<report::ClassRunRow> rows;
    bool damaged = false;
    for (const auto& run : runs) {
        if (!run.log) {
            std::cerr << command << ": " << path << ": " << run.problem << "\n";
            damaged = true;
            report::ClassRunRow row;
            row.id = run.id;
            row.uid = run.uid;
            row.started_ms = run.started_ms;
            row.problem = run.problem;
            rows.push_back(std::move(row));
            continue;
        }
        const auto at_hand = shelf.find(run.scenario_id);
        rows.push_back(report::class_run_row(run.id, *run.log, at_hand == shelf.end() ? nullptr : &at_hand->second, language));
    }
    if (o.json)
        std::cout << report::class_run_list_json(rows).dump(2) << "\n";
    else if (rows.empty())
        std::cout << report::phrase("classroom.list.none", language, {path}) << "\n";
    else
        std::cout << report::class_run_list_text(rows, language);
    return damaged ? kExitProblems : kExitOk;
}

int class_report_command(const ClassOptions& o) {
    const char* command = "salesdojo class report";
    if (!o.file.empty()) {
        std::cerr << command << ": takes a class run's ID, not a scenario file ('" << o.file << "')\n";
        return kExitUsage;
    }
    if (o.report_html.empty() && o.report_csv.empty()) {
        std::cerr << command << ": give --html FILE and/or --csv FILE\n";
        return kExitUsage;
    }
    std::string path;
    auto db = open_existing(command, o.database, path);
    if (!db) return kExitProblems;
    std::optional<store::StoredClassRun> run;
    try {
        run = db->stored_class_run(o.run_id);
    } catch (const store::StoreError& e) {
        std::cerr << command << ": " << e.what() << "\n";
        return kExitProblems;
    }
    if (!run) {
        std::cerr << command << ": " << path << " has no class run " << o.run_id << " (`salesdojo class list` shows the stored ones)\n";
        return kExitProblems;
    }
    if (!run->log) {
        std::cerr << command << ": " << path << ": " << run->problem << "\n";
        return kExitProblems;
    }
    const ClassLog& log = *run->log;
    const report::ScenarioShelf shelf = load_shelf(o.scenario_folders, {log.scenario_id});
    const auto at_hand = shelf.find(log.scenario_id);
    const std::string where = o.scenario_folders.empty() ? "the bundled scenarios" : "the --scenarios given";
    if (at_hand == shelf.end()) {
        std::cerr << command << ": class run " << run->id << " played scenario '" << log.scenario_id << "' (version "
                  << log.scenario_version << "), which is not among " << where << ": give --scenarios FILE or FOLDER\n";
        return kExitProblems;
    }
    // Another version of the file would report another conversation than the one the class had.
    if (at_hand->second.scenario->content_hash != log.content_hash) {
        std::cerr << command << ": the scenario '" << log.scenario_id << "' among " << where
                  << " is not the file class run " << run->id << " played (version " << log.scenario_version
                  << ", content hash " << log.content_hash << "): give --scenarios with that file\n";
        return kExitProblems;
    }
    if (!at_hand->second.analysis) {
        std::cerr << command << ": the scenario '" << log.scenario_id << "' could not be analysed (salesdojo lint shows why)\n";
        return kExitProblems;
    }
    const std::string language = o.language.empty() ? log.language : o.language;
    return write_class_report(command, *at_hand->second.analysis, log, language, o.report_html, o.report_csv);
}

}  // namespace salesdojo::cli
