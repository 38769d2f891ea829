#pragma once
// "Leave this conversation?": asked when Home is pressed in the middle of a run. Says whether the
// run is kept for later (it is whenever the results database works) and returns
// intent::LeaveRun{true} (Leave, Enter) or {false} (Keep playing, Escape).
#include "views/intent.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

enum class RunKept { Yes, No };

Intent draw_leave_question(const ViewContext& ctx, RunKept kept);

}  // namespace salesdojo::gui
