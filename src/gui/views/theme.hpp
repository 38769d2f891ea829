#pragma once
// Colours and style of the window: a calm dark theme and a high-contrast one (pure black and white,
// yellow accents, thick borders). One Palette per theme; views take their colours from it.
#include <salesdojo/scoring.hpp>

#include <imgui.h>

namespace salesdojo::gui {

struct Palette {
    ImVec4 background;     // clear colour behind the main window
    ImVec4 text;
    ImVec4 text_dim;       // secondary information
    ImVec4 narration;      // narration and stage directions, set apart from speech
    ImVec4 speaker;        // a speaker's name before the line
    ImVec4 player;         // the trainee's own line ("You: ...")
    ImVec4 accent;         // headings, the score
    ImVec4 panel;          // cards, feedback panel
    ImVec4 panel_border;
    ImVec4 good, warn, bad;
    ImVec4 bar_track, bar_fill;
};

const Palette& palette(bool high_contrast);

// ImGui's style for the theme at `scale` (the font scale): colours, rounding, padding.
void apply_style(bool high_contrast, float scale);

// Best/good green, inaccuracy yellow, mistake/blunder red.
ImVec4 verdict_colour(Verdict verdict, const Palette& palette);
// A 0..100 score: red below 40, amber below 70, green from 70.
ImVec4 score_colour(double score, const Palette& palette);

}  // namespace salesdojo::gui
