#pragma once
// Paths and small helpers shared by the test suites.
#include <salesdojo/loader.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace salesdojo::test {

inline std::string source_path(const std::string& relative) {
    return std::string(SALESDOJO_SOURCE_DIR) + "/" + relative;
}

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Loads a scenario that must be valid; fails the test with the diagnostics otherwise.
inline std::shared_ptr<const Scenario> load_valid(const std::string& relative) {
    LoadResult result = load_scenario_file(source_path(relative));
    std::string messages;
    for (const auto& d : result.diagnostics) messages += format_diagnostic(d) + "\n";
    INFO(messages);
    REQUIRE(result.ok());
    return result.scenario;
}

inline bool has_code(const Diagnostics& diagnostics, const std::string& code) {
    for (const auto& d : diagnostics)
        if (d.code == code) return true;
    return false;
}

}  // namespace salesdojo::test
