// Reading a scenario's text safely, checking it before nlohmann sees it, and mapping byte offsets
// and JSON pointers back to line:col for diagnostics.
//
// Nothing here throws to the caller and nothing recurses on the document's nesting: files come from
// anyone, and a hostile or broken one must give a diagnostic, never a crash, a hang or a huge
// allocation.
#include <salesdojo/source.hpp>
#include <salesdojo/diagnostic_descriptors.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <limits>
#include <map>
#include <mutex>
#include <new>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <utility>

#if defined(__unix__) || defined(__unix) || (defined(__APPLE__) && defined(__MACH__))
#define SALESDOJO_POSIX_IO 1
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#else
#include <fstream>
#endif

namespace salesdojo {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t npos = std::string::npos;

// --- small text helpers --------------------------------------------------------------------------

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// A character that ends a bare token (number or literal) in our scanner.
bool is_delimiter(char c) {
    return is_json_space(c) || c == '{' || c == '}' || c == '[' || c == ']' || c == ',' ||
           c == ':' || c == '"';
}

bool has_bom(std::string_view t) { return t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF"; }

// nlohmann skips a UTF-8 byte order mark at the start; so do we.
std::size_t document_start(std::string_view t) { return has_bom(t) ? 3 : 0; }

std::size_t skip_ws(std::string_view t, std::size_t p) {
    while (p < t.size() && is_json_space(t[p])) ++p;
    return p;
}

std::string hex_byte(unsigned char b) {
    static const char digits[] = "0123456789ABCDEF";
    std::string s = "0x";
    s += digits[b >> 4];
    s += digits[b & 0x0F];
    return s;
}

std::string lowercase_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

// "16 MiB (16777216 bytes)", "512 KiB (524288 bytes)", "1000 bytes".
std::string describe_size_limit(std::size_t n) {
    constexpr std::size_t kib = 1024;
    constexpr std::size_t mib = 1024 * 1024;
    const std::string bytes = std::to_string(n) + (n == 1 ? " byte" : " bytes");
    if (n >= mib && n % mib == 0) return std::to_string(n / mib) + " MiB (" + bytes + ")";
    if (n >= kib && n % kib == 0) return std::to_string(n / kib) + " KiB (" + bytes + ")";
    return bytes;
}

// --- a tiny, iterative JSON scanner over raw text -------------------------------------------------
// It assumes nothing: on malformed input it stops and reports "not found" rather than guessing.

// The first '"' or '\\' at or after p, or npos. Eight bytes at a time: string_view::find_first_of
// calls memchr on the set once per character of the text, which made scanning long files slow.
std::size_t find_quote_or_backslash(std::string_view t, std::size_t p) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const char* const data = t.data();
    const std::size_t n = t.size();
    while (p < n) {
        while (n - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, data + p, sizeof w);
            const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
            if ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & highs) break;
            p += 8;
        }
        const std::size_t stop = n - p >= 8 ? p + 8 : n;
        for (; p < stop; ++p)
            if (data[p] == '"' || data[p] == '\\') return p;
    }
    return npos;
}

// `p` is at an opening quote. Returns the index just past the closing quote, or npos.
std::size_t skip_string(std::string_view t, std::size_t p) {
    ++p;
    while (p < t.size()) {
        const std::size_t q = find_quote_or_backslash(t, p);
        if (q == npos) return npos;
        if (t[q] == '"') return q + 1;
        p = q + 2;  // a backslash escapes the next character, whatever it is
    }
    return npos;
}

// `p` is at the first character of a value. Returns the index just past it, or npos. Containers are
// skipped with a depth counter, never by recursion.
std::size_t skip_value(std::string_view t, std::size_t p) {
    if (p >= t.size()) return npos;
    const char c = t[p];
    if (c == '"') return skip_string(t, p);
    if (c == '{' || c == '[') {
        std::size_t depth = 0;
        while (p < t.size()) {
            const char d = t[p];
            if (d == '"') {
                p = skip_string(t, p);
                if (p == npos) return npos;
                continue;
            }
            if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0) return p + 1;
            }
            ++p;
        }
        return npos;
    }
    if (is_delimiter(c)) return npos;  // no value here
    std::size_t q = p;
    while (q < t.size() && !is_delimiter(t[q])) ++q;
    return q;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at t[p..p+4), or -1.
long read_hex4(std::string_view t, std::size_t p) {
    if (p + 4 > t.size()) return -1;
    long v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const int h = hex_value(t[p + i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// One escape sequence starting at the backslash t[p]: how many raw characters it spans and how
// many bytes it decodes to. Malformed escapes count as what they literally are, so callers never
// get stuck.
struct Escape {
    std::size_t raw_length = 0;
    unsigned long code_point = 0;
    bool is_unicode = false;
    char simple = 0;
};

Escape read_escape(std::string_view t, std::size_t p) {
    Escape e;
    if (p + 1 >= t.size()) {
        e.raw_length = 1;
        e.simple = '\\';
        return e;
    }
    const char c = t[p + 1];
    if (c != 'u') {
        e.raw_length = 2;
        switch (c) {
            case 'b': e.simple = '\b'; break;
            case 'f': e.simple = '\f'; break;
            case 'n': e.simple = '\n'; break;
            case 'r': e.simple = '\r'; break;
            case 't': e.simple = '\t'; break;
            default: e.simple = c; break;  // \" \\ \/ and anything odd
        }
        return e;
    }
    const long hi = read_hex4(t, p + 2);
    if (hi < 0) {  // "\u" without four hex digits: take the two characters literally
        e.raw_length = 2;
        e.simple = 'u';
        return e;
    }
    e.is_unicode = true;
    e.raw_length = 6;
    e.code_point = static_cast<unsigned long>(hi);
    if (hi >= 0xD800 && hi <= 0xDBFF && p + 7 < t.size() && t[p + 6] == '\\' && t[p + 7] == 'u') {
        const long lo = read_hex4(t, p + 8);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            e.raw_length = 12;
            e.code_point = 0x10000ul + ((static_cast<unsigned long>(hi) - 0xD800ul) << 10) +
                           (static_cast<unsigned long>(lo) - 0xDC00ul);
        }
    }
    return e;
}

std::size_t decoded_length(const Escape& e) {
    if (!e.is_unicode) return 1;
    if (e.code_point < 0x80) return 1;
    if (e.code_point < 0x800) return 2;
    if (e.code_point < 0x10000) return 3;  // includes a lone surrogate, as nlohmann would reject
    return 4;
}

// `p` is at an opening quote: decodes the string into `out`. Returns the index past the closing
// quote, or npos when the string is not closed.
std::size_t read_string(std::string_view t, std::size_t p, std::string& out) {
    out.clear();
    ++p;
    while (p < t.size()) {
        const char c = t[p];
        if (c == '"') return p + 1;
        if (c == '\\') {
            const Escape e = read_escape(t, p);
            if (e.is_unicode)
                append_utf8(out, e.code_point);
            else
                out += e.simple;
            p += e.raw_length;
            continue;
        }
        out += c;
        ++p;
    }
    return npos;
}

// RFC 6901 reference token: "~1" is '/', "~0" is '~'; any other '~' makes the pointer invalid.
std::optional<std::string> unescape_token(std::string_view raw) {
    std::string token;
    token.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '~') {
            token += raw[i];
            continue;
        }
        if (i + 1 >= raw.size()) return std::nullopt;
        if (raw[i + 1] == '0')
            token += '~';
        else if (raw[i + 1] == '1')
            token += '/';
        else
            return std::nullopt;
        ++i;
    }
    return token;
}

