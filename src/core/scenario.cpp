#include <salesdojo/scenario.hpp>

namespace salesdojo {

const char* const kBuiltinOutcomes[4] = {"qualified-fit", "declined-misfit", "pursued-misfit",
                                         "abandoned-fit"};

std::vector<std::int32_t> Scenario::initial_values() const {
    std::vector<std::int32_t> values(static_cast<std::size_t>(slot_count()), 0);
    for (std::size_t i = 0; i < variables.size(); ++i) values[i] = variables[i].initial;
    return values;  // facts start unknown (0)
}

int Scenario::find_node(std::string_view node_id) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == node_id) return static_cast<int>(i);
    return kNoIndex;
}

int Scenario::find_dimension(std::string_view dimension_id) const {
    for (std::size_t i = 0; i < dimensions.size(); ++i)
        if (dimensions[i].id == dimension_id) return static_cast<int>(i);
    return kNoIndex;
}

const std::string& Scenario::default_language() const {
    static const std::string english = "en";
    return languages.empty() ? english : languages.front();
}

}  // namespace salesdojo
