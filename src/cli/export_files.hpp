#pragma once
// Output of `export` and `report`: to stdout, or atomically to a file (temporary file, fsync,
// rename), so a reader never sees half a file and an interrupted run leaves the old one.
#include <salesdojo/report/export_files.hpp>
#include <salesdojo/report/results_export.hpp>

#include <string>

namespace salesdojo::cli {

// `path` empty: stdout. Otherwise an atomic write; false with `error` naming the file.
bool write_output(const std::string& path, const std::string& text, std::string& error);

// Both tables: to stdout one after the other with an empty line between, or to `path` and
// report::decisions_csv_path(path).
bool write_csv_tables(const std::string& path, const report::CsvTables& tables, std::string& error);

// "nl" when the environment's locale ($LC_ALL, $LC_MESSAGES, $LANG, first set) is Dutch, else "en".
std::string default_interface_language();

}  // namespace salesdojo::cli
