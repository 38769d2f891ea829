#pragma once
// A character's portrait drawn by the engine from the cast's appearance (face, hair, clothing
// colours, accessory) and the node's expression (neutral, annoyed, pleased, surprised, worried;
// unknown expressions draw as neutral). Pure ImDrawList drawing: no textures, no file I/O.
//
// - A flat-illustration bust on a rounded, light background that fills the whole square; the
//   background turns a deeper blue-grey for light (white, grey, blond) hair so the hair shows.
// - Hair styles: short, long, bun, curly, bald (unknown: short). Accessories: none, glasses, beard,
//   earrings, tie (unknown: none). With a tie the shirt is light and the tie takes the accent colour
//   (a dark red tie when the accent is itself light); otherwise the accent is the shirt.
// - Malformed colours fall back to Appearance's defaults.
// - Stays inside the square (anti-aliasing reaches at most about a pixel beyond). Looks right from
//   about 64 px up; designed for 120-320 px.
// - Cost: about 1,500-2,600 vertices per portrait (16-bit indices allow 65,536 per draw list, so a
//   window holds a couple of dozen); about 0.1 ms of CPU each (-O2). Same input, same vertices.
// - Needs a current ImGui context (for the font atlas's white pixel), like every ImDrawList call.
#include <salesdojo/scenario.hpp>

#include <imgui.h>

#include <string_view>

namespace salesdojo::gui {

// Draws into `list` inside the square at `top_left` with side `size` (pixels).
void draw_portrait(ImDrawList* list, ImVec2 top_left, float size, const Appearance& appearance,
                   std::string_view expression);

// The colour of "#rrggbb" (opaque), or `fallback` when malformed.
ImU32 parse_colour(std::string_view hex, ImU32 fallback);

}  // namespace salesdojo::gui
