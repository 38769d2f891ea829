#pragma once
// The debrief: overall score, accuracy, the ending and its outcome class, a bar per rubric dimension
// with the sentence naming the decision that cost most there, and what each figure means; on the
// right one of three panels, each with its own scroll: every decision (the choice, its verdict and
// cost, the author's feedback, the principle, the better option with the score it would have given,
// and on request every option's score), the run read-only (Review), or the best line. Buttons (and
// keys, views/key_legend.hpp) to switch panels, replay, and save the debrief as Markdown or HTML.
#include "views/intent.hpp"
#include "views/run.hpp"
#include "views/view_context.hpp"

#include <salesdojo/report/debrief.hpp>

#include <optional>
#include <string>

namespace salesdojo::gui {

class DebriefView {
public:
    enum class Panel { Decisions, Review, BestLine };

    Intent Draw(const ViewContext& ctx, const Run& run);
    Panel panel() const { return m_panel; }
    void show(Panel panel) { m_panel = panel; }
    // Every option's score under each decision (A): off until asked for.
    bool all_scores() const { return m_all_scores; }
    void show_all_scores(bool on) { m_all_scores = on; }

private:
    Intent keys();  // the debrief's own keys (key_legend.cpp lists them)
    const report::DebriefPage& page(const ViewContext& ctx, const Run& run);
    void draw_scores(const ViewContext& ctx, const Run& run, float width);
    void draw_figure_legend(const ViewContext& ctx);
    void draw_decisions(const ViewContext& ctx, const Run& run);
    Intent draw_buttons(const ViewContext& ctx, bool measure_only, int* rows);

    Panel m_panel = Panel::Decisions;
    bool m_all_scores = false;
    bool m_key_hints = true;  // the buttons name their keys when they fit in two rows
    // The debrief in words, made once per run and language (not every frame).
    std::optional<report::DebriefPage> m_page;
    std::string m_page_key;
};

}  // namespace salesdojo::gui
