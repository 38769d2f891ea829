// The phone voting server on Debian's cpp-httplib. See vote_server.hpp for the API and the rules.
#include <salesdojo/classroom/vote_server.hpp>

#include "vote_page.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <unordered_map>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace salesdojo::classroom {
namespace {

using Clock = std::chrono::steady_clock;

std::string random_hex(std::size_t bytes) {
    std::random_device source;
    std::string out;
    static const char* const digits = "0123456789abcdef";
    for (std::size_t i = 0; i < bytes; ++i) {
        const unsigned value = source() & 0xFF;
        out += digits[value >> 4];
        out += digits[value & 0xF];
    }
    return out;
}

// A token bucket per key: `burst` requests at once, refilled at `rate` per second.
class RateLimiter {
public:
    RateLimiter(double rate, double burst) : m_rate(rate), m_burst(burst) {}

    bool allow(const std::string& key) {
        const auto now = Clock::now();
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_buckets.size() > 20000) m_buckets.clear();  // a flood of keys: forget, never grow without end
        auto [it, inserted] = m_buckets.try_emplace(key, Bucket{m_burst, now});
        Bucket& b = it->second;
        if (!inserted) {
            const double seconds = std::chrono::duration<double>(now - b.last).count();
            b.tokens = std::min(m_burst, b.tokens + seconds * m_rate);
            b.last = now;
        }
        if (b.tokens < 1.0) return false;
        b.tokens -= 1.0;
        return true;
    }

private:
    struct Bucket {
        double tokens;
        Clock::time_point last;
    };
    double m_rate, m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

void json_answer(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json; charset=utf-8");
}

void error_answer(httplib::Response& res, int status, const char* error) { json_answer(res, status, {{"error", error}}); }

std::optional<nlohmann::json> parse_object(const std::string& body) {
    nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j;
}

// A name as typed: trimmed, control characters dropped, at most 40 bytes cut at a character boundary.
std::string clean_name(const std::string& raw) {
    std::string out;
    for (unsigned char c : raw)
        if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    out = out.substr(first, out.find_last_not_of(' ') - first + 1);
    if (out.size() > 40) {
        std::size_t cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out;
}

std::string page_language(const httplib::Request& req) {
    const std::string asked = req.get_param_value("lang");
    if (asked == "nl" || asked == "en") return asked;
    const std::string accept = req.get_header_value("Accept-Language");
    return accept.rfind("nl", 0) == 0 ? "nl" : "en";
}

}  // namespace

std::string new_join_code() {
    std::random_device source;
    std::uniform_int_distribution<int> digit(0, 9);
    std::string code;
    for (int i = 0; i < 6; ++i) code += static_cast<char>('0' + digit(source));
    return code;
}

std::vector<std::string> local_ipv4_addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET || (a->ifa_flags & IFF_LOOPBACK) || !(a->ifa_flags & IFF_UP))
            continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) out.emplace_back(text);
    }
    freeifaddrs(list);
    return out;
}

struct VoteServer::Impl {
    Impl(const VoteServerLimits& limits)
        : devices_rate(limits.device_per_second, limits.device_burst),
          address_rate(limits.address_per_second, limits.address_burst) {}

    httplib::Server server;
    std::thread thread;
    std::atomic<bool> stopped{false};
    std::atomic<int> listening_socket{-1};
    RateLimiter devices_rate, address_rate;
    std::mutex devices_mutex;
    std::unordered_map<std::string, std::string> devices;  // token -> name ("" when anonymous)
    std::atomic<std::size_t> requests{0}, votes{0}, joins{0}, refused_code{0}, refused_rate{0}, refused_device{0};

    std::optional<std::string> device_name(const std::string& token) {
        std::lock_guard<std::mutex> lock(devices_mutex);
        const auto it = devices.find(token);
        if (it == devices.end()) return std::nullopt;
        return it->second;
    }
};

