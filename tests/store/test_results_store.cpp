// The results database: schema and pragmas, trainees, attempts, history, saved runs, the
// progress.json import, and clear errors for newer, corrupt and read-only files.
#include "../gui/temp_env.hpp"
#include "store_fixtures.hpp"

#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>
#include <string>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {

std::string pragma_text(const std::string& path, const std::string& pragma) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW) value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

std::string open_error(const std::string& path) {
    try {
        store::ResultsStore::open(path);
    } catch (const store::StoreError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("store: a new database gets the latest schema, WAL mode, and opens again unchanged") {
    TempDir dir;
    const std::string path = (dir.path() / "deeper" / "results.sqlite").string();
    {
        store::ResultsStore db = store::ResultsStore::open(path);  // creates the folder too
        CHECK(db.schema_version() == store::latest_schema_version());
        CHECK(db.schema_version() >= 1);
        CHECK(db.integrity_check() == "ok");
        db.create_trainee("Anna");
    }
    CHECK(pragma_text(path, "journal_mode") == "wal");  // WAL is a property of the file
    CHECK(pragma_text(path, "user_version") == std::to_string(store::latest_schema_version()));
    store::ResultsStore again = store::ResultsStore::open(path);
    CHECK(again.trainees().size() == 1);
}

TEST_CASE("store: a database from a newer SalesDojo is refused with a message naming the file") {
    TempDir dir;
    const std::string path = (dir.path() / "results.sqlite").string();
    store::ResultsStore::open(path);
    pragma_text(path, "user_version = 999");
    const std::string error = open_error(path);
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("newer SalesDojo") != std::string::npos);
}

TEST_CASE("store: a corrupt file gives a clear message naming it") {
    TempDir dir;
    const std::string path = (dir.path() / "results.sqlite").string();
    std::ofstream(path, std::ios::binary) << std::string(8192, 'x');
    const std::string error = open_error(path);
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("not a database") != std::string::npos);
}

TEST_CASE("store: a read-only database gives a clear message naming it") {
    TempDir dir;
    const std::string path = (dir.path() / "results.sqlite").string();
    store::ResultsStore::open(path).create_trainee("Anna");
    REQUIRE(::chmod(path.c_str(), 0444) == 0);
    REQUIRE(::chmod(dir.path().c_str(), 0555) == 0);
    // root ignores file modes: then try in a child that has given up root for "nobody".
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(fds[0]);
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(5);
        const std::string error = open_error(path);
        if (::write(fds[1], error.data(), error.size()) < 0) ::_exit(6);
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string error;
    char buffer[512];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) error.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::chmod(dir.path().c_str(), 0755);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("read-only") != std::string::npos);
}

TEST_CASE("store: trainees are created, found ignoring case, renamed and remembered as last picked") {
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    CHECK_FALSE(db.last_trainee());
    const store::Trainee anna = db.create_trainee("  Anna ");
    CHECK(anna.name == "Anna");
    CHECK(db.trainee_named("anna").id == anna.id);
    const store::Trainee bob = db.trainee_named("Bob");
    CHECK(bob.id != anna.id);
    CHECK_THROWS_AS(db.create_trainee("ANNA"), store::StoreError);
    CHECK_THROWS_AS(db.create_trainee("   "), store::StoreError);
    CHECK_THROWS_AS(db.create_trainee(std::string(65, 'a')), store::StoreError);
    CHECK_THROWS_AS(db.rename_trainee(bob.id, "anna"), store::StoreError);
    db.rename_trainee(bob.id, "Bea");
    const auto list = db.trainees();
    REQUIRE(list.size() == 2);
    CHECK(list[0].name == "Anna");
    CHECK(list[1].name == "Bea");
    db.set_last_trainee(bob.id);
    REQUIRE(db.last_trainee());
    CHECK(db.last_trainee()->name == "Bea");
}

TEST_CASE("store: an attempt comes back exactly as inserted, and history lists one trainee newest first") {
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    const auto anna = db.create_trainee("Anna");
    const auto bob = db.create_trainee("Bob");
    std::vector<std::int64_t> ids;
    for (std::uint64_t k = 0; k < 12; ++k) {
        store::AttemptRecord a = synthetic_attempt(k % 3 == 0 ? bob.id : anna.id, k);
        if (k == 4) a.seed = ~std::uint64_t{0};  // the largest seed survives the signed column
        ids.push_back(db.insert_attempt(a));
        const auto back = db.attempt(ids.back());
        REQUIRE(back);
        CHECK(back->id == ids.back());
        check_same_attempt(*back, a);
    }
    CHECK_FALSE(db.attempt(9999));
    CHECK(db.attempt_count() == 12);
    const auto history = db.history(anna.id);
    REQUIRE(history.size() == 8);
    for (std::size_t i = 1; i < history.size(); ++i) CHECK(history[i - 1].ended_ms >= history[i].ended_ms);
    const auto newest = synthetic_attempt(anna.id, 11);
    CHECK(history[0].id == ids[11]);
    CHECK(history[0].scenario_id == newest.scenario_id);
    CHECK(history[0].overall == newest.overall);
    CHECK(history[0].accuracy == newest.accuracy);
    CHECK(history[0].passed == newest.passed);
    REQUIRE(history[0].dimensions.size() == 3);
    CHECK(history[0].dimensions[2].dimension_id == "dim-2");
    CHECK(history[0].dimensions[2].score == newest.dimensions[2].score);
    CHECK(db.history(bob.id).size() == 4);
}

