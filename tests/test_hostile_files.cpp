// Hostile and large scenario files (issue 9) through the real command line: each file is generated
// in a temporary folder and given to `salesdojo lint` and `salesdojo analyze` (and, for one, `run`)
// as a child process bounded to 2 s of CPU time, 20 s of wall time and 512 MiB of address space.
// (CPU time, not wall time, is the 2 s bound: on the shared build machine wall time ran 3 to 10
// times the CPU time; the wall bound catches a child that blocks, on a FIFO say.) Every run must
//   - end by itself within the bounds, with exit code 0 or 1 (never a signal, never a hang);
//   - print something, and when it fails, name the file (with line:col where the problem has one);
//   - print no control characters from the file: no ESC, no other C0 byte but \n and \t, no DEL,
//     no C1 (U+0080..U+009F);
//   - meet the case's own expectation (refused, or a message that does not mislead).
// The window's part of the same list is tested in tests/gui/.
//
// Cases that fail today wait for fixes on other branches: they are listed in kKnownFailures below,
// the one place to edit when a fix lands. A known failure reports its problems as messages and
// passes; a listed case that passes says so, so that its entry can be removed.
//
// Run them: ctest --test-dir build -R hostile (or build/salesdojo_tests -tc='hostile*' -s to see the
// figures). SALESDOJO_HOSTILE_KEEP=1 keeps the generated files and names them;
// SALESDOJO_HOSTILE_TIME_SCALE=N multiplies the time bounds (a slow machine). Sanitizer builds
// multiply them by 20 (analyze of 3,000 choices: 0.2 s CPU plain, 4.5 s under clang ASan -O2), set
// no address-space bound (ASan reserves terabytes of shadow) and skip the known failures.
#include "bounded_process.hpp"
#include "hostile_files.hpp"
#include "sanitizer.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <malloc.h>
#include <stdexcept>
#include <string>
#include <vector>

using namespace salesdojo::test;

namespace {

// case name -> the finding of issue 9 it waits for, and the branch fixing it. CPU times measured
// here without the bound, on the shared 2-core machine (2026-12-06).
const std::map<std::string, std::string> kKnownFailures = {
    // empty: every finding of issue 9 is fixed; add "case", "finding it waits for" here
};


enum class Outcome {
    Either,   // works, or is refused with a clear message (a documented limit)
    Refused,  // lint must refuse it (exit code 1)
};

struct Case {
    using Generator = std::function<std::string(const std::string& folder)>;
    Case(std::string name_, Generator make_, Outcome outcome_ = Outcome::Either)
        : name(std::move(name_)), make(std::move(make_)), outcome(outcome_) {}
    Case& says(std::string word) { must_say.push_back(std::move(word)); return *this; }
    Case& never_says(std::string word) { must_not_say.push_back(std::move(word)); return *this; }
    Case& also_run(std::vector<std::string> arguments) { run_arguments = std::move(arguments); return *this; }
    Case& without_position() { positioned = false; return *this; }
    Case& is_folder() { folder = true; return *this; }

    std::string name;
    Generator make;
    Outcome outcome;
    bool positioned = true;                    // a refusal carries file:line:col
    std::vector<std::string> must_say;         // when refused (case-insensitive)
    std::vector<std::string> must_not_say;     // misleading words, anywhere in the output
    std::vector<std::string> run_arguments;    // also `salesdojo run FILE ...` when not empty
    bool folder = false;                       // the path is a folder: exit code 2 (usage) allowed
};

struct TempFolder {
    std::string path;
    TempFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "salesdojo-hostile-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~TempFolder() {
        if (std::getenv("SALESDOJO_HOSTILE_KEEP")) return;  // to rerun a case by hand
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// The first control character in `s`, described, or "".
std::string find_control_character(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool c0 = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
        const bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(s[i + 1]) <= 0x9F;
        if (c0 || c1) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%02X", c1 ? static_cast<unsigned char>(s[i + 1]) : c);
            return std::string(c1 ? "C1 control U+00" : "control byte 0x") + hex + " at offset " + std::to_string(i);
        }
    }
    return {};
}

std::string excerpt(const std::string& s) {
    std::string e = s.substr(0, 400);
    for (char& c : e)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F) c = '?';
    return s.size() > 400 ? e + "..." : e;
}

struct DiagnosticLines {
    std::string first_elsewhere;    // the first diagnostic line that does not start with the path
    bool positioned_error = false;  // some "path:line:col: error[SDnnnn]" line
};

