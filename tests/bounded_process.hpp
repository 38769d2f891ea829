#pragma once
// Runs a program as a child process with bounds on CPU time, wall time and address space, capturing
// its output: the hostile-file suite runs `salesdojo` this way, so a hang or a crash fails a test
// instead of the whole suite. The time bound is on CPU time (RLIMIT_CPU) because wall time on a
// shared build machine varies many times over; the wall-time bound catches a child that waits
// (on a FIFO, say) without using the CPU.
#include <cstddef>
#include <string>
#include <vector>

namespace salesdojo::test {

struct ProcessLimits {
    int cpu_seconds = 2;                           // RLIMIT_CPU: SIGXCPU after this much CPU time
    double wall_seconds = 20.0;                    // the child is killed after this much wall time
    std::size_t address_space = 512u << 20;        // RLIMIT_AS; 0 = unlimited (sanitizer builds)
};

struct ProcessResult {
    bool started = false;     // false: fork or exec failed (`error` says why)
    bool timed_out = false;   // killed at the wall-time bound
    bool cpu_exceeded = false; // stopped at the CPU-time bound
    int exit_code = -1;       // when it exited
    int signal = 0;           // when another signal ended it (a crash)
    double seconds = 0.0;     // wall time until it ended
    double cpu_seconds = 0.0; // user + system
    long max_rss_kib = 0;     // peak resident memory
    std::string out;
    std::string err;
    std::string error;
};

// Runs `argv[0]` (a path) with `argv`, stdin from /dev/null.
ProcessResult run_bounded(const std::vector<std::string>& argv, const ProcessLimits& limits);

}  // namespace salesdojo::test
