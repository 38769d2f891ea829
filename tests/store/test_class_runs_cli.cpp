// `salesdojo class list` and `salesdojo class report ID` end to end: classes run and stored by the
// real program in a real SQLite file, listed in both languages and as JSON, their reports written
// again; an unknown id, a missing database, a damaged row and a changed scenario refused.
#include "../cli_run.hpp"
#include "../gui/temp_env.hpp"
#include "../test_support.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/report/classroom_report.hpp>
#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <ctime>
#include <fstream>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

std::string q(const std::string& text) { return "'" + text + "'"; }
std::string q(const fs::path& path) { return q(path.string()); }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kMini = source_path("tests/data/valid/mini.json");

// A whole class of mini.json by hands: 4 hands for "ask", then 3 for "offer" and 2 for "leave".
const char* const kWonClass = "open\nhands 1 4\nreveal\nconfirm\nnext\nopen\nhands 1 3\nhands 2 2\nreveal\nconfirm\nnext\n";
// One decision, then the trainer stops: not finished.
const char* const kStoppedClass = "open\nhands 1 1\nreveal\nconfirm\nquit\n";

Ran run_class(const fs::path& db, const char* commands, const std::string& extra = "") {
    const Ran ran = run_cli("class " + q(kMini) + " --hands-only --no-qr --lang en --database " + q(db) + " " + extra, commands);
    REQUIRE_MESSAGE(ran.exit_code == 0, ran.err);
    REQUIRE(contains(ran.out, "class log stored in"));
    return ran;
}

std::string utc_minutes(std::int64_t unix_ms) {
    const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &parts);
    return buffer;
}

void execute(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(db.string().c_str(), &handle) == SQLITE_OK);
    CHECK(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(handle);
}

}  // namespace

TEST_CASE("class runs cli: stored classes are listed with date, scenario, decisions, ending, group score and votes") {
    TempDir dir;
    ScopedEnv utc("TZ", std::string("UTC"));  // the list shows local times; the CLI inherits this
    const fs::path db = dir.path() / "r.sqlite";
    run_class(db, kWonClass);
    run_class(db, kStoppedClass);

    const auto logs = store::ResultsStore::open(db.string()).class_logs();
    REQUIRE(logs.size() == 2);
    // The group's score as the class report computes it from the stored log.
    LoadResult loaded = load_scenario_file(kMini);
    REQUIRE(loaded.ok());
    const auto analysis = analyse(loaded.scenario).analysis;
    REQUIRE(analysis);
    std::string error;
    const auto won = report::make_classroom_report(*analysis, logs[0], "en", error);
    REQUIRE(won);

    const Ran json = run_cli("class list --json --scenarios " + q(kMini) + " --database " + q(db));
    REQUIRE(json.exit_code == 0);
    const auto runs = nlohmann::json::parse(json.out).at("class_runs");
    REQUIRE(runs.size() == 2);
    CHECK(runs[0]["id"] == 1);
    CHECK(runs[0]["uid"] == logs[0].uid);
    CHECK(runs[0]["started_ms"] == logs[0].started_ms);
    CHECK(runs[0]["title"] == "Mini");
    CHECK(runs[0]["language"] == "en");
    CHECK(runs[0]["decisions"] == 2);
    CHECK(runs[0]["finished"] == true);
    CHECK(runs[0]["ending"] == "Won");
    CHECK(runs[0]["group_score"].get<double>() == doctest::Approx(won->overall));
    CHECK(runs[0]["votes"] == 9);
    CHECK(runs[1]["decisions"] == 1);
    CHECK(runs[1]["finished"] == false);
    CHECK(runs[1]["votes"] == 1);

    const Ran en = run_cli("class list --lang en --scenarios " + q(kMini) + " --database " + q(db));
    REQUIRE(en.exit_code == 0);
    CHECK(contains(en.out, "ID  Date"));
    CHECK(contains(en.out, "Group score"));
    CHECK(contains(en.out, utc_minutes(logs[0].started_ms)));
    CHECK(contains(en.out, "English"));
    CHECK(contains(en.out, "Won"));
    CHECK(contains(en.out, "Not finished"));
    const Ran nl = run_cli("class list --lang nl --scenarios " + q(kMini) + " --database " + q(db));
    REQUIRE(nl.exit_code == 0);
    for (const char* word : {"Nr.", "Datum", "Taal", "Beslissingen", "Afloop", "Groepsscore", "Stemmen", "Engels", "Gewonnen",
                             "Niet afgemaakt"})
        CHECK_MESSAGE(contains(nl.out, word), word);
    CHECK_FALSE(contains(nl.out, "Won"));

    // Without the scenario file (it is not bundled): the id for a title, and no score, said why.
    const Ran bare = run_cli("class list --lang en --scenarios " + q(dir.path()) + " --database " + q(db));
    REQUIRE(bare.exit_code == 0);
    CHECK(contains(bare.out, "mini"));
    CHECK(contains(bare.out, "? = no score"));
}

