#pragma once
// The authoring screen (docs/authoring-window.md): a path field and the recent files to open any
// scenario file or folder; for the open file its status (what the last reload did, in words), a
// playtest from the start or from any node, and three panels: the analysis (analysis_view.hpp), the
// graph (graph_view.hpp) and the problems of a broken edit (the diagnostics list), which is shown by
// itself while the file has never loaded.
#include "authoring.hpp"
#include "views/analysis_view.hpp"
#include "views/diagnostics_view.hpp"
#include "views/graph_view.hpp"
#include "views/intent.hpp"
#include "views/view_context.hpp"

#include <optional>
#include <string>

namespace salesdojo::gui {

enum class AuthorPanel { Analysis, Graph, Problems };

class AuthorView {
public:
    // `current`: the running playtest's node in the open file (highlighted in the graph), if any;
    // `playtest_running`: a playtest of it can be continued.
    Intent Draw(const ViewContext& ctx, const Authoring& authoring, std::optional<int> current, bool playtest_running);

    void show(AuthorPanel panel) { m_panel = panel; }
    AuthorPanel panel() const { return m_panel; }
    // A newly opened file: its path in the field; the graph and the node choice start afresh.
    void opened(std::string path) {
        m_path = std::move(path);
        m_start_node.reset();
        m_graph = GraphView{};
    }
    // The "with" field: variables and facts for every playtest started here (playtest_values.hpp).
    const std::string& playtest_values() const { return m_values; }
    void set_playtest_values(std::string values) { m_values = std::move(values); }
    // Why the last playtest did not start ("" when it did), shown under the playtest row.
    void set_playtest_error(std::string error) { m_playtest_error = std::move(error); }
    GraphView& graph() { return m_graph; }
    const GraphView& graph() const { return m_graph; }

private:
    Intent draw_open_row(const ViewContext& ctx, const Authoring& authoring);
    Intent draw_file(const ViewContext& ctx, const Authoring& authoring, std::optional<int> current, bool playtest_running);

    std::string m_path;  // the path field
    AuthorPanel m_panel = AuthorPanel::Analysis;
    std::optional<int> m_start_node;  // the "Playtest from" choice, a node index; none = the start node
    std::string m_values;             // the "with" field
    std::string m_playtest_error;
    AnalysisView m_analysis;
    GraphView m_graph;
    DiagnosticsView m_problems;
};

// The status line for a reload note, in the interface language ("" for none).
std::string reload_note_text(const ViewContext& ctx, const ReloadNote& note, const Authoring& authoring);

}  // namespace salesdojo::gui