// Reads the diagnostic lines ("...error[SDnnnn]..." or "...warning[SDnnnn]...") of an output.
DiagnosticLines read_diagnostic_lines(const std::string& output, const std::string& path) {
    DiagnosticLines result;
    const auto digits = [](const std::string& s, std::size_t& at) {
        const std::size_t start = at;
        while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
        return at > start;
    };
    std::size_t begin = 0;
    while (begin < output.size()) {
        std::size_t end = output.find('\n', begin);
        if (end == std::string::npos) end = output.size();
        const std::string line = output.substr(begin, end - begin);
        begin = end + 1;
        const bool error = line.find("error[SD") != std::string::npos;
        if (!error && line.find("warning[SD") == std::string::npos) continue;
        if (line.compare(0, path.size() + 1, path + ":") != 0) {
            if (result.first_elsewhere.empty()) result.first_elsewhere = line;
            continue;
        }
        std::size_t at = path.size() + 1;
        if (error && digits(line, at) && at < line.size() && line[at] == ':' && digits(line, ++at) &&
            line.compare(at, 9, ": error[S") == 0)
            result.positioned_error = true;
    }
    return result;
}

// The problems with one run of one command, as sentences (empty: all is well).
std::vector<std::string> problems_with(const Case& c, const std::string& command, const std::string& path,
                                       const ProcessResult& r, const ProcessLimits& limits) {
    std::vector<std::string> problems;
    const auto problem = [&](const std::string& what) { problems.push_back(command + ": " + what); };
    const std::string output = r.out + r.err;
    if (!r.started) {
        problem("could not start: " + r.error);
        return problems;
    }
    if (r.timed_out) problem("still running after " + std::to_string(limits.wall_seconds) + " s of wall time (killed: waiting for something?)");
    if (r.cpu_exceeded) problem("used more than " + std::to_string(limits.cpu_seconds) + " s of CPU time (killed)");
    if (r.signal != 0) problem("ended by signal " + std::to_string(r.signal) + " (a crash)");
    if (r.timed_out || r.cpu_exceeded || r.signal != 0) return problems;
    const bool usage_allowed = c.folder && command == "lint";
    if (r.exit_code != 0 && r.exit_code != 1 && !(usage_allowed && r.exit_code == 2))
        problem("exit code " + std::to_string(r.exit_code));
    if (output.find("Sanitizer") != std::string::npos || output.find("runtime error:") != std::string::npos)
        problem("a sanitizer report: " + excerpt(output));
    if (output.empty()) problem("printed nothing");
    if (const std::string control = find_control_character(r.out); !control.empty())
        problem("stdout carries a " + control);
    if (const std::string control = find_control_character(r.err); !control.empty())
        problem("stderr carries a " + control);

    // Diagnostics name the file; a refusal names it with line:col where the problem has a place.
    const DiagnosticLines lines = read_diagnostic_lines(output, path);
    if (!lines.first_elsewhere.empty()) problem("a diagnostic that does not start with " + path + ": " + excerpt(lines.first_elsewhere));
    const bool lint_refused = command == "lint" && r.exit_code != 0;
    const bool load_refused = command == "analyze" && r.exit_code != 0 &&
                              (output.find("error[SD1") != std::string::npos || output.find("error[SD2") != std::string::npos);
    if (c.outcome == Outcome::Refused && command == "lint" && r.exit_code != 1 && !(usage_allowed && r.exit_code == 2))
        problem("accepted (exit code " + std::to_string(r.exit_code) + "); it must be refused");
    if (lint_refused || load_refused) {
        if (output.find(path) == std::string::npos) problem("fails without naming " + path + ": " + excerpt(output));
        if (c.positioned && !lines.positioned_error)
            problem("fails without an error at file:line:col: " + excerpt(output));
        for (const auto& word : c.must_say)
            if (lower(output).find(lower(word)) == std::string::npos) problem("does not say '" + word + "': " + excerpt(output));
    }
    for (const auto& word : c.must_not_say)
        if (lower(output).find(lower(word)) != std::string::npos) problem("says '" + word + "', which misleads: " + excerpt(output));
    return problems;
}

void check_case(const Case& c) {
    const auto known = kKnownFailures.find(c.name);
    if (known != kKnownFailures.end() && kSanitized) {
        // Sanitizer builds run many times slower: a known failure would only time out there.
        MESSAGE("hostile case '" << c.name << "' skipped in this sanitizer build: known failure (" << known->second << ")");
        return;
    }
    double scale = kSanitized ? 20.0 : 1.0;
    if (const char* env = std::getenv("SALESDOJO_HOSTILE_TIME_SCALE")) scale *= std::atof(env) > 0 ? std::atof(env) : 1.0;
    ProcessLimits limits;
    limits.cpu_seconds = static_cast<int>(2.0 * scale + 0.5);
    limits.wall_seconds = 20.0 * scale;
    limits.address_space = kSanitized ? 0 : limits.address_space;  // ASan reserves terabytes of shadow

    TempFolder folder;
    const std::string path = c.make(folder.path);
    if (std::getenv("SALESDOJO_HOSTILE_KEEP")) MESSAGE("kept: " << path);
    std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
        {"lint", {SALESDOJO_CLI_PATH, "lint", path}},
        {"analyze", {SALESDOJO_CLI_PATH, "analyze", path}},
    };
    if (!c.run_arguments.empty()) {
        std::vector<std::string> argv = {SALESDOJO_CLI_PATH, "run", path};
        argv.insert(argv.end(), c.run_arguments.begin(), c.run_arguments.end());
        commands.emplace_back("run", argv);
    }
    std::vector<std::string> problems;
    ::malloc_trim(0);  // the child's peak memory counts the pages it shares with us after fork()
    for (const auto& [command, argv] : commands) {
        const ProcessResult r = run_bounded(argv, limits);
        const std::string ending = r.timed_out ? "killed at the wall bound" : r.cpu_exceeded ? "killed at the CPU bound"
                                   : r.signal ? "signal " + std::to_string(r.signal) : "exit " + std::to_string(r.exit_code);
        MESSAGE(c.name << " " << command << ": " << ending << ", " << r.cpu_seconds << " s CPU, " << r.seconds
                       << " s wall, " << r.max_rss_kib / 1024 << " MiB peak, " << r.out.size() + r.err.size() << " bytes out");
        for (auto& p : problems_with(c, command, path, r, limits)) problems.push_back(std::move(p));
    }
    if (known != kKnownFailures.end()) {
        if (problems.empty())
            MESSAGE("hostile case '" << c.name << "' passes now: remove it from kKnownFailures in " << __FILE__);
        for (const auto& p : problems) MESSAGE("known failure (" << known->second << "): " << p);
        return;
    }
    for (const auto& p : problems) FAIL_CHECK(p);
}

}  // namespace

