// Translation tables: see strings.hpp and docs/authoring-translation.md.
#include <salesdojo/authoring/csv.hpp>
#include <salesdojo/authoring/strings.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/source.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace salesdojo::authoring {
namespace {

using nlohmann::json;

std::string pointer_token(std::string_view token) {  // RFC 6901: "~" -> "~0", "/" -> "~1"
    std::string out;
    for (char c : token) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

const json* member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const std::string* string_member(const json& object, const char* key) {
    const json* value = member(object, key);
    return value && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

bool is_text(const json* value) { return value && (value->is_string() || value->is_object()); }

// Walks the document and collects its texts in file order (the order of the format's tables).
class TextCollector {
public:
    explicit TextCollector(const json& document) : m_document(document) {}

    std::vector<TextEntry> collect() {
        add("title", "", "/title", "the scenario's title", m_document, "title");
        add("summary", "", "/summary", "the scenario's summary in the scenario list", m_document, "summary");
        each("cast", "/cast", [&](const json& person, const std::string& key, const std::string& at) {
            add(key, "/name", at + "/name", "a character's name", person, "name");
            add(key, "/role", at + "/role", "a character's job and relation to the trainee", person, "role");
            if (const json* look = member(person, "appearance"))
                add(key, "/description", at + "/appearance/description", "what the character looks like", *look, "description");
        });
        if (const json* rubric = member(m_document, "rubric")) {
            each_in(*rubric, "dimensions", "dimension", "/rubric/dimensions", [&](const json& d, const std::string& key, const std::string& at) {
                add(key, "/title", at + "/title", "a scored dimension, in the debrief", d, "title");
                add(key, "/description", at + "/description", "what a high score on the dimension means", d, "description");
            });
            each_in(*rubric, "principles", "principle", "/rubric/principles", [&](const json& p, const std::string& key, const std::string& at) {
                add(key, "/title", at + "/title", "a principle's short title", p, "title");
                add(key, "/explanation", at + "/explanation", "a principle's explanation", p, "explanation");
            });
        }
        each("outcomes", "/outcomes", [&](const json& o, const std::string& key, const std::string& at) {
            add(key, "/title", at + "/title", "an outcome class, in the debrief", o, "title");
        }, "outcome");
        each("facts", "/facts", [&](const json& f, const std::string& key, const std::string& at) {
            add(key, "/title", at + "/title", "something the trainee can learn, in the debrief", f, "title");
        }, "fact");
        each("nodes", "/nodes", [&](const json& node, const std::string& key, const std::string& at) { collect_node(node, key, at); }, "node");
        return std::move(m_entries);
    }

private:
    template <typename Visit>
    void each(const char* array_key, const std::string& pointer, Visit visit, const char* key_word = nullptr) {
        each_in(m_document, array_key, key_word ? key_word : array_key, pointer, visit);
    }

    template <typename Visit>
    void each_in(const json& parent, const char* array_key, const std::string& key_word, const std::string& pointer, Visit visit) {
        const json* items = member(parent, array_key);
        if (!items || !items->is_array()) return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& item = (*items)[i];
            const std::string* id = string_member(item, "id");
            if (!id || id->empty()) continue;
            visit(item, key_word + "/" + *id, pointer + "/" + std::to_string(i));
        }
    }

    void collect_node(const json& node, const std::string& key, const std::string& at) {
        std::string who = "the narrator (a scene description)";
        if (const std::string* speaker = string_member(node, "speaker")) who = "spoken by " + *speaker;
        const bool ending = member(node, "ending") != nullptr;
        add(key, "/text", at + "/text", ending ? "an ending's closing text" : who, node, "text");
        add(key, "/narration", at + "/narration", "narration: what the trainee sees or feels", node, "narration");
        add(key, "/trainer_notes", at + "/trainer_notes", "presenter view only: notes for the trainer", node, "trainer_notes");
        if (const json* prompts = member(node, "discussion"); prompts && prompts->is_array())
            for (std::size_t i = 0; i < prompts->size(); ++i)
                add(key, "/discussion/" + std::to_string(i + 1), at + "/discussion/" + std::to_string(i),
                    "presenter view only: a discussion prompt", *prompts, i);
        if (const json* end = member(node, "ending")) add(key, "/ending/title", at + "/ending/title", "an ending's headline in the debrief", *end, "title");
        each_in(node, "choices", key + "/choice", at + "/choices", [&](const json& choice, const std::string& choice_key, const std::string& choice_at) {
            add(choice_key, "/text", choice_at + "/text", "what the trainee says or does", choice, "text");
            add(choice_key, "/feedback", choice_at + "/feedback", "practice-mode feedback on this choice: why it is good or bad", choice, "feedback");
        });
    }

    void add(const std::string& key, const std::string& suffix, const std::string& pointer, const char* note,
             const json& parent, const char* name) {
        push(key + suffix, pointer, note, member(parent, name));
    }
    void add(const std::string& key, const std::string& suffix, const std::string& pointer, const char* note,
             const json& array, std::size_t index) {
        push(key + suffix, pointer, note, &array[index]);
    }
    void add(const std::string& key, const std::string& suffix, const std::string& pointer, const std::string& note,
             const json& parent, const char* name) {
        push(key + suffix, pointer, note, member(parent, name));
    }

    void push(const std::string& key, const std::string& pointer, const std::string& note, const json* value) {
        if (!is_text(value) || !m_seen.insert(key).second) return;
        m_entries.push_back({key, pointer, note, value});
    }

    const json& m_document;
    std::vector<TextEntry> m_entries;
    std::set<std::string> m_seen;
};

const std::string* translation(const json& value, const std::string& language) {
    if (value.is_string()) return &value.get_ref<const std::string&>();
    return string_member(value, language.c_str());
}

bool valid_language(std::string_view code) {
    return code.size() >= 2 && code.size() <= 8 &&
           std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// End (one past) of the JSON value starting at `i` in well-formed JSON text.
std::size_t value_end(std::string_view t, std::size_t i) {
    if (i >= t.size()) return t.size();
    if (t[i] == '"') {
        for (++i; i < t.size() && t[i] != '"'; ++i)
            if (t[i] == '\\') ++i;
        return std::min(i + 1, t.size());
    }
    if (t[i] == '{' || t[i] == '[') {
        int depth = 0;
        for (; i < t.size(); ++i) {
            const char c = t[i];
            if (c == '"') { i = value_end(t, i) - 1; continue; }
            if (c == '{' || c == '[') ++depth;
            if ((c == '}' || c == ']') && --depth == 0) return i + 1;
        }
        return t.size();
    }
    while (i < t.size() && !std::strchr(",}] \t\r\n", t[i])) ++i;
    return i;
}

std::string literal(const std::string& text) { return json(text).dump(); }

struct Edit {
    std::size_t begin = 0, end = 0;  // replaced span
    std::string with;
};

}  // namespace

std::vector<TextEntry> translatable_texts(const json& document) { return TextCollector(document).collect(); }

std::vector<std::string> document_languages(const json& document) {
    std::vector<std::string> languages;
    const auto add = [&](const std::string& code) {
        if (!code.empty() && std::find(languages.begin(), languages.end(), code) == languages.end()) languages.push_back(code);
    };
    if (const json* declared = member(document, "languages"); declared && declared->is_array())
        for (const auto& code : *declared)
            if (code.is_string()) add(code.get<std::string>());
    for (const auto& entry : translatable_texts(document))
        if (entry.value->is_object())
            for (auto it = entry.value->begin(); it != entry.value->end(); ++it) add(it.key());
    return languages;
}

std::string export_strings(const json& document, const std::string& source, const std::string& target) {
    std::string out = csv_record({"key", source, target, "note"});
    for (const auto& entry : translatable_texts(document)) {
        const std::string* from = translation(*entry.value, source);
        const std::string* to = entry.value->is_object() ? translation(*entry.value, target) : nullptr;
        std::string note = entry.note;
        if (entry.value->is_string()) note += "; plain text, the same in every language: fill in only to translate it";
        out += csv_record({entry.key, from ? *from : "", to ? *to : "", note});
    }
    return out;
}

std::vector<LanguageCoverage> strings_coverage(const json& document, const std::vector<std::string>& extra) {
    std::vector<std::string> languages = document_languages(document);
    std::vector<std::string> declared;
    if (const json* list = member(document, "languages"); list && list->is_array())
        for (const auto& code : *list)
            if (code.is_string()) declared.push_back(code.get<std::string>());
    for (const auto& code : extra)
        if (std::find(languages.begin(), languages.end(), code) == languages.end()) languages.push_back(code);
    const std::vector<TextEntry> entries = translatable_texts(document);
    std::vector<LanguageCoverage> result;
    for (const auto& language : languages) {
        LanguageCoverage c;
        c.language = language;
        c.declared = std::find(declared.begin(), declared.end(), language) != declared.end();
        c.total = entries.size();
        for (const auto& entry : entries) {
            const std::string* text = translation(*entry.value, language);
            if (text && !text->empty()) ++c.translated;
            else c.missing.push_back(entry.key);
        }
        result.push_back(std::move(c));
    }
    return result;
}

ImportResult import_strings(const std::string& scenario_text, const json& document, const std::string& csv_text,
                            const std::string& csv_file) {
    ImportResult result;
    result.text = scenario_text;
    const auto problem = [&](ProblemKind kind, int line, int column, std::string message) {
        result.problems.push_back({kind, csv_file, line, column, std::move(message)});
    };
    CsvError csv_error;
    const auto rows = parse_csv(csv_text, csv_error);
    if (!rows) {
        problem(ProblemKind::Error, csv_error.line, csv_error.column, csv_error.message);
        return result;
    }
    if (rows->empty()) {
        problem(ProblemKind::Error, 1, 1, "the table is empty: the first row must be the header key,<source language>,<target language>,note");
        return result;
    }
    const CsvRow& header = rows->front();
    const std::size_t width = header.fields.size();
    if ((width != 3 && width != 4) || header.fields[0] != "key" || !valid_language(header.fields[1]) ||
        !valid_language(header.fields[2]) || (width == 4 && header.fields[3] != "note")) {
        problem(ProblemKind::Error, header.line, 1,
                "the first row must be the header key,<source language>,<target language>,note (as `salesdojo strings export` writes it)");
        return result;
    }
    const std::string source = header.fields[1];
    const std::string target = header.fields[2];
    result.target_language = target;

    const std::vector<TextEntry> entries = translatable_texts(document);
    std::map<std::string, const TextEntry*> by_key;
    std::vector<std::string> keys;
    for (const auto& entry : entries) {
        by_key[entry.key] = &entry;
        keys.push_back(entry.key);
    }
    std::vector<std::string> languages;
    if (const json* list = member(document, "languages"); list && list->is_array())
        for (const auto& code : *list)
            if (code.is_string()) languages.push_back(code.get<std::string>());
    for (const std::string& code : {source, target})
        if (std::find(languages.begin(), languages.end(), code) == languages.end()) languages.push_back(code);

    const SourceText text("", scenario_text);
    std::map<std::string, int> first_line;
    std::size_t unknown_keys = 0;
    std::vector<Edit> edits;
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const CsvRow& row = (*rows)[r];
        if (row.fields.size() != width) {
            problem(ProblemKind::Error, row.line, 1,
                    "this row has " + std::to_string(row.fields.size()) + " fields; the header has " + std::to_string(width) +
                        " (a text with a comma must be in double quotes)");
            continue;
        }
        const std::string& key = row.fields[0];
        const auto found = by_key.find(key);
        if (found == by_key.end()) {
            // A suggestion for the first unknown keys only: a table of a wholly different scenario
            // must not cost a comparison of every row with every key.
            const std::string nearest = ++unknown_keys <= 20 ? nearest_word(key, keys) : std::string();
            problem(ProblemKind::Error, row.line, 1,
                    "unknown key '" + key + "': no such text in the scenario" +
                        (nearest.empty() ? std::string() : " (did you mean '" + nearest + "'?)"));
            continue;
        }
        if (auto [it, fresh] = first_line.emplace(key, row.line); !fresh) {
            problem(ProblemKind::Error, row.line, 1, "key '" + key + "' is given twice (first on line " + std::to_string(it->second) + ")");
            continue;
        }
        const TextEntry& entry = *found->second;
        const std::string* current_source = translation(*entry.value, source);
        if (source != target && (current_source ? *current_source : std::string()) != row.fields[1])
            problem(ProblemKind::Warning, row.line, static_cast<int>(key.size()) + 2,
                    "the " + source + " text of '" + key + "' changed since this table was exported; check its translation");
        const std::string& wanted = row.fields[2];
        if (wanted.empty()) continue;  // not translated (yet): nothing changes
        const auto at = text.offset_of_pointer(entry.pointer);
        if (!at) continue;  // cannot happen: the entry came from this document
        const std::size_t begin = *at, end = value_end(scenario_text, begin);
        if (entry.value->is_string()) {
            if (entry.value->get_ref<const std::string&>() == wanted) continue;
            // A plain text gets its first translation: it stays what it was in every other language.
            const std::string plain(scenario_text, begin, end - begin);
            std::string object = "{";
            for (std::size_t i = 0; i < languages.size(); ++i)
                object += (i ? ", " : "") + literal(languages[i]) + ": " + (languages[i] == target ? literal(wanted) : plain);
            edits.push_back({begin, end, object + "}"});
        } else if (const std::string* existing = string_member(*entry.value, target.c_str())) {
            if (*existing == wanted) continue;
            const auto value_at = text.offset_of_pointer(entry.pointer + "/" + pointer_token(target));
            if (!value_at) continue;
            edits.push_back({*value_at, value_end(scenario_text, *value_at), literal(wanted)});
        } else if (entry.value->empty()) {
            edits.push_back({begin, end, "{" + literal(target) + ": " + literal(wanted) + "}"});
        } else {
            // A new member after the last one in the file, laid out like the last one.
            std::size_t last_key = 0, last_end = 0;
            for (auto it = entry.value->begin(); it != entry.value->end(); ++it) {
                const auto key_at = text.offset_of_key(entry.pointer + "/" + pointer_token(it.key()));
                const auto value_at = text.offset_of_pointer(entry.pointer + "/" + pointer_token(it.key()));
                if (key_at && value_at && *key_at >= last_key) {
                    last_key = *key_at;
                    last_end = value_end(scenario_text, *value_at);
                }
            }
            std::size_t gap = last_key;
            while (gap > begin && std::strchr(" \t\r\n", scenario_text[gap - 1])) --gap;
            const std::string indent(scenario_text, gap, last_key - gap);
            edits.push_back({last_end, last_end, "," + indent + literal(target) + ": " + literal(wanted)});
        }
        ++result.changed;
    }
    if (!result.ok()) {
        result.changed = 0;
        return result;
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    for (const Edit& edit : edits) result.text.replace(edit.begin, edit.end - edit.begin, edit.with);
    return result;
}

}  // namespace salesdojo::authoring
