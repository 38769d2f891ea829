// A bounded load test (a figure, not a timed assertion): 200 simulated phones on loopback join a
// class, fetch the ballot, vote and (every third) change their vote, 20 at a time. It checks that
// every vote is in the tally, and prints votes per second and the slowest tally update: a vote is
// in the trainer's tally before its answer is sent, so a vote's round trip bounds the time until
// the trainer sees it. Exit 1 when a vote is lost or refused. Usage: salesdojo_classroom_load [PHONES]
#include <salesdojo/analysis.hpp>
#include <salesdojo/classroom/vote_server.hpp>
#include <salesdojo/loader.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace salesdojo;
using namespace salesdojo::classroom;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const int phones = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    const int workers = std::min(phones, 20);
    LoadResult loaded = load_scenario_file(std::string(SALESDOJO_SOURCE_DIR) + "/scenarios/cannot_pay.json");
    if (!loaded.ok()) {
        std::fprintf(stderr, "cannot load scenarios/cannot_pay.json\n");
        return 1;
    }
    LiveClass live(ClassRun(loaded.scenario, nullptr, {}));
    VoteServerOptions options;
    // Every phone comes from 127.0.0.1 here; in a room each has its own address.
    options.limits.address_per_second = 10000;
    options.limits.address_burst = 10000;
    VoteServer server(live, options);
    std::string error;
    if (!server.start(error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    live.with([](ClassRun& run) { run.open_vote(); });
    const std::size_t option_count = live.with([](ClassRun& run) { return run.offered().size(); });
    const std::string prefix = "/" + server.join_code();

    std::mutex mutex;
    std::vector<double> latencies;  // seconds, per vote
    std::vector<std::size_t> expected(option_count, 0);
    std::atomic<int> failures{0}, next_phone{0};
    auto phone_loop = [&] {
        httplib::Client client("127.0.0.1", server.port());
        client.set_connection_timeout(2, 0);
        client.set_read_timeout(2, 0);
        client.set_keep_alive(false);
        for (int phone = next_phone++; phone < phones; phone = next_phone++) {
            auto joined = client.Post(prefix + "/join", "{}", "application/json");
            if (!joined || joined->status != 200) { ++failures; continue; }
            const std::string device = nlohmann::json::parse(joined->body)["device"];
            const httplib::Headers headers = {{"X-Device", device}};
            auto ballot = client.Get(prefix + "/ballot", headers);
            if (!ballot || ballot->status != 200) { ++failures; continue; }
            std::size_t option = static_cast<std::size_t>(phone) % option_count;
            const int votes = phone % 3 == 0 ? 2 : 1;
            for (int v = 0; v < votes; ++v) {
                if (v == 1) option = (option + 1) % option_count;
                const std::string body = nlohmann::json{{"decision", 0}, {"option", option}}.dump();
                const auto sent = Clock::now();
                auto res = client.Post(prefix + "/vote", headers, body, "application/json");
                const double seconds = std::chrono::duration<double>(Clock::now() - sent).count();
                if (!res || res->status != 200) { ++failures; continue; }
                std::lock_guard<std::mutex> lock(mutex);
                latencies.push_back(seconds);
            }
            std::lock_guard<std::mutex> lock(mutex);
            ++expected[option];
        }
    };
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int i = 0; i < workers; ++i) threads.emplace_back(phone_loop);
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    server.stop();

    const Tally tally = live.with([](ClassRun& run) { return run.tally(); });
    std::sort(latencies.begin(), latencies.end());
    const double slowest = latencies.empty() ? 0.0 : latencies.back();
    const double median = latencies.empty() ? 0.0 : latencies[latencies.size() / 2];
    const VoteServerStats stats = server.stats();
    std::printf("classroom load: %d phones, %zu votes (%zu changed) in %.2f s over %d connections at a time\n", phones,
                latencies.size(), latencies.size() - static_cast<std::size_t>(phones), elapsed, workers);
    std::printf("votes per second: %.0f (requests per second, joins and ballots included: %.0f)\n",
                static_cast<double>(latencies.size()) / elapsed, static_cast<double>(stats.requests) / elapsed);
    std::printf("tally update (vote sent -> counted and answered): median %.1f ms, slowest %.1f ms\n", median * 1e3,
                slowest * 1e3);
    bool ok = failures == 0 && tally.phones == expected;
    if (!ok) {
        std::fprintf(stderr, "FAIL: %d request(s) failed; tally", failures.load());
        for (auto n : tally.phones) std::fprintf(stderr, " %zu", n);
        std::fprintf(stderr, " expected");
        for (auto n : expected) std::fprintf(stderr, " %zu", n);
        std::fprintf(stderr, "\n");
        return 1;
    }
    std::printf("every phone's last vote is in the tally\n");
    return 0;
}
