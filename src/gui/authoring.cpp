#include "authoring.hpp"

#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace salesdojo::gui {

using authoring::ReloadEvent;

namespace {
ReloadNote note_of(ReloadNote::Kind kind) {
    ReloadNote note;
    note.kind = kind;
    return note;
}
}  // namespace

const char* reload_note_id(ReloadNote::Kind kind) {
    switch (kind) {
    case ReloadNote::Kind::None: return "none";
    case ReloadNote::Kind::Opened: return "opened";
    case ReloadNote::Kind::Reloaded: return "reloaded";
    case ReloadNote::Kind::Broken: return "broken";
    case ReloadNote::Kind::Missing: return "missing";
    case ReloadNote::Kind::OpenFailed: return "open-failed";
    }
    return "?";
}

std::vector<std::string> load_recent(const std::string& path) {
    std::vector<std::string> out;
    if (path.empty()) return out;
    std::ifstream in(path, std::ios::binary);
    if (!in) return out;
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (!doc.is_object() || !doc.contains("recent") || !doc["recent"].is_array()) return out;
    for (const auto& item : doc["recent"])
        if (item.is_string() && out.size() < Authoring::kMaxRecent) out.push_back(item.get<std::string>());
    return out;
}

Authoring::Authoring(std::string recent_path, authoring::PrepareScenario prepare)
    : m_recent_path(std::move(recent_path)), m_prepare(std::move(prepare)), m_recent(load_recent(m_recent_path)) {}

void Authoring::remember(const std::string& path) {
    m_recent.erase(std::remove(m_recent.begin(), m_recent.end(), path), m_recent.end());
    m_recent.insert(m_recent.begin(), path);
    if (m_recent.size() > kMaxRecent) m_recent.resize(kMaxRecent);
    save_recent();
}

void Authoring::save_recent() const {
    if (m_recent_path.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(m_recent_path).parent_path(), ec);
    std::string error;
    if (!write_file_atomically(m_recent_path, nlohmann::json{{"recent", m_recent}}.dump(2) + "\n", error))
        std::fprintf(stderr, "salesdojo: cannot save the recent files: %s\n", error.c_str());
}

bool Authoring::open(const std::string& path) {
    close();
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    m_path = ec ? path : absolute.lexically_normal().string();
    remember(m_path);
    m_live = authoring::LiveScenario::open(m_path, m_prepare, m_open_problems);
    if (!m_live) m_failed_watch.emplace(m_path);
    m_note = ReloadNote{};
    m_note.kind = m_live ? ReloadNote::Kind::Opened : ReloadNote::Kind::OpenFailed;
    m_last_poll = Clock::now();
    return m_live.has_value();
}

void Authoring::close() {
    m_path.clear();
    m_live.reset();
    m_failed_watch.reset();
    m_open_problems.clear();
    m_note = ReloadNote{};
    playtest.reset();
}

const Diagnostics& Authoring::problems() const { return m_live ? m_live->problems() : m_open_problems; }

ReloadEvent Authoring::poll(Clock::time_point now, bool force) {
    if (m_path.empty() || (!force && now - m_last_poll < kPollInterval)) return ReloadEvent::None;
    m_last_poll = now;
    if (m_live) {
        const ReloadEvent event = m_live->poll();
        switch (event) {
        case ReloadEvent::None: break;
        case ReloadEvent::Reloaded: m_note = note_of(ReloadNote::Kind::Reloaded); break;
        case ReloadEvent::Broken: m_note = note_of(ReloadNote::Kind::Broken); break;
        case ReloadEvent::Missing: m_note = note_of(ReloadNote::Kind::Missing); break;
        }
        return event;
    }
    // Opened while broken: try again once it changed.
    switch (m_failed_watch->poll()) {
    case authoring::WatchEvent::None: return ReloadEvent::None;
    case authoring::WatchEvent::Missing: m_note = note_of(ReloadNote::Kind::Missing); return ReloadEvent::Missing;
    case authoring::WatchEvent::Changed: break;
    }
    m_live = authoring::LiveScenario::open(m_path, m_prepare, m_open_problems);
    if (!m_live) {
        m_note = note_of(ReloadNote::Kind::OpenFailed);
        return ReloadEvent::Broken;
    }
    m_failed_watch.reset();
    m_note = note_of(ReloadNote::Kind::Reloaded);
    return ReloadEvent::Reloaded;
}

}  // namespace salesdojo::gui
