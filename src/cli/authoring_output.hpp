#pragma once
// Output for the authoring commands (schema, graph, simulate): to --out when given, else stdout.
#include <string>

namespace salesdojo::cli {

// Writes `text` to `path` atomically, or to stdout when `path` is empty. On failure prints
// "salesdojo COMMAND: cannot write 'path': reason" and returns false.
bool write_output(const std::string& command, const std::string& path, const std::string& text);

}  // namespace salesdojo::cli
