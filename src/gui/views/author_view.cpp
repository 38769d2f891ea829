#include "views/author_view.hpp"

#include "views/draw_log.hpp"
#include "views/header_bar.hpp"
#include "views/tab_order.hpp"
#include "views/widgets.hpp"

#include <imgui_stdlib.h>

#include <cstdio>
#include <filesystem>

namespace salesdojo::gui {

namespace {
// "1 choice", "2 choices": the key with "_one" for a count of one.
const char* counted(const ViewContext& ctx, const std::string& key, std::size_t count) {
    return ctx.t(count == 1 ? (key + "_one").c_str() : key.c_str());
}
}  // namespace

std::string reload_note_text(const ViewContext& ctx, const ReloadNote& note, const Authoring& authoring) {
    char buffer[512];
    const auto errors = count(authoring.problems(), Severity::Error);
    switch (note.kind) {
    case ReloadNote::Kind::None: return {};
    case ReloadNote::Kind::Opened: return ctx.t("author.note_opened");
    case ReloadNote::Kind::Reloaded: {
        std::string out = ctx.t("author.note_reloaded");
        if (note.carried) {
            std::snprintf(buffer, sizeof buffer, counted(ctx, "author.note_replayed", note.replayed), note.replayed);
            out += " " + std::string(buffer);
            if (note.dropped > 0) {
                std::snprintf(buffer, sizeof buffer, ctx.t("author.note_dropped"), note.dropped, note.stopped_at.c_str());
                out += " " + std::string(buffer);
            }
            if (!note.start_lost.empty()) out += " " + std::string(ctx.t("author.note_start_lost"));
        }
        return out;
    }
    case ReloadNote::Kind::Broken:
        std::snprintf(buffer, sizeof buffer, counted(ctx, "author.note_broken", errors), errors);
        return buffer;
    case ReloadNote::Kind::Missing: return ctx.t("author.note_missing");
    case ReloadNote::Kind::OpenFailed:
        std::snprintf(buffer, sizeof buffer, counted(ctx, "author.note_open_failed", errors), errors);
        return buffer;
    }
    return {};
}

Intent AuthorView::draw_open_row(const ViewContext& ctx, const Authoring& authoring) {
    Intent result;
    ImGui::AlignTextToFramePadding();
    text(ctx.t("author.path_label"));
    ImGui::SameLine();
    const float open_width = button_width(ctx.t("author.open"));
    ImGui::SetNextItemWidth(std::max(100.0f, ImGui::GetContentRegionAvail().x - open_width - ImGui::GetStyle().ItemSpacing.x));
    // In our tab order (tab_order.hpp), as the home screen's search: ImGui's own Tab between text
    // fields would take the keyboard and keep it; Enter on the field starts typing.
    ImGui::PushAllowKeyboardFocus(false);
    const bool entered = ImGui::InputTextWithHint("##author_path", ctx.t("author.path_hint"), &m_path,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopAllowKeyboardFocus();
    tab_stop("author_path");
    log_item("author_path");
    ImGui::SameLine();
    if ((button(ctx.t("author.open")) || entered) && !m_path.empty()) result = intent::OpenPath{m_path};
    if (!authoring.recent().empty()) {
        ImGui::AlignTextToFramePadding();
        text_coloured(ctx.colours->text_dim, ctx.t("author.recent"));
        for (std::size_t i = 0; i < authoring.recent().size(); ++i) {
            const std::string& path = authoring.recent()[i];
            std::string name = std::filesystem::path(path).filename().string();
            if (name.empty()) name = path;
            ImGui::SameLine();
            if (button(name + "##recent" + std::to_string(i))) {
                m_path = path;
                result = intent::OpenPath{path};
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.c_str());
        }
    }
    ImGui::Separator();
    return result;
}

Intent AuthorView::draw_file(const ViewContext& ctx, const Authoring& authoring, std::optional<int> current,
                             bool playtest_running) {
    Intent result;
    const Palette& p = *ctx.colours;
    const authoring::LiveScenario* live = authoring.live();
    const std::string file_name = std::filesystem::path(authoring.path()).filename().string();
    if (live) {
        const Scenario& s = *live->current().scenario;
        const std::string language =
            std::find(s.languages.begin(), s.languages.end(), ctx.language) != s.languages.end() ? ctx.language
                                                                                                 : s.default_language();
        text_in_font(ctx.title(), s.title.get(language));
    } else {
        text_in_font(ctx.title(), file_name);
    }
    text_coloured(p.text_dim, authoring.path());
    const ReloadNote& note = authoring.note();
    const std::string status = reload_note_text(ctx, note, authoring);
    if (!status.empty()) {
        const bool bad = note.kind == ReloadNote::Kind::Broken || note.kind == ReloadNote::Kind::Missing ||
                         note.kind == ReloadNote::Kind::OpenFailed;
        text_coloured(bad ? p.warn : p.good, status);
    }
    if (live && !authoring.problems().empty()) text_coloured(p.text_dim, ctx.t("author.last_good_kept"));
    if (!live) {
        // Never loaded: only its problems; fixing the file opens it.
        m_problems.draw_list(ctx, authoring.problems(), ImVec2(0, 0));
        return result;
    }

    // Playtests: from the start, from a chosen node, or the one running.
    const authoring::ScenarioVersion& version = live->current();
    const Scenario& s = *version.scenario;
    if (!m_start_node || *m_start_node >= static_cast<int>(s.nodes.size())) m_start_node = s.start;
    if (button(ctx.t("author.playtest_start"))) result = intent::PlaytestFrom{""};
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text(ctx.t("author.playtest_from"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    const bool start_open = begin_combo("##start_node", s.nodes[static_cast<std::size_t>(*m_start_node)].id, "start_node");
    tab_stop("start_node");
    if (start_open) {
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            if (ImGui::Selectable(s.nodes[i].id.c_str(), static_cast<int>(i) == *m_start_node)) m_start_node = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text(ctx.t("author.playtest_with"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    ImGui::PushAllowKeyboardFocus(false);
    ImGui::InputTextWithHint("##playtest_values", ctx.t("author.playtest_with_hint"), &m_values);
    ImGui::PopAllowKeyboardFocus();
    tab_stop("playtest_values");
    log_item("playtest_values");
    ImGui::SameLine();
    if (button(ctx.t("author.playtest_go"))) result = intent::PlaytestFrom{s.nodes[static_cast<std::size_t>(*m_start_node)].id};
    if (playtest_running) {
        ImGui::SameLine();
        if (button(ctx.t("author.playtest_continue"))) result = intent::ContinuePlaytest{};
    }
    if (!m_playtest_error.empty())
        text_coloured(ctx.colours->bad, std::string(ctx.t("author.playtest_not_started")) + " " + m_playtest_error);

    // The panels.
    char label[96];
    std::snprintf(label, sizeof label, ctx.t("author.panel_analysis"), version.warnings.size());
    if (radio(label, m_panel == AuthorPanel::Analysis)) m_panel = AuthorPanel::Analysis;
    ImGui::SameLine();
    if (radio(ctx.t("author.panel_graph"), m_panel == AuthorPanel::Graph)) m_panel = AuthorPanel::Graph;
    if (!authoring.problems().empty()) {
        ImGui::SameLine();
        std::snprintf(label, sizeof label, ctx.t("author.panel_problems"), authoring.problems().size());
        if (radio(label, m_panel == AuthorPanel::Problems)) m_panel = AuthorPanel::Problems;
    } else if (m_panel == AuthorPanel::Problems) {
        m_panel = AuthorPanel::Analysis;
    }
    switch (m_panel) {
    case AuthorPanel::Analysis: {
        ImGui::BeginChild("##analysis", ImVec2(0, 0), true);
        std::optional<int> show_in_graph;
        merge(result, m_analysis.Draw(ctx, version, show_in_graph));
        ImGui::EndChild();
        if (show_in_graph) {
            m_graph.focus(*show_in_graph);
            m_panel = AuthorPanel::Graph;
        }
        break;
    }
    case AuthorPanel::Graph: merge(result, m_graph.Draw(ctx, version, current, ImVec2(0, 0))); break;
    case AuthorPanel::Problems: m_problems.draw_list(ctx, authoring.problems(), ImVec2(0, 0)); break;
    }
    return result;
}

Intent AuthorView::Draw(const ViewContext& ctx, const Authoring& authoring, std::optional<int> current,
                        bool playtest_running) {
    Intent result = header_bar(ctx, ctx.t("author.title"), HomeButton::Shown);
    merge(result, draw_open_row(ctx, authoring));
    if (authoring.path().empty()) {
        text_wrapped(ctx.t("author.intro"));
        return result;
    }
    merge(result, draw_file(ctx, authoring, current, playtest_running));
    return result;
}

}  // namespace salesdojo::gui
