// `salesdojo run` and the results database: every finished run stored, --trainee, --resume,
// --no-store, and a corrupt or read-only database that only costs the saving, not the play.
#include "../cli_run.hpp"
#include "../gui/temp_env.hpp"
#include "../test_support.hpp"

#include <salesdojo/store/attempt.hpp>
#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>

#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

const std::string kMini = source_path("tests/data/valid/mini.json");

}  // namespace

TEST_CASE("store cli: run stores every finished attempt for the named trainee") {
    TempDir dir;
    const std::string db_path = (dir.path() / "r.sqlite").string();
    const std::string common = "run " + quoted(kMini) + " --database " + quoted(db_path);
    const Ran scripted = run_cli(common + " --choices ask,offer --trainee Anna --seed 3");
    CHECK(scripted.exit_code == 0);
    CHECK(scripted.err.find("saved as attempt 1 of trainee 'Anna'") != std::string::npos);
    const Ran interactive = run_cli(common + " --lang en", "1\n2\n");  // the trainee picked last: Anna
    CHECK(interactive.exit_code == 0);
    CHECK(interactive.out.find("Totals:") != std::string::npos);

    store::ResultsStore db = store::ResultsStore::open(db_path);
    REQUIRE(db.trainees().size() == 1);
    const auto history = db.history(db.trainees()[0].id);
    REQUIRE(history.size() == 2);
    const auto first = db.attempt(history[1].id);
    REQUIRE(first);
    CHECK(first->mode == "scripted");
    CHECK(first->seed == 3);
    CHECK(first->content_hash == store::content_hash_of_file(kMini));
    CHECK(first->choice_ids() == std::vector<std::string>{"ask", "offer"});
    CHECK_FALSE(first->decisions[0].seconds);  // scripted: no thinking time
    const auto second = db.attempt(history[0].id);
    REQUIRE(second);
    CHECK(second->mode == "practice");
    CHECK(second->language == "en");
    CHECK(second->choice_ids() == std::vector<std::string>{"ask", "leave"});
    CHECK(second->decisions[0].seconds);
    CHECK(second->started_ms <= second->ended_ms);
}

TEST_CASE("store cli: --resume continues the trainee's saved run, finishing removes it") {
    TempDir dir;
    const std::string db_path = (dir.path() / "r.sqlite").string();
    const std::string common = "run " + quoted(kMini) + " --database " + quoted(db_path) + " --trainee Bo";
    CHECK(run_cli(common + " --lang en", "1\nq\n").exit_code == 0);  // one decision, then quit
    {
        store::ResultsStore db = store::ResultsStore::open(db_path);
        const auto saved = db.saved_run(db.find_trainee("Bo")->id, "mini");
        REQUIRE(saved);
        CHECK(saved->choice_ids == std::vector<std::string>{"ask"});
        CHECK(saved->language == "en");
        CHECK(db.attempt_count() == 0);
    }
    const Ran resumed = run_cli(common + " --resume", "1\n");
    CHECK(resumed.exit_code == 0);
    CHECK(resumed.err.find("resumed after 1 decision") != std::string::npos);
    CHECK(resumed.out.find("Shall I make a proposal?") != std::string::npos);  // in the saved language
    store::ResultsStore db = store::ResultsStore::open(db_path);
    const auto bo = db.find_trainee("Bo")->id;
    CHECK_FALSE(db.saved_run(bo, "mini"));
    const auto history = db.history(bo);
    REQUIRE(history.size() == 1);
    CHECK(db.attempt(history[0].id)->choice_ids() == std::vector<std::string>{"ask", "offer"});

    const Ran nothing = run_cli(common + " --resume --choices ask,offer");
    CHECK(nothing.exit_code == 0);
    CHECK(nothing.err.find("no saved run") != std::string::npos);
}

TEST_CASE("store cli: --no-store writes nothing, without --database the run goes to SALESDOJO_DATA_HOME") {
    TempDir dir;
    const std::string db_path = (dir.path() / "r.sqlite").string();
    CHECK(run_cli("run " + quoted(kMini) + " --choices ask,offer --no-store --database " + quoted(db_path)).exit_code == 0);
    CHECK_FALSE(fs::exists(db_path));
    // The test runner points SALESDOJO_DATA_HOME at a folder of its own (tests/main.cpp).
    const char* data_home = std::getenv("SALESDOJO_DATA_HOME");
    REQUIRE(data_home);
    CHECK(run_cli("run " + quoted(kMini) + " --choices ask,offer").exit_code == 0);
    CHECK(fs::exists(fs::path(data_home) / "results.sqlite"));
}

TEST_CASE("store cli: a corrupt database is named in a message and the run still plays") {
    TempDir dir;
    const std::string db_path = (dir.path() / "r.sqlite").string();
    std::ofstream(db_path, std::ios::binary) << std::string(4096, '\x5a');
    const Ran ran = run_cli("run " + quoted(kMini) + " --choices ask,offer --lang en --database " + quoted(db_path));
    CHECK(ran.exit_code == 0);
    CHECK(ran.out.find("Totals: Qualify +3, Bias +1") != std::string::npos);
    CHECK(ran.err.find("not saved") != std::string::npos);
    CHECK(ran.err.find(db_path) != std::string::npos);
    CHECK(read_text_file(db_path) == std::string(4096, '\x5a'));  // left as it was
}

TEST_CASE("store cli: a read-only database is named in a message and the run still plays") {
    TempDir dir;
    const std::string db_path = (dir.path() / "r.sqlite").string();
    store::ResultsStore::open(db_path).create_trainee("Anna");
    REQUIRE(::chmod(db_path.c_str(), 0444) == 0);
    REQUIRE(::chmod(dir.path().c_str(), 0555) == 0);
    // root ignores file modes: run the CLI as "nobody" then, from copies "nobody" can reach (the
    // checkout may sit in a folder only root may enter, as a fresh mktemp -d is).
    const bool as_nobody = ::geteuid() == 0;
    const std::string prefix = as_nobody ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    TempDir reachable("salesdojo-cli-copies");
    ::chmod(reachable.path().c_str(), 0755);
    std::string program = SALESDOJO_CLI_PATH, scenario = kMini;
    if (as_nobody) {
        program = (reachable.path() / "salesdojo").string();
        scenario = (reachable.path() / "mini.json").string();
        fs::copy_file(SALESDOJO_CLI_PATH, program);
        fs::copy_file(kMini, scenario);
        ::chmod(program.c_str(), 0755);
        ::chmod(scenario.c_str(), 0644);
    }
    const Ran ran = run_cli("run " + (quoted)(scenario) + " --choices ask,offer --lang en --database " + quoted(db_path), "", prefix,
                        program);
    ::chmod(dir.path().c_str(), 0755);
    CHECK(ran.exit_code == 0);
    CHECK(ran.out.find("Totals: Qualify +3, Bias +1") != std::string::npos);
    CHECK(ran.err.find("read-only") != std::string::npos);
    CHECK(ran.err.find(db_path) != std::string::npos);
}
