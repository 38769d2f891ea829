#pragma once
// The phone voting server (docs/classroom.md): while a class runs, it serves a small self-contained
// voting page and a tiny JSON API on the address and port the trainer sees, using Debian's
// cpp-httplib. Every path starts with the class's join code (http://ADDRESS:PORT/CODE); anything
// else is 404. It refuses bodies over a small limit (413) and more than a few requests per second
// from one device or, before a device has joined, from one address (429). What it receives only
// ever becomes a vote in the ClassRun (and so the class log): nothing is executed, stored or
// logged anywhere else. Phones never receive the tally, the feedback or any trainer material.
//
//   GET  /CODE          the voting page (Dutch or English, from Accept-Language or ?lang=nl|en)
//   POST /CODE/join     {"name": "..."} (only when the trainer asked for names) -> {"device": token}
//   GET  /CODE/ballot   header X-Device -> {"decision", "open", "options": [{"number","text"}], "my_vote", ...}
//   POST /CODE/vote     header X-Device, {"decision": n, "option": k} -> {"result", "my_vote"}
#include <salesdojo/classroom/class_run.hpp>

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace salesdojo::classroom {

// The class run shared by the trainer's thread and the server's threads: every access locks.
class LiveClass {
public:
    explicit LiveClass(ClassRun run) : m_run(std::move(run)) {}
    template <typename Function>
    auto with(Function&& function) {
        std::lock_guard<std::mutex> lock(m_mutex);
        return function(m_run);
    }

private:
    std::mutex m_mutex;
    ClassRun m_run;
};

struct VoteServerLimits {
    std::size_t max_body_bytes = 512;
    double device_per_second = 3.0;   // sustained requests per second of one joined device
    double device_burst = 6.0;        // requests a device may make at once
    double address_per_second = 5.0;  // requests per second from one address without a device
    double address_burst = 20.0;
    std::size_t max_devices = 1000;   // joins accepted per class
    int threads = 16;
    double timeout_seconds = 2.0;     // read and write timeouts: a slow client cannot hold a thread
};

struct VoteServerOptions {
    std::string address = "127.0.0.1";  // the interface the trainer picked (local_ipv4_addresses())
    int port = 0;                       // 0: any free port
    std::string join_code;              // "" = a new random one (new_join_code())
    VoteServerLimits limits;
};

struct VoteServerStats {
    std::size_t requests = 0, votes = 0, joins = 0;
    std::size_t refused_code = 0;   // 404: no or a wrong join code
    std::size_t refused_rate = 0;   // 429
    std::size_t refused_device = 0; // 403: unknown device token
};

// Six digits from the system's random source (easy to type on a phone; rate limits stop guessing).
std::string new_join_code();
// The machine's IPv4 addresses other than loopback, for the trainer to pick the room's network.
std::vector<std::string> local_ipv4_addresses();

class VoteServer {
public:
    VoteServer(LiveClass& live, VoteServerOptions options);
    ~VoteServer();  // stops
    VoteServer(const VoteServer&) = delete;
    VoteServer& operator=(const VoteServer&) = delete;

    // Binds and starts answering on its own thread; false with `error` when the address or port
    // cannot be used.
    bool start(std::string& error);
    void stop();  // the class ended: nothing answers any more
    bool running() const;

    const std::string& join_code() const { return m_options.join_code; }
    int port() const { return m_port; }
    std::string url() const;  // http://ADDRESS:PORT/CODE, what the QR code holds
    VoteServerStats stats() const;

private:
    struct Impl;
    LiveClass& m_live;
    VoteServerOptions m_options;
    int m_port = 0;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace salesdojo::classroom