// RFC 6901 array index: "0" or a digit string without a leading zero. ("-" names no element.)
std::optional<std::size_t> parse_index(std::string_view token) {
    if (token.empty() || token.size() > 18) return std::nullopt;
    if (token.size() > 1 && token[0] == '0') return std::nullopt;
    std::size_t value = 0;
    for (char c : token) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
}

struct Member {
    std::size_t key = 0;    // offset of the key's opening quote
    std::size_t value = 0;  // offset of the value's first character
};

// `p` is at '{'. Finds the member named `name`; the last one wins when a key repeats (as in
// nlohmann). Stops quietly at anything malformed.
std::optional<Member> find_member(std::string_view t, std::size_t p, const std::string& name) {
    std::optional<Member> found;
    std::string key;
    ++p;
    for (;;) {
        p = skip_ws(t, p);
        if (p >= t.size() || t[p] != '"') return found;  // '}' or malformed
        const std::size_t key_start = p;
        const std::size_t after_key = read_string(t, p, key);
        if (after_key == npos) return found;
        p = skip_ws(t, after_key);
        if (p >= t.size() || t[p] != ':') return found;
        p = skip_ws(t, p + 1);
        if (key == name) found = Member{key_start, p};
        const std::size_t end = skip_value(t, p);
        if (end == npos) return found;
        p = skip_ws(t, end);
        if (p >= t.size() || t[p] != ',') return found;
        ++p;
    }
}

// `p` is at '['. Finds the element at `index`.
std::optional<std::size_t> find_element(std::string_view t, std::size_t p, std::size_t index) {
    ++p;
    for (std::size_t i = 0;; ++i) {
        p = skip_ws(t, p);
        if (p >= t.size()) return std::nullopt;
        const char c = t[p];
        if (c == ']' || c == '}' || c == ',' || c == ':') return std::nullopt;  // past the end
        if (i == index) return p;
        const std::size_t end = skip_value(t, p);
        if (end == npos) return std::nullopt;
        p = skip_ws(t, end);
        if (p >= t.size() || t[p] != ',') return std::nullopt;
        ++p;
    }
}

// `p` is at '{': the offset of the first key equal to `name` (the first of repeated keys).
std::optional<std::size_t> first_member_offset(std::string_view t, std::size_t p, const std::string& name) {
    std::string key;
    ++p;
    for (;;) {
        p = skip_ws(t, p);
        if (p >= t.size() || t[p] != '"') return std::nullopt;
        const std::size_t key_start = p;
        const std::size_t after_key = read_string(t, p, key);
        if (after_key == npos) return std::nullopt;
        if (key == name) return key_start;
        p = skip_ws(t, after_key);
        if (p >= t.size() || t[p] != ':') return std::nullopt;
        const std::size_t end = skip_value(t, skip_ws(t, p + 1));
        if (end == npos) return std::nullopt;
        p = skip_ws(t, end);
        if (p >= t.size() || t[p] != ',') return std::nullopt;
        ++p;
    }
}

// The structure of the text as far as diagnostics have needed it, kept for the life of a SourceText:
// each object that a pointer passes through is read once, all its members at once (so 10,000 unknown
// keys in one object cost one read of it, not one each), and each array is scanned once, however
// many of its elements are asked for (lazily: only as far as the highest index asked). The answers
// are exactly find_member's and find_element's: a repeated key keeps its last value.
class ElementCache {
public:
    std::optional<Member> member(std::string_view t, std::size_t object, const std::string& name) {
        auto it = m_objects.find(object);
        if (it == m_objects.end()) it = m_objects.emplace(object, read_object(t, object)).first;
        const auto found = it->second.find(name);
        if (found == it->second.end()) return std::nullopt;
        return found->second;
    }

    std::optional<std::size_t> find(std::string_view t, std::size_t array, std::size_t index) {
        Scan& scan = m_arrays[array];
        if (!scan.started) {
            scan.started = true;
            scan.next = array + 1;
        }
        while (scan.elements.size() <= index) {
            if (scan.ended) return std::nullopt;
            // One step of find_element's loop, for element number scan.elements.size().
            std::size_t p = skip_ws(t, scan.next);
            if (p >= t.size()) { scan.ended = true; continue; }
            const char c = t[p];
            if (c == ']' || c == '}' || c == ',' || c == ':') { scan.ended = true; continue; }
            scan.elements.push_back(p);
            const std::size_t end = skip_value(t, p);
            if (end == npos) { scan.ended = true; continue; }
            p = skip_ws(t, end);
            if (p >= t.size() || t[p] != ',') { scan.ended = true; continue; }
            scan.next = p + 1;
        }
        return scan.elements[index];
    }

private:
    using Members = std::unordered_map<std::string, Member>;

    // find_member's walk, remembering every member instead of one.
    static Members read_object(std::string_view t, std::size_t p) {
        Members members;
        std::string key;
        ++p;
        for (;;) {
            p = skip_ws(t, p);
            if (p >= t.size() || t[p] != '"') return members;  // '}' or malformed
            const std::size_t key_start = p;
            const std::size_t after_key = read_string(t, p, key);
            if (after_key == npos) return members;
            p = skip_ws(t, after_key);
            if (p >= t.size() || t[p] != ':') return members;
            p = skip_ws(t, p + 1);
            members[key] = Member{key_start, p};
            const std::size_t end = skip_value(t, p);
            if (end == npos) return members;
            p = skip_ws(t, end);
            if (p >= t.size() || t[p] != ',') return members;
            ++p;
        }
    }

    struct Scan {
        bool started = false;
        bool ended = false;      // no element after the last one found
        std::size_t next = 0;    // where the element after the last one found would start
        std::vector<std::size_t> elements;
    };
    std::unordered_map<std::size_t, Scan> m_arrays;      // by the offset of the array's '['
    std::unordered_map<std::size_t, Members> m_objects;  // by the offset of the object's '{'
};

// Resolves `pointer` over the raw text: the value's offset and, for an object member, its key's.
// With a cache, array elements are found through it.
std::optional<Member> resolve_pointer(std::string_view t, std::string_view pointer, ElementCache* cache = nullptr) {
    std::size_t p = skip_ws(t, document_start(t));
    if (p >= t.size()) return std::nullopt;
    Member at{p, p};
    if (pointer.empty()) return at;
    if (pointer[0] != '/') return std::nullopt;
    std::size_t i = 1;
    for (;;) {
        const std::size_t slash = pointer.find('/', i);
        const std::string_view raw =
            pointer.substr(i, slash == npos ? std::string_view::npos : slash - i);
        const auto token = unescape_token(raw);
        if (!token) return std::nullopt;
        if (t[p] == '{') {
            const auto member = cache ? cache->member(t, p, *token) : find_member(t, p, *token);
            if (!member) return std::nullopt;
            at = *member;
        } else if (t[p] == '[') {
            const auto index = parse_index(*token);
            if (!index) return std::nullopt;
            const auto element = cache ? cache->find(t, p, *index) : find_element(t, p, *index);
            if (!element) return std::nullopt;
            at = Member{*element, *element};
        } else {
            return std::nullopt;  // a scalar has no children
        }
        p = at.value;
        if (p >= t.size()) return std::nullopt;
        if (slash == npos) return at;
        i = slash + 1;
    }
}

// --- UTF-8 validation --------------------------------------------------------------------------

struct Utf8Error {
    std::size_t offset = 0;
    const char* reason = "";
};

