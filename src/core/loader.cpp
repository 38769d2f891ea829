// Builds a Scenario from JSON, reporting every problem with its position (docs/diagnostics.md).
#include <salesdojo/loader.hpp>
#include <salesdojo/diagnostic_descriptors.hpp>
#include <salesdojo/image_header.hpp>
#include <salesdojo/scenario_fields.hpp>

#include "condition_words.hpp"
#include "graph_checks.hpp"
#include "nearest_word.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#define SALESDOJO_PROCESS_ID() static_cast<long>(::getpid())
#else
#define SALESDOJO_PROCESS_ID() 0L
#endif

namespace salesdojo {
namespace {

// The loader reads a Document (see source.hpp): nlohmann::json's API, values in an arena.
using json = DocumentJson;

void append_pointer_token(std::string& out, std::string_view token) {
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

// A JSON pointer that becomes a string only when a diagnostic needs one: most of a large file
// produces no diagnostic, so building "/nodes/1234/choices/2/text" for every value would be pure
// allocation. A Ptr is a small value (no heap): an optional escaped prefix given as a string literal
// ("/rubric") followed by up to kMaxSegments keys or indices. Keys are views of string literals or of
// keys inside the parsed document, both of which outlive every Ptr the loader makes.
class Ptr {
public:
    Ptr() = default;  // "": the whole document
    Ptr(const char* escaped_literal) : m_prefix(escaped_literal) {}  // NOLINT: implicit on purpose

    Ptr key(std::string_view k) const {
        Ptr p = *this;
        p.push({k.data(), k.size()});
        return p;
    }
    Ptr index(std::size_t i) const {
        Ptr p = *this;
        p.push({nullptr, i});
        return p;
    }
    std::string str() const {
        std::string out = m_prefix;
        for (std::uint8_t i = 0; i < m_count; ++i) {
            out += '/';
            const Segment& s = m_segments[i];
            if (s.key) append_pointer_token(out, std::string_view(s.key, s.n));
            else out += std::to_string(s.n);
        }
        return out;
    }

private:
    struct Segment {
        const char* key;  // nullptr: an array index
        std::size_t n;    // key length, or the index
    };
    static constexpr std::uint8_t kMaxSegments = 10;  // the loader goes at most 7 deep
    void push(Segment s) {
        if (m_count < kMaxSegments) m_segments[m_count++] = s;
    }
    const char* m_prefix = "";
    Segment m_segments[kMaxSegments];
    std::uint8_t m_count = 0;
};

Ptr at(const Ptr& base, std::string_view key) { return base.key(key); }
Ptr at(const Ptr& base, std::size_t index) { return base.index(index); }
Ptr at(const char* base, std::size_t index) { return Ptr(base).index(index); }

// Equality of short keys: length and first character decide almost every comparison without a
// call to memcmp.
bool same_key(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

const char* type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "true/false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

const std::vector<std::string> kDefaultDimensions = {"qualify", "decline", "bias", "relationship"};
const std::vector<std::string> kExpressions = {"neutral", "annoyed", "pleased", "surprised", "worried"};

class Loader {
public:
    Loader(const SourceText& source, const SourceLimits& limits, Diagnostics& out)
        : m_src(source), m_limits(limits), m_out(out) {}

    // Takes the document by non-const reference: strings are moved out of it (see take_string), so
    // it is left in an unspecified state for the caller to free.
    std::shared_ptr<Scenario> build(json& doc) {
        auto scenario = std::make_shared<Scenario>();
        m_s = scenario.get();
        m_s->file = m_src.file();
        if (!doc.is_object()) {
            report(DiagnosticId::ScenarioNotObject, {type_name(doc)}, "");
            return nullptr;
        }
        // format_version first: a file of another format is not judged by this one's fields.
        if (!read_format_version(doc)) return nullptr;
        check_keys(doc, "", ObjectKind::Scenario);
        read_metadata(doc);
        read_metadata_texts(doc);
        read_rubric(doc);
        read_outcomes(doc);
        read_state(doc);
        read_cast(doc);
        collect_node_ids(doc);
        read_nodes(doc);
        read_start(doc);
        m_complete = !has_errors(m_out);
        if (m_complete) check_graph(*m_s, m_src, m_out, m_limits.max_automatic_steps);
        return scenario;
    }
    // Every error found, if any, is in the node graph (check_graph): the scenario is otherwise whole.
    bool complete_but_for_graph() const { return m_complete;
    }

private:
    // ----- reporting -----
    // From a descriptor and its arguments (diagnostic_descriptors.hpp); error or warning, as the
    // code's entry in diagnostic_codes() says.
    void report(DiagnosticId id, std::initializer_list<std::string_view> args, const Ptr& pointer) {
        m_out.push_back(m_src.make(descriptor(id).code, format_message(id, args), pointer.str()));
    }
    void report(const DiagnosticText& text, const Ptr& pointer) {
        m_out.push_back(m_src.make(text.code(), text.message(), pointer.str()));
    }

    // Checks an object against its entry in the field table (scenario_fields.hpp): unknown keys
    // (SD1009), missing required keys (SD1008), wrong types (SD1007), values outside the allowed
    // ones or the limits (SD1010). A value that fails is remembered (m_rejected), so the typed
    // accessors below, which report nothing, never hand it to the reading code. Also remembers where
    // each field's value is (m_keys), so the lookups that follow for the same object need no search.
    void check_keys(const json& object, const Ptr& pointer, ObjectKind kind) {
        const ObjectSpec& spec = object_spec(kind);
        m_keys.object = nullptr;
        if (!object.is_object()) return;
        m_keys.count = spec.fields.size();  // at most KeyCache::kMax (a test checks the table)
        for (std::size_t i = 0; i < m_keys.count; ++i) {
            m_keys.known[i] = spec.fields[i].name;
            m_keys.values[i] = nullptr;
        }
        for (const auto& [key, value] : object.get_ref<const json::object_t&>()) {
            const std::string& name = key;  // C++17 lambdas cannot capture a structured binding (Clang refuses)
            const auto hit = std::find_if(m_keys.known, m_keys.known + m_keys.count, [&](std::string_view k) { return same_key(k, name); });
            if (hit != m_keys.known + m_keys.count) {
                m_keys.values[hit - m_keys.known] = &value;
                continue;
            }
            const std::string key_pointer = at(pointer, key).str();
            Diagnostic d = m_src.make(descriptor(DiagnosticId::UnknownKey).code,
                                      format_message(DiagnosticId::UnknownKey,
                                                     {key, did_you_mean(key, std::vector<std::string_view>(m_keys.known, m_keys.known + m_keys.count))}),
                                      key_pointer);
            if (auto offset = m_src.offset_of_key(key_pointer)) {
                Position p = m_src.position_of_offset(*offset);
                d.line = p.line;
                d.column = p.column;
            }
            m_out.push_back(std::move(d));
        }
        m_keys.object = &object;
        const json* values[KeyCache::kMax];
        std::copy(m_keys.values, m_keys.values + m_keys.count, values);  // check_value may not touch m_keys, but be safe
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            const FieldSpec& f = spec.fields[i];
            if (!values[i]) {
                if (f.presence == Presence::Required)
                    report(DiagnosticId::MissingKey, {f.name, f.missing_hint}, pointer);
                continue;
            }
            if (!check_value(f, f.type, *values[i], at(pointer, f.name))) m_rejected.insert(values[i]);
        }
        for (const FieldRule& rule : spec.rules) {
            const json* selector = values[spec.field(rule.field) - spec.fields.data()];
            if (!selector || !selector->is_string() || selector->get_ref<const std::string&>() != rule.equals) continue;
            for (std::string_view required : rule.required)
                if (!values[spec.field(required) - spec.fields.data()])
                    report(DiagnosticId::MissingKeyWhen, {required, rule.field, rule.equals}, pointer);
            for (const auto& [name, type] : rule.typed) {
                const json* value = values[spec.field(name) - spec.fields.data()];
                if (!value || rejected(value) || has_type(*value, type)) continue;
                report(DiagnosticId::WrongTypeWhen, {name, field_type_name(type), rule.field, rule.equals, type_name(*value)},
                       at(pointer, name));
                m_rejected.insert(value);
            }
        }
    }

    static bool has_type(const json& v, FieldType type) {
        switch (type) {
            case FieldType::String: return v.is_string();
            case FieldType::Integer: return v.is_number_integer();
            case FieldType::Number: return v.is_number();
            case FieldType::Boolean: return v.is_boolean();
            case FieldType::IntegerOrBoolean: return v.is_number_integer() || v.is_boolean();
            case FieldType::Text: return v.is_string() || v.is_object();
            case FieldType::Object:
            case FieldType::Map: return v.is_object();
            case FieldType::Array: return v.is_array();
        }
        return false;
    }
    static std::string number_text(double x) {
        if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<std::int64_t>(x));
        return std::to_string(x);
    }

    // One field's value against its table entry; reports and returns false when it cannot be used.
    bool check_value(const FieldSpec& f, FieldType type, const json& v, const Ptr& pointer) {
        const std::string_view name = f.name;
        // Integers first go through as_int, which tells a fraction (SD1007) from a value too large (SD1010).
        const bool integer = type == FieldType::Integer || (type == FieldType::IntegerOrBoolean && !v.is_boolean());
        if (integer && v.is_number()) {
            if (!as_int(v, pointer, f.name)) return false;
        } else if (!has_type(v, type)) {
            report(DiagnosticId::WrongType, {name, field_type_name(type), type_name(v)}, pointer);
            return false;
        }
        if (v.is_string()) {
            const std::string& s = v.get_ref<const std::string&>();
            if (!f.allowed.empty() && std::find(f.allowed.begin(), f.allowed.end(), s) == f.allowed.end()) {
                std::string list;
                for (auto option : f.allowed) list += (list.empty() ? "" : ", ") + std::string(option);
                report(DiagnosticId::NotOneOf, {name, list, s}, pointer);
                return false;
            }
            if (!rule_holds(f.name, f.rule, s, pointer)) return false;
        }
        if (v.is_number()) {
            const double x = v.get<double>();
            if (f.constant && x != static_cast<double>(*f.constant)) {
                report(DiagnosticId::NotConstant, {name, std::to_string(*f.constant)}, pointer);
                return false;
            }
            const bool below = f.minimum && (f.exclusive_minimum ? !(x > *f.minimum) : !(x >= *f.minimum));
            const bool above = f.maximum && !(x <= *f.maximum);
            if (below || above || !std::isfinite(x)) {
                report(f.exclusive_minimum ? DiagnosticId::NotAbove : DiagnosticId::NotBetween,
                       {name, number_text(f.minimum.value_or(0)), number_text(f.maximum.value_or(0))}, pointer);
                return false;
            }
        }
        if (v.is_array()) {
            if (f.min_items && v.size() < *f.min_items) {
                report(DiagnosticId::TooFewItems, {name, std::to_string(*f.min_items), f.item_noun}, pointer);
                return false;
            }
            if (f.max_items && v.size() > *f.max_items) {
                report(DiagnosticId::TooManyItems, {name, std::to_string(v.size()), std::to_string(*f.max_items)}, pointer);
                return false;
            }
        }
        return true;
    }

    // A string against its shape (ids, language codes, colours); reports SD1010 when it does not fit.
    bool rule_holds(std::string_view what, StringRule rule, const std::string& s, const Ptr& pointer) {
        if (string_matches(rule, s)) return true;
        const auto max_length = string_max_length(rule);
        if (max_length && s.size() > *max_length)
            report(DiagnosticId::IdTooLong, {what, std::to_string(s.size()), std::to_string(*max_length)}, pointer);
        else
            report(DiagnosticId::StringRule, {what, s, rule_description(rule)}, pointer);
        return false;
    }

    bool rejected(const json* value) const { return !m_rejected.empty() && m_rejected.count(value) > 0; }

    // ----- typed field access: the value when present, of the right type and not rejected by
    // check_keys (which reported every problem); nullptr / nullopt otherwise, silently -----
    const json* field(const json& object, std::string_view key) const {
        const json* value = lookup(object, key);
        return value && !rejected(value) ? value : nullptr;
    }
    const json* lookup(const json& object, std::string_view key) const {
        if (&object == m_keys.object) {
            for (std::size_t i = 0; i < m_keys.count; ++i)
                if (same_key(m_keys.known[i], key)) return m_keys.values[i];
        }
        auto it = object.find(key);  // a string_view: no std::string, no strlen per comparison
        return it == object.end() ? nullptr : &*it;
    }
    const json* typed(const json& object, std::string_view key, FieldType type) const {
        const json* value = field(object, key);
        return value && has_type(*value, type) ? value : nullptr;
    }
    std::optional<std::string> get_string(const json& object, std::string_view key) const {
        const json* v = typed(object, key, FieldType::String);
        if (!v) return std::nullopt;
        return v->get<std::string>();
    }
    std::optional<std::int64_t> get_int(const json& object, std::string_view key) const {
        const json* v = typed(object, key, FieldType::Integer);
        if (!v) return std::nullopt;
        return v->is_number_unsigned() ? static_cast<std::int64_t>(v->get<std::uint64_t>()) : v->get<std::int64_t>();
    }
    const json* get_array(const json& object, std::string_view key) const { return typed(object, key, FieldType::Array); }
    const json* get_object(const json& object, std::string_view key) const { return typed(object, key, FieldType::Object); }
    std::optional<std::int64_t> as_int(const json& v, const Ptr& pointer, std::string_view what) {
        const auto out_of_range = [&] {
            report(DiagnosticId::IntegerOutOfRange,
                   {what, std::to_string(std::numeric_limits<std::int32_t>::min()), std::to_string(std::numeric_limits<std::int32_t>::max())},
                   pointer);
            return std::nullopt;
        };
        if (v.is_number_unsigned()) {
            auto u = v.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max())) return out_of_range();
            return static_cast<std::int64_t>(u);
        }
        if (v.is_number_integer()) {
            auto i = v.get<std::int64_t>();
            if (i < std::numeric_limits<std::int32_t>::min() || i > std::numeric_limits<std::int32_t>::max()) return out_of_range();
            return i;
        }
        if (v.is_number_float()) {
            // A whole number too large for 64 bits (2^64 and up) arrives as a floating-point value.
            const double x = v.get<double>();
            if (std::isfinite(x) && x == std::floor(x) &&
                (x < std::numeric_limits<std::int32_t>::min() || x > std::numeric_limits<std::int32_t>::max()))
                return out_of_range();
        }
        report(DiagnosticId::NotAnInteger, {what, type_name(v)}, pointer);
        return std::nullopt;
    }
    // Array elements that must be objects: reports and skips the rest.
    bool element_is_object(const json& element, const Ptr& pointer, const char* what) {
        if (element.is_object()) return true;
        report(DiagnosticId::ElementNotObject, {what, type_name(element)}, pointer);
        return false;
    }

