// The field table of the scenario format (see scenario_fields.hpp): one entry per key of each object.
#include <salesdojo/limits.hpp>
#include <salesdojo/scenario.hpp>
#include <salesdojo/scenario_fields.hpp>

#include <algorithm>
#include <cctype>

namespace salesdojo {
namespace {

using FT = FieldType;
using SR = StringRule;
constexpr Presence kRequired = Presence::Required;

FieldSpec make_field(std::string_view name, FieldType type, Presence presence, std::string_view description) {
    FieldSpec f;
    f.name = name;
    f.type = type;
    f.presence = presence;
    f.description = description;
    return f;
}

FieldSpec text(std::string_view name, std::string_view description, Presence presence = Presence::Optional) {
    FieldSpec f = make_field(name, FT::Text, presence, description);
    return f;
}
FieldSpec string(std::string_view name, std::string_view description, Presence presence = Presence::Optional,
                 StringRule rule = SR::None) {
    FieldSpec f = make_field(name, FT::String, presence, description);
    f.rule = rule;
    return f;
}
FieldSpec choice_of(std::string_view name, std::string_view description, std::vector<std::string_view> allowed,
                    Presence presence = Presence::Optional) {
    FieldSpec f = make_field(name, FT::String, presence, description);
    f.allowed = std::move(allowed);
    return f;
}
FieldSpec number(std::string_view name, FieldType type, std::string_view description, double minimum, double maximum,
                 bool exclusive_minimum = false, Presence presence = Presence::Optional) {
    FieldSpec f = make_field(name, type, presence, description);
    f.minimum = minimum;
    f.maximum = maximum;
    f.exclusive_minimum = exclusive_minimum;
    return f;
}
FieldSpec object(std::string_view name, ObjectKind kind, std::string_view description) {
    FieldSpec f = make_field(name, FT::Object, Presence::Optional, description);
    f.object = kind;
    return f;
}
FieldSpec objects(std::string_view name, ObjectKind kind, std::string_view description, Presence presence = Presence::Optional) {
    FieldSpec f = make_field(name, FT::Array, presence, description);
    f.items = FT::Object;
    f.object = kind;
    return f;
}
FieldSpec strings(std::string_view name, std::string_view description, StringRule rule = SR::None) {
    FieldSpec f = make_field(name, FT::Array, Presence::Optional, description);
    f.items = FT::String;
    f.rule = rule;
    return f;
}
FieldSpec with_min_items(FieldSpec f, std::size_t count, std::string_view noun) {
    f.min_items = count;
    f.item_noun = noun;
    return f;
}
FieldSpec map(std::string_view name, FieldType values, StringRule keys, std::string_view description) {
    FieldSpec f = make_field(name, FT::Map, Presence::Optional, description);
    f.items = values;
    f.key_rule = keys;
    return f;
}
FieldSpec score_map(std::string_view description) {
    FieldSpec f = map("score", FT::Integer, SR::Id, description);
    f.minimum = -1000;
    f.maximum = 1000;
    return f;
}

std::vector<ObjectSpec> build_table() {
    std::vector<ObjectSpec> t;

    FieldSpec format_version = make_field("format_version", FT::Integer, kRequired, "The scenario format's version: 1");
    format_version.constant = kFormatVersion;
    FieldSpec id = string("id", "Stable id of the scenario: a-z, 0-9, '-' and '_'", kRequired, SR::ScenarioId);
    FieldSpec start = string("start", "Id of the first node", kRequired);
    start.missing_hint = " (the id of the first node)";
    t.push_back({ObjectKind::Scenario, "scenario", "A SalesDojo scenario (docs/scenario-format.md)",
                 {string("$schema", "Where editors find this schema (ignored by SalesDojo)"),
                  format_version,
                  id,
                  string("version", "Version of this scenario, e.g. \"1.2.0\"", kRequired),
                  text("title", "Title shown in the catalogue", kRequired),
                  text("summary", "One or two sentences shown in the catalogue", kRequired),
                  strings("skills", "Skills trained, e.g. \"qualify\", \"decline\", \"bias\""),
                  choice_of("difficulty", "How hard the scenario is", {"easy", "medium", "hard"}),
                  number("estimated_minutes", FT::Integer, "Minutes a run takes", 1, 180),
                  with_min_items(strings("languages", "Languages every text is given in, the first the default", SR::LanguageCode), 1, "language"),
                  string("author", "Who wrote it"),
                  string("licence", "Licence of the scenario, e.g. \"CC-BY-4.0\""),
                  start,
                  objects("cast", ObjectKind::Character, "The characters who speak"),
                  object("rubric", ObjectKind::Rubric, "What is scored, and how"),
                  objects("outcomes", ObjectKind::Outcome, "Outcome classes beyond the four built-in ones"),
                  objects("variables", ObjectKind::Variable, "Typed variables (numbers and flags)"),
                  objects("facts", ObjectKind::Fact, "Facts the trainee can learn during the conversation"),
                  with_min_items(objects("nodes", ObjectKind::Node, "The conversation", kRequired), 1, "node")},
                 {},
                 {}});
    for (auto& f : t.back().fields)
        if (f.name == "languages") f.presence = kRequired;

    t.push_back({ObjectKind::Rubric, "rubric", "Dimensions scored, principles cited, and how verdicts are given",
                 {with_min_items(objects("dimensions", ObjectKind::Dimension, "Dimensions scored (default: qualify, decline, bias, relationship)"), 1, "dimension"),
                  objects("principles", ObjectKind::Principle, "Principles that choices cite"),
                  object("assumption", ObjectKind::Assumption, "How acting on an unsupported assumption is scored"),
                  number("pass_mark", FT::Number, "Overall score (0..100) a run needs to pass", 0, 100),
                  object("verdict_thresholds", ObjectKind::VerdictThresholds, "Largest loss each verdict allows")},
                 {},
                 {}});
    t.push_back({ObjectKind::Dimension, "dimension", "A scored dimension",
                 {string("id", "Dimension id", kRequired, SR::Id),
                  text("title", "Name shown in the debrief"),
                  text("description", "What this dimension measures"),
                  number("weight", FT::Number, "Weight in the overall score", 0, 1000, true)},
                 {},
                 {}});
    t.push_back({ObjectKind::Principle, "principle", "A principle that choices cite",
                 {string("id", "Principle id", kRequired, SR::Id),
                  text("title", "Short title", kRequired),
                  text("explanation", "Why it matters", kRequired)},
                 {},
                 {}});
    t.push_back({ObjectKind::Assumption, "assumption", "Scoring of unsupported assumptions",
                 {string("dimension", "Dimension charged (default: bias)", Presence::Optional, SR::Id),
                  number("penalty", FT::Integer, "Points taken per unsupported assumption", 0, 1000)},
                 {},
                 {}});
    t.push_back({ObjectKind::VerdictThresholds, "verdict_thresholds",
                 "Largest loss (points of the 0..100 score) each verdict allows; increasing",
                 {number("good", FT::Number, "Largest loss of a good decision", 0, 100, true),
                  number("inaccuracy", FT::Number, "Largest loss of an inaccuracy", 0, 100, true),
                  number("mistake", FT::Number, "Largest loss of a mistake", 0, 100, true)},
                 {},
                 {}});
    t.push_back({ObjectKind::Outcome, "outcome", "An outcome class of endings",
                 {string("id", "Outcome id", kRequired, SR::Id), text("title", "Name shown in the debrief", kRequired)},
                 {},
                 {}});
    FieldSpec initial = make_field("initial", FT::IntegerOrBoolean, Presence::Optional, "Value at the start");
    t.push_back({ObjectKind::Variable, "variable", "A typed variable",
                 {string("id", "Name used in conditions, \"set\" and \"add\"", kRequired, SR::Identifier),
                  choice_of("type", "int or bool", {"int", "bool"}, kRequired),
                  number("min", FT::Integer, "Smallest value (int)", -2147483648.0, 2147483647.0),
                  number("max", FT::Integer, "Largest value (int)", -2147483648.0, 2147483647.0),
                  initial,
                  text("description", "What it stands for (for authors)")},
                 {},
                 {{"type", "int", {"min", "max"}, {{"initial", FT::Integer}}},
                  {"type", "bool", {}, {{"initial", FT::Boolean}}}}});
    t.push_back({ObjectKind::Fact, "fact", "Something the trainee can learn",
                 {string("id", "Name used in conditions, \"learns\" and \"requires\"", kRequired, SR::Identifier),
                  text("title", "What is known", kRequired)},
                 {},
                 {}});
    t.push_back({ObjectKind::Character, "character", "Someone who speaks",
                 {string("id", "Character id (a node's \"speaker\")", kRequired, SR::Id),
                  text("name", "Name shown", kRequired),
                  text("role", "Role shown under the name"),
                  object("appearance", ObjectKind::Appearance, "How the drawn portrait looks"),
                  strings("expressions", "Expressions this character may show", SR::Id),
                  map("portraits", FT::String, SR::Id, "Expression -> image file, relative to the scenario")},
                 {},
                 {}});
    t.push_back({ObjectKind::Appearance, "appearance", "How the drawn portrait looks",
                 {text("description", "For people and for the renderer"),
                  string("skin", "Colour like \"#d8a884\"", Presence::Optional, SR::Colour),
                  string("hair", "Colour like \"#3b2a1a\"", Presence::Optional, SR::Colour),
                  choice_of("hair_style", "Hair style", {"short", "long", "bun", "curly", "bald"}),
                  string("clothing", "Colour like \"#2f4f6f\"", Presence::Optional, SR::Colour),
                  string("accent", "Colour of shirt, tie or scarf", Presence::Optional, SR::Colour),
                  choice_of("accessory", "Accessory", {"none", "glasses", "beard", "earrings", "tie"})},
                 {},
                 {}});
    FieldSpec choices = objects("choices", ObjectKind::Choice, "Options the trainee picks from");
    choices.max_items = kMaxChoicesPerNode;
    FieldSpec discussion = make_field("discussion", FT::Array, Presence::Optional, "Discussion prompts (presenter view only)");
    discussion.items = FT::Text;
    t.push_back({ObjectKind::Node, "node", "One step of the conversation: choices, next, random or ending",
                 {string("id", "Node id", kRequired, SR::Id),
                  string("speaker", "Cast id of who speaks (none: narration)"),
                  string("expression", "Speaker's expression"),
                  text("text", "What is said"),
                  text("narration", "Narration shown before the line"),
                  text("trainer_notes", "Notes only the trainer sees"),
                  discussion,
                  choices,
                  string("next", "Node that follows automatically"),
                  with_min_items(objects("random", ObjectKind::RandomBranch, "Weighted random continuations"), 1, "branch"),
                  object("ending", ObjectKind::Ending, "Ends the run")},
                 {"choices", "next", "random", "ending"},
                 {}});
    t.push_back({ObjectKind::Choice, "choice", "An option the trainee can pick",
                 {string("id", "Choice id, unique in its node", kRequired, SR::Id),
                  text("text", "What the trainee says or does", kRequired),
                  string("condition", "Available only when this holds, e.g. \"trust >= 2 and budget_known\""),
                  score_map("Points per dimension"),
                  map("set", FT::IntegerOrBoolean, SR::Identifier, "Variables set to a value"),
                  map("add", FT::Integer, SR::Identifier, "Amounts added to int variables"),
                  strings("learns", "Facts learned", SR::Identifier),
                  strings("requires", "Facts this option acts on (an assumption when not yet known)", SR::Identifier),
                  text("feedback", "Shown in practice mode"),
                  strings("principles", "Principle ids cited", SR::Id),
                  choice_of("intent", "The verdict the author means this option to get",
                            {"best", "good", "inaccuracy", "mistake", "blunder"}),
                  string("next", "Node that follows", kRequired)},
                 {},
                 {}});
    t.push_back({ObjectKind::RandomBranch, "random_branch", "One weighted continuation",
                 {number("weight", FT::Integer, "Relative weight", 1, 1000000, false, kRequired),
                  string("next", "Node that follows", kRequired)},
                 {},
                 {}});
    t.push_back({ObjectKind::Ending, "ending", "How the run ends",
                 {string("outcome", "Outcome class, e.g. \"qualified-fit\"", kRequired),
                  text("title", "Closing text"),
                  score_map("Points per dimension on arriving here")},
                 {},
                 {}});
    return t;
}

}  // namespace

const FieldSpec* ObjectSpec::field(std::string_view key) const {
    for (const auto& f : fields)
        if (f.name == key) return &f;
    return nullptr;
}

const std::vector<ObjectSpec>& scenario_objects() {
    static const std::vector<ObjectSpec> table = build_table();
    return table;
}

const ObjectSpec& object_spec(ObjectKind kind) {
    // The table is built in ObjectKind order (checked by a test).
    return scenario_objects()[static_cast<std::size_t>(kind)];
}

const std::vector<std::string_view>& reserved_identifiers() {
    static const std::vector<std::string_view> words = {"and", "or", "not", "true", "false"};
    return words;
}

bool string_matches(StringRule rule, std::string_view s) {
    const auto all = [&](auto ok) { return std::all_of(s.begin(), s.end(), [&](char c) { return ok(static_cast<unsigned char>(c)); }); };
    switch (rule) {
        case StringRule::None: return true;
        case StringRule::ScenarioId:
            return !s.empty() && s.size() <= kMaxIdLength &&
                   all([](unsigned char c) { return (c >= 'a' && c <= 'z') || std::isdigit(c) || c == '-' || c == '_'; });
        case StringRule::Id:
            return !s.empty() && s.size() <= kMaxIdLength &&
                   all([](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.'; });
        case StringRule::Identifier: {
            if (s.empty() || s.size() > kMaxIdLength) return false;
            const unsigned char first = static_cast<unsigned char>(s[0]);
            if (!(std::isalpha(first) || first == '_')) return false;
            const auto& reserved = reserved_identifiers();
            if (std::find(reserved.begin(), reserved.end(), s) != reserved.end()) return false;
            return all([](unsigned char c) { return std::isalnum(c) || c == '_'; });
        }
        case StringRule::LanguageCode:
            return s.size() >= 2 && s.size() <= 8 && all([](unsigned char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
        case StringRule::Colour:
            return s.size() == 7 && s[0] == '#' &&
                   std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    }
    return false;
}

std::string_view string_pattern(StringRule rule) {
    switch (rule) {
        case StringRule::None: return "";
        case StringRule::ScenarioId: return "^[a-z0-9_-]+$";
        case StringRule::Id: return "^[A-Za-z0-9_.-]+$";
        case StringRule::Identifier: return "^[A-Za-z_][A-Za-z0-9_]*$";
        case StringRule::LanguageCode: return "^[a-z-]{2,8}$";
        case StringRule::Colour: return "^#[0-9A-Fa-f]{6}$";
    }
    return "";
}

std::optional<std::size_t> string_max_length(StringRule rule) {
    switch (rule) {
        case StringRule::ScenarioId:
        case StringRule::Id:
        case StringRule::Identifier: return kMaxIdLength;
        default: return std::nullopt;
    }
}

std::string_view rule_description(StringRule rule) {
    switch (rule) {
        case StringRule::None: return "any text";
        case StringRule::ScenarioId: return "only a-z, 0-9, '-' and '_'";
        case StringRule::Id: return "only letters, digits, '-', '_' and '.'";
        case StringRule::Identifier:
            return "a name usable in conditions: a letter or '_' then letters, digits or '_' (not and/or/not/true/false)";
        case StringRule::LanguageCode: return "a language code like \"nl\" or \"en\"";
        case StringRule::Colour: return "a colour like \"#a0522d\"";
    }
    return "";
}

const char* field_type_name(FieldType type) {
    switch (type) {
        case FieldType::String: return "a string";
        case FieldType::Integer: return "an integer";
        case FieldType::Number: return "a number";
        case FieldType::Boolean: return "true/false";
        case FieldType::IntegerOrBoolean: return "an integer or true/false";
        case FieldType::Text: return "a string or an object of translations like {\"nl\": ..., \"en\": ...}";
        case FieldType::Object: return "an object";
        case FieldType::Array: return "an array";
        case FieldType::Map: return "an object";
    }
    return "a value";
}

}  // namespace salesdojo
