#pragma once
// The trainer's material of a class run (docs/classroom.md, "In the window"): the next step and its
// key, the live tally per option before anyone else sees it, the majority or a tie, the best
// option and every option's verdict, the trainer notes, the discussion prompts (which are shown),
// the hand count being typed, and the phones' join address. Never on the projector unless the
// trainer chooses: App draws it in a private panel over the projector after T, or in the trainer's
// own window (App::trainer_window_active()). It draws into the current ImGui window, whichever
// that is, and returns what its buttons ask for.
#include "views/class_intent.hpp"
#include "views/view_context.hpp"

#include <salesdojo/classroom/class_run.hpp>

#include <optional>
#include <string>

namespace salesdojo::gui {

struct TrainerPanelInfo {
    const Scenario* scenario = nullptr;
    std::string language;                         // the scenario's language for the room
    std::optional<std::size_t> hands_option;      // the option whose hand count is being typed
    std::string hands_digits;
    bool override_armed = false;                  // O pressed: the next number confirms that option
    std::string note;                             // ui_text key: why the last key did nothing
    bool blank = false;
    std::optional<std::size_t> prompt_on_screen;  // a position in AudienceView::prompts
    std::string join_url, join_code;              // "" = no phones
    std::size_t devices = 0;                      // phones joined
    bool own_window = false;                      // drawn in the trainer's own window (T does nothing there)
};

ClassIntent draw_class_trainer_view(const ViewContext& ctx, const classroom::TrainerView& view,
                                    const TrainerPanelInfo& info);

}  // namespace salesdojo::gui