    LocalizedText get_text(const json& object, const char* key, const Ptr& pointer) {
        LocalizedText text;
        const json* v = field(object, key);
        if (!v) return text;
        read_text(*v, at(pointer, key), key, text);
        return text;
    }
    // The loader owns the document it reads (build() takes it by non-const reference) and reads every
    // text value exactly once, so translations are moved out of it rather than copied.
    std::string take_string(const json& v) {
        return std::move(const_cast<json&>(v).get_ref<std::string&>());
    }
    // Texts longer than kMaxTextBytes are refused here rather than met by the window at play time.
    bool text_fits(const json& v, const Ptr& pointer, std::string_view what) {
        const std::size_t size = v.get_ref<const std::string&>().size();
        if (size <= kMaxTextBytes) return true;
        report(DiagnosticId::TextTooLong, {what, std::to_string(size), std::to_string(kMaxTextBytes)}, pointer);
        return false;
    }
    void read_text(const json& v, const Ptr& pointer, std::string_view what, LocalizedText& text) {
        if (v.is_string()) {
            if (text_fits(v, pointer, what)) text.by_language.emplace("", take_string(v));
            return;
        }
        if (!v.is_object()) {
            report(DiagnosticId::TextWrongType, {what, type_name(v)}, pointer);
            return;
        }
        for (const auto& [key, value] : v.get_ref<const json::object_t&>()) {
            if (!value.is_string()) {
                report(DiagnosticId::TranslationNotString, {key, type_name(value)}, at(pointer, key));
                continue;
            }
            if (std::find(m_s->languages.begin(), m_s->languages.end(), key) == m_s->languages.end())
                report(DiagnosticId::UndeclaredLanguage, {key}, at(pointer, key));
            // A text too long is reported as such, not as a missing translation as well.
            text.by_language.emplace_hint(text.by_language.end(), key,
                                          text_fits(value, at(pointer, key), what) ? take_string(value) : std::string());
        }
        for (const auto& language : m_s->languages)
            if (!text.by_language.count(language))
                report(DiagnosticId::MissingTranslation, {language, what}, pointer);
    }

