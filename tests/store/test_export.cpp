// Exports and the class report (docs/export.md): attempt identity in a real SQLite file, JSON round
// trip, CSV quoting and formula injection, duplicates and conflicts, bad files with positions, the
// HTML debrief against the text debrief's sections, and Dutch words.
#include "../gui/temp_env.hpp"
#include "../test_support.hpp"
#include "store_fixtures.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/class_report.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/results_export.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/store/attempt.hpp>
#include <salesdojo/store/export_source.hpp>
#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fstream>
#include <regex>
#include <set>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

void sql(const std::string& path, const std::string& statements) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

// A finished run of mini.json as the store keeps it: ask-offer is the best line, pitch-now a blunder.
store::AttemptRecord played(const std::shared_ptr<const Scenario>& s, const Analysis& a,
                            const std::vector<std::string>& choices, std::int64_t trainee_id, const std::string& language) {
    std::string error;
    auto session = store::replay_choice_ids(s, 0, choices, error);
    INFO(error);
    REQUIRE(session);
    const Debrief debrief = make_debrief(a, *session);
    store::AttemptContext context{trainee_id, s->content_hash, language, "practice", 1'796'000'000'000, 1'796'000'060'000, {}};
    for (std::size_t i = 0; i < choices.size(); ++i) context.seconds.push_back(2.5 + static_cast<double>(i));
    return store::make_attempt_record(*session, debrief, context);
}

struct Mini {
    std::shared_ptr<const Scenario> scenario = load_valid("tests/data/valid/mini.json");
    std::shared_ptr<const Analysis> analysis = analyse(scenario).analysis;
    report::ScenarioShelf shelf() const { return {{scenario->id, {scenario, analysis}}}; }
};

// RFC 4180 reading, for checking what a spreadsheet would see.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell), cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(cell), cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
        any = true;
    }
    if (!cell.empty() || (any && !rows.back().empty())) rows.back().push_back(cell);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

