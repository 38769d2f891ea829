// Durability: a writer process is killed with SIGKILL at random moments, again and again; every
// attempt it reported as committed must be there, complete, and the database must stay sound.
#include "../gui/temp_env.hpp"
#include "store_fixtures.hpp"

#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <thread>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {

struct Report {
    std::int64_t id;
    std::uint64_t k;
};

// The child: opens the database (migrating it on the first run), writes {0, 0} ("open"), then
// inserts attempts forever, writing {id, k} to the pipe after each commit returned. Never returns.
[[noreturn]] void writer(const std::string& path, int out, std::uint64_t first_k) {
    try {
        store::ResultsStore db = store::ResultsStore::open(path);
        const std::int64_t trainee = db.trainee_named("Writer").id;
        const Report opened{0, 0};
        if (::write(out, &opened, sizeof opened) != static_cast<ssize_t>(sizeof opened)) ::_exit(4);
        for (std::uint64_t k = first_k;; ++k) {
            const Report report{db.insert_attempt(synthetic_attempt(trainee, k)), k};
            if (::write(out, &report, sizeof report) != static_cast<ssize_t>(sizeof report)) ::_exit(4);
        }
    } catch (...) {
        ::_exit(3);
    }
}

}  // namespace

TEST_CASE("store: attempts reported as saved survive SIGKILL at 200+ random moments") {
    constexpr int kKills = 220;
    TempDir dir("salesdojo-kill");
    const std::string path = (dir.path() / "results.sqlite").string();
    std::mt19937_64 random(20261206);
    // Even rounds count the delay from the fork (kills while opening, migrating or in the first
    // inserts); odd rounds from the writer's first saved attempt (kills among the inserts, however
    // slow the machine's disk).
    std::uniform_int_distribution<int> delay_us(0, 40'000);
    std::map<std::int64_t, std::uint64_t> saved;             // attempt id -> k it was made from
    int killed_mid_run = 0;

    for (int round = 0; round < kKills; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            writer(path, fds[1], static_cast<std::uint64_t>(round) * 1'000'000);
        }
        ::close(fds[1]);
        Report report{};
        ssize_t n = 0;
        if (round % 2 == 1) {
            for (int i = 0; i < 2; ++i) {  // waits for "open" and the first attempt
                REQUIRE(::read(fds[0], &report, sizeof report) == static_cast<ssize_t>(sizeof report));
                if (report.id != 0) saved[report.id] = report.k;
            }
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        ::kill(child, SIGKILL);
        while ((n = ::read(fds[0], &report, sizeof report)) == static_cast<ssize_t>(sizeof report)) {
            if (report.id == 0) continue;        // "open"
            CHECK(saved.count(report.id) == 0);  // an id is never handed out twice
            saved[report.id] = report.k;
        }
        CHECK(n == 0);  // no torn report: pipe writes of this size are atomic
        ::close(fds[0]);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        // Killed, not failed: a writer that gave up (exit 3/4) would hide lost attempts.
        REQUIRE_MESSAGE(WIFSIGNALED(status), "writer exited with " << WEXITSTATUS(status));
        if (WTERMSIG(status) == SIGKILL) ++killed_mid_run;
    }
    CHECK(killed_mid_run == kKills);
    MESSAGE(saved.size() << " attempts reported as saved over " << kKills << " kills");
    CHECK(saved.size() >= static_cast<std::size_t>(kKills) / 2);  // at least one per odd round

    store::ResultsStore db = store::ResultsStore::open(path);
    CHECK(db.integrity_check() == "ok");
    const std::int64_t trainee = db.trainee_named("Writer").id;
    CHECK(db.trainees().size() == 1);
    CHECK(db.attempt_count() >= saved.size());  // more may have committed just before the kill
    std::size_t missing = 0;
    for (const auto& [id, k] : saved) {
        const auto stored = db.attempt(id);
        if (!stored) {
            ++missing;
            continue;
        }
        check_same_attempt(*stored, synthetic_attempt(trainee, k));
    }
    CHECK(missing == 0);
}