    // ----- sections -----
    bool read_format_version(const json& doc) {
        const FieldSpec& spec = *object_spec(ObjectKind::Scenario).field("format_version");
        const json* v = lookup(doc, spec.name);
        if (!v) {
            report(DiagnosticId::FormatVersionMissing, {}, "");
            return false;
        }
        if (!v->is_number_integer() || v->get<std::int64_t>() != spec.constant) {
            report(DiagnosticId::FormatVersionUnsupported, {v->dump()}, "/format_version");
            return false;
        }
        return true;
    }

    void read_metadata(const json& doc) {
        if (auto id = get_string(doc, "id")) m_s->id = *id;
        if (auto version = get_string(doc, "version")) m_s->version = *version;
        if (const json* languages = get_array(doc, "languages")) {
            for (std::size_t i = 0; i < languages->size(); ++i) {
                const json& l = (*languages)[i];
                Ptr pointer = at("/languages", i);
                if (!l.is_string()) { report(DiagnosticId::LanguageNotString, {type_name(l)}, pointer); continue; }
                auto code = l.get<std::string>();
                if (!string_matches(StringRule::LanguageCode, code))
                    report(DiagnosticId::NotLanguageCode, {code}, pointer);
                else if (std::find(m_s->languages.begin(), m_s->languages.end(), code) != m_s->languages.end())
                    report(DiagnosticId::DuplicateLanguage, {code}, pointer);
                else
                    m_s->languages.push_back(code);
            }
        }
        if (const json* skills = get_array(doc, "skills")) {
            for (std::size_t i = 0; i < skills->size(); ++i) {
                const json& skill = (*skills)[i];
                if (!skill.is_string()) { report(DiagnosticId::SkillNotString, {type_name(skill)}, at("/skills", i)); continue; }
                m_s->skills.push_back(skill.get<std::string>());
            }
        }
        if (auto difficulty = get_string(doc, "difficulty")) m_s->difficulty = *difficulty;
        if (auto minutes = get_int(doc, "estimated_minutes")) m_s->estimated_minutes = static_cast<int>(*minutes);
        if (auto author = get_string(doc, "author")) m_s->author = *author;
        if (auto licence = get_string(doc, "licence")) m_s->licence = *licence;
    }

    void read_metadata_texts(const json& doc) {
        m_s->title = get_text(doc, "title", "");
        m_s->summary = get_text(doc, "summary", "");
    }

