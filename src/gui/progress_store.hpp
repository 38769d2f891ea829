#pragma once
// The trainee's last overall score per scenario, for the home screen's cards. A small JSON file in
// the user's data folder, written atomically. (Full attempt history is a separate, later store.)
#include <map>
#include <optional>
#include <string>

namespace salesdojo::gui {

// data_folder()/progress.json ("" when there is no data folder).
std::string default_progress_path();

// File: {"format":1,"last_scores":{"<scenario id>":<overall 0..100>}}. A missing file is empty.
// A file that cannot be parsed, or holds anything but that shape, is never overwritten: it is
// renamed to "progress.json.damaged-<UTC time>" (the valid scores in it are still read), and
// notice() says so, so the window can tell the trainee where it is. When it cannot be set aside,
// or it has a newer format number than this version writes, the store is read-only: scores are kept
// in memory for this run only. record() creates the folder and writes the whole file through
// write_file_atomically, then syncs the folder; the new score is kept in memory even when saving
// fails (the home screen still shows it this run) and the function returns false with `error` set.
enum class ProgressProblem {
    None,
    SetAside,     // damaged; renamed to `kept_path`, a fresh file will be written
    NewerFormat,  // written by a newer SalesDojo; left alone, scores not saved this run
    Unreadable,   // damaged or unreadable and could not be renamed; left alone, scores not saved
};

struct ProgressNotice {
    ProgressProblem problem = ProgressProblem::None;
    std::string kept_path;  // SetAside: where the damaged file is now; otherwise the file itself
    std::string detail;     // what was wrong (English, for the log)
};

class ProgressStore {
public:
    explicit ProgressStore(std::string path);  // loads; see above for damaged files
    std::optional<double> last_score(const std::string& scenario_id) const;
    bool record(const std::string& scenario_id, double overall_score, std::string* error = nullptr);  // saves
    const ProgressNotice& notice() const { return m_notice; }

private:
    void load();
    void set_aside(const std::string& detail);

    std::string m_path;
    std::map<std::string, double> m_scores;
    ProgressNotice m_notice;
    bool m_read_only = false;
};

}  // namespace salesdojo::gui
