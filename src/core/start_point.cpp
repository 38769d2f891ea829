// Session start points: the scenario's own, or a playtest's (docs/authoring-playtest.md).
#include <salesdojo/loader.hpp>
#include <salesdojo/start_point.hpp>

#include <charconv>

namespace salesdojo {
namespace {

// Index of the item whose id is `id`, or nullopt.
template <typename Items>
std::optional<std::size_t> index_of(const Items& items, std::string_view id) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return i;
    return std::nullopt;
}

// "no variable 'trst' (did you mean 'trust'?)", or "... (it has: a, b)" when nothing is close.
template <typename Items>
std::string unknown(const char* what, std::string_view id, const Items& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.id);
    std::string message = std::string("no ") + what + " '" + std::string(id) + "' in this scenario";
    const std::string nearest = nearest_word(id, ids);
    if (!nearest.empty()) return message + " (did you mean '" + nearest + "'?)";
    if (ids.empty()) return message + " (it has none)";
    if (ids.size() <= 12) {
        message += " (it has:";
        for (const auto& known : ids) message += " " + known;
        return message + ")";
    }
    return message;
}

std::optional<std::int32_t> parse_value(const Variable& variable, const std::string& text, std::string& error) {
    if (variable.type == ValueType::Bool) {
        if (text == "true" || text == "1") return 1;
        if (text == "false" || text == "0") return 0;
        error = "variable '" + variable.id + "' is a flag: give true or false, not '" + text + "'";
        return std::nullopt;
    }
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) {
        error = "variable '" + variable.id + "' is an integer: '" + text + "' is not one";
        return std::nullopt;
    }
    if (value < variable.min || value > variable.max) {
        error = "variable '" + variable.id + "' must lie within " + std::to_string(variable.min) + ".." +
                std::to_string(variable.max) + ", not " + text;
        return std::nullopt;
    }
    return static_cast<std::int32_t>(value);
}

}  // namespace

StartPoint scenario_start(const Scenario& scenario) { return {scenario.start, scenario.initial_values()}; }

std::optional<StartPoint> playtest_start(const Scenario& s, const PlaytestSetup& setup, std::string& error) {
    const auto node = index_of(s.nodes, setup.node);
    if (!node) {
        error = unknown("node", setup.node, s.nodes);
        return std::nullopt;
    }
    StartPoint start{static_cast<int>(*node), s.initial_values()};
    for (const auto& [id, text] : setup.set) {
        const auto variable = index_of(s.variables, id);
        if (!variable) {
            error = unknown("variable", id, s.variables);
            return std::nullopt;
        }
        const auto value = parse_value(s.variables[*variable], text, error);
        if (!value) return std::nullopt;
        start.values[*variable] = *value;
    }
    for (const auto& id : setup.learn) {
        const auto fact = index_of(s.facts, id);
        if (!fact) {
            error = unknown("fact", id, s.facts);
            return std::nullopt;
        }
        start.values[static_cast<std::size_t>(s.fact_slot(static_cast<int>(*fact)))] = 1;
    }
    return start;
}

}  // namespace salesdojo
