// `salesdojo simulate`: random play with coverage, score distribution and stuck runs.
#include "authoring_output.hpp"
#include "commands.hpp"

#include <salesdojo/authoring/random_play.hpp>
#include <salesdojo/loader.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace salesdojo::cli {
namespace {

constexpr std::size_t kHistogramBins = 10;
constexpr std::size_t kListedMisses = 10;  // never-reached nodes and never-chosen choices shown in text

double median(const std::vector<double>& sorted) {
    if (sorted.empty()) return 0.0;
    const std::size_t n = sorted.size();
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

struct Bin {
    double from = 0.0, to = 0.0;
    std::uint64_t count = 0;
};
std::vector<Bin> histogram(const std::vector<double>& sorted) {
    std::vector<Bin> bins;
    if (sorted.empty()) return bins;
    const double low = sorted.front(), high = sorted.back();
    const std::size_t count = high > low ? kHistogramBins : 1;
    const double width = count > 1 ? (high - low) / static_cast<double>(count) : 0.0;
    for (std::size_t i = 0; i < count; ++i) bins.push_back({low + width * static_cast<double>(i), i + 1 == count ? high : low + width * static_cast<double>(i + 1), 0});
    for (double x : sorted) {
        std::size_t i = width > 0 ? static_cast<std::size_t>((x - low) / width) : 0;
        ++bins[std::min(i, count - 1)].count;
    }
    return bins;
}

const char* reason_id(StuckReason reason) {
    switch (reason) {
        case StuckReason::NoOption: return "no-option";
        case StuckReason::AutomaticSteps: return "automatic-steps";
        case StuckReason::DecisionLimit: return "decision-limit";
    }
    return "";
}

std::string number(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", x);
    std::string s = buffer;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) return "-";
    char buffer[32];
    const double share = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    // Whole percents, except that a share that is there but small does not read as 0% (or 100%).
    std::snprintf(buffer, sizeof buffer, share > 0 && share < 1 ? "%.1f%%" : "%.0f%%",
                  share > 99 && share < 100 ? std::floor(share) : share);
    return buffer;
}

std::string replay_command(const std::string& file, const StuckRun& run) {
    std::string choices;
    for (const auto& id : run.choice_ids) choices += (choices.empty() ? "" : ",") + id;
    return "salesdojo run '" + file + "' --seed " + std::to_string(run.seed) + " --choices '" + choices + "' --no-store";
}

std::string path_text(const Scenario& s, const std::vector<int>& path) {
    constexpr std::size_t kEnds = 12;  // a long loop is shown by its start and its end
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path.size() > 2 * kEnds && i == kEnds) {
            out += " -> ... (" + std::to_string(path.size() - 2 * kEnds) + " more)";
            i = path.size() - kEnds - 1;
            continue;
        }
        out += (i ? " -> " : "") + s.nodes[static_cast<std::size_t>(path[i])].id;
    }
    return out;
}

std::string text_report(const Scenario& s, const RandomPlayReport& r, const SimulateOptions& o) {
    std::string out;
    out += "simulate: " + std::to_string(r.runs) + " runs of '" + s.id + "' (seeds " + std::to_string(o.seed) + ".." +
           std::to_string(o.seed + r.runs - 1) + "): " + std::to_string(r.finished) + " finished, " +
           std::to_string(r.stuck_count) + " stuck\n";
    const Coverage nodes = node_coverage(r), choices = choice_coverage(r), endings = ending_coverage(s, r);
    out += "coverage: nodes " + std::to_string(nodes.covered) + "/" + std::to_string(nodes.total) + " (" + percent(nodes.covered, nodes.total) +
           "), choices " + std::to_string(choices.covered) + "/" + std::to_string(choices.total) + " (" + percent(choices.covered, choices.total) +
           "), endings " + std::to_string(endings.covered) + "/" + std::to_string(endings.total) + " (" + percent(endings.covered, endings.total) + ")\n";
    std::vector<std::string> unreached, unchosen;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        if (r.node_visits[i] == 0) unreached.push_back(s.nodes[i].id);
        for (std::size_t c = 0; c < s.nodes[i].choices.size(); ++c)
            if (r.choice_picks[i][c] == 0) unchosen.push_back(s.nodes[i].id + "/" + s.nodes[i].choices[c].id);
    }
    auto list = [&](const char* title, const std::vector<std::string>& items) {
        if (items.empty()) return;
        out += std::string(title) + " (" + std::to_string(items.size()) + "):";
        for (std::size_t i = 0; i < items.size() && i < kListedMisses; ++i) out += " " + items[i];
        if (items.size() > kListedMisses) out += " ...";
        out += "\n";
    };
    list("never reached", unreached);
    list("never chosen", unchosen);
    out += "outcomes:";
    for (std::size_t i = 0; i < s.outcomes.size(); ++i)
        if (r.outcome_runs[i] > 0) out += std::string(out.back() == ':' ? " " : ", ") + s.outcomes[i].id + " " + std::to_string(r.outcome_runs[i]) + " (" + percent(r.outcome_runs[i], r.runs) + ")";
    out += r.finished ? "\n" : " none\n";
    if (!r.totals.empty()) {
        out += "weighted total: min " + number(r.totals.front()) + ", median " + number(median(r.totals)) + ", max " + number(r.totals.back()) + "\n";
        const auto bins = histogram(r.totals);
        std::uint64_t most = 1;
        for (const auto& b : bins) most = std::max(most, b.count);
        for (const auto& b : bins) {
            char line[128];
            std::snprintf(line, sizeof line, "  %8s .. %-8s |", number(b.from).c_str(), number(b.to).c_str());
            out += line + std::string(static_cast<std::size_t>(30.0 * static_cast<double>(b.count) / static_cast<double>(most)), '#') + " " +
                   std::to_string(b.count) + "\n";
        }
    }
    for (const StuckRun& run : r.stuck) {
        const std::string at = s.nodes[static_cast<std::size_t>(run.path.back())].id;
        out += "stuck: seed " + std::to_string(run.seed) + ": ";
        switch (run.reason) {
            case StuckReason::NoOption: out += "no available option at node '" + at + "'"; break;
            case StuckReason::AutomaticSteps: out += "too many automatic nodes in a row, at node '" + at + "'"; break;
            case StuckReason::DecisionLimit: out += std::to_string(o.max_decisions) + " decisions without an ending (a loop), at node '" + at + "'"; break;
        }
        out += " after " + std::to_string(run.choice_ids.size()) + (run.choice_ids.size() == 1 ? " decision\n" : " decisions\n");
        out += "  path: " + path_text(s, run.path) + "\n";
        out += "  replay: " + replay_command(o.file, run) + "\n";
    }
    if (r.stuck_count > r.stuck.size())
        out += "(" + std::to_string(r.stuck_count - r.stuck.size()) + " more stuck runs not shown)\n";
    return out;
}

