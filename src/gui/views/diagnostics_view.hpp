#pragma once
// The problems of a scenario file that could not be played, readable by a trainer: one row per
// diagnostic with file:line:col, severity, code and message.
#include "views/catalogue.hpp"
#include "views/intent.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

class DiagnosticsView {
public:
    Intent Draw(const ViewContext& ctx, const std::string& file, const Diagnostics& diagnostics);
};

// "demanding_director.json:12:7" (no position when unknown).
std::string diagnostic_location(const Diagnostic& diagnostic);

}  // namespace salesdojo::gui
