// The outbox index: after every kind of change to the two files (appends, acknowledgements, a
// partial line, damaged lines, a deleted or rewritten file, a damaged index) it says exactly what
// reading both files whole (Outbox::read) says, and it reads only what was appended.
#include "xapi_test_support.hpp"

#include <salesdojo/xapi/outbox.hpp>
#include <salesdojo/xapi/outbox_index.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace salesdojo;
using salesdojo::test::numbered_statements;
using salesdojo::test::TempFolder;

namespace {

void append_raw(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << bytes;
}

// The index against a full read: same statements in the same order, same states and counts.
xapi::OutboxIndex check_same_as_full_read(const xapi::Outbox& outbox) {
    const xapi::OutboxIndex index = xapi::read_outbox_index(outbox);
    const xapi::OutboxContents contents = outbox.read();
    REQUIRE(index.statements.size() == contents.statements.size());
    for (std::size_t i = 0; i < contents.statements.size(); ++i) {
        const std::string id = contents.statements[i]["id"];
        CHECK(index.statements[i].id == id);
        const auto ack = contents.acks.find(id);
        REQUIRE(index.statements[i].ack.has_value() == (ack != contents.acks.end()));
        if (index.statements[i].ack) {
            CHECK(index.statements[i].ack->state == ack->second.state);
            CHECK(index.statements[i].ack->status == ack->second.status);
            CHECK(index.statements[i].ack->message == ack->second.message);
        }
    }
    const xapi::OutboxCounts a = index.counts(), b = xapi::Outbox::count(contents);
    CHECK(a.pending == b.pending);
    CHECK(a.sent == b.sent);
    CHECK(a.rejected == b.rejected);
    CHECK(index.outbox_issues.partial_tail == contents.outbox_issues.partial_tail);
    CHECK(index.outbox_issues.bad_lines == contents.outbox_issues.bad_lines);
    CHECK(index.ack_issues.bad_lines == contents.ack_issues.bad_lines);
    // The statements read at their indexed places are those of the file.
    const auto pending = index.pending();
    const auto read = xapi::read_indexed_statements(outbox, pending);
    const auto expected = contents.pending();
    REQUIRE(read.size() == expected.size());
    for (std::size_t i = 0; i < read.size(); ++i) CHECK(read[i] == *expected[i]);
    return index;
}

}  // namespace

TEST_CASE("outbox index: equals a full read after appends, acknowledgements, partial and damaged lines") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    const xapi::OutboxIndex first = check_same_as_full_read(outbox);  // no files yet
    CHECK(first.statements.empty());
    CHECK(first.rebuilt);  // no index yet: everything (nothing) read
    outbox.append(numbered_statements(1, 6));
    CHECK_FALSE(check_same_as_full_read(outbox).rebuilt);  // read on from where it was
    const auto ids = outbox.read().statements;
    outbox.record({{ids[0]["id"], xapi::AckState::Sent, 1, 0, {}},
                   {ids[2]["id"], xapi::AckState::Rejected, 2, 400, "HTTP 400: bad\tverb"}});
    xapi::OutboxIndex index = check_same_as_full_read(outbox);
    CHECK_FALSE(index.rebuilt);  // only the appended lines were read
    CHECK(index.counts().sent == 1);
    CHECK(index.counts().rejected == 1);

    // Acknowledgement of an id the outbox does not have yet, then the statement; a duplicate id; a
    // damaged line; a partial last line.
    const auto later = numbered_statements(20, 1);
    outbox.record({{later[0]["id"], xapi::AckState::Sent, 3, 0, {}}});
    outbox.append(later);
    outbox.append(numbered_statements(1, 1));
    append_raw(outbox.outbox_path(), "not json\n");
    append_raw(outbox.acks_path(), "{\"id\":\"x\",\"state\":\"lost\"}\n");
    check_same_as_full_read(outbox);
    append_raw(outbox.outbox_path(), R"({"id":"00000000-0000-5000-8000-0000)");
    index = check_same_as_full_read(outbox);
    CHECK(index.outbox_issues.partial_tail);
    CHECK_FALSE(index.rebuilt);
    outbox.append(numbered_statements(30, 2));  // cuts the partial line off: the index goes on
    index = check_same_as_full_read(outbox);
    CHECK_FALSE(index.rebuilt);
    CHECK_FALSE(index.outbox_issues.partial_tail);
    CHECK(index.counts().pending == 6);
}

TEST_CASE("outbox index: a deleted or rewritten file, or a damaged index, means reading everything again") {
    TempFolder folder;
    const xapi::Outbox outbox(folder.path());
    outbox.append(numbered_statements(1, 4));
    const auto ids = outbox.read().statements;
    outbox.record({{ids[0]["id"], xapi::AckState::Sent, 1, 0, {}}, {ids[1]["id"], xapi::AckState::Sent, 1, 0, {}}});
    CHECK(check_same_as_full_read(outbox).counts().sent == 2);

    std::filesystem::remove(outbox.acks_path());  // acknowledgements gone: all pending again
    xapi::OutboxIndex index = check_same_as_full_read(outbox);
    CHECK(index.rebuilt);
    CHECK(index.counts().pending == 4);

    // The outbox rewritten with other statements, longer than before, in the same file.
    {
        std::ofstream out(outbox.outbox_path(), std::ios::binary | std::ios::trunc);
        for (const auto& s : numbered_statements(50, 5)) out << s.dump() << "\n";
    }
    index = check_same_as_full_read(outbox);
    CHECK(index.rebuilt);
    CHECK(index.statements.front().id == numbered_statements(50, 1)[0]["id"]);

    // A damaged or cut-short index is not trusted.
    for (const std::string damage : {"garbage\n", ""}) {
        std::string text;
        {
            std::ifstream in(xapi::index_path(outbox), std::ios::binary);
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        REQUIRE(!text.empty());
        std::ofstream(xapi::index_path(outbox), std::ios::binary | std::ios::trunc) << text.substr(0, text.size() / 2) << damage;
        CHECK(check_same_as_full_read(outbox).rebuilt);
        CHECK_FALSE(check_same_as_full_read(outbox).rebuilt);  // and written again
    }
}
