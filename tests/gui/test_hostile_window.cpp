// Hostile but lint-clean (or cleanly refused) scenario files, each opened in the whole App headless
// in a child process: it must not abort (Dear ImGui's 16-bit vertex index limit in Debian's build),
// hang (a FIFO as portrait) or blow up, and must finish within 2 s of CPU and 512 MiB of peak
// memory. The files are generated here, never committed.
#include "../sanitizer.hpp"
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/drawable_scenario.hpp"
#include "views/format.hpp"

#include <salesdojo/loader.hpp>

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;
using nlohmann::json;

namespace {

// Sanitizer builds (CI's Debug ASan+UBSan run) are many times slower and reserve terabytes of shadow
// memory: there the bounds are scaled and no address-space limit is set (as tests/test_hostile_files.cpp does).
using salesdojo::test::kSanitized;
constexpr double kMaxCpuSeconds = kSanitized ? 40.0 : 2.0;
constexpr long kMaxPeakKiB = (kSanitized ? 4096L : 512L) * 1024L;

json mini() {
    std::ifstream in(source_path("tests/data/valid/mini.json"));
    return json::parse(in);
}

std::string words(std::size_t bytes) {
    std::string out;
    const char* word[] = {"prijs ", "klant ", "vraag ", "budget ", "waarom "};
    for (std::size_t i = 0; out.size() < bytes; ++i) out += word[i % 5];
    out.resize(bytes);
    return out;
}

// The scenario files, by case name. Each is written into `folder`.
std::string write_case(const std::string& name, const TempFolder& folder) {
    json s = mini();
    json& nodes = s["nodes"];
    if (name == "long_text") {
        nodes[0]["text"]["en"] = words(100000);
    } else if (name == "long_card") {
        // The home card and the header bar: a title and a summary of 100,000 characters each.
        s["title"]["en"] = words(100000);
        s["summary"]["en"] = std::string(100000, 'y');
    } else if (name == "long_word") {
        nodes[0]["text"]["en"] = std::string(100000, 'x');
    } else if (name == "long_choice") {
        nodes[0]["choices"][0]["text"]["en"] = words(100000);
        nodes[0]["choices"][0]["feedback"]["en"] = words(100000);
    } else if (name == "automatic_chain") {
        // 20,000 automatic nodes between the start and the first decision.
        json chain = json::array();
        const int n = 20000;
        for (int i = 0; i < n; ++i) {
            json node = {{"id", "auto" + std::to_string(i)},
                         {"speaker", "eva"},
                         {"text", {{"nl", "Stap " + std::to_string(i)}, {"en", "Step " + std::to_string(i)}}},
                         {"next", i + 1 < n ? "auto" + std::to_string(i + 1) : std::string("open")}};
            if (i % 2) node["narration"] = {{"nl", "Verteller"}, {"en", "Narrator"}};
            chain.push_back(node);
        }
        for (auto& node : nodes) chain.push_back(node);
        nodes = chain;
        s["start"] = "auto0";
    } else if (name == "many_choices") {
        json& choices = nodes[0]["choices"];
        const json model = choices[0];
        for (int i = 0; i < 3000; ++i) {
            json c = model;
            c["id"] = "ask" + std::to_string(i);
            c["text"] = {{"nl", "Vraag nummer " + std::to_string(i)}, {"en", "Question number " + std::to_string(i)}};
            choices.push_back(c);
        }
    } else if (name == "many_warnings") {
        // 10,000 warnings (SD1009 unknown key): the file loads, the diagnostics view lists them.
        for (int i = 0; i < 10000; ++i) nodes[i % nodes.size()]["unknown_key_" + std::to_string(i)] = i;
    } else if (name == "huge_portrait" || name == "fifo_portrait") {
        s["cast"][0]["portraits"] = {{"neutral", "face.png"}};
    }
    const std::string path = folder.file(name + ".json");
    std::ofstream(path) << s.dump(1);
    if (name == "huge_portrait") {
        // A 30000 x 30000 PNG header: decoding it would take 3.6 GB.
        std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
        for (std::uint32_t v : {30000u, 30000u})
            for (int shift = 24; shift >= 0; shift -= 8) png += static_cast<char>((v >> shift) & 0xFF);
        png += std::string("\x08\x06\0\0\0", 5);
        std::ofstream(folder.file("face.png"), std::ios::binary) << png;
    }
    if (name == "fifo_portrait") {
        std::filesystem::remove(folder.file("face.png"));
        REQUIRE(::mkfifo(folder.file("face.png").c_str(), 0600) == 0);
    }
    return path;
}

struct ChildReport {
    bool finished = false;
    int exit_code = -1;
    int signal = 0;
    double cpu_seconds = 0;
    double load_cpu_seconds = 0;  // of which loading the file (the core's part)
    int played = 0;               // the play screen was reached
    double wall_seconds = 0;
    long peak_kib = 0;
    std::string output;
};

double cpu_seconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

struct ChildResult {
    double load_cpu_seconds = 0;
    bool played = false;
};

// Runs `body` in a child process (killed after 60 s) and reports how it ended and what it cost.
ChildReport in_child(const std::function<ChildResult()>& body) {
    finish_deferred_frees();  // no lock of a helper thread held across fork()
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(pipe_fds[0]);
        for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);  // not doctest's report
        std::ofstream("/proc/self/clear_refs") << "5";  // peak RSS from here on, not the parent's
        const rlimit memory{2048L << 20, 2048L << 20};  // a runaway allocation fails instead of swapping
        if (!kSanitized) ::setrlimit(RLIMIT_AS, &memory);
        const double before = cpu_seconds();
        const ChildResult result = body();
        char line[128];
        const int n = std::snprintf(line, sizeof line, "%.3f %ld %.3f %d\n", cpu_seconds() - before, peak_rss_kib(),
                                    result.load_cpu_seconds, result.played ? 1 : 0);
        if (::write(pipe_fds[1], line, static_cast<std::size_t>(n)) < 0) ::_exit(3);
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    ChildReport report;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(kSanitized ? 300 : 60)) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    report.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char buffer[256];
    ssize_t n;
    while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0)
        report.output.append(buffer, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    report.finished = WIFEXITED(status);
    report.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    report.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    std::istringstream(report.output) >> report.cpu_seconds >> report.peak_kib >> report.load_cpu_seconds >>
        report.played;
    return report;
}

