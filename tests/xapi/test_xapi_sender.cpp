// Sending against a small fake LRS on 127.0.0.1 (cpp-httplib's server, in this process): the LRS
// down, slow (timeouts), answering 500, 401, or 400 for some statements. Nothing is lost, nothing
// acknowledged is sent again, a rejected statement does not block the rest. Bounded: the server
// answers at most kMaxRequests requests (then 503), every wait is a short timeout.
#include "xapi_test_support.hpp"

#include <salesdojo/xapi/sender.hpp>

#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace salesdojo;
using nlohmann::json;
using salesdojo::test::numbered_statements;
using salesdojo::test::TempFolder;

namespace {

constexpr int kMaxRequests = 1000;

// What the fake LRS does with the next requests.
struct Behaviour {
    int fail_status = 0;            // answer this to every request (0 = behave)
    int slow_ms = 0;                // sleep this long before answering
    std::set<std::string> poison;   // a batch holding one of these ids gets 400
};

class FakeLrs {
public:
    FakeLrs() {
        m_server.Post("/xapi/statements", [this](const httplib::Request& request, httplib::Response& response) {
            Behaviour behaviour;
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                behaviour = m_behaviour;
                ++m_requests;
                m_headers_ok = m_headers_ok && request.get_header_value("X-Experience-API-Version") == "1.0.3" &&
                               request.get_header_value("Authorization") == "Basic dXNlcjpwYXNz";  // user:pass
                if (m_requests > kMaxRequests) {
                    response.status = 503;
                    return;
                }
            }
            if (behaviour.slow_ms) std::this_thread::sleep_for(std::chrono::milliseconds(behaviour.slow_ms));
            if (behaviour.fail_status) {
                response.status = behaviour.fail_status;
                response.set_content(R"({"message":"the fake LRS is failing on purpose"})", "application/json");
                return;
            }
            const json batch = json::parse(request.body, nullptr, false);
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!batch.is_array()) {
                response.status = 400;
                return;
            }
            for (const auto& s : batch)
                if (behaviour.poison.count(s["id"].get<std::string>())) {
                    response.status = 400;
                    response.set_content(json{{"message", "statement " + s["id"].get<std::string>() + " is poison"}}.dump(),
                                         "application/json");
                    return;
                }
            json ids = json::array();
            for (const auto& s : batch) {
                ids.push_back(s["id"]);
                if (behaviour.slow_ms == 0) ++m_acknowledged[s["id"].get<std::string>()];
            }
            response.set_content(ids.dump(), "application/json");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        // stop() only stops a running server: wait (5 s at most) until it runs.
        for (int i = 0; i < 5000 && !m_server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        REQUIRE(m_server.is_running());
    }
    ~FakeLrs() {
        m_server.stop();
        m_thread.join();
    }
    void behave(Behaviour behaviour) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_behaviour = std::move(behaviour);
    }
    std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/xapi"; }
    int requests() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_requests;
    }
    // Statement id -> how many times it was in a batch answered 200 (fast answers only).
    std::map<std::string, int> acknowledged() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_acknowledged;
    }
    bool headers_ok() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_headers_ok;
    }

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    Behaviour m_behaviour;
    int m_requests = 0;
    bool m_headers_ok = true;
    std::map<std::string, int> m_acknowledged;
};

xapi::XapiConfig config_for(const std::string& endpoint, double timeout = 2.0) {
    xapi::XapiConfig config;
    config.endpoint = endpoint;
    config.username = "user";
    config.password = "pass";
    config.timeout_seconds = timeout;
    return config;
}

xapi::SendReport send(const xapi::Outbox& outbox, const xapi::XapiConfig& config, std::size_t batch) {
    auto transport = xapi::make_http_transport(config);
    return xapi::send_pending(outbox, *transport, batch);
}

}  // namespace

TEST_CASE("sender: everything pending goes in batches, once, with Basic auth and the xAPI version header") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    outbox.append(numbered_statements(1, 23));
    FakeLrs lrs;
    const auto report = send(outbox, config_for(lrs.endpoint()), 10);
    CHECK(report.end == xapi::SendEnd::Done);
    CHECK(report.sent == 23);
    CHECK(report.pending == 0);
    CHECK(report.requests == 3);
    CHECK(lrs.headers_ok());
    const auto second = send(outbox, config_for(lrs.endpoint()), 10);
    CHECK(second.sent == 0);
    CHECK(second.requests == 0);
    const auto acknowledged = lrs.acknowledged();
    CHECK(acknowledged.size() == 23);
    for (const auto& [id, times] : acknowledged) CHECK(times == 1);
}

