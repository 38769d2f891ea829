// The phone voting server with real HTTP clients on 127.0.0.1 (bounded: a few dozen requests, 2 s
// timeouts, every server stops at the end of its test).
#include "class_fixture.hpp"

#include <salesdojo/classroom/vote_server.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <regex>

using namespace salesdojo;
using namespace salesdojo::classroom;
using namespace salesdojo::test;

namespace {

struct Room {
    explicit Room(VoteServerLimits limits = {}, bool names = false)
        : live(ClassRun(fixture.scenario, fixture.analysis, options(names))), server(live, {"127.0.0.1", 0, "", limits}) {
        std::string error;
        REQUIRE_MESSAGE(server.start(error), error);
    }
    static ClassRunOptions options(bool names) {
        ClassRunOptions o;
        o.names = names;
        return o;
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server.port());
        c.set_connection_timeout(2, 0);
        c.set_read_timeout(2, 0);
        return c;
    }
    std::string path(const std::string& rest = "") const { return "/" + server.join_code() + rest; }
    std::string join(const std::string& name = "") {
        auto c = client();
        nlohmann::json body = nlohmann::json::object();
        if (!name.empty()) body["name"] = name;
        auto res = c.Post(path("/join"), body.dump(), "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return nlohmann::json::parse(res->body).at("device").get<std::string>();
    }
    httplib::Result vote(const std::string& device, std::size_t decision, std::size_t option) {
        auto c = client();
        return c.Post(path("/vote"), {{"X-Device", device}}, nlohmann::json{{"decision", decision}, {"option", option}}.dump(),
                      "application/json");
    }
    nlohmann::json ballot(const std::string& device) {
        auto c = client();
        auto res = c.Get(path("/ballot"), {{"X-Device", device}});
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return nlohmann::json::parse(res->body);
    }

    ClassFixture fixture;
    LiveClass live;
    VoteServer server;
};

}  // namespace

TEST_CASE("the page is served only under the join code, self-contained, with a nonce policy") {
    Room room;
    CHECK(room.server.join_code().size() == 6);
    CHECK(room.server.url() == "http://127.0.0.1:" + std::to_string(room.server.port()) + "/" + room.server.join_code());
    auto c = room.client();
    auto page = c.Get(room.path(), {{"Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5"}});
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
    CHECK(page->body.find("<html lang=\"nl\">") != std::string::npos);
    CHECK(page->body.find("Wacht tot de trainer de stemming opent.") != std::string::npos);
    // Nothing from elsewhere: no external script, style, font or image.
    CHECK(page->body.find("http://") == std::string::npos);
    CHECK(page->body.find("https://") == std::string::npos);
    CHECK(page->body.find("src=") == std::string::npos);
    CHECK(page->body.find("@import") == std::string::npos);
    const std::string policy = page->get_header_value("Content-Security-Policy");
    std::smatch nonce;
    REQUIRE(std::regex_search(policy, nonce, std::regex("'nonce-([0-9a-f]{32})'")));
    CHECK(page->body.find("<script nonce=\"" + nonce[1].str() + "\">") != std::string::npos);
    CHECK(policy.find("default-src 'none'") == 0);
    auto english = c.Get(room.path("/?lang=en"));
    REQUIRE(english);
    CHECK(english->body.find("Wait until the trainer opens the vote.") != std::string::npos);
    CHECK(english->get_header_value("Content-Security-Policy") != policy);  // a new nonce each time

    const std::string other = room.server.join_code() == "000000" ? "/111111" : "/000000";
    for (const std::string& wrong : {std::string("/"), other, other + "/ballot", std::string("/favicon.ico")}) {
        CAPTURE(wrong);
        auto res = c.Get(wrong);
        REQUIRE(res);
        CHECK(res->status == 404);
        CHECK(res->body.find("trainer") == std::string::npos);
    }
    CHECK(room.server.stats().refused_code == 4);
}

TEST_CASE("phones join, see the ballot, and vote once per decision, changeable until the vote closes") {
    VoteServerLimits roomy;  // this test is faster than a thumb
    roomy.device_burst = 50;
    Room room(roomy);
    const std::string a = room.join(), b = room.join();
    CHECK(a != b);
    CHECK(a.size() == 32);
    nlohmann::json ballot = room.ballot(a);
    CHECK(ballot["decision"] == 0);
    CHECK(ballot["open"] == false);
    REQUIRE(ballot["options"].size() == 3);
    CHECK(ballot["options"][1]["text"] == "Our package costs 5000 euros.");
    CHECK(ballot["my_vote"].is_null());
    // Trainer material never goes to a phone.
    const std::string text = ballot.dump();
    for (const char* secret : {"Listen for a question", "Good question", "What does the client want", "best", "tally", "verdict"})
        CHECK(text.find(secret) == std::string::npos);

    auto closed = room.vote(a, 0, 1);
    REQUIRE(closed);
    CHECK(closed->status == 409);
    CHECK(nlohmann::json::parse(closed->body)["result"] == "closed");

    room.live.with([](ClassRun& run) { run.open_vote(); });
    auto first = room.vote(a, 0, 1);
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(nlohmann::json::parse(first->body)["result"] == "counted");
    CHECK(room.vote(b, 0, 1)->status == 200);
    auto changed = room.vote(a, 0, 2);
    REQUIRE(changed);
    CHECK(nlohmann::json::parse(changed->body)["result"] == "changed");
    CHECK(room.ballot(a)["my_vote"] == 2);
    CHECK(room.live.with([](ClassRun& run) { return run.tally().phones; }) == std::vector<std::size_t>{0, 1, 1});
    CHECK(room.vote(a, 0, 7)->status == 400);
    CHECK(room.vote(a, 3, 0)->status == 409);

    room.live.with([](ClassRun& run) { run.reveal_tally(); });
    CHECK(room.vote(b, 0, 0)->status == 409);
    CHECK(room.live.with([](ClassRun& run) { return run.tally().phones; }) == std::vector<std::size_t>{0, 1, 1});
    CHECK(room.server.stats().votes == 3);
}

