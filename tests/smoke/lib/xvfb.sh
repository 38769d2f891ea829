# shellcheck shell=bash disable=SC2034  # display and xvfb_pid are for the scripts that source this
# Sourced (not run) by the smoke tests that drive the window under Xvfb and by the screenshot
# scripts: a display of our own, and the window on it.
#
#   start_xvfb FIRST LAST WxH LOG   starts Xvfb on the first display number in FIRST..LAST that has
#                                   neither a lock nor a socket; sets display (":N") and xvfb_pid;
#                                   returns 1 when none could be started
#   stop_xvfb                       stops it and waits for it (safe to call twice: cleanup traps)
#   wait_for_window [SECONDS]       prints the id of the visible window titled "SalesDojo" (default
#                                   60 s at most) and gives it the keyboard focus; 1 when none
#
# Why so: one app per display (a second client on a display that is being reset loses its
# connection); -noreset, so the server outlives its first client; ready only when xdpyinfo answers
# (Xvfb forks before it listens); if another server takes the number between the check and the
# start, this Xvfb exits and the next number is tried. Under a loaded machine a window can take
# several seconds to appear: the waits are generous and bounded.
xvfb_pid=""
display=""

start_xvfb() {
    local first="$1" last="$2" screen="$3" log="$4" n deadline
    display=""
    for n in $(seq "$first" "$last"); do
        [ -e "/tmp/.X${n}-lock" ] || [ -e "/tmp/.X11-unix/X${n}" ] && continue
        Xvfb ":$n" -screen 0 "${screen}x24" -nolisten tcp -noreset >"$log" 2>&1 &
        xvfb_pid=$!
        deadline=$((SECONDS + 30))
        while [ $SECONDS -lt $deadline ] && kill -0 "$xvfb_pid" 2>/dev/null; do
            if DISPLAY=":$n" xdpyinfo >/dev/null 2>&1; then
                display=":$n"
                return 0
            fi
            sleep 0.05
        done
        stop_xvfb
    done
    return 1
}

stop_xvfb() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null
        wait "$xvfb_pid" 2>/dev/null
    fi
    xvfb_pid=""
}

wait_for_window() {
    local wid
    wid="$(timeout "${1:-60}" xdotool search --sync --onlyvisible --name '^SalesDojo$' 2>/dev/null | head -n 1)"
    [ -n "$wid" ] || return 1
    # No window manager: the window gets the keyboard focus only when given it.
    xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid" 2>/dev/null
    echo "$wid"
}
