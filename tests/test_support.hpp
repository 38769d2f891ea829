#pragma once
// Paths and small helpers shared by the test suites.
#include <salesdojo/loader.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

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

// Completes a compact scenario body (rubric, variables, facts, nodes) into a loadable document:
// metadata, `start` = the first node, and a text for every node and choice that has none.
inline std::string complete_document(const std::string& body, const std::string& id, const std::string& version,
                                     const std::string& title) {
    using nlohmann::json;
    json doc = {{"format_version", 1}, {"id", id}, {"version", version}, {"title", title},
                {"summary", "A tiny scenario for the tests."}, {"languages", {"en"}}};
    const json parsed = json::parse(body);
    for (auto& [key, value] : parsed.items()) doc[key] = value;
    if (!doc.contains("start")) doc["start"] = doc["nodes"][0]["id"];
    for (auto& node : doc["nodes"]) {
        if (!node.contains("text")) node["text"] = "Node " + node["id"].get<std::string>() + ".";
        if (node.contains("choices"))
            for (auto& choice : node["choices"])
                if (!choice.contains("text")) choice["text"] = "Say " + choice["id"].get<std::string>() + ".";
    }
    return doc.dump();
}

// Loads a compact body that must be valid; fails the test with the diagnostics otherwise.
inline std::shared_ptr<const Scenario> load_compact(const std::string& body, const std::string& id,
                                                     const std::string& version, const std::string& title) {
    LoadResult result = load_scenario_text(complete_document(body, id, version, title), id + ".json");
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
