// The outbox files. See outbox.hpp.
#include <salesdojo/xapi/outbox.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace salesdojo::xapi {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string system_error(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}

void ensure_folder(const std::string& folder) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw XapiError("cannot create the folder " + folder + ": " + error.message());
}

void write_all(int fd, const std::string& bytes, const std::string& path) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw XapiError(system_error("cannot write", path));
        }
        done += static_cast<std::size_t>(n);
    }
}

// Cuts the file back to its last newline when an interrupted write left a partial line.
void cut_partial_tail(int fd, const std::string& path) {
    struct stat info{};
    if (::fstat(fd, &info) != 0) throw XapiError(system_error("cannot read", path));
    off_t end = info.st_size;
    if (end == 0) return;
    char last = 0;
    if (::pread(fd, &last, 1, end - 1) != 1) throw XapiError(system_error("cannot read", path));
    if (last == '\n') return;
    // Scan back in blocks for the previous newline.
    char block[4096];
    off_t keep = 0;
    for (off_t pos = end; pos > 0 && keep == 0;) {
        const off_t from = pos > static_cast<off_t>(sizeof block) ? pos - static_cast<off_t>(sizeof block) : 0;
        const ssize_t n = ::pread(fd, block, static_cast<std::size_t>(pos - from), from);
        if (n <= 0) throw XapiError(system_error("cannot read", path));
        for (ssize_t i = n - 1; i >= 0; --i)
            if (block[i] == '\n') {
                keep = from + i + 1;
                break;
            }
        pos = from;
    }
    if (::ftruncate(fd, keep) != 0) throw XapiError(system_error("cannot repair", path));
}

}  // namespace

std::vector<json> read_json_lines(const std::string& path, LogIssues& issues) {
    std::vector<json> records;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (!fs::exists(path)) return records;
        throw XapiError("cannot read " + path);
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::size_t start = 0, line = 0;
    while (start < text.size()) {
        ++line;
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            issues.partial_tail = true;  // an interrupted append; the next append cuts it off
            break;
        }
        const std::string_view content(text.data() + start, end - start);
        start = end + 1;
        if (content.empty()) continue;
        json record = json::parse(content.begin(), content.end(), nullptr, false);
        if (record.is_discarded() || !record.is_object() || !record.contains("id") || !record["id"].is_string()) {
            issues.bad_lines.push_back(path + ":" + std::to_string(line) + ": not a JSON object with a string \"id\"");
            continue;
        }
        records.push_back(std::move(record));
    }
    return records;
}

void append_json_lines(const std::string& path, const std::vector<json>& records) {
    if (records.empty()) return;
    std::string bytes;
    for (const auto& record : records) {
        bytes += record.dump(-1, ' ', false, json::error_handler_t::replace);
        bytes += '\n';
    }
    ensure_folder(fs::path(path).parent_path().string());
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) throw XapiError(system_error("cannot open", path));
    try {
        cut_partial_tail(fd, path);
        write_all(fd, bytes, path);
        if (::fsync(fd) != 0) throw XapiError(system_error("cannot sync", path));
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

std::vector<const json*> OutboxContents::pending() const {
    std::vector<const json*> out;
    for (const auto& statement : statements)
        if (!settled(statement["id"].get<std::string>())) out.push_back(&statement);
    return out;
}

Outbox::Outbox(std::string folder) : m_folder(std::move(folder)) {}

std::string Outbox::outbox_path() const { return (fs::path(m_folder) / "xapi-outbox.jsonl").string(); }
std::string Outbox::acks_path() const { return (fs::path(m_folder) / "xapi-sent.jsonl").string(); }
std::string Outbox::lock_path() const { return (fs::path(m_folder) / "xapi.lock").string(); }

void Outbox::append(const std::vector<json>& statements) const {
    for (const auto& s : statements)
        if (!s.is_object() || !s.contains("id") || !s["id"].is_string())
            throw XapiError("internal: a statement without an id cannot go into the outbox");
    append_json_lines(outbox_path(), statements);
}

void Outbox::record(const std::vector<Ack>& acks) const {
    std::vector<json> lines;
    for (const Ack& ack : acks) {
        json line = {{"id", ack.id}, {"state", ack.state == AckState::Sent ? "sent" : "rejected"}, {"at_ms", ack.at_ms}};
        if (ack.state == AckState::Rejected) {
            line["status"] = ack.status;
            line["message"] = ack.message;
        }
        lines.push_back(std::move(line));
    }
    append_json_lines(acks_path(), lines);
}

OutboxContents Outbox::read() const {
    OutboxContents contents;
    std::map<std::string, bool> seen;
    for (auto& statement : read_json_lines(outbox_path(), contents.outbox_issues)) {
        if (!seen.emplace(statement["id"].get<std::string>(), true).second) continue;
        contents.statements.push_back(std::move(statement));
    }
    for (const auto& line : read_json_lines(acks_path(), contents.ack_issues)) {
        Ack ack;
        ack.id = line["id"].get<std::string>();
        const std::string state = line.value("state", "");
        if (state != "sent" && state != "rejected") {
            contents.ack_issues.bad_lines.push_back(acks_path() + ": an acknowledgement of " + ack.id +
                                                    " with an unknown state");
            continue;
        }
        ack.state = state == "sent" ? AckState::Sent : AckState::Rejected;
        if (line.contains("at_ms") && line["at_ms"].is_number_integer()) ack.at_ms = line["at_ms"].get<std::int64_t>();
        if (line.contains("status") && line["status"].is_number_integer()) ack.status = line["status"].get<int>();
        if (line.contains("message") && line["message"].is_string()) ack.message = line["message"].get<std::string>();
        contents.acks[ack.id] = std::move(ack);
    }
    return contents;
}

OutboxCounts Outbox::count(const OutboxContents& contents) {
    OutboxCounts counts;
    for (const auto& statement : contents.statements) {
        const auto ack = contents.acks.find(statement["id"].get<std::string>());
        if (ack == contents.acks.end())
            ++counts.pending;
        else if (ack->second.state == AckState::Sent)
            ++counts.sent;
        else
            ++counts.rejected;
    }
    return counts;
}

OutboxLock::OutboxLock(const Outbox& outbox, Wait wait) {
    ensure_folder(outbox.folder());
    m_fd = ::open(outbox.lock_path().c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) throw XapiError(system_error("cannot open", outbox.lock_path()));
    int rc;
    do {
        rc = ::flock(m_fd, LOCK_EX | (wait == Wait::DontBlock ? LOCK_NB : 0));
    } while (rc != 0 && errno == EINTR);
    if (rc == 0) {
        m_held = true;
    } else if (!(wait == Wait::DontBlock && errno == EWOULDBLOCK)) {
        const std::string message = system_error("cannot lock", outbox.lock_path());
        ::close(m_fd);
        throw XapiError(message);
    }
}

OutboxLock::~OutboxLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
}

}  // namespace salesdojo::xapi
