#include "views/class_setup_view.hpp"

#include "views/widgets.hpp"

#include <algorithm>

namespace salesdojo::gui {

ClassIntent ClassSetupView::Draw(const ViewContext& ctx, const Catalogue& catalogue, const std::string& problem,
                                 const std::string& detail) {
    ClassIntent result;
    const Palette& c = *ctx.colours;
    text_in_font(ctx.title(), ctx.t("class.setup_heading"), &c.accent);
    if (m_entry && (*m_entry >= catalogue.entries.size() || !catalogue.entries[*m_entry].ok())) m_entry.reset();
    if (!m_entry)
        for (std::size_t i = 0; i < catalogue.entries.size(); ++i)
            if (catalogue.entries[i].ok()) {
                m_entry = i;
                break;
            }

    if (!m_entry) {
        text_wrapped(ctx.t("home.no_scenarios"));
        if (button(ctx.t("common.home"))) result = class_intent::Leave{};
        return result;
    }
    // The options and the button first, the list of scenarios below them in the room left: at any
    // text size the button stays in view.
    const CardInfo& card = *catalogue.entries[*m_entry].card;
    if (m_language.empty() || std::find(card.languages.begin(), card.languages.end(), m_language) == card.languages.end())
        m_language = std::find(card.languages.begin(), card.languages.end(), ctx.language) != card.languages.end()
                         ? ctx.language
                         : card.languages.front();
    text_in_font(ctx.bold(), card.title.get(m_language), &c.text);
    ImGui::AlignTextToFramePadding();
    text(ctx.t("class.setup_language"));
    for (const std::string& language : card.languages) {
        const std::string label = ctx.t_or("class.language_" + language, language);
        same_line_if_fits(button_width(label) + ImGui::GetFrameHeight());
        if (radio(label, m_language == language)) m_language = language;
    }
    checkbox(ctx.t("class.setup_phones"), &m_phones);
    text_coloured(c.text_dim, ctx.t("class.setup_phones_help"));
    checkbox(ctx.t("class.setup_names"), &m_names);
    text_coloured(c.text_dim, ctx.t("class.setup_names_help"));
    if (!problem.empty()) {
        text_coloured(c.bad, ctx.t(problem));
        if (!detail.empty()) text_coloured(c.text_dim, detail);
    }
    ImGui::PushFont(ctx.bold());
    if (button(ctx.t("class.setup_start"))) result = class_intent::Start{*m_entry, m_language, m_phones, m_names};
    ImGui::PopFont();
    same_line_if_fits(button_width(ctx.t("common.home")));
    if (button(ctx.t("common.home"))) result = class_intent::Leave{};
    ImGui::Spacing();
    text_coloured(c.text_dim, ctx.t("class.setup_intro"));
    text_in_font(ctx.bold(), ctx.t("class.setup_scenario"), &c.text);
    const float list_height = std::max(ImGui::GetFrameHeightWithSpacing() * 4.0f, ImGui::GetContentRegionAvail().y);
    if (ImGui::BeginChild("##class_scenarios", ImVec2(0, list_height), true)) {
        for (std::size_t i = 0; i < catalogue.entries.size(); ++i) {
            const CatalogueEntry& entry = catalogue.entries[i];
            if (!entry.ok()) continue;
            ImGui::PushID(static_cast<int>(i));
            const std::string lang = std::find(entry.card->languages.begin(), entry.card->languages.end(), ctx.language) !=
                                             entry.card->languages.end()
                                         ? ctx.language
                                         : entry.card->languages.front();
            if (radio(entry.card->title.get(lang) + "##entry", m_entry == i)) {
                m_entry = i;
                m_language.clear();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    return result;
}

}  // namespace salesdojo::gui
