#pragma once
// A character's portrait drawn by the engine from the cast's appearance (face, hair, clothing
// colours, accessory) and the node's expression (neutral, annoyed, pleased, surprised, worried;
// unknown expressions draw as neutral). Pure ImDrawList drawing: no textures, no file I/O.
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
