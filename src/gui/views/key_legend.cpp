#include "views/key_legend.hpp"

#include "views/draw_log.hpp"
#include "views/widgets.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <string>

namespace salesdojo::gui {

std::vector<KeyLegendRow> key_legend_rows(std::string_view screen) {
    std::vector<KeyLegendRow> rows;
    const auto controls = [&] {
        rows.push_back({"keys.tab", "keys.next_control"});
        rows.push_back({"keys.arrows", "keys.move_focus"});
        rows.push_back({"keys.enter_space", "keys.press"});
    };
    if (screen == "home") {
        controls();
        rows.push_back({"keys.page", "keys.scroll_cards"});
    } else if (screen == "play") {
        rows.push_back({"keys.space_enter", "keys.continue"});
        rows.push_back({"keys.digits", "keys.choose"});
        rows.push_back({"keys.backspace", "keys.undo"});
        rows.push_back({"keys.b", "keys.backlog"});
        rows.push_back({"keys.esc_backlog", "keys.close_backlog"});
        rows.push_back({"keys.h", "keys.hint_request"});
        rows.push_back({"keys.ctrl", "keys.stop_reading"});
        rows.push_back({"keys.f5", "keys.read_again"});
        rows.push_back({"keys.esc", "keys.leave_play"});
    } else if (screen == "debrief") {
        rows.push_back({"keys.tab", "keys.next_control"});  // the arrows scroll here
        rows.push_back({"keys.enter_space", "keys.press"});
        rows.push_back({"keys.scroll", "keys.scroll_panel"});
        rows.push_back({"keys.shift_scroll", "keys.scroll_scores"});
        rows.push_back({"keys.d", "keys.decisions"});
        rows.push_back({"keys.r", "keys.review"});
        rows.push_back({"keys.b", "keys.best_line"});
        rows.push_back({"keys.a", "keys.alternatives"});
        rows.push_back({"keys.s", "keys.save_markdown"});
        rows.push_back({"keys.w", "keys.save_html"});
        rows.push_back({"keys.p", "keys.play_again"});
        rows.push_back({"keys.esc", "keys.home"});
    } else if (screen == "history") {
        controls();
        rows.push_back({"keys.esc", "keys.home"});
    } else if (screen == "classroom") {
        rows.push_back({"keys.class_next", "keys.class_next_action"});
        rows.push_back({"keys.class_back", "keys.class_back_action"});
        rows.push_back({"keys.class_hands", "keys.class_hands_action"});
        rows.push_back({"keys.class_o", "keys.class_o_action"});
        rows.push_back({"keys.p", "keys.class_p_action"});
        rows.push_back({"keys.class_b", "keys.class_b_action"});
        rows.push_back({"keys.class_t", "keys.class_t_action"});
        rows.push_back({"keys.class_c", "keys.class_c_action"});
        rows.push_back({"keys.esc", "keys.class_esc_action"});
    } else if (screen == "diagnostics") {
        controls();
        rows.push_back({"keys.esc", "keys.home"});
    } else if (screen == "authoring") {
        controls();
        rows.push_back({"keys.esc", "keys.home"});
    } else if (screen == "settings") {
        controls();
        rows.push_back({"keys.esc", "keys.close_settings"});
    }
    if (screen != "settings") rows.push_back({"keys.f2", "keys.settings"});
    rows.push_back({"keys.f1", "keys.legend"});
    rows.push_back({"keys.ctrl_plus_minus", "keys.text_size"});
    rows.push_back({"keys.f11", "keys.fullscreen"});
    rows.push_back({"keys.ctrl_q", "keys.quit"});
    return rows;
}

LegendOpen draw_key_legend(const ViewContext& ctx, std::string_view screen) {
    LegendOpen open = LegendOpen::Yes;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.9f, ImGui::GetFontSize() * 34.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(width, viewport->WorkSize.y * 0.9f));
    if (!ImGui::IsPopupOpen("###keys")) ImGui::OpenPopup("###keys");
    const std::string title = std::string(ctx.t("keys.title")) + "###keys";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr,
                                ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove))
        return open;
    log_drawn("legend:" + std::string(screen));  // for the tests' draw log only
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("##k", ImGuiTableColumnFlags_WidthStretch, 0.4f);
        ImGui::TableSetupColumn("##a", ImGuiTableColumnFlags_WidthStretch, 0.6f);
        for (const KeyLegendRow& row : key_legend_rows(screen)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_in_font(ctx.bold(), ctx.t(row.keys), &ctx.colours->accent);
            ImGui::TableNextColumn();
            text_wrapped(ctx.t(row.action));
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (button(std::string(ctx.t("common.close")) + "  (F1, Esc)")) open = LegendOpen::No;
    if (ImGui::IsKeyPressed(sf::Keyboard::F1, false) || ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
        open = LegendOpen::No;
    if (open == LegendOpen::No) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return open;
}

}  // namespace salesdojo::gui
