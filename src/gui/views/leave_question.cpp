#include "views/leave_question.hpp"

#include "views/draw_log.hpp"
#include "views/widgets.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <string>

namespace salesdojo::gui {

Intent draw_leave_question(const ViewContext& ctx, RunKept kept) {
    Intent result;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.9f, ImGui::GetFontSize() * 28.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    if (!ImGui::IsPopupOpen("###leave")) ImGui::OpenPopup("###leave");
    const std::string title = std::string(ctx.t("play.back_home")) + "###leave";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr,
                                ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove))
        return result;
    text_wrapped(ctx.t(kept == RunKept::Yes ? "play.quit_confirm" : "play.quit_confirm_unsaved"));
    ImGui::Spacing();
    const std::string leave = std::string(ctx.t("play.quit_confirm_yes")) + "  (Enter)";
    const std::string stay = std::string(ctx.t("play.quit_confirm_no")) + "  (Esc)";
    ImGui::PushFont(ctx.bold());
    if (button(leave)) result = intent::LeaveRun{true};
    ImGui::PopFont();
    ImGui::SameLine();
    if (button(stay)) result = intent::LeaveRun{false};
    if (ImGui::IsKeyPressed(sf::Keyboard::Enter, false)) result = intent::LeaveRun{true};
    if (ImGui::IsKeyPressed(sf::Keyboard::Escape, false)) result = intent::LeaveRun{false};
    if (!is_none(result)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return result;
}

}  // namespace salesdojo::gui
