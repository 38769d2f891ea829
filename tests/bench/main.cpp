// salesdojo_bench: load + lint + analyse and headless random play on synthetic scenarios of
// 100, 1,000 and 10,000 nodes, with wall times, CPU times, peak memory and throughput.
//
//   salesdojo_bench                      all sizes, 5 runs, 2 s of play per variant, plus a stress column
//   salesdojo_bench --sizes 10000 --runs 3 --play-seconds 1
//   salesdojo_bench --facts 2            facts in the generated scenarios (default 2: real density)
//   salesdojo_bench --stress-facts 4     the extra 10,000-node "stress" column (0 = none)
//   salesdojo_bench --write DIR          only write the generated scenarios to DIR (for profiling)
//   salesdojo_bench --no-fork            measure in this process (for perf / callgrind; RSS is then cumulative)
//   salesdojo_bench --no-cli-report      skip the `analyze` path (histograms + report)
//   salesdojo_bench --hostile            time the hostile files of issue 9 (tests/bench/hostile_files.hpp)
//   salesdojo_bench --hostile --write DIR   only write those files to DIR
//
// Density: the default scenarios have about 15 reachable states per node at 10,000 nodes, the dense
// end of the bundled scenarios (1.7 to 16); the stress column (4 facts) has about 57.
//
// Wall times suffer when other processes share the CPU; thread CPU times are printed as well.
// Every size is generated in one child process and measured in another, so the peak resident set
// size (getrusage ru_maxrss, a process-wide high-water mark) belongs to that size alone.
#include "hostile_files.hpp"
#include "synthetic_scenario.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/analysis_report.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/source.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using namespace salesdojo;
using Clock = std::chrono::steady_clock;

struct Config {
    std::vector<int> sizes{100, 1000, 10000};
    int runs = 5;
    double play_seconds = 2.0;
    bool fork = true;
    bool cli_report = true;  // also time the `salesdojo analyze` path (histograms + report)
    std::string write_dir;
    std::uint64_t seed = 1;
    int facts = 2;          // real density (see synthetic_scenario.hpp, "Density")
    int stress_facts = 4;   // the stress column: 10,000 nodes, denser than any real scenario
    int trust_max = 3;
    // The bench raises the file limit (SourceLimits::max_bytes, 32 MiB by default) so that larger
    // sizes can be tried, and reports whether each file fits the default.
    std::size_t max_bytes = 64u * 1024u * 1024u;
};

// One column of the table: a generated scenario.
struct Column {
    int nodes = 0;
    int facts = 0;
    bool stress = false;
};

// Targets for the 10,000-node scenario.
constexpr double kTargetTotalSeconds = 0.35;
constexpr double kTargetChoicesPerSecond = 2'000'000.0;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// CPU time of this thread: unlike wall time, it does not grow when other processes take the CPU.
double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU time of all threads of this process (the loader frees large documents on a background thread).
double process_cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // KiB on Linux
}

// Bytes the heap has handed out and not taken back (glibc): what live objects occupy.
double heap_in_use() {
    struct mallinfo2 info = mallinfo2();
    return static_cast<double>(info.uordblks + info.hblkhd);
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one.empty() ? "n/a" : one + " " + five + " " + fifteen;
}

// Key/value results of one child, sent back through a pipe.
using Results = std::map<std::string, std::string>;

void put(Results& r, const std::string& key, double value) {
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", value);
    r[key] = b;
}
void put(Results& r, const std::string& key, const std::string& value) { r[key] = value; }

double num(const Results& r, const std::string& key, double fallback = -1.0) {
    auto it = r.find(key);
    return it == r.end() ? fallback : std::strtod(it->second.c_str(), nullptr);
}
std::string str(const Results& r, const std::string& key) {
    auto it = r.find(key);
    return it == r.end() ? "" : it->second;
}

