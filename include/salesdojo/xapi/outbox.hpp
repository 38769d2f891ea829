#pragma once
// The xAPI outbox in the data folder (docs/xapi.md): two append-only JSON Lines files and a lock.
//   xapi-outbox.jsonl  every statement built for a recorded attempt, one per line, in order
//   xapi-sent.jsonl    one acknowledgement per settled statement: {"id","state":"sent"|"rejected",...}
//   xapi.lock          flock()ed while appending or sending, so two programs never interleave
// A statement is pending while the outbox has it and the acknowledgements do not. Each append is
// one write() of whole lines followed by fsync(); a crash mid-write can only leave a partial last
// line, which readers ignore and the next append cuts off (a "repair"), so a reader never sees half
// a statement and nothing written before is lost.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace salesdojo::xapi {

class XapiError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class AckState { Sent, Rejected };

struct Ack {
    std::string id;
    AckState state = AckState::Sent;
    std::int64_t at_ms = 0;
    int status = 0;       // the LRS's HTTP status for a rejection
    std::string message;  // the LRS's message for a rejection
};

// What reading a JSON Lines file found besides its records.
struct LogIssues {
    bool partial_tail = false;            // a last line without its newline (an interrupted write)
    std::vector<std::string> bad_lines;   // "file:line: reason" for lines that are not a record
};

struct OutboxContents {
    std::vector<nlohmann::json> statements;  // unique by id, first occurrence kept, in file order
    std::map<std::string, Ack> acks;         // by statement id; the last acknowledgement wins
    LogIssues outbox_issues, ack_issues;

    bool settled(const std::string& id) const { return acks.count(id) != 0; }
    std::vector<const nlohmann::json*> pending() const;
};

struct OutboxCounts {
    std::size_t pending = 0, sent = 0, rejected = 0;
};

class Outbox {
public:
    explicit Outbox(std::string folder);  // the data folder; created on the first append

    const std::string& folder() const { return m_folder; }
    std::string outbox_path() const;
    std::string acks_path() const;
    std::string lock_path() const;

    // Appends the statements (each must have a string "id") as whole lines, durably. Throws XapiError.
    void append(const std::vector<nlohmann::json>& statements) const;
    // Appends acknowledgements durably. Throws XapiError.
    void record(const std::vector<Ack>& acks) const;
    // Reads both files; missing files are empty. Throws XapiError when a file exists but cannot be read.
    OutboxContents read() const;
    static OutboxCounts count(const OutboxContents& contents);

private:
    std::string m_folder;
};

// An exclusive flock() on the outbox's lock file for as long as it lives.
class OutboxLock {
public:
    enum class Wait { Block, DontBlock };
    // Throws XapiError when the lock file cannot be opened. With DontBlock, held() is false when
    // another process holds the lock.
    OutboxLock(const Outbox& outbox, Wait wait);
    ~OutboxLock();
    OutboxLock(const OutboxLock&) = delete;
    OutboxLock& operator=(const OutboxLock&) = delete;
    bool held() const { return m_held; }

private:
    int m_fd = -1;
    bool m_held = false;
};

// Low level, for the outbox and its tests: reads a JSON Lines file (missing = empty), skipping a
// partial last line and lines that are not JSON objects (both reported in `issues`).
std::vector<nlohmann::json> read_json_lines(const std::string& path, LogIssues& issues);
// Appends whole lines in one write() and fsync()s; first cuts off a partial last line left by an
// interrupted write. Creates the file (and its folder) when missing.
void append_json_lines(const std::string& path, const std::vector<nlohmann::json>& records);

}  // namespace salesdojo::xapi
