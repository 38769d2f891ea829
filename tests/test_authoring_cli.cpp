// The authoring commands of the real `salesdojo` binary: run --from (playtests, never stored),
// strings export/import/coverage and import-twee: output, files written, exit codes.
#include "gui/temp_env.hpp"
#include "cli_run.hpp"
#include "test_support.hpp"

#include <salesdojo/store/results_store.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <sys/wait.h>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

Ran run(const std::string& arguments, const std::string& input = "") { return run_cli(arguments, input); }

std::string q(const std::string& text) { return "'" + text + "'"; }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kMini = source_path("tests/data/valid/mini.json");

}  // namespace

TEST_CASE("authoring cli: run --from plays from the node with --set and --learn, marked as a playtest") {
    const Ran ran = run("run " + q(kMini) + " --no-store --from pitch --set trust=2 --learn need_known --choices offer --json");
    INFO(ran.err);
    CHECK(ran.exit_code == 0);
    const auto j = nlohmann::json::parse(ran.out);
    CHECK(j["playtest"] == true);
    CHECK(j["playtest_from"] == "pitch");
    CHECK(j["decisions"] == nlohmann::json::array({"offer"}));
    CHECK(j["state"] == "finished");

    const Ran text = run("run " + q(kMini) + " --no-store --from pitch --choices leave --lang en");
    CHECK(text.exit_code == 0);
    CHECK(text.out.rfind("** Playtest from \xE2\x80\x9CThat's right.\xE2\x80\x9D (not stored) **\n", 0) == 0);

    const Ran debrief = run("run " + q(kMini) + " --no-store --from pitch --choices leave --lang en --debrief");
    CHECK(debrief.exit_code == 0);
    CHECK(contains(debrief.out, "Playtest from a chosen point"));
    const Ran json_debrief = run("run " + q(kMini) + " --no-store --from pitch --choices leave --json --debrief");
    CHECK(nlohmann::json::parse(json_debrief.out)["debrief"]["playtest"] == true);
}

TEST_CASE("authoring cli: unknown node, variable or fact, or a bad --set, is a usage error naming it") {
    Ran r = run("run " + q(kMini) + " --no-store --from pich --choices leave");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "salesdojo run: no node 'pich' in this scenario (did you mean 'pitch'?)\n");
    r = run("run " + q(kMini) + " --no-store --from pitch --set trst=2");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "no variable 'trst' in this scenario (did you mean 'trust'?)"));
    r = run("run " + q(kMini) + " --no-store --from pitch --learn need");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "no fact 'need'"));
    r = run("run " + q(kMini) + " --no-store --from pitch --set trust");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--set takes VARIABLE=VALUE, not 'trust'"));
    r = run("run " + q(kMini) + " --no-store --from pitch --set trust=9");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "must lie within 0..3"));
    CHECK(run("run " + q(kMini) + " --no-store --set trust=2").exit_code == 2);  // --set needs --from
    r = run("run " + q(kMini) + " --from pitch --resume");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "a playtest (--from) is never stored"));
}

TEST_CASE("authoring cli: a playtest is never stored, scripted or interactive") {
    TempDir dir;
    const std::string db = (dir.path() / "results.sqlite").string();
    // A playtest on a database that does not exist yet does not even create it.
    Ran r = run("run " + q(kMini) + " --database " + q(db) + " --from pitch --choices leave");
    CHECK(r.exit_code == 0);
    CHECK_FALSE(fs::exists(db));
    CHECK_FALSE(contains(r.err, "saved as attempt"));

    r = run("run " + q(kMini) + " --database " + q(db) + " --trainee Anna --choices ask,offer");
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "saved as attempt 1"));
    r = run("run " + q(kMini) + " --database " + q(db) + " --trainee Anna --from pitch --set trust=3 --learn need_known --choices offer");
    CHECK(r.exit_code == 0);
    CHECK_FALSE(contains(r.err, "saved"));
    r = run("run " + q(kMini) + " --database " + q(db) + " --trainee Anna --from pitch --lang en", "2\n");
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "** Playtest from"));
    r = run("run " + q(kMini) + " --database " + q(db) + " --trainee Anna --from open --lang en", "1\nq\n");  // left unfinished
    CHECK(r.exit_code == 0);

    store::ResultsStore results = store::ResultsStore::open(db);
    REQUIRE(results.trainees().size() == 1);
    const auto anna = results.trainees()[0].id;
    CHECK(results.history(anna).size() == 1);  // the one real run
    CHECK_FALSE(results.saved_run(anna, "mini"));  // the unfinished playtest left no saved run
}

