#pragma once
// Sleeping until the display has input for us, instead of polling it.
//
// SFML 2.5's waitEvent() has no timeout and is itself a loop of pollEvent() + a 10 ms sleep, so an
// idle window built on it (or on our own poll + sleep) wakes ~100 times a second. On X11 the events
// arrive on one socket: SFML's connection, the Display of the current GLX context. Waiting in poll()
// on that socket costs nothing until a key, a click, an expose or a close arrives.
//
// Call only after draining the window's events (pollEvent until false): events Xlib has already
// read into its queue are not on the socket any more.
namespace salesdojo::gui {

// Waits until the display connection has data or `timeout_ms` passed (< 0: no timeout). Returns
// false when it cannot wait on the display (no current GLX context, not X11): the caller sleeps.
bool wait_for_display_input(int timeout_ms);

// True when Xlib holds events in its queue that no pollEvent took. With two windows, draining one
// may read the other's events from the socket (SFML takes only its own window's): then the socket
// is quiet although input waits. Events for no window of ours (MappingNotify after xdotool types)
// may stay queued for ever, so callers wait briefly instead of not at all (FrameLoop: idle_poll).
bool display_events_queued();

}  // namespace salesdojo::gui
