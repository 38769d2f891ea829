#pragma once
// The scenario format as JSON Schema (draft 2020-12), generated from the loader's field table
// (scenario_fields.hpp). docs/scenario.schema.json is this text; a test keeps the two equal.
#include <string>

namespace salesdojo {

constexpr const char* kScenarioSchemaFile = "docs/scenario.schema.json";  // relative to the source tree

// The schema as text: 2-space indented, keys in table order, ending in a newline.
std::string scenario_schema_text();

}  // namespace salesdojo
