#pragma once
// The classroom screen's keys (docs/classroom.md, "Keys"), for a keyboard or a presentation
// clicker (which sends Page Up / Page Down, sometimes B or a full stop for a blank screen):
//   Page Down, Space, Right   the next step           Page Up, Left   the previous prompt shown
//   B or .   blank screen     T   trainer panel        C   high contrast     P   next prompt
//   1-9, then digits, Enter   a hand count (vote open) O, then 1-9   confirm that option
//   Backspace   erase         Esc   end the class (asks first: Y/Enter yes, N/Esc no)
#include "views/class_intent.hpp"

namespace salesdojo::gui {

// The key pressed this frame as an intent (none when no classroom key was pressed).
// `end_asked`: "End the class?" is open and reads its own keys (Y, J or Enter; N or Esc): none here.
ClassIntent class_keys(bool end_asked);

}  // namespace salesdojo::gui
