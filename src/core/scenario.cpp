#include <salesdojo/scenario.hpp>

#include <algorithm>
#include <cstdio>

namespace salesdojo {

const char* const kBuiltinOutcomes[4] = {"qualified-fit", "declined-misfit", "pursued-misfit",
                                         "abandoned-fit"};

std::vector<std::int32_t> Scenario::initial_values() const {
    std::vector<std::int32_t> values(static_cast<std::size_t>(slot_count()), 0);
    for (std::size_t i = 0; i < variables.size(); ++i) values[i] = variables[i].initial;
    return values;  // facts start unknown (0)
}

std::optional<int> Scenario::find_node(std::string_view node_id) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == node_id) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<int> Scenario::find_dimension(std::string_view dimension_id) const {
    for (std::size_t i = 0; i < dimensions.size(); ++i)
        if (dimensions[i].id == dimension_id) return static_cast<int>(i);
    return std::nullopt;
}

const std::string& Scenario::default_language() const {
    static const std::string english = "en";
    return languages.empty() ? english : languages.front();
}

const char* verdict_id(Verdict verdict) {
    switch (verdict) {
        case Verdict::Best: return "best";
        case Verdict::Good: return "good";
        case Verdict::Inaccuracy: return "inaccuracy";
        case Verdict::Mistake: return "mistake";
        case Verdict::Blunder: return "blunder";
    }
    return "best";
}

std::optional<Verdict> verdict_from_id(std::string_view id) {
    for (Verdict v : {Verdict::Best, Verdict::Good, Verdict::Inaccuracy, Verdict::Mistake, Verdict::Blunder})
        if (id == verdict_id(v)) return v;
    return std::nullopt;
}

std::string content_hash_of(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64: offset basis, then xor and multiply per byte
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= 0x100000001b3ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

void apply_choice_effects(const Scenario& scenario, const Choice& choice, std::int32_t* values) {
    for (const auto& effect : choice.effects) {
        const Variable& var = scenario.variables[static_cast<std::size_t>(effect.variable)];
        std::int32_t& value = values[effect.variable];
        std::int64_t result = effect.op == VariableOp::Set ? effect.value
                                                            : static_cast<std::int64_t>(value) + effect.value;
        value = static_cast<std::int32_t>(std::clamp<std::int64_t>(result, var.min, var.max));
    }
    for (int fact : choice.learns) values[scenario.fact_slot(fact)] = 1;
}

}  // namespace salesdojo
