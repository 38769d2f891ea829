// Translation tables: CSV reading and writing, the keys, export, import (byte-exact where nothing
// changes) and coverage (include/salesdojo/authoring/strings.hpp).
#include "test_support.hpp"

#include <salesdojo/authoring/csv.hpp>
#include <salesdojo/authoring/strings.hpp>

#include <filesystem>

using namespace salesdojo;
using namespace salesdojo::authoring;
using namespace salesdojo::test;
using nlohmann::json;

namespace {

std::vector<CsvRow> parse_or_fail(const std::string& text) {
    CsvError error;
    auto rows = parse_csv(text, error);
    INFO(error.line << ":" << error.column << ": " << error.message);
    REQUIRE(rows);
    return *rows;
}

CsvError csv_error_of(const std::string& text) {
    CsvError error;
    CHECK_FALSE(parse_csv(text, error));
    return error;
}

std::vector<std::string> keys_of(const json& document) {
    std::vector<std::string> keys;
    for (const auto& entry : translatable_texts(document)) keys.push_back(entry.key);
    return keys;
}

bool has(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

const std::string kMiniPath = "tests/data/valid/mini.json";

// Replaces the target cell of `key` in an exported table.
std::string with_target(const std::string& table, const std::string& key, const std::string& target) {
    CsvError error;
    auto rows = parse_csv(table, error);
    REQUIRE(rows);
    std::string out;
    for (auto& row : *rows) {
        if (row.fields[0] == key) row.fields[2] = target;
        out += csv_record(row.fields);
    }
    return out;
}

}  // namespace

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks, CRLF and a BOM are read") {
    const auto rows = parse_or_fail("\xEF\xBB\xBFkey,nl,en\r\na,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\nb,\"two\nlines\",\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == std::vector<std::string>{"key", "nl", "en"});
    CHECK(rows[1].fields == std::vector<std::string>{"a", "x, y", "say \"hi\""});
    CHECK(rows[2].line == 4);
    CHECK(rows[2].fields == std::vector<std::string>{"b", "two\nlines", ""});
}

TEST_CASE("csv: what the writer writes, the reader reads back") {
    const std::vector<std::string> fields = {"plain", "a,b", "\"quoted\"", "line\nbreak", " edge ", "", "€ é “x”"};
    const auto rows = parse_or_fail(csv_record(fields) + csv_record({"second"}));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == fields);
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
}

TEST_CASE("csv: bad quoting and bad bytes are errors with line and column") {
    CsvError e = csv_error_of("key,nl\na,say \"hi\"\n");
    CHECK(e.line == 2);
    CHECK(e.column == 7);
    CHECK(e.message.find("quote inside an unquoted field") != std::string::npos);
    e = csv_error_of("key,nl\na,\"closed\" late\n");
    CHECK(e.line == 2);
    CHECK(e.message.find("text after a closing quote") != std::string::npos);
    e = csv_error_of("key,nl\n\nb,\"never\nclosed\n");
    CHECK(e.line == 3);
    CHECK(e.column == 3);
    CHECK(e.message.find("never closed") != std::string::npos);
    e = csv_error_of("key,nl\nok,fine\nbad,\xC3\x28\n");
    CHECK(e.line == 3);
    CHECK(e.column == 5);
    CHECK(e.message.find("UTF-8") != std::string::npos);
}

TEST_CASE("strings: every text has a stable key made of ids, in file order") {
    const json doc = json::parse(read_text_file(source_path(kMiniPath)));
    const auto keys = keys_of(doc);
    const std::vector<std::string> expected = {
        "title", "summary", "cast/eva/name", "cast/eva/role", "dimension/qualify/title", "dimension/bias/title",
        "principle/ask-first/title", "principle/ask-first/explanation", "fact/need_known/title",
        "node/open/text", "node/open/choice/ask/text", "node/open/choice/ask/feedback",
        "node/open/choice/pitch-now/text", "node/open/choice/pitch-now/feedback",
        "node/pitch/text", "node/pitch/choice/offer/text", "node/pitch/choice/offer/feedback",
        "node/pitch/choice/leave/text", "node/pitch/choice/leave/feedback",
        "node/won/text", "node/won/ending/title", "node/lost/text", "node/lost/ending/title"};
    CHECK(keys == expected);
    const json full = json::parse(read_text_file(source_path("scenarios/already_helped.json")));
    const auto all = keys_of(full);
    bool notes = false, discussion = false, look = false;
    for (const auto& k : all) {
        look = look || (k.rfind("cast/", 0) == 0 && k.size() > 12 && k.compare(k.size() - 12, 12, "/description") == 0);
        notes = notes || k.find("/trainer_notes") != std::string::npos;
        discussion = discussion || k.find("/discussion/1") != std::string::npos;
    }
    CHECK(look);  // cast/<id>/description: appearance.description
    CHECK(notes);
    CHECK(discussion);
}

