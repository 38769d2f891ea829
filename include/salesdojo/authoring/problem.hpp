#pragma once
// A problem found in an authoring input that is not a scenario (a translation table, a Twee story):
// these have no SDxxxx code (the codes are about scenario files), but the same clickable form,
// "file:line:col: error: message".
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace salesdojo::authoring {

enum class ProblemKind { Error, Warning, Todo };  // Todo: left for the author (import-twee)

struct Problem {
    ProblemKind kind = ProblemKind::Error;
    std::string file;
    int line = 0;    // 1-based; 0 = no position
    int column = 0;  // 1-based; 0 = none
    std::string message;
};

std::string format_problem(const Problem& problem);  // "file:line:col: error: message"
bool has_errors(const std::vector<Problem>& problems);

// Byte offset of the first byte that is not valid UTF-8 (overlong forms and surrogates included), or
// nullopt when the whole text is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);
// 1-based line and column (in bytes) of a byte offset.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

}  // namespace salesdojo::authoring