    // Registers an id in a namespace, reporting duplicates; returns false for a bad or duplicate id.
    bool register_id(std::unordered_map<std::string, int>& ids, const std::string& id, int index,
                     const Ptr& pointer, const char* what) {
        auto [it, inserted] = ids.emplace(id, index);
        if (!inserted) {
            report(DiagnosticId::DuplicateId, {what, id}, pointer);
            return false;
        }
        return true;
    }
    // The id of an object of `kind`, when it has the shape the table asks (check_keys reports it otherwise).
    std::optional<std::string> read_id(const json& object, ObjectKind kind) {
        auto id = get_string(object, "id");
        if (!id || !string_matches(object_spec(kind).field("id")->rule, *id)) return std::nullopt;
        return id;
    }

    void read_rubric(const json& doc) {
        const json* rubric = get_object(doc, "rubric");
        static const json empty = json::object();  // static: its address is never reused (see m_keys)
        if (!rubric) rubric = &empty;
        check_keys(*rubric, "/rubric", ObjectKind::Rubric);
        if (const json* dims = get_array(*rubric, "dimensions")) {
            for (std::size_t i = 0; i < dims->size(); ++i) {
                Ptr pointer = at("/rubric/dimensions", i);
                const json& d = (*dims)[i];
                if (!element_is_object(d, pointer, "dimension")) continue;
                check_keys(d, pointer, ObjectKind::Dimension);
                auto id = read_id(d, ObjectKind::Dimension);
                if (!id || !register_id(m_dimension_ids, *id, static_cast<int>(m_s->dimensions.size()), at(pointer, "id"), "dimension")) continue;
                Dimension dim;
                dim.id = *id;
                dim.title = get_text(d, "title", pointer);
                dim.description = get_text(d, "description", pointer);
                if (const json* w = typed(d, "weight", FieldType::Number)) dim.weight = w->get<double>();
                m_s->dimensions.push_back(std::move(dim));
            }
        } else {
            for (const auto& id : kDefaultDimensions) {
                m_dimension_ids.emplace(id, static_cast<int>(m_s->dimensions.size()));
                Dimension dim;
                dim.id = id;
                dim.title.by_language.emplace("", id);
                m_s->dimensions.push_back(std::move(dim));
            }
        }
        if (const json* principles = get_array(*rubric, "principles")) {
            for (std::size_t i = 0; i < principles->size(); ++i) {
                Ptr pointer = at("/rubric/principles", i);
                const json& p = (*principles)[i];
                if (!element_is_object(p, pointer, "principle")) continue;
                check_keys(p, pointer, ObjectKind::Principle);
                auto id = read_id(p, ObjectKind::Principle);
                if (!id || !register_id(m_principle_ids, *id, static_cast<int>(m_s->principles.size()), at(pointer, "id"), "principle")) continue;
                m_s->principles.push_back({*id, get_text(p, "title", pointer), get_text(p, "explanation", pointer)});
            }
        }
        std::string assumption_dimension = "bias";
        const char* dimension_pointer = "/rubric";
        if (const json* a = get_object(*rubric, "assumption")) {
            check_keys(*a, "/rubric/assumption", ObjectKind::Assumption);
            if (auto d = get_string(*a, "dimension")) {
                assumption_dimension = *d;
                dimension_pointer = "/rubric/assumption/dimension";
            }
            if (auto p = get_int(*a, "penalty")) m_s->assumption_penalty = static_cast<int>(*p);
        }
        auto it = m_dimension_ids.find(assumption_dimension);
        if (it != m_dimension_ids.end()) m_s->assumption_dimension = it->second;
        else if (std::string_view(dimension_pointer) != "/rubric")  // an explicit but unknown dimension
            report(DiagnosticId::UnknownAssumptionDimension, {assumption_dimension}, dimension_pointer);
        if (const json* pass = typed(*rubric, "pass_mark", FieldType::Number)) m_s->pass_mark = pass->get<double>();
        read_verdict_thresholds(*rubric);
    }

    // rubric.verdict_thresholds: {"good", "inaccuracy", "mistake"}, each the largest loss (points of
    // the 0..100 score) its verdict allows; increasing, above 0, at most 100.
    void read_verdict_thresholds(const json& rubric) {
        const json* t = get_object(rubric, "verdict_thresholds");
        if (!t) return;
        const Ptr base("/rubric/verdict_thresholds");
        check_keys(*t, base, ObjectKind::VerdictThresholds);
        VerdictThresholds thresholds = m_s->verdict_thresholds;
        double* slots[] = {&thresholds.good, &thresholds.inaccuracy, &thresholds.mistake};
        const char* keys[] = {"good", "inaccuracy", "mistake"};
        bool ok = true;
        for (int i = 0; i < 3; ++i) {
            const json* v = lookup(*t, keys[i]);
            if (!v) continue;
            if (rejected(v)) { ok = false; continue; }  // check_keys reported it
            *slots[i] = v->get<double>();
        }
        if (ok && !(thresholds.good < thresholds.inaccuracy && thresholds.inaccuracy < thresholds.mistake)) {
            report(DiagnosticId::ThresholdsOrder, {}, base);
            ok = false;
        }
        if (ok) m_s->verdict_thresholds = thresholds;
    }

    void read_outcomes(const json& doc) {
        for (const char* id : kBuiltinOutcomes) {
            m_outcome_ids.emplace(id, static_cast<int>(m_s->outcomes.size()));
            OutcomeClass outcome;
            outcome.id = id;
            outcome.title.by_language.emplace("", id);
            m_s->outcomes.push_back(std::move(outcome));
        }
        const json* outcomes = get_array(doc, "outcomes");
        if (!outcomes) return;
        for (std::size_t i = 0; i < outcomes->size(); ++i) {
            Ptr pointer = at("/outcomes", i);
            const json& o = (*outcomes)[i];
            if (!element_is_object(o, pointer, "outcome")) continue;
            check_keys(o, pointer, ObjectKind::Outcome);
            auto id = read_id(o, ObjectKind::Outcome);
            if (!id || !register_id(m_outcome_ids, *id, static_cast<int>(m_s->outcomes.size()), at(pointer, "id"), "outcome")) continue;
            m_s->outcomes.push_back({*id, get_text(o, "title", pointer)});
        }
    }