TEST_CASE("strings: export writes key, source, target and a note per text") {
    const json doc = json::parse(read_text_file(source_path(kMiniPath)));
    const auto rows = parse_or_fail(export_strings(doc, "nl", "en"));
    REQUIRE(rows.size() == keys_of(doc).size() + 1);
    CHECK(rows[0].fields == std::vector<std::string>{"key", "nl", "en", "note"});
    CHECK(rows[3].fields[0] == "cast/eva/name");
    CHECK(rows[3].fields[1] == "Eva");
    CHECK(rows[3].fields[2] == "");  // a plain text: the same in every language
    CHECK(rows[3].fields[3].find("plain text") != std::string::npos);
    CHECK(rows[11].fields == std::vector<std::string>{"node/open/choice/ask/text", "Wat speelt er?", "What is going on?",
                                                      "what the trainee says or does"});
    const auto german = parse_or_fail(export_strings(doc, "nl", "de"));
    CHECK(german[11].fields[2] == "");
}

TEST_CASE("strings: importing an unchanged export gives back the same bytes, for every bundled scenario") {
    std::vector<std::string> files = {source_path(kMiniPath)};
    for (const auto& entry : std::filesystem::directory_iterator(source_path("scenarios")))
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    REQUIRE(files.size() > 5);
    for (const auto& file : files) {
        const std::string text = read_text_file(file);
        const json doc = json::parse(text);
        for (const char* target : {"en", "nl", "de"}) {
            INFO(file << " -> " << target);
            const std::string source = std::string(target) == "nl" ? "en" : "nl";
            const ImportResult result = import_strings(text, doc, export_strings(doc, source, target), "t.csv");
            CHECK(result.ok());
            CHECK(result.problems.empty());
            CHECK(result.changed == 0);
            CHECK(result.text == text);
        }
    }
}

TEST_CASE("strings: a changed translation rewrites that value only, and the scenario still loads") {
    const std::string text = read_text_file(source_path(kMiniPath));
    const json doc = json::parse(text);
    const std::string table = with_target(export_strings(doc, "nl", "en"), "node/pitch/choice/leave/feedback", "What a \"pity\".");
    const ImportResult result = import_strings(text, doc, table, "t.csv");
    REQUIRE(result.ok());
    CHECK(result.changed == 1);
    const std::string old_value = "\"en\": \"A pity.\"", new_value = "\"en\": \"What a \\\"pity\\\".\"";
    std::string expected = text;
    expected.replace(expected.find(old_value), old_value.size(), new_value);
    CHECK(result.text == expected);
    LoadResult loaded = load_scenario_text(result.text, "mini.json");
    REQUIRE(loaded.ok());
    CHECK(loaded.scenario->nodes[1].choices[1].feedback.get("en") == "What a \"pity\".");
}

