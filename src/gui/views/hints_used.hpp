#pragma once
// The debrief's note on the hints a practice run used (Run::hints): "Hints used at decision 1, 3".
#include "views/run.hpp"
#include "views/view_context.hpp"

#include <string>

namespace salesdojo::gui {

// "" when the run used no hint.
std::string hints_used_text(const ViewContext& ctx, const Run& run);

}  // namespace salesdojo::gui
