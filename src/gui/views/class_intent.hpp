#pragma once
// What the classroom screen's views and keys ask for (docs/classroom.md, "In the window"). Like
// Intent (intent.hpp), but only the classroom glue (app_classroom.cpp) applies these.
#include <cstddef>
#include <string>
#include <variant>

namespace salesdojo::gui {

enum class ClassExport { Html, Csv };

namespace class_intent {
// The set-up: the scenario (catalogue entry) and the options the trainer picked.
struct Start {
    std::size_t entry = 0;
    std::string language;  // the scenario's language for the room ("en" / "nl")
    bool phones = true;     // run the voting server
    bool names = false;     // ask trainees for their names (else anonymous)
};
struct Advance {};          // Page Down / Space / Right: the next step of the decision
struct Back {};             // Page Up / Left: the previous discussion prompt shown (nothing is undone)
struct ToggleBlank {};      // B
struct TogglePanel {};      // T: the trainer's private panel
struct ToggleContrast {};   // C
struct NextPrompt {};       // P: shows the next discussion prompt to the room
struct ShowPrompt { std::size_t prompt = 0; };  // the panel's button for one prompt
struct Digit { int digit = 0; };   // 0-9: while voting, an option's number then its hand count
struct Enter {};                    // stores the hand count typed
struct Erase {};                    // Backspace: the last digit, then the option picked
struct ArmOverride {};              // O: the next option number confirms that option
struct Confirm { std::size_t option = 0; };  // the group's option (override, or a tie broken)
struct AskEnd {};                   // Esc: "End the class?"
struct End { bool yes = false; };   // the answer
struct Export { ClassExport format = ClassExport::Html; };
struct Leave {};                    // back to the home screen (set-up or report)
}  // namespace class_intent

using ClassIntent = std::variant<std::monostate, class_intent::Start, class_intent::Advance, class_intent::Back,
                                 class_intent::ToggleBlank, class_intent::TogglePanel, class_intent::ToggleContrast,
                                 class_intent::NextPrompt, class_intent::ShowPrompt, class_intent::Digit,
                                 class_intent::Enter, class_intent::Erase, class_intent::ArmOverride,
                                 class_intent::Confirm, class_intent::AskEnd, class_intent::End,
                                 class_intent::Export, class_intent::Leave>;

inline bool is_none(const ClassIntent& i) { return std::holds_alternative<std::monostate>(i); }
inline void merge(ClassIntent& into, ClassIntent&& other) {
    if (is_none(into) && !is_none(other)) into = std::move(other);
}

}  // namespace salesdojo::gui
