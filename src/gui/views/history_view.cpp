#include "views/history_view.hpp"

#include "views/draw_log.hpp"
#include "views/format.hpp"
#include "views/header_bar.hpp"
#include "views/widgets.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/names.hpp>

#include <algorithm>
#include <vector>

namespace salesdojo::gui {
namespace {

std::string score_text(double score) { return whole_number(score) + "/100"; }

void heading(const ViewContext& ctx, std::string_view title) {
    ImGui::Spacing();
    text_in_font(ctx.bold(), title, &ctx.colours->accent);
}

// A table's header row, recorded in the draw log like every other text.
void header_row(const std::vector<const char*>& labels) {
    for (const char* label : labels) log_drawn(label);
    ImGui::TableHeadersRow();
}

void cell(std::string_view s) {
    ImGui::TableNextColumn();
    text(s);
}

}  // namespace

std::string scenario_title(const ViewContext& ctx, const Catalogue& catalogue, const std::string& scenario_id) {
    for (const auto& entry : catalogue.entries)
        if (entry.ok() && entry.card->id == scenario_id)
            return entry.card->title.get(card_language(*entry.card, ctx.language));
    return ctx.t("history.unknown_scenario");
}

std::string mode_name(const ViewContext& ctx, const std::string& mode) {
    if (mode == "practice") return ctx.t("mode.practice");
    if (mode == "assessment") return ctx.t("mode.assessment");
    if (mode == "scripted") return ctx.t("history.mode_scripted");
    if (mode == "imported") return ctx.t("history.mode_imported");
    return ctx.t("history.mode_other");
}

std::string dimension_label(const ViewContext& ctx, const std::string& dimension_id, std::size_t position) {
    std::string name = report::skill_name(dimension_id, ctx.language);
    if (name.empty()) name = report::phrase("dimension.unnamed", ctx.language, {std::to_string(position + 1)});
    return name;
}

Intent HistoryView::Draw(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue) {
    Intent result = header_bar(ctx, ctx.t("history.title"), HomeButton::Shown);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));  // the window's background, as on the home screen
    ImGui::BeginChild("##history", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleColor();
    if (m_scroll_top) {
        ImGui::SetScrollY(0.0f);
        m_scroll_top = false;
    }
    if (data.trainee.empty()) {
        text_coloured(ctx.colours->warn, ctx.t("history.unavailable"));
        ImGui::EndChild();
        return result;
    }
    text_in_font(ctx.title(), printf_string(ctx.t("history.heading"), data.trainee.c_str()));
    if (data.attempts.empty()) {
        text_coloured(ctx.colours->text_dim, ctx.t("history.empty"));
        ImGui::EndChild();
        return result;
    }
    merge(result, draw_export(ctx, data));
    merge(result, draw_suggestion(ctx, data, catalogue));
    draw_plot(ctx, data);
    draw_per_scenario(ctx, data, catalogue);
    merge(result, draw_attempts(ctx, data, catalogue));
    ImGui::EndChild();
    return result;
}

// Buttons that save every attempt of the trainee as files (the App writes them), and what came of it.
Intent HistoryView::draw_export(const ViewContext& ctx, const HistoryData& data) {
    Intent result;
    ImGui::AlignTextToFramePadding();  // on the buttons' baseline
    text(ctx.t("history.export_label"));
    same_line_if_fits(button_width(ctx.t("history.export_json")));
    if (button(ctx.t("history.export_json"))) result = intent::ExportHistory{ExportFormat::Json};
    same_line_if_fits(button_width(ctx.t("history.export_csv")));
    if (button(ctx.t("history.export_csv"))) result = intent::ExportHistory{ExportFormat::Csv};
    same_line_if_fits(button_width(ctx.t("history.export_html")));
    if (button(ctx.t("history.export_html"))) result = intent::ExportHistory{ExportFormat::Html};
    if (!data.exported_to.empty())
        text_coloured(ctx.colours->good, printf_string(ctx.t("history.exported_to"), data.exported_to.c_str()));
    else if (!data.export_failed.empty())
        text_coloured(ctx.colours->bad, printf_string(ctx.t("history.export_failed"), data.export_failed.c_str()));
    return result;
}

Intent HistoryView::draw_suggestion(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue) {
    Intent result;
    heading(ctx, ctx.t("history.next_heading"));
    if (!data.suggestion) {
        text_coloured(ctx.colours->text_dim, ctx.t("history.no_skills_yet"));
        return result;
    }
    const store::Suggestion& s = *data.suggestion;
    const std::string skill = report::skill_name(s.weakest.skill, ctx.language);
    text_wrapped(printf_string(ctx.t("history.weakest"), skill.c_str(), s.weakest.average, s.weakest.attempts));
    const std::string title = scenario_title(ctx, catalogue, s.scenario_id);
    if (s.last_played_ms) {
        const std::string when = date_only(*s.last_played_ms, ctx.language);
        text_wrapped(printf_string(ctx.t("history.suggest_again"), title.c_str(), skill.c_str(), when.c_str()));
    } else {
        text_wrapped(printf_string(ctx.t("history.suggest_new"), title.c_str(), skill.c_str()));
    }
    if (data.suggested_entry) {
        ImGui::PushFont(ctx.bold());
        if (button(ctx.t("history.start_suggested"))) result = intent::OpenScenario{*data.suggested_entry};
        ImGui::PopFont();
    }
    return result;
}