VoteServer::VoteServer(LiveClass& live, VoteServerOptions options) : m_live(live), m_options(std::move(options)) {
    if (m_options.join_code.empty()) m_options.join_code = new_join_code();
}

VoteServer::~VoteServer() { stop(); }

bool VoteServer::start(std::string& error) {
    if (m_impl) {
        error = "a voting server starts once (one per class)";
        return false;
    }
    m_impl = std::make_unique<Impl>(m_options.limits);
    Impl& impl = *m_impl;
    httplib::Server& server = impl.server;
    const VoteServerLimits limits = m_options.limits;
    const std::string prefix = "/" + m_options.join_code;

    const int threads = std::max(1, limits.threads);
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    server.set_payload_max_length(limits.max_body_bytes);
    // One request per connection: idle keep-alive connections of 200 phones would hold every thread.
    server.set_keep_alive_max_count(1);
    const auto seconds = static_cast<time_t>(limits.timeout_seconds);
    const auto micros = static_cast<time_t>((limits.timeout_seconds - static_cast<double>(seconds)) * 1e6);
    server.set_read_timeout(seconds, micros);
    server.set_write_timeout(seconds, micros);
    server.set_default_headers({{"Cache-Control", "no-store"},
                                {"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Frame-Options", "DENY"}});

    // Before any body is read: the join code, then the rate limits.
    server.set_pre_routing_handler([&impl, prefix](const httplib::Request& req, httplib::Response& res) {
        ++impl.requests;
        const bool ours = req.path == prefix || req.path.rfind(prefix + "/", 0) == 0;
        const std::string device = req.get_header_value("X-Device");
        const bool known_device = !device.empty() && impl.device_name(device).has_value();
        const bool allowed = known_device ? impl.devices_rate.allow(device) : impl.address_rate.allow(req.remote_addr);
        if (!allowed) {
            ++impl.refused_rate;
            res.set_header("Retry-After", "1");
            error_answer(res, 429, "too many requests");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!ours) {
            ++impl.refused_code;
            error_answer(res, 404, "not found");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    const bool ask_names = m_live.with([](ClassRun& run) { return run.options().names; });
    auto page = [ask_names](const httplib::Request& req, httplib::Response& res) {
        const std::string nonce = random_hex(16);
        res.set_header("Content-Security-Policy",
                       "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce +
                           "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        res.set_content(detail::vote_page(page_language(req), nonce, ask_names), "text/html; charset=utf-8");
    };
    server.Get(prefix, page);
    server.Get(prefix + "/", page);

    server.Post(prefix + "/join", [&impl, limits, ask_names](const httplib::Request& req, httplib::Response& res) {
        const auto body = parse_object(req.body.empty() ? "{}" : req.body);
        if (!body) return error_answer(res, 400, "the body must be a JSON object");
        std::string name;
        if (ask_names) {
            const auto it = body->find("name");
            if (it != body->end() && it->is_string()) name = clean_name(it->get<std::string>());
            if (name.empty()) return error_answer(res, 400, "the trainer asks for a name");
        }
        std::string token = random_hex(16);
        {
            std::lock_guard<std::mutex> lock(impl.devices_mutex);
            if (impl.devices.size() >= limits.max_devices) return error_answer(res, 503, "the class is full");
            impl.devices.emplace(token, name);
        }
        ++impl.joins;
        json_answer(res, 200, {{"device", token}});
    });

    server.Get(prefix + "/ballot", [&impl, this](const httplib::Request& req, httplib::Response& res) {
        const std::string device = req.get_header_value("X-Device");
        if (device.empty() || !impl.device_name(device)) {
            ++impl.refused_device;
            return error_answer(res, 403, "join first");
        }
        const nlohmann::json ballot = m_live.with([&](ClassRun& run) {
            const AudienceView room = run.audience();
            nlohmann::json options = nlohmann::json::array();
            const Node& node = run.scenario().nodes[static_cast<std::size_t>(room.node)];
            for (std::size_t i = 0; i < room.options.size(); ++i)
                options.push_back({{"number", i + 1},
                                   {"text", node.choices[static_cast<std::size_t>(room.options[i])].text.get(run.options().language)}});
            const auto mine = run.phase() == ClassPhase::Finished ? std::nullopt : run.phone_vote_of(device);
            return nlohmann::json{{"decision", room.decision},
                                  {"open", room.vote_open},
                                  {"finished", room.phase == ClassPhase::Finished},
                                  {"options", std::move(options)},
                                  {"my_vote", mine ? nlohmann::json(*mine) : nlohmann::json(nullptr)}};
        });
        json_answer(res, 200, ballot);
    });

    server.Post(prefix + "/vote", [&impl, this](const httplib::Request& req, httplib::Response& res) {
        const std::string device = req.get_header_value("X-Device");
        const auto name = device.empty() ? std::nullopt : impl.device_name(device);
        if (!name) {
            ++impl.refused_device;
            return error_answer(res, 403, "join first");
        }
        const auto body = parse_object(req.body);
        const auto decision = body ? body->find("decision") : nlohmann::json::const_iterator{};
        const auto option = body ? body->find("option") : nlohmann::json::const_iterator{};
        if (!body || decision == body->end() || option == body->end() || !decision->is_number_unsigned() ||
            !option->is_number_unsigned())
            return error_answer(res, 400, "send {\"decision\": number, \"option\": number}");
        const auto [result, mine] = m_live.with([&](ClassRun& run) {
            const VoteResult r = run.cast_phone_vote(device, decision->get<std::size_t>(), option->get<std::size_t>(), *name);
            return std::make_pair(r, run.phone_vote_of(device));
        });
        int status = 200;
        if (result == VoteResult::Closed || result == VoteResult::StaleDecision) status = 409;
        if (result == VoteResult::UnknownOption) status = 400;
        if (status == 200) ++impl.votes;
        json_answer(res, status, {{"result", vote_result_id(result)}, {"my_vote", mine ? nlohmann::json(*mine) : nlohmann::json(nullptr)}});
    });

    // Debian's compiled cpp-httplib listens with a backlog of 5: twenty phones connecting at once
    // overflow it and wait a second for the SYN to be sent again (seen in the load test). Linux lets
    // listen() be called again to enlarge it, so keep the socket and do that after binding.
    server.set_socket_options([&impl](socket_t sock) {
        httplib::default_socket_options(sock);
        impl.listening_socket = sock;
    });
    if (m_options.port == 0) {
        m_port = server.bind_to_any_port(m_options.address);
    } else {
        m_port = server.bind_to_port(m_options.address, m_options.port) ? m_options.port : -1;
    }
    if (m_port <= 0) {
        error = "cannot listen on " + m_options.address + (m_options.port ? ":" + std::to_string(m_options.port) : "") +
                " (the address is not this machine's, or the port is taken)";
        m_impl.reset();
        m_port = 0;
        return false;
    }
    if (impl.listening_socket >= 0) ::listen(impl.listening_socket, 256);
    impl.thread = std::thread([&server] { server.listen_after_bind(); });
    return true;
}

void VoteServer::stop() {
    if (!m_impl) return;
    m_impl->stopped = true;
    m_impl->server.stop();
    if (m_impl->thread.joinable()) m_impl->thread.join();  // the counters stay for stats()
}

// Bound and not stopped: the socket accepts (the listening thread may still be starting).
bool VoteServer::running() const { return m_impl && !m_impl->stopped; }

std::string VoteServer::url() const {
    return "http://" + m_options.address + ":" + std::to_string(m_port) + "/" + m_options.join_code;
}

VoteServerStats VoteServer::stats() const {
    VoteServerStats s;
    if (!m_impl) return s;
    s.requests = m_impl->requests;
    s.votes = m_impl->votes;
    s.joins = m_impl->joins;
    s.refused_code = m_impl->refused_code;
    s.refused_rate = m_impl->refused_rate;
    s.refused_device = m_impl->refused_device;
    return s;
}

}  // namespace salesdojo::classroom
