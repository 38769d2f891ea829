// salesdojo_store_bench: figures for the results database (not a test; nothing is asserted).
//
//   salesdojo_store_bench [--attempts 100000] [--trainees 10] [--inserts 200] [--dir DIR]
//
// Fills a fresh database in DIR (default: a temporary folder, removed afterwards) with --attempts
// attempts (5 decisions, 3 dimensions each) spread over --trainees trainees, in large transactions;
// then measures, on that full database:
//   insert   one attempt per transaction, durable (WAL, synchronous=FULL: one fsync per commit)
//   history  what the window does before drawing the history screen: ResultsStore::history_overview
//            (count, the newest page of the list, the newest scored attempts with their dimension
//            scores, first/best/latest per scenario), then the weakest skill, the suggestion and the
//            plot's series; for a trainee with attempts/trainees attempts and for one holding all
//            of them. For comparison, ResultsStore::history (every attempt with its scores, as
//            exports read it).
// Wall times are medians with min and max. The disk's fsync speed dominates the insert figure.
#include <salesdojo/store/progress_summary.hpp>
#include <salesdojo/store/results_store.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <time.h>
#include <unistd.h>

namespace {

using namespace salesdojo;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

store::AttemptRecord attempt_for(std::int64_t trainee, std::uint64_t k) {
    store::AttemptRecord a;
    a.trainee_id = trainee;
    a.scenario_id = "scenario-" + std::to_string(k % 23);
    a.scenario_version = "1.0.0";
    a.content_hash = "0123456789abcdef";
    a.language = "nl";
    a.mode = "practice";
    a.seed = k;
    a.started_ms = 1'700'000'000'000 + static_cast<std::int64_t>(k) * 60'000;
    a.ended_ms = a.started_ms + 300'000;
    a.finished = true;
    a.ending_node = "end";
    a.outcome = "qualified-fit";
    a.weighted_total = 12;
    a.overall = static_cast<double>(k % 101);
    a.accuracy = 80;
    a.passed = true;
    for (int i = 0; i < 5; ++i)
        a.decisions.push_back({"node-" + std::to_string(i), "choice-" + std::to_string(k % 3), "good", 0.5, true, 4.5});
    for (int d = 0; d < 3; ++d) a.dimensions.push_back({"dimension-" + std::to_string(d), 7, 70.0 + d});
    return a;
}

struct Figures {
    double median = 0, min = 0, max = 0;
};

Figures summarise(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back()};
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this process in ms: on a shared, loaded machine the wall time also counts waiting
// for a core; the CPU time is what the work itself costs.
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Bulk filling through SQLite directly, in big transactions (the store's API commits each attempt
// durably, which is what we measure, not how we fill). Same rows as insert_attempt writes.
void fill(const std::string& path, const std::vector<std::int64_t>& trainees, std::uint64_t count, std::int64_t all_in_one) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA synchronous = OFF; BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *attempt = nullptr, *decision = nullptr, *dimension = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO attempts VALUES (NULL, ?1, ?2, '1.0.0', '0123456789abcdef', 'nl', 'practice', ?3, ?4, ?5, 1, "
                           "'end', 'qualified-fit', 12, ?6, 80, 1, 5, 3, lower(hex(randomblob(16))))", -1, &attempt, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO decisions VALUES (?1, ?2, ?3, ?4, 'good', 0.5, 1, 4.5)", -1, &decision, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO dimension_scores VALUES (?5, ?1, ?2, ?3, 7, ?4)", -1, &dimension, nullptr);
    for (std::uint64_t k = 0; k < count; ++k) {
        const std::int64_t trainee = all_in_one ? all_in_one : trainees[k % trainees.size()];
        const auto a = attempt_for(trainee, k);
        sqlite3_bind_int64(attempt, 1, trainee);
        sqlite3_bind_text(attempt, 2, a.scenario_id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(attempt, 3, static_cast<std::int64_t>(k));
        sqlite3_bind_int64(attempt, 4, a.started_ms);
        sqlite3_bind_int64(attempt, 5, a.ended_ms);
        sqlite3_bind_double(attempt, 6, a.overall);
        sqlite3_step(attempt);
        sqlite3_reset(attempt);
        const std::int64_t id = sqlite3_last_insert_rowid(db);
        for (int i = 0; i < 5; ++i) {
            sqlite3_bind_int64(decision, 1, id);
            sqlite3_bind_int(decision, 2, i);
            sqlite3_bind_text(decision, 3, a.decisions[i].node_id.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(decision, 4, a.decisions[i].choice_id.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_step(decision);
            sqlite3_reset(decision);
        }
        for (int d = 0; d < 3; ++d) {
            sqlite3_bind_int64(dimension, 1, id);
            sqlite3_bind_int(dimension, 2, d);
            sqlite3_bind_text(dimension, 3, a.dimensions[d].dimension_id.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_double(dimension, 4, a.dimensions[d].score);
            sqlite3_bind_int64(dimension, 5, trainee);
            sqlite3_step(dimension);
            sqlite3_reset(dimension);
        }
    }
    sqlite3_finalize(attempt);
    sqlite3_finalize(decision);
    sqlite3_finalize(dimension);
    sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

void print(const char* what, const Figures& wall, const Figures& cpu, const char* target) {
    std::printf("  %-50s wall median %7.2f ms (min %.2f, max %.2f); CPU median %7.2f ms   target %s\n", what,
                wall.median, wall.min, wall.max, cpu.median, target);
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t attempts = 100'000;
    int trainee_count = 10, inserts = 200;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--attempts")) attempts = std::strtoull(argv[i + 1], nullptr, 10);
        else if (!std::strcmp(argv[i], "--trainees")) trainee_count = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--inserts")) inserts = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
        else { std::fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
    }
    const bool temporary = dir.empty();
    if (temporary) dir = (fs::temp_directory_path() / ("salesdojo_store_bench_" + std::to_string(::getpid()))).string();
    fs::remove_all(dir);
    fs::create_directories(dir);

    for (const bool one_trainee : {false, true}) {
        const std::string path = (fs::path(dir) / (one_trainee ? "one.sqlite" : "many.sqlite")).string();
        std::vector<std::int64_t> trainees;
        {
            auto db = store::ResultsStore::open(path);
            for (int t = 0; t < (one_trainee ? 1 : trainee_count); ++t) trainees.push_back(db.create_trainee("Trainee " + std::to_string(t)).id);
        }
        auto start = Clock::now();
        fill(path, trainees, attempts, one_trainee ? trainees[0] : 0);
        std::printf("%s: %llu attempts (%s), filled in %.1f s, file %.1f MB\n", path.c_str(),
                    static_cast<unsigned long long>(attempts),
                    one_trainee ? "all of one trainee" : (std::to_string(trainees.size()) + " trainees").c_str(),
                    ms_since(start) / 1000, static_cast<double>(fs::file_size(path)) / 1e6);

        start = Clock::now();
        auto db = store::ResultsStore::open(path);
        std::printf("  open (schema check)                                  %8.2f ms\n", ms_since(start));

        // As the window: a page of 500 list rows, 400 plotted attempts (src/gui/results.hpp).
        std::vector<store::ScenarioOffer> offers;
        for (int k = 0; k < 23; ++k) offers.push_back({"scenario-" + std::to_string(k), {"dimension-" + std::to_string(k % 3)}});
        std::vector<double> times, cpu;
        std::size_t count = 0, points = 0;
        for (int run = 0; run < 9; ++run) {
            start = Clock::now();
            const double cpu_start = cpu_ms();
            const store::HistoryOverview overview = db.history_overview(trainees[0], 500, 400);
            const auto suggestion = store::suggest_next(store::weakest_skill(overview.scored, offers), overview.by_scenario, offers);
            const store::PlotSeries plot = store::plot_series(overview.scored, 400);
            times.push_back(ms_since(start));
            cpu.push_back(cpu_ms() - cpu_start);
            count = overview.attempt_count;
            points = plot.attempts;
            if (!suggestion) std::printf("  (no suggestion)\n");
        }
        std::string label = "open history + plot (" + std::to_string(count) + " attempts, " + std::to_string(points) + " plotted)";
        print(label.c_str(), summarise(times), summarise(cpu), "<= 50 ms");

        times.clear();
        cpu.clear();
        std::size_t rows = 0;
        for (int run = 0; run < 3; ++run) {
            start = Clock::now();
            const double cpu_start = cpu_ms();
            rows = db.history(trainees[0]).size();
            times.push_back(ms_since(start));
            cpu.push_back(cpu_ms() - cpu_start);
        }
        label = "full history(), for exports (" + std::to_string(rows) + " attempts)";
        print(label.c_str(), summarise(times), summarise(cpu), "-");

        if (!one_trainee) {
            times.clear();
            cpu.clear();
            for (int i = 0; i < inserts; ++i) {
                const auto a = attempt_for(trainees[static_cast<std::size_t>(i) % trainees.size()], attempts + static_cast<std::uint64_t>(i));
                start = Clock::now();
                const double cpu_start = cpu_ms();
                db.insert_attempt(a);
                times.push_back(ms_since(start));
                cpu.push_back(cpu_ms() - cpu_start);
            }
            const std::string what = "insert one attempt, durable (" + std::to_string(inserts) + " runs)";
            print(what.c_str(), summarise(times), summarise(cpu), "<= 5 ms");
        }
    }
    if (temporary) fs::remove_all(dir);
    return 0;
}
