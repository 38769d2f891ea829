#pragma once
// What read-aloud says, and when: everything a trainee reads, in reading order. The play screen's
// new lines with each speaker's name first, then the question and the choices with their numbers
// (an unavailable one says so); practice feedback with its verdict and any assumption charge; a
// hint when asked; why an option cannot be chosen when tried; the debrief when it opens.
//
// Keys (when no text field has the keyboard): Ctrl stops the speech (as in screen readers), F5
// reads the current screen again. When read-aloud is on and could not speak (espeak-ng missing, not
// runnable, or ending with an error) notice_key() names the ui_text notice the window shows for
// kNoticeSeconds after each failure (a notice, not silence; then it gets out of the way).
#include "speech.hpp"
#include "views/play_lines.hpp"
#include "views/run.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

class PlayView;

// The lines as spoken: "Name: text" for speech, narration and endings as they are; the trainee's
// own line is left out (they chose it).
std::string spoken_lines(const std::vector<Line>& lines);
// "What do you say? 1. ... 2. ..." with the interface's words; an unavailable option is marked.
std::string spoken_choices(const Run& run, const std::string& interface_language);
// "Feedback: Good. <text> <assumption charges>".
std::string spoken_feedback(const Run& run, const std::string& interface_language);
// The whole debrief as plain text (report::debrief_text), with the hints used.
std::string spoken_debrief(const Run& run, const std::string& interface_language);

enum class SpokenScreen { Other, Play, Debrief };

class ReadAloud {
public:
    static constexpr double kNoticeSeconds = 8.0;

    // Once a frame after the screen is drawn: speaks what is new, handles Ctrl and F5.
    void update(SpokenScreen screen, const Run* run, const PlayView& play, bool enabled,
                const std::string& interface_language, Speech* speech);
    // The ui_text key of the notice to show, or nullptr: read-aloud is on and cannot speak.
    const char* notice_key(bool enabled, const Speech* speech) const;
    // The text spoken last (tests and diagnostics).
    const std::string& last_spoken() const { return m_last; }

private:
    std::string m_key;          // the state read last: screen, run, decision, lines, feedback
    bool m_hint = false;        // its hint was read
    std::optional<int> m_tried; // the unavailable option whose reason was read
    std::string m_last;
    std::uint64_t m_failures = 0;  // Speech::failures() seen
    std::optional<std::chrono::steady_clock::time_point> m_failed_at;
};

}  // namespace salesdojo::gui
