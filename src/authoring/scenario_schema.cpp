// JSON Schema (2020-12) from the field table: one $defs entry per object kind, one property per field.
#include <salesdojo/authoring/scenario_schema.hpp>
#include <salesdojo/limits.hpp>
#include <salesdojo/scenario_fields.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>

namespace salesdojo {
namespace {

using json = nlohmann::ordered_json;

json string_schema(StringRule rule) {
    json s = {{"type", "string"}};
    if (auto pattern = string_pattern(rule); !pattern.empty()) s["pattern"] = std::string(pattern);
    if (auto length = string_max_length(rule)) s["maxLength"] = *length;
    if (rule == StringRule::Identifier) {
        json reserved = json::array();
        for (auto word : reserved_identifiers()) reserved.push_back(std::string(word));
        s["not"] = {{"enum", reserved}};
    }
    return s;
}

// An Integer/Number with the field's limits; integers always within 32 bits, as the loader reads them.
void add_limits(json& s, const FieldSpec& f, FieldType type) {
    if (f.constant) {
        s["const"] = *f.constant;
        return;
    }
    const bool integer = type == FieldType::Integer;
    auto number = [&](double x) -> json {
        if (integer) return static_cast<std::int64_t>(x);
        return x;
    };
    if (f.minimum) s[f.exclusive_minimum ? "exclusiveMinimum" : "minimum"] = number(*f.minimum);
    else if (integer) s["minimum"] = std::numeric_limits<std::int32_t>::min();
    if (f.maximum) s["maximum"] = number(*f.maximum);
    else if (integer) s["maximum"] = std::numeric_limits<std::int32_t>::max();
}

std::string ref(ObjectKind kind) { return "#/$defs/" + std::string(object_spec(kind).name); }

json value_schema(const FieldSpec& f, FieldType type) {
    switch (type) {
        case FieldType::String: {
            json s = string_schema(f.rule);
            if (!f.allowed.empty()) {
                json values = json::array();
                for (auto v : f.allowed) values.push_back(std::string(v));
                s["enum"] = values;
            }
            return s;
        }
        case FieldType::Integer:
        case FieldType::Number: {
            json s = {{"type", type == FieldType::Integer ? "integer" : "number"}};
            add_limits(s, f, type);
            return s;
        }
        case FieldType::Boolean: return {{"type", "boolean"}};
        case FieldType::IntegerOrBoolean: return {{"type", {"integer", "boolean"}}};
        case FieldType::Text: return {{"$ref", "#/$defs/text"}};
        case FieldType::Object: return {{"$ref", ref(f.object)}};
        case FieldType::Array: {
            json s = {{"type", "array"}, {"items", value_schema(f, f.items)}};
            if (f.min_items) s["minItems"] = *f.min_items;
            if (f.max_items) s["maxItems"] = *f.max_items;
            return s;
        }
        case FieldType::Map: {
            json s = {{"type", "object"}};
            if (f.key_rule != StringRule::None) {
                json keys = string_schema(f.key_rule);
                keys.erase("type");
                s["propertyNames"] = keys;
            }
            s["additionalProperties"] = value_schema(f, f.items);
            return s;
        }
    }
    return json::object();
}

json object_schema(const ObjectSpec& spec) {
    json s = {{"type", "object"}, {"description", std::string(spec.description)}};
    json properties = json::object();
    json required = json::array();
    for (const FieldSpec& f : spec.fields) {
        json p = {{"description", std::string(f.description)}};
        p.update(value_schema(f, f.type));
        properties[std::string(f.name)] = p;
        if (f.presence == Presence::Required) required.push_back(std::string(f.name));
    }
    s["properties"] = properties;
    if (!required.empty()) s["required"] = required;
    s["additionalProperties"] = false;
    if (!spec.exactly_one_of.empty()) {
        json one_of = json::array();
        for (auto key : spec.exactly_one_of) one_of.push_back({{"required", {std::string(key)}}});
        s["oneOf"] = one_of;
    }
    if (!spec.rules.empty()) {
        json all_of = json::array();
        for (const FieldRule& rule : spec.rules) {
            json then = json::object();
            if (!rule.required.empty()) {
                json keys = json::array();
                for (auto key : rule.required) keys.push_back(std::string(key));
                then["required"] = keys;
            }
            for (const auto& [name, type] : rule.typed) {
                FieldSpec plain;  // the type alone: the field's own entry gives its limits
                then["properties"][std::string(name)] = value_schema(plain, type);
            }
            all_of.push_back({{"if", {{"properties", {{std::string(rule.field), {{"const", std::string(rule.equals)}}}}},
                                      {"required", {std::string(rule.field)}}}},
                              {"then", then}});
        }
        s["allOf"] = all_of;
    }
    return s;
}

}  // namespace

std::string scenario_schema_text() {
    const auto& objects = scenario_objects();
    json schema = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                   {"title", "SalesDojo scenario"},
                   {"$comment", "Generated by `salesdojo schema` from the loader's field table; do not edit by hand."}};
    schema.update(object_schema(objects.front()));
    json defs = json::object();
    defs["text"] = {
        {"description", "A text: one string, or translations by language code like {\"nl\": \"...\", \"en\": \"...\"}"},
        {"anyOf",
         {{{"type", "string"}, {"maxLength", kMaxTextBytes}},
          {{"type", "object"}, {"additionalProperties", {{"type", "string"}, {"maxLength", kMaxTextBytes}}}}}}};
    for (std::size_t i = 1; i < objects.size(); ++i) defs[std::string(objects[i].name)] = object_schema(objects[i]);
    schema["$defs"] = defs;
    return schema.dump(2) + "\n";
}

}  // namespace salesdojo
