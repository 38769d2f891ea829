#pragma once
// The window's class run (docs/classroom.md, "In the window"): a LiveClass (the class run shared
// with the voting server's threads), the phone voting server while the class runs, and what the
// trainer's keys are in the middle of (a hand count being typed, an override armed, the prompt on
// the projector, a blank screen). Knows nothing of ImGui: app_classroom.cpp maps the screen's
// intents (views/class_intent.hpp) onto it, and the tests drive it the same way.
//
// The steps, one key each (Page Down, Space or Right):
//   showing -> open the vote -> reveal the tally -> confirm the majority -> reveal the feedback
//   -> the next decision (or the ending).
// A tie (or no votes) has no majority: Page Down then does nothing and the trainer panel says to
// press O and the option's number. Hands: while the vote is open, an option's number picks it, the
// digits typed next are its count, Enter stores it (Page Down stores a count still being typed).
#include <salesdojo/class_log.hpp>
#include <salesdojo/classroom/class_run.hpp>
#include <salesdojo/classroom/qr_code.hpp>
#include <salesdojo/classroom/vote_server.hpp>
#include <salesdojo/report/classroom_report.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace salesdojo::gui {

class Classroom {
public:
    Classroom(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Analysis> analysis,
              classroom::ClassRunOptions options);
    ~Classroom();  // stops the voting server
    Classroom(const Classroom&) = delete;
    Classroom& operator=(const Classroom&) = delete;

    // Starts the voting server on `address` ("" = this machine's first network address, else
    // 127.0.0.1) and `port` (0 = any free one). False with `error` when it cannot listen.
    bool start_phones(const std::string& address, int port, std::string& error);
    bool phones() const { return m_server && m_server->running(); }
    std::string join_url() const;   // "" without phones
    std::string join_code() const;  // "" without phones
    std::size_t devices_joined() const;

    // The trainer's steps (see above). Each leaves a ui_text key in note() when it did nothing and
    // the trainer should know why ("" otherwise).
    void advance();
    void back();          // the previous discussion prompt shown (nothing is ever undone)
    void digit(int digit);
    void enter();
    void erase();
    void arm_override();
    void confirm(std::size_t option);
    void next_prompt();   // shows the node's next prompt that the room has not seen
    void show_prompt(std::size_t prompt);
    void toggle_blank() { m_blank = !m_blank; }
    void toggle_panel() { m_panel = !m_panel; }

    classroom::ClassPhase phase();
    classroom::AudienceView audience();  // what the room may see
    classroom::TrainerView trainer();    // everything, for the trainer only
    const Scenario& scenario() const { return *m_scenario; }
    const std::shared_ptr<const Analysis>& analysis() const { return m_analysis; }
    const std::string& language() const { return m_language; }

    bool blank() const { return m_blank; }
    bool panel() const { return m_panel; }
    // The discussion prompt on the projector: a position in audience().prompts (nullopt = none).
    std::optional<std::size_t> prompt_on_screen() const { return m_prompt_at; }
    std::optional<std::size_t> hands_option() const { return m_hands_option; }
    const std::string& hands_digits() const { return m_hands_digits; }
    bool override_armed() const { return m_override; }
    const std::string& note() const { return m_note; }

    // True once after every change the screens show (a phone's vote included): draw a frame.
    bool changed();
    // The class ends: the server stops, the end time is set; the log as it stands.
    ClassLog finish();

private:
    void clear_entry();
    void sync_decision();  // a new decision: the prompt and the entry start afresh

    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const Analysis> m_analysis;
    std::string m_language;
    std::unique_ptr<classroom::LiveClass> m_live;
    std::unique_ptr<classroom::VoteServer> m_server;  // declared after m_live: stopped first
    bool m_blank = false;
    bool m_panel = false;
    std::optional<std::size_t> m_prompt_at;
    std::optional<std::size_t> m_hands_option;
    std::string m_hands_digits;
    bool m_override = false;
    std::string m_note;
    std::size_t m_decision = 0;
    std::uint64_t m_seen_version = ~std::uint64_t{0};
    int m_seen_phase = -1;
};

// The classroom screen's state in the App (app_classroom.cpp): set-up, the class running, the report.
enum class ClassStage { Setup, Running, Report };

struct ClassScreen {
    ClassStage stage = ClassStage::Setup;
    std::unique_ptr<Classroom> live;           // while the class runs
    std::optional<classroom::QrMatrix> qr;     // of the join address, while phones vote
    std::string problem, problem_detail;       // the set-up: why the class did not start (ui key, detail)
    bool end_asked = false;                    // "End the class?" is open
    // After the class.
    std::optional<ClassLog> log;
    std::optional<report::ClassroomReport> report;
    std::string report_problem;
    std::string stored, stored_detail;         // ui key, database file or error
    std::string saved_path, save_error;        // the last export
};

}  // namespace salesdojo::gui
