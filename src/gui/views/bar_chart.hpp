#pragma once
// Horizontal bars drawn with ImDrawList: a label, a track with the value's share filled, the value.
// Hovering a row shows its explanation.
#include "views/theme.hpp"

#include <string>
#include <vector>

namespace salesdojo::gui {

struct Bar {
    std::string label;
    double value = 0.0;        // 0..100
    std::string explanation;   // tooltip; may be empty
};

void bar_chart(const char* id, const std::vector<Bar>& bars, float width, const Palette& colours);

}  // namespace salesdojo::gui