// Strict UTF-8 (Unicode table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF.
std::optional<Utf8Error> find_invalid_utf8(std::string_view t) {
    const std::size_t n = t.size();
    const char* const data = t.data();
    std::size_t i = 0;
    while (i < n) {
        // ASCII fast path: eight bytes at a time while none has its high bit set.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, data + i, sizeof word);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char b = static_cast<unsigned char>(t[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (b >= 0x80 && b <= 0xBF) return Utf8Error{i, "a continuation byte without a lead byte"};
        if (b == 0xC0 || b == 0xC1) return Utf8Error{i, "overlong encoding"};
        if (b >= 0xF5) return Utf8Error{i, "this byte never appears in UTF-8"};
        if (b <= 0xDF) {
            length = 2;
        } else if (b <= 0xEF) {
            length = 3;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else {
            length = 4;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        }
        if (i + 1 >= n) return Utf8Error{i, "the file ends in the middle of a character"};
        const unsigned char second = static_cast<unsigned char>(t[i + 1]);
        if (second < 0x80 || second > 0xBF) return Utf8Error{i, "incomplete multi-byte sequence"};
        if (second < lo) return Utf8Error{i, "overlong encoding"};
        if (second > hi)
            return Utf8Error{i, b == 0xED ? "encoded UTF-16 surrogate" : "code point above U+10FFFF"};
        for (std::size_t k = 2; k < length; ++k) {
            if (i + k >= n) return Utf8Error{i, "the file ends in the middle of a character"};
            if (!is_continuation(t[i + k])) return Utf8Error{i, "incomplete multi-byte sequence"};
        }
        i += length;
    }
    return std::nullopt;
}

// UTF-16 or UTF-32, told by a byte order mark or by the NUL bytes an ASCII character gets in them
// (RFC 4627, section 3); nullptr for anything else. Checked first: the NUL bytes are valid UTF-8, so
// such a file would otherwise be reported as a syntax error, and UTF-32's mark as UTF-16's.
const char* other_unicode_encoding(std::string_view t) {
    const auto b = [&](std::size_t i) { return i < t.size() ? static_cast<unsigned char>(t[i]) : 0x100u; };
    if (b(0) == 0x00 && b(1) == 0x00 && b(2) == 0xFE && b(3) == 0xFF) return "UTF-32 (big-endian)";
    if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0x00 && b(3) == 0x00) return "UTF-32 (little-endian)";
    if (b(0) == 0xFE && b(1) == 0xFF) return "UTF-16 (big-endian)";
    if (b(0) == 0xFF && b(1) == 0xFE) return "UTF-16 (little-endian)";
    if (t.size() < 4) return nullptr;
    if (b(0) == 0 && b(1) == 0 && b(2) == 0 && b(3) != 0) return "UTF-32 (big-endian)";
    if (b(0) != 0 && b(1) == 0 && b(2) == 0 && b(3) == 0) return "UTF-32 (little-endian)";
    if (b(0) == 0 && b(1) != 0 && b(2) == 0 && b(3) != 0) return "UTF-16 (big-endian)";
    if (b(0) != 0 && b(1) == 0 && b(2) != 0 && b(3) == 0) return "UTF-16 (little-endian)";
    return nullptr;
}

// --- nesting depth -------------------------------------------------------------------------------

// Offset of the bracket that makes the nesting deeper than `max_depth`, if any. Strings (with their
// escapes) are skipped so brackets inside them do not count. This scan is the reference definition
// of SD1004; it runs only when the parse below fails (see DepthLimitedDomParser), never on a file
// that parses, so valid files do not pay a second pass over their bytes.
std::optional<std::size_t> find_too_deep(std::string_view t, int max_depth) {
    const long limit = max_depth < 0 ? 0 : max_depth;
    long depth = 0;
    std::size_t p = 0;
    while (p < t.size()) {
        // The next '"', '{', '}', '[' or ']' (a plain loop: find_first_of calls memchr per character).
        std::size_t q = p;
        while (q < t.size() && t[q] != '"' && t[q] != '{' && t[q] != '}' && t[q] != '[' && t[q] != ']') ++q;
        if (q >= t.size()) return std::nullopt;
        const char c = t[q];
        if (c == '"') {
            p = skip_string(t, q);
            if (p == npos) return std::nullopt;  // unterminated: the parser will say so
            continue;
        }
        if (c == '{' || c == '[') {
            if (++depth > limit) return q;
        } else if (depth > 0) {
            --depth;
        }
        p = q + 1;
    }
    return std::nullopt;
}

// nlohmann's parser used only to describe a syntax error the fast path found: it builds nothing
// (a 31 MiB file with a trailing comma at its end was parsed into a second DOM, 2 GB and 15 s, only
// to learn where the error was), and stops at the first '{' or '[' that opens level max_depth + 1.
// nlohmann's parser is iterative, so nothing recurses before the limit is hit.
class SyntaxOnlySax {
public:
    explicit SyntaxOnlySax(long max_depth) : m_limit(max_depth) {}
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(std::int64_t) { return true; }
    bool number_unsigned(std::uint64_t) { return true; }
    bool number_float(double, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(std::vector<std::uint8_t>&) { return true; }
    bool key(std::string&) { return true; }
    bool start_object(std::size_t) { return ++m_depth <= m_limit; }
    bool end_object() { --m_depth; return true; }
    bool start_array(std::size_t) { return ++m_depth <= m_limit; }
    bool end_array() { --m_depth; return true; }
    template <typename Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) { throw e; }

private:
    long m_limit;
    long m_depth = 0;
};

// --- the fast path: a strict parser that builds nlohmann's DOM directly -------------------------
//
// nlohmann's lexer appends every character of every string to a buffer one push_back at a time, and
// copies the buffer into the DOM afterwards; on a 20 MiB scenario that is most of the parse. This
// parser scans strings eight bytes at a time and builds the same values directly (nlohmann::json for
// parse_json, DocumentJson for parse_document).
//
// It is a fast path only: it accepts a subset of what nlohmann accepts (RFC 8259, the grammar
// nlohmann implements in strict mode) and builds, for every document it accepts, exactly the DOM
// nlohmann::json::parse builds: numbers are classified the same way (non-negative integers are
// unsigned, negative ones signed; anything but a short integer is converted by nlohmann itself),
// a repeated key keeps its last value, strings are decoded with the same escapes and surrogate rules.
// On anything else (any syntax error, nesting deeper than the limit, a NUL byte after the value,
// which nlohmann takes for the end of the input) it gives up and parse_into falls back to nlohmann's
// own parser, which then produces the same diagnostics as before. parse_into has already checked
// that the whole text is valid UTF-8 (the same strict rules nlohmann applies inside strings), so
// bytes above 0x7F inside strings are copied as they are.
template <typename Json>
class FastDomParser {
public:
    FastDomParser(std::string_view text, long max_depth)
        : m_p(text.data()), m_end(text.data() + text.size()), m_limit(max_depth) {}

    // Why parse() returned false, for the cases parse_into reports without a second parse.
    enum class Stop { Other, TooDeep, DuplicateKey, AfterDocument };
    Stop stop() const { return m_stop; }
    const char* stop_at() const { return m_stop_at; }         // the bracket, second key or trailing byte
    const char* object_at() const { return m_object_at; }     // DuplicateKey: the object's '{'
    bool stopped_in_string() const { return m_in_string; }    // Other: inside a string

