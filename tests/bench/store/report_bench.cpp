// salesdojo_report_bench: figures for the class report (not a test; nothing is asserted).
//
//   salesdojo_report_bench [--files 1000] [--attempts 10] [--decisions 8] [--runs 5] [--threads N] [--dir DIR]
//
// Writes --files export files (one trainee each, --attempts attempts of --decisions decisions over
// four scenarios, with the scenarios' names as `salesdojo export` writes them) into DIR (default: a
// temporary folder, removed afterwards), then makes a class report from all of them, as `salesdojo
// report` does: read and check every file, merge, write the HTML and the CSV. Wall times are medians
// (with min and max) of --runs runs; CPU times are this process's.
#include <salesdojo/report/class_report.hpp>
#include <salesdojo/report/results_export.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <time.h>
#include <unistd.h>

namespace {

using namespace salesdojo;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64: the same files on every machine
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

report::ScenarioNames names_for(int scenario, int decisions) {
    report::ScenarioNames n;
    n.version = "1.0.0";
    n.content_hash = "00000000000000" + std::to_string(10 + scenario);
    n.language = "nl";
    n.title = "Scenario nummer " + std::to_string(scenario);
    for (const char* d : {"qualify", "decline", "bias", "relationship"}) n.dimensions[d] = std::string("Onderdeel ") + d;
    for (const char* o : {"qualified-fit", "declined-misfit", "pursued-misfit", "abandoned-fit"}) n.outcomes[o] = std::string("Uitkomst ") + o;
    n.endings["end"] = "Einde";
    for (int i = 0; i < decisions; ++i) {
        auto& node = n.nodes["node-" + std::to_string(i)];
        node.speaker = "Klant";
        node.line = "Wat zegt de klant op moment " + std::to_string(i) + ", met een zin van gewone lengte?";
        for (int c = 0; c < 3; ++c) node.choices["choice-" + std::to_string(c)] = "Een antwoord van gewone lengte, keuze " + std::to_string(c);
    }
    return n;
}

report::ExportDocument file_for(int file, int attempts, int decisions) {
    report::ExportDocument doc;
    doc.exported_ms = 1'796'000'000'000;
    doc.generator = "salesdojo bench";
    doc.language = "nl";
    for (int k = 0; k < attempts; ++k) {
        const std::uint64_t r = mix(static_cast<std::uint64_t>(file) * 1000 + static_cast<std::uint64_t>(k));
        report::ExportedAttempt a;
        char uid[40];
        std::snprintf(uid, sizeof uid, "%08x-0000-4000-8000-%012llx", static_cast<unsigned>(file),
                      static_cast<unsigned long long>(r & 0xffffffffffffull));
        a.uid = uid;
        a.trainee = "Deelnemer " + std::to_string(file);
        const int scenario = k % 4;
        a.scenario_id = "scenario-" + std::to_string(scenario);
        a.scenario_version = "1.0.0";
        a.content_hash = "00000000000000" + std::to_string(10 + scenario);
        a.language = "nl";
        a.mode = "practice";
        a.seed = r;
        a.started_ms = 1'795'000'000'000 + static_cast<std::int64_t>(r % 1'000'000'000);
        a.ended_ms = a.started_ms + 600'000;
        a.finished = true;
        a.ending_node = "end";
        static const char* const outcomes[] = {"qualified-fit", "declined-misfit", "pursued-misfit", "abandoned-fit"};
        a.outcome = outcomes[r % 4];
        a.weighted_total = static_cast<double>(r % 40) - 10;
        a.overall = static_cast<double>(r % 101);
        a.accuracy = static_cast<double>((r >> 8) % 101);
        a.passed = a.overall >= 60;
        for (int i = 0; i < decisions; ++i) {
            const std::uint64_t c = (r >> (i * 2)) % 3;
            static const char* const verdicts[] = {"best", "inaccuracy", "blunder"};
            a.decisions.push_back({"node-" + std::to_string(i), "choice-" + std::to_string(c), verdicts[c],
                                   static_cast<double>(c) * 1.5, true, 3.5 + static_cast<double>(i), "choice-0"});
        }
        for (const char* d : {"qualify", "decline", "bias", "relationship"})
            a.dimensions.push_back({d, static_cast<long long>(r % 7) - 2, static_cast<double>((r >> 16) % 101)});
        doc.attempts.push_back(std::move(a));
    }
    for (int s = 0; s < std::min(attempts, 4); ++s) doc.scenarios["scenario-" + std::to_string(s)] = names_for(s, decisions);
    return doc;
}

struct Figures {
    double median, min, max;
};

Figures summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.front(), v.back()};
}

