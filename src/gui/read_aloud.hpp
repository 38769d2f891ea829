#pragma once
// What read-aloud says, and when: everything a trainee reads, in reading order. The play screen's
// new lines with each speaker's name first, then the question and the choices with their numbers
// (an unavailable one says so); practice feedback with its verdict and any assumption charge; a
// hint when asked; why an option cannot be chosen when tried; the debrief when it opens.
//
// Keys (when no text field has the keyboard): Ctrl stops the speech (as in screen readers), F5
// reads the current screen again. On the other screens (home, history, settings, the classroom's
// set-up and report, authoring) F5 reads what the screen shows: the app records the next frame's
// texts (views/draw_log.hpp) and hands them to speak_screen(). When read-aloud is on and could not speak (espeak-ng missing, not
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
// A screen's texts as one text to speak: each once where repeated in a row, a full stop between.
std::string spoken_screen(const std::vector<std::string>& texts);

enum class SpokenScreen { Other, Play, Debrief };

class ReadAloud {
public:
    static constexpr double kNoticeSeconds = 8.0;

    // Once a frame after the screen is drawn: speaks what is new, handles Ctrl and F5.
    void update(SpokenScreen screen, const Run* run, const PlayView& play, bool enabled,
                const std::string& interface_language, Speech* speech);
    // F5 was pressed on a screen without a run of its own to read: record the next frame's texts.
    bool screen_wanted() const { return m_screen_wanted; }
    // Speaks the texts one frame drew, in drawing order (repeats next to each other once).
    void speak_screen(const std::vector<std::string>& texts, const std::string& interface_language, Speech* speech);
    // The ui_text key of the notice to show, or nullptr: read-aloud is on and cannot speak.
    const char* notice_key(bool enabled, const Speech* speech) const;
    // The text spoken last (tests and diagnostics).
    const std::string& last_spoken() const { return m_last; }

private:
    std::string m_key;          // the state read last: screen, run, decision, lines, feedback
    bool m_hint = false;        // its hint was read
    bool m_screen_wanted = false;  // F5 on another screen: read the next frame's texts
    std::optional<int> m_tried; // the unavailable option whose reason was read
    std::string m_last;
    std::uint64_t m_failures = 0;  // Speech::failures() seen
    std::optional<std::chrono::steady_clock::time_point> m_failed_at;
};

}  // namespace salesdojo::gui