// What a trainee does with the file: home, open, read everything, scroll, choose, the problems.
ChildResult use_in_window(const std::string& path) {
    ChildResult result;
    const double start = cpu_seconds();
    Catalogue catalogue = load_catalogue_file(path);
    result.load_cpu_seconds = cpu_seconds() - start;
    AppHarness h(std::move(catalogue));
    h.frames(2);
    h.app->apply(intent::OpenScenario{0});  // the lines scroll to their end by themselves
    h.frames(2);
    result.played = h.app->screen() == Screen::Play;
    h.reveal();
    h.frames(2);
    if (h.app->run() && !h.app->run()->session.options().empty()) {
        h.app->command("choose=1");
        h.frames(3);
        h.reveal();
        h.app->command("finish=1");
        h.frames(3);
        for (const char* panel : {"panel=review", "panel=best", "panel=costliest"}) {
            h.app->command(panel);
            h.frames(2);
        }
    }
    h.app->apply(intent::ShowDiagnostics{0});
    h.frames(3);
    h.app->apply(intent::GoHome{});
    h.frames(2);
    return result;
}

}  // namespace

TEST_CASE("hostile files: every one opens in the window without abort, hang, or more than 2 s and 512 MiB") {
    TempFolder folder;
    // name, and whether it is lint-clean (it plays) or refused with a clear message (its problems show).
    // Texts over 10,000 bytes and nodes over 100 choices are lint errors (docs/scenario-format.md,
    // limits); the window must still survive opening them.
    const std::pair<std::string, bool> cases[] = {
        {"long_text", false},    {"long_card", false},      {"long_word", false},
        {"long_choice", false},  {"automatic_chain", true}, {"many_choices", false},
        {"many_warnings", true}, {"huge_portrait", false},  {"fifo_portrait", false}};
    for (const auto& [name, plays] : cases) {
        CAPTURE(name);
        const std::string path = write_case(name, folder);
        const ChildReport report = in_child([&] { return use_in_window(path); });
        MESSAGE(name << ": cpu " << report.cpu_seconds << " s (loading the file " << report.load_cpu_seconds
                     << " s), wall " << report.wall_seconds << " s, peak " << report.peak_kib / 1024 << " MiB");
        CHECK_MESSAGE(report.finished, name << " ended with signal " << report.signal);
        if (!report.finished) continue;  // the other cases still run
        CHECK(report.exit_code == 0);
        CHECK(report.played == (plays ? 1 : 0));
        CHECK(report.cpu_seconds <= kMaxCpuSeconds);
        CHECK(report.peak_kib > 0);
        CHECK(report.peak_kib <= kMaxPeakKiB);
    }
}

