#pragma once
// The monitors of the desktop, and which of them a window is on.
//
// On X11 the monitors come from RandR 1.5 (XRRGetMonitors, active monitors only): one entry per
// physical screen of an extended desktop, or per monitor the user defined with
// `xrandr --setmonitor`. SFML 2.5 knows only the desktop as a whole (VideoMode::getDesktopMode
// spans every monitor), so a second window for the trainer's own screen needs this.
//
// Caveats:
//  - list_monitors() opens a short connection of its own to $DISPLAY (SFML keeps its connection
//    private). Call it while a window is open: an Xvfb without -noreset resets when its last
//    client leaves, and with it the monitors set by xrandr --setmonitor.
//  - No RandR 1.5 (old server, not X11): an empty list, which callers treat as "one monitor".
//  - Mirrored monitors ("clone") are one entry each with the same rectangle: not a second screen.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

struct Monitor {
    std::string name;  // RandR's name ("HDMI-1", "DP-2", or what --setmonitor gave)
    int x = 0, y = 0;  // top-left corner on the desktop, in pixels
    unsigned width = 0, height = 0;
    bool primary = false;
};

// A window's rectangle on the desktop (position and size).
struct DesktopRect {
    int x = 0, y = 0;
    unsigned width = 0, height = 0;
};

// The active monitors, in RandR's order; empty when they cannot be known (see above).
std::vector<Monitor> list_monitors();

// The monitor holding the largest part of `window`; nullopt when it overlaps none.
std::optional<std::size_t> monitor_of(const std::vector<Monitor>& monitors, const DesktopRect& window);

// The monitor a new window opens on: the primary one, else the first; nullopt when none is known.
std::optional<std::size_t> home_monitor(const std::vector<Monitor>& monitors);

// A second screen for a window other than `window`: the largest monitor that is not the one
// `window` is on and does not show the same picture (mirrored). nullopt when there is none.
std::optional<std::size_t> other_monitor(const std::vector<Monitor>& monitors, const DesktopRect& window);

}  // namespace salesdojo::gui
