#include "views/catalogue.hpp"

#include "views/drawable_scenario.hpp"

#include <salesdojo/loader.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

namespace salesdojo::gui {
namespace {

namespace fs = std::filesystem;

CatalogueEntry load_entry(const std::string& path) {
    CatalogueEntry entry;
    entry.path = path;
    entry.file_name = fs::path(path).filename().string();
    LoadResult loaded = load_scenario_file(path);
    entry.diagnostics = std::move(loaded.diagnostics);
    entry.errors = count(entry.diagnostics, Severity::Error);
    if (loaded.scenario) entry.scenario = make_drawable(*loaded.scenario);
    return entry;
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
                         const int da = difficulty_rank(a.scenario->difficulty);
                         const int db = difficulty_rank(b.scenario->difficulty);
                         if (da != db) return da < db;
                         return a.scenario->id < b.scenario->id;
                     });
    std::set<std::string> skills, languages;
    for (const auto& entry : catalogue.entries) {
        if (!entry.ok()) continue;
        skills.insert(entry.scenario->skills.begin(), entry.scenario->skills.end());
        languages.insert(entry.scenario->languages.begin(), entry.scenario->languages.end());
    }
    catalogue.skills.assign(skills.begin(), skills.end());
    catalogue.languages.assign(languages.begin(), languages.end());
}

}  // namespace

Catalogue load_catalogue_folder(const std::string& folder) {
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
    for (const auto& file : files) catalogue.entries.push_back(load_entry(file));
    finish(catalogue);
    return catalogue;
}

Catalogue load_catalogue_file(const std::string& path) {
    Catalogue catalogue;
    catalogue.folder = std::filesystem::path(path).parent_path().string();
    catalogue.entries.push_back(load_entry(path));
    finish(catalogue);
    return catalogue;
}

int find_entry(const Catalogue& catalogue, const std::string& id_or_file) {
    for (std::size_t i = 0; i < catalogue.entries.size(); ++i) {
        const auto& e = catalogue.entries[i];
        if (e.file_name == id_or_file || (e.ok() && e.scenario->id == id_or_file) ||
            fs::path(e.file_name).stem().string() == id_or_file)
            return static_cast<int>(i);
    }
    return -1;
}

}  // namespace salesdojo::gui
