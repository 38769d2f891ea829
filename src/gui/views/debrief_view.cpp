#include "views/debrief_view.hpp"

#include "views/bar_chart.hpp"
#include "views/draw_log.hpp"
#include "views/format.hpp"
#include "views/header_bar.hpp"
#include "views/hints_used.hpp"
#include "views/review_view.hpp"
#include "views/scroll_keys.hpp"
#include "views/widgets.hpp"

#include <salesdojo/report/catalogue.hpp>

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>

namespace salesdojo::gui {
namespace {

// Pointing at the item just drawn shows what it means (the legend under the scores says it too).
void explained_by(const char* explanation) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(explanation);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

const AlternativeReview* alternative(const DecisionReview& review, int choice) {
    for (const auto& alt : review.alternatives)
        if (alt.choice == choice) return &alt;
    return nullptr;
}

}  // namespace

const report::DebriefPage& DebriefView::page(const ViewContext& ctx, const Run& run) {
    const std::string key = std::to_string(run.serial) + "/" + ctx.language + "/" + run.language + "/" +
                            std::to_string(reinterpret_cast<std::uintptr_t>(&*run.debrief));
    if (!m_page || key != m_page_key) {
        m_page = report::debrief_page(*run.debrief, *run.scenario, report::Languages{ctx.language, run.language});
        m_page_key = key;
    }
    return *m_page;
}

Intent DebriefView::Draw(const ViewContext& ctx, const Run& run) {
    Intent result = header_bar(ctx, std::string(ctx.t("debrief.title")) + ": " + run.scenario->title.get(run.language),
                               HomeButton::Shown);
    if (!run.debrief) return result;
    const ImGuiStyle& style = ImGui::GetStyle();
    int rows = 1;
    m_key_hints = true;
    draw_buttons(ctx, true, &rows);
    if (rows > 2) {  // large text in a small window: the keys stay in the legend (F1), not on the buttons
        m_key_hints = false;
        draw_buttons(ctx, true, &rows);
    }
    const bool message = !run.saved_path.empty() || !run.save_error.empty();
    const float footer = rows * ImGui::GetFrameHeightWithSpacing() +
                         (message ? ImGui::GetTextLineHeightWithSpacing() * 2.2f : 0.0f) + style.ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float body = std::max(ImGui::GetFrameHeight() * 3, avail.y - footer);
    const float left = std::clamp(avail.x * 0.4f, ImGui::GetFontSize() * 14, ImGui::GetFontSize() * 30);

    merge(result, keys());
    ImGui::BeginChild("##scores", ImVec2(left, body), true);
    scroll_with_keys(ScrollModifier::Shift);
    draw_scores(ctx, run, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::SameLine();
    // One child per panel: each keeps its own scroll position, and a panel shown again is laid out
    // with its own content size (a shared child drew blank until the next input after a switch).
    const char* panel_id = m_panel == Panel::Review ? "##review" : m_panel == Panel::BestLine ? "##best" : "##decisions";
    ImGui::BeginChild(panel_id, ImVec2(0, body), true);
    scroll_with_keys(ScrollModifier::None);
    switch (m_panel) {
    case Panel::Decisions: draw_decisions(ctx, run); break;
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
    const report::DebriefPage& words = page(ctx, run);
    text_coloured(colours.text_dim, ctx.t("debrief.overall"));
    const ImVec4 colour = score_colour(d.overall_score, colours);
    ImGui::PushFont(ctx.title());
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(whole_number(d.overall_score) + " / 100");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    explained_by(ctx.t("debrief.explain_overall"));
    if (!words.summary.chance.empty()) text_coloured(colours.text_dim, words.summary.chance);
    text(report::accuracy_text(d.accuracy, ctx.language));
    explained_by(ctx.t("debrief.explain_accuracy"));
    if (const std::string hints = hints_used_text(ctx, run); !hints.empty()) text_coloured(colours.warn, hints);
    if (d.passed) {
        text_coloured(*d.passed ? colours.good : colours.bad,
                      std::string(ctx.t(*d.passed ? "debrief.passed" : "debrief.not_passed")) + "  (" +
                          report::pass_mark_text(words.summary.pass_mark, ctx.language) + ")");
        explained_by(ctx.t("debrief.explain_pass_mark"));
    }
    ImGui::Spacing();
    if (words.summary.finished) {
        const Node& end = s.nodes[static_cast<std::size_t>(*d.ending_node)];  // set: summary.finished
        text_coloured(colours.text_dim, ctx.t("debrief.ending"));
        text_in_font(ctx.bold(), words.summary.ending_title);
        chip(words.summary.outcome, colours.accent);
        // For the tests' draw log only: the id is never drawn.
        log_drawn("outcome:" + s.outcomes[static_cast<std::size_t>(end.ending.outcome)].id);
    } else {
        text_coloured(colours.warn, ctx.t("debrief.not_finished"));
    }
    ImGui::Spacing();
    ImGui::Separator();
    text_in_font(ctx.bold(), ctx.t("debrief.dimensions"));
    std::vector<Bar> bars;
    for (const auto& dim : words.dimensions) bars.push_back({dim.name, dim.score, dim.sentence});
    bar_chart("dimensions", bars, width, colours);
    // What each score means, in words (also shown when pointing at a bar).
    ImGui::Spacing();
    for (const auto& bar : bars) {
        if (bar.explanation.empty()) continue;
        text_in_font(ctx.bold(), bar.label);
        text_coloured(colours.text_dim, bar.explanation);
    }
    draw_figure_legend(ctx);
}

void DebriefView::draw_figure_legend(const ViewContext& ctx) {
    ImGui::Spacing();
    ImGui::Separator();
    text_in_font(ctx.bold(), ctx.t("debrief.figures"));
    for (const char* key : {"debrief.explain_overall", "debrief.explain_accuracy", "debrief.explain_dimensions",
                            "debrief.explain_cost", "debrief.explain_what_if", "debrief.explain_verdicts"})
        text_coloured(ctx.colours->text_dim, ctx.t(key));
}

void DebriefView::draw_decisions(const ViewContext& ctx, const Run& run) {
    const Debrief& d = *run.debrief;
    const Palette& colours = *ctx.colours;
    const report::DebriefPage& words = page(ctx, run);
    text_in_font(ctx.bold(), ctx.t("debrief.costliest"), &colours.accent);
    if (d.costliest.empty()) {
        text_wrapped(ctx.t("debrief.no_costly"));
    } else {
        for (std::size_t index : d.costliest) {
            text_wrapped(report::phrase("debrief.decision_number", ctx.language, {std::to_string(index + 1)}) +
                         "  ·  " + report::loss_text(d.decisions[index].loss_points, ctx.language));
            explained_by(ctx.t("debrief.explain_cost"));
        }
        text_coloured(colours.text_dim, ctx.t("debrief.loss_note"));
    }
    ImGui::Spacing();
    ImGui::Separator();
    text_in_font(ctx.bold(), ctx.t("debrief.decisions"), &colours.accent);
    for (std::size_t i = 0; i < d.decisions.size() && i < words.decisions.size(); ++i) {
        const DecisionReview& review = d.decisions[i];
        const report::DecisionLine& line = words.decisions[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Spacing();
        ImGui::AlignTextToFramePadding();
        text_in_font(ctx.bold(), report::phrase("debrief.decision_number", ctx.language, {std::to_string(i + 1)}));
        ImGui::SameLine();
        chip(ctx.t(verdict_key(review.verdict)), verdict_colour(review.verdict, colours));
        explained_by(ctx.t("debrief.explain_verdicts"));
        if (review.loss_points > 0.05) {
            // Beside the verdict when it fits on the line, else under it (never wrapped into a sliver).
            const std::string cost = report::loss_text(review.loss_points, ctx.language);
            if (same_line_if_fits(ImGui::CalcTextSize(cost.c_str()).x)) ImGui::AlignTextToFramePadding();
            text_coloured(colours.text_dim, cost);
            explained_by(ctx.t("debrief.explain_cost"));
        }
        if (!line.line.empty())
            text_coloured(colours.narration, (line.speaker.empty() ? "" : line.speaker + ": ") + "“" + line.line + "”");
        ImGui::Indent();
        text_in_font(ctx.bold(), ctx.t("debrief.you_chose"), &colours.player);
        text_wrapped(line.chosen);
        if (!line.feedback.empty()) {
            text_in_font(ctx.bold(), ctx.t("debrief.feedback"), &colours.accent);
            text_wrapped(line.feedback);
        }
        for (const auto& principle : line.principles) {
            text_in_font(ctx.bold(), std::string(ctx.t("debrief.principle")) + ": " + principle.title, &colours.accent);
            if (!principle.explanation.empty()) text_wrapped(principle.explanation);
        }
        for (const auto& fact : line.assumptions)
            text_coloured(colours.warn, std::string(ctx.t("debrief.assumption")) + ": " + fact);
        if (!line.better.empty() && review.better) {
            text_in_font(ctx.bold(), ctx.t("debrief.better_was"), &colours.good);
            text_wrapped(line.better);
            const AlternativeReview* better = alternative(review, *review.better);
            const AlternativeReview* chosen = alternative(review, review.chosen);
            if (better && chosen) {
                text_coloured(colours.good, printf_string(ctx.t("debrief.with_better"),
                                                          report::score_text(better->what_if, ctx.language).c_str(),
                                                          report::score_text(chosen->what_if, ctx.language).c_str()));
                explained_by(ctx.t("debrief.explain_what_if"));
            }
        }
        if (m_all_scores && !line.alternatives.empty()) {
            text_in_font(ctx.bold(), ctx.t("debrief.what_if"), &colours.text_dim);
            explained_by(ctx.t("debrief.explain_what_if"));
            for (const auto& alt : line.alternatives) {
                std::string row = report::score_text(alt.what_if, ctx.language) + "   " + alt.text;
                if (alt.chosen) row += "  (" + std::string(report::word("debrief.your_choice", ctx.language)) + ")";
                text_coloured(alt.chosen ? colours.player : colours.text, row);
            }
        }
        ImGui::Unindent();
        ImGui::Separator();
        ImGui::PopID();
    }
}

Intent DebriefView::keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
        return {};
    const auto pressed = [](sf::Keyboard::Key key) { return ImGui::IsKeyPressed(static_cast<int>(key), false); };
    const auto toggle = [this](Panel panel) { m_panel = m_panel == panel ? Panel::Decisions : panel; };
    if (pressed(sf::Keyboard::D)) m_panel = Panel::Decisions;
    if (pressed(sf::Keyboard::R)) toggle(Panel::Review);
    if (pressed(sf::Keyboard::B)) toggle(Panel::BestLine);
    if (pressed(sf::Keyboard::A)) {
        m_all_scores = !m_all_scores;
        m_panel = Panel::Decisions;
    }
    if (pressed(sf::Keyboard::S)) return intent::SaveDebrief{DebriefFormat::Markdown};
    if (pressed(sf::Keyboard::W)) return intent::SaveDebrief{DebriefFormat::Html};
    if (pressed(sf::Keyboard::P)) return intent::Replay{};
    if (pressed(sf::Keyboard::Escape)) return intent::GoHome{};
    return {};
}

Intent DebriefView::draw_buttons(const ViewContext& ctx, bool measure_only, int* rows) {
    Intent result;
    struct Item {
        std::string label;
        int action;
    };
    const bool review = m_panel == Panel::Review, best = m_panel == Panel::BestLine;
    // Each button names its key (key_legend.cpp); "##" keeps the id when the label flips.
    const auto with_key = [this](const char* label, const char* key, const char* id) {
        return std::string(label) + (m_key_hints ? std::string("  (") + key + ")" : std::string()) + "##" + id;
    };
    const Item items[] = {
        {with_key(ctx.t("debrief.replay"), "P", "replay"), 0},
        {with_key(ctx.t(best ? "debrief.hide_best_line" : "debrief.show_best_line"), "B", "best"), 1},
        {with_key(ctx.t(review ? "debrief.hide_review" : "debrief.review"), "R", "review"), 2},
        {with_key(ctx.t(m_all_scores ? "debrief.hide_all_scores" : "debrief.show_all_scores"), "A", "scores"), 5},
        {with_key(ctx.t("debrief.save_markdown"), "S", "md"), 3},
        {with_key(ctx.t("debrief.save_html"), "W", "html"), 4},
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
            case 1: m_panel = best ? Panel::Decisions : Panel::BestLine; break;
            case 2: m_panel = review ? Panel::Decisions : Panel::Review; break;
            case 3: result = intent::SaveDebrief{DebriefFormat::Markdown}; break;
            case 4: result = intent::SaveDebrief{DebriefFormat::Html}; break;
            case 5:
                m_all_scores = !m_all_scores;
                m_panel = Panel::Decisions;
                break;
            }
        }
    }
    if (rows) *rows = row_count;
    return result;
}

}  // namespace salesdojo::gui
