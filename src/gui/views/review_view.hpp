#pragma once
// Read-only panels of the debrief: the trainee's run with the verdict on each decision, and the best
// line through the scenario. Nothing here changes the run.
#include "views/run.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

const char* verdict_key(Verdict verdict);  // ui key "verdict.best", ...

void draw_review(const ViewContext& ctx, const Run& run);     // needs run.debrief
void draw_best_line(const ViewContext& ctx, const Run& run);  // needs run.debrief

}  // namespace salesdojo::gui