    // True when the whole text is one JSON value that this parser accepts; `root` then holds it.
    bool parse(Json& root) {
        using json = Json;
        if (m_end - m_p >= 3 && static_cast<unsigned char>(m_p[0]) == 0xEF) {
            if (static_cast<unsigned char>(m_p[1]) != 0xBB || static_cast<unsigned char>(m_p[2]) != 0xBF) return false;
            m_p += 3;
        }
        std::vector<json*> stack;  // open containers, innermost last
        std::vector<const char*> opened_at;  // where each of them starts
        std::string key;
        json* slot = &root;        // where the next value goes
        for (;;) {
            // A value into *slot.
            skip_ws();
            if (m_p >= m_end) return false;
            const char c = *m_p;
            bool opened = false;
            if (c == '{' || c == '[') {
                if (static_cast<long>(stack.size()) + 1 > m_limit) return stop_with(Stop::TooDeep, m_p);
                const char* open = m_p;
                ++m_p;
                *slot = c == '{' ? json(json::value_t::object) : json(json::value_t::array);
                skip_ws();
                if (m_p >= m_end) return false;
                if (*m_p == (c == '{' ? '}' : ']')) {
                    ++m_p;  // empty
                } else {
                    stack.push_back(slot);
                    opened_at.push_back(open);
                    opened = true;
                }
            } else if (c == '"') {
                std::string value;
                if (!read_string(value)) return false;
                *slot = json(std::move(value));
            } else if (c == 't') {
                if (!literal("true")) return false;
                *slot = true;
            } else if (c == 'f') {
                if (!literal("false")) return false;
                *slot = false;
            } else if (c == 'n') {
                if (!literal("null")) return false;
                *slot = nullptr;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                if (!read_number(*slot)) return false;
            } else {
                return false;
            }
            // After a value (or at the first member of a container just opened).
            bool first = opened;
            for (;;) {
                if (stack.empty()) {
                    skip_ws();
                    return m_p == m_end || stop_with(Stop::AfterDocument, m_p);
                }
                json* top = stack.back();
                if (!first) {
                    skip_ws();
                    if (m_p >= m_end) return false;
                    const char d = *m_p++;
                    if (d == (top->is_object() ? '}' : ']')) {
                        stack.pop_back();
                        opened_at.pop_back();
                        continue;
                    }
                    if (d != ',') return false;
                    skip_ws();
                    if (m_p >= m_end) return false;
                }
                if (top->is_array()) {
                    auto& array = *top->template get_ptr<typename json::array_t*>();
                    array.emplace_back();
                    slot = &array.back();
                } else {
                    const char* key_at = m_p;
                    if (*m_p != '"' || !read_string(key)) return false;
                    skip_ws();
                    if (m_p >= m_end || *m_p != ':') return false;
                    ++m_p;
                    auto& object = *top->template get_ptr<typename json::object_t*>();
                    // A repeated key is an error (nlohmann would keep the last value silently: a
                    // second "nodes" replaced the first).
                    const auto [member, inserted] = object.emplace(key, nullptr);
                    if (!inserted) {
                        m_object_at = opened_at.back();
                        return stop_with(Stop::DuplicateKey, key_at);
                    }
                    slot = &member->second;
                }
                break;
            }
        }
    }

private:
    bool stop_with(Stop why, const char* at) {
        m_stop = why;
        m_stop_at = at;
        return false;
    }

    void skip_ws() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) ++m_p;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word) return false;
        m_p += word.size();
        return true;
    }

    static bool ends_run(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

    // The first '"', '\\' or control character at or after p, or end.
    static const char* find_run_end(const char* p, const char* end) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        for (;;) {
            while (end - p >= 8) {
                std::uint64_t w;
                std::memcpy(&w, p, sizeof w);
                const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
                const std::uint64_t maybe = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                                            ((w - ones * 0x20) & ~w);
                if (maybe & highs) break;  // a candidate in these eight bytes (checked one by one below)
                p += 8;
            }
            const char* stop = end - p >= 8 ? p + 8 : end;
            for (; p < stop; ++p)
                if (ends_run(*p)) return p;
            if (p >= end) return end;
        }
    }

    // At an opening quote: decodes the string into `out` exactly as nlohmann does.
    bool read_string(std::string& out) {
        out.clear();
        ++m_p;
        for (;;) {
            const char* run_end = find_run_end(m_p, m_end);
            out.append(m_p, static_cast<std::size_t>(run_end - m_p));
            m_p = run_end;
            if (m_p >= m_end) return false;
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c != '\\') {  // a control character
                m_in_string = true;
                m_stop_at = m_p;
                return false;
            }
            if (m_end - m_p < 2) return false;
            const char e = m_p[1];
            m_p += 2;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    const std::string_view t(m_p, static_cast<std::size_t>(m_end - m_p));
                    const long hi = read_hex4(t, 0);
                    if (hi < 0) return false;
                    m_p += 4;
                    unsigned long code_point = static_cast<unsigned long>(hi);
                    if (hi >= 0xD800 && hi <= 0xDBFF) {
                        if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u') return false;
                        const long lo = read_hex4(std::string_view(m_p + 2, 4), 0);
                        if (lo < 0xDC00 || lo > 0xDFFF) return false;
                        m_p += 6;
                        code_point = 0x10000ul + ((static_cast<unsigned long>(hi) - 0xD800ul) << 10) +
                                     (static_cast<unsigned long>(lo) - 0xDC00ul);
                    } else if (hi >= 0xDC00 && hi <= 0xDFFF) {
                        return false;
                    }
                    append_utf8(out, code_point);
                    break;
                }
                default: return false;
            }
        }
    }

    // A number into `slot`. Integers of up to 18 digits are converted here (they fit both int64 and
    // uint64, so nlohmann's strtoll/strtoull cannot overflow on them); every other number is handed
    // to nlohmann itself, so the value and its type are exactly nlohmann's.
    bool read_number(Json& slot) {
        const char* start = m_p;
        const bool negative = *m_p == '-';
        if (negative) ++m_p;
        if (m_p >= m_end) return false;
        std::uint64_t value = 0;
        if (*m_p == '0') {
            ++m_p;
        } else if (*m_p >= '1' && *m_p <= '9') {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9') value = value * 10 + static_cast<std::uint64_t>(*m_p++ - '0');
        } else {
            return false;
        }
        const std::size_t digits = static_cast<std::size_t>(m_p - start) - (negative ? 1 : 0);
        bool integer = true;
        if (m_p < m_end && *m_p == '.') {
            integer = false;
            ++m_p;
            if (m_p >= m_end || *m_p < '0' || *m_p > '9') return false;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9') ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            integer = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
            if (m_p >= m_end || *m_p < '0' || *m_p > '9') return false;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9') ++m_p;
        }
        if (integer && digits <= 18) {
            if (negative) slot = static_cast<typename Json::number_integer_t>(-static_cast<std::int64_t>(value));
            else slot = static_cast<typename Json::number_unsigned_t>(value);
            return true;
        }
        try {
            slot = Json::parse(start, m_p);  // the number alone: nlohmann's own conversion
        } catch (...) {
            return false;  // out of range: the full parse reports it
        }
        return true;
    }

    const char* m_p;
    const char* m_end;
    long m_limit;
    Stop m_stop = Stop::Other;
    const char* m_stop_at = nullptr;
    const char* m_object_at = nullptr;
    bool m_in_string = false;
};

// --- JSON syntax errors --------------------------------------------------------------------------

struct Token {
    std::size_t start = 0;
    std::size_t end = 0;  // exclusive
};

// The token that contains `offset` (a string, a punctuation character or a bare word), scanning
// from the start so strings with escaped quotes are handled. When `offset` is in whitespace or past
// the end, returns an empty token at `offset`.
Token token_at(std::string_view t, std::size_t offset) {
    std::size_t p = document_start(t);
    for (;;) {
        p = skip_ws(t, p);
        if (p >= t.size() || p > offset) return Token{offset, offset};
        std::size_t end;
        const char c = t[p];
        if (c == '"') {
            end = skip_string(t, p);
            if (end == npos) end = t.size() + 1;  // unterminated: runs to the end and beyond
        } else if (is_delimiter(c)) {
            end = p + 1;
        } else {
            end = p;
            while (end < t.size() && !is_delimiter(t[end])) ++end;
        }
        if (offset < end) return Token{p, std::min(end, t.size())};
        p = end;
    }
}

