#pragma once
// The strip above the play and debrief screens during an author's playtest: that it is one (from
// which node, never stored as an attempt), what the last reload of the file did, and a way back to
// the authoring screen.
#include "authoring.hpp"
#include "views/intent.hpp"
#include "views/run.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

Intent draw_playtest_bar(const ViewContext& ctx, const Run& run, const Authoring& authoring);

}  // namespace salesdojo::gui
