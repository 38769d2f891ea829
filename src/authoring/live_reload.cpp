#include <salesdojo/authoring/live_reload.hpp>

#include <salesdojo/analysis_report.hpp>
#include <salesdojo/loader.hpp>

#include <sys/stat.h>

#include <utility>

namespace salesdojo::authoring {

std::optional<FileStamp> file_stamp(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    FileStamp stamp;
    stamp.size = static_cast<std::uintmax_t>(st.st_size);
    stamp.modified_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    stamp.inode = static_cast<std::uint64_t>(st.st_ino);
    stamp.regular = S_ISREG(st.st_mode);
    return stamp;
}

FileWatch::FileWatch(std::string path) : m_path(std::move(path)) {
    m_loaded = file_stamp(m_path);
    m_last = m_loaded;
    m_missing = !m_loaded;
}

WatchEvent FileWatch::poll() {
    const std::optional<FileStamp> now = file_stamp(m_path);
    if (!now) {
        m_last.reset();
        if (m_missing) return WatchEvent::None;
        m_missing = true;
        return WatchEvent::Missing;
    }
    if (!m_missing && m_loaded && *now == *m_loaded) {
        m_last = now;
        return WatchEvent::None;
    }
    // Different from the version last reported (or back after being missing): wait until it settles.
    if (m_last && *m_last == *now) {
        m_loaded = now;
        m_missing = false;
        return WatchEvent::Changed;
    }
    m_last = now;
    return WatchEvent::None;
}

Replayed replay_as_far_as_possible(std::shared_ptr<const Scenario> scenario, const PlaythroughIds& ids) {
    std::optional<StartPoint> start;
    std::optional<std::string> start_lost;
    if (ids.start) {
        std::string error;
        start = playtest_start(*scenario, *ids.start, error);
        if (!start) {
            start_lost = error;
            // Still a playtest (never stored), from the scenario's own start.
            start = scenario_start(*scenario);
        }
    }
    Replayed out{start ? Session(scenario, ids.seed, *start) : Session(scenario, ids.seed), 0, 0, std::nullopt,
                 std::move(start_lost)};
    std::vector<ChoiceOption> options;
    for (const std::string& id : ids.choices) {
        std::optional<int> pick;
        if (out.session.state() == SessionState::AwaitingChoice) {
            out.session.options(options);
            for (const ChoiceOption& option : options)
                if (option.choice->id == id && option.available) pick = option.index;
        }
        if (!pick) {
            out.stopped_at = id;
            out.dropped = ids.choices.size() - out.replayed;
            break;
        }
        out.session.choose(*pick);
        ++out.replayed;
    }
    return out;
}

PlaythroughIds playthrough_ids(const Session& session, std::optional<PlaytestSetup> start) {
    return PlaythroughIds{session.seed(), std::move(start), session.decision_ids()};
}

std::optional<ScenarioVersion> load_version(const std::string& path, const PrepareScenario& prepare,
                                            Diagnostics& problems) {
    problems.clear();
    LoadResult loaded = load_scenario_file(path);
    if (!loaded.scenario) {
        problems = std::move(loaded.diagnostics);
        return std::nullopt;
    }
    ScenarioVersion version;
    version.scenario = prepare ? prepare(loaded.scenario) : loaded.scenario;
    AnalysisResult result = analyse(version.scenario);
    locate_diagnostics(result.diagnostics, path);
    version.warnings = std::move(loaded.diagnostics);
    if (!result.analysis || has_errors(result.diagnostics)) {  // e.g. SD3003: a situation with no way on
        problems = std::move(version.warnings);
        problems.insert(problems.end(), result.diagnostics.begin(), result.diagnostics.end());
        return std::nullopt;
    }
    version.warnings.insert(version.warnings.end(), result.diagnostics.begin(), result.diagnostics.end());
    Diagnostics rubric = rubric_warnings(*result.analysis);
    locate_diagnostics(rubric, path);
    version.warnings.insert(version.warnings.end(), rubric.begin(), rubric.end());
    version.analysis = std::move(result.analysis);
    version.facts = graph_facts(*version.scenario);
    return version;
}

std::optional<LiveScenario> LiveScenario::open(const std::string& path, PrepareScenario prepare, Diagnostics& problems) {
    FileWatch watch(path);  // stamped before reading: a save during the load is seen by the next poll
    std::optional<ScenarioVersion> first = load_version(path, prepare, problems);
    if (!first) return std::nullopt;
    return LiveScenario(std::move(watch), std::move(prepare), std::move(*first));
}

ReloadEvent LiveScenario::poll() {
    switch (m_watch.poll()) {
    case WatchEvent::None: return ReloadEvent::None;
    case WatchEvent::Missing: return ReloadEvent::Missing;
    case WatchEvent::Changed: break;
    }
    Diagnostics problems;
    std::optional<ScenarioVersion> next = load_version(m_watch.path(), m_prepare, problems);
    if (!next) {
        m_problems = std::move(problems);
        return ReloadEvent::Broken;
    }
    m_current = std::move(*next);
    m_problems.clear();
    ++m_versions;
    return ReloadEvent::Reloaded;
}

}  // namespace salesdojo::authoring
