#pragma once
// Content problems are values, not exceptions: every loader and lint check appends Diagnostics.
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace salesdojo {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;     // stable: SD1xxx syntax and structure, SD2xxx meaning
    std::string message;
    std::string file;
    int line = 0;         // 1-based; 0 when the problem has no position (a missing file)
    int column = 0;       // 1-based, in characters
    std::string pointer;  // JSON pointer of the offending value ("" = whole document)
};

using Diagnostics = std::vector<Diagnostic>;

// One entry per code: the single source of truth that docs/diagnostics.md and the fixtures follow.
struct DiagnosticCode {
    const char* code;
    Severity severity;
    const char* title;
};
const std::vector<DiagnosticCode>& diagnostic_codes();
const DiagnosticCode* find_diagnostic_code(std::string_view code);

// The only way src/ creates a Diagnostic: the severity comes from diagnostic_codes(), so the emitted
// severity cannot drift from the documented one. Position (line, column) is left 0 for the caller
// to fill in. A code not in the table is a bug in our code: it aborts, naming the code.
Diagnostic make_diagnostic(std::string_view code, std::string message, std::string file = {},
                           std::string pointer = {});

bool has_errors(const Diagnostics& diagnostics);
std::size_t count(const Diagnostics& diagnostics, Severity severity);

// "file:line:col: error[SD2003]: message" (position left out when unknown).
std::string format_diagnostic(const Diagnostic& diagnostic);
nlohmann::json diagnostic_to_json(const Diagnostic& diagnostic);

}  // namespace salesdojo