TEST_CASE("hostile files: what the window shows for them") {
    TempFolder folder;
    SUBCASE("20,000 automatic nodes: the latest lines, and how many were left out") {
        AppHarness h(load_catalogue_file(write_case("automatic_chain", folder)));
        REQUIRE(h.app->command("open=mini"));
        h.reveal();
        CHECK(h.app->play_view().omitted_lines() > 0);
        CHECK(h.app->play_view().lines().size() <= PlayView::kMaxLinesShown);
        CHECK(h.log.contains("Step 19999"));
        CHECK_FALSE(h.log.has_exact("Step 5"));
        CHECK(h.log.contains(printf_string(ui("play.lines_omitted", "en"), h.app->play_view().omitted_lines())));
    }
    SUBCASE("3,000 choices: refused by lint with the limit named, and the problems view stays small") {
        AppHarness h(load_catalogue_file(write_case("many_choices", folder)));
        h.app->apply(intent::OpenScenario{0});
        h.frames(2);
        CHECK(h.app->screen() != Screen::Play);
        h.app->apply(intent::ShowDiagnostics{0});
        h.frames(3);
        CHECK(h.log.contains("SD1010"));
        CHECK(h.log.contains("100"));
        const ImDrawData* data = ImGui::GetDrawData();
        REQUIRE(data);
        for (int i = 0; i < data->CmdListsCount; ++i) CHECK(data->CmdLists[i]->VtxBuffer.Size < 20000);
    }
    SUBCASE("10,000 warnings: the diagnostics view lists the first ones at once") {
        const std::string path = write_case("many_warnings", folder);
        AppHarness h(load_catalogue_file(path));
        REQUIRE(h.app->catalogue().entries[0].diagnostics.size() >= 10000);
        REQUIRE(h.app->command("diagnostics=mini"));
        h.frames(2);
        CHECK(h.log.contains("unknown_key_0"));
        CHECK(h.log.count("SD1009") < 200);  // drawn: the rows in view, not 10,000
        const ImDrawData* data = ImGui::GetDrawData();
        for (int i = 0; i < data->CmdListsCount; ++i) CHECK(data->CmdLists[i]->VtxBuffer.Size < 20000);
    }
    SUBCASE("a portrait replaced by a FIFO or a huge image after lint is never decoded by the window") {
        const std::string path = write_case("huge_portrait", folder);
        std::filesystem::remove(folder.file("face.png"));  // lint sees no file: the drawn portrait
        const LoadResult loaded = load_scenario_file(path);
        REQUIRE(loaded.ok());
        for (const char* name : {"huge_portrait", "fifo_portrait"}) {
            CAPTURE(name);
            std::filesystem::remove(folder.file("face.png"));
            write_case(name, folder);
            Run run(0, make_drawable(*loaded.scenario), nullptr, Mode::Practice, "en");
            int decoded = 0;
            const auto start = std::chrono::steady_clock::now();
            load_portraits(run, [&](const std::string&, const std::string&) -> std::optional<PortraitImage> {
                ++decoded;
                return std::nullopt;
            });
            CHECK(decoded == 0);
            CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
        }
    }
    SUBCASE("a portrait that is a FIFO or a 30000 x 30000 image is refused by lint, never opened") {
        for (const char* name : {"fifo_portrait", "huge_portrait"}) {
            CAPTURE(name);
            TempFolder own;
            const LoadResult loaded = load_scenario_file(write_case(name, own));
            CHECK_FALSE(loaded.ok());
            CHECK(std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(), [&](const Diagnostic& d) {
                return d.code == (std::string(name) == "fifo_portrait" ? "SD2041" : "SD2040");
            }));
        }
    }
}
