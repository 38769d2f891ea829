#pragma once
// What a view asks for. Views draw from const data and return one Intent per frame; the App applies
// it (pull, not push). std::monostate = nothing asked.
#include "settings.hpp"  // TextSpeed

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

namespace salesdojo::gui {

enum class Mode { Practice, Assessment };
enum class DebriefFormat { Markdown, Html };
enum class ExportFormat { Json, Csv, Html };  // the history screen's exports (docs/export.md)

const char* mode_id(Mode mode);           // "practice" | "assessment"
Mode mode_from_id(const std::string& id);  // anything else = Practice

namespace intent {
struct OpenScenario { std::size_t entry = 0; };     // start playing a catalogue entry
struct ShowDiagnostics { std::size_t entry = 0; };  // the problems of a catalogue entry
struct GoHome {};
struct Choose { int choice = 0; };                   // index into the current node's choices
struct Undo {};                                      // practice only
struct Continue {};                                  // after the practice feedback
struct ShowDebrief {};                               // from the ending
struct Replay {};                                    // the same scenario from the start
struct SaveDebrief { DebriefFormat format = DebriefFormat::Markdown; };
struct SetMode { Mode mode = Mode::Practice; };
struct OpenSettings {};
struct CloseSettings {};
struct SetLanguage { std::string language; };
struct SetFontScale { float scale = 1.0f; };
struct SetHighContrast { bool on = false; };
struct SetFullscreen { bool on = false; };
struct SetReadAloud { bool on = false; };
struct SetTextSpeed { TextSpeed speed = TextSpeed::Normal; };
struct ShowHint {};                                  // practice: the principle at stake here (H)
// Results (results.hpp): trainees, saved runs, the history screen, the store's notice.
struct SelectTrainee { std::int64_t trainee_id = 0; };
struct CreateTrainee { std::string name; };
struct ShowHistory {};
struct ExportHistory { ExportFormat format = ExportFormat::Json; };  // the trainee's attempts, to files
struct ShowOlderAttempts {};                      // the next page of the history list
struct ResumeRun { std::string scenario_id; };    // continue the trainee's saved run
struct DiscardRun { std::string scenario_id; };   // forget it
struct LeaveRun { bool leave = false; };          // the answer to "Leave this conversation?"
struct DismissNotice {};
// Authoring (authoring.hpp): open a file or folder, playtest from a node, back to the open file.
struct ShowAuthoring {};
struct OpenPath { std::string path; };            // a scenario file (watched) or a folder (the catalogue)
struct PlaytestFrom { std::string node_id; };     // of the open file; "" = its start node
struct ContinuePlaytest {};                       // back to the playtest left for the authoring screen
struct ShowClassroom {};                          // the classroom mode's set-up (docs/classroom.md)
}  // namespace intent

using Intent = std::variant<std::monostate, intent::OpenScenario, intent::ShowDiagnostics, intent::GoHome,
                            intent::Choose, intent::Undo, intent::Continue, intent::ShowDebrief,
                            intent::Replay, intent::SaveDebrief, intent::SetMode, intent::OpenSettings,
                            intent::CloseSettings, intent::SetLanguage, intent::SetFontScale,
                            intent::SetHighContrast, intent::SetFullscreen, intent::SetReadAloud, intent::SetTextSpeed, intent::ShowHint,
                            intent::SelectTrainee, intent::CreateTrainee, intent::ShowHistory, intent::ExportHistory, intent::ShowOlderAttempts, intent::ResumeRun,
                            intent::DiscardRun, intent::LeaveRun, intent::DismissNotice,
                            intent::ShowAuthoring, intent::OpenPath, intent::PlaytestFrom,
                            intent::ContinuePlaytest, intent::ShowClassroom>;

inline bool is_none(const Intent& i) { return std::holds_alternative<std::monostate>(i); }

// Keeps the first intent of a frame: `merge(result, button_intent)`.
inline void merge(Intent& into, Intent&& other) {
    if (is_none(into) && !is_none(other)) into = std::move(other);
}

}  // namespace salesdojo::gui