    void read_state(const json& doc) {
        if (const json* variables = get_array(doc, "variables")) {
            for (std::size_t i = 0; i < variables->size(); ++i) {
                Ptr pointer = at("/variables", i);
                const json& v = (*variables)[i];
                if (!element_is_object(v, pointer, "variable")) continue;
                check_keys(v, pointer, ObjectKind::Variable);
                auto id = read_id(v, ObjectKind::Variable);
                auto type = get_string(v, "type");
                if (!id || !type) continue;
                Variable var;
                var.id = *id;
                if (*type == "bool") {
                    var.type = ValueType::Bool;
                    var.min = 0;
                    var.max = 1;
                    if (const json* init = typed(v, "initial", FieldType::Boolean)) var.initial = init->get<bool>() ? 1 : 0;
                } else if (*type == "int") {
                    var.type = ValueType::Int;
                    auto min = get_int(v, "min");
                    auto max = get_int(v, "max");
                    auto init = get_int(v, "initial");
                    if (!min || !max) continue;
                    if (*min > *max) { report(DiagnosticId::MinAboveMax, {}, at(pointer, "min")); continue; }
                    var.min = static_cast<std::int32_t>(*min);
                    var.max = static_cast<std::int32_t>(*max);
                    var.initial = static_cast<std::int32_t>(init.value_or(std::clamp<std::int64_t>(0, *min, *max)));
                    if (init && (*init < *min || *init > *max))
                        report(DiagnosticId::InitialOutsideRange, {std::to_string(*init), std::to_string(*min), std::to_string(*max)}, at(pointer, "initial"));
                } else {
                    continue;  // not a type the table allows: check_keys reported it
                }
                if (!register_id(m_state_ids, var.id, static_cast<int>(m_s->variables.size()), at(pointer, "id"), "variable or fact")) continue;
                m_s->variables.push_back(var);
            }
        }
        if (const json* facts = get_array(doc, "facts")) {
            for (std::size_t i = 0; i < facts->size(); ++i) {
                Ptr pointer = at("/facts", i);
                const json& f = (*facts)[i];
                if (!element_is_object(f, pointer, "fact")) continue;
                check_keys(f, pointer, ObjectKind::Fact);
                auto id = read_id(f, ObjectKind::Fact);
                if (!id) continue;
                // Facts share the variables' namespace (both appear in conditions); store as -1-index.
                if (!register_id(m_state_ids, *id, -1 - static_cast<int>(m_s->facts.size()), at(pointer, "id"), "variable or fact")) continue;
                m_s->facts.push_back({*id, get_text(f, "title", pointer)});
            }
        }
    }

    void read_cast(const json& doc) {
        const json* cast = get_array(doc, "cast");
        if (!cast) return;
        for (std::size_t i = 0; i < cast->size(); ++i) {
            Ptr pointer = at("/cast", i);
            const json& c = (*cast)[i];
            if (!element_is_object(c, pointer, "character")) continue;
            check_keys(c, pointer, ObjectKind::Character);
            auto id = read_id(c, ObjectKind::Character);
            if (!id || !register_id(m_cast_ids, *id, static_cast<int>(m_s->cast.size()), at(pointer, "id"), "character")) continue;
            CastMember member;
            member.id = *id;
            member.name = get_text(c, "name", pointer);
            member.role = get_text(c, "role", pointer);
            if (const json* a = get_object(c, "appearance")) {
                Ptr ap = at(pointer, "appearance");
                check_keys(*a, ap, ObjectKind::Appearance);
                member.appearance.description = get_text(*a, "description", ap);
                for (auto [key, target] : {std::pair<const char*, std::string*>{"skin", &member.appearance.skin},
                                           {"hair", &member.appearance.hair},
                                           {"clothing", &member.appearance.clothing},
                                           {"accent", &member.appearance.accent}}) {
                    if (auto colour = get_string(*a, key)) *target = *colour;
                }
                if (auto hair_style = get_string(*a, "hair_style")) member.appearance.hair_style = *hair_style;
                if (auto accessory = get_string(*a, "accessory")) member.appearance.accessory = *accessory;
            }
            if (const json* expressions = get_array(c, "expressions")) {
                for (std::size_t e = 0; e < expressions->size(); ++e) {
                    const json& x = (*expressions)[e];
                    if (!x.is_string() || !string_matches(StringRule::Id, x.get_ref<const std::string&>())) {
                        report(DiagnosticId::ExpressionNotName, {}, at(at(pointer, "expressions"), e));
                        continue;
                    }
                    member.expressions.push_back(x.get<std::string>());
                }
            } else {
                member.expressions = kExpressions;
            }
            if (const json* portraits = get_object(c, "portraits")) {
                for (const auto& item : portraits->items()) {
                    Ptr pp = at(at(pointer, "portraits"), item.key());
                    if (!item.value().is_string()) { report(DiagnosticId::PortraitNotString, {}, pp); continue; }
                    auto path = item.value().get<std::string>();
                    // Portraits may only come from the scenario's own folder.
                    if (path.empty() || path[0] == '/' || path[0] == '\\' || path.find("..") != std::string::npos || path.find(':') != std::string::npos)
                        report(DiagnosticId::PortraitPathNotRelative, {path}, pp);
                    else if (std::find(member.expressions.begin(), member.expressions.end(), item.key()) == member.expressions.end())
                        report(DiagnosticId::PortraitForUnknownExpression, {item.key(), member.id}, pp);
                    else if (auto problem = check_portrait_file(m_s->file, path))  // SD2040-SD2042, header only
                        report(problem->text, pp);
                    else
                        member.portraits.emplace(item.key(), path);
                }
            }
            m_s->cast.push_back(std::move(member));
        }
    }

    void collect_node_ids(const json& doc) {
        const json* nodes = get_array(doc, "nodes");
        if (!nodes) return;
        m_s->nodes.resize(nodes->size());
        m_node_ids.reserve(nodes->size());
        for (std::size_t i = 0; i < nodes->size(); ++i) {
            const json& n = (*nodes)[i];
            Ptr pointer = at("/nodes", i);
            if (!element_is_object(n, pointer, "node")) continue;
            auto id = read_id(n, ObjectKind::Node);
            if (!id) continue;
            m_s->nodes[i].id = *id;
            register_id(m_node_ids, *id, static_cast<int>(i), at(pointer, "id"), "node");
        }
    }

    std::optional<int> resolve_node(const json& holder, const char* key, const Ptr& pointer) {
        auto target = get_string(holder, key);
        if (!target) return std::nullopt;
        auto it = m_node_ids.find(*target);
        if (it != m_node_ids.end()) return it->second;
        report(DiagnosticId::UnknownNode, {*target, did_you_mean(*target, m_node_ids)}, at(pointer, key));
        return std::nullopt;
    }

