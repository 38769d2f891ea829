#pragma once
// Live reload of a scenario file an author is editing (docs/authoring-window.md): a cheap change
// detector the window polls, and the replay that carries a playthrough over to the new version.
// No GUI types: the window and the tests drive both the same way.
#include <salesdojo/analysis.hpp>
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/graph_facts.hpp>
#include <salesdojo/scenario.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/start_point.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::authoring {

// What stat() says about a file: enough to notice a save (size, modification time) or a replacement
// by rename (inode). Never opens the file.
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t modified_ns = 0;
    std::uint64_t inode = 0;
    bool regular = true;
    bool operator==(const FileStamp& o) const {
        return size == o.size && modified_ns == o.modified_ns && inode == o.inode && regular == o.regular;
    }
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
};
// nullopt when the path does not exist or cannot be examined.
std::optional<FileStamp> file_stamp(const std::string& path);

enum class WatchEvent {
    None,     // nothing new
    Changed,  // changed (or back after being missing) and settled: load it again
    Missing,  // gone (deleted, or moved away mid-save); reported once until it is back
};

// Watches one file by polling its stamp. A change is reported only once the file has kept the same
// stamp over two polls in a row, so an editor's save in progress is normally not read half-written
// (and if it is, the load fails, the last good version stays, and the next settled stamp reloads).
class FileWatch {
public:
    explicit FileWatch(std::string path);  // the file as it is now is the baseline
    WatchEvent poll();
    bool missing() const { return m_missing; }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::optional<FileStamp> m_loaded;  // the stamp of the version last reported (or the baseline)
    std::optional<FileStamp> m_last;    // the stamp at the previous poll
    bool m_missing = false;
};

// A playthrough by ids, which survive edits (indices do not): where it started and what was chosen.
struct PlaythroughIds {
    std::uint64_t seed = 0;
    std::optional<PlaytestSetup> start;  // nullopt = the scenario's own start (not a playtest)
    std::vector<std::string> choices;    // choice ids, in order
};

// A playthrough carried over to a version of its scenario.
struct Replayed {
    Session session;
    std::size_t replayed = 0;               // choices made again
    std::size_t dropped = 0;                // choices from the first that no longer applies on
    std::optional<std::string> stopped_at;  // that choice's id (set when dropped > 0)
    std::optional<std::string> start_lost;  // the playtest start no longer resolves: why; the session
                                            // then begins at the scenario's start node
};

// Replays `ids` on `scenario` as far as the choices still apply: a choice applies when the current
// node still has a choice of that id and it is available. Never fails: in the worst case nothing is
// replayed. The session is a playtest whenever `ids.start` is set.
Replayed replay_as_far_as_possible(std::shared_ptr<const Scenario> scenario, const PlaythroughIds& ids);

// The ids of a session's playthrough, with `start` as the author named it.
PlaythroughIds playthrough_ids(const Session& session, std::optional<PlaytestSetup> start);

// One version of the file that loaded and analysed: what the window plays, analyses and draws.
struct ScenarioVersion {
    std::shared_ptr<const Scenario> scenario;
    std::shared_ptr<const Analysis> analysis;
    GraphFacts facts;
    Diagnostics warnings;  // the loader's and lint's warnings, then the analysis's (SD3xxx), located
};

// Turns a loaded scenario into the one the caller keeps (the window makes its texts drawable);
// empty = kept as loaded.
using PrepareScenario = std::function<std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>)>;

// Loads and analyses `path`: the version, or nullopt with `problems` (the load's or the analysis's
// errors, and the warnings found with them, each with file:line:col).
std::optional<ScenarioVersion> load_version(const std::string& path, const PrepareScenario& prepare,
                                            Diagnostics& problems);

// What a poll of a LiveScenario did.
enum class ReloadEvent {
    None,      // nothing changed on disk
    Reloaded,  // a new version loaded: current() is it (carry the playthrough over with replay_*)
    Broken,    // the file changed but does not load: problems() says why, current() is unchanged
    Missing,   // the file is gone (or cannot be examined): current() is unchanged
};

// A scenario file kept loaded while an author edits it. The last version that loaded stays current
// (and playable) through broken saves, deletion and unreadable files; shared pointers keep every
// version a session still uses alive.
class LiveScenario {
public:
    // Loads `path`; nullopt with `problems` when it does not load.
    static std::optional<LiveScenario> open(const std::string& path, PrepareScenario prepare, Diagnostics& problems);

    ReloadEvent poll();
    const std::string& path() const { return m_watch.path(); }
    const ScenarioVersion& current() const { return m_current; }
    const Diagnostics& problems() const { return m_problems; }  // of the last failed load; empty after a good one
    bool missing() const { return m_watch.missing(); }
    int versions_loaded() const { return m_versions; }  // 1 after open, +1 per reload

private:
    LiveScenario(FileWatch watch, PrepareScenario prepare, ScenarioVersion first)
        : m_watch(std::move(watch)), m_prepare(std::move(prepare)), m_current(std::move(first)) {}

    FileWatch m_watch;
    PrepareScenario m_prepare;
    ScenarioVersion m_current;
    Diagnostics m_problems;
    int m_versions = 1;
};

}  // namespace salesdojo::authoring
