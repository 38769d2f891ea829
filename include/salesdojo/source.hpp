#pragma once
// Reading a scenario's text safely and turning byte offsets and JSON pointers into line:col.
#include <salesdojo/diagnostic.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo {

// Documented in docs/scenario-format.md ("Limits").
struct SourceLimits {
    std::size_t max_bytes = 32u * 1024u * 1024u;  // larger files are refused before parsing (10,000 nodes in two languages: ~20 MiB)
    int max_depth = 64;                            // deeper nesting is refused before parsing
};

struct Position {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, counted in UTF-8 characters
};

// Maps byte offsets to line:col, and JSON pointers to the offset of the value they name.
class SourceText {
public:
    SourceText(std::string file, std::string text);
    const std::string& file() const { return m_file; }
    const std::string& text() const { return m_text; }

    Position position_of_offset(std::size_t offset) const;
    // Offset of the first character of the value at `pointer` (for an object member: of its value);
    // nullopt when the pointer does not resolve. Rescans the text: call it for diagnostics only.
    std::optional<std::size_t> offset_of_pointer(std::string_view pointer) const;
    // Offset of the key of an object member (for "unknown key" warnings), else of the value.
    std::optional<std::size_t> offset_of_key(std::string_view pointer) const;
    // Position of the `n`-th byte inside the JSON string value at `pointer`, counting the
    // decoded bytes of the string (escape sequences are accounted for).
    Position position_in_string(std::string_view pointer, std::size_t n) const;

    Diagnostic make(Severity severity, std::string code, std::string message,
                    std::string pointer) const;  // positions the diagnostic at the pointer's value

private:
    std::string m_file;
    std::string m_text;
    std::vector<std::size_t> m_line_starts;
};

// Reads a file with the limits above. Missing file, directory, symlink loop, unreadable, too large:
// returns nullopt and appends a diagnostic (SD1001 unreadable, SD1002 too large).
std::optional<std::string> read_source_file(const std::string& path, const SourceLimits& limits,
                                            Diagnostics& out);

// Checks UTF-8 (SD1003) and nesting depth (SD1004), then parses (SD1005 with line:col).
// Never throws; returns nullopt after appending diagnostics.
std::optional<nlohmann::json> parse_json(const SourceText& source, const SourceLimits& limits,
                                         Diagnostics& out);

}  // namespace salesdojo
