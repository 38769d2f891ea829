#pragma once
// The scenario format's objects and fields as data (docs/scenario-format.md). The loader takes its
// unknown-key, type, required-key, allowed-value and limit checks from this table, and
// `salesdojo schema` turns the same table into docs/scenario.schema.json: the two cannot drift.
// What a table cannot say (ids that must resolve, conditions, translations per declared language)
// stays in the loader and the lint; the schema is never stricter than the loader.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace salesdojo {

enum class ObjectKind {
    Scenario, Rubric, Dimension, Principle, Assumption, VerdictThresholds, Outcome, Variable, Fact,
    Character, Appearance, Node, Choice, RandomBranch, Ending,
};

enum class FieldType {
    String,
    Integer,           // a whole number that fits in 32 bits
    Number,
    Boolean,
    IntegerOrBoolean,  // a variable's value: which one depends on its type (see ObjectSpec::rules)
    Text,              // a string, or an object of translations {"nl": "...", "en": "..."}
    Object,            // an object of kind FieldSpec::object
    Array,             // items of type FieldSpec::items
    Map,               // free keys (ids, see FieldSpec::key_rule), values of type FieldSpec::items
};

// Shapes a string must have. The loader tests them with string_matches(); the schema writes
// string_pattern() beside them, in the same file.
enum class StringRule {
    None,
    ScenarioId,    // a-z, 0-9, '-', '_'
    Id,            // letters, digits, '-', '_', '.' (nodes, choices, cast, dimensions, ...)
    Identifier,    // usable in conditions: a letter or '_' then letters, digits or '_'; no keyword
    LanguageCode,  // "nl", "en", "pt-br": 2 to 8 of a-z and '-'
    Colour,        // "#a0522d"
};

enum class Presence { Optional, Required };

struct FieldSpec {
    std::string_view name;
    FieldType type = FieldType::String;
    Presence presence = Presence::Optional;
    std::string_view description;
    ObjectKind object = ObjectKind::Scenario;  // Object, or Array/Map items of type Object
    FieldType items = FieldType::String;       // Array and Map: the type of each item
    StringRule rule = StringRule::None;        // String, or String items
    StringRule key_rule = StringRule::None;    // Map keys
    std::vector<std::string_view> allowed;     // String: the only values accepted
    std::optional<std::int64_t> constant;      // Integer: the only value accepted
    std::optional<double> minimum;             // Integer and Number (Map: each item)
    std::optional<double> maximum;
    bool exclusive_minimum = false;            // above `minimum` rather than from it
    std::optional<std::size_t> min_items;      // Array
    std::optional<std::size_t> max_items;
    std::string_view item_noun;                // Array: "language", for "needs at least one language"
    // A hint for the message when a required key is missing (format_version has a message of its own).
    std::string_view missing_hint;
};

// When `field` equals `equals`, the `required` keys must be there and `typed` keys have that type
// (an "int" variable needs "min" and "max"; a "bool" variable's "initial" is true or false).
struct FieldRule {
    std::string_view field;
    std::string_view equals;
    std::vector<std::string_view> required;
    std::vector<std::pair<std::string_view, FieldType>> typed;
};

struct ObjectSpec {
    ObjectKind kind;
    std::string_view name;  // its name in the schema's $defs
    std::string_view description;
    std::vector<FieldSpec> fields;
    std::vector<std::string_view> exactly_one_of;  // keys of which exactly one must be present
    std::vector<FieldRule> rules;
    const FieldSpec* field(std::string_view name) const;  // nullptr when not a field of this object
};

const ObjectSpec& object_spec(ObjectKind kind);
const std::vector<ObjectSpec>& scenario_objects();  // every object, the scenario itself first

bool string_matches(StringRule rule, std::string_view value);
std::string_view string_pattern(StringRule rule);        // a regular expression (ECMA-262), "" for None
std::optional<std::size_t> string_max_length(StringRule rule);
const std::vector<std::string_view>& reserved_identifiers();  // and, or, not, true, false
std::string_view rule_description(StringRule rule);        // for messages: what the value must look like

// For messages: "a string", "an integer", "true/false", ...
const char* field_type_name(FieldType type);

}  // namespace salesdojo
