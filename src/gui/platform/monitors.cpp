#include "platform/monitors.hpp"

#include <algorithm>
#include <cstdint>

#if defined(__unix__) && !defined(__APPLE__)
// Last: Xlib's macros (None, Bool, Status) would clash with other headers.
#include <X11/Xlib.h>
#include <X11/extensions/Xrandr.h>
#endif

namespace salesdojo::gui {

#if defined(__unix__) && !defined(__APPLE__)
std::vector<Monitor> list_monitors() {
    std::vector<Monitor> monitors;
    Display* display = XOpenDisplay(nullptr);
    if (!display) return monitors;
    int event_base = 0, error_base = 0, major = 0, minor = 0;
    if (XRRQueryExtension(display, &event_base, &error_base) && XRRQueryVersion(display, &major, &minor) &&
        (major > 1 || (major == 1 && minor >= 5))) {
        int count = 0;
        XRRMonitorInfo* infos = XRRGetMonitors(display, DefaultRootWindow(display), True, &count);
        for (int i = 0; infos && i < count; ++i) {
            Monitor m;
            if (char* name = XGetAtomName(display, infos[i].name)) {
                m.name = name;
                XFree(name);
            }
            m.x = infos[i].x;
            m.y = infos[i].y;
            m.width = static_cast<unsigned>(std::max(0, infos[i].width));
            m.height = static_cast<unsigned>(std::max(0, infos[i].height));
            m.primary = infos[i].primary != 0;
            if (m.width > 0 && m.height > 0) monitors.push_back(std::move(m));
        }
        if (infos) XRRFreeMonitors(infos);
    }
    XCloseDisplay(display);
    return monitors;
}
#else
std::vector<Monitor> list_monitors() { return {}; }
#endif

namespace {

std::int64_t overlap(const Monitor& m, const DesktopRect& r) {
    const std::int64_t left = std::max<std::int64_t>(m.x, r.x);
    const std::int64_t top = std::max<std::int64_t>(m.y, r.y);
    const std::int64_t right = std::min<std::int64_t>(std::int64_t{m.x} + m.width, std::int64_t{r.x} + r.width);
    const std::int64_t bottom = std::min<std::int64_t>(std::int64_t{m.y} + m.height, std::int64_t{r.y} + r.height);
    return right > left && bottom > top ? (right - left) * (bottom - top) : 0;
}

bool same_rect(const Monitor& a, const Monitor& b) {
    return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
}

}  // namespace

std::optional<std::size_t> monitor_of(const std::vector<Monitor>& monitors, const DesktopRect& window) {
    std::optional<std::size_t> best;
    std::int64_t best_area = 0;
    for (std::size_t i = 0; i < monitors.size(); ++i) {
        const std::int64_t area = overlap(monitors[i], window);
        if (area > best_area) best = i, best_area = area;
    }
    return best;
}

std::optional<std::size_t> home_monitor(const std::vector<Monitor>& monitors) {
    if (monitors.empty()) return std::nullopt;
    const auto primary = std::find_if(monitors.begin(), monitors.end(), [](const Monitor& m) { return m.primary; });
    return primary != monitors.end() ? static_cast<std::size_t>(primary - monitors.begin()) : 0;
}

std::optional<std::size_t> other_monitor(const std::vector<Monitor>& monitors, const DesktopRect& window) {
    if (monitors.size() < 2) return std::nullopt;
    // A window on no monitor at all (should not happen) counts as on the primary one, else the first.
    const std::size_t own = monitor_of(monitors, window).value_or(*home_monitor(monitors));
    std::optional<std::size_t> best;
    const auto area = [&](std::size_t i) { return std::uint64_t{monitors[i].width} * monitors[i].height; };
    for (std::size_t i = 0; i < monitors.size(); ++i) {
        if (i == own || same_rect(monitors[i], monitors[own])) continue;  // itself, or a mirror of it
        if (!best || area(i) > area(*best)) best = i;
    }
    return best;
}

}  // namespace salesdojo::gui