Results run_isolated(const Config& config, const std::function<void(Results&)>& work) {
    Results results;
    if (!config.fork) {
        work(results);
        return results;
    }
    int fds[2];
    if (pipe(fds) != 0) { std::perror("pipe"); std::exit(2); }
    std::cout.flush();
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid < 0) { std::perror("fork"); std::exit(2); }
    if (pid == 0) {
        close(fds[0]);
        Results mine;
        int code = 0;
        try {
            work(mine);
        } catch (const std::exception& e) {
            mine["error"] = e.what();
            code = 1;
        }
        std::string text;
        for (const auto& [k, v] : mine) text += k + "\t" + v + "\n";
        for (std::size_t done = 0; done < text.size();) {
            ssize_t n = write(fds[1], text.data() + done, text.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        close(fds[1]);
        std::fflush(nullptr);
        _exit(code);
    }
    close(fds[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        auto tab = line.find('\t');
        if (tab != std::string::npos) results[line.substr(0, tab)] = line.substr(tab + 1);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (!results.count("error"))
            results["error"] = WIFSIGNALED(status) ? "child killed by signal " + std::to_string(WTERMSIG(status))
                                                   : "child exited with " + std::to_string(WEXITSTATUS(status));
    }
    return results;
}

struct Stats {
    double best = 0.0, median = 0.0;
};
Stats stats_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    Stats s;
    if (v.empty()) return s;
    s.best = v.front();
    s.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
    return s;
}

bench::SyntheticOptions options_for(const Config& config, const Column& column) {
    bench::SyntheticOptions o;
    o.nodes = column.nodes;
    o.seed = config.seed;
    o.facts = column.facts;
    o.trust_max = config.trust_max;
    return o;
}

// ----- generation (its own process: its memory does not count against the measurements) -----
void generate_into(const Config& config, const Column& column, const std::string& path, Results& r) {
    auto t = Clock::now();
    bench::SyntheticStats s;
    std::string text = bench::generate_scenario(options_for(config, column), &s);
    put(r, "gen_seconds", seconds_since(t));
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path);
    put(r, "bytes", static_cast<double>(s.bytes));
    put(r, "nodes", s.nodes);
    put(r, "layers", s.layers);
    put(r, "width", s.width);
    put(r, "choice_nodes", s.choice_nodes);
    put(r, "continue_nodes", s.continue_nodes);
    put(r, "random_nodes", s.random_nodes);
    put(r, "endings", s.endings);
    put(r, "early_endings", s.early_endings);
    put(r, "choices", s.choices);
    put(r, "conditional", s.conditional_choices);
    put(r, "learning", s.learning_choices);
    put(r, "requiring", s.requiring_choices);
    put(r, "merges", s.merge_nodes);
    put(r, "facts", column.facts);
}

// ----- random play -----
// xorshift64*, the bench's own: the engine's draws are not involved in picking options.
struct XorShift {
    std::uint64_t state;
    std::uint64_t next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545f4914f6cdd1dULL;
    }
    int below(int n) { return static_cast<int>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32); }
};

// How the bench learns which options are available before picking one uniformly.
enum class Picker {
    Available,     // Session::available_choices(int*, capacity): no allocation (what a bot would use)
    OptionsReuse,  // Session::options(std::vector<ChoiceOption>&), storage reused across calls
    Options,       // Session::options(), a new vector per call (what a view does once per screen)
};
enum class Restart { UndoToZero, FreshSession };

struct PlayResult {
    double seconds = 0.0;
    double cpu_seconds = 0.0;
    std::uint64_t choices = 0, games = 0, stuck = 0;
};

// Cost of one restart, timed in bulk (no clock reads inside the loop). undo_to(0) does the same
// work on any session (reset() and no replay), so a fresh session stands in for a finished one.
double restart_cost(const std::shared_ptr<const Scenario>& scenario, Restart restart) {
    Session session(scenario, 1);
    std::uint64_t seed = 1, count = 0;
    auto started = Clock::now();
    double elapsed = 0.0;
    do {
        for (int i = 0; i < 10000; ++i) {
            if (restart == Restart::UndoToZero) session.undo_to(0);
            else session = Session(scenario, ++seed);
        }
        count += 10000;
        elapsed = seconds_since(started);
    } while (elapsed < 0.2);
    return elapsed / static_cast<double>(count);
}

PlayResult play(const std::shared_ptr<const Scenario>& scenario, Picker picker, Restart restart, double budget) {
    PlayResult result;
    XorShift rng{0x9e3779b97f4a7c15ULL};
    std::uint64_t seed = 1;
    Session session(scenario, seed);
    std::size_t most_choices = 1;
    for (const Node& node : scenario->nodes) most_choices = std::max(most_choices, node.choices.size());
    std::vector<int> available(most_choices);
    std::vector<ChoiceOption> options;
    auto started = Clock::now();
    const double cpu_started = cpu_now();
    for (;;) {
        for (int batch = 0; batch < 4096; ++batch) {
            if (session.state() != SessionState::AwaitingChoice) {
                if (session.state() == SessionState::Stuck) ++result.stuck;
                ++result.games;
                if (restart == Restart::UndoToZero) session.undo_to(0);
                else session = Session(scenario, ++seed);
                continue;
            }
            std::size_t count = 0;
            switch (picker) {
                case Picker::Available:
                    count = session.available_choices(available.data(), available.size());
                    break;
                case Picker::OptionsReuse:
                    session.options(options);
                    for (const ChoiceOption& option : options)
                        if (option.available) available[count++] = option.index;
                    break;
                case Picker::Options:
                    for (const ChoiceOption& option : session.options())
                        if (option.available) available[count++] = option.index;
                    break;
            }
            session.choose(available[static_cast<std::size_t>(rng.below(static_cast<int>(count)))]);
            ++result.choices;
        }
        result.seconds = seconds_since(started);
        result.cpu_seconds = cpu_now() - cpu_started;
        if (result.seconds >= budget) break;
    }
    return result;
}

