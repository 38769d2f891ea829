#pragma once
// The trainee's last overall score per scenario, for the home screen's cards. A small JSON file in
// the user's data folder, written atomically. (Full attempt history is a separate, later store.)
#include <map>
#include <optional>
#include <string>

namespace salesdojo::gui {

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
