#include "pack_words.hpp"

#include "test_support.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace salesdojo::test {
namespace {

// Decodes one UTF-8 code point at text[i]; advances i. Invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b = byte(i);
    int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
    if (extra == 0) {
        ++i;
        return b;
    }
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
        i = extra < 0 ? i + 1 : text.size();
        return 0xFFFD;
    }
    char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
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

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

bool is_upper(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

char32_t to_lower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && (cp % 2) == 0) return cp + 1;  // Latin Extended-A pairs (close enough)
    return cp;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x60; }

// Characters after which a capital starts a sentence (or a quotation, or a list item).
bool opens_sentence(char32_t cp) {
    switch (cp) {
    case '.': case '!': case '?': case ':': case ';': case '\n': case '"': case '\'': case '(': case '[':
    case '-': case 0x2026 /* … */: case 0x201C /* “ */: case 0x2018 /* ‘ */: case 0x201E /* „ */:
    case 0x2013 /* – */: case 0x2014 /* — */: case 0x2022 /* • */: case 0xAB /* « */: case 0x2019 /* ’ */:
    case 0x201D /* ” */:
        return true;
    default:
        return false;
    }
}

void collect(const nlohmann::json& value, const std::string& pointer, std::vector<DocumentString>& out) {
    if (value.is_string()) {
        out.push_back({pointer, value.get<std::string>()});
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) collect(it.value(), pointer + "/" + it.key(), out);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) collect(value[i], pointer + "/" + std::to_string(i), out);
    }
}

}  // namespace

std::vector<std::string> normalised_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = next_code_point(text, i);
        if (is_letter(cp)) {
            append_utf8(word, to_lower(cp));
        } else if (is_apostrophe(cp) && !word.empty()) {
            continue;  // "z’n" -> "zn": the apostrophe is removed, the word goes on
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::vector<std::string> name_tokens(std::string_view text) {
    std::vector<std::string> tokens;
    std::string token;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = next_code_point(text, i);
        if (is_letter(cp)) {
            append_utf8(token, cp);
        } else if (!token.empty()) {
            tokens.push_back(std::move(token));
            token.clear();
        }
    }
    if (!token.empty()) tokens.push_back(std::move(token));
    return tokens;
}

std::vector<std::string> capitalised_midsentence(std::string_view text) {
    std::vector<std::string> out;
    std::string token;
    bool token_capital = false;
    bool sentence_start = true;  // nothing but opening characters and spaces so far
    char32_t last_visible = 0;
    for (std::size_t i = 0; i <= text.size();) {
        char32_t cp = i < text.size() ? next_code_point(text, i) : (++i, U' ');
        if (is_letter(cp)) {
            if (token.empty()) {
                token_capital = is_upper(cp);
                sentence_start = last_visible == 0 || opens_sentence(last_visible);
            }
            append_utf8(token, cp);
            continue;
        }
        if (!token.empty()) {
            if (token_capital && !sentence_start) out.push_back(token);
            token.clear();
            last_visible = 'a';
        }
        if (cp != ' ' && cp != '\t' && cp != 0xA0 && cp != '\r') last_visible = cp;
        if (cp == '\n') last_visible = '\n';
    }
    return out;
}

std::string six_word_fingerprint(const std::vector<std::string>& words, std::size_t first) {
    std::uint64_t hash = 14695981039346656037ull;
    for (std::size_t k = first; k < first + 6; ++k) {
        if (k > first) hash = (hash ^ static_cast<unsigned char>(' ')) * 1099511628211ull;
        for (unsigned char c : words[k]) hash = (hash ^ c) * 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size();) {
        next_code_point(text, i);
        ++n;
    }
    return n;
}

std::vector<DocumentString> all_strings(const nlohmann::json& document) {
    std::vector<DocumentString> out;
    collect(document, "", out);
    return out;
}

std::optional<std::vector<std::string>> read_list_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        auto hash = line.find('#');
        if (hash != std::string::npos) line.erase(hash);
        line.erase(0, line.find_first_not_of(" \t\r"));
        auto end = line.find_last_not_of(" \t\r");
        line.erase(end == std::string::npos ? 0 : end + 1);
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

std::set<std::string> pack_v2_checked_ids(const std::vector<std::string>& all_ids) {
    auto done = read_list_file(source_path("tests/data/pack_v2_done.txt"));
    if (!done) return {all_ids.begin(), all_ids.end()};
    return {done->begin(), done->end()};
}

std::optional<std::string> seeds_directory() {
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("SALESDOJO_SEEDS_DIR")) candidates.emplace_back(env);
    candidates.push_back(fs::path(SALESDOJO_SOURCE_DIR) / ".." / "shared" / "seeds");
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (fs::is_directory(dir, ec)) return fs::weakly_canonical(dir, ec).string();
    }
    return std::nullopt;
}

}  // namespace salesdojo::test
