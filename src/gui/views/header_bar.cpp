#include "views/header_bar.hpp"

#include "views/widgets.hpp"

#include <algorithm>

namespace salesdojo::gui {

Intent header_bar(const ViewContext& ctx, std::string_view title, HomeButton home, AuthorButton author) {
    Intent result;
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ctx.bold());
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours->accent);
    text("SalesDojo");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    const char* settings_label = ctx.t("common.settings");
    const char* home_label = ctx.t("common.home");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float width = button_width(settings_label);
    if (home == HomeButton::Shown) width += button_width(home_label) + spacing;
    const char* author_label = ctx.t("author.open_button");
    const char* class_label = ctx.t("class.home_button");
    if (author == AuthorButton::Shown) width += button_width(author_label) + button_width(class_label) + spacing * 2;
    if (!title.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::PushFont(ctx.bold());
        // The buttons keep their place at the right: a long title (large text) ends in "…".
        const float room = ImGui::GetContentRegionAvail().x - width - spacing * 2;
        text(fit_text(title, std::max(room, ImGui::GetFontSize() * 3)));
        ImGui::PopFont();
    }
    ImGui::SameLine();
    align_right(width);
    if (home == HomeButton::Shown) {
        if (button(home_label)) result = intent::GoHome{};
        ImGui::SameLine();
    }
    if (author == AuthorButton::Shown) {
        if (button(class_label)) result = intent::ShowClassroom{};  // classroom mode (docs/classroom.md)
        ImGui::SameLine();
        if (button(author_label)) result = intent::ShowAuthoring{};
        ImGui::SameLine();
    }
    if (button(settings_label)) result = intent::OpenSettings{};
    ImGui::Separator();
    return result;
}

}  // namespace salesdojo::gui
