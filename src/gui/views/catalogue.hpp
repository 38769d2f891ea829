#pragma once
// The scenarios the home screen offers. Each entry holds what its card needs (CardInfo) and the
// diagnostics from loading, never the whole scenario: App loads that again when the trainee opens
// it. A file that does not load keeps its diagnostics, so its card can open them instead.
//
// A folder is listed at once; its files are loaded either before load_catalogue_folder() returns
// (Loading::Now, tests and scripts) or by one background thread (Loading::Background, the window),
// whose entries poll_catalogue() moves in on the frame thread, so the home screen shows within
// milliseconds even for thousands of files. At most kMaxCatalogueFiles files are offered (the
// first by file name); `skipped` counts the rest, and the home screen says so.
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/limits.hpp>
#include <salesdojo/scenario.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

using salesdojo::kMaxCatalogueFiles;  // include/salesdojo/limits.hpp

// A scenario's card: texts already drawable (drawable_scenario.hpp).
struct CardInfo {
    std::string id;
    LocalizedText title;
    LocalizedText summary;
    std::vector<std::string> skills;       // as declared
    std::vector<std::string> main_skills;  // what the card shows and the filter uses (main_skills.hpp)
    std::vector<std::string> languages;  // first = the scenario's default language
    std::string difficulty;
    int estimated_minutes = 0;
};

struct CatalogueEntry {
    std::string path;
    std::string file_name;         // for cards of broken files and for messages
    std::optional<CardInfo> card;  // absent when the file does not load
    // The drawable scenario, kept only in a catalogue of one file (`salesdojo play FILE`) so that
    // opening it does not load it again; null in a folder's catalogue, which holds cards only.
    std::shared_ptr<const Scenario> scenario;
    Diagnostics diagnostics;  // errors and warnings from loading
    std::size_t errors = 0;
    bool ok() const { return card.has_value(); }
};

class CatalogueLoader;

struct Catalogue {
    std::vector<CatalogueEntry> entries;       // playable first (easy to hard, then by id), broken last,
                                               // once loading has finished; in file order before
    std::vector<std::string> skills;           // union of the main skills of playable entries, sorted
    std::vector<std::string> languages;        // union over playable entries, sorted
    std::string folder;                        // where the entries were looked for
    std::string error;                         // the folder could not be read
    std::size_t files = 0;                     // scenario files offered (entries once loading is done)
    std::size_t skipped = 0;                   // files beyond kMaxCatalogueFiles, not offered
    std::size_t generation = 0;                // changes whenever entries change (views cache by it)
    std::shared_ptr<CatalogueLoader> loading;  // set while a background load runs

    bool loaded() const { return !loading; }
};

enum class Loading { Now, Background };

// Every *.json directly in `folder` (regular files only).
Catalogue load_catalogue_folder(const std::string& folder, Loading loading = Loading::Now);
// One file (`salesdojo play FILE`).
Catalogue load_catalogue_file(const std::string& path);
// Moves the entries a background load has finished into `catalogue`; true when any arrived.
// Call on the thread that draws. Does nothing for a catalogue that is loaded.
bool poll_catalogue(Catalogue& catalogue);
// Waits for a background load to finish (scripted runs that name a scenario at start).
void finish_loading(Catalogue& catalogue);

// The card of one loaded scenario.
CardInfo make_card(const Scenario& scenario);
// The text language for a card: the interface language if the scenario has it, else its first.
std::string card_language(const CardInfo& card, const std::string& interface_language);

// Finds an entry by scenario id or file name (with or without ".json"); -1 when absent.
int find_entry(const Catalogue& catalogue, const std::string& id_or_file);

}  // namespace salesdojo::gui
