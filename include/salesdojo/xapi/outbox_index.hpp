#pragma once
// What the outbox holds, without parsing all of it each time (docs/xapi.md, "The index"): the id,
// place and state of every statement, kept in xapi-outbox.index next to the outbox. The index is a
// cache: it records how far into each file it has read (bytes, lines, the file's identity and a hash
// of the bytes just before that point). read_outbox_index reads only what was appended since, and
// reads both files whole again when either was replaced, shortened or rewritten, or the index is
// missing or damaged; so counts always equal what Outbox::read would give. It is written back
// atomically (a temporary file renamed over it) whenever it moved on; a folder that cannot be
// written only means the next reader reads more.
#include <salesdojo/xapi/outbox.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace salesdojo::xapi {

struct IndexedStatement {
    std::string id;
    std::uint64_t offset = 0;  // its line in xapi-outbox.jsonl (without the newline)
    std::uint64_t length = 0;
    std::optional<Ack> ack;    // none: pending; else the last acknowledgement
};

// How far into one file the index has read: up to and including a newline.
struct FileMark {
    std::uint64_t bytes = 0;
    std::uint64_t lines = 0;
    std::uint64_t device = 0, inode = 0;
    std::uint64_t tail_hash = 0;  // FNV-1a 64 of the (up to) 64 bytes before `bytes`
};

struct OutboxIndex {
    std::vector<IndexedStatement> statements;  // unique by id, first occurrence kept, in file order
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, Ack> unmatched_acks;  // acknowledgements of ids the outbox lacks
    LogIssues outbox_issues, ack_issues;  // partial_tail as of this read; bad lines since the start
    FileMark outbox_mark, acks_mark;
    bool rebuilt = false;  // both files were read whole this time

    bool contains(const std::string& id) const { return by_id.count(id) != 0; }
    OutboxCounts counts() const;
    std::vector<const IndexedStatement*> pending() const;  // in outbox order
    std::vector<const IndexedStatement*> rejected() const;
};

std::string index_path(const Outbox& outbox);  // <folder>/xapi-outbox.index

// Brings the index up to date with both files and writes it back when it moved on. Throws
// XapiError when a file exists but cannot be read.
OutboxIndex read_outbox_index(const Outbox& outbox);

// The statements themselves, read at their places in the outbox (one open, one read each).
// Throws XapiError when the outbox cannot be read or a line is no longer the statement indexed.
std::vector<nlohmann::json> read_indexed_statements(const Outbox& outbox, const std::vector<const IndexedStatement*>& which);

}  // namespace salesdojo::xapi
