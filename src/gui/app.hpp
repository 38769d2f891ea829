#pragma once
// The application: owns the scenario catalogue, the settings, the results (results.hpp: trainees,
// attempts, saved runs) and the current run; each frame it draws the screen's view and applies the intent the view returns (pull, not
// push). Knows nothing of the window: the host (gui_main.cpp) feeds ImGui, rebuilds fonts when
// settings().font_scale changes and recreates the window when settings().fullscreen changes.
// No file I/O on the frame path: files are read at start-up (a folder's scenarios by a background
// thread, views/catalogue.hpp) and when a scenario is opened, written when a button is pressed or a
// setting changes.
#include "authoring.hpp"
#include "classroom.hpp"
#include "fonts.hpp"
#include "read_aloud.hpp"
#include "results.hpp"
#include "settings.hpp"
#include "views/author_view.hpp"
#include "views/catalogue.hpp"
#include "views/class_intent.hpp"
#include "views/class_setup_view.hpp"
#include "views/debrief_view.hpp"
#include "views/diagnostics_view.hpp"
#include "views/history_view.hpp"
#include "views/home_view.hpp"
#include "views/intent.hpp"
#include "views/play_view.hpp"
#include "views/run.hpp"
#include "views/settings_view.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace salesdojo::gui {

class Speech;

enum class Screen { Home, Play, Debrief, Diagnostics, History, Authoring, Classroom };
// "home", "play", "debrief", "diagnostics", "history", "authoring", "classroom"
const char* screen_id(Screen screen);

struct AppServices {
    std::string settings_path;  // settings are saved here on every change; "" = not saved (tests)
    std::string database_path;  // the results database; "" = none (tests that need no store)
    std::string progress_path;  // the old progress.json, imported into the database once
    std::string trainee;        // --trainee NAME; "" = the trainee picked last
    std::string save_folder;    // debrief exports; "" = data_folder()/debriefs
    std::string export_folder;  // the history screen's exports; "" = data_folder()/exports
    std::string recent_path;    // the authoring screen's recent files; "" = not kept (tests)
    Speech* speech = nullptr;   // read-aloud; nullptr = none (tests)
    ImageLoader load_image;     // PNG portraits; empty = drawn portraits only (tests)
    // Classroom mode: the voting server's interface ("" = this machine's first network address,
    // else 127.0.0.1) and port (0 = any free port).
    std::string class_address;
    int class_port = 0;
};

class App {
public:
    App(Catalogue catalogue, Settings settings, AppServices services);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // One frame of the interface, between ImGui::NewFrame() and ImGui::Render().
    void frame(const Fonts& fonts);
    void apply(const Intent& intent);

    // Scripted steps for screenshots and diagnosis (SALESDOJO_GUI_SCRIPT): "open=ID", "diagnostics=ID",
    // "settings", "close-settings", "lang=nl", "mode=assessment", "choose=N" (1-based), "continue",
    // "finish=N" (pick option N, or the last available, until the end; then the debrief),
    // "panel=review|best|decisions" (or "costliest"), "scores=all|best", "hint", "backlog" / "backlog=off",
    // "search=WORDS", "speed=slow|normal|fast|instant", "home", "leave" / "stay" (answer "Leave this conversation?"),
    // "trainee=NAME" (pick or create), "history", "resume=ID", "author" (the authoring screen),
    // "author-open=PATH", "playtest=NODE" ("" = the start), "author-panel=analysis|graph|problems",
    // "class=ID" / "class-hands=ID" (a class with phones / hands only, in the interface language),
    // "class-step" (Page Down), "class-hands-count=N:COUNT", "class-prompt", "class-panel",
    // "class-blank", "class-end" (ends it and shows the report).
    // Returns false for an unknown or inapplicable step.
    bool command(const std::string& step);

    Screen screen() const { return m_screen; }
    bool settings_open() const { return m_settings_open; }
    const Settings& settings() const { return m_settings; }
    const Catalogue& catalogue() const { return m_catalogue; }
    const Run* run() const { return m_run.get(); }
    const ReadAloud& read_aloud_state() const { return m_read_aloud; }
    const Diagnostics& shown_diagnostics() const { return m_diagnostics; }
    const Results& results() const { return m_results; }
    bool leave_asked() const { return m_leave_asked; }  // "Leave this conversation?" is open
    // Ctrl+Q: true once the window should close (after "Leave this conversation?" mid-run).
    bool quit_requested() const { return m_quit; }
    bool legend_open() const { return m_legend_open; }  // the key legend (F1)
    // The label of the control with the visible keyboard focus ("" = none), for traces and tests.
    const std::string& focused_label() const { return m_focused_label; }
    const HistoryData& history_data() const { return m_history_data; }
    HomeView& home_view() { return m_home; }
    DebriefView& debrief_view() { return m_debrief; }
    PlayView& play_view() { return m_play; }
    const Authoring& authoring() const { return m_authoring; }
    AuthorView& author_view() { return m_author_view; }