// ----- load, lint, analyse, play (its own process, for an honest peak RSS) -----
void measure(const Config& config, const std::string& path, Results& r) {
    put(r, "rss_baseline_kib", static_cast<double>(peak_rss_kib()));
    SourceLimits limits;
    limits.max_bytes = config.max_bytes;

    // The first load and analysis: diagnostics, sizes and memory (not timed). The loader frees a
    // large document on a background thread; finish_deferred_frees() waits for it so that the heap
    // figures show what the Scenario and the Analysis keep.
    {
        const double heap_before = heap_in_use();
        LoadResult loaded = load_scenario_file(path, limits);
        finish_deferred_frees();
        const double heap_loaded = heap_in_use();
        put(r, "rss_after_load_kib", static_cast<double>(peak_rss_kib()));
        put(r, "heap_scenario", heap_loaded - heap_before);
        put(r, "load_errors", static_cast<double>(count(loaded.diagnostics, Severity::Error)));
        put(r, "load_warnings", static_cast<double>(count(loaded.diagnostics, Severity::Warning)));
        for (std::size_t i = 0; i < loaded.diagnostics.size() && i < 5; ++i)
            std::cerr << "  " << format_diagnostic(loaded.diagnostics[i]) << "\n";
        if (!loaded.ok()) throw std::runtime_error("the generated scenario did not load (see the diagnostics above)");
        AnalysisResult analysed = analyse(loaded.scenario);
        put(r, "rss_after_analyse_kib", static_cast<double>(peak_rss_kib()));
        put(r, "heap_analysis", heap_in_use() - heap_loaded);
        put(r, "analysis_diagnostics", static_cast<double>(analysed.diagnostics.size()));
        for (std::size_t i = 0; i < analysed.diagnostics.size() && i < 5; ++i)
            std::cerr << "  " << format_diagnostic(analysed.diagnostics[i]) << "\n";
        if (!analysed.analysis) throw std::runtime_error("the analysis did not finish (see the diagnostics above)");
        const Analysis& a = *analysed.analysis;
        std::size_t transitions = 0;
        for (std::uint32_t st = 0; st < a.state_count(); ++st) transitions += a.state(st).transition_count;
        put(r, "states", static_cast<double>(a.state_count()));
        put(r, "transitions", static_cast<double>(transitions));
        put(r, "paths", a.paths(0).to_string());
        put(r, "has_loops", a.has_loops() ? "yes" : "no");
    }

    // Timed runs: load, then analyse, as `salesdojo analyze` and the GUI do. The background free of
    // the document overlaps the analysis; whatever of it is still running afterwards is waited for
    // and reported separately (background_wait), and the process CPU time includes it.
    // CPU time is measured twice: for the calling thread only, and for the whole process (all
    // threads: the loader parses a large file on a worker thread while the caller waits, and frees
    // the document on a background thread). The process figure is the honest one for "how much
    // work": it includes the background free, also the part still running after analyse().
    std::vector<double> load, analysis, total, read, parse, free_dom, text_load, cpu_load, cpu_analysis, cpu_total,
        process_cpu_load, process_cpu_analyse, process_cpu_total, background_wait, parse_json_seconds, free_json_seconds;
    for (int run = 0; run < config.runs; ++run) {
        const double p0 = process_cpu_now();
        const double c0 = cpu_now();
        auto t0 = Clock::now();
        LoadResult loaded = load_scenario_file(path, limits);
        const double load_s = seconds_since(t0);
        const double load_cpu = cpu_now() - c0;
        const double p1 = process_cpu_now();
        if (!loaded.ok()) throw std::runtime_error("the generated scenario did not load");
        const double c1 = cpu_now();
        auto t1 = Clock::now();
        AnalysisResult analysed = analyse(loaded.scenario);
        const double analyse_s = seconds_since(t1);
        const double analyse_cpu = cpu_now() - c1;
        const double p2 = process_cpu_now();
        if (!analysed.analysis) throw std::runtime_error("the analysis did not finish");
        auto t2 = Clock::now();
        finish_deferred_frees();
        background_wait.push_back(seconds_since(t2));
        process_cpu_load.push_back(p1 - p0);
        process_cpu_analyse.push_back(p2 - p1);
        process_cpu_total.push_back(process_cpu_now() - p0);
        load.push_back(load_s);
        analysis.push_back(analyse_s);
        total.push_back(load_s + analyse_s);
        cpu_load.push_back(load_cpu);
        cpu_analysis.push_back(analyse_cpu);
        cpu_total.push_back(load_cpu + analyse_cpu);
    }
    // Where the load time goes: reading, parsing into a Document (UTF-8 check, parse with the depth
    // check; what load_scenario_* do), freeing the Document (which load_scenario_* leave to a
    // background thread for large files), the rest (model + lint). Also parse_json (nlohmann::json,
    // the general-purpose parser) for comparison.
    for (int run = 0; run < config.runs; ++run) {
        Diagnostics ignored;
        auto t0 = Clock::now();
        auto text = read_source_file(path, limits, ignored);
        read.push_back(seconds_since(t0));
        if (!text) throw std::runtime_error("cannot read " + path);
        {
            SourceText source(path, *text);
            auto t1 = Clock::now();
            auto doc = parse_document(source, limits, ignored);
            if (!doc) throw std::runtime_error("cannot parse " + path);
            parse.push_back(seconds_since(t1));
            auto t = Clock::now();
            doc.reset();
            free_dom.push_back(seconds_since(t));
            auto t3 = Clock::now();
            auto json = parse_json(source, limits, ignored);
            parse_json_seconds.push_back(seconds_since(t3));
            auto t4 = Clock::now();
            json.reset();
            free_json_seconds.push_back(seconds_since(t4));
        }
        auto t2 = Clock::now();
        LoadResult loaded = load_scenario_text(*text, path, limits);
        text_load.push_back(seconds_since(t2));
        finish_deferred_frees();
    }
    auto record = [&](const char* key, const std::vector<double>& v) {
        Stats s = stats_of(v);
        put(r, std::string(key) + "_best", s.best);
        put(r, std::string(key) + "_median", s.median);
    };
    record("load", load);
    record("analyse", analysis);
    record("total", total);
    record("read", read);
    record("parse", parse);
    record("text_load", text_load);
    record("free_dom", free_dom);
    record("parse_json", parse_json_seconds);
    record("free_json", free_json_seconds);
    record("cpu_load", cpu_load);
    record("cpu_analyse", cpu_analysis);
    record("cpu_total", cpu_total);
    record("process_cpu_load", process_cpu_load);
    record("process_cpu_analyse", process_cpu_analyse);
    record("process_cpu_total", process_cpu_total);
    record("background_wait", background_wait);
    put(r, "rss_peak_kib", static_cast<double>(peak_rss_kib()));

    std::shared_ptr<const Scenario> scenario = load_scenario_file(path, limits).scenario;
    finish_deferred_frees();
    struct Variant { const char* key; Picker picker; Restart restart; };
    for (const Variant& v : {Variant{"play_available", Picker::Available, Restart::UndoToZero},
                             Variant{"play_reuse", Picker::OptionsReuse, Restart::UndoToZero},
                             Variant{"play_api", Picker::Options, Restart::UndoToZero},
                             Variant{"play_fresh", Picker::Available, Restart::FreshSession}}) {
        PlayResult p = play(scenario, v.picker, v.restart, config.play_seconds);
        std::string k = v.key;
        put(r, k + "_seconds", p.seconds);
        put(r, k + "_cpu_seconds", p.cpu_seconds);
        put(r, k + "_choices", static_cast<double>(p.choices));
        put(r, k + "_games", static_cast<double>(p.games));
        put(r, k + "_stuck", static_cast<double>(p.stuck));
    }
    put(r, "restart_undo_seconds", restart_cost(scenario, Restart::UndoToZero));
    put(r, "restart_new_seconds", restart_cost(scenario, Restart::FreshSession));
}

