#include "terminal_output.hpp"

namespace salesdojo::cli {
namespace {

void append_escape(std::string& out, unsigned code) {
    static const char digits[] = "0123456789ABCDEF";
    out += "\\u00";
    out += digits[(code >> 4) & 0xF];
    out += digits[code & 0xF];
}

// Filters `text` into `out`; `pending_c2` carries a trailing 0xC2 byte between calls.
void filter(std::string_view text, std::string& out, bool& pending_c2) {
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (pending_c2) {
            pending_c2 = false;
            if (c >= 0x80 && c <= 0x9F) {  // U+0080..U+009F: the C1 controls (0x9B is CSI)
                append_escape(out, c);
                continue;
            }
            out += '\xC2';
        }
        if (c == 0xC2) {
            pending_c2 = true;
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            append_escape(out, c);
        } else {
            out += ch;
        }
    }
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_c2 = false;
    filter(text, out, pending_c2);
    if (pending_c2) out += '\xC2';
    return out;
}

TerminalFilter::TerminalFilter(std::ostream& stream) : m_stream(stream), m_destination(stream.rdbuf(this)) {}

TerminalFilter::~TerminalFilter() {
    sync();
    if (m_pending_c2) m_destination->sputc('\xC2');
    m_destination->pubsync();
    m_stream.rdbuf(m_destination);
}

std::streamsize TerminalFilter::xsputn(const char* s, std::streamsize n) {
    std::string out;
    filter(std::string_view(s, static_cast<std::size_t>(n)), out, m_pending_c2);
    const auto size = static_cast<std::streamsize>(out.size());
    return m_destination->sputn(out.data(), size) == size ? n : 0;
}

int TerminalFilter::overflow(int c) {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    const char ch = static_cast<char>(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
}

int TerminalFilter::sync() { return m_destination->pubsync(); }

}  // namespace salesdojo::cli
