#pragma once
// Text from a scenario file reaches the terminal only through here: a file must not be able to clear
// the screen, set the window title or hide lines (ESC sequences, OSC, 8-bit CSI).
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace salesdojo::cli {

// Control characters written as visible escapes: C0 (except line feed and tab), DEL and the C1
// controls U+0080..U+009F become "\u001B" and the like. The escapes are also valid inside JSON
// strings (with the same meaning), so JSON output passes through unchanged in content.
std::string terminal_safe(std::string_view text);

// Routes everything written to `stream` through terminal_safe for as long as it lives.
class TerminalFilter : public std::streambuf {
public:
    explicit TerminalFilter(std::ostream& stream);
    ~TerminalFilter() override;
    TerminalFilter(const TerminalFilter&) = delete;
    TerminalFilter& operator=(const TerminalFilter&) = delete;

protected:
    int overflow(int c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    std::ostream& m_stream;
    std::streambuf* m_destination;
    bool m_pending_c2 = false;  // a 0xC2 byte whose follower (maybe a C1 control) has not come yet
};

}  // namespace salesdojo::cli