TEST_CASE("class runs cli: the report of a stored class is the one written at the end of the class") {
    TempDir dir;
    const fs::path db = dir.path() / "r.sqlite";
    run_class(db, kWonClass, "--report-html " + q(dir.path() / "then.html") + " --report-csv " + q(dir.path() / "then.csv"));
    const std::string again = "class report 1 --scenarios " + q(kMini) + " --database " + q(db);
    const Ran ran = run_cli(again + " --html " + q(dir.path() / "now.html") + " --csv " + q(dir.path() / "now.csv"));
    REQUIRE_MESSAGE(ran.exit_code == 0, ran.err);
    CHECK(read_text_file((dir.path() / "now.html").string()) == read_text_file((dir.path() / "then.html").string()));
    CHECK(read_text_file((dir.path() / "now.csv").string()) == read_text_file((dir.path() / "then.csv").string()));
    CHECK(read_text_file((dir.path() / "now-decisions.csv").string()) ==
          read_text_file((dir.path() / "then-decisions.csv").string()));
    CHECK(contains(read_text_file((dir.path() / "now.html").string()), "Class run: Mini"));
    // Another language than the class's.
    REQUIRE(run_cli(again + " --lang nl --html " + q(dir.path() / "nl.html")).exit_code == 0);
    CHECK(contains(read_text_file((dir.path() / "nl.html").string()), "Groepsronde: Mini"));
}

TEST_CASE("class runs cli: an unknown id, a missing database, a damaged row or another scenario file is refused") {
    TempDir dir;
    const fs::path db = dir.path() / "r.sqlite";
    const std::string at = " --scenarios " + q(kMini) + " --database " + q(db);

    const fs::path missing = dir.path() / "none.sqlite";
    const Ran no_db = run_cli("class list --database " + q(missing));
    CHECK(no_db.exit_code == 1);
    CHECK(contains(no_db.err, "no results database at '" + missing.string() + "'"));
    CHECK_FALSE(fs::exists(missing));  // not created by looking
    CHECK(run_cli("class report 1 --html x.html --database " + q(missing)).exit_code == 1);

    store::ResultsStore::open(db.string());
    const Ran empty = run_cli("class list --lang nl" + at);
    CHECK(empty.exit_code == 0);
    CHECK(contains(empty.out, "Er zijn geen groepsrondes opgeslagen in " + db.string()));

    run_class(db, kWonClass);
    run_class(db, kStoppedClass);
    const Ran unknown = run_cli("class report 7 --html " + q(dir.path() / "r.html") + at);
    CHECK(unknown.exit_code == 1);
    CHECK(contains(unknown.err, "has no class run 7"));
    CHECK_FALSE(fs::exists(dir.path() / "r.html"));
    const Ran no_output = run_cli("class report 1" + at);
    CHECK(no_output.exit_code == 2);
    CHECK(contains(no_output.err, "give --html FILE and/or --csv FILE"));
    CHECK(run_cli("class report one --html x.html" + at).exit_code == 2);

    // The scenario file changed since the class: its report would tell another conversation.
    std::string text = read_text_file(kMini);
    text.replace(text.find("She signs."), 10, "She agrees");
    const fs::path changed = dir.path() / "mini.json";
    std::ofstream(changed) << text;
    const Ran other = run_cli("class report 1 --html " + q(dir.path() / "r.html") + " --scenarios " + q(changed) + " --database " + q(db));
    CHECK(other.exit_code == 1);
    CHECK(contains(other.err, "is not the file class run 1 played"));
    const Ran absent = run_cli("class report 1 --html " + q(dir.path() / "r.html") + " --scenarios " + q(dir.path() / "nothing") +
                               " --database " + q(db));
    CHECK(absent.exit_code == 1);
    CHECK(contains(absent.err, "played scenario 'mini'"));

    execute(db, "UPDATE class_runs SET log_json = '{\"class_log_format\": 1}' WHERE id = 1");
    const Ran damaged = run_cli("class list --lang en" + at);
    CHECK(damaged.exit_code == 1);
    CHECK(contains(damaged.err, "class run 1 is damaged"));
    CHECK(contains(damaged.out, "(damaged: cannot be read)"));
    CHECK(contains(damaged.out, "Not finished"));  // the other run is still listed
    const Ran report = run_cli("class report 1 --html " + q(dir.path() / "r.html") + at);
    CHECK(report.exit_code == 1);
    CHECK(contains(report.err, "class run 1 is damaged"));
}

TEST_CASE("class runs cli: a scenario file called list is still a class after --, and class alone is a usage error") {
    TempDir dir;
    fs::copy_file(kMini, dir.path() / "list");
    const Ran ran = run_cli("class --hands-only --no-qr --no-store --lang en -- list", "quit\n", "cd " + q(dir.path()) + " && ");
    CHECK_MESSAGE(ran.exit_code == 0, ran.err);
    CHECK(contains(ran.out, "decision 1 (open): What can you do for us?"));
    const Ran dotted = run_cli("class ./list --hands-only --no-qr --no-store --lang en", "quit\n", "cd " + q(dir.path()) + " && ");
    CHECK(dotted.exit_code == 0);
    CHECK(contains(dotted.out, "decision 1 (open)"));
    const Ran alone = run_cli("class");
    CHECK(alone.exit_code == 2);
    CHECK(contains(alone.err, "`list` to list the stored class runs"));
    CHECK(run_cli("class " + q(kMini) + " list").exit_code == 2);  // a file and a subcommand
}
