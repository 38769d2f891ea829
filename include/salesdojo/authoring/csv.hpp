#pragma once
// CSV as RFC 4180 writes it (the format of `salesdojo strings`): fields separated by commas, a field
// in double quotes when it holds a comma, a quote, a line break or edge spaces, quotes inside doubled.
// The reader also accepts CRLF line ends and a UTF-8 byte order mark (spreadsheets write both).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::authoring {

struct CsvRow {
    int line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct CsvError {
    int line = 0;
    int column = 0;  // 1-based, in bytes
    std::string message;
};

// Parses the whole text; stops at the first malformed record (a quote inside an unquoted field,
// text after a closing quote, a quoted field never closed, invalid UTF-8) and returns nullopt with
// `error` set. Blank lines are skipped.
std::optional<std::vector<CsvRow>> parse_csv(std::string_view text, CsvError& error);

// One field, quoted when needed; one record, fields joined by commas and ended by "\n".
std::string csv_field(std::string_view field);
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace salesdojo::authoring