// A short, printable quote of a token for a message.
std::string quote_token(std::string_view t, Token token) {
    std::string s;
    std::size_t p = token.start;
    while (p < token.end && p < t.size()) {
        if (s.size() >= 24) {
            while (p < token.end && is_continuation(t[p])) s += t[p++];  // finish the character
            if (p < token.end) s += "...";
            break;
        }
        const unsigned char c = static_cast<unsigned char>(t[p]);
        s += c < 0x20 || c == 0x7F ? '?' : static_cast<char>(c);
        ++p;
    }
    return "'" + s + "'";
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t p = s.find(from); p != npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
}

// nlohmann's "syntax error while parsing value - unexpected '}'; expected string literal; last
// read: '...'" reduced to "unexpected '}'; expected string literal".
std::string nlohmann_fragment(const std::string& what) {
    std::string s = what;
    const std::size_t syntax = s.find("syntax error while parsing ");
    if (syntax != npos) {
        const std::size_t dash = s.find(" - ", syntax);
        s = dash != npos ? s.substr(dash + 3) : s.substr(syntax);
    } else {
        const std::size_t colon = s.find(": ");
        if (colon != npos) s = s.substr(colon + 2);
    }
    // After a lexer error nlohmann appends "; last read: '<text>'" and what the parser expected
    // next; neither helps, and the quoted text may hold anything.
    const std::size_t last_read = s.find("; last read:");
    if (last_read != npos) s.erase(last_read);
    return s;
}

struct SyntaxError {
    std::size_t offset = 0;
    std::string message;
};

// Turns nlohmann's parse error into a position and a short message.
SyntaxError describe_syntax_error(std::string_view t, std::size_t byte, const std::string& what) {
    // nlohmann's byte is the 1-based count of characters read, including the end of input; the
    // character it last read is therefore at offset byte - 1 (== size at the end of input).
    std::size_t offset = byte > 0 ? byte - 1 : 0;
    if (offset > t.size()) offset = t.size();

    std::string fragment = nlohmann_fragment(what);
    const std::string prefix;  // the descriptor (JsonSyntax) says "JSON syntax error: "

    if (fragment.find("unexpected end of input") != npos) {
        // nlohmann takes a NUL byte for the end of the input.
        const std::size_t nul = t.find('\0');
        if (nul != npos) return {nul, prefix + "unexpected NUL byte (U+0000); a JSON file holds no NUL bytes"};
        // Point just after the last thing written, not at trailing blank lines.
        std::size_t end = t.size();
        while (end > document_start(t) && is_json_space(t[end - 1])) --end;
        return {end, prefix + "the file ends in the middle of a value"};
    }

    if (starts_with(fragment, "invalid literal") || starts_with(fragment, "invalid number")) {
        // The lexer may have read one character past the bad word ("tru}", "1.}").
        std::size_t at = offset;
        if (at >= t.size() || is_delimiter(t[at])) {
            if (at > 0 && at - 1 < t.size() && !is_delimiter(t[at - 1])) --at;
        }
        const Token token = token_at(t, at);
        const std::string_view word = t.substr(token.start, token.end - token.start);
        std::string_view bare = word;
        if (!bare.empty() && (bare[0] == '-' || bare[0] == '+')) bare.remove_prefix(1);
        if (iequals(bare, "nan")) return {token.start, prefix + "NaN is not valid JSON"};
        if (iequals(bare, "infinity") || iequals(bare, "inf"))
            return {token.start, prefix + "Infinity is not valid JSON"};
        if (iequals(word, "true") || iequals(word, "false") || iequals(word, "null") ||
            iequals(word, "none"))
            return {token.start, prefix + quote_token(t, token) +
                                     " is not valid JSON; write true, false or null in lowercase"};
        if (!word.empty() && word[0] == '\'')
            return {token.start, prefix + "strings must be in double quotes, not single quotes"};
        if (!word.empty() && word[0] == '/')
            return {token.start, prefix + "comments are not allowed in JSON"};
        if (starts_with(fragment, "invalid number"))
            return {token.start, prefix + "invalid number " + quote_token(t, token)};
        return {token.start, prefix + "unexpected " + quote_token(t, token) +
                                 "; expected a string, number, object, array, true, false or null"};
    }

    if (starts_with(fragment, "invalid string")) {
        if (fragment.find("missing closing quote") != npos) {
            const Token token = token_at(t, offset);
            return {token.start, prefix + "a string is missing its closing quote"};
        }
        if (fragment.find("U+000A") != npos)
            return {offset, prefix + "line break inside a string; write it as \\n "
                                     "(or is a closing quote missing?)"};
        fragment.erase(0, std::string("invalid string: ").size());
        return {offset, prefix + "invalid string: " + fragment};
    }

    if (starts_with(fragment, "unexpected ")) {
        const Token token = token_at(t, offset);
        offset = token.start;
        // A '}' or ']' right after a comma: the classic trailing comma.
        if (offset < t.size() && (t[offset] == '}' || t[offset] == ']')) {
            std::size_t prev = offset;
            while (prev > 0 && is_json_space(t[prev - 1])) --prev;
            if (prev > 0 && t[prev - 1] == ',')
                return {offset, prefix + "unexpected '" + std::string(1, t[offset]) +
                                    "' after a comma (JSON does not allow trailing commas)"};
        }
        const bool in_object = what.find("while parsing object - ") != npos;
        const bool in_array = what.find("while parsing array - ") != npos;
        replace_all(fragment, "string literal", "string");
        replace_all(fragment, "number literal", "number");
        replace_all(fragment, "true literal", "true");
        replace_all(fragment, "false literal", "false");
        replace_all(fragment, "null literal", "null");
        replace_all(fragment, "expected '[', '{', or a literal", "expected a value");
        replace_all(fragment, "expected end of input", "expected the end of the file");
        if (in_object && fragment.find("; expected '}'") != npos)
            replace_all(fragment, "; expected '}'", "; expected ',' or '}' (is a comma missing?)");
        if (in_array && fragment.find("; expected ']'") != npos)
            replace_all(fragment, "; expected ']'", "; expected ',' or ']' (is a comma missing?)");
        replace_all(fragment, "; expected string", "; expected a key in double quotes");
        return {offset, prefix + fragment};
    }

    return {offset, prefix + fragment};
}

// Offset of the first bare word (number or literal, outside strings) equal to `word`.
std::optional<std::size_t> find_bare_word(std::string_view t, std::string_view word) {
    std::size_t p = document_start(t);
    for (;;) {
        p = skip_ws(t, p);
        if (p >= t.size() || word.empty()) return std::nullopt;
        const char c = t[p];
        if (c == '"') {
            p = skip_string(t, p);
            if (p == npos) return std::nullopt;
        } else if (is_delimiter(c)) {
            ++p;
        } else {
            std::size_t end = p;
            while (end < t.size() && !is_delimiter(t[end])) ++end;
            if (t.substr(p, end - p) == word) return p;
            p = end;
        }
    }
}

