// The outbox index. See outbox_index.hpp.
#include <salesdojo/xapi/outbox_index.hpp>

#include <salesdojo/store/attempt.hpp>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace salesdojo::xapi {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kIndexHeader = "salesdojo-xapi-index 1";
constexpr std::uint64_t kTailBytes = 64;

std::string system_error(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}

// An open file (or none when it does not exist), closed at the end of the scope.
class ReadFile {
public:
    explicit ReadFile(const std::string& path) : m_path(path) {
        m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0 && errno != ENOENT) throw XapiError(system_error("cannot read", path));
        if (m_fd >= 0 && ::fstat(m_fd, &m_info) != 0) throw XapiError(system_error("cannot read", path));
    }
    ~ReadFile() {
        if (m_fd >= 0) ::close(m_fd);
    }
    ReadFile(const ReadFile&) = delete;
    ReadFile& operator=(const ReadFile&) = delete;

    bool exists() const { return m_fd >= 0; }
    std::uint64_t size() const { return exists() ? static_cast<std::uint64_t>(m_info.st_size) : 0; }
    std::uint64_t device() const { return exists() ? static_cast<std::uint64_t>(m_info.st_dev) : 0; }
    std::uint64_t inode() const { return exists() ? static_cast<std::uint64_t>(m_info.st_ino) : 0; }

    std::string read(std::uint64_t from, std::uint64_t to) const {
        std::string bytes(static_cast<std::size_t>(to - from), '\0');
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::pread(m_fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(from + done));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw XapiError(system_error("cannot read", m_path));
            if (n == 0) break;  // shortened meanwhile: what is there
            done += static_cast<std::size_t>(n);
        }
        bytes.resize(done);
        return bytes;
    }

    std::uint64_t tail_hash(std::uint64_t end) const {
        const std::uint64_t from = end > kTailBytes ? end - kTailBytes : 0;
        return store::fnv1a64(read(from, end));
    }

private:
    std::string m_path;
    int m_fd = -1;
    struct stat m_info {};
};

// The index's record of a file still describes its start: same file, at least as long, same bytes
// just before the point read up to.
bool still_valid(const FileMark& mark, const ReadFile& file) {
    if (mark.bytes == 0) return true;
    return file.exists() && mark.device == file.device() && mark.inode == file.inode() && file.size() >= mark.bytes &&
           file.tail_hash(mark.bytes) == mark.tail_hash;
}

bool writable_id(const std::string& id) {
    for (unsigned char c : id)
        if (c < 0x20) return false;
    return !id.empty();
}

std::vector<std::string_view> split_tabs(std::string_view line, std::size_t max_fields) {
    std::vector<std::string_view> fields;
    while (fields.size() + 1 < max_fields) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) break;
        fields.push_back(line.substr(0, tab));
        line.remove_prefix(tab + 1);
    }
    fields.push_back(line);
    return fields;
}

template <class T>
bool number(std::string_view text, T& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

// Free text (messages, skipped lines) as a JSON string: one line, no tab, read back as it was.
std::string encoded(const std::string& text) { return json(text).dump(-1, ' ', false, json::error_handler_t::replace); }

bool decoded(std::string_view field, std::string& text) {
    const json value = json::parse(field.begin(), field.end(), nullptr, false);
    if (!value.is_string()) return false;
    text = value.get<std::string>();
    return true;
}

void write_ack(std::string& out, const Ack& ack) {
    out += ack.state == AckState::Sent ? "S\t" : "R\t";
    out += std::to_string(ack.at_ms) + '\t' + std::to_string(ack.status) + '\t' + encoded(ack.message);
}

bool parse_ack(const std::vector<std::string_view>& f, std::size_t at, Ack& ack) {
    if (f.size() != at + 4 || (f[at] != "S" && f[at] != "R")) return false;
    ack.state = f[at] == "S" ? AckState::Sent : AckState::Rejected;
    return number(f[at + 1], ack.at_ms) && number(f[at + 2], ack.status) && decoded(f[at + 3], ack.message);
}

bool parse_mark(std::string_view line, const char* name, FileMark& mark) {
    const auto f = split_tabs(line, 8);
    return f.size() == 7 && f[0] == "mark" && f[1] == name && number(f[2], mark.bytes) && number(f[3], mark.lines) &&
           number(f[4], mark.device) && number(f[5], mark.inode) && number(f[6], mark.tail_hash);
}

// The index as written, or nullopt when missing or damaged (then everything is read again).
std::optional<OutboxIndex> load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    OutboxIndex index;
    std::size_t start = 0, line_number = 0;
    bool ended = false;
    while (start < text.size() && !ended) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) return std::nullopt;  // cut short
        const std::string_view line(text.data() + start, end - start);
        start = end + 1;
        ++line_number;
        if (line_number == 1) {
            if (line != kIndexHeader) return std::nullopt;
            continue;
        }
        if (line_number == 2) {
            if (!parse_mark(line, "outbox", index.outbox_mark)) return std::nullopt;
            continue;
        }
        if (line_number == 3) {
            if (!parse_mark(line, "acks", index.acks_mark)) return std::nullopt;
            continue;
        }
        const auto f = split_tabs(line, 8);
        if (f[0] == "s" && (f.size() == 4 || f.size() == 8)) {
            IndexedStatement s;
            s.id = std::string(f[3]);
            if (!number(f[1], s.offset) || !number(f[2], s.length)) return std::nullopt;
            if (f.size() == 8) {
                Ack ack;
                ack.id = s.id;
                if (!parse_ack(f, 4, ack)) return std::nullopt;
                s.ack = std::move(ack);
            }
            if (!index.by_id.emplace(s.id, index.statements.size()).second) return std::nullopt;
            index.statements.push_back(std::move(s));
        } else if (f[0] == "u" && f.size() == 6) {
            Ack ack;
            ack.id = std::string(f[1]);
            if (!parse_ack(f, 2, ack)) return std::nullopt;
            index.unmatched_acks[ack.id] = std::move(ack);
        } else if (f[0] == "b" && f.size() == 3 && (f[1] == "o" || f[1] == "a")) {
            std::string text;
            if (!decoded(f[2], text)) return std::nullopt;
            (f[1] == "o" ? index.outbox_issues : index.ack_issues).bad_lines.push_back(std::move(text));
        } else if (f[0] == "end" && f.size() == 2) {
            std::size_t count = 0;
            if (!number(f[1], count) || count != index.statements.size()) return std::nullopt;
            ended = true;
        } else {
            return std::nullopt;
        }
    }
    if (!ended) return std::nullopt;
    return index;
}

