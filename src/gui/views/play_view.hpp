#pragma once
// The play screen: the speaking character's portrait, the lines since the last decision revealed as
// by a typewriter (Space, Enter or a click shows them at once), narration set apart, the choices as
// large buttons (mouse or keys 1-9), a progress indicator; in practice mode the feedback after each
// choice (Continue), any unsupported-assumption charge, undo (Backspace) and a hint on request (H).
// An option that cannot be chosen says why when it is tried (click or its number) or hovered.
// B (or the Conversation button) shows the whole conversation so far in the lines panel instead of
// the latest lines; Page Up/Down, arrows, Home and End scroll that panel; B or Esc returns.
#include "settings.hpp"
#include "views/intent.hpp"
#include "views/play_lines.hpp"
#include "views/run.hpp"
#include "views/typewriter.hpp"
#include "views/view_context.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace salesdojo::gui {

class PlayView {
public:
    // At most this many lines are kept on screen; earlier ones (a long run of automatic nodes)
    // are replaced by one line that says how many were left out.
    static constexpr std::size_t kMaxLinesShown = 200;
    // The conversation so far (B) keeps at most this many of the most recent lines.
    static constexpr std::size_t kMaxBacklogLines = 1000;
    // The speaker's portrait goes beside the conversation only when the screen is at least this many
    // font heights wide and the conversation this many high; else the conversation takes the width
    // (the speaker's name is on each line).
    static constexpr float kPortraitMinWidthEm = 40.0f;
    static constexpr float kPortraitMinHeightEm = 8.0f;

    Intent Draw(const ViewContext& ctx, const Run& run);
    // Set by the app from the settings before each frame; applies from the next set of lines.
    void set_text_speed(TextSpeed speed) { m_speed = speed; }
    bool backlog_open() const { return m_backlog; }
    void show_backlog(bool on) { if (on != m_backlog) toggle_backlog(); }
    // The unavailable option (choice index) the trainee tried at this decision, if any.
    const std::optional<int>& tried() const { return m_tried; }
    // The hint for the decision at hand: the principles at stake, or a general prompt.
    std::string hint_text(const ViewContext& ctx, const Run& run) const;

    // True while lines are being typed: the window must keep drawing frames.
    bool animating() const { return m_typewriter.revealing(); }
    // The lines on screen now (for read-aloud and tests).
    const std::vector<Line>& lines() const { return m_lines; }
    std::size_t omitted_lines() const { return m_omitted; }
    // Increments whenever a new set of lines starts (the app reads it aloud).
    std::uint64_t lines_version() const { return m_version; }

private:
    struct Key {
        int serial = -1;
        std::size_t decisions = 0;
        bool feedback = false;
        std::string language;
        bool operator==(const Key& o) const {
            return serial == o.serial && decisions == o.decisions && feedback == o.feedback &&
                   language == o.language;
        }
    };

    void refresh(const Run& run);
    int portrait_speaker() const;
    void draw_portrait_column(const ViewContext& ctx, const Run& run, float width, float height);
    void draw_lines(const ViewContext& ctx);
    Intent draw_bottom(const ViewContext& ctx, const Run& run, float width);
    // Height of the panel under the conversation (`width` wide, in a body `body` high), given `tail`,
    // the height the conversation needs to show the line being answered (tail_height).
    float bottom_height(const ViewContext& ctx, const Run& run, float width, float body, float tail) const;
    float tail_height(const ViewContext& ctx, float width) const;
    static float em_indent();
    static float feedback_buttons_width(const ViewContext& ctx);
    static bool feedback_buttons_fit(const ViewContext& ctx, const Run& run, float width);
    Intent draw_choices(const ViewContext& ctx, const Run& run, float width);
    Intent draw_feedback(const ViewContext& ctx, const Run& run);
    Intent keys(const Run& run);
    void draw_backlog(const ViewContext& ctx, const Run& run);
    void scroll_keys();
    void toggle_backlog();
    void apply_scroll();
    std::string unavailable_text(const ViewContext& ctx, const Run& run, int choice) const;
    std::vector<std::string> assumption_text(const ViewContext& ctx, const Run& run) const;

    Key m_key;
    std::vector<Line> m_lines;
    std::size_t m_omitted = 0;  // lines left out before m_lines (after the trainee's own line)
    Typewriter m_typewriter;
    std::optional<int> m_last_speaker;
    // Frames left in which the lines panel scrolls to its end: ImGui clamps a scroll to the previous
    // frame's content height, so the frame that shows a whole line at once is not enough.
    int m_scroll_to_end = 0;
    bool m_compact = false;  // little height for the text size: see Draw
    static constexpr float kCompactHeightEm = 22.0f;
    static constexpr int kScrollToEndFrames = 3;
    std::uint64_t m_version = 0;
    TextSpeed m_speed = TextSpeed::Normal;
    bool m_backlog = false;                // the whole conversation is shown in the lines panel
    std::string m_backlog_key;             // what m_backlog_lines were made from
    std::vector<Line> m_backlog_lines;
    std::size_t m_backlog_omitted = 0;
    std::optional<int> m_tried;            // choice index of an unavailable option the trainee tried
    enum class Scroll { None, Up, Down, PageUp, PageDown, Top, Bottom };
    Scroll m_scroll = Scroll::None;        // asked for by a key, applied inside the lines panel
};

}  // namespace salesdojo::gui
