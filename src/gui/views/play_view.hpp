#pragma once
// The play screen: the speaking character's portrait, the lines since the last decision revealed as
// by a typewriter (Space, Enter or a click shows them at once), narration set apart, the choices as
// large buttons (mouse or keys 1-9), a progress indicator; in practice mode the feedback after each
// choice (Continue) and undo (Backspace).
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

    Intent Draw(const ViewContext& ctx, const Run& run);

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
    float bottom_height(const ViewContext& ctx, const Run& run, float width) const;
    Intent draw_choices(const ViewContext& ctx, const Run& run, float width);
    Intent draw_feedback(const ViewContext& ctx, const Run& run);
    Intent keys(const Run& run);

    Key m_key;
    std::vector<Line> m_lines;
    std::size_t m_omitted = 0;  // lines left out before m_lines (after the trainee's own line)
    Typewriter m_typewriter;
    std::optional<int> m_last_speaker;
    bool m_scroll_to_end = false;
    std::uint64_t m_version = 0;
};

}  // namespace salesdojo::gui
