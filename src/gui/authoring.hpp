#pragma once
// The window's authoring side (docs/authoring-window.md): the scenario file an author opened (any
// path, not only the catalogue's folder), kept loaded and watched (authoring/live_reload.hpp), the
// recent files, and what the last (re)load did, as data for the status line. A file that does not
// load when opened is watched too, so fixing it opens it. Polling costs one stat() at most every
// kPollInterval; a file is read only when its stamp changed and settled.
#include <salesdojo/authoring/live_reload.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

// What happened last to the open file (the view puts it in words).
struct ReloadNote {
    enum class Kind { None, Opened, Reloaded, Broken, Missing, OpenFailed };
    Kind kind = Kind::None;
    std::size_t replayed = 0;   // Reloaded with a playtest: choices made again
    std::size_t dropped = 0;    // ... and dropped from the first that no longer applies
    std::string stopped_at;     // that choice's id
    std::string start_lost;     // the playtest's start node no longer resolves: why
    bool carried = false;       // a playtest was carried over (replayed/dropped mean something)
};

// "none", "opened", "reloaded", "broken", "missing", "open-failed" (the window's stdout markers).
const char* reload_note_id(ReloadNote::Kind kind);

class Authoring {
public:
    static constexpr std::chrono::milliseconds kPollInterval{250};
    static constexpr std::size_t kMaxRecent = 8;
    using Clock = std::chrono::steady_clock;

    // `recent_path`: where the recent list is kept ("" = not kept, tests); `prepare` makes a loaded
    // scenario drawable.
    Authoring(std::string recent_path, authoring::PrepareScenario prepare);

    // Opens a scenario file: true when it loaded. Either way it becomes the open path, is watched,
    // and goes to the top of the recent list.
    bool open(const std::string& path);
    void close();
    // Adds a path (a file or a folder) to the top of the recent list and saves the list.
    void remember(const std::string& path);

    // Polls the open file when kPollInterval has passed since the last poll (always with `force`):
    // the event, or None. After Reloaded, live()->current() is the new version.
    authoring::ReloadEvent poll(Clock::time_point now, bool force = false);
    bool due(Clock::time_point now) const { return !m_path.empty() && now - m_last_poll >= kPollInterval; }

    const std::string& path() const { return m_path; }               // "" = nothing open
    const authoring::LiveScenario* live() const { return m_live ? &*m_live : nullptr; }
    // The problems of the failed open or of the last broken reload; empty when the last load was good.
    const Diagnostics& problems() const;
    const std::vector<std::string>& recent() const { return m_recent; }
    int versions() const { return m_live ? m_live->versions_loaded() : 0; }  // loaded since opened
    ReloadNote& note() { return m_note; }
    const ReloadNote& note() const { return m_note; }

    // The playtest running from the open file, as the author started it (its node id), so that it
    // can be started again on every new version; nullopt when none runs.
    std::optional<PlaytestSetup> playtest;

private:
    void save_recent() const;

    std::string m_recent_path;
    authoring::PrepareScenario m_prepare;
    std::string m_path;
    std::optional<authoring::LiveScenario> m_live;
    std::optional<authoring::FileWatch> m_failed_watch;  // the open path while it does not load
    Diagnostics m_open_problems;
    std::vector<std::string> m_recent;
    ReloadNote m_note;
    Clock::time_point m_last_poll{};
};

// The recent list in `path` ({"recent": [...]}), newest first; missing or broken = empty.
std::vector<std::string> load_recent(const std::string& path);

}  // namespace salesdojo::gui
