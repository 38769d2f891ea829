#include <salesdojo/authoring/problem.hpp>

namespace salesdojo::authoring {

std::string format_problem(const Problem& p) {
    std::string out = p.file;
    if (p.line > 0) out += ":" + std::to_string(p.line);
    if (p.line > 0 && p.column > 0) out += ":" + std::to_string(p.column);
    const char* kind = p.kind == ProblemKind::Error ? "error" : p.kind == ProblemKind::Warning ? "warning" : "todo";
    return out + ": " + kind + ": " + p.message;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = byte(i);
        if (c < 0x80) { ++i; continue; }
        const std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        if (n == 0 || i + n > text.size()) return i;
        for (std::size_t k = 1; k < n; ++k)
            if ((byte(i + k) & 0xC0) != 0x80) return i;
        const unsigned char d = byte(i + 1);
        if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F))
            return i;  // overlong, surrogate or beyond U+10FFFF
        i += n;
    }
    return std::nullopt;
}

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    int line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') { ++line; start = i + 1; }
    return {line, static_cast<int>(offset - start) + 1};
}

bool has_errors(const std::vector<Problem>& problems) {
    for (const auto& p : problems)
        if (p.kind == ProblemKind::Error) return true;
    return false;
}

}  // namespace salesdojo::authoring