void print(const char* what, const Figures& wall, const Figures& cpu) {
    std::printf("  %-44s wall median %8.1f ms (min %.1f, max %.1f); CPU median %8.1f ms\n", what, wall.median, wall.min,
                wall.max, cpu.median);
}

}  // namespace

int main(int argc, char** argv) {
    int files = 1000, attempts = 10, decisions = 8, runs = 5;
    unsigned threads = 0;  // as `salesdojo report`: one per core
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--files")) files = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--attempts")) attempts = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--decisions")) decisions = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--threads")) threads = static_cast<unsigned>(std::max(1, std::atoi(argv[i + 1])));
        else { std::fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
    }
    const bool temporary = dir.empty();
    if (temporary) dir = (fs::temp_directory_path() / ("salesdojo_report_bench_" + std::to_string(::getpid()))).string();
    fs::remove_all(dir);
    fs::create_directories(dir);

    std::vector<std::string> paths;
    std::uintmax_t bytes = 0;
    const auto write_start = Clock::now();
    for (int f = 0; f < files; ++f) {
        const std::string path = (fs::path(dir) / ("trainee-" + std::to_string(f) + ".json")).string();
        std::ofstream(path, std::ios::binary) << report::export_json(file_for(f, attempts, decisions)).dump(2) << "\n";
        bytes += fs::file_size(path);
        paths.push_back(path);
    }
    std::printf("%d export files in %s: %d attempts of %d decisions each, %.1f MB in all (written in %.1f s)\n", files,
                dir.c_str(), attempts, decisions, static_cast<double>(bytes) / 1e6, ms_since(write_start) / 1000);

    std::vector<double> read_wall, read_cpu, merge_wall, merge_cpu, render_wall, render_cpu, total_wall, total_cpu;
    std::size_t counted = 0, html_bytes = 0;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        const double cpu_start = cpu_ms();
        std::vector<report::ClassInput> inputs;
        inputs.reserve(paths.size());
        auto results = report::read_export_files(paths, threads);
        for (std::size_t i = 0; i < results.size(); ++i) {
            if (!results[i].document) {
                std::fprintf(stderr, "%s\n", results[i].message.c_str());
                return 1;
            }
            inputs.push_back({paths[i], std::move(*results[i].document)});
        }
        read_wall.push_back(ms_since(start));
        read_cpu.push_back(cpu_ms() - cpu_start);

        const auto merge_start = Clock::now();
        const double merge_cpu_start = cpu_ms();
        const report::ClassReport merged = report::make_class_report(inputs, "nl");
        merge_wall.push_back(ms_since(merge_start));
        merge_cpu.push_back(cpu_ms() - merge_cpu_start);

        const auto render_start = Clock::now();
        const double render_cpu_start = cpu_ms();
        const std::string html = report::class_report_html(merged, "nl");
        const report::CsvTables csv = report::class_report_csv(merged, "nl");
        render_wall.push_back(ms_since(render_start));
        render_cpu.push_back(cpu_ms() - render_cpu_start);
        total_wall.push_back(ms_since(start));
        total_cpu.push_back(cpu_ms() - cpu_start);
        counted = merged.attempts_counted;
        html_bytes = html.size() + csv.attempts.size() + csv.decisions.size();
    }
    std::printf("class report of %zu attempts (%zu bytes of HTML and CSV), %d runs, files read on %s thread(s):\n", counted,
                html_bytes, runs, threads ? std::to_string(threads).c_str() : "one per core");
    print("read and check every file", summarise(read_wall), summarise(read_cpu));
    print("merge (identity, duplicates, tallies)", summarise(merge_wall), summarise(merge_cpu));
    print("write HTML and CSV", summarise(render_wall), summarise(render_cpu));
    print("class report in all", summarise(total_wall), summarise(total_cpu));
    std::printf("  target: class report from 1,000 export files <= 2000 ms\n");
    if (temporary) fs::remove_all(dir);
    return 0;
}