// Writes the index to a temporary file and renames it over the old one. Quietly does nothing when
// that fails or an id cannot be written: the index is only a cache.
void save(const OutboxIndex& index, const std::string& path) {
    std::string out = std::string(kIndexHeader) + '\n';
    for (const auto& [name, mark] : {std::pair{"outbox", &index.outbox_mark}, std::pair{"acks", &index.acks_mark}}) {
        out += std::string("mark\t") + name + '\t' + std::to_string(mark->bytes) + '\t' + std::to_string(mark->lines) + '\t' +
               std::to_string(mark->device) + '\t' + std::to_string(mark->inode) + '\t' + std::to_string(mark->tail_hash) + '\n';
    }
    for (const auto& s : index.statements) {
        if (!writable_id(s.id)) return;
        out += "s\t" + std::to_string(s.offset) + '\t' + std::to_string(s.length) + '\t' + s.id;
        if (s.ack) {
            out += '\t';
            write_ack(out, *s.ack);
        }
        out += '\n';
    }
    for (const auto& [id, ack] : index.unmatched_acks) {
        if (!writable_id(id)) return;
        out += "u\t" + id + '\t';
        write_ack(out, ack);
        out += '\n';
    }
    for (const auto& line : index.outbox_issues.bad_lines) out += "b\to\t" + encoded(line) + '\n';
    for (const auto& line : index.ack_issues.bad_lines) out += "b\ta\t" + encoded(line) + '\n';
    out += "end\t" + std::to_string(index.statements.size()) + '\n';

    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) return;
        file << out;
        if (!file.flush()) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            return;
        }
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) fs::remove(temporary, error);
}

// Calls `each(line, offset, line_number)` for every complete line appended after `mark`, and moves
// the mark past them; a last line without its newline is left for later (partial_tail).
template <class Each>
void read_appended(const ReadFile& file, FileMark& mark, LogIssues& issues, Each each) {
    issues.partial_tail = false;
    if (!file.exists()) return;
    const std::uint64_t size = file.size();
    if (size <= mark.bytes) return;
    const std::string bytes = file.read(mark.bytes, size);
    std::size_t start = 0;
    while (start < bytes.size()) {
        const std::size_t end = bytes.find('\n', start);
        if (end == std::string::npos) {
            issues.partial_tail = true;
            break;
        }
        ++mark.lines;
        each(std::string_view(bytes.data() + start, end - start), mark.bytes + start, mark.lines);
        start = end + 1;
    }
    mark.bytes += start;
    mark.device = file.device();
    mark.inode = file.inode();
    mark.tail_hash = file.tail_hash(mark.bytes);
}

std::optional<json> record_of(std::string_view line) {
    if (line.empty()) return std::nullopt;
    json record = json::parse(line.begin(), line.end(), nullptr, false);
    if (record.is_discarded() || !record.is_object() || !record.contains("id") || !record["id"].is_string()) return json();
    return record;
}

