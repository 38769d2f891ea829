#pragma once
// The scenarios the home screen offers, loaded once at start-up (never on the frame path). A file
// that does not load keeps its diagnostics, so its card can open them instead of the scenario.
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/scenario.hpp>

#include <memory>
#include <string>
#include <vector>

namespace salesdojo::gui {

struct CatalogueEntry {
    std::string path;
    std::string file_name;                      // for cards of broken files and for messages
    std::shared_ptr<const Scenario> scenario;   // drawable texts (drawable_scenario.hpp); null when broken
    Diagnostics diagnostics;                    // errors and warnings from loading
    std::size_t errors = 0;
    bool ok() const { return scenario != nullptr; }
};

struct Catalogue {
    std::vector<CatalogueEntry> entries;  // playable first (easy to hard, then by id), broken last
    std::vector<std::string> skills;      // union over playable entries, sorted
    std::vector<std::string> languages;   // union over playable entries, sorted
    std::string folder;                   // where the entries were looked for
    std::string error;                    // the folder could not be read
};

// Every *.json directly in `folder`.
Catalogue load_catalogue_folder(const std::string& folder);
// One file (`salesdojo play FILE`).
Catalogue load_catalogue_file(const std::string& path);

// Finds an entry by scenario id or file name (without folder); -1 when absent.
int find_entry(const Catalogue& catalogue, const std::string& id_or_file);

}  // namespace salesdojo::gui