TEST_CASE("sender: the LRS down loses nothing and the next send delivers") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    outbox.append(numbered_statements(1, 5));
    std::string endpoint;
    {
        FakeLrs gone;  // a port that was just free: nothing listens on it after this block
        endpoint = gone.endpoint();
    }
    const auto down = send(outbox, config_for(endpoint, 1.0), 50);
    CHECK(down.end == xapi::SendEnd::Stopped);
    CHECK(down.sent == 0);
    CHECK(down.pending == 5);
    CHECK(down.stop_reason.find("no answer") != std::string::npos);
    CHECK(xapi::Outbox::count(outbox.read()).pending == 5);
    FakeLrs lrs;
    const auto up = send(outbox, config_for(lrs.endpoint()), 50);
    CHECK(up.sent == 5);
    CHECK(xapi::Outbox::count(outbox.read()).sent == 5);
}

TEST_CASE("sender: a slow LRS times out and loses nothing, and 500 or 401 stop the send and lose nothing") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    outbox.append(numbered_statements(1, 8));
    FakeLrs lrs;

    lrs.behave({0, 1500, {}});
    const auto started = std::chrono::steady_clock::now();
    const auto slow = send(outbox, config_for(lrs.endpoint(), 0.3), 4);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(slow.end == xapi::SendEnd::Stopped);
    CHECK(slow.requests == 1);  // stops at the first unanswered request
    CHECK(slow.pending == 8);
    CHECK(seconds < 1.4);       // gave up at the timeout, not after the server's 1.5 s
    CHECK(xapi::Outbox::count(outbox.read()).pending == 8);

    lrs.behave({500, 0, {}});
    const auto failing = send(outbox, config_for(lrs.endpoint()), 4);
    CHECK(failing.end == xapi::SendEnd::Stopped);
    CHECK(failing.requests == 1);
    CHECK(failing.stop_reason == "HTTP 500: the fake LRS is failing on purpose");
    CHECK(xapi::Outbox::count(outbox.read()).pending == 8);

    lrs.behave({401, 0, {}});
    CHECK(send(outbox, config_for(lrs.endpoint()), 4).end == xapi::SendEnd::Stopped);
    CHECK(xapi::Outbox::count(outbox.read()).pending == 8);

    lrs.behave({});
    const auto fine = send(outbox, config_for(lrs.endpoint()), 4);
    CHECK(fine.end == xapi::SendEnd::Done);
    CHECK(fine.sent == 8);
    // The slow server never answered in time, so each statement was acknowledged to us once.
    for (const auto& [id, times] : lrs.acknowledged()) CHECK(times == 1);
    CHECK(lrs.acknowledged().size() == 8);
}

TEST_CASE("sender: 400 for some statements rejects only those with the LRS message and the rest is sent") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    const auto statements = numbered_statements(1, 37);
    outbox.append(statements);
    FakeLrs lrs;
    const std::string bad1 = statements[3]["id"], bad2 = statements[30]["id"];
    lrs.behave({0, 0, {bad1, bad2}});
    const auto report = send(outbox, config_for(lrs.endpoint()), 10);
    CHECK(report.end == xapi::SendEnd::Done);
    CHECK(report.sent == 35);
    CHECK(report.rejected == 2);
    CHECK(report.pending == 0);
    CHECK(report.requests < 30);  // halving: a few requests per bad statement, not one per statement
    const auto contents = outbox.read();
    CHECK(contents.acks.at(bad1).state == xapi::AckState::Rejected);
    CHECK(contents.acks.at(bad1).status == 400);
    CHECK(contents.acks.at(bad1).message == "HTTP 400: statement " + bad1 + " is poison");
    const auto acknowledged = lrs.acknowledged();
    CHECK(acknowledged.size() == 35);
    CHECK(acknowledged.count(bad1) == 0);
    for (const auto& [id, times] : acknowledged) CHECK(times == 1);
    // A rejected statement is not tried again.
    const int before = lrs.requests();
    CHECK(send(outbox, config_for(lrs.endpoint()), 10).requests == 0);
    CHECK(lrs.requests() == before);
}

TEST_CASE("sender: a second sender at the same time gets Busy and sends nothing") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    outbox.append(numbered_statements(1, 2));
    FakeLrs lrs;
    xapi::OutboxLock held(outbox, xapi::OutboxLock::Wait::Block);
    REQUIRE(held.held());
    // flock() locks belong to the open file description: a second open in this process conflicts too.
    const auto report = send(outbox, config_for(lrs.endpoint()), 10);
    CHECK(report.end == xapi::SendEnd::Busy);
    CHECK(report.pending == 2);
    CHECK(lrs.requests() == 0);
}

TEST_CASE("sender: figures for 5000 statements in batches of 50 to the fake LRS") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    outbox.append(numbered_statements(1, 5000));
    FakeLrs lrs;
    const auto report = send(outbox, config_for(lrs.endpoint()), 50);
    CHECK(report.sent == 5000);
    CHECK(report.requests == 100);
    CHECK(lrs.acknowledged().size() == 5000);
    MESSAGE("5000 statements in " << report.seconds << " s: " << 5000 / report.seconds
            << " statements/s (one fsync of the acknowledgements per batch)");
}
