#pragma once
// The projector (the room's view) of a class run (docs/classroom.md, "In the window"): the
// decision's line, the options numbered, how many voted, the tally once revealed, the group's
// option, what followed, the feedback and verdict once revealed, the discussion prompt shown, and
// while phones vote the join code, QR code and address. Large type that shrinks (and wraps) until
// the whole exchange fits the window: nothing ever needs scrolling.
//
// It draws ONLY from classroom::AudienceView (what the room may see) and the scenario's texts of
// the nodes and options that view names: trainer notes, prompts not shown, the best option,
// verdicts and the tally before it is revealed cannot reach it.
#include "views/view_context.hpp"

#include <salesdojo/classroom/class_run.hpp>
#include <salesdojo/classroom/qr_code.hpp>

#include <optional>
#include <string>

namespace salesdojo::gui {

struct ProjectorInfo {
    const Scenario* scenario = nullptr;
    std::string language;                        // the scenario's language for the room
    std::optional<std::size_t> prompt_on_screen;  // a position in AudienceView::prompts
    bool blank = false;                          // B: nothing at all
    std::string join_url, join_code;             // "" = no phones
    const classroom::QrMatrix* qr = nullptr;     // of join_url
};

// Draws into the current window's remaining region. The fit scale it chose (1 = full size) is
// returned for tests and traces.
float draw_class_view(const ViewContext& ctx, const classroom::AudienceView& room, const ProjectorInfo& info);

// The type scale below which the projector first uses smaller fonts and then leaves out the options
// the group did not choose, and the smallest it ever uses.
constexpr float kProjectorCompactScale = 0.6f;
constexpr float kProjectorMinScale = 0.35f;

}  // namespace salesdojo::gui