// ----- what `salesdojo analyze` does on top: histograms and the report (separate process) -----
void measure_cli_report(const Config& config, const std::string& path, Results& r) {
    put(r, "rss_baseline_kib", static_cast<double>(peak_rss_kib()));
    SourceLimits source_limits;
    source_limits.max_bytes = config.max_bytes;
    LoadResult loaded = load_scenario_file(path, source_limits);
    if (!loaded.ok()) throw std::runtime_error("the generated scenario did not load");
    AnalysisLimits limits;
    limits.histograms = true;
    auto t0 = Clock::now();
    AnalysisResult analysed = analyse(loaded.scenario, limits);
    put(r, "analyse_histograms_seconds", seconds_since(t0));
    if (!analysed.analysis) throw std::runtime_error("the analysis did not finish");
    auto t1 = Clock::now();
    AnalysisReport report = make_report(*analysed.analysis);
    put(r, "report_seconds", seconds_since(t1));
    put(r, "rubric_warnings", static_cast<double>(report.warnings.size()));
    put(r, "rss_peak_kib", static_cast<double>(peak_rss_kib()));
}

// ----- printing -----
std::string grouped(double value, int decimals = 0) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, value);
    std::string s = b;
    auto dot = s.find('.');
    std::string integer = s.substr(0, dot), fraction = dot == std::string::npos ? "" : s.substr(dot);
    bool negative = !integer.empty() && integer[0] == '-';
    if (negative) integer.erase(0, 1);
    std::string out;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i && (integer.size() - i) % 3 == 0) out += ',';
        out += integer[i];
    }
    return (negative ? "-" : "") + out + fraction;
}
std::string ms(double seconds) { return grouped(seconds * 1000.0, seconds < 0.01 ? 2 : 1); }
std::string mib(double kib) { return grouped(kib / 1024.0, 1); }
std::string big(const std::string& digits) {
    if (digits.size() <= 15) return grouped(std::strtod(digits.c_str(), nullptr));
    return digits.substr(0, 1) + "." + digits.substr(1, 2) + "e" + std::to_string(digits.size() - 1);
}

struct Row {
    std::string label, unit;
    std::function<std::string(const Results&)> cell;
    std::string target;                                // printed next to the largest size
    std::function<std::string(const Results&)> verdict; // "meets" / "MISSES"
};

std::string column_title(const Column& c) {
    return grouped(c.nodes) + (c.stress ? " stress" : " nodes");
}

