#!/usr/bin/env bash
# ctest smoke_play_to_debrief: the real binary on its own Xvfb plays a bundled scenario to its
# debrief through the real event path (X key events from xdotool: Space shows the lines, continues
# after feedback and opens the debrief; 1 picks the first answer), then the app saves a screenshot
# read back from the framebuffer when the debrief is first fully drawn, prints
# "screen=debrief screenshot=PATH" and exits 0. This script checks the marker and the PNG (right
# size, not blank).
# Called as: bash play_to_debrief.sh <salesdojo binary>. Exit 0 ok, 1 failed, 77 a tool is missing.
#
# Reliability (see scripts/gui_smoke_demo.sh and src/gui/gui_main.cpp for the measurements):
# - Xvfb gets a display of its own, -noreset (a server that loses its last client resets and refuses
#   connections for a moment), and we wait until xdpyinfo answers before starting the app.
# - One app per display: without a window manager SFML 2.5.1 waits until its window is visible,
#   which never happens under another window.
# - Settings and scores go to a temporary XDG folder, so a saved "fullscreen" or language never
#   changes the run.
# - Keys are sent with XTEST to the focused window; a key that arrives before the window listens is
#   simply sent again by the loop. Nothing is retried at the level of the whole run.
set -u
bin="${1:?usage: play_to_debrief.sh <path-to-salesdojo>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scenario="$here/scenarios/demanding_director.json"
. "$here/tests/smoke/lib/xvfb.sh"

for tool in Xvfb xdpyinfo xdotool convert identify; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "play_to_debrief: SKIP: $tool not installed (apt-get install xvfb x11-utils xdotool imagemagick)" >&2
        exit 77
    fi
done
# `salesdojo play` execs the window program built next to it (src/cli/gui_entry.hpp).
if [ ! -x "$bin" ] || [ ! -x "$(dirname "$bin")/salesdojo-window" ]; then
    echo "play_to_debrief: SKIP: $bin is not built with the GUI (no salesdojo-window next to it)" >&2
    exit 77
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-play-smoke.XXXXXX")"
app_pid=""
keep=0
cleanup() {
    [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null
    stop_xvfb
    [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() {
    echo "play_to_debrief: FAIL: $*" >&2
    for f in app.out app.err xvfb.log; do
        [ -s "$work/$f" ] && { echo "--- $f (last lines)" >&2; tail -n 15 "$work/$f" >&2; }
    done
    keep=1
    echo "play_to_debrief: files kept in $work" >&2
    exit 1
}

# A display of our own (tests/smoke/lib/xvfb.sh says why it is done so).
start_xvfb 240 399 1280x720 "$work/xvfb.log" || fail "cannot start Xvfb"
export DISPLAY="$display"

png="$work/debrief.png"
mkdir -p "$work/config" "$work/data"
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" SALESDOJO_GUI_TRACE=1 \
    SALESDOJO_SCREENSHOT_ON_DEBRIEF="$png" SALESDOJO_WINDOW_SIZE=1280x720 \
    "$bin" play "$scenario" --mode practice --lang en >"$work/app.out" 2>"$work/app.err" &
app_pid=$!

# The window, by its title (xdotool --sync waits for it; the timeout guards a start-up that fails).
wid="$(wait_for_window 60)" || fail "no SalesDojo window appeared within 60 s"
# The pointer inside the window.
xdotool mousemove --window "$wid" 640 360 2>/dev/null

deadline=$((SECONDS + 120))
presses=0
while kill -0 "$app_pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
    grep -q '^screen=debrief' "$work/app.out" 2>/dev/null && break
    xdotool key space 2>/dev/null
    sleep 0.1
    xdotool key 1 2>/dev/null
    sleep 0.1
    presses=$((presses + 2))
done
# The app exits by itself once the debrief screenshot is written.
while kill -0 "$app_pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.05; done
if kill -0 "$app_pid" 2>/dev/null; then
    fail "the debrief was not reached within 120 s ($presses key presses)"
fi
wait "$app_pid"
rc=$?
app_pid=""
[ "$rc" = 0 ] || fail "salesdojo exited with $rc"
grep -q "^screen=debrief screenshot=$png\$" "$work/app.out" || fail "no 'screen=debrief' marker on stdout"
[ -s "$png" ] || fail "no screenshot at $png"
size="$(identify -format '%wx%h' "$png" 2>/dev/null)"
[ "$size" = "1280x720" ] || fail "screenshot is $size, expected 1280x720"
sd="$(convert "$png" -format '%[fx:standard_deviation]' info: 2>/dev/null)"
awk -v s="${sd:-0}" 'BEGIN { exit !(s > 0.02) }' || fail "screenshot looks blank (standard deviation $sd)"
first="$(grep -o '+[0-9.]*s\] first frame' "$work/app.err" | head -n 1 | tr -dc '0-9.')"
echo "play_to_debrief: ok: debrief after $presses key presses, first frame at ${first:-?}, stddev $sd"
exit 0