TEST_CASE("requests without a joined device, with a bad body, or too large are refused") {
    VoteServerLimits roomy;
    roomy.device_burst = 50;
    Room room(roomy);
    auto c = room.client();
    auto no_device = c.Get(room.path("/ballot"));
    REQUIRE(no_device);
    CHECK(no_device->status == 403);
    auto made_up = c.Post(room.path("/vote"), {{"X-Device", "0123456789abcdef0123456789abcdef"}}, R"({"decision":0,"option":0})",
                          "application/json");
    REQUIRE(made_up);
    CHECK(made_up->status == 403);

    const std::string device = room.join();
    for (const char* body : {"not json", "[1,2]", R"({"decision":0})", R"({"decision":-1,"option":0})", R"({"decision":"0","option":0})"}) {
        CAPTURE(body);
        auto res = c.Post(room.path("/vote"), {{"X-Device", device}}, body, "application/json");
        REQUIRE(res);
        CHECK(res->status == 400);
    }
    auto huge = c.Post(room.path("/join"), std::string(4096, ' ') + "{}", "application/json");
    REQUIRE(huge);
    CHECK(huge->status == 413);
    CHECK(room.live.with([](ClassRun& run) { return run.tally().total(); }) == 0);
}

TEST_CASE("more than a few requests per second from one device, or one address before joining, get 429") {
    VoteServerLimits limits;
    limits.device_per_second = 2;
    limits.device_burst = 4;
    limits.address_per_second = 1;
    limits.address_burst = 3;
    Room room(limits);
    const std::string busy = room.join(), calm = room.join();  // two of the address's three
    auto c = room.client();
    int ok = 0, refused = 0;
    for (int i = 0; i < 10; ++i) {
        auto res = c.Get(room.path("/ballot"), {{"X-Device", busy}});
        REQUIRE(res);
        if (res->status == 200) ++ok;
        if (res->status == 429) {
            ++refused;
            CHECK(res->get_header_value("Retry-After") == "1");
        }
    }
    CHECK(ok >= 4);
    CHECK(ok <= 6);  // the burst, and what refilled while the loop ran
    CHECK(refused == 10 - ok);
    CHECK(c.Get(room.path("/ballot"), {{"X-Device", calm}})->status == 200);  // another device is not punished

    int pages = 0, limited = 0;
    for (int i = 0; i < 6; ++i) {
        auto res = c.Get(room.path());
        REQUIRE(res);
        (res->status == 200 ? pages : limited) += 1;
    }
    CHECK(pages <= 2);
    CHECK(limited >= 4);
    CHECK(room.server.stats().refused_rate == static_cast<std::size_t>(refused + limited));
}

TEST_CASE("names: asked only when the trainer wants them, kept only in the class log") {
    Room room({}, true);
    auto c = room.client();
    auto page = c.Get(room.path());
    REQUIRE(page);
    CHECK(page->body.find("var ASK_NAMES = true;") != std::string::npos);
    auto nameless = c.Post(room.path("/join"), "{}", "application/json");
    REQUIRE(nameless);
    CHECK(nameless->status == 400);
    const std::string device = room.join("  Ada\x01 Lovelace  ");
    room.live.with([](ClassRun& run) { run.open_vote(); });
    CHECK(room.vote(device, 0, 0)->status == 200);
    room.live.with([](ClassRun& run) { run.reveal_tally(); });
    const auto named = room.live.with([](ClassRun& run) { return run.log().decisions[0].named_votes; });
    REQUIRE(named.size() == 1);
    CHECK(named[0].name == "Ada Lovelace");
    CHECK(named[0].choice_id == "ask");
}

TEST_CASE("the server stops answering when the class ends, and cannot bind an address that is not ours") {
    ClassFixture fixture;
    LiveClass live(ClassRun(fixture.scenario, fixture.analysis, {}));
    int port = 0;
    {
        VoteServer server(live, {"127.0.0.1", 0, "", {}});
        std::string error;
        REQUIRE(server.start(error));
        CHECK(server.running());
        port = server.port();
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(2, 0);
        REQUIRE(c.Get("/" + server.join_code()));
        server.stop();
        CHECK_FALSE(server.running());
        CHECK_FALSE(server.start(error));  // one server per class
    }
    httplib::Client after("127.0.0.1", port);
    after.set_connection_timeout(1, 0);
    CHECK_FALSE(after.Get("/"));

    VoteServer elsewhere(live, {"192.0.2.1", 0, "", {}});  // TEST-NET-1: never this machine's
    std::string error;
    CHECK_FALSE(elsewhere.start(error));
    CHECK(error.find("192.0.2.1") != std::string::npos);
}

TEST_CASE("join codes are six digits and differ") {
    const std::string a = new_join_code(), b = new_join_code(), c = new_join_code();
    CHECK(std::regex_match(a, std::regex("[0-9]{6}")));
    CHECK(!(a == b && b == c));
}
