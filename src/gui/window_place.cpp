#include "window_place.hpp"

#include <algorithm>

namespace salesdojo::gui {

OpeningPlace opening_place(unsigned screen_width, unsigned screen_height, const std::optional<WindowPlace>& remembered) {
    if (remembered && remembered->x >= 0 && remembered->y >= 0 &&
        static_cast<long long>(remembered->x) + remembered->width <= screen_width &&
        static_cast<long long>(remembered->y) + remembered->height <= screen_height)
        return {remembered->width, remembered->height, remembered->x, remembered->y};
    const auto share = [](unsigned whole) { return std::max(std::min(320u, whole), whole / 5 * 4); };
    return {share(screen_width), share(screen_height), std::nullopt, std::nullopt};
}

}  // namespace salesdojo::gui