using namespace salesdojo::test::hostile;

TEST_CASE("hostile: one node of 100,000 characters") { check_case(Case("long_text", long_text)); }
TEST_CASE("hostile: 20,000 automatic nodes in a row") { check_case(Case("automatic_run", automatic_run)); }
TEST_CASE("hostile: one node with 3,000 choices") { check_case(Case("many_choices", many_choices)); }
TEST_CASE("hostile: a portrait that is a FIFO") { check_case(Case("fifo_portrait", fifo_portrait)); }
TEST_CASE("hostile: a 30000x30000 PNG portrait") { check_case(Case("huge_png_portrait", huge_png_portrait)); }
TEST_CASE("hostile: 10,000 warnings") { check_case(Case("many_warnings", many_warnings)); }
TEST_CASE("hostile: 5,000 nodes missing one translation everywhere") {
    check_case(Case("missing_translations", missing_translations, Outcome::Refused));
}
TEST_CASE("hostile: 300 nodes with unknown targets and long ids") {
    check_case(Case("unknown_targets", unknown_targets, Outcome::Refused));
}
TEST_CASE("hostile: a chain of 40,000 decisions") { check_case(Case("long_chain", long_chain)); }
TEST_CASE("hostile: a 31 MiB file that ends in a trailing comma") {
    check_case(Case("trailing_comma_31mib", trailing_comma_31mib, Outcome::Refused).says("comma"));
}
TEST_CASE("hostile: duplicate keys, a second 'nodes' among them") {
    check_case(Case("duplicate_keys", duplicate_keys, Outcome::Refused).says("duplicate"));
}
TEST_CASE("hostile: bytes after a NUL that follows the document") {
    check_case(Case("bytes_after_nul", bytes_after_nul, Outcome::Refused));
}
TEST_CASE("hostile: more than 100,000 automatic steps") {
    check_case(Case("automatic_steps", automatic_steps, Outcome::Refused));
}
TEST_CASE("hostile: score totals beyond int") {
    // A loop that costs 1,000,000 bias points each time round. Only play reaches the overflow, after
    // 2,148 rounds that print two million assumption notes: too slow for this suite, a job for the
    // session's unit tests. Here: lint and analyze of such a file.
    check_case(Case("score_overflow", score_overflow));
}
TEST_CASE("hostile: terminal control sequences in texts and keys") {
    check_case(Case("terminal_controls", terminal_controls).also_run({"--lang", "en", "--choices", "1"}));
}
TEST_CASE("hostile: terminal control sequences in ids and targets") {
    check_case(Case("terminal_controls_in_ids", terminal_controls_in_ids, Outcome::Refused));
}
TEST_CASE("hostile: a NUL byte inside a string") {
    check_case(Case("nul_in_string", nul_in_string, Outcome::Refused).never_says("ends in the middle"));
}
TEST_CASE("hostile: a NUL byte between a key and its value") {
    check_case(Case("nul_between_tokens", nul_between_tokens, Outcome::Refused).never_says("ends in the middle"));
}
TEST_CASE("hostile: a scenario saved as UTF-32") {
    check_case(Case("utf32", utf32, Outcome::Refused).says("UTF-32").never_says("UTF-16"));
}
TEST_CASE("hostile: 2^64 as a number") {
    check_case(Case("two_to_the_64", two_to_the_64, Outcome::Refused).never_says("must be an integer"));
}
TEST_CASE("hostile: an id longer than 128 characters") {
    check_case(Case("too_long_id", too_long_id, Outcome::Refused).says("128").never_says("may only contain"));
}
TEST_CASE("hostile: a folder named x.json that holds no scenario") {
    check_case(Case("folder_named_json", folder_named_json, Outcome::Refused).without_position().is_folder());
}