TEST_CASE("strings: a new language is added after the last translation, laid out like it") {
    const std::string text = read_text_file(source_path("scenarios/already_helped.json"));
    const json doc = json::parse(text);
    std::string table = export_strings(doc, "en", "de");
    table = with_target(table, "title", "Noch einmal dasselbe Training?");
    table = with_target(table, "cast/ruud/name", "Ruud Veenstra");  // the same as the plain name: no change
    const ImportResult result = import_strings(text, doc, table, "t.csv");
    REQUIRE(result.ok());
    CHECK(result.changed == 1);
    CHECK(result.text.find("\"en\": \"The same training again?\",\n    \"de\": \"Noch einmal dasselbe Training?\"\n  },") !=
          std::string::npos);
    LoadResult loaded = load_scenario_text(result.text, "already_helped.json");
    REQUIRE(loaded.ok());  // an undeclared language is only a warning (SD2017)
    CHECK(loaded.scenario->title.get("de") == "Noch einmal dasselbe Training?");
    const auto coverage = strings_coverage(json::parse(result.text), {});
    REQUIRE(coverage.size() == 3);
    CHECK(coverage[2].language == "de");
    CHECK_FALSE(coverage[2].declared);
    CHECK(coverage[2].translated > 1);  // the title and the plain texts (names)
    CHECK(coverage[2].missing.size() == coverage[2].total - coverage[2].translated);
    CHECK_FALSE(has(coverage[2].missing, "title"));
    CHECK(has(coverage[2].missing, "summary"));
}

TEST_CASE("strings: a plain text that gets a translation keeps its text in every declared language") {
    const std::string text = read_text_file(source_path(kMiniPath));
    const json doc = json::parse(text);
    const ImportResult result = import_strings(text, doc, with_target(export_strings(doc, "nl", "en"), "cast/eva/name", "Eve"), "t.csv");
    REQUIRE(result.ok());
    CHECK(result.text.find("\"name\": {\"nl\": \"Eva\", \"en\": \"Eve\"}") != std::string::npos);
    LoadResult loaded = load_scenario_text(result.text, "mini.json");
    REQUIRE(loaded.ok());
    CHECK(loaded.scenario->cast[0].name.get("nl") == "Eva");
    CHECK(loaded.scenario->cast[0].name.get("en") == "Eve");
}

TEST_CASE("strings: unknown or repeated keys, a bad header or a short row are errors at their line, nothing changes") {
    const std::string text = read_text_file(source_path(kMiniPath));
    const json doc = json::parse(text);
    auto import = [&](const std::string& table) { return import_strings(text, doc, table, "t.csv"); };
    ImportResult r = import("key,nl,en,note\ntitle,Mini,Mini!,\nnode/pich/text,x,y,\n");
    CHECK_FALSE(r.ok());
    CHECK(r.changed == 0);
    CHECK(r.text == text);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0]) ==
          "t.csv:3:1: error: unknown key 'node/pich/text': no such text in the scenario (did you mean 'node/pitch/text'?)");
    r = import("key,nl,en,note\ntitle,Mini,A,\ntitle,Mini,B,\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0]) == "t.csv:3:1: error: key 'title' is given twice (first on line 2)");
    r = import("id,nl,en\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 1);
    CHECK(r.problems[0].message.find("header") != std::string::npos);
    r = import("key,nl,en,note\ntitle,Mini\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("2 fields; the header has 4") != std::string::npos);
    r = import("key,nl,en,note\ntitle,Mini,\"Mini\" x,\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0]) ==
          "t.csv:2:18: error: text after a closing quote (a quote inside a quoted field is written \"\")");
}

TEST_CASE("strings: a source text that changed since the export is a warning, the translation is still taken") {
    const std::string text = read_text_file(source_path(kMiniPath));
    const json doc = json::parse(text);
    const ImportResult r = import_strings(text, doc, "key,nl,en,note\ntitle,Maxi,Mini!,\n", "t.csv");
    CHECK(r.ok());
    CHECK(r.changed == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].kind == ProblemKind::Warning);
    CHECK(r.problems[0].line == 2);
}

TEST_CASE("strings: coverage counts every language found and lists the missing keys") {
    const json doc = json::parse(read_text_file(source_path("tests/data/invalid/SD2004_missing_translation.json")));
    const auto coverage = strings_coverage(doc, {"fr"});
    REQUIRE(coverage.size() == 3);
    CHECK(coverage[0].language == "nl");
    CHECK(coverage[0].missing.empty());
    CHECK(coverage[1].language == "en");
    CHECK(coverage[1].declared);
    CHECK(coverage[1].missing == std::vector<std::string>{"node/pitch/text"});
    CHECK(coverage[1].translated == coverage[1].total - 1);
    CHECK(coverage[2].language == "fr");
    CHECK_FALSE(coverage[2].declared);
    CHECK(coverage[2].translated == 1);  // the plain name "Eva"
}
