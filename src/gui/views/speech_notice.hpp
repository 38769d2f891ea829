#pragma once
// A notice at the bottom of every screen while read-aloud is on but cannot speak (read_aloud.hpp):
// never silence without a word.
#include "views/view_context.hpp"

namespace salesdojo::gui {

// `key`: a ui_text key from ReadAloud::notice_key(); `exit_status` fills "speech.failed".
void draw_speech_notice(const ViewContext& ctx, const char* key, int exit_status);

}  // namespace salesdojo::gui
