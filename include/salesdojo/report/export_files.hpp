#pragma once
// Export files as written to disk (docs/export.md), shared by `salesdojo export` and the window's
// export buttons: the JSON text, the CSV tables' two file names, and one HTML page per attempt.
// Every file is written atomically (write_file_atomically: temporary file, fsync, rename).
#include <salesdojo/report/results_export.hpp>

#include <string>
#include <string_view>

namespace salesdojo::report {

// The JSON export as a file holds it: indented, invalid UTF-8 replaced, ending in a newline.
std::string export_json_text(const ExportDocument& document);

// The decisions table's file next to the attempts': "class.csv" -> "class-decisions.csv".
std::string decisions_csv_path(const std::string& path);

// "2026-12-06-anna-mini-1f2e3d4c.html": sortable, readable, unique by the uid's first characters;
// no '/', spaces or dots from the trainee's name or the scenario id.
std::string attempt_page_file_name(const ExportedAttempt& attempt);

// The HTML debrief page of one attempt of `document`, re-scored when its scenario is on `shelf`.
std::string attempt_page(const ExportDocument& document, const ExportedAttempt& attempt,
                         const ScenarioShelf& shelf, std::string_view language);

// Writes both CSV tables: attempts to `path`, decisions to decisions_csv_path(path). False with
// `error` naming the file that could not be written.
bool write_csv_files(const std::string& path, const CsvTables& tables, std::string& error);

// One page per attempt (attempt_page_file_name) into `folder`, created when missing. False with
// `error` naming the folder or file that could not be written.
bool write_attempt_pages(const std::string& folder, const ExportDocument& document, const ScenarioShelf& shelf,
                         std::string_view language, std::string& error);

}  // namespace salesdojo::report
