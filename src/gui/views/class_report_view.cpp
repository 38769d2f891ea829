#include "views/class_report_view.hpp"

#include "views/draw_log.hpp"
#include "views/format.hpp"
#include "views/review_view.hpp"
#include "views/widgets.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <string>

namespace salesdojo::gui {

ClassIntent draw_class_report(const ViewContext& ctx, const ClassReportInfo& info) {
    ClassIntent result;
    const Palette& c = *ctx.colours;
    text_in_font(ctx.title(), ctx.t("class.report_heading"), &c.accent);
    if (button(ctx.t("class.export_html"))) result = class_intent::Export{ClassExport::Html};
    ImGui::SameLine();
    if (button(ctx.t("class.export_csv"))) result = class_intent::Export{ClassExport::Csv};
    ImGui::SameLine();
    if (button(ctx.t("common.home"))) result = class_intent::Leave{};
    if (!info.saved_path.empty()) text_coloured(c.good, printf_string(ctx.t("class.saved"), info.saved_path.c_str()));
    if (!info.save_error.empty()) text_coloured(c.bad, printf_string(ctx.t("class.save_failed"), info.save_error.c_str()));
    if (!info.stored.empty()) text_coloured(c.text_dim, printf_string(ctx.t(info.stored), info.stored_detail.c_str()));
    ImGui::Separator();
    if (ImGui::BeginChild("##class_report", ImVec2(0, 0), false)) {
        if (!info.report) {
            text_coloured(c.bad, printf_string(ctx.t("class.no_report"), info.problem.c_str()));
        } else {
            const report::ClassroomReport& r = *info.report;
            text_in_font(ctx.bold(), r.title, &c.text);
            if (r.finished) {
                text_wrapped(printf_string(ctx.t("class.report_ending"), r.ending.c_str(), r.outcome.c_str()));
            } else {
                text_coloured(c.warn, ctx.t("class.report_unfinished"));
            }
            std::string scores = printf_string(ctx.t("class.report_scores"), r.overall, r.accuracy);
            if (r.passed) scores += "  " + std::string(ctx.t(*r.passed ? "class.report_passed" : "class.report_failed"));
            const ImVec4 score = score_colour(r.overall, c);
            text_in_font(ctx.bold(), scores, &score);
            for (const auto& [name, value] : r.dimensions) text_wrapped(printf_string("%s: %.0f", name.c_str(), value));
            for (const report::ClassroomDecision& d : r.decisions) {
                ImGui::Separator();
                text_in_font(ctx.bold(), printf_string(ctx.t("class.decision"), d.number), &c.accent);
                text_wrapped(d.speaker.empty() ? d.line : d.speaker + ":  " + d.line);
                for (std::size_t i = 0; i < d.options.size(); ++i) {
                    const report::ClassroomOption& o = d.options[i];
                    std::string line = std::to_string(i + 1) + ". " + o.text + "   " +
                                       printf_string(ctx.t("class.option_votes"), o.hands + o.phones, o.hands, o.phones);
                    if (o.best) line += "   [" + std::string(ctx.t("class.trainer_best")) + "]";
                    if (o.chosen) line += "   [" + std::string(ctx.t("class.report_chosen")) + "]";
                    text_coloured(o.chosen ? c.good : c.text, line);
                }
                text_wrapped(printf_string(ctx.t("class.report_best_votes"), d.votes_for_best, d.votes));
                if (d.tie) text_coloured(c.text_dim, ctx.t("class.report_tie"));
                if (d.overridden) text_coloured(c.warn, ctx.t("class.report_overridden"));
                if (d.group_verdict)
                    text_coloured(verdict_colour(*d.group_verdict, c),
                                  std::string(ctx.t("class.report_verdict")) + " " + ctx.t(verdict_key(*d.group_verdict)));
                for (const std::string& prompt : d.prompts)
                    text_coloured(c.text_dim, std::string(ctx.t("class.prompt")) + "  " + prompt);
            }
        }
    }
    ImGui::EndChild();
    return result;
}

ClassIntent draw_class_end_question(const ViewContext& ctx) {
    ClassIntent result;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x * 0.9f, ImGui::GetFontSize() * 30.0f), 0), ImGuiCond_Always);
    if (!ImGui::IsPopupOpen("###class_end")) ImGui::OpenPopup("###class_end");
    const std::string title = std::string(ctx.t("class.end_title")) + "###class_end";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove))
        return result;
    text_wrapped(ctx.t("class.end_question"));
    if (button(std::string(ctx.t("class.end_yes")) + "##end_yes")) result = class_intent::End{true};
    ImGui::SameLine();
    if (button(std::string(ctx.t("class.end_no")) + "##end_no")) result = class_intent::End{false};
    const auto key = [](sf::Keyboard::Key k) { return ImGui::IsKeyPressed(static_cast<int>(k), false); };
    if (key(sf::Keyboard::Y) || key(sf::Keyboard::J) || key(sf::Keyboard::Enter)) result = class_intent::End{true};
    if (key(sf::Keyboard::N) || key(sf::Keyboard::Escape)) result = class_intent::End{false};
    if (!is_none(result)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return result;
}

}  // namespace salesdojo::gui
