// The outbox files: appends, acknowledgements, counts, a partial last line after a crash (ignored,
// then cut off), damaged lines skipped, and a writer killed at random moments.
#include "xapi_test_support.hpp"

#include <salesdojo/xapi/outbox.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace salesdojo;
using salesdojo::test::numbered_statements;
using salesdojo::test::TempFolder;

namespace {
void append_raw(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << bytes;
}
std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

TEST_CASE("outbox: appended statements are pending until acknowledged as sent or rejected") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path() + "/new-sub-folder");
    CHECK(outbox.read().statements.empty());
    outbox.append(numbered_statements(1, 5));
    outbox.append(numbered_statements(6, 2));
    outbox.append(numbered_statements(1, 1));  // the same id again: kept once
    auto contents = outbox.read();
    REQUIRE(contents.statements.size() == 7);
    CHECK(contents.statements[6]["id"] == numbered_statements(7, 1)[0]["id"]);
    CHECK(contents.pending().size() == 7);
    const std::string id2 = contents.statements[1]["id"], id3 = contents.statements[2]["id"];
    outbox.record({{id2, xapi::AckState::Sent, 1, 0, {}}, {id3, xapi::AckState::Rejected, 2, 400, "HTTP 400: bad verb"}});
    contents = outbox.read();
    const auto counts = xapi::Outbox::count(contents);
    CHECK(counts.pending == 5);
    CHECK(counts.sent == 1);
    CHECK(counts.rejected == 1);
    CHECK(contents.acks.at(id3).message == "HTTP 400: bad verb");
    CHECK(contents.acks.at(id3).status == 400);
    for (const auto* s : contents.pending()) CHECK((*s)["id"] != id2);
}

TEST_CASE("outbox: a partial last line is ignored and then cut off by the next append, and damaged lines are skipped") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    outbox.append(numbered_statements(1, 3));
    append_raw(outbox.outbox_path(), R"({"id":"00000000-0000-5000-8000-00000000)");  // killed mid-write
    auto contents = outbox.read();
    CHECK(contents.outbox_issues.partial_tail);
    CHECK(contents.statements.size() == 3);
    outbox.append(numbered_statements(4, 1));
    contents = outbox.read();
    CHECK_FALSE(contents.outbox_issues.partial_tail);
    CHECK(contents.statements.size() == 4);
    CHECK(contents.outbox_issues.bad_lines.empty());
    const std::string text = read_all(outbox.outbox_path());
    CHECK(std::count(text.begin(), text.end(), '\n') == 4);

    append_raw(outbox.outbox_path(), "not json\n[1,2]\n{\"no\":\"id\"}\n");
    outbox.append(numbered_statements(5, 1));
    contents = outbox.read();
    CHECK(contents.statements.size() == 5);
    REQUIRE(contents.outbox_issues.bad_lines.size() == 3);
    CHECK(contents.outbox_issues.bad_lines[0] == outbox.outbox_path() + ":5: not a JSON object with a string \"id\"");

    // The acknowledgements are repaired the same way.
    append_raw(outbox.acks_path(), R"({"id":"x","sta)");
    CHECK(outbox.read().ack_issues.partial_tail);
    outbox.record({{contents.statements[0]["id"], xapi::AckState::Sent, 1, 0, {}}});
    contents = outbox.read();
    CHECK_FALSE(contents.ack_issues.partial_tail);
    CHECK(xapi::Outbox::count(contents).sent == 1);
}

TEST_CASE("outbox: a writer killed at random moments leaves only whole statements, and appends go on") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    std::mt19937 random(7);
    int partial_seen = 0;
    std::size_t previous = 0;
    for (int round = 0; round < 40; ++round) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            for (int i = 0;; ++i) {
                auto batch = numbered_statements(round * 100000 + i * 10, 10);
                for (auto& s : batch) s["padding"] = std::string(2000, 'p');  // long lines: more chances to cut one
                outbox.append(batch);
            }
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200 + random() % 20000));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        const auto contents = outbox.read();
        partial_seen += contents.outbox_issues.partial_tail ? 1 : 0;
        CHECK(contents.outbox_issues.bad_lines.empty());
        CHECK(contents.statements.size() >= previous);  // nothing written before is lost
        previous = contents.statements.size();
        for (const auto& s : contents.statements) CHECK(s["padding"].get<std::string>().size() == 2000);
    }
    outbox.append(numbered_statements(-1, 1));
    const auto contents = outbox.read();
    CHECK_FALSE(contents.outbox_issues.partial_tail);
    CHECK(contents.outbox_issues.bad_lines.empty());
    CHECK(contents.statements.back()["id"] == numbered_statements(-1, 1)[0]["id"]);
    MESSAGE(previous << " statements written in 40 killed runs; " << partial_seen << " runs ended in a partial line");
}