void HistoryView::draw_plot(const ViewContext& ctx, const HistoryData& data) {
    heading(ctx, ctx.t("history.plot_heading"));
    if (data.series.empty()) {
        text_coloured(ctx.colours->text_dim, ctx.t("history.no_skills_yet"));
        return;
    }
    const std::string from = date_only(data.plot_first_ms, ctx.language);
    const std::string to = date_only(data.plot_last_ms, ctx.language);
    text_coloured(ctx.colours->text_dim,
                  printf_string(ctx.t("history.plot_range"), data.plotted_attempts, from.c_str(), to.c_str()));
    const float label_width = ImGui::GetFontSize() * 11.0f;
    const float plot_width = std::max(ImGui::GetFontSize() * 8.0f, ImGui::GetContentRegionAvail().x - label_width);
    const float plot_height = ImGui::GetFontSize() * 3.2f;
    for (std::size_t k = 0; k < data.series.size(); ++k) {
        const DimensionSeries& series = data.series[k];
        const float latest = series.scores.back();
        ImGui::BeginGroup();
        text(dimension_label(ctx, series.dimension_id, k));
        text_coloured(score_colour(latest, *ctx.colours), printf_string(ctx.t("history.latest"), latest));
        ImGui::EndGroup();
        ImGui::SameLine(label_width);
        // One point draws no line: repeat it, so a first attempt shows as a level line.
        std::vector<float> values = series.scores;
        if (values.size() == 1) values.push_back(values.front());
        ImGui::PushID(static_cast<int>(k));
        ImGui::PushStyleColor(ImGuiCol_PlotLines, ctx.colours->accent);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ctx.colours->panel);
        ImGui::PlotLines("##scores", values.data(), static_cast<int>(values.size()), 0, nullptr, 0.0f, 100.0f,
                         ImVec2(plot_width, plot_height));
        ImGui::PopStyleColor(2);
        ImGui::PopID();
        log_drawn("plot:" + series.dimension_id + ":" + std::to_string(series.scores.size()));
    }
}

void HistoryView::draw_per_scenario(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue) {
    heading(ctx, ctx.t("history.per_scenario"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##per_scenario", 5, flags)) return;
    ImGui::TableSetupColumn(ctx.t("history.col_scenario"), ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableSetupColumn(ctx.t("history.col_attempts"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ctx.t("history.col_first"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ctx.t("history.col_best"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ctx.t("history.col_latest"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    header_row({ctx.t("history.col_scenario"), ctx.t("history.col_attempts"), ctx.t("history.col_first"),
                ctx.t("history.col_best"), ctx.t("history.col_latest")});
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(data.by_scenario.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const store::ScenarioProgress& p = data.by_scenario[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            cell(scenario_title(ctx, catalogue, p.scenario_id));
            cell(std::to_string(p.attempts));
            cell(score_text(p.first.overall));
            cell(score_text(p.best.overall));
            ImGui::TableNextColumn();
            text_coloured(score_colour(p.latest.overall, *ctx.colours), score_text(p.latest.overall));
        }
    }
    ImGui::EndTable();
}

Intent HistoryView::draw_attempts(const ViewContext& ctx, const HistoryData& data, const Catalogue& catalogue) {
    Intent result;
    heading(ctx, printf_string(ctx.t("history.attempts"), data.attempt_count));
    // The list is read a page at a time (100,000 rows would cost the opening of the screen); says so
    // above the list, with the button for the next page.
    if (data.has_older()) {
        text_coloured(ctx.colours->text_dim, printf_string(ctx.t("history.showing"), data.attempts.size(), data.attempt_count));
        ImGui::SameLine();
        if (button(ctx.t("history.older"))) result = intent::ShowOlderAttempts{};
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##attempts", 4, flags)) return result;
    ImGui::TableSetupColumn(ctx.t("history.col_date"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(ctx.t("history.col_scenario"), ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableSetupColumn(ctx.t("history.col_mode"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ctx.t("history.col_score"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    header_row({ctx.t("history.col_date"), ctx.t("history.col_scenario"), ctx.t("history.col_mode"),
                ctx.t("history.col_score")});
    // Thousands of attempts: only the rows in view are laid out.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(data.attempts.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const store::AttemptSummary& a = data.attempts[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            cell(date_time(a.ended_ms, ctx.language));
            cell(scenario_title(ctx, catalogue, a.scenario_id));
            cell(mode_name(ctx, a.mode));
            ImGui::TableNextColumn();
            text_coloured(score_colour(a.overall, *ctx.colours), score_text(a.overall));
        }
    }
    ImGui::EndTable();
    return result;
}

}  // namespace salesdojo::gui
