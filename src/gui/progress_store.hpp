#pragma once
// The trainee's last overall score per scenario, for the home screen's cards. A small JSON file in
// the user's data folder, written atomically. (Full attempt history is a separate, later store.)
#include <map>
#include <optional>
#include <string>

namespace salesdojo::gui {

// data_folder()/progress.json ("" when there is no data folder).
std::string default_progress_path();

// File: {"format":1,"last_scores":{"<scenario id>":<overall 0..100>}}. A missing or broken file, or
// another format number, loads as empty. record() creates the folder and writes the whole file through
// write_file_atomically; the new score is kept in memory even when saving fails (the home screen
// still shows it this run) and the function returns false with `error` set.
class ProgressStore {
public:
    explicit ProgressStore(std::string path);  // loads; a missing or broken file is empty
    std::optional<double> last_score(const std::string& scenario_id) const;
    bool record(const std::string& scenario_id, double overall_score, std::string* error = nullptr);  // saves

private:
    std::string m_path;
    std::map<std::string, double> m_scores;
};

}  // namespace salesdojo::gui