void apply_ack(OutboxIndex& index, Ack ack) {
    const auto found = index.by_id.find(ack.id);
    if (found == index.by_id.end()) index.unmatched_acks[ack.id] = std::move(ack);
    else index.statements[found->second].ack = std::move(ack);  // the last acknowledgement wins
}

}  // namespace

OutboxCounts OutboxIndex::counts() const {
    OutboxCounts counts;
    for (const auto& s : statements) {
        if (!s.ack) ++counts.pending;
        else if (s.ack->state == AckState::Sent) ++counts.sent;
        else ++counts.rejected;
    }
    return counts;
}

std::vector<const IndexedStatement*> OutboxIndex::pending() const {
    std::vector<const IndexedStatement*> out;
    for (const auto& s : statements)
        if (!s.ack) out.push_back(&s);
    return out;
}

std::vector<const IndexedStatement*> OutboxIndex::rejected() const {
    std::vector<const IndexedStatement*> out;
    for (const auto& s : statements)
        if (s.ack && s.ack->state == AckState::Rejected) out.push_back(&s);
    return out;
}

std::string index_path(const Outbox& outbox) { return (fs::path(outbox.folder()) / "xapi-outbox.index").string(); }

OutboxIndex read_outbox_index(const Outbox& outbox) {
    const std::string outbox_path = outbox.outbox_path(), acks_path = outbox.acks_path();
    const ReadFile statements_file(outbox_path), acks_file(acks_path);
    std::optional<OutboxIndex> loaded = load(index_path(outbox));
    if (loaded && !(still_valid(loaded->outbox_mark, statements_file) && still_valid(loaded->acks_mark, acks_file)))
        loaded.reset();
    OutboxIndex index = loaded ? std::move(*loaded) : OutboxIndex{};
    index.rebuilt = !loaded;
    const FileMark outbox_before = index.outbox_mark, acks_before = index.acks_mark;

    read_appended(statements_file, index.outbox_mark, index.outbox_issues,
                  [&](std::string_view line, std::uint64_t offset, std::uint64_t number) {
                      std::optional<json> record = record_of(line);
                      if (!record) return;  // an empty line
                      if (record->is_null()) {
                          index.outbox_issues.bad_lines.push_back(outbox_path + ":" + std::to_string(number) +
                                                                  ": not a JSON object with a string \"id\"");
                          return;
                      }
                      IndexedStatement s;
                      s.id = (*record)["id"].get<std::string>();
                      if (index.by_id.count(s.id)) return;  // the first occurrence is kept
                      s.offset = offset;
                      s.length = line.size();
                      if (auto ack = index.unmatched_acks.find(s.id); ack != index.unmatched_acks.end()) {
                          s.ack = std::move(ack->second);
                          index.unmatched_acks.erase(ack);
                      }
                      index.by_id.emplace(s.id, index.statements.size());
                      index.statements.push_back(std::move(s));
                  });
    read_appended(acks_file, index.acks_mark, index.ack_issues, [&](std::string_view line, std::uint64_t, std::uint64_t number) {
        std::optional<json> record = record_of(line);
        if (!record) return;
        if (record->is_null()) {
            index.ack_issues.bad_lines.push_back(acks_path + ":" + std::to_string(number) + ": not a JSON object with a string \"id\"");
            return;
        }
        Ack ack;
        ack.id = (*record)["id"].get<std::string>();
        const std::string state = record->value("state", "");
        if (state != "sent" && state != "rejected") {
            index.ack_issues.bad_lines.push_back(acks_path + ": an acknowledgement of " + ack.id + " with an unknown state");
            return;
        }
        ack.state = state == "sent" ? AckState::Sent : AckState::Rejected;
        if (record->contains("at_ms") && (*record)["at_ms"].is_number_integer()) ack.at_ms = (*record)["at_ms"].get<std::int64_t>();
        if (record->contains("status") && (*record)["status"].is_number_integer()) ack.status = (*record)["status"].get<int>();
        if (record->contains("message") && (*record)["message"].is_string())
            ack.message = (*record)["message"].get<std::string>();
        apply_ack(index, std::move(ack));
    });
    if (index.rebuilt || index.outbox_mark.bytes != outbox_before.bytes || index.acks_mark.bytes != acks_before.bytes)
        save(index, index_path(outbox));
    return index;
}

std::vector<json> read_indexed_statements(const Outbox& outbox, const std::vector<const IndexedStatement*>& which) {
    const ReadFile file(outbox.outbox_path());
    std::vector<json> statements;
    statements.reserve(which.size());
    for (const IndexedStatement* s : which) {
        json record = file.exists() ? json::parse(file.read(s->offset, s->offset + s->length), nullptr, false) : json();
        if (!record.is_object() || !record.contains("id") || record["id"] != s->id)
            throw XapiError(outbox.outbox_path() + ": the statement " + s->id + " is no longer where its index says; try again");
        statements.push_back(std::move(record));
    }
    return statements;
}

}  // namespace salesdojo::xapi
