#include "views/catalogue.hpp"

#include "text_fallback.hpp"
#include "views/drawable_scenario.hpp"

#include <salesdojo/main_skills.hpp>
#include <salesdojo/loader.hpp>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

namespace salesdojo::gui {

namespace fs = std::filesystem;

// One thread that loads the listed files in order; the frame thread takes what is done.
class CatalogueLoader {
public:
    explicit CatalogueLoader(std::vector<std::string> files) : m_files(std::move(files)) {
        m_thread = std::thread([this] { run(); });
    }
    ~CatalogueLoader() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    CatalogueLoader(const CatalogueLoader&) = delete;
    CatalogueLoader& operator=(const CatalogueLoader&) = delete;

    // Entries finished since the last call; `done` when every file has been handed over.
    std::vector<CatalogueEntry> take(bool& done) {
        std::lock_guard<std::mutex> lock(m_mutex);
        std::vector<CatalogueEntry> out = std::move(m_ready);
        m_ready.clear();
        done = m_finished;  // set after the last entry was queued, so nothing is left behind
        return out;
    }
    void wait() {
        if (m_thread.joinable()) m_thread.join();
    }

private:
    void run();

    std::vector<std::string> m_files;
    std::mutex m_mutex;
    std::vector<CatalogueEntry> m_ready;
    bool m_finished = false;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

namespace {

enum class Keep { CardOnly, Scenario };

CatalogueEntry load_entry(const std::string& path, Keep keep = Keep::CardOnly) {
    CatalogueEntry entry;
    entry.path = path;
    entry.file_name = fs::path(path).filename().string();
    LoadResult loaded = load_scenario_file(path);
    entry.diagnostics = std::move(loaded.diagnostics);
    entry.errors = count(entry.diagnostics, Severity::Error);
    if (loaded.scenario) {
        entry.card = make_card(*loaded.scenario);
        if (keep == Keep::Scenario) entry.scenario = make_drawable(*loaded.scenario);
    }
    return entry;  // otherwise the scenario is freed here: App loads it again when it is opened
}

int difficulty_rank(const std::string& difficulty) {
    if (difficulty == "easy") return 0;
    if (difficulty == "medium") return 1;
    return 2;
}

void finish(Catalogue& catalogue) {
    std::stable_sort(catalogue.entries.begin(), catalogue.entries.end(),
                     [](const CatalogueEntry& a, const CatalogueEntry& b) {
                         if (a.ok() != b.ok()) return a.ok();
                         if (!a.ok()) return a.file_name < b.file_name;
                         const int da = difficulty_rank(a.card->difficulty);
                         const int db = difficulty_rank(b.card->difficulty);
                         if (da != db) return da < db;
                         return a.card->id < b.card->id;
                     });
    std::set<std::string> skills, languages;
    for (const auto& entry : catalogue.entries) {
        if (!entry.ok()) continue;
        skills.insert(entry.card->main_skills.begin(), entry.card->main_skills.end());
        languages.insert(entry.card->languages.begin(), entry.card->languages.end());
    }
    catalogue.skills.assign(skills.begin(), skills.end());
    catalogue.languages.assign(languages.begin(), languages.end());
    ++catalogue.generation;
}

LocalizedText drawable(LocalizedText text) {
    for (auto& [language, value] : text.by_language) value = to_drawable_text(value);
    return text;
}

}  // namespace

void CatalogueLoader::run() {
#if defined(__linux__)
    // Below the window's thread: on a busy machine the first frames come first, the cards after.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
#endif
    for (const auto& file : m_files) {
        if (m_stop) break;
        CatalogueEntry entry = load_entry(file);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_ready.push_back(std::move(entry));
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_finished = true;
}

CardInfo make_card(const Scenario& s) {
    CardInfo card;
    card.id = s.id;
    card.title = drawable(s.title);
    card.summary = drawable(s.summary);
    card.skills = s.skills;
    card.main_skills = main_skills(s);
    card.languages = s.languages;
    card.difficulty = s.difficulty;
    card.estimated_minutes = s.estimated_minutes;
    return card;
}

std::string card_language(const CardInfo& card, const std::string& interface_language) {
    const auto& langs = card.languages;
    if (std::find(langs.begin(), langs.end(), interface_language) != langs.end()) return interface_language;
    return langs.empty() ? interface_language : langs.front();
}

Catalogue load_catalogue_folder(const std::string& folder, Loading loading) {
    Catalogue catalogue;
    catalogue.folder = folder;
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == ".json" && it->is_regular_file(ec)) files.push_back(p.string());
    }
    if (ec) catalogue.error = folder + ": " + ec.message();
    std::sort(files.begin(), files.end());
    if (files.size() > kMaxCatalogueFiles) {
        catalogue.skipped = files.size() - kMaxCatalogueFiles;
        files.resize(kMaxCatalogueFiles);
    }
    catalogue.files = files.size();
    if (loading == Loading::Background && !files.empty()) {
        catalogue.entries.reserve(files.size());
        catalogue.loading = std::make_shared<CatalogueLoader>(std::move(files));
        return catalogue;
    }
    for (const auto& file : files) catalogue.entries.push_back(load_entry(file));
    finish(catalogue);
    return catalogue;
}

Catalogue load_catalogue_file(const std::string& path) {
    Catalogue catalogue;
    catalogue.folder = std::filesystem::path(path).parent_path().string();
    catalogue.entries.push_back(load_entry(path, Keep::Scenario));
    catalogue.files = 1;
    finish(catalogue);
    return catalogue;
}

bool poll_catalogue(Catalogue& catalogue) {
    if (!catalogue.loading) return false;
    bool done = false;
    std::vector<CatalogueEntry> arrived = catalogue.loading->take(done);
    for (auto& entry : arrived) catalogue.entries.push_back(std::move(entry));
    if (done) {
        catalogue.loading.reset();
        finish(catalogue);  // sorted once, when no index into it is held yet by a view
        return true;
    }
    if (arrived.empty()) return false;
    ++catalogue.generation;
    return true;
}

void finish_loading(Catalogue& catalogue) {
    if (!catalogue.loading) return;
    catalogue.loading->wait();
    poll_catalogue(catalogue);
}

int find_entry(const Catalogue& catalogue, const std::string& id_or_file) {
    for (std::size_t i = 0; i < catalogue.entries.size(); ++i) {
        const auto& e = catalogue.entries[i];
        if (e.file_name == id_or_file || (e.ok() && e.card->id == id_or_file) ||
            fs::path(e.file_name).stem().string() == id_or_file)
            return static_cast<int>(i);
    }
    return -1;
}

}  // namespace salesdojo::gui
