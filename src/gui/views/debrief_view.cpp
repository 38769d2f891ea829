#include "views/debrief_view.hpp"

#include "views/bar_chart.hpp"
#include "views/draw_log.hpp"
#include "views/format.hpp"
#include "views/header_bar.hpp"
#include "views/hints_used.hpp"
#include "views/review_view.hpp"
#include "views/widgets.hpp"

#include <salesdojo/report/debrief.hpp>

#include <algorithm>

namespace salesdojo::gui {

Intent DebriefView::Draw(const ViewContext& ctx, const Run& run) {
    Intent result = header_bar(ctx, std::string(ctx.t("debrief.title")) + ": " + run.scenario->title.get(run.language),
                               HomeButton::Shown);
    if (!run.debrief) return result;
    const ImGuiStyle& style = ImGui::GetStyle();
    int rows = 1;
    draw_buttons(ctx, true, &rows);
    const bool message = !run.saved_path.empty() || !run.save_error.empty();
    const float footer = rows * ImGui::GetFrameHeightWithSpacing() +
                         (message ? ImGui::GetTextLineHeightWithSpacing() * 2.2f : 0.0f) + style.ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float body = std::max(ImGui::GetFrameHeight() * 3, avail.y - footer);
    const float left = std::clamp(avail.x * 0.4f, ImGui::GetFontSize() * 14, ImGui::GetFontSize() * 30);

    ImGui::BeginChild("##scores", ImVec2(left, body), true);
    draw_scores(ctx, run, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##details", ImVec2(0, body), true);
    switch (m_panel) {
    case Panel::Costliest: draw_costliest(ctx, run); break;
    case Panel::Review: draw_review(ctx, run); break;
    case Panel::BestLine: draw_best_line(ctx, run); break;
    }
    ImGui::EndChild();

    merge(result, draw_buttons(ctx, false, nullptr));
    if (!run.saved_path.empty()) {
        text_coloured(ctx.colours->good, printf_string(ctx.t("debrief.saved_to"), run.saved_path.c_str()));
    } else if (!run.save_error.empty()) {
        text_coloured(ctx.colours->bad, printf_string(ctx.t("debrief.save_failed"), run.save_error.c_str()));
    }
    return result;
}

void DebriefView::draw_scores(const ViewContext& ctx, const Run& run, float width) {
    const Debrief& d = *run.debrief;
    const Scenario& s = *run.scenario;
    const Palette& colours = *ctx.colours;
    text_coloured(colours.text_dim, ctx.t("debrief.overall"));
    const ImVec4 colour = score_colour(d.overall_score, colours);
    ImGui::PushFont(ctx.title());
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(whole_number(d.overall_score) + " / 100");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    const report::Languages languages{ctx.language, run.language};
    const report::DebriefPage page = report::debrief_page(d, s, languages);
    if (!page.summary.chance.empty()) text_coloured(colours.text_dim, page.summary.chance);
    text(report::accuracy_text(d.accuracy, ctx.language));
    if (const std::string hints = hints_used_text(ctx, run); !hints.empty()) text_coloured(colours.warn, hints);
    if (d.passed) {
        text_coloured(*d.passed ? colours.good : colours.bad,
                      std::string(ctx.t(*d.passed ? "debrief.passed" : "debrief.not_passed")) + "  (" +
                          report::pass_mark_text(page.summary.pass_mark, ctx.language) + ")");
    }
    ImGui::Spacing();
    if (page.summary.finished) {
        const Node& end = s.nodes[static_cast<std::size_t>(*d.ending_node)];  // set: summary.finished
        text_coloured(colours.text_dim, ctx.t("debrief.ending"));
        text_in_font(ctx.bold(), page.summary.ending_title);
        chip(page.summary.outcome, colours.accent);
        // For the tests' draw log only: the id is never drawn.
        log_drawn("outcome:" + s.outcomes[static_cast<std::size_t>(end.ending.outcome)].id);
    } else {
        text_coloured(colours.warn, ctx.t("debrief.not_finished"));
    }
    ImGui::Spacing();
    ImGui::Separator();
    text_in_font(ctx.bold(), ctx.t("debrief.dimensions"));
    std::vector<Bar> bars;
    for (const auto& dim : page.dimensions) bars.push_back({dim.name, dim.score, dim.sentence});
    bar_chart("dimensions", bars, width, colours);
    // What each score means, in words (also shown when pointing at a bar).
    ImGui::Spacing();
    for (const auto& bar : bars) {
        if (bar.explanation.empty()) continue;
        text_in_font(ctx.bold(), bar.label);
        text_coloured(colours.text_dim, bar.explanation);
    }
}

void DebriefView::draw_costliest(const ViewContext& ctx, const Run& run) {
    const Debrief& d = *run.debrief;
    const Scenario& s = *run.scenario;
    const Palette& colours = *ctx.colours;
    text_in_font(ctx.bold(), ctx.t("debrief.costliest"), &colours.accent);
    if (d.costliest.empty()) {
        text_wrapped(ctx.t("debrief.no_costly"));
        return;
    }
    text_coloured(colours.text_dim, ctx.t("debrief.loss_note"));
    int rank = 0;
    for (std::size_t index : d.costliest) {
        const DecisionReview& review = d.decisions[index];
        const Node& node = s.nodes[static_cast<std::size_t>(review.node)];
        const Choice& chosen = node.choices[static_cast<std::size_t>(review.chosen)];
        ImGui::PushID(++rank);
        ImGui::Spacing();
        ImGui::AlignTextToFramePadding();
        text_in_font(ctx.bold(), std::to_string(rank) + ".");
        ImGui::SameLine();
        chip(ctx.t(verdict_key(review.verdict)), verdict_colour(review.verdict, colours));
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text_coloured(colours.text_dim, report::loss_text(review.loss_points, ctx.language));
        if (!node.text.empty()) {
            const std::string who = node.speaker
                                        ? s.cast[static_cast<std::size_t>(*node.speaker)].name.get(run.language) + ": "
                                        : std::string();
            text_coloured(colours.narration, who + "“" + node.text.get(run.language) + "”");
        }
        ImGui::Indent();
        text_in_font(ctx.bold(), ctx.t("debrief.you_chose"), &colours.player);
        text_wrapped(chosen.text.get(run.language));
        if (review.better && *review.better != review.chosen) {
            text_in_font(ctx.bold(), ctx.t("debrief.better_was"), &colours.good);
            text_wrapped(node.choices[static_cast<std::size_t>(*review.better)].text.get(run.language));
        }
        const Choice* source = &chosen;
        if (chosen.principles.empty() && review.better)
            source = &node.choices[static_cast<std::size_t>(*review.better)];
        for (int p : source->principles) {
            const Principle& principle = s.principles[static_cast<std::size_t>(p)];
            text_in_font(ctx.bold(), std::string(ctx.t("debrief.principle")) + ": " + principle.title.get(run.language),
                         &colours.accent);
            if (!principle.explanation.empty()) text_wrapped(principle.explanation.get(run.language));
        }
        ImGui::Unindent();
        ImGui::Separator();
        ImGui::PopID();
    }
}

Intent DebriefView::draw_buttons(const ViewContext& ctx, bool measure_only, int* rows) {
    Intent result;
    struct Item {
        std::string label;
        int action;
    };
    const bool review = m_panel == Panel::Review, best = m_panel == Panel::BestLine;
    const Item items[] = {
        {ctx.t("debrief.replay"), 0},
        {ctx.t(best ? "debrief.hide_best_line" : "debrief.show_best_line"), 1},
        {ctx.t(review ? "debrief.hide_review" : "debrief.review"), 2},
        {ctx.t("debrief.save_markdown"), 3},
        {ctx.t("debrief.save_html"), 4},
    };
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    float x = 0.0f;
    int row_count = 1;
    for (const auto& item : items) {
        const float w = button_width(item.label);
        if (x > 0.0f && x + spacing + w > available) {
            ++row_count;
            x = 0.0f;
        } else if (x > 0.0f) {
            x += spacing;
            if (!measure_only) ImGui::SameLine();
        }
        x += w;
        if (measure_only) continue;
        if (button(item.label)) {
            switch (item.action) {
            case 0: result = intent::Replay{}; break;
            case 1: m_panel = best ? Panel::Costliest : Panel::BestLine; break;
            case 2: m_panel = review ? Panel::Costliest : Panel::Review; break;
            case 3: result = intent::SaveDebrief{DebriefFormat::Markdown}; break;
            case 4: result = intent::SaveDebrief{DebriefFormat::Html}; break;
            }
        }
    }
    if (rows) *rows = row_count;
    return result;
}

}  // namespace salesdojo::gui
