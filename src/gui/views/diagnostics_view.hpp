#pragma once
// The problems of a scenario file that could not be played, readable by a trainer: one row per
// diagnostic with file:line:col, severity, code and message. Only the rows in view are drawn
// (row_clipper.hpp): a file with 10,000 warnings shows at once.
#include "views/catalogue.hpp"
#include "views/intent.hpp"
#include "views/row_clipper.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

class DiagnosticsView {
public:
    Intent Draw(const ViewContext& ctx, const std::string& file, const Diagnostics& diagnostics);
    // The rows alone, in a scrolling child of `size` (the authoring screen's problems of a broken edit).
    void draw_list(const ViewContext& ctx, const Diagnostics& diagnostics, ImVec2 size);

private:
    void draw_row(const ViewContext& ctx, const Diagnostic& d);
    float estimate_row(const Diagnostic& d, float width) const;

    RowClipper m_rows;
    const Diagnostic* m_shown = nullptr;  // the list the rows were estimated for (its storage)
};

// "demanding_director.json:12:7" (no position when unknown).
std::string diagnostic_location(const Diagnostic& diagnostic);

}  // namespace salesdojo::gui
