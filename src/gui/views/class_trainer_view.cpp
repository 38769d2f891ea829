#include "views/class_trainer_view.hpp"

#include "views/format.hpp"
#include "views/review_view.hpp"
#include "views/widgets.hpp"

#include <algorithm>
#include <string>

namespace salesdojo::gui {
namespace {

using namespace salesdojo::classroom;

const char* next_step_key(const AudienceView& room) {
    switch (room.phase) {
    case ClassPhase::Showing: return "class.next_open";
    case ClassPhase::Voting: return "class.next_reveal";
    case ClassPhase::Revealed: return "class.next_confirm";
    case ClassPhase::Consequence: return room.feedback_choice ? "class.next_decision" : "class.next_feedback";
    case ClassPhase::Finished: return "class.next_report";
    }
    return "class.next_open";
}

bool shown(const AudienceView& room, std::size_t prompt) {
    return std::find(room.prompts.begin(), room.prompts.end(), prompt) != room.prompts.end();
}

}  // namespace

ClassIntent draw_class_trainer_view(const ViewContext& ctx, const TrainerView& view, const TrainerPanelInfo& info) {
    ClassIntent result;
    const AudienceView& room = view.audience;
    const Palette& c = *ctx.colours;
    const std::string& lang = info.language;
    text_in_font(ctx.bold(), ctx.t("class.trainer_heading"), &c.accent);
    if (!info.own_window) text_coloured(c.text_dim, ctx.t("class.trainer_private"));
    if (info.blank) text_coloured(c.warn, ctx.t("class.trainer_blank"));
    ImGui::Separator();
    text_in_font(ctx.bold(), ctx.t(next_step_key(room)), &c.text);
    if (button(std::string(ctx.t("class.next_button")) + "##trainer_next")) result = class_intent::Advance{};
    if (!info.note.empty()) text_coloured(c.warn, ctx.t(info.note));
    if (!info.scenario) return result;
    const Scenario& s = *info.scenario;

    if (room.phase != ClassPhase::Finished) {
        const Node& node = s.nodes[static_cast<std::size_t>(room.node)];
        ImGui::Separator();
        text_coloured(c.text_dim, printf_string(ctx.t("class.decision"), room.decision + 1));
        // The live tally: the trainer sees it while the vote is open, the room only after reveal.
        for (std::size_t i = 0; i < room.options.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const Choice& choice = node.choices[static_cast<std::size_t>(room.options[i])];
            const bool chosen = room.chosen == i;
            text_in_font(ctx.bold(), std::to_string(i + 1) + ". " + choice.text.get(lang), chosen ? &c.good : &c.text);
            std::string counts = printf_string(ctx.t("class.trainer_counts"), view.live_tally.hands.at(i),
                                               view.live_tally.phones.at(i), view.live_tally.votes(i));
            if (info.hands_option == i)
                counts += "   " + printf_string(ctx.t("class.trainer_typing"), (info.hands_digits + "_").c_str());
            text_coloured(info.hands_option == i ? c.accent : c.text_dim, counts);
            if (view.best == i) {
                chip(ctx.t("class.trainer_best"), c.good);
                ImGui::SameLine();
            }
            if (i < view.verdicts.size() && view.verdicts[i]) {
                chip(ctx.t(verdict_key(*view.verdicts[i])), verdict_colour(*view.verdicts[i], c));
                ImGui::SameLine();
            }
            if (view.majority == i && room.phase != ClassPhase::Showing) {
                chip(ctx.t("class.trainer_majority"), c.accent);
                ImGui::SameLine();
            }
            ImGui::NewLine();
            if (room.phase == ClassPhase::Revealed) {
                const std::string label = printf_string(ctx.t("class.trainer_confirm"), i + 1);
                if (button(label)) result = class_intent::Confirm{i};
            }
            ImGui::PopID();
        }
        if (room.phase == ClassPhase::Voting || room.phase == ClassPhase::Revealed) {
            if (view.majority) {
                text_coloured(c.text, printf_string(ctx.t("class.trainer_majority_is"), *view.majority + 1));
            } else {
                text_coloured(c.warn, ctx.t("class.trainer_tie"));
            }
        }
        if (room.phase == ClassPhase::Voting) text_coloured(c.text_dim, ctx.t("class.trainer_hands_help"));
        if (info.override_armed) text_coloured(c.warn, ctx.t("class.trainer_override_armed"));
        else if (room.phase == ClassPhase::Revealed) text_coloured(c.text_dim, ctx.t("class.trainer_override_help"));

        if (!node.trainer_notes.empty() && !node.trainer_notes.get(lang).empty()) {
            ImGui::Separator();
            text_in_font(ctx.bold(), ctx.t("class.trainer_notes"), &c.accent);
            text_wrapped(node.trainer_notes.get(lang));
        }
        if (!node.discussion.empty()) {
            ImGui::Separator();
            text_in_font(ctx.bold(), ctx.t("class.trainer_prompts"), &c.accent);
            for (std::size_t p = 0; p < node.discussion.size(); ++p) {
                ImGui::PushID(static_cast<int>(p) + 1000);
                const bool on = shown(room, p);
                text_coloured(on ? c.text_dim : c.text, std::to_string(p + 1) + ". " + node.discussion[p].get(lang));
                if (on) {
                    text_coloured(c.text_dim, ctx.t("class.trainer_prompt_shown"));
                } else if (button(ctx.t("class.trainer_show_prompt"))) {
                    result = class_intent::ShowPrompt{p};
                }
                ImGui::PopID();
            }
        }
    }
    if (!info.join_url.empty()) {
        ImGui::Separator();
        text_coloured(c.text_dim, printf_string(ctx.t("class.trainer_phones"), info.join_url.c_str(), info.devices));
    }
    return result;
}

}  // namespace salesdojo::gui