TEST_CASE("store: one saved run per trainee and scenario, finishing stores the attempt and drops the run") {
    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    const auto anna = db.create_trainee("Anna");
    store::SavedRun run;
    run.trainee_id = anna.id;
    run.scenario_id = "mini";
    run.scenario_version = "1.0.0";
    run.language = "nl";
    run.mode = "practice";
    run.seed = 42;
    run.choice_ids = {"ask"};
    run.seconds = {2.5};
    db.save_run(run);
    run.choice_ids.push_back("offer");  // replaced, not added
    run.seconds.push_back(std::nullopt);
    db.save_run(run);
    auto back = db.saved_run(anna.id, "mini");
    REQUIRE(back);
    CHECK(back->choice_ids == std::vector<std::string>{"ask", "offer"});
    REQUIRE(back->seconds.size() == 2);
    CHECK(back->seconds[0] == 2.5);
    CHECK_FALSE(back->seconds[1]);
    CHECK(back->seed == 42);
    CHECK(back->hints.empty());
    CHECK_FALSE(db.saved_run(anna.id, "other"));
    // The hints asked for (the window's practice mode) are kept with it, as asked.
    run.hints = {0, 2};
    db.save_run(run);
    CHECK(db.saved_run(anna.id, "mini")->hints == std::vector<std::size_t>{0, 2});

    store::AttemptRecord done = synthetic_attempt(anna.id, 3);
    done.scenario_id = "mini";
    const auto id = db.finish_run(done);
    CHECK(db.attempt(id));
    CHECK_FALSE(db.saved_run(anna.id, "mini"));
}

TEST_CASE("store: progress.json is imported once, into a trainee, and left in place") {
    TempDir dir;
    const std::string path = (dir.path() / "results.sqlite").string();
    const std::string json = store::progress_json_path_next_to(path);
    CHECK(json == (dir.path() / "progress.json").string());
    store::ResultsStore db = store::ResultsStore::open(path);
    CHECK_FALSE(db.import_progress_json(json, "Anna").imported);  // no file yet: nothing, no marker

    std::ofstream(json) << R"({"format":1,"last_scores":{"mini":72.5,"other":100,"bad":"x"}})";
    const auto first = db.import_progress_json(json, "Anna");
    CHECK(first.imported);
    CHECK(first.scores == 2);
    CHECK(first.trainee == "Anna");
    const auto history = db.history(db.find_trainee("Anna")->id);
    REQUIRE(history.size() == 2);
    for (const auto& h : history) {
        CHECK(h.mode == "imported");
        CHECK_FALSE(h.accuracy);
    }
    CHECK((history[0].scenario_id == "mini" ? history[0] : history[1]).overall == 72.5);
    CHECK(std::ifstream(json).good());  // left in place
    CHECK_FALSE(db.import_progress_json(json, "Anna").imported);  // once
    CHECK(db.attempt_count() == 2);
}

TEST_CASE("store: an unreadable progress.json is reported, not imported and not marked") {
    TempDir dir;
    const std::string path = (dir.path() / "results.sqlite").string();
    const std::string json = store::progress_json_path_next_to(path);
    std::ofstream(json) << R"({"format":2,"something":"new"})";
    store::ResultsStore db = store::ResultsStore::open(path);
    const auto report = db.import_progress_json(json, "Anna");
    CHECK_FALSE(report.imported);
    CHECK(report.warning.find(json) != std::string::npos);
    std::ofstream(json) << R"({"format":1,"last_scores":{"mini":50}})";
    CHECK(db.import_progress_json(json, "Anna").imported);  // a readable file later still comes in
}

TEST_CASE("store: the database path follows SALESDOJO_DATA_HOME, then XDG_DATA_HOME, then HOME") {
    ScopedEnv own("SALESDOJO_DATA_HOME", "/tmp/own");
    CHECK(store::default_database_path() == "/tmp/own/results.sqlite");
    ScopedEnv no_own("SALESDOJO_DATA_HOME", std::nullopt);
    ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xdg");
    CHECK(store::default_database_path() == "/tmp/xdg/salesdojo/results.sqlite");
    ScopedEnv relative("XDG_DATA_HOME", "relative");  // ignored, as the XDG spec says
    ScopedEnv home("HOME", "/tmp/home");
    CHECK(store::default_database_path() == "/tmp/home/.local/share/salesdojo/results.sqlite");
}
