#include "platform/display_wait.hpp"

#if defined(__unix__) && !defined(__APPLE__)
#include <GL/glx.h>  // last: Xlib's macros (None, Bool, Status) would clash with other headers
#include <poll.h>

#include <cerrno>

namespace salesdojo::gui {

bool wait_for_display_input(int timeout_ms) {
    Display* display = glXGetCurrentDisplay();
    if (!display) return false;
    pollfd fd{};
    fd.fd = ConnectionNumber(display);  // a field read, no libX11 call
    fd.events = POLLIN;
    // EINTR (a signal, e.g. a child that read aloud ended) counts as a wake-up: the loop looks again.
    const int ready = ::poll(&fd, 1, timeout_ms < 0 ? -1 : timeout_ms);
    return ready >= 0 || errno == EINTR;
}

bool display_events_queued() {
    Display* display = glXGetCurrentDisplay();
    return display && QLength(display) > 0;  // a field read, no libX11 call
}

}  // namespace salesdojo::gui
#else
namespace salesdojo::gui {
bool wait_for_display_input(int) { return false; }
bool display_events_queued() { return false; }
}  // namespace salesdojo::gui
#endif
