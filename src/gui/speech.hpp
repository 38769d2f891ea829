#pragma once
// Read-aloud of lines through espeak-ng, when it is installed. Never blocks the interface: the
// speech runs in a child process; a new line stops the previous one.
//
// - espeak-ng is looked up on PATH once, in the constructor (as PATH was then).
// - speak() runs `espeak-ng -v nl|en -s 160 -- text` (language "nl" gives Dutch, anything else
//   English) with stdin, stdout and stderr on /dev/null; it stops the previous line first. When
//   espeak-ng is not available, or the text is empty, it does nothing. Text beyond kMaxSpokenBytes
//   is cut at a character boundary (one argument may hold at most 128 KiB).
// - Failures are data, so the window can say it cannot speak instead of staying silent: error()
//   is NotInstalled after speak() without espeak-ng, CannotStart when the program could not be
//   run (exec failed: seen at once through a close-on-exec pipe), ExitedWithError when a child
//   ended by itself with a non-zero status or a signal (seen when it is reaped; exit_status()
//   tells which). A child that ends well clears it; stop()'s own SIGTERM is no failure.
// - stop() sends SIGTERM to the running child and reaps it (SIGKILL if it has not exited within
//   about 100 ms). A child that finished on its own is reaped (waitpid WNOHANG) by the next
//   speak(), stop() or speaking(). The destructor stops.
// - Not thread-safe: call from the UI thread.
#include <cstdint>
#include <string>

namespace salesdojo::gui {

enum class SpeechError { None, NotInstalled, CannotStart, ExitedWithError };

class Speech {
public:
    static constexpr std::size_t kMaxSpokenBytes = 100'000;

    Speech();
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    bool available() const { return m_available; }  // espeak-ng found on PATH
    void speak(const std::string& text, const std::string& language);  // "nl" or "en"
    void stop();

    // True while the child of the last speak() is still running (reaps it when it has finished).
    bool speaking();
    // The running child's pid, or -1 (for tests and diagnostics).
    long child_pid() const { return m_child; }
    // The espeak-ng found on PATH ("" when none).
    const std::string& program() const { return m_program; }

    // The last failure (see above), and the status of a child that ended with an error: its exit
    // code, or 128 + the signal that ended it.
    SpeechError error() const { return m_error; }
    // How many failures there have been (+1 at each): a new one is news even if of the same kind.
    std::uint64_t failures() const { return m_failures; }
    int exit_status() const { return m_exit_status; }

private:
    void reap();

    bool m_available = false;
    long m_child = -1;  // pid of the running espeak-ng, or -1
    std::string m_program;
    SpeechError m_error = SpeechError::None;
    int m_exit_status = 0;
    std::uint64_t m_failures = 0;
};

}  // namespace salesdojo::gui