    // Polls the open scenario file (app_authoring.cpp): at most every Authoring::kPollInterval unless
    // `force`; reloads it when it changed and carries a playtest over. True when something changed
    // (draw a frame). Called every frame, and by the window's idle loop so a save shows without input.
    bool poll_files(bool force = false);
    // True while the authoring screen watches a file (the frame loop then wakes to poll it).
    bool watching_file() const { return m_authoring.live() != nullptr; }

    // True while the window must keep drawing: lines being typed, scenarios still loading, or the
    // graph being laid out.
    bool animating() const {
        return (m_screen == Screen::Play && m_play.animating()) || !m_catalogue.loaded() ||
               (m_screen == Screen::Authoring && m_author_view.graph().laying_out());
    }
    int take_frames_wanted();  // frames to draw after a change, then 0

    // Classroom mode (app_classroom.cpp, docs/classroom.md): the set-up, the class run with its
    // projector view and the trainer's private panel, then the class report.
    const ClassScreen& class_screen() const { return m_class; }
    Classroom* classroom() { return m_class.live.get(); }
    ClassSetupView& class_setup_view() { return m_class_setup; }
    void apply_class(const ClassIntent& intent);
    // True while a class with phones runs: the window then wakes every FrameLoopOptions::timed_wait
    // (250 ms) even without input, so that votes show.
    bool class_live() const { return m_class.live && m_class.live->phones(); }
    // True when the class run changed since the last frame (a phone voted): draw a frame.
    bool poll_class();
    // The trainer's own window (a second OS window on the trainer's screen). While it is active
    // (set_trainer_window_active(true)), the trainer's material is never drawn over the projector:
    // that window calls draw_trainer_window() each of its frames instead, which draws
    // draw_class_trainer_view() into the current ImGui window and applies what it asks. T then
    // does nothing on the projector.
    void set_trainer_window_active(bool on) { m_trainer_window_active = on; }
    bool trainer_window_active() const { return m_trainer_window_active; }
    void draw_trainer_window(const Fonts& fonts);
    // The window's place when it closes, saved with the settings for the next start.
    void remember_window(const WindowPlace& place);
    std::uint64_t frames_on_screen() const { return m_frames_on_screen; }

private:
    void open(std::size_t entry);
    void show_diagnostics(std::size_t entry, Diagnostics diagnostics);
    void finish_run();
    void record_if_finished();
    // Results (app_results.cpp).
    void decided();         // after a decision: its time, then the saved run or the attempt
    void save_unfinished();  // the run as it stands, for resume (after every decision and undo)
    void resume(const std::string& scenario_id);
    void go_home(bool asked);
    void show_history();
    void refresh_history();  // m_history_data from the results, when the history screen is shown
    void export_history(ExportFormat format);  // app_export.cpp
    // Authoring (app_authoring.cpp).
    void show_authoring();
    void open_path(const std::string& path);
    void playtest_from(const std::string& node_id);
    void continue_playtest();
    void carry_playtest_over();
    enum class PlaytestStart { New, Reload };
    bool start_playtest(const authoring::ScenarioVersion& version, Session session, PlaytestStart how);
    std::optional<int> playtest_node() const;  // the running playtest's node in the open file
    void save_debrief(DebriefFormat format);
    void save_settings_now();
    void set_screen(Screen screen);
    // Classroom (app_classroom.cpp).
    Intent draw_classroom(const ViewContext& ctx);
    ClassIntent draw_trainer_material(const ViewContext& ctx);
    void start_class(const class_intent::Start& start);
    void end_class();
    void export_class(ClassExport format);
    bool class_command(const std::string& name, const std::string& value);
    void hotkeys();
    void request_quit();
    void read_aloud();

    Catalogue m_catalogue;
    Settings m_settings;
    AppServices m_services;
    Results m_results;
    bool m_leave_asked = false;
    bool m_quit_after_leave = false;  // the leave question was asked by Ctrl+Q
    bool m_quit = false;
    bool m_legend_open = false;
    std::string m_focused_label;
    HistoryData m_history_data;
    // The scenario opened last, loaded from its file when opened (the catalogue keeps only cards).
    struct Opened {
        std::string path;
        std::shared_ptr<const Scenario> scenario;
        std::shared_ptr<const Analysis> analysis;
    };
    std::optional<Opened> m_opened;

    Screen m_screen = Screen::Home;
    bool m_settings_open = false;
    std::unique_ptr<Run> m_run;
    int m_serial = 0;
    std::string m_diagnostics_file;
    Diagnostics m_diagnostics;

    HomeView m_home;
    PlayView m_play;
    DebriefView m_debrief;
    DiagnosticsView m_diagnostics_view;
    HistoryView m_history;
    SettingsView m_settings_view;
    Authoring m_authoring;
    AuthorView m_author_view;
    ClassSetupView m_class_setup;
    ClassScreen m_class;
    bool m_trainer_window_active = false;

    float m_style_scale = 0.0f;
    int m_style_contrast = -1;
    int m_frames_wanted = 0;
    std::uint64_t m_frames_on_screen = 0;
    ReadAloud m_read_aloud;
};

}  // namespace salesdojo::gui
