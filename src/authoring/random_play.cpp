// Random play through the real Session: coverage, score distribution, stuck runs.
#include <salesdojo/authoring/random_play.hpp>
#include <salesdojo/session.hpp>

#include <algorithm>
#include <optional>

namespace salesdojo {
namespace {

// splitmix64: the same sequence on every machine (std:: distributions differ between libraries).
struct SplitMix {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

}  // namespace

RandomPlayReport random_play(const std::shared_ptr<const Scenario>& scenario, const RandomPlayOptions& options) {
    const Scenario& s = *scenario;
    RandomPlayReport report;
    report.node_visits.assign(s.nodes.size(), 0);
    report.ending_runs.assign(s.nodes.size(), 0);
    report.outcome_runs.assign(s.outcomes.size(), 0);
    report.choice_picks.resize(s.nodes.size());
    std::size_t widest = 1;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        report.choice_picks[i].assign(s.nodes[i].choices.size(), 0);
        widest = std::max(widest, s.nodes[i].choices.size());
    }
    std::vector<int> available(widest);
    Session session(scenario, options.seed);
    for (std::uint64_t run = 0; run < options.runs; ++run) {
        const std::uint64_t seed = options.seed + run;
        session = Session(scenario, seed);
        SplitMix pick{seed ^ 0x5DEECE66Dull};
        std::optional<StuckReason> stuck;
        while (session.state() == SessionState::AwaitingChoice) {
            if (session.decision_count() >= options.max_decisions) {
                stuck = StuckReason::DecisionLimit;
                break;
            }
            const std::size_t n = session.available_choices(available.data(), available.size());
            if (n == 0) break;  // the session says Stuck as well; kept as a guard
            session.choose(available[static_cast<std::size_t>(pick.next() % n)]);
        }
        report.decisions += session.decision_count();
        for (const TranscriptEntry& entry : session.transcript()) {
            ++report.node_visits[static_cast<std::size_t>(entry.node)];
            if (entry.choice) ++report.choice_picks[static_cast<std::size_t>(entry.node)][static_cast<std::size_t>(*entry.choice)];
        }
        if (session.finished()) {
            ++report.finished;
            const int end = session.current_node_index();
            ++report.ending_runs[static_cast<std::size_t>(end)];
            ++report.outcome_runs[static_cast<std::size_t>(s.nodes[static_cast<std::size_t>(end)].ending.outcome)];
            report.totals.push_back(session.weighted_total());
            continue;
        }
        if (!stuck) stuck = s.nodes[static_cast<std::size_t>(session.current_node_index())].kind == NodeKind::Choices
                                ? StuckReason::NoOption
                                : StuckReason::AutomaticSteps;
        ++report.stuck_count;
        if (report.stuck.size() < options.max_stuck_kept) {
            StuckRun r;
            r.seed = seed;
            r.reason = *stuck;
            for (const TranscriptEntry& entry : session.transcript()) r.path.push_back(entry.node);
            r.choice_ids = session.decision_ids();
            report.stuck.push_back(std::move(r));
        }
    }
    report.runs = options.runs;
    std::sort(report.totals.begin(), report.totals.end());
    return report;
}

Coverage node_coverage(const RandomPlayReport& report) {
    Coverage c;
    c.total = report.node_visits.size();
    c.covered = static_cast<std::size_t>(std::count_if(report.node_visits.begin(), report.node_visits.end(), [](auto v) { return v > 0; }));
    return c;
}

Coverage choice_coverage(const RandomPlayReport& report) {
    Coverage c;
    for (const auto& picks : report.choice_picks) {
        c.total += picks.size();
        c.covered += static_cast<std::size_t>(std::count_if(picks.begin(), picks.end(), [](auto v) { return v > 0; }));
    }
    return c;
}

Coverage ending_coverage(const Scenario& scenario, const RandomPlayReport& report) {
    Coverage c;
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        if (scenario.nodes[i].kind != NodeKind::Ending) continue;
        ++c.total;
        if (report.ending_runs[i] > 0) ++c.covered;
    }
    return c;
}

}  // namespace salesdojo