// nlohmann throws out_of_range 406 ("number overflow parsing '1e999'") for numbers it cannot
// hold; that is reported like a syntax error, at the number.
SyntaxError describe_number_overflow(std::string_view t, const std::string& what) {
    std::string number;
    const std::size_t open = what.find('\'');
    const std::size_t close = open == npos ? npos : what.find('\'', open + 1);
    if (close != npos) number = what.substr(open + 1, close - open - 1);
    const auto offset = find_bare_word(t, number);
    if (number.empty() || number.size() > 40) number = "here";
    else number = "'" + number + "'";
    return {offset.value_or(0), "the number " + number + " is out of range"};
}

Diagnostic file_diagnostic(DiagnosticId id, std::initializer_list<std::string_view> args, const std::string& path) {
    return make_diagnostic(id, args, path);
}

// Appends without letting an allocation failure escape.
void push(Diagnostics& out, Diagnostic d) noexcept {
    try {
        out.push_back(std::move(d));
    } catch (...) {
    }
}

Diagnostic too_large(std::uintmax_t size, std::size_t limit, bool at_least, const std::string& path) {
    return file_diagnostic(at_least ? DiagnosticId::FileTooLargeAtLeast : DiagnosticId::FileTooLarge,
                           {std::to_string(size), describe_size_limit(limit)}, path);
}

std::string unreadable_reason(const std::error_code& ec) {
    if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory)
        return "no such file";
    if (ec == std::errc::too_many_symbolic_link_levels)
        return "too many levels of symbolic links (a symbolic link loop)";
    if (ec == std::errc::permission_denied || ec == std::errc::operation_not_permitted)
        return "permission denied";
    if (ec == std::errc::is_a_directory) return "it is a directory, not a scenario file";
    if (ec == std::errc::filename_too_long) return "the file name is too long";
    return lowercase_first(ec.message());
}

const char* file_type_name(fs::file_type type) {
    switch (type) {
        case fs::file_type::fifo: return "a FIFO";
        case fs::file_type::socket: return "a socket";
        case fs::file_type::block: return "a block device";
        case fs::file_type::character: return "a character device";
        default: return "not a file";
    }
}

// Reads at most limit + 1 bytes (so a file that grows while we read is still caught).
std::optional<std::string> read_bounded(const std::string& path, std::uintmax_t expected,
                                        const SourceLimits& limits, Diagnostics& out) {
    const std::size_t cap = limits.max_bytes == std::numeric_limits<std::size_t>::max()
                                ? limits.max_bytes
                                : limits.max_bytes + 1;
    std::string data;
    data.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(expected, limits.max_bytes)));
    constexpr std::size_t chunk = 64 * 1024;

#if defined(SALESDOJO_POSIX_IO)
    // O_NONBLOCK: should the path have been swapped for a FIFO since we looked, open() still
    // returns at once, and fstat() below refuses it.
    int fd;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const std::error_code ec(errno, std::generic_category());
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {unreadable_reason(ec)}, path));
        return std::nullopt;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const std::error_code ec(errno, std::generic_category());
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {unreadable_reason(ec)}, path));
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {"it is a directory, not a scenario file"}, path));
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {"not a regular file"}, path));
        return std::nullopt;
    }
    if (st.st_size > 0 && static_cast<std::uintmax_t>(st.st_size) > limits.max_bytes) {
        push(out, too_large(static_cast<std::uintmax_t>(st.st_size), limits.max_bytes, false, path));
        return std::nullopt;
    }
    while (data.size() < cap) {
        const std::size_t want = std::min(chunk, cap - data.size());
        const std::size_t old = data.size();
        data.resize(old + want);
        const ssize_t got = ::read(fd, &data[old], want);
        if (got < 0) {
            data.resize(old);
            if (errno == EINTR) continue;
            const std::error_code ec(errno, std::generic_category());
            push(out, file_diagnostic(DiagnosticId::FileUnreadable, {unreadable_reason(ec)}, path));
            return std::nullopt;
        }
        data.resize(old + static_cast<std::size_t>(got));
        if (got == 0) break;
    }
#else
    std::ifstream in(fs::path(path), std::ios::binary);
    if (!in) {
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {"the file cannot be opened"}, path));
        return std::nullopt;
    }
    while (data.size() < cap && in) {
        const std::size_t want = std::min(chunk, cap - data.size());
        const std::size_t old = data.size();
        data.resize(old + want);
        in.read(&data[old], static_cast<std::streamsize>(want));
        data.resize(old + static_cast<std::size_t>(in.gcount()));
        if (in.gcount() == 0) break;
    }
    if (in.bad()) {
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {"a read error occurred"}, path));
        return std::nullopt;
    }
#endif

    if (data.size() > limits.max_bytes) {
        push(out, too_large(limits.max_bytes, limits.max_bytes, true, path));
        return std::nullopt;
    }
    return data;
}

}  // namespace

// --- SourceText ----------------------------------------------------------------------------------

// What diagnostics have needed of the text's structure so far (see ElementCache), and a table of
// character counts for columns on long lines: a minified file is one line, and counting the
// characters from its start for every diagnostic made positioning quadratic.
struct SourceText::Index {
    static constexpr std::size_t kBlock = 4096;
    std::mutex mutex;
    ElementCache cache;
    std::vector<std::size_t> characters_before_block;  // [k]: characters in text[0, k * kBlock)
};

namespace {

std::size_t count_characters(std::string_view t, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t p = from; p < to; ++p)
        if (!is_continuation(t[p])) ++n;
    return n;
}

}  // namespace

SourceText::SourceText(std::string file, std::string text)
    : m_file(std::move(file)), m_text(std::move(text)), m_index(std::make_unique<Index>()) {
    m_line_starts.push_back(0);
    for (std::size_t p = m_text.find('\n'); p != npos; p = m_text.find('\n', p + 1))
        m_line_starts.push_back(p + 1);
}

SourceText::SourceText(SourceText&&) noexcept = default;
SourceText& SourceText::operator=(SourceText&&) noexcept = default;
SourceText::~SourceText() = default;

std::size_t SourceText::characters_between(std::size_t from, std::size_t to) const {
    constexpr std::size_t block = Index::kBlock;
    if (to - from < 2 * block) return count_characters(m_text, from, to);
    std::lock_guard<std::mutex> lock(m_index->mutex);
    auto& table = m_index->characters_before_block;
    if (table.empty()) {
        table.reserve(m_text.size() / block + 1);
        std::size_t total = 0;
        for (std::size_t start = 0; start <= m_text.size(); start += block) {
            table.push_back(total);
            total += count_characters(m_text, start, std::min(start + block, m_text.size()));
        }
    }
    const auto before = [&](std::size_t offset) {
        const std::size_t k = offset / block;
        return table[k] + count_characters(m_text, k * block, offset);
    };
    return before(to) - before(from);
}

Position SourceText::position_of_offset(std::size_t offset) const {
    const std::string_view t = m_text;
    offset = std::min(offset, t.size());
    const auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const std::size_t line_index = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
    std::size_t start = m_line_starts[line_index];
    if (line_index == 0 && has_bom(t) && offset >= 3) start = 3;  // editors do not show the BOM
    // An offset inside a multi-byte character points at that character.
    std::size_t at = offset;
    for (int k = 0; k < 3 && at > start && at < t.size() && is_continuation(t[at]); ++k) --at;
    const std::size_t column = 1 + characters_between(start, at);
    constexpr std::size_t int_max = static_cast<std::size_t>(std::numeric_limits<int>::max());
    Position pos;
    pos.line = static_cast<int>(std::min(line_index + 1, int_max));
    pos.column = static_cast<int>(std::min(column, int_max));
    return pos;
}

