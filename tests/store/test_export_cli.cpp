// `salesdojo export` and `salesdojo report` end to end: a real database filled by `run`, files
// written atomically, the class report from several trainees' exports, usage and bad files.
#include "../gui/temp_env.hpp"
#include "../cli_run.hpp"
#include "../test_support.hpp"

#include <salesdojo/report/catalogue.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>

#include <sys/wait.h>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

Ran cli(const std::string& arguments) { return run_cli(arguments); }

std::string q(const std::string& text) { return "'" + text + "'"; }
std::string q(const fs::path& path) { return q(path.string()); }

const std::string kMini = source_path("tests/data/valid/mini.json");
const std::string kValid = source_path("tests/data/valid");

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Two trainees' attempts at mini.json in one database.
void fill(const fs::path& db) {
    const std::string run = "run " + q(kMini) + " --database " + q(db);
    REQUIRE(cli(run + " --trainee Anna --choices ask,offer").exit_code == 0);
    REQUIRE(cli(run + " --trainee Anna --choices pitch-now").exit_code == 0);
    REQUIRE(cli(run + " --trainee Bob --choices ask,leave").exit_code == 0);
}

}  // namespace

TEST_CASE("export cli: --help documents the options and exit codes, bad usage exits 2") {
    const Ran help = cli("export --help");
    CHECK(help.exit_code == 0);
    for (const char* option : {"--trainee", "--scenario", "--format", "--out", "--database", "--lang", "Exit codes"})
        CHECK(contains(help.out, option));
    const Ran report_help = cli("report --help");
    CHECK(report_help.exit_code == 0);
    CHECK(contains(report_help.out, "Exit codes"));
    CHECK(cli("export --format xml").exit_code == 2);
    CHECK(cli("export --lang de").exit_code == 2);
    CHECK(cli("report").exit_code == 2);  // needs files
}

TEST_CASE("export cli: a missing database, trainee or attempts is a problem (exit 1) naming what is missing") {
    TempDir dir;
    const Ran none = cli("export --database " + q(dir.path() / "absent.sqlite"));
    CHECK(none.exit_code == 1);
    CHECK(contains(none.err, "absent.sqlite"));
    CHECK_FALSE(fs::exists(dir.path() / "absent.sqlite"));  // export never creates a database
    fill(dir.path() / "r.sqlite");
    const Ran nobody = cli("export --database " + q(dir.path() / "r.sqlite") + " --trainee Carla");
    CHECK(nobody.exit_code == 1);
    CHECK(contains(nobody.err, "Carla"));
    CHECK(contains(nobody.err, "Anna, Bob"));
    const Ran no_match = cli("export --database " + q(dir.path() / "r.sqlite") + " --scenario other");
    CHECK(no_match.exit_code == 1);
}

TEST_CASE("export cli: JSON per trainee, merged by report into a class report (HTML and CSV)") {
    TempDir dir;
    const fs::path db = dir.path() / "r.sqlite";
    fill(db);
    const std::string common = " --database " + q(db) + " --scenarios " + q(kValid) + " --lang nl";
    REQUIRE(cli("export --trainee Anna --out " + q(dir.path() / "anna.json") + common).exit_code == 0);
    REQUIRE(cli("export --trainee bob --out " + q(dir.path() / "bob.json") + common).exit_code == 0);
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);  // renamed into place

    const auto anna = nlohmann::json::parse(read_text_file((dir.path() / "anna.json").string()));
    CHECK(anna["format"] == "salesdojo-attempts");
    REQUIRE(anna["attempts"].size() == 2);
    CHECK(anna["attempts"][0]["trainee"] == "Anna");
    CHECK(anna["attempts"][0]["mode"] == "scripted");
    CHECK(anna["attempts"][0]["decisions"][0]["choice"] == "ask");
    CHECK(anna["scenarios"]["mini"]["title"] == "Mini");

    // Anna's file given twice: her attempts count once.
    const std::string files = q(dir.path() / "anna.json") + " " + q(dir.path() / "bob.json") + " " + q(dir.path() / "anna.json");
    const Ran html = cli("report " + files + " --lang nl");
    CHECK(html.exit_code == 0);
    CHECK(contains(html.out, "<h1>" + std::string(report::word("class.heading", "nl")) + "</h1>"));
    CHECK(contains(html.out, report::phrase("class.summary", "nl", {"3", "2", "3"})));
    CHECK(contains(html.out, report::phrase("class.chose_best", "nl", {"2", "3", "67%"})));
    CHECK(contains(html.err, "2 duplicate attempt(s) counted once"));

    const Ran csv = cli("report " + files + " --format csv --out " + q(dir.path() / "class.csv") + " --lang en");
    CHECK(csv.exit_code == 0);
    const std::string scenarios = read_text_file((dir.path() / "class.csv").string());
    const std::string decisions = read_text_file((dir.path() / "class-decisions.csv").string());
    CHECK(scenarios.rfind(std::string(report::word("export.column.scenario", "en")) + ",", 0) == 0);
    CHECK(contains(scenarios, "\r\nMini,mini,3,2,"));
    CHECK(contains(decisions, "\r\nMini,mini,open,"));
}

TEST_CASE("export cli: CSV to two files, HTML one page per attempt into a folder") {
    TempDir dir;
    const fs::path db = dir.path() / "r.sqlite";
    fill(db);
    const std::string common = " --database " + q(db) + " --scenarios " + q(kValid) + " --lang en";
    REQUIRE(cli("export --format csv --out " + q(dir.path() / "all.csv") + common).exit_code == 0);
    const std::string attempts = read_text_file((dir.path() / "all.csv").string());
    const std::string decisions = read_text_file((dir.path() / "all-decisions.csv").string());
    std::size_t rows = 0;
    for (std::size_t at = attempts.find("\r\n"); at != std::string::npos; at = attempts.find("\r\n", at + 2)) ++rows;
    CHECK(rows == 4);  // header + 3 attempts
    CHECK(contains(decisions, ",Anna,"));
    CHECK(contains(decisions, "With fixed choices"));

    const Ran several = cli("export --format html" + common);  // several attempts, no folder
    CHECK(several.exit_code == 2);
    CHECK(contains(several.err, "--out"));
    const Ran pages = cli("export --format html --out " + q(dir.path() / "pages") + common);
    CHECK(pages.exit_code == 0);
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(dir.path() / "pages")) {
        ++count;
        const std::string page = read_text_file(entry.path().string());
        CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(contains(page, report::word("debrief.best_line", "en")));
    }
    CHECK(count == 3);
    const Ran one = cli("export --format html --trainee Bob" + common);
    CHECK(one.exit_code == 0);
    CHECK(contains(one.out, "<td>Bob</td>"));
}

TEST_CASE("report cli: a bad file is named with line:col, nothing is written, exit 1") {
    TempDir dir;
    const fs::path bad = dir.path() / "broken.json";
    std::ofstream(bad) << "{\n  \"format\": \"salesdojo-attempts\",\n  \"format_version\": 1,,\n}";
    const fs::path out = dir.path() / "class.html";
    const Ran ran = cli("report " + q(bad) + " --out " + q(out));
    CHECK(ran.exit_code == 1);
    CHECK(contains(ran.err, bad.string() + ":3:"));
    CHECK_FALSE(fs::exists(out));
    const Ran missing = cli("report " + q(dir.path() / "nowhere.json"));
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, "nowhere.json"));
}
