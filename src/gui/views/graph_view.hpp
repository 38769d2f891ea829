#pragma once
// The graph of the open scenario (authoring screen): boxes and arrows laid out once per version
// (graph_layout.hpp) and drawn with ImGui's draw list. Drag to pan, the mouse wheel zooms around the
// pointer, "Fit" shows everything; the playtest's current node is highlighted; a click on a node
// starts a playtest there (intent::PlaytestFrom), hovering shows its text. Only what is in view is
// drawn, and drawing stops before the draw list's 16-bit index limit (a note says to zoom in).
#include "graph_layout.hpp"
#include "views/intent.hpp"
#include "views/view_context.hpp"

#include <salesdojo/authoring/live_reload.hpp>

#include <optional>

namespace salesdojo::gui {

class GraphView {
public:
    // `current`: the node to highlight (the playtest's), if any.
    Intent Draw(const ViewContext& ctx, const authoring::ScenarioVersion& version, std::optional<int> current,
                ImVec2 size);
    // Centres the view on `node` at the next frame (the analysis list's "Show in graph").
    void focus(int node) { m_focus = node; }

    const GraphLayout& layout() const { return m_layout; }
    bool laying_out() const { return m_job.has_value(); }  // Graphviz still at work (keep drawing frames)
    float zoom() const { return m_zoom; }

private:
    void relayout(const ViewContext& ctx, const authoring::ScenarioVersion& version);

    const Scenario* m_laid_out = nullptr;  // the version the layout is for
    std::string m_language;
    GraphLayout m_layout;
    std::optional<LayoutJob> m_job;  // Graphviz's layout on its way; m_layout is the layered one meanwhile
    ImVec2 m_pan{0.0f, 0.0f};  // layout point at the canvas's top-left corner
    float m_zoom = 1.0f;       // pixels per layout point
    bool m_fit = true;         // fit the whole graph at the next frame
    bool m_first_view = true;  // the first frame of a newly opened file
    bool m_fitted_layered = false;  // the first view was fitted to the layered stand-in
    std::optional<int> m_focus;
    bool m_truncated = false;  // the last frame stopped drawing at the vertex budget
};

// The node index a JSON pointer is about ("/nodes/4/choices/1" -> 4), if any.
std::optional<int> pointer_node(const std::string& pointer);

}  // namespace salesdojo::gui
