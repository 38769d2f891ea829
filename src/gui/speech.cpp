// Read-aloud through an espeak-ng child process. See speech.hpp.
#include "speech.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace salesdojo::gui {
namespace {

// The first executable regular file called `name` in a directory of $PATH ("" when none). An empty
// PATH entry means the current directory (POSIX); we skip it, as a GUI should not run ./espeak-ng.
std::string find_on_path(std::string_view name) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    std::string_view rest(path);
    while (true) {
        const std::size_t colon = rest.find(':');
        const std::string_view dir = rest.substr(0, colon);
        if (!dir.empty()) {
            std::string candidate(dir);
            if (candidate.back() != '/') candidate += '/';
            candidate += name;
            struct stat info {};
            if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
                ::access(candidate.c_str(), X_OK) == 0) {
                return candidate;
            }
        }
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    return {};
}

}  // namespace

Speech::Speech() : m_program(find_on_path("espeak-ng")) { m_available = !m_program.empty(); }

Speech::~Speech() { stop(); }

void Speech::reap() {
    if (m_child <= 0) return;
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(static_cast<pid_t>(m_child), &status, WNOHANG);
    } while (r < 0 && errno == EINTR);
    // r == pid: finished and reaped. r < 0: not our child any more (ECHILD, e.g. SIGCHLD ignored
    // by the application, which reaps automatically). r == 0: still running.
    if (r == 0) return;
    m_child = -1;
    if (r < 0) return;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        m_error = SpeechError::None;
    } else {
        m_error = SpeechError::ExitedWithError;
        ++m_failures;
        m_exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    }
}

bool Speech::speaking() {
    reap();
    return m_child > 0;
}

void Speech::stop() {
    reap();
    if (m_child <= 0) return;
    const pid_t pid = static_cast<pid_t>(m_child);
    ::kill(pid, SIGTERM);
    // espeak-ng exits at once on SIGTERM; poll briefly rather than block, then insist.
    for (int i = 0; i < 100; ++i) {
        int status = 0;
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r < 0 && errno == EINTR) continue;
        if (r != 0) {
            m_child = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_child = -1;
}

void Speech::speak(const std::string& text, const std::string& language) {
    stop();
    if (!m_available) {
        m_error = SpeechError::NotInstalled;
        ++m_failures;
        return;
    }
    if (text.empty()) return;

    // Everything the child needs is prepared before fork(): between fork and exec only
    // async-signal-safe calls (the GUI has other threads, e.g. Mesa's).
    const std::string voice = language == "nl" ? "nl" : "en";
    std::string said = text;
    if (said.size() > kMaxSpokenBytes) {
        std::size_t cut = kMaxSpokenBytes;
        while (cut > 0 && (static_cast<unsigned char>(said[cut]) & 0xC0) == 0x80) --cut;
        said.resize(cut);
    }
    std::vector<std::string> args = {m_program, "-v", voice, "-s", "160", "--", said};
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    // exec's failure reaches us through a close-on-exec pipe: it closes unread when exec works.
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0) report[0] = report[1] = -1;
    const pid_t pid = ::fork();
    if (pid < 0) {  // no process to spare
        if (report[0] >= 0) ::close(report[0]), ::close(report[1]);
        m_error = SpeechError::CannotStart;
        ++m_failures;
        return;
    }
    if (pid == 0) {
        if (report[0] >= 0) ::close(report[0]);
        const int null_fd = ::open("/dev/null", O_RDWR);
        if (null_fd >= 0) {
            ::dup2(null_fd, STDIN_FILENO);
            ::dup2(null_fd, STDOUT_FILENO);
            ::dup2(null_fd, STDERR_FILENO);
            if (null_fd > STDERR_FILENO) ::close(null_fd);
        } else {
            ::close(STDIN_FILENO);
            ::close(STDOUT_FILENO);
            ::close(STDERR_FILENO);
        }
        // Default signal handling in the child, whatever the parent set up.
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGPIPE, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execv(argv[0], argv.data());
        const int failure = errno;
        if (report[1] >= 0) {
            const ssize_t ignored = ::write(report[1], &failure, sizeof failure);
            (void)ignored;
        }
        ::_exit(127);
    }
    m_child = pid;
    if (report[0] < 0) return;
    ::close(report[1]);
    int failure = 0;
    ssize_t got;
    do {
        got = ::read(report[0], &failure, sizeof failure);
    } while (got < 0 && errno == EINTR);
    ::close(report[0]);
    if (got == static_cast<ssize_t>(sizeof failure)) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_child = -1;
        m_error = SpeechError::CannotStart;
        m_exit_status = 127;
        ++m_failures;
    }
}

}  // namespace salesdojo::gui
