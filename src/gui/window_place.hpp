#pragma once
// Where the window opens: the place it was left (Settings::window) when all of it is on this screen,
// else 80 % of the screen, centred by the caller (1280x720 would be a stamp on a 4K screen and more
// than a netbook's screen). Pure arithmetic, tested without a display.
#include "settings.hpp"

#include <optional>

namespace salesdojo::gui {

struct OpeningPlace {
    unsigned width = 0, height = 0;
    std::optional<int> x, y;  // none: centre it
};

OpeningPlace opening_place(unsigned screen_width, unsigned screen_height, const std::optional<WindowPlace>& remembered);

}  // namespace salesdojo::gui
