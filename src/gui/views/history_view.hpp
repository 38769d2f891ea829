#pragma once
// The history screen of the trainee picked on the home screen: what to practise next (the weakest
// skill and a suggested scenario, with the reason), each dimension's score over time as a plot,
// first/best/latest per scenario, and every attempt with date, scenario, mode and score. Reads a
// HistoryData made when the screen opened.
#include "views/catalogue.hpp"
#include "views/history_data.hpp"
#include "views/intent.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

class HistoryView {
public:
    Intent Draw(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue);
    void reset() { m_scroll_top = true; }  // a fresh visit starts at the top

private:
    Intent draw_export(const ViewContext& ctx, const HistoryData& data);
    Intent draw_suggestion(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue);
    void draw_plot(const ViewContext& ctx, const HistoryData& data);
    void draw_per_scenario(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue);
    Intent draw_attempts(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue);

    bool m_scroll_top = true;
};

// The title a trainee reads for a stored scenario id: the catalogue card's title in the interface
// language, or a sentence saying the scenario is not in this collection (never the raw id).
std::string scenario_title(const ViewContext& ctx, const Catalogue& catalogue, const std::string& scenario_id);
// A stored mode id in words ("practice", "assessment", "scripted", "imported").
std::string mode_name(const ViewContext& ctx, const std::string& mode);
// A dimension id in words (the report layer's skill names); never the raw id.
std::string dimension_label(const ViewContext& ctx, const std::string& dimension_id, std::size_t position);

}  // namespace salesdojo::gui
