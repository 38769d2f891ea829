#include "views/analysis_view.hpp"

#include "views/diagnostics_view.hpp"
#include "views/graph_view.hpp"
#include "views/widgets.hpp"

#include <salesdojo/diagnostic_descriptors.hpp>

#include <cstdio>

namespace salesdojo::gui {

void AnalysisView::sort(const authoring::ScenarioVersion& version) {
    m_sorted_for = version.scenario.get();
    m_mismatches.clear(), m_analysis.clear(), m_other.clear();
    for (std::size_t i = 0; i < version.warnings.size(); ++i) {
        const std::string& code = version.warnings[i].code;
        if (code == descriptor(DiagnosticId::IntentMissed).code) m_mismatches.push_back(i);
        else if (code.rfind("SD3", 0) == 0) m_analysis.push_back(i);
        else m_other.push_back(i);
    }
}

Intent AnalysisView::Draw(const ViewContext& ctx, const authoring::ScenarioVersion& version,
                          std::optional<int>& show_in_graph) {
    Intent result;
    if (m_sorted_for != version.scenario.get()) sort(version);
    const Scenario& s = *version.scenario;
    const Palette& p = *ctx.colours;
    const auto section = [&](const char* heading_key, const std::vector<std::size_t>& rows, const char* none_key) {
        ImGui::Spacing();
        ImGui::PushFont(ctx.bold());
        char heading[160];
        std::snprintf(heading, sizeof heading, ctx.t(heading_key), rows.size());
        text(heading);
        ImGui::PopFont();
        if (rows.empty()) text_coloured(p.text_dim, ctx.t(none_key));
        for (std::size_t k : rows) {
            const Diagnostic& d = version.warnings[k];
            ImGui::PushID(static_cast<int>(k));
            const bool error = d.severity == Severity::Error;
            chip(std::string(ctx.t(error ? "diagnostics.error" : "diagnostics.warning")) + " " + d.code,
                 error ? p.bad : p.warn);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            text(diagnostic_location(d));
            const std::optional<int> node = pointer_node(d.pointer);
            if (node && *node < static_cast<int>(s.nodes.size())) {
                const std::string& id = s.nodes[static_cast<std::size_t>(*node)].id;
                ImGui::SameLine();
                text_coloured(p.accent, std::string(ctx.t("author.node")) + " " + id);
                ImGui::SameLine();
                if (button(std::string(ctx.t("author.playtest_here")) + "##" + id)) result = intent::PlaytestFrom{id};
                ImGui::SameLine();
                if (button(std::string(ctx.t("author.show_in_graph")) + "##" + id)) show_in_graph = *node;
            }
            ImGui::Indent(ImGui::GetFontSize());
            text_wrapped(d.message);
            ImGui::Unindent(ImGui::GetFontSize());
            ImGui::Separator();
            ImGui::PopID();
        }
    };
    section("author.mismatches", m_mismatches, "author.no_mismatches");
    section("author.analysis_warnings", m_analysis, "author.no_analysis_warnings");
    section("author.other_warnings", m_other, "author.no_other_warnings");
    return result;
}

}  // namespace salesdojo::gui
