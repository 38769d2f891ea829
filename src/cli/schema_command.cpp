// `salesdojo schema`: the scenario format as JSON Schema 2020-12 (docs/scenario.schema.json).
#include "authoring_output.hpp"
#include "commands.hpp"

#include <salesdojo/authoring/scenario_schema.hpp>

namespace salesdojo::cli {

int schema_command(const SchemaOptions& options) {
    return write_output("schema", options.out, scenario_schema_text()) ? kExitOk : kExitProblems;
}

}  // namespace salesdojo::cli
