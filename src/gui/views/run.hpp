#pragma once
// One playthrough as the app holds it: the session, the analysis made once when the scenario was
// opened, the mode, and what the play and debrief screens need besides (portrait images, the
// debrief once finished). Views read it as const; only the App changes it.
#include "views/intent.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/session.hpp>

#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

// A portrait image from the scenario's folder, uploaded once when the scenario is opened.
struct PortraitImage {
    ImTextureID texture = nullptr;
    float width = 0.0f, height = 0.0f;
};
// Decodes an image file's bytes (already read and checked by read_portrait_file) into a texture;
// `path` is for the cache and messages. The window host supplies one; tests may pass none.
using ImageLoader = std::function<std::optional<PortraitImage>(const std::string& path, const std::string& encoded)>;

struct Run {
    Run(std::size_t entry, std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Analysis> analysis,
        Mode mode, std::string language);

    std::size_t entry = 0;                       // catalogue index
    std::shared_ptr<const Scenario> scenario;
    std::shared_ptr<const Analysis> analysis;
    Session session;
    Mode mode = Mode::Practice;
    std::string language;                        // content language (the interface's, if the scenario has it)
    int typical_decisions = 0;                   // decisions on the best line
    int serial = 0;                              // +1 at every (re)start: the play view animates a new run
    bool awaiting_continue = false;              // practice: the last decision's feedback is shown
    std::optional<Verdict> last_verdict;         // practice: the verdict on the last decision
    // Practice: decisions (0-based) at which the trainee asked for a hint (H); the debrief lists them.
    // Window state only: the Playthrough, and so a stored attempt, stays the same without hints.
    std::set<std::size_t> hints;
    std::map<std::string, PortraitImage> portraits;  // "cast/expression" -> image
    std::optional<Debrief> debrief;              // made when the debrief screen opens
    bool recorded = false;                       // stored as an attempt (results.hpp)
    std::int64_t started_ms = 0;                 // Unix ms when this run began (kept across a resume)
    std::vector<std::optional<double>> seconds;  // per decision: time taken to decide
    std::chrono::steady_clock::time_point asked; // when the decision at hand was put to the trainee
    std::string saved_path;                      // last saved debrief file
    std::string save_error;

    const PortraitImage* portrait(int cast, const std::string& expression) const;
    static std::string portrait_key(int cast, const std::string& expression);
};

// The scenario's text language for an interface language: the same when the scenario has it,
// else the scenario's first language.
std::string content_language(const Scenario& scenario, const std::string& interface_language);

// Decisions on the best line of the analysis (the "typical" length of a run); 0 without analysis.
int best_line_decisions(const Analysis& analysis, const Session& fresh_session);

// Loads the cast's portraits through `loader`, only for paths inside the scenario's folder, only
// regular files whose header says they are within the limits (image_header.hpp: never a FIFO, never
// a 30000 x 30000 image); the bytes are read once here and decoded once by `loader`.
void load_portraits(Run& run, const ImageLoader& loader);

}  // namespace salesdojo::gui