std::optional<std::size_t> SourceText::offset_of_pointer(std::string_view pointer) const {
    try {
        std::lock_guard<std::mutex> lock(m_index->mutex);
        const auto member = resolve_pointer(m_text, pointer, &m_index->cache);
        if (!member) return std::nullopt;
        return member->value;
    } catch (...) {
        return std::nullopt;
    }
}

std::vector<std::optional<std::size_t>> SourceText::offsets_of_pointers(const std::vector<std::string_view>& pointers) const {
    std::vector<std::optional<std::size_t>> offsets(pointers.size());
    for (std::size_t i = 0; i < pointers.size(); ++i) offsets[i] = offset_of_pointer(pointers[i]);
    return offsets;
}

std::optional<std::size_t> SourceText::offset_of_key(std::string_view pointer) const {
    try {
        std::lock_guard<std::mutex> lock(m_index->mutex);
        const auto member = resolve_pointer(m_text, pointer, &m_index->cache);
        if (!member) return std::nullopt;
        return member->key;
    } catch (...) {
        return std::nullopt;
    }
}

Position SourceText::position_in_string(std::string_view pointer, std::size_t n) const {
    const std::string_view t = m_text;
    const auto start = offset_of_pointer(pointer);
    if (!start) return position_of_offset(0);
    if (*start >= t.size() || t[*start] != '"') return position_of_offset(*start);
    std::size_t p = *start + 1;
    std::size_t decoded = 0;
    while (decoded < n) {
        if (p >= t.size() || t[p] == '"') return position_of_offset(*start);  // n is past the end
        std::size_t raw = 1;
        std::size_t bytes = 1;
        if (t[p] == '\\') {
            const Escape e = read_escape(t, p);
            raw = e.raw_length;
            bytes = decoded_length(e);
        }
        if (decoded + bytes > n) break;  // n falls inside this escape: point at the escape
        decoded += bytes;
        p += raw;
    }
    return position_of_offset(p);
}

Diagnostic SourceText::make(std::string_view code, std::string message, std::string pointer) const {
    Diagnostic d = make_diagnostic(code, std::move(message), m_file);
    d.line = 1;
    d.column = 1;
    if (const auto offset = offset_of_pointer(pointer)) {
        const Position pos = position_of_offset(*offset);
        d.line = pos.line;
        d.column = pos.column;
    }
    d.pointer = std::move(pointer);
    return d;
}

// --- reading and parsing -------------------------------------------------------------------------

std::optional<std::string> read_source_file(const std::string& path, const SourceLimits& limits,
                                            Diagnostics& out) {
    try {
        if (path.empty()) {
            push(out, file_diagnostic(DiagnosticId::FileUnreadable, {"no such file"}, path));
            return std::nullopt;
        }
        const fs::path p(path);
        std::error_code ec;
        const fs::file_status st = fs::status(p, ec);
        if (ec || st.type() == fs::file_type::not_found) {
            std::string reason = ec ? unreadable_reason(ec) : std::string("no such file");
            if (reason == "no such file") {
                std::error_code link_ec;
                if (fs::is_symlink(fs::symlink_status(p, link_ec)) && !link_ec)
                    reason = "no such file (the symbolic link points to a missing file)";
            }
            push(out, file_diagnostic(DiagnosticId::FileUnreadable, {reason}, path));
            return std::nullopt;
        }
        if (st.type() == fs::file_type::directory) {
            push(out, file_diagnostic(DiagnosticId::FileUnreadable, {"it is a directory, not a scenario file"}, path));
            return std::nullopt;
        }
        if (st.type() != fs::file_type::regular) {
            // Never open these: a FIFO blocks, /dev/zero never ends.
            push(out, file_diagnostic(DiagnosticId::FileNotRegular, {file_type_name(st.type())}, path));
            return std::nullopt;
        }
        std::error_code size_ec;
        const std::uintmax_t size = fs::file_size(p, size_ec);
        if (!size_ec && size > limits.max_bytes) {
            push(out, too_large(size, limits.max_bytes, false, path));
            return std::nullopt;
        }
        return read_bounded(path, size_ec ? 0 : size, limits, out);
    } catch (const std::bad_alloc&) {
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {"out of memory"}, path));
    } catch (const std::exception& e) {
        push(out, file_diagnostic(DiagnosticId::FileUnreadable, {lowercase_first(e.what())}, path));
    } catch (...) {
        push(out, file_diagnostic(DiagnosticId::FileUnreadableNoReason, {}, path));
    }
    return std::nullopt;
}

namespace {

// parse_json's work, into nlohmann::json or a DocumentJson (see parse_document).
template <typename Json>
std::optional<Json> parse_into(const SourceText& source, const SourceLimits& limits, Diagnostics& out) {
    try {
        const std::string& text = source.text();
        const auto at = [&](DiagnosticId id, std::initializer_list<std::string_view> args, std::size_t offset) {
            Diagnostic d = file_diagnostic(id, args, source.file());
            const Position pos = source.position_of_offset(offset);
            d.line = pos.line;
            d.column = pos.column;
            push(out, std::move(d));
        };

        if (text.size() > limits.max_bytes) {
            push(out, too_large(text.size(), limits.max_bytes, false, source.file()));
            return std::nullopt;
        }
        if (const char* encoding = other_unicode_encoding(text)) {
            at(DiagnosticId::OtherUnicodeEncoding, {encoding}, 0);
            return std::nullopt;
        }
        if (const auto bad = find_invalid_utf8(text)) {
            const unsigned char byte = static_cast<unsigned char>(text[bad->offset]);
            at(DiagnosticId::InvalidUtf8, {hex_byte(byte), std::to_string(bad->offset), bad->reason}, bad->offset);
            return std::nullopt;
        }
        if (skip_ws(text, document_start(text)) >= text.size()) {
            at(DiagnosticId::EmptyFile, {}, 0);
            return std::nullopt;
        }
        // The only parse (see FastDomParser). When it stops, what it stopped at is reported; only a
        // plain syntax error is described with the help of nlohmann's parser, which builds nothing.
        using Stop = typename FastDomParser<Json>::Stop;
        FastDomParser<Json> parser(text, limits.max_depth < 0 ? 0 : limits.max_depth);
        std::optional<std::size_t> stop_at;
        {
            Json fast;
            if (parser.parse(fast)) return fast;
            if (parser.stop_at()) stop_at = static_cast<std::size_t>(parser.stop_at() - text.data());
        }
        if (parser.stop() == Stop::DuplicateKey) {
            const std::size_t second = *stop_at;
            std::string key;
            read_string(text, second, key);
            if (const auto first = first_member_offset(text, static_cast<std::size_t>(parser.object_at() - text.data()), key)) {
                const Position p = source.position_of_offset(*first);
                at(DiagnosticId::DuplicateKeyAt, {key, std::to_string(p.line), std::to_string(p.column)}, second);
            } else {
                at(DiagnosticId::DuplicateKey, {key}, second);
            }
            return std::nullopt;
        }
        if (stop_at && text[*stop_at] == '\0') {
            // nlohmann takes a NUL byte for the end of the input: describe it ourselves.
            if (parser.stop() == Stop::AfterDocument)
                at(DiagnosticId::NulAfterDocument, {}, *stop_at);
            else if (parser.stopped_in_string())
                at(DiagnosticId::NulInString, {}, *stop_at);
            else
                at(DiagnosticId::NulUnexpected, {}, *stop_at);
            return std::nullopt;
        }
        if (parser.stop() == Stop::TooDeep) {
            at(DiagnosticId::TooDeep, {std::to_string(std::max(limits.max_depth, 0))}, *stop_at);
            return std::nullopt;
        }
        // Nesting depth (SD1004) takes precedence over syntax errors (SD1005), wherever they are.
        // The depth is checked during the parse (no separate pass over the bytes); when the parse
        // fails for any reason, the reference scan decides whether the file is too deep.
        const auto report_too_deep = [&]() -> bool {
            const auto deep = find_too_deep(text, limits.max_depth);
            if (!deep) return false;
            at(DiagnosticId::TooDeep, {std::to_string(std::max(limits.max_depth, 0))}, *deep);
            return true;
        };
        try {
            SyntaxOnlySax handler(limits.max_depth < 0 ? 0 : limits.max_depth);
            const bool parsed = nlohmann::json::sax_parse(text, &handler, nlohmann::json::input_format_t::json,
                                                          /*strict=*/true, /*ignore_comments=*/false);
            if (report_too_deep()) return std::nullopt;
            // Not expected: nlohmann accepts what the fast path refused. Refuse it where the fast
            // path stopped rather than accept a file read two ways.
            if (parsed) at(DiagnosticId::JsonSyntax, {"unexpected character"}, stop_at.value_or(0));
            else at(DiagnosticId::TooDeep, {std::to_string(std::max(limits.max_depth, 0))}, stop_at.value_or(0));
            return std::nullopt;
        } catch (const nlohmann::json::parse_error& e) {
            if (report_too_deep()) return std::nullopt;
            SyntaxError error = describe_syntax_error(text, e.byte, e.what());
            at(DiagnosticId::JsonSyntax, {error.message}, error.offset);
            return std::nullopt;
        } catch (const nlohmann::json::out_of_range& e) {
            if (report_too_deep()) return std::nullopt;
            SyntaxError error = describe_number_overflow(text, e.what());
            at(DiagnosticId::JsonSyntax, {error.message}, error.offset);
            return std::nullopt;
        }
    } catch (const std::bad_alloc&) {
        push(out, file_diagnostic(DiagnosticId::JsonNotParsed, {"out of memory"}, source.file()));
    } catch (const std::exception& e) {
        push(out, file_diagnostic(DiagnosticId::JsonNotParsed, {e.what()}, source.file()));
    } catch (...) {
        push(out, file_diagnostic(DiagnosticId::JsonNotParsedNoReason, {}, source.file()));
    }
    return std::nullopt;
}

}  // namespace

