#pragma once
// The analysis of the open scenario (authoring screen): its intent mismatches (SD3107: an option
// graded more than one class from the verdict its author meant) first, then the other analysis
// warnings (SD3xxx) and the loader's and lint's warnings, each with file:line:col, its message and
// the node it is about, with "Playtest here" and "Show in graph".
#include "views/intent.hpp"
#include "views/view_context.hpp"

#include <salesdojo/authoring/live_reload.hpp>

#include <optional>
#include <vector>

namespace salesdojo::gui {

class AnalysisView {
public:
    // Sets `show_in_graph` when the author asks to see a warning's node in the graph.
    Intent Draw(const ViewContext& ctx, const authoring::ScenarioVersion& version, std::optional<int>& show_in_graph);

private:
    void sort(const authoring::ScenarioVersion& version);

    const Scenario* m_sorted_for = nullptr;
    std::vector<std::size_t> m_mismatches, m_analysis, m_other;  // indices into version.warnings
};

}  // namespace salesdojo::gui