// The verdicts ("meets" / "MISSES") are given for column `target` (the largest non-stress size).
void print_table(const std::vector<Column>& columns, std::size_t target, const std::vector<Results>& results,
                 const std::vector<Row>& rows) {
    std::size_t label_width = 0;
    for (const auto& row : rows) label_width = std::max(label_width, row.label.size() + row.unit.size() + 3);
    const int cell = 22;
    std::printf("%-*s", static_cast<int>(label_width), "");
    for (const Column& c : columns) std::printf("%*s", cell, column_title(c).c_str());
    std::printf("   %-20s\n", ("target (" + column_title(columns[target]) + ")").c_str());
    std::printf("%s\n", std::string(label_width + cell * columns.size() + 40, '-').c_str());
    for (const auto& row : rows) {
        if (row.cell == nullptr) {  // a section heading
            std::printf("%s\n", row.label.c_str());
            continue;
        }
        std::string label = row.label + (row.unit.empty() ? "" : " [" + row.unit + "]");
        std::printf("%-*s", static_cast<int>(label_width), label.c_str());
        for (const auto& r : results) std::printf("%*s", cell, r.count("error") ? "error" : row.cell(r).c_str());
        if (!row.target.empty()) {
            std::string verdict = row.verdict && !results[target].count("error") ? row.verdict(results[target]) : "";
            std::printf("   %-12s %s", row.target.c_str(), verdict.c_str());
        }
        std::printf("\n");
    }
}

std::vector<int> parse_sizes(const std::string& list) {
    std::vector<int> sizes;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        item.erase(std::remove(item.begin(), item.end(), '_'), item.end());
        if (!item.empty()) sizes.push_back(std::max(20, std::atoi(item.c_str())));
    }
    return sizes;
}

// --- hostile files: one child per file, wall time and peak memory of the work it stresses -------

void run_hostile_file(const bench::HostileFile& file) {
    const std::string text = file.text();
    const auto start = Clock::now();
    LoadResult loaded = load_scenario_text(text, file.name + ".json");
    const double load_seconds = seconds_since(start);
    std::string detail = std::to_string(loaded.diagnostics.size()) + " diagnostics";
    if (!loaded.diagnostics.empty()) detail += ", first " + loaded.diagnostics.front().code;
    double work_seconds = 0.0;
    if (file.action == bench::HostileAction::Analyze && loaded.ok()) {
        const auto t = Clock::now();
        AnalysisLimits limits;
        limits.histograms = true;
        AnalysisResult result = analyse(loaded.scenario, limits);
        if (result.analysis) {
            AnalysisReport report = make_report(*result.analysis);
            detail += ", witness length " + std::to_string(report.dimensions.empty() ? 0 : report.dimensions[0].best_witness.size());
        }
        work_seconds = seconds_since(t);
    } else if (file.action == bench::HostileAction::Undo && loaded.ok()) {
        Session session(loaded.scenario);
        while (session.state() == SessionState::AwaitingChoice) session.choose(0);
        const std::size_t decisions = session.decision_count();
        const auto t = Clock::now();
        while (session.can_undo()) session.undo();
        work_seconds = seconds_since(t);
        detail += ", " + std::to_string(decisions) + " undos";
    }
    std::printf("%-26s %7.1f MiB %9.3f s %9.3f s %8.0f MiB  %s\n", file.name.c_str(),
                static_cast<double>(text.size()) / (1024.0 * 1024.0), load_seconds, work_seconds,
                static_cast<double>(peak_rss_kib()) / 1024.0, detail.c_str());
    std::fflush(stdout);
}

int run_hostile(const std::string& write_dir) {
    if (!write_dir.empty()) {
        std::filesystem::create_directories(write_dir);
        for (const auto& file : bench::hostile_files()) {
            std::ofstream(std::filesystem::path(write_dir) / (file.name + ".json"), std::ios::binary) << file.text();
            std::printf("%s/%s.json: %s\n", write_dir.c_str(), file.name.c_str(), file.what.c_str());
        }
        return 0;
    }
    std::printf("%-26s %11s %11s %11s %12s  %s\n", "file", "size", "load", "work", "peak RSS", "result");
    for (const auto& file : bench::hostile_files()) {
        std::fflush(stdout);
        const pid_t child = fork();
        if (child == 0) {
            run_hostile_file(file);
            std::_Exit(0);
        }
        int status = 0;
        waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) std::printf("%-26s failed\n", file.name.c_str());
    }
    return 0;
}