std::string write_temp(const TempDir& dir, const std::string& name, const std::string& text) {
    const std::string path = (dir.path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string visible_text(std::string html) {
    html = std::regex_replace(html, std::regex("<style>[\\s\\S]*?</style>"), " ");
    html = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    for (auto [entity, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
        html = std::regex_replace(html, std::regex(entity), c);
    return html;
}

bool has_whole_word(const std::string& text, const std::string& word) {
    return std::regex_search(text, std::regex("(^|[^A-Za-z0-9_-])" + word + "($|[^A-Za-z0-9_-])", std::regex::icase));
}

// English words that the words added for exports and the class report must not put into Dutch.
const char* const kEnglish[] = {"Trainee", "Played", "Mode", "Language", "Practice", "Assessment", "Imported",
                                "Classroom", "Other", "Dutch", "English", "version", "Result", "yes", "no",
                                "Attempt", "Started", "Ended", "Finished", "Outcome", "Weighted", "Seed", "Number",
                                "Choice", "Verdict", "Loss", "Counts", "Seconds", "Best", "option", "Class", "report",
                                "attempts", "trainees", "files", "copies", "Conflicting", "differs", "counted",
                                "Average", "Passed", "Not", "reached", "How", "group", "chose", "Decisions",
                                "Chosen", "Share", "Count", "the", "and", "from", "with", "when", "shown",
                                "scored", "available", "without", "file", "Moment", "said", "What", "again"};

}  // namespace

TEST_CASE("export: every stored attempt has a stable UUID, a version-1 database gets them on opening") {
    TempDir dir;
    const std::string path = (dir.path() / "r.sqlite").string();
    std::int64_t trainee = 0;
    {
        store::ResultsStore db = store::ResultsStore::open(path);
        trainee = db.create_trainee("Anna").id;
        const auto id = db.insert_attempt(synthetic_attempt(trainee, 1));
        const std::string uid = db.attempt(id)->uid;
        CHECK(std::regex_match(uid, kUuid));
        store::AttemptRecord given = synthetic_attempt(trainee, 2);
        given.uid = "00000000-0000-4000-8000-000000000001";
        CHECK(db.attempt(db.insert_attempt(given))->uid == given.uid);  // kept as given
        CHECK_THROWS_AS(db.insert_attempt(given), store::StoreError);    // one attempt, one identity
        CHECK(store::ResultsStore::open(path).attempt(id)->uid == uid);  // stable across openings
    }
    // Back to schema 1: no uid column; two attempts stored by an older SalesDojo.
    // (and without what the later schemas add: 3 scenario_progress, 4 xapi_owed, 5 class_runs,
    // 6 saved_runs.hints)
    sql(path, "DROP TRIGGER scenario_progress_after_insert; DROP TABLE scenario_progress; DROP TABLE xapi_owed; "
              "DROP TABLE class_runs; ALTER TABLE saved_runs DROP COLUMN hints; DROP INDEX attempts_by_uid; ALTER TABLE attempts DROP COLUMN uid; "
              "PRAGMA user_version = 1;");
    store::ResultsStore db = store::ResultsStore::open(path);
    CHECK(db.schema_version() == store::latest_schema_version());
    std::set<std::string> uids;
    for (std::int64_t id : db.attempt_ids(std::nullopt, std::nullopt)) {
        const std::string uid = db.attempt(id)->uid;
        CHECK(std::regex_match(uid, kUuid));
        uids.insert(uid);
    }
    CHECK(uids.size() == 2);
    CHECK(db.integrity_check() == "ok");
}

TEST_CASE("export: attempt_ids filters by trainee and scenario, oldest first") {
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    const auto anna = db.create_trainee("Anna").id, bob = db.create_trainee("Bob").id;
    for (std::uint64_t k = 0; k < 6; ++k) db.insert_attempt(synthetic_attempt(k % 2 ? anna : bob, k));
    CHECK(db.attempt_ids(std::nullopt, std::nullopt).size() == 6);
    const auto annas = db.attempt_ids(anna, std::nullopt);
    REQUIRE(annas.size() == 3);
    CHECK(db.attempt(annas[0])->ended_ms < db.attempt(annas[2])->ended_ms);
    CHECK(db.attempt_ids(anna, std::string("scenario-1")).size() == 1);
    CHECK(db.attempt_ids(bob, std::string("scenario-1")).empty());
    CHECK(db.trainee(bob)->name == "Bob");
    CHECK_FALSE(db.trainee(9999));
}

TEST_CASE("export: JSON from a real database reads back to the same attempts, field by field") {
    TempDir dir;
    const std::string path = (dir.path() / "r.sqlite").string();
    store::ResultsStore db = store::ResultsStore::open(path);
    const auto anna = db.create_trainee("Anna \"the closer\"").id;
    for (std::uint64_t k = 0; k < 12; ++k) db.insert_attempt(synthetic_attempt(anna, k));
    const auto attempts = store::exported_attempts(db, anna, std::nullopt);
    REQUIRE(attempts.size() == 12);
    const report::ExportDocument document = report::make_export_document(attempts, {}, "nl", 1'796'000'000'000);
    const std::string file = write_temp(dir, "anna.json", report::export_json(document).dump(2));

    std::string message;
    const auto back = report::read_export_file(file, message);
    INFO(message);
    REQUIRE(back);
    CHECK(back->language == "nl");
    CHECK(back->exported_ms == 1'796'000'000'000);
    REQUIRE(back->attempts.size() == attempts.size());
    for (std::size_t i = 0; i < attempts.size(); ++i) {
        const auto& got = back->attempts[i];
        const auto stored = db.attempt(db.attempt_ids(anna, std::nullopt)[i]);
        CHECK(got.trainee == "Anna \"the closer\"");
        CHECK(got.uid == stored->uid);
        CHECK(report::attempt_content_key(got) == report::attempt_content_key(attempts[i]));
        // Field by field through the store's own comparison: the export kept everything it stores.
        store::AttemptRecord as_record = *stored;
        as_record.seed = got.seed;
        as_record.accuracy = got.accuracy;
        as_record.passed = got.passed;
        as_record.overall = got.overall;
        as_record.decisions.clear();
        for (const auto& d : got.decisions) as_record.decisions.push_back({d.node_id, d.choice_id, d.verdict, d.loss, d.counted, d.seconds});
        as_record.dimensions.clear();
        for (const auto& d : got.dimensions) as_record.dimensions.push_back({d.dimension_id, d.raw_total, d.score});
        as_record.started_ms = got.started_ms;
        as_record.ended_ms = got.ended_ms;
        check_same_attempt(as_record, *stored);
        CHECK(got.scenario_id == stored->scenario_id);
        CHECK(got.content_hash == stored->content_hash);
        CHECK(got.outcome == stored->outcome);
    }
}

TEST_CASE("export: with the scenario at hand the JSON carries names and the best option of each decision") {
    Mini mini;
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    const auto anna = db.create_trainee("Anna").id;
    db.insert_attempt(played(mini.scenario, *mini.analysis, {"pitch-now"}, anna, "nl"));
    const auto document = report::make_export_document(store::exported_attempts(db, std::nullopt, std::nullopt),
                                                       mini.shelf(), "nl", 0);
    REQUIRE(document.attempts.size() == 1);
    const auto& decision = document.attempts[0].decisions.at(0);
    CHECK(decision.choice_id == "pitch-now");
    CHECK(decision.verdict == "blunder");
    CHECK(decision.best_choice_id == "ask");
    const auto& names = document.scenarios.at("mini");
    CHECK(names.title == mini.scenario->title.get("nl"));
    CHECK(names.nodes.at("open").choices.at("ask") == mini.scenario->nodes[0].choices[0].text.get("nl"));
    CHECK(names.language == "nl");
    // A file changed since: no best options (the analysis is of another version), names still given.
    auto changed = document.attempts[0];
    changed.content_hash = "0000000000000000";
    changed.decisions[0].best_choice_id.clear();
    report::add_best_choices(changed, mini.shelf().at("mini"));
    CHECK(changed.decisions[0].best_choice_id.empty());
}

TEST_CASE("export: CSV cells are RFC 4180 quoted and formulas are defused") {
    CHECK(report::csv_text("plain") == "plain");
    CHECK(report::csv_text("a,b") == "\"a,b\"");
    CHECK(report::csv_text("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::csv_text("two\nlines") == "\"two\nlines\"");
    CHECK(report::csv_text("cr\rhere") == "\"cr\rhere\"");
    for (const char* formula : {"=1+1", "+31 6", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
        CAPTURE(formula);
        const auto rows = parse_csv(report::csv_text(formula) + "\r\n");
        REQUIRE(rows.size() == 1);
        REQUIRE(rows[0].size() == 1);
        CHECK(rows[0][0] == "'" + std::string(formula));
    }
    CHECK(report::csv_text("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(report::csv_number(-2.5, 2) == "-2.5");  // our own numbers stay numbers
    CHECK(report::csv_number(std::nullopt, 2).empty());

    // A whole export: hostile names survive as text, every row has the header's width.
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    const auto evil = db.create_trainee("=cmd|' /C calc'!A0, \"quoted\"").id;
    const auto plain = db.create_trainee("Bob").id;
    for (std::uint64_t k = 0; k < 4; ++k) db.insert_attempt(synthetic_attempt(k % 2 ? evil : plain, k));
    const auto document = report::make_export_document(store::exported_attempts(db, std::nullopt, std::nullopt), {}, "en", 0);
    const report::CsvTables tables = report::export_csv(document, "en");
    const auto attempts = parse_csv(tables.attempts), decisions = parse_csv(tables.decisions);
    REQUIRE(attempts.size() == 5);  // header + 4
    std::size_t expected_decisions = 0;
    for (const auto& a : document.attempts) expected_decisions += a.decisions.size();
    REQUIRE(decisions.size() == 1 + expected_decisions);
    for (const auto* table : {&attempts, &decisions})
        for (const auto& row : *table) {
            CHECK(row.size() == table->front().size());
            for (const auto& cell : row) {
                CAPTURE(cell);
                const bool number = std::regex_match(cell, std::regex("-?[0-9]+(\\.[0-9]+)?"));
                CHECK((number || cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos));
            }
        }
    CHECK(attempts[2][1] == "'=cmd|' /C calc'!A0, \"quoted\"");  // the attempt of k = 1, as text
    // Each decision row names trainee, date and mode.
    const auto& head = decisions.front();
    CHECK(head[1] == report::word("export.trainee", "en"));
    CHECK(head[2] == report::word("export.column.ended", "en"));
    CHECK(head[3] == report::word("export.mode", "en"));
    CHECK(decisions[1][2] == report::iso_utc(document.attempts[0].ended_ms));
}

TEST_CASE("class report: duplicates count once, conflicts are reported and counted once") {
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    const auto anna = db.create_trainee("Anna").id, bob = db.create_trainee("Bob").id;
    db.insert_attempt(synthetic_attempt(anna, 17));  // scenario-0 (17 % 17), 9 decisions
    db.insert_attempt(synthetic_attempt(bob, 34));   // scenario-0 too
    const auto all = store::exported_attempts(db, std::nullopt, std::nullopt);
    REQUIRE(all.size() == 2);

    report::ExportDocument first = report::make_export_document({all[0], all[1]}, {}, "en", 0);
    report::ExportDocument copy = report::make_export_document({all[0]}, {}, "en", 5);  // exported again later
    report::ExportDocument changed = report::make_export_document({all[1]}, {}, "en", 9);
    changed.attempts[0].overall += 7;  // same identity, different content
    const auto merged = report::make_class_report({{"a.json", first}, {"b.json", copy}, {"c.json", changed}}, "en");
    CHECK(merged.files == 3);
    CHECK(merged.attempts_read == 4);
    CHECK(merged.attempts_counted == 2);
    CHECK(merged.duplicates == 1);
    REQUIRE(merged.conflicts.size() == 1);
    CHECK(merged.conflicts[0].uid == all[1].uid);
    CHECK(merged.conflicts[0].counted_file == "a.json");
    CHECK(merged.conflicts[0].ignored_file == "c.json");
    REQUIRE(merged.scenarios.size() == 1);
    const auto& s = merged.scenarios[0];
    CHECK(s.attempts == 2);
    CHECK(s.trainees == 2);
    CHECK(s.mean_overall == doctest::Approx((all[0].overall + all[1].overall) / 2));  // the first copy's numbers
    // Per decision: every decision of both attempts counted once.
    std::size_t decided = 0;
    for (const auto& d : s.decisions) decided += d.decided;
    CHECK(decided == all[0].decisions.size() + all[1].decisions.size());

    const std::string html = report::class_report_html(merged, "en");
    CHECK(html.find(report::word("class.conflicts", "en")) != std::string::npos);
    CHECK(html.find("c.json") != std::string::npos);
    CHECK(html.find(report::phrase("class.duplicates", "en", {"1"})) != std::string::npos);
}

TEST_CASE("class report: per decision, how the group chose against the best option, dimensions and outcomes") {
    Mini mini;
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    std::vector<report::ClassInput> inputs;
    const std::vector<std::vector<std::string>> lines = {{"ask", "offer"}, {"ask", "offer"}, {"pitch-now"}, {"ask", "leave"}};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto trainee = db.create_trainee("T" + std::to_string(i)).id;
        db.insert_attempt(played(mini.scenario, *mini.analysis, lines[i], trainee, "nl"));
        inputs.push_back({"t" + std::to_string(i) + ".json",
                          report::make_export_document(store::exported_attempts(db, trainee, std::nullopt), mini.shelf(), "nl", 0)});
    }
    const auto merged = report::make_class_report(inputs, "nl");
    REQUIRE(merged.scenarios.size() == 1);
    const auto& s = merged.scenarios[0];
    CHECK(s.title == mini.scenario->title.get("nl"));
    CHECK(s.attempts == 4);
    REQUIRE(s.decisions.size() == 2);
    const auto& open = s.decisions[0];  // first in the conversation
    CHECK(open.node_id == "open");
    CHECK(open.decided == 4);
    CHECK(open.chose_best == 3);
    REQUIRE(open.choices.size() == 2);
    CHECK(open.choices[0].choice_id == "ask");
    CHECK(open.choices[0].count == 3);
    CHECK(open.choices[0].best);
    CHECK(open.choices[1].verdict == "blunder");
    CHECK_FALSE(open.choices[1].best);
    CHECK(s.decisions[1].decided == 3);
    // Outcomes: as many as attempts; the averages are the attempts' mean per dimension.
    std::size_t outcomes = 0;
    for (const auto& o : s.outcomes) outcomes += o.count;
    CHECK(outcomes == 4);
    REQUIRE(!s.dimensions.empty());
    double sum = 0;
    for (const auto& in : inputs) sum += in.document.attempts[0].dimensions[0].score;
    CHECK(s.dimensions[0].mean == doctest::Approx(sum / 4));
    CHECK(s.dimensions[0].name == report::dimension_name(*mini.scenario, 0, {"nl", "nl"}));

    // The Dutch page names, never ids, and has no English interface word.
    const std::string text = visible_text(report::class_report_html(merged, "nl"));
    for (const char* id : {"pitch-now", "abandoned-fit", "qualified-fit", "open", "offer"}) {
        CAPTURE(id);
        CHECK_FALSE(has_whole_word(text, id));
    }
    for (const char* english : kEnglish) {
        CAPTURE(english);
        CHECK_FALSE(has_whole_word(text, english));
    }
}

TEST_CASE("class report: bad files are named with the position of the problem, never a crash") {
    TempDir dir;
    const report::ExportDocument good = report::make_export_document(
        {store::exported_attempt(synthetic_attempt(1, 3), "Anna")}, {}, "en", 0);
    std::string text = report::export_json(good).dump(2);
    struct Case {
        std::string name, content, expected;
    };
    std::string wrong_type = text;
    wrong_type.replace(wrong_type.find("\"overall\": "), std::string("\"overall\": ").size(), "\"overall\": \"high\", \"x\": ");
    const std::string nested = std::string(40, '[') + std::string(40, ']');
    std::string newer = text;
    newer.replace(newer.find("\"format_version\": 1"), 19, "\"format_version\": 99");
    const Case cases[] = {
        {"empty.json", "", "empty"},
        {"syntax.json", "{\n  \"format\": \"salesdojo-attempts\",\n  oops\n}", "syntax.json:3:3:"},
        {"array.json", "[1, 2]", "expected an object"},
        {"other.json", "{\"format\": \"something-else\"}", "not an export of SalesDojo attempts"},
        {"newer.json", newer, "format version 99"},
        {"type.json", wrong_type, "attempts/0/overall: expected a number"},
        {"deep.json", nested, "nesting is deeper"},
        {"binary.json", std::string("\xff\xfe\x00\x01", 4), "deep"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string path = write_temp(dir, c.name, c.content);
        std::string message;
        CHECK_FALSE(report::read_export_file(path, message));
        CHECK(message.rfind(path, 0) == 0);  // starts with the file
        if (c.name != "binary.json") CHECK(message.find(c.expected) != std::string::npos);
        INFO(message);
    }
    // The wrong type is placed at its line and column.
    const std::string path = write_temp(dir, "type2.json", wrong_type);
    std::string message;
    report::read_export_file(path, message);
    std::size_t line = 1, column = 1;
    const std::size_t at = wrong_type.find("\"high\"");
    for (std::size_t i = 0; i < at; ++i) wrong_type[i] == '\n' ? (++line, column = 1) : ++column;
    CHECK(message.find(path + ":" + std::to_string(line) + ":" + std::to_string(column) + ":") == 0);
    std::string missing;
    CHECK_FALSE(report::read_export_file((dir.path() / "absent.json").string(), missing));
    CHECK(missing.find("absent.json") != std::string::npos);
}

TEST_CASE("export: the HTML debrief of an attempt has every section of the text debrief") {
    Mini mini;
    const auto& text_keys = report::debrief_section_keys();
    for (const char* language : {"en", "nl"}) {
        CAPTURE(language);
        const report::Languages l = report::languages_for(*mini.scenario, language);
        const store::AttemptRecord record = played(mini.scenario, *mini.analysis, {"pitch-now"}, 1, language);
        std::string error;
        const auto session = store::replay_choice_ids(mini.scenario, 0, record.choice_ids(), error);
        REQUIRE(session);
        const std::string text = report::debrief_text(make_debrief(*mini.analysis, *session), *mini.scenario, l);
        // The list is the text's: every heading line of the text debrief is one of its keys, and back.
        std::set<std::string> text_headings, listed;
        const std::regex heading("\n\n([^ \n][^\n]*):\n");
        for (std::sregex_iterator it(text.begin(), text.end(), heading), end; it != end; ++it)
            text_headings.insert((*it)[1]);
        for (const char* key : text_keys) listed.insert(report::word(key, language));
        CHECK(text_headings == listed);

        report::ExportedAttempt attempt = store::exported_attempt(record, "Anna");
        attempt.uid = "u";
        const auto document = report::make_export_document({attempt}, mini.shelf(), language, 0);
        const auto& names = document.scenarios.at("mini");
        const std::string rescored = report::attempt_html(document.attempts[0], &mini.shelf().at("mini"), &names, language);
        const std::string stored = report::attempt_html(document.attempts[0], nullptr, &names, language);
        for (const std::string* html : {&rescored, &stored}) {
            for (const char* key : text_keys) {
                CAPTURE(key);
                CHECK(html->find("<h2>" + report::html_escape(report::word(key, language)) + "</h2>") != std::string::npos);
            }
            // The summary: score, accuracy, ending; and who, when, how.
            CHECK(html->find(report::score_text(record.overall, language)) != std::string::npos);
            CHECK(html->find(report::html_escape(report::accuracy_text(*record.accuracy, language))) != std::string::npos);
            CHECK(html->find(report::html_escape(names.endings.at("lost"))) != std::string::npos);
            CHECK(html->find("Anna") != std::string::npos);
            CHECK(html->find(report::readable_utc(record.started_ms)) != std::string::npos);
            CHECK(html->find("<script") == std::string::npos);
            CHECK(html->find("src=") == std::string::npos);  // self-contained
        }
        // Re-scored: the same page the debrief renderer makes, plus the facts; the stored one says so.
        CHECK(rescored.find(report::html_escape(report::word("export.as_stored", language))) == std::string::npos);
        CHECK(stored.find(report::html_escape(report::word("export.as_stored", language))) != std::string::npos);
        CHECK(rescored.find(report::html_escape(report::word("debrief.best_line_note", language))) != std::string::npos);
        if (std::string(language) == "nl") {
            for (const std::string* html : {&rescored, &stored}) {
                const std::string visible = visible_text(*html);
                for (const char* id : {"pitch-now", "abandoned-fit", "lost", "open"}) {
                    CAPTURE(id);
                    CHECK_FALSE(has_whole_word(visible, id));
                }
                for (const char* english : kEnglish) {
                    CAPTURE(english);
                    CHECK_FALSE(has_whole_word(visible, english));
                }
            }
        }
    }
}

TEST_CASE("export: a stored attempt whose choices no longer replay is shown as stored, with a note") {
    Mini mini;
    report::ExportedAttempt attempt = store::exported_attempt(played(mini.scenario, *mini.analysis, {"ask", "offer"}, 1, "en"), "Bo");
    attempt.content_hash = "ffffffffffffffff";  // played on another version of the file...
    attempt.decisions[1].choice_id = "removed-since";  // ...which had a choice this one has not
    const std::string html = report::attempt_html(attempt, &mini.shelf().at("mini"), nullptr, "en");
    CHECK(html.find(report::html_escape(report::word("export.as_stored_changed", "en"))) != std::string::npos);
    CHECK(html.find(report::html_escape(report::word("export.unavailable", "en"))) != std::string::npos);
    // Only the file changed, the choices still fit: re-scored against it, and the page says so.
    attempt.decisions[1].choice_id = "offer";
    attempt.scenario_version = "0.9";
    const std::string again = report::attempt_html(attempt, &mini.shelf().at("mini"), nullptr, "en");
    CHECK(again.find(report::html_escape(report::phrase("export.rescored_changed", "en", {mini.scenario->version, "0.9"}))) !=
          std::string::npos);
}

TEST_CASE("catalogue: the export and class report words are Dutch in Dutch") {
    std::size_t checked = 0;
    for (std::string_view key : report::word_keys()) {
        if (key.rfind("export.", 0) != 0 && key.rfind("class.", 0) != 0) continue;
        CAPTURE(key);
        const std::string nl = report::word(key, "nl");
        for (const char* english : kEnglish) {
            CAPTURE(english);
            if (std::string(english) == "Moment" || std::string(english) == "Scenario") continue;  // Dutch words too
            CHECK_FALSE(has_whole_word(nl, english));
        }
        ++checked;
    }
    CHECK(checked > 60);
}