nlohmann::json json_report(const Scenario& s, const RandomPlayReport& r, const SimulateOptions& o) {
    using nlohmann::json;
    auto coverage = [](const Coverage& c) { return json{{"covered", c.covered}, {"total", c.total}}; };
    json nodes = json::object(), choices = json::object(), endings = json::object(), outcomes = json::object();
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        nodes[s.nodes[i].id] = r.node_visits[i];
        if (!s.nodes[i].choices.empty()) {
            json picks = json::object();
            for (std::size_t c = 0; c < s.nodes[i].choices.size(); ++c) picks[s.nodes[i].choices[c].id] = r.choice_picks[i][c];
            choices[s.nodes[i].id] = picks;
        }
        if (s.nodes[i].kind == NodeKind::Ending) endings[s.nodes[i].id] = r.ending_runs[i];
    }
    for (std::size_t i = 0; i < s.outcomes.size(); ++i) outcomes[s.outcomes[i].id] = r.outcome_runs[i];
    json scores = nullptr;
    if (!r.totals.empty()) {
        json bins = json::array();
        for (const auto& b : histogram(r.totals)) bins.push_back({{"from", b.from}, {"to", b.to}, {"runs", b.count}});
        scores = {{"min", r.totals.front()}, {"median", median(r.totals)}, {"max", r.totals.back()}, {"histogram", bins}};
    }
    json stuck = json::array();
    for (const StuckRun& run : r.stuck) {
        json path = json::array();
        for (int node : run.path) path.push_back(s.nodes[static_cast<std::size_t>(node)].id);
        stuck.push_back({{"seed", run.seed}, {"reason", reason_id(run.reason)}, {"path", path}, {"choices", run.choice_ids},
                         {"replay", replay_command(o.file, run)}});
    }
    return {{"scenario", s.id},
            {"version", s.version},
            {"runs", r.runs},
            {"seed", o.seed},
            {"finished", r.finished},
            {"stuck_runs", r.stuck_count},
            {"decisions", r.decisions},
            {"coverage", {{"nodes", coverage(node_coverage(r))}, {"choices", coverage(choice_coverage(r))}, {"endings", coverage(ending_coverage(s, r))}}},
            {"node_visits", nodes},
            {"choice_picks", choices},
            {"ending_runs", endings},
            {"outcomes", outcomes},
            {"weighted_total", scores},
            {"stuck", stuck}};
}

}  // namespace

int simulate_command(const SimulateOptions& options) {
    LoadResult loaded = load_scenario_file(options.file);
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (!loaded.ok()) return kExitProblems;
    RandomPlayOptions play;
    play.runs = options.runs;
    play.seed = options.seed;
    play.max_decisions = options.max_decisions;
    const RandomPlayReport report = random_play(loaded.scenario, play);
    const std::string text = options.json
        ? json_report(*loaded.scenario, report, options).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"
        : text_report(*loaded.scenario, report, options);
    if (!write_output("simulate", options.out, text)) return kExitProblems;
    return report.stuck_count > 0 ? kExitProblems : kExitOk;
}

}  // namespace salesdojo::cli
