#include "bounded_process.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

namespace salesdojo::test {

namespace {

// Appends what is readable on `fd` to `to`; false at end of file.
bool drain(int fd, std::string& to) {
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            to.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
        return false;  // end of file, or an error: stop reading either way
    }
}

}  // namespace

ProcessResult run_bounded(const std::vector<std::string>& argv, const ProcessLimits& limits) {
    ProcessResult result;
    int out_pipe[2], err_pipe[2];
    if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) {
        result.error = std::string("pipe: ") + std::strerror(errno);
        return result;
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.error = std::string("fork: ") + std::strerror(errno);
        return result;
    }
    if (pid == 0) {  // the child: only async-signal-safe calls until exec
        if (limits.address_space > 0) {
            struct rlimit bound;
            bound.rlim_cur = bound.rlim_max = limits.address_space;
            ::setrlimit(RLIMIT_AS, &bound);
        }
        struct rlimit cpu;
        cpu.rlim_cur = static_cast<rlim_t>(limits.cpu_seconds);
        cpu.rlim_max = cpu.rlim_cur + 1;  // SIGKILL one second later if SIGXCPU is ignored
        ::setrlimit(RLIMIT_CPU, &cpu);
        const int null_fd = ::open("/dev/null", O_RDONLY);
        if (null_fd >= 0) ::dup2(null_fd, 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    ::fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
    ::fcntl(err_pipe[0], F_SETFL, O_NONBLOCK);
    result.started = true;

    const auto deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(limits.wall_seconds));
    bool out_open = true, err_open = true, killed = false;
    while (out_open || err_open) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            ::kill(pid, SIGKILL);  // a grandchild holding the pipes is not expected: salesdojo forks none
            killed = true;
            break;
        }
        const int wait_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count()) + 1;
        struct pollfd fds[2] = {{out_open ? out_pipe[0] : -1, POLLIN, 0}, {err_open ? err_pipe[0] : -1, POLLIN, 0}};
        if (::poll(fds, 2, wait_ms) < 0 && errno != EINTR) break;
        if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) out_open = drain(out_pipe[0], result.out);
        if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) err_open = drain(err_pipe[0], result.err);
    }
    // Both pipes closed (or the bound reached): wait for the exit, still within the bound.
    int status = 0;
    struct rusage usage {};
    for (;;) {
        const pid_t done = ::wait4(pid, &status, killed ? 0 : WNOHANG, &usage);
        if (done == pid || (done < 0 && errno != EINTR)) break;
        if (done == 0 && std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            killed = true;
        } else if (done == 0) {
            ::usleep(2000);
        }
    }
    // The pipes may hold the last output of a child that ended right at the bound.
    drain(out_pipe[0], result.out);
    drain(err_pipe[0], result.err);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);

    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    result.max_rss_kib = usage.ru_maxrss;
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        if (killed && signal == SIGKILL) result.timed_out = true;
        else if (signal == SIGXCPU || (signal == SIGKILL && result.cpu_seconds >= limits.cpu_seconds)) result.cpu_exceeded = true;
        else result.signal = signal;
    }
    return result;
}

}  // namespace salesdojo::test