    template <typename Map>
    std::optional<int> resolve_in(const Map& ids, const std::string& id, const Ptr& pointer, DiagnosticId unknown) {
        auto it = ids.find(id);
        if (it != ids.end()) return it->second;
        report(unknown, {id, did_you_mean(id, ids)}, pointer);
        return std::nullopt;
    }

    void read_nodes(const json& doc) {
        const json* list = get_array(doc, "nodes");
        if (!list || list->size() != m_s->nodes.size()) return;
        const json& nodes = *list;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const json& n = nodes[i];
            if (!n.is_object()) continue;
            read_node(n, at("/nodes", i), m_s->nodes[i]);
        }
    }

    void read_node(const json& n, const Ptr& pointer, Node& node) {
        check_keys(n, pointer, ObjectKind::Node);
        if (auto speaker = get_string(n, "speaker"))
            node.speaker = resolve_in(m_cast_ids, *speaker, at(pointer, "speaker"), DiagnosticId::UnknownSpeaker);
        if (auto expression = get_string(n, "expression")) {
            node.expression = *expression;
            if (node.speaker) {
                const auto& allowed = m_s->cast[static_cast<std::size_t>(*node.speaker)].expressions;
                if (std::find(allowed.begin(), allowed.end(), *expression) == allowed.end()) {
                    report(DiagnosticId::UnknownExpression,
                           {m_s->cast[static_cast<std::size_t>(*node.speaker)].id, *expression, did_you_mean(*expression, allowed)},
                           at(pointer, "expression"));
                }
            }
        }
        node.text = get_text(n, "text", pointer);
        node.narration = get_text(n, "narration", pointer);
        node.trainer_notes = get_text(n, "trainer_notes", pointer);
        if (const json* discussion = get_array(n, "discussion")) {
            for (std::size_t d = 0; d < discussion->size(); ++d) {
                LocalizedText prompt;
                read_text((*discussion)[d], at(at(pointer, "discussion"), d), "discussion", prompt);
                node.discussion.push_back(std::move(prompt));
            }
        }
        int kinds = 0;
        for (std::string_view key : object_spec(ObjectKind::Node).exactly_one_of) kinds += lookup(n, key) ? 1 : 0;
        if (kinds != 1) {
            report(kinds == 0 ? DiagnosticId::NoWayOn : DiagnosticId::MoreThanOneWayOn, {node.id}, pointer);
            return;
        }
        if (lookup(n, "choices")) {
            node.kind = NodeKind::Choices;
            const json* choices = get_array(n, "choices");
            if (!choices) return;
            node.choices.reserve(choices->size());
            for (std::size_t c = 0; c < choices->size(); ++c) {
                Ptr cp = at(at(pointer, "choices"), c);
                if (!element_is_object((*choices)[c], cp, "choice")) continue;
                Choice choice;
                if (!read_choice((*choices)[c], cp, choice)) continue;
                // A node has a handful of choices: a linear search beats a hash map per node.
                const bool duplicate = std::any_of(node.choices.begin(), node.choices.end(),
                                                   [&](const Choice& other) { return other.id == choice.id; });
                if (duplicate) {
                    report(DiagnosticId::DuplicateChoiceId, {choice.id}, at(cp, "id"));
                    continue;
                }
                node.has_unconditional_choice = node.has_unconditional_choice || choice.condition.empty();
                node.choices.push_back(std::move(choice));
            }
        } else if (lookup(n, "next")) {
            node.kind = NodeKind::Continue;
            node.next = resolve_node(n, "next", pointer);
        } else if (lookup(n, "random")) {
            node.kind = NodeKind::Random;
            const json* outcomes = get_array(n, "random");
            if (!outcomes) return;
            for (std::size_t r = 0; r < outcomes->size(); ++r) {
                Ptr rp = at(at(pointer, "random"), r);
                const json& o = (*outcomes)[r];
                if (!element_is_object(o, rp, "random branch")) continue;
                check_keys(o, rp, ObjectKind::RandomBranch);
                RandomOutcome outcome;
                if (auto w = get_int(o, "weight")) outcome.weight = static_cast<int>(*w);
                outcome.next = resolve_node(o, "next", rp);
                node.random.push_back(outcome);
            }
        } else {
            node.kind = NodeKind::Ending;
            const json* ending = get_object(n, "ending");
            if (!ending) return;
            Ptr ep = at(pointer, "ending");
            check_keys(*ending, ep, ObjectKind::Ending);
            read_score_effects(*ending, ep, node.ending.score);
            if (auto outcome = get_string(*ending, "outcome")) {
                if (auto index = resolve_in(m_outcome_ids, *outcome, at(ep, "outcome"), DiagnosticId::UnknownOutcome))
                    node.ending.outcome = *index;
            }
            node.ending.title = get_text(*ending, "title", ep);
        }
    }

    // "score": {dimension: integer}, on a choice or an ending.
    void read_score_effects(const json& owner, const Ptr& pointer, std::vector<ScoreEffect>& out) {
        const json* score = get_object(owner, "score");
        if (!score) return;
        for (const auto& item : score->items()) {
            Ptr sp = at(at(pointer, "score"), item.key());
            auto dimension = resolve_in(m_dimension_ids, item.key(), sp, DiagnosticId::UnknownDimension);
            auto amount = as_int(item.value(), sp, item.key());
            if (dimension && amount) {
                static const FieldSpec& limits = *object_spec(ObjectKind::Choice).field("score");  // the same for endings
                if (*amount < *limits.minimum || *amount > *limits.maximum) {
                    report(DiagnosticId::ScoreEffectRange, {number_text(*limits.minimum), number_text(*limits.maximum)}, sp);
                    continue;
                }
                out.push_back({*dimension, static_cast<int>(*amount)});
            }
        }
    }

    bool read_choice(const json& c, const Ptr& pointer, Choice& choice) {
        check_keys(c, pointer, ObjectKind::Choice);
        auto id = read_id(c, ObjectKind::Choice);
        if (!id) return false;
        choice.id = *id;
        choice.text = get_text(c, "text", pointer);
        choice.feedback = get_text(c, "feedback", pointer);
        choice.next = resolve_node(c, "next", pointer);
        if (auto condition = get_string(c, "condition")) compile_condition(*condition, at(pointer, "condition"), choice);
        read_score_effects(c, pointer, choice.score);
        if (auto intent = get_string(c, "intent")) choice.intent = verdict_from_id(*intent);  // the table allows only verdict ids
        read_variable_effects(c, "set", pointer, VariableOp::Set, choice);
        read_variable_effects(c, "add", pointer, VariableOp::Add, choice);
        read_fact_list(c, "learns", pointer, choice.learns);
        read_fact_list(c, "requires", pointer, choice.requires_facts);
        if (const json* principles = get_array(c, "principles")) {
            for (std::size_t p = 0; p < principles->size(); ++p) {
                const json& v = (*principles)[p];
                Ptr pp = at(at(pointer, "principles"), p);
                if (!v.is_string()) { report(DiagnosticId::PrincipleRefNotString, {type_name(v)}, pp); continue; }
                if (auto index = resolve_in(m_principle_ids, v.get<std::string>(), pp, DiagnosticId::UnknownPrinciple))
                    choice.principles.push_back(*index);
            }
        }
        return true;
    }

    void compile_condition(const std::string& source, const Ptr& pointer, Choice& choice) {
        SymbolResolver resolve = [this](std::string_view name) -> std::optional<Symbol> {
            auto it = m_state_ids.find(std::string(name));
            if (it == m_state_ids.end()) return std::nullopt;
            if (it->second >= 0) {
                const Variable& v = m_s->variables[static_cast<std::size_t>(it->second)];
                return Symbol{v.type, it->second};
            }
            // Facts live after the variables; the variable count is final once read_state ran.
            return Symbol{ValueType::Bool, m_s->fact_slot(-1 - it->second)};
        };
        std::vector<ExpressionError> errors;
        auto compiled = Expression::compile(source, resolve, errors);
        for (const auto& e : errors) {
            // Every error comes from a descriptor (expression.cpp); an unknown name is made again here
            // with its suggestion.
            const std::string where = pointer.str();
            Diagnostic d = m_src.make(e.code, e.message, where);
            if (e.code == descriptor(DiagnosticId::UnknownName).code) {
                const std::string name = leading_name(source.substr(e.offset));
                d.message = unknown_name_text(name, did_you_mean(name, m_state_ids)).message();
            }
            Position p = m_src.position_in_string(where, e.offset);
            if (p.line > 0) { d.line = p.line; d.column = p.column; }
            m_out.push_back(std::move(d));
        }
        if (compiled) choice.condition = std::move(*compiled);
    }

    // The name (identifier) that starts `rest`.
    static std::string leading_name(const std::string& rest) {
        std::size_t length = 0;
        while (length < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[length])) || rest[length] == '_')) ++length;
        return rest.substr(0, length);
    }

    void read_variable_effects(const json& c, const char* key, const Ptr& pointer,
                               VariableOp op, Choice& choice) {
        const json* effects = get_object(c, key);
        if (!effects) return;
        for (const auto& item : effects->items()) {
            Ptr ep = at(at(pointer, key), item.key());
            auto it = m_state_ids.find(item.key());
            if (it == m_state_ids.end() || it->second < 0) {
                if (it == m_state_ids.end()) {
                    NearestWord nearest(item.key(), &m_suggestion_budget);
                    for (const auto& v : m_s->variables) nearest.offer(v.id);
                    report(DiagnosticId::UnknownVariable, {item.key(), suggestion(nearest)}, ep);
                } else {
                    report(DiagnosticId::FactIsNotSet, {item.key()}, ep);
                }
                continue;
            }
            const Variable& var = m_s->variables[static_cast<std::size_t>(it->second)];
            VariableEffect effect{it->second, op, 0};
            if (var.type == ValueType::Bool) {
                if (op == VariableOp::Add) { report(DiagnosticId::BoolAdded, {var.id}, ep); continue; }
                if (!item.value().is_boolean()) { report(DiagnosticId::BoolSetToOther, {var.id, item.value().dump()}, ep); continue; }
                effect.value = item.value().get<bool>() ? 1 : 0;
            } else {
                if (!item.value().is_number_integer()) { report(op == VariableOp::Set ? DiagnosticId::IntegerSetToOther : DiagnosticId::IntegerChangedByOther, {var.id, item.value().dump()}, ep); continue; }
                auto value = as_int(item.value(), ep, item.key());
                if (!value) continue;
                if (op == VariableOp::Set && (*value < var.min || *value > var.max)) {
                    report(DiagnosticId::SetOutsideRange, {var.id, std::to_string(var.min), std::to_string(var.max), std::to_string(*value)}, ep);
                    continue;
                }
                effect.value = static_cast<std::int32_t>(*value);
            }
            choice.effects.push_back(effect);
        }
    }

    void read_fact_list(const json& c, const char* key, const Ptr& pointer, std::vector<int>& out) {
        const json* list = get_array(c, key);
        if (!list) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& v = (*list)[i];
            Ptr fp = at(at(pointer, key), i);
            if (!v.is_string()) { report(DiagnosticId::FactRefNotString, {type_name(v)}, fp); continue; }
            auto it = m_state_ids.find(v.get<std::string>());
            if (it == m_state_ids.end() || it->second >= 0) {
                NearestWord nearest(v.get_ref<const std::string&>(), &m_suggestion_budget);
                for (const auto& f : m_s->facts) nearest.offer(f.id);
                report(DiagnosticId::UnknownFact, {v.get_ref<const std::string&>(), suggestion(nearest)}, fp);
                continue;
            }
            out.push_back(-1 - it->second);
        }
    }

    void read_start(const json& doc) {
        // A missing or mistyped "start" was reported by check_keys.
        if (auto start = resolve_node(doc, "start", "")) m_s->start = *start;
    }

    // ----- "did you mean" -----
    static std::string suggestion(const NearestWord& nearest) {
        return nearest.result().empty() ? "" : "; did you mean '" + nearest.result() + "'?";
    }
    template <typename Mapped>
    std::string did_you_mean(std::string_view word, const std::unordered_map<std::string, Mapped>& names) {
        NearestWord nearest(word, &m_suggestion_budget);
        for (const auto& entry : names) nearest.offer(entry.first);
        return suggestion(nearest);
    }
    template <typename Names>
    std::string did_you_mean(std::string_view word, const Names& names) {
        NearestWord nearest(word, &m_suggestion_budget);
        for (const auto& name : names) nearest.offer(name);
        return suggestion(nearest);
    }
    // Edit-distance work (DP cells) all suggestions of one load may take: about 50 ms.
    std::size_t m_suggestion_budget = 30'000'000;

    // The object check_keys saw last, with the value of each known key (nullptr: absent).
    struct KeyCache {
        static constexpr std::size_t kMax = 24;
        const json* object = nullptr;
        std::size_t count = 0;
        std::string_view known[kMax];
        const json* values[kMax];
    };
    KeyCache m_keys;
    std::unordered_set<const json*> m_rejected;  // values check_keys refused (rare: only in broken files)

    const SourceText& m_src;
    const SourceLimits& m_limits;
    Diagnostics& m_out;
    Scenario* m_s = nullptr;
    bool m_complete = false;
    std::unordered_map<std::string, int> m_dimension_ids, m_principle_ids, m_outcome_ids, m_cast_ids,
        m_node_ids, m_state_ids;  // m_state_ids: variable index >= 0, fact -1-index
};

}  // namespace

