// Nothing lost between the database and the xAPI outbox: `salesdojo run` is killed with SIGKILL
// right after the attempt is committed (before its statements are appended), or right after the
// append (before the database is told); the next program writes the statements, exactly once
// (docs/xapi.md, "Nothing lost between the database and the outbox").
#include "../bounded_process.hpp"
#include "../gui/temp_env.hpp"
#include "../test_support.hpp"

#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <map>
#include <string>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {

const std::string kMini = source_path("tests/data/valid/mini.json");

ProcessResult cli(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{SALESDOJO_CLI_PATH};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    ProcessLimits limits;
    limits.cpu_seconds = 20;
    limits.wall_seconds = 120;
    limits.address_space = 0;  // sanitizer builds reserve more
    return run_bounded(argv, limits);
}

// How often each statement id occurs in the outbox.
std::map<std::string, int> outbox_ids(const std::filesystem::path& folder) {
    std::map<std::string, int> ids;
    std::ifstream in(folder / "xapi-outbox.jsonl");
    std::string line;
    while (std::getline(in, line)) ++ids[nlohmann::json::parse(line).at("id").get<std::string>()];
    return ids;
}

std::size_t owed(const std::string& database) { return store::ResultsStore::open(database).xapi_owed_attempts().size(); }

}  // namespace

TEST_CASE("xapi crash: run killed between commit and append, the next status, send or run writes the statements once") {
    for (const std::string point : {"xapi-after-commit", "xapi-after-append"}) {
        CAPTURE(point);
        TempDir dir;
        const std::string database = (dir.path() / "results.sqlite").string();
        const std::vector<std::string> run{"run", kMini, "--choices", "ask,offer", "--trainee", "Ann", "--database", database};

        // A normal run first: its statements, once each.
        ProcessResult first = cli(run);
        REQUIRE(first.exit_code == 0);
        const std::map<std::string, int> before = outbox_ids(dir.path());
        REQUIRE(!before.empty());
        CHECK(owed(database) == 0);

        {
            ScopedEnv crash("SALESDOJO_CRASH_AT", point);
            const ProcessResult killed = cli(run);
            REQUIRE(killed.started);
            CHECK(killed.signal == SIGKILL);  // a real kill at that point, no clean-up
            CHECK(killed.err.find("saved as attempt 2") != std::string::npos);
        }
        CHECK(owed(database) == 1);  // committed, and marked as owing its statements
        const std::map<std::string, int> after_kill = outbox_ids(dir.path());
        if (point == std::string("xapi-after-commit")) CHECK(after_kill == before);  // nothing appended
        else CHECK(after_kill.size() == 2 * before.size());                           // appended, not noted

        // The next status writes what is missing, and counts it.
        const ProcessResult status = cli({"xapi", "status", "--json", "--database", database});
        REQUIRE(status.exit_code == 0);
        if (point == std::string("xapi-after-commit"))
            CHECK(status.err.find("wrote the statements of 1 attempt(s)") != std::string::npos);
        const std::map<std::string, int> after = outbox_ids(dir.path());
        CHECK(after.size() == 2 * before.size());  // the second attempt's statements, new ids
        for (const auto& entry : after) {  // (no structured binding: Clang 14's doctest macros cannot capture one)
            CAPTURE(entry.first);
            CHECK(entry.second == 1);  // none twice
        }
        CHECK(nlohmann::json::parse(status.out).at("pending") == after.size());
        CHECK(owed(database) == 0);

        // Nothing more on the next run or status.
        REQUIRE(cli(run).exit_code == 0);
        const std::map<std::string, int> third = outbox_ids(dir.path());
        CHECK(third.size() == 3 * before.size());
        for (const auto& [id, count] : third) CHECK(count == 1);
        const ProcessResult again = cli({"xapi", "status", "--json", "--database", database});
        CHECK(again.err.find("wrote the statements") == std::string::npos);
        CHECK(nlohmann::json::parse(again.out).at("pending") == third.size());
    }
}

TEST_CASE("xapi crash: a run killed before its append is made good by the next run") {
    TempDir dir;
    const std::string database = (dir.path() / "results.sqlite").string();
    const std::vector<std::string> run{"run", kMini, "--choices", "ask,offer", "--trainee", "Ann", "--database", database};
    {
        ScopedEnv crash("SALESDOJO_CRASH_AT", "xapi-after-commit");
        CHECK(cli(run).signal == SIGKILL);
    }
    CHECK(outbox_ids(dir.path()).empty());
    const ProcessResult next = cli(run);
    REQUIRE(next.exit_code == 0);
    CHECK(next.err.find("also wrote the statements of 1 earlier attempt(s)") != std::string::npos);
    const std::map<std::string, int> ids = outbox_ids(dir.path());
    CHECK(ids.size() >= 8);  // two attempts, at least four statements each
    for (const auto& [id, count] : ids) CHECK(count == 1);
    CHECK(owed(database) == 0);
}