int usage(const char* self) {
    std::fprintf(stderr,
                 "usage: %s [--sizes 100,1000,10000] [--runs 5] [--play-seconds 2] [--facts 2] [--stress-facts 4]\n"
                 "          [--trust-max 3] [--seed 1] [--max-mib 64] [--no-fork] [--no-cli-report] [--write DIR]\n"
                 "       %s --hostile [--write DIR]\n", self, self);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Config config;
    bool hostile = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) { usage(argv[0]); std::exit(2); }
            return argv[++i];
        };
        if (arg == "--sizes") config.sizes = parse_sizes(value());
        else if (arg == "--runs") config.runs = std::max(1, std::atoi(value().c_str()));
        else if (arg == "--play-seconds") config.play_seconds = std::max(0.01, std::atof(value().c_str()));
        else if (arg == "--facts") config.facts = std::atoi(value().c_str());
        else if (arg == "--stress-facts") config.stress_facts = std::atoi(value().c_str());
        else if (arg == "--trust-max") config.trust_max = std::atoi(value().c_str());
        else if (arg == "--seed") config.seed = std::strtoull(value().c_str(), nullptr, 10);
        else if (arg == "--no-fork") config.fork = false;
        else if (arg == "--no-cli-report") config.cli_report = false;
        else if (arg == "--hostile") hostile = true;
        else if (arg == "--write") config.write_dir = value();
        else if (arg == "--max-mib") config.max_bytes = static_cast<std::size_t>(std::atoi(value().c_str())) * 1024u * 1024u;
        else if (arg == "-h" || arg == "--help") return usage(argv[0]), 0;
        else return usage(argv[0]);
    }
    if (hostile) return run_hostile(config.write_dir);
    if (config.sizes.empty()) return usage(argv[0]);

    std::vector<Column> columns;
    for (int n : config.sizes) columns.push_back({n, config.facts, false});
    const std::size_t target = columns.size() - 1;  // the largest size at real density
    if (config.stress_facts > 0 && config.stress_facts != config.facts)
        columns.push_back({*std::max_element(config.sizes.begin(), config.sizes.end()), config.stress_facts, true});

    namespace fs = std::filesystem;
    if (!config.write_dir.empty()) {
        fs::create_directories(config.write_dir);
        for (const Column& c : columns) {
            std::string path = (fs::path(config.write_dir) /
                                ("synthetic_" + std::to_string(c.nodes) + (c.stress ? "_stress" : "") + ".json")).string();
            Results r;
            generate_into(config, c, path, r);
            std::printf("%s: %s bytes, %d facts\n", path.c_str(), grouped(num(r, "bytes")).c_str(), c.facts);
        }
        return 0;
    }

    std::printf("SalesDojo benchmark: synthetic scenarios (seed %llu, %d facts, trust 0..%d; stress column: %d facts), "
                "best and median of %d runs, %.1f s of random play per variant; file limit raised to %zu MiB\n\n",
                static_cast<unsigned long long>(config.seed), config.facts, config.trust_max, config.stress_facts, config.runs,
                config.play_seconds, config.max_bytes / (1024u * 1024u));
    const std::string load_before = load_average();
    std::vector<Results> results;
    bool failed = false;
    for (const Column& c : columns) {
        const std::string name = column_title(c);
        std::string path = (fs::temp_directory_path() /
                            ("salesdojo-bench-" + std::to_string(getpid()) + "-" + std::to_string(c.nodes) +
                             (c.stress ? "-stress" : "") + ".json")).string();
        std::fprintf(stderr, "[%s] generating...\n", name.c_str());
        Results r = run_isolated(config, [&](Results& out) { generate_into(config, c, path, out); });
        if (!r.count("error")) {
            std::fprintf(stderr, "[%s] load + lint + analyse x%d, then random play...\n", name.c_str(), config.runs);
            Results m = run_isolated(config, [&](Results& out) { measure(config, path, out); });
            for (auto& [k, v] : m) r[k] = v;
        }
        if (!r.count("error") && config.cli_report) {
            std::fprintf(stderr, "[%s] analyse with histograms + report (the `analyze` command)...\n", name.c_str());
            Results cli = run_isolated(config, [&](Results& out) { measure_cli_report(config, path, out); });
            for (auto& [k, v] : cli) r["cli_" + k] = v;
        }
        std::error_code ignored;
        fs::remove(path, ignored);
        if (r.count("error")) {
            std::fprintf(stderr, "[%s] FAILED: %s\n", name.c_str(), r["error"].c_str());
            failed = true;
        }
        results.push_back(std::move(r));
    }

    auto f = [](const char* key, std::function<std::string(double)> format) {
        return [key, format](const Results& r) { double v = num(r, key); return v < 0 ? std::string("-") : format(v); };
    };
    auto integer = [](double v) { return grouped(v); };
    auto per_second = [](const char* prefix) {
        return [prefix](const Results& r) {
            std::string p = prefix;
            return grouped(num(r, p + "_choices") / num(r, p + "_seconds"));
        };
    };
    auto heading = [](const std::string& text) { return Row{text, "", nullptr, "", nullptr}; };
    std::vector<Row> rows = {
        heading("Scenario"),
        {"  nodes", "", f("nodes", integer), "", nullptr},
        {"  facts (trust 0..3 besides)", "", f("facts", integer), "", nullptr},
        {"  layers x width", "", [](const Results& r) { return grouped(num(r, "layers")) + " x " + grouped(num(r, "width")); }, "", nullptr},
        {"  choice / next / random / ending nodes", "", [](const Results& r) {
             return grouped(num(r, "choice_nodes")) + "/" + grouped(num(r, "continue_nodes")) + "/" +
                    grouped(num(r, "random_nodes")) + "/" + grouped(num(r, "endings"));
         }, "", nullptr},
        {"  nodes with 2+ parents (merges)", "", f("merges", integer), "", nullptr},
        {"  choices", "", f("choices", integer), "", nullptr},
        {"  with a condition", "", f("conditional", integer), "", nullptr},
        {"  learning / requiring a fact", "", [](const Results& r) {
             return grouped(num(r, "learning")) + "/" + grouped(num(r, "requiring"));
         }, "", nullptr},
        {"  file size", "MiB", f("bytes", [](double v) { return grouped(v / 1048576.0, 2); }), "", nullptr},
        {"  bytes per node", "B", [](const Results& r) { return grouped(num(r, "bytes") / num(r, "nodes")); }, "", nullptr},
        {"  within the default " + grouped(static_cast<double>(SourceLimits{}.max_bytes) / 1048576.0) + " MiB file limit", "", [](const Results& r) {
             return num(r, "bytes") <= static_cast<double>(SourceLimits{}.max_bytes) ? std::string("yes") : std::string("NO (SD1002)"); },
         "", nullptr},
        {"  generation (not part of the figures)", "ms", f("gen_seconds", ms), "", nullptr},
        heading("Lint"),
        {"  loader diagnostics: errors/warnings", "", [](const Results& r) {
             return grouped(num(r, "load_errors")) + "/" + grouped(num(r, "load_warnings"));
         }, "0/0", [](const Results& r) { return num(r, "load_errors") == 0 && num(r, "load_warnings") == 0 ? "clean" : "NOT CLEAN"; }},
        {"  analysis diagnostics (SD3xxx)", "", f("analysis_diagnostics", integer), "0", [](const Results& r) {
             return num(r, "analysis_diagnostics") == 0 ? "clean" : "NOT CLEAN"; }},
        heading("Wall time, best / median"),
        {"  load_scenario_file (read+parse+lint)", "ms", [](const Results& r) {
             return ms(num(r, "load_best")) + " / " + ms(num(r, "load_median")); }, "", nullptr},
        {"    of which read_source_file", "ms", [](const Results& r) { return ms(num(r, "read_best")); }, "", nullptr},
        {"    of which parse_document (UTF-8, depth, DOM)", "ms", [](const Results& r) { return ms(num(r, "parse_best")); }, "", nullptr},
        {"    of which model + lint (the rest)", "ms", [](const Results& r) {
             return ms(num(r, "text_load_best") - num(r, "parse_best")); }, "", nullptr},
        {"  freeing the Document (background thread)", "ms", [](const Results& r) { return ms(num(r, "free_dom_best")); }, "", nullptr},
        {"  waiting for it after analyse()", "ms", [](const Results& r) {
             return ms(num(r, "background_wait_best")) + " / " + ms(num(r, "background_wait_median")); }, "", nullptr},
        {"  for comparison: parse_json / freeing its nlohmann::json", "ms", [](const Results& r) {
             return ms(num(r, "parse_json_best")) + " / " + ms(num(r, "free_json_best")); }, "", nullptr},
        {"  analyse()", "ms", [](const Results& r) {
             return ms(num(r, "analyse_best")) + " / " + ms(num(r, "analyse_median")); }, "", nullptr},
        {"  load + lint + analyse", "ms", [](const Results& r) {
             return ms(num(r, "total_best")) + " / " + ms(num(r, "total_median")); },
         "<= " + grouped(kTargetTotalSeconds * 1000.0) + " ms", [](const Results& r) {
             double m = num(r, "total_median");
             return std::string(m <= kTargetTotalSeconds ? "meets" : "MISSES") + " (median " + ms(m) + " ms, " +
                    grouped(m / kTargetTotalSeconds, 2) + "x)"; }},
        heading("CPU time, all threads of the process, best / median (other processes do not count)"),
        {"  load_scenario_file", "ms", [](const Results& r) {
             return ms(num(r, "process_cpu_load_best")) + " / " + ms(num(r, "process_cpu_load_median")); }, "", nullptr},
        {"  analyse() (incl. the concurrent free)", "ms", [](const Results& r) {
             return ms(num(r, "process_cpu_analyse_best")) + " / " + ms(num(r, "process_cpu_analyse_median")); }, "", nullptr},
        {"  load + lint + analyse + all of the free", "ms", [](const Results& r) {
             return ms(num(r, "process_cpu_total_best")) + " / " + ms(num(r, "process_cpu_total_median")); },
         "<= " + grouped(kTargetTotalSeconds * 1000.0) + " ms", [](const Results& r) {
             double m = num(r, "process_cpu_total_median");
             return std::string(m <= kTargetTotalSeconds ? "meets" : "MISSES") + " (" + grouped(m / kTargetTotalSeconds, 2) + "x)"; }},
        heading("CPU time of the calling thread only, best / median"),
        {"  load_scenario_file", "ms", [](const Results& r) {
             return ms(num(r, "cpu_load_best")) + " / " + ms(num(r, "cpu_load_median")); }, "", nullptr},
        {"  analyse()", "ms", [](const Results& r) {
             return ms(num(r, "cpu_analyse_best")) + " / " + ms(num(r, "cpu_analyse_median")); }, "", nullptr},
        {"  load + lint + analyse", "ms", [](const Results& r) {
             return ms(num(r, "cpu_total_best")) + " / " + ms(num(r, "cpu_total_median")); }, "", nullptr},
        heading("Analysis"),
        {"  states explored", "", f("states", integer), "", nullptr},
        {"  states per node", "", [](const Results& r) { return grouped(num(r, "states") / num(r, "nodes"), 1); }, "", nullptr},
        {"  transitions", "", f("transitions", integer), "", nullptr},
        {"  complete paths", "", [](const Results& r) { return big(str(r, "paths")); }, "", nullptr},
        heading("Peak RSS (ru_maxrss, per size in a fresh process)"),
        {"  at process start", "MiB", f("rss_baseline_kib", mib), "", nullptr},
        {"  after the first load", "MiB", f("rss_after_load_kib", mib), "", nullptr},
        {"  after the first analyse", "MiB", f("rss_after_analyse_kib", mib), "", nullptr},
        {"  after all timed runs (before play)", "MiB", f("rss_peak_kib", mib), "", nullptr},
        heading("Live heap (glibc mallinfo2, in use after the step)"),
        {"  the loaded Scenario", "MiB", f("heap_scenario", [](double v) { return grouped(v / 1048576.0, 1); }), "", nullptr},
        {"  the Analysis", "MiB", f("heap_analysis", [](double v) { return grouped(v / 1048576.0, 1); }), "", nullptr},
        heading("Headless random play (uniform over available options)"),
        {"  available_choices() + choose(), undo_to(0)", "choices/s", per_second("play_available"),
         ">= " + grouped(kTargetChoicesPerSecond) + "/s", [](const Results& r) {
             double v = num(r, "play_available_choices") / num(r, "play_available_seconds");
             return std::string(v >= kTargetChoicesPerSecond ? "meets" : "MISSES") + " (" + grouped(v / kTargetChoicesPerSecond, 2) + "x)"; }},
        {"  the same, per CPU second", "choices/s", [](const Results& r) {
             return grouped(num(r, "play_available_choices") / num(r, "play_available_cpu_seconds")); },
         ">= " + grouped(kTargetChoicesPerSecond) + "/s", [](const Results& r) {
             double v = num(r, "play_available_choices") / num(r, "play_available_cpu_seconds");
             return std::string(v >= kTargetChoicesPerSecond ? "meets" : "MISSES") + " (" + grouped(v / kTargetChoicesPerSecond, 2) + "x)"; }},
        {"  CPU share of wall time while playing", "%", [](const Results& r) {
             return grouped(100.0 * num(r, "play_available_cpu_seconds") / num(r, "play_available_seconds"), 0); }, "", nullptr},
        {"  options(reused vector) + choose(), undo_to(0)", "choices/s", per_second("play_reuse"), "", nullptr},
        {"    per CPU second", "choices/s", [](const Results& r) {
             return grouped(num(r, "play_reuse_choices") / num(r, "play_reuse_cpu_seconds")); }, "", nullptr},
        {"  options() + choose(), undo_to(0)", "choices/s", per_second("play_api"), "", nullptr},
        {"    per CPU second", "choices/s", [](const Results& r) {
             return grouped(num(r, "play_api_choices") / num(r, "play_api_cpu_seconds")); }, "", nullptr},
        {"  available_choices() + choose(), new Session", "choices/s", per_second("play_fresh"), "", nullptr},
        {"  games per second (available_choices())", "games/s", [](const Results& r) {
             return grouped(num(r, "play_available_games") / num(r, "play_available_seconds")); }, "", nullptr},
        {"  decisions per game", "", [](const Results& r) {
             return grouped(num(r, "play_available_choices") / std::max(1.0, num(r, "play_available_games")), 1); }, "", nullptr},
        {"  restart by undo_to(0) (bulk timed)", "ns", [](const Results& r) {
             return grouped(1e9 * num(r, "restart_undo_seconds")); }, "", nullptr},
        {"  restart by new Session (bulk timed)", "ns", [](const Results& r) {
             return grouped(1e9 * num(r, "restart_new_seconds")); }, "", nullptr},
        {"  share of play time spent restarting (undo_to)", "%", [](const Results& r) {
             return grouped(100.0 * num(r, "restart_undo_seconds") * num(r, "play_available_games") / num(r, "play_available_seconds"), 1); }, "", nullptr},
        {"  stuck sessions", "", [](const Results& r) {
             return grouped(num(r, "play_available_stuck") + num(r, "play_reuse_stuck") + num(r, "play_api_stuck") +
                            num(r, "play_fresh_stuck")); }, "", nullptr},
    };
    if (config.cli_report) {
        rows.push_back(heading("`salesdojo analyze` path (histograms + report, separate process)"));
        rows.push_back({"  analyse() with histograms", "ms", f("cli_analyse_histograms_seconds", ms), "", nullptr});
        rows.push_back({"  make_report()", "ms", f("cli_report_seconds", ms), "", nullptr});
        rows.push_back({"  rubric warnings (SD31xx)", "", f("cli_rubric_warnings", integer), "", nullptr});
        rows.push_back({"  peak RSS", "MiB", f("cli_rss_peak_kib", mib), "", nullptr});
    }
    print_table(columns, target, results, rows);
    std::printf("\nLoad average (1, 5, 15 min) before: %s, after: %s; %ld CPUs online. Other work on the machine skews the figures.\n",
                load_before.c_str(), load_average().c_str(), sysconf(_SC_NPROCESSORS_ONLN));
    for (std::size_t i = 0; i < results.size(); ++i)
        if (results[i].count("error")) std::printf("\n%s: %s\n", column_title(columns[i]).c_str(), results[i]["error"].c_str());
    return failed ? 1 : 0;
}