TEST_CASE("authoring cli: strings export, import and coverage") {
    TempDir dir;
    const std::string scenario = (dir.path() / "mini.json").string();
    fs::copy_file(kMini, scenario);
    const std::string table = (dir.path() / "en.csv").string();
    Ran r = run("strings export " + q(scenario) + " --lang en --out " + q(table));
    CHECK(r.exit_code == 0);
    CHECK(read_text_file(table).rfind("key,nl,en,note\ntitle,Mini,Mini,", 0) == 0);
    CHECK(run("strings export " + q(scenario) + " --lang en").out == read_text_file(table));

    // Round trip: nothing changes, not a byte.
    r = run("strings import " + q(scenario) + " " + q(table));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "imported 0 translation(s) into " + scenario + "\n");
    CHECK(read_text_file(scenario) == read_text_file(kMini));

    // A new language: written to --out, the original left alone; coverage shows what is missing.
    const std::string german = (dir.path() / "de.csv").string(), out = (dir.path() / "mini.de.json").string();
    std::ofstream(german) << "key,en,de,note\ntitle,Mini,Mini,\nnode/won/text,She signs.,Sie unterschreibt.,\n";
    r = run("strings import " + q(scenario) + " " + q(german) + " --out " + q(out));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "imported 2 translation(s)"));
    CHECK(contains(r.out, "'de' is not among the scenario's languages yet"));
    CHECK(read_text_file(scenario) == read_text_file(kMini));
    CHECK(contains(read_text_file(out), "\"de\": \"Sie unterschreibt.\""));
    r = run("strings coverage " + q(out));
    CHECK(r.exit_code == 0);  // the declared languages are complete
    CHECK(contains(r.out, "nl: 23/23 texts (100%)\n"));
    CHECK(contains(r.out, "de: 3/23 texts (13%), not declared in \"languages\"\n  missing summary\n"));
    r = run("strings coverage " + q(source_path("tests/data/invalid/SD2004_missing_translation.json")) + " --json");
    CHECK(r.exit_code == 1);  // a declared language misses a text
    const auto coverage = nlohmann::json::parse(r.out);
    CHECK(coverage[1]["language"] == "en");
    CHECK(coverage[1]["missing"] == nlohmann::json::array({"node/pitch/text"}));

    // A bad table: file:line:col, exit 1, the scenario untouched.
    std::ofstream(german) << "key,en,de,note\ntitle,Mini,\"Mini\" x,\nnode/wonn/text,a,b,\n";
    r = run("strings import " + q(scenario) + " " + q(german));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, german + ":2:18: error: text after a closing quote"));
    std::ofstream(german) << "key,en,de,note\nnode/wonn/text,a,b,\n";
    r = run("strings import " + q(scenario) + " " + q(german));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, german + ":2:1: error: unknown key 'node/wonn/text': no such text in the scenario (did you mean 'node/won/text'?)"));
    CHECK(read_text_file(scenario) == read_text_file(kMini));

    CHECK(run("strings").exit_code == 2);
    CHECK(run("strings export " + q(scenario)).exit_code == 2);  // --lang is required
    CHECK(run("strings export " + q(scenario) + " --lang EN").exit_code == 2);
    CHECK(run("strings --help").exit_code == 0);
    CHECK(run("strings import " + q(scenario) + " " + q((dir.path() / "none.csv").string())).exit_code == 1);
}

TEST_CASE("authoring cli: import-twee writes a skeleton that loads and lists the todos") {
    TempDir dir;
    const std::string out = (dir.path() / "links.json").string();
    Ran r = run("import-twee " + q(source_path("tests/data/twee/link_forms.twee")) + " --out " + q(out));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "link_forms.twee:31:1: todo: 'Orphan' cannot be reached from the start"));
    CHECK(contains(r.err, "6 passage(s) -> 8 choice(s), 3 ending(s) in " + out));
    CHECK(run("lint " + q(out)).exit_code == 0);
    r = run("run " + q(out) + " --no-store --choices ask_about_the_budget --json");
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["state"] == "finished");
    // To the terminal without --out; errors exit 1; bad usage exits 2.
    r = run("import-twee " + q(source_path("tests/data/twee/spec_examples.twee")));
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["id"] == "an_overgrown_path");
    const std::string empty = (dir.path() / "empty.twee").string();
    std::ofstream(empty) << "nothing\n";
    CHECK(run("import-twee " + q(empty)).exit_code == 1);
    CHECK(run("import-twee " + q((dir.path() / "missing.twee").string())).exit_code == 1);
    CHECK(run("import-twee").exit_code == 2);
    CHECK(run("import-twee " + q(empty) + " --lang EN").exit_code == 2);
    CHECK(run("import-twee --help").exit_code == 0);
}