std::optional<nlohmann::json> parse_json(const SourceText& source, const SourceLimits& limits,
                                         Diagnostics& out) {
    return parse_into<nlohmann::json>(source, limits, out);
}

// --- documents -----------------------------------------------------------------------------------

// Bump allocation from blocks of at least 1 MiB (growing with the document), released together.
class DocumentArena {
public:
    DocumentArena() = default;
    DocumentArena(const DocumentArena&) = delete;
    DocumentArena& operator=(const DocumentArena&) = delete;
    ~DocumentArena() {
        for (void* block : m_blocks) std::free(block);
    }

    void* allocate(std::size_t bytes, std::size_t alignment) {
        std::uintptr_t at = (m_next + (alignment - 1)) & ~static_cast<std::uintptr_t>(alignment - 1);
        if (m_blocks.empty() || at > m_end || bytes > m_end - at) {
            const std::size_t size = std::max(bytes + alignment, std::min<std::size_t>(m_total / 2 + kMinBlock, kMaxBlock));
            void* block = std::malloc(size);
            if (!block) throw std::bad_alloc();
            m_blocks.push_back(block);
            m_total += size;
            m_next = reinterpret_cast<std::uintptr_t>(block);
            m_end = m_next + size;
            at = (m_next + (alignment - 1)) & ~static_cast<std::uintptr_t>(alignment - 1);
        }
        m_next = at + bytes;
        return reinterpret_cast<void*>(at);
    }

private:
    static constexpr std::size_t kMinBlock = 1u << 20;
    static constexpr std::size_t kMaxBlock = 16u << 20;
    std::vector<void*> m_blocks;
    std::size_t m_total = 0;
    std::uintptr_t m_next = 0;
    std::uintptr_t m_end = 0;
};

namespace {

thread_local DocumentArena* t_document_arena = nullptr;

// Makes `arena` the one document values come from on this thread, for the guard's lifetime.
class CurrentArena {
public:
    explicit CurrentArena(DocumentArena* arena) : m_previous(t_document_arena) { t_document_arena = arena; }
    ~CurrentArena() { t_document_arena = m_previous; }
    CurrentArena(const CurrentArena&) = delete;
    CurrentArena& operator=(const CurrentArena&) = delete;

private:
    DocumentArena* m_previous;
};

// Frees the buffers of the strings still in a document (keys and values), without running the
// values' destructors: everything else they own is arena memory. Iterative (documents may nest
// up to SourceLimits::max_depth, which a caller may raise).
void free_strings(DocumentJson& root) noexcept {
    std::vector<DocumentJson*> pending{&root};
    while (!pending.empty()) {
        DocumentJson* value = pending.back();
        pending.pop_back();
        switch (value->type()) {
            case DocumentJson::value_t::object:
                for (auto& [key, member] : *value->get_ptr<DocumentJson::object_t*>()) {
                    // A key is const: its lifetime is ended (its buffer freed) by its destructor, which
                    // may be called on a const object; the node holding it is never used again.
                    if (key.capacity() > std::string().capacity()) key.~basic_string();
                    pending.push_back(&member);
                }
                break;
            case DocumentJson::value_t::array:
                for (auto& element : *value->get_ptr<DocumentJson::array_t*>()) pending.push_back(&element);
                break;
            case DocumentJson::value_t::string: {
                std::string released;
                value->get_ptr<std::string*>()->swap(released);  // freed at the end of this scope
                break;
            }
            default: break;  // numbers, booleans, null own nothing; parsing text makes no binary values
        }
    }
}

}  // namespace

namespace detail {
void* document_allocate(std::size_t bytes, std::size_t alignment) {
    if (t_document_arena) return t_document_arena->allocate(bytes, alignment);
    // Outside a parse: a process-wide arena, never released (see the header).
    static std::mutex mutex;
    static DocumentArena* const leftover = new DocumentArena();
    std::lock_guard<std::mutex> lock(mutex);
    return leftover->allocate(bytes, alignment);
}
}  // namespace detail

Document::Document() : m_arena(std::make_unique<DocumentArena>()) {}

Document::Document(Document&& other) noexcept : m_arena(std::move(other.m_arena)), m_root(other.m_root) {
    other.m_root = nullptr;
}

Document& Document::operator=(Document&& other) noexcept {
    if (this != &other) {
        release();
        m_arena = std::move(other.m_arena);
        m_root = other.m_root;
        other.m_root = nullptr;
    }
    return *this;
}

Document::~Document() { release(); }

void Document::release() noexcept {
    if (m_root) free_strings(*m_root);  // m_root itself lives in the arena: no destructor to run
    m_root = nullptr;
    m_arena.reset();
}

std::optional<Document> parse_document(const SourceText& source, const SourceLimits& limits, Diagnostics& out) {
    try {
        Document document;
        CurrentArena current(document.m_arena.get());
        std::optional<DocumentJson> parsed = parse_into<DocumentJson>(source, limits, out);
        if (!parsed) return std::nullopt;
        void* place = document.m_arena->allocate(sizeof(DocumentJson), alignof(DocumentJson));
        document.m_root = new (place) DocumentJson(std::move(*parsed));
        return document;
    } catch (...) {  // out of memory for the arena itself
        push(out, file_diagnostic(DiagnosticId::JsonNotParsed, {"out of memory"}, source.file()));
        return std::nullopt;
    }
}

}  // namespace salesdojo
