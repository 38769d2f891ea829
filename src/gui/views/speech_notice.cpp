#include "views/speech_notice.hpp"

#include "views/format.hpp"
#include "views/widgets.hpp"

#include <string>

namespace salesdojo::gui {

void draw_speech_notice(const ViewContext& ctx, const char* key, int exit_status) {
    const std::string message = std::string(key) == "speech.failed" ? printf_string(ctx.t(key), exit_status)
                                                                     : std::string(ctx.t(key));
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.9f, ImGui::GetFontSize() * 40.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y - ImGui::GetFontSize() * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.colours->panel);
    ImGui::PushStyleColor(ImGuiCol_Border, ctx.colours->warn);
    ImGui::Begin("##speech_notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    text_coloured(ctx.colours->warn, message);
    ImGui::End();
    ImGui::PopStyleColor(2);
}

}  // namespace salesdojo::gui
