#pragma once
// The debrief: overall score, accuracy, the ending and its outcome class, a bar per rubric dimension,
// the costliest decisions with the better alternative and the principle; buttons to replay, show the
// best line, review the run read-only, and save the debrief as Markdown or HTML.
#include "views/intent.hpp"
#include "views/run.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

class DebriefView {
public:
    enum class Panel { Costliest, Review, BestLine };

    Intent Draw(const ViewContext& ctx, const Run& run);
    Panel panel() const { return m_panel; }
    void show(Panel panel) { m_panel = panel; }

private:
    void draw_scores(const ViewContext& ctx, const Run& run, float width);
    void draw_costliest(const ViewContext& ctx, const Run& run);
    Intent draw_buttons(const ViewContext& ctx, bool measure_only, int* rows);

    Panel m_panel = Panel::Costliest;
};

}  // namespace salesdojo::gui
