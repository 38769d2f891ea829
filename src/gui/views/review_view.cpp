#include "views/review_view.hpp"

#include "views/format.hpp"
#include "views/play_lines.hpp"
#include "views/widgets.hpp"

#include <salesdojo/report/names.hpp>

namespace salesdojo::gui {
namespace {

void draw_node_lines(const ViewContext& ctx, const Scenario& s, const Node& node, const std::string& language) {
    std::vector<Line> lines;
    append_node_lines(s, node, language, lines);
    for (const auto& line : lines) {
        switch (line.kind) {
        case LineKind::Narration: text_coloured(ctx.colours->narration, line.text); break;
        case LineKind::Speech:
            text_in_font(ctx.bold(), line.who, &ctx.colours->speaker);
            text_wrapped(line.text);
            break;
        case LineKind::Ending: text_in_font(ctx.bold(), line.text, &ctx.colours->accent); break;
        case LineKind::Player: text_coloured(ctx.colours->player, line.text); break;
        }
    }
}

}  // namespace

const char* verdict_key(Verdict v) {
    switch (v) {
    case Verdict::Best: return "verdict.best";
    case Verdict::Good: return "verdict.good";
    case Verdict::Inaccuracy: return "verdict.inaccuracy";
    case Verdict::Mistake: return "verdict.mistake";
    case Verdict::Blunder: return "verdict.blunder";
    }
    return "verdict.good";
}

void draw_review(const ViewContext& ctx, const Run& run) {
    if (!run.debrief) return;
    const Scenario& s = *run.scenario;
    const Debrief& d = *run.debrief;
    text_in_font(ctx.bold(), ctx.t("debrief.review_heading"), &ctx.colours->accent);
    text_coloured(ctx.colours->text_dim, ctx.t("debrief.review_note"));
    const auto& transcript = run.session.transcript();
    for (std::size_t i = 0; i < transcript.size(); ++i) {
        const TranscriptEntry& entry = transcript[i];
        const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
        ImGui::PushID(static_cast<int>(i));
        draw_node_lines(ctx, s, node, run.language);
        if (entry.choice) {
            const DecisionReview* review = nullptr;
            for (const auto& r : d.decisions)
                if (r.transcript_index == i) review = &r;
            ImGui::Indent();
            text_in_font(ctx.bold(), ctx.t("play.you"), &ctx.colours->player);
            text_coloured(ctx.colours->player,
                          node.choices[static_cast<std::size_t>(*entry.choice)].text.get(run.language));
            if (review) {
                chip(ctx.t(verdict_key(review->verdict)), verdict_colour(review->verdict, *ctx.colours));
                if (review->better && *review->better != review->chosen) {
                    ImGui::SameLine();
                    ImGui::AlignTextToFramePadding();
                    text_coloured(ctx.colours->text_dim, ctx.t("debrief.better_was"));
                    text_coloured(ctx.colours->good,
                                  node.choices[static_cast<std::size_t>(*review->better)].text.get(run.language));
                }
            }
            for (int f : entry.assumed_facts)
                text_coloured(ctx.colours->warn, std::string(ctx.t("debrief.assumption")) + ": " +
                                                     report::fact_name(s, f, {ctx.language, run.language}));
            ImGui::Unindent();
        }
        ImGui::Separator();
        ImGui::PopID();
    }
}

void draw_best_line(const ViewContext& ctx, const Run& run) {
    if (!run.debrief) return;
    const Scenario& s = *run.scenario;
    text_in_font(ctx.bold(), ctx.t("debrief.best_line_heading"), &ctx.colours->accent);
    text_coloured(ctx.colours->text_dim, ctx.t("debrief.best_line_note"));
    int number = 0;
    for (const auto& step : run.debrief->best_line) {
        const Node& node = s.nodes[static_cast<std::size_t>(step.node)];
        if (step.choice) {
            ImGui::PushID(++number);
            if (!node.text.empty()) {
                const std::string who = node.speaker
                                            ? s.cast[static_cast<std::size_t>(*node.speaker)].name.get(run.language) + ": "
                                            : std::string();
                text_coloured(ctx.colours->text_dim, who + node.text.get(run.language));
            }
            ImGui::Indent();
            text_coloured(ctx.colours->good, std::to_string(number) + ". " +
                                                 node.choices[static_cast<std::size_t>(*step.choice)].text.get(run.language));
            ImGui::Unindent();
            ImGui::Spacing();
            ImGui::PopID();
        } else if (step.random_branch) {
            text_coloured(ctx.colours->narration, ctx.t("debrief.chance"));
        } else if (node.kind == NodeKind::Ending) {
            const report::Languages languages{ctx.language, run.language};
            text_in_font(ctx.bold(),
                         std::string(ctx.t("debrief.ending")) + ": " + report::ending_title(s, step.node, languages) +
                             " (" + report::outcome_name(s, node.ending.outcome, languages) + ")",
                         &ctx.colours->accent);
        }
    }
}

}  // namespace salesdojo::gui