namespace {

// ----- freeing what a large load leaves behind, off the caller's critical path -----
//
// After the Scenario is built, the parsed Document and the source text (with its line table) are
// garbage. For a 10,000-node file that is about 60 MiB of arena blocks, the strings still in the
// document and 20 MiB of text: some 30 to 50 ms to walk and release. The Scenario owns copies (or
// moved-out strings) of everything it keeps, so nothing it holds points into them. A large load
// therefore hands them to a background thread that frees them while the caller goes on (typically
// analysing the scenario).
//
// Why this is safe:
//  - The thread receives sole ownership (moved in; nothing else can reach the objects) and frees
//    only them; freeing on another thread is what malloc is built for. Document values take no
//    memory from the thread that frees them (their arena is released whole, see source.hpp).
//  - At most one such thread exists. The next large load joins it before starting another, and so
//    do finish_deferred_frees() and the static Reaper's destructor at normal process exit, so no
//    thread outlives the process's static destruction or runs unjoined.
//  - A child made by fork() does not have the thread: it never joins the parent's thread (checked by
//    pid), and simply never frees what that thread owned.
//  - If a thread cannot be started, the garbage is freed at once, as before.
// Small files (below kDeferredFreeBytes of source text) are freed at once: a thread is not worth it
// there, and the common case stays single-threaded.
constexpr std::size_t kDeferredFreeBytes = 1u << 20;

struct Leftovers {
    std::optional<Document> document;
    std::unique_ptr<SourceText> source;
};

class Reaper {
public:
    static Reaper& instance() {
        static Reaper reaper;
        return reaper;
    }
    void dispose(std::unique_ptr<Leftovers> leftovers) {
        std::lock_guard<std::mutex> lock(m_mutex);
        join_locked();
        try {
            auto thread = std::make_unique<std::thread>([garbage = std::move(leftovers)]() mutable { garbage.reset(); });
            m_thread = thread.release();
            m_owner = SALESDOJO_PROCESS_ID();
        } catch (...) {
            // No thread: what was not moved into one is freed here, now (leftovers, if still ours).
        }
    }
    void join() {
        std::lock_guard<std::mutex> lock(m_mutex);
        join_locked();
    }
    ~Reaper() { join(); }

private:
    Reaper() = default;
    void join_locked() {
        if (!m_thread) return;
        if (m_owner == SALESDOJO_PROCESS_ID()) {
            if (m_thread->joinable()) m_thread->join();
            delete m_thread;
        }
        // else: a forked child; the thread is not ours (the std::thread object is left alone).
        m_thread = nullptr;
    }
    std::mutex m_mutex;
    std::thread* m_thread = nullptr;
    long m_owner = 0;
};

void dispose_leftovers(Document&& document, std::unique_ptr<SourceText> source) {
    const std::size_t bytes = source ? source->text().size() : 0;
    if (bytes < kDeferredFreeBytes) return;  // both are freed by the caller's scope, now
    auto leftovers = std::make_unique<Leftovers>();
    leftovers->document = std::move(document);
    leftovers->source = std::move(source);
    Reaper::instance().dispose(std::move(leftovers));
}

LoadResult load_source(std::unique_ptr<SourceText> source, const SourceLimits& limits) {
    LoadResult result;
    std::optional<Document> doc = parse_document(*source, limits, result.diagnostics);
    if (!doc) return result;
    std::shared_ptr<Scenario> scenario;
    bool complete_but_for_graph = false;
    {
        Loader loader(*source, limits, result.diagnostics);
        scenario = loader.build(doc->root());
        complete_but_for_graph = loader.complete_but_for_graph();
    }
    if (scenario) scenario->content_hash = content_hash_of(source->text());
    if (scenario && complete_but_for_graph) result.graph_draft = scenario;
    if (scenario && !has_errors(result.diagnostics)) result.scenario = std::move(scenario);
    // Report in file order, as an editor would list them.
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    dispose_leftovers(std::move(*doc), std::move(source));
    return result;
}

LoadResult too_large(std::size_t size, const std::string& file_name, const SourceLimits& limits) {
    LoadResult result;
    result.diagnostics.push_back(make_diagnostic(DiagnosticId::FileTooLarge,
        {std::to_string(size), std::to_string(limits.max_bytes) + " bytes"}, file_name));
    return result;
}

}  // namespace

void finish_deferred_frees() { Reaper::instance().join(); }

LoadResult load_scenario_text(const std::string& text, const std::string& file_name,
                              const SourceLimits& limits) {
    if (text.size() > limits.max_bytes) return too_large(text.size(), file_name, limits);
    return load_source(std::make_unique<SourceText>(file_name, text), limits);
}

void locate_diagnostics(Diagnostics& diagnostics, const std::string& path, const SourceLimits& limits) {
    Diagnostics ignored;
    auto text = read_source_file(path, limits, ignored);
    if (!text) return;
    SourceText source(path, std::move(*text));
    std::vector<Diagnostic*> unplaced;
    std::vector<std::string_view> pointers;
    for (auto& d : diagnostics) {
        if (d.line > 0) continue;
        unplaced.push_back(&d);
        pointers.push_back(d.pointer);
    }
    if (unplaced.empty()) return;
    const auto offsets = source.offsets_of_pointers(pointers);  // one scan of the file, not one per diagnostic
    for (std::size_t i = 0; i < unplaced.size(); ++i) {
        if (!offsets[i]) continue;
        Position p = source.position_of_offset(*offsets[i]);
        unplaced[i]->line = p.line;
        unplaced[i]->column = p.column;
    }
}

LoadResult load_scenario_file(const std::string& path, const SourceLimits& limits) {
    LoadResult result;
    auto text = read_source_file(path, limits, result.diagnostics);
    if (!text) return result;
    // As load_scenario_text, without copying the text: this function owns it.
    const std::size_t size = text->size();
    LoadResult loaded = size > limits.max_bytes
                            ? too_large(size, path, limits)
                            : load_source(std::make_unique<SourceText>(path, std::move(*text)), limits);
    loaded.diagnostics.insert(loaded.diagnostics.begin(), result.diagnostics.begin(), result.diagnostics.end());
    return loaded;
}

}  // namespace salesdojo
