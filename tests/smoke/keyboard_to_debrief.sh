#!/usr/bin/env bash
# ctest smoke_keyboard_to_debrief: the real window program on its own Xvfb, driven with keys alone
# through the real event path (xdotool sends X key events): from the home screen Tab moves the
# visible focus to a card's Start and Enter opens it; Space and digits play to the debrief; there R,
# B and D open every panel, Page Down scrolls, Tab + Enter presses a button, F1 opens and Esc closes
# the key legend, S and W save the debrief (Markdown, HTML); Esc goes home and Ctrl+Q quits.
# The window reports what it did on stderr (SALESDOJO_GUI_TRACE: "screen=...", "keys focus=...
# panel=... legend=... saved=..."); this script waits for each line before the next key.
# Called as: bash keyboard_to_debrief.sh <salesdojo binary>. Exit 0 ok, 1 failed, 77 a tool is missing.
# Reliability: as play_to_debrief.sh (own display, -noreset, one app per display, temporary XDG folders).
set -u
bin="${1:?usage: keyboard_to_debrief.sh <path-to-salesdojo>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
window="$(dirname "$bin")/salesdojo-window"
. "$here/tests/smoke/lib/xvfb.sh"

for tool in Xvfb xdpyinfo xdotool; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "keyboard_to_debrief: SKIP: $tool not installed (apt-get install xvfb x11-utils xdotool)" >&2
        exit 77
    fi
done
if [ ! -x "$window" ]; then
    echo "keyboard_to_debrief: SKIP: no salesdojo-window next to $bin (built without the GUI)" >&2
    exit 77
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-keys-smoke.XXXXXX")"
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
    echo "keyboard_to_debrief: FAIL: $*" >&2
    for f in app.err xvfb.log; do
        [ -s "$work/$f" ] && { echo "--- $f (last lines)" >&2; tail -n 25 "$work/$f" >&2; }
    done
    keep=1
    echo "keyboard_to_debrief: files kept in $work" >&2
    exit 1
}

start_xvfb 500 599 1280x720 "$work/xvfb.log" || fail "cannot start Xvfb"
export DISPLAY="$display"

# One scenario on the home screen, so the first Start is known.
mkdir -p "$work/config" "$work/data" "$work/scenarios"
cp "$here/scenarios/demanding_director.json" "$work/scenarios/"
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" SALESDOJO_GUI_TRACE=1 \
    SALESDOJO_SCENARIOS_DIR="$work/scenarios" SALESDOJO_WINDOW_SIZE=1280x720 \
    "$window" --lang en --mode practice >"$work/app.out" 2>"$work/app.err" &
app_pid=$!

wait_for_window 60 >/dev/null || fail "no SalesDojo window appeared within 60 s"
# The pointer outside the window: a pointer over a widget would give it the hover, not the keys.
xdotool mousemove 0 0 2>/dev/null

lines() { wc -l <"$work/app.err"; }
# wait_for PATTERN FROM_LINE [SECONDS]: a trace line after FROM_LINE matching PATTERN (grep -E).
wait_for() {
    local deadline=$((SECONDS + ${3:-30}))
    while [ $SECONDS -lt $deadline ]; do
        tail -n +"$(($2 + 1))" "$work/app.err" | grep -Eq "$1" && return 0
        kill -0 "$app_pid" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}
# press KEY PATTERN: the key, then the trace line it should cause.
press() {
    local from
    from=$(lines)
    xdotool key "$1" 2>/dev/null
    wait_for "$2" "$from" || fail "after key $1: no trace line matching '$2'"
}

wait_for 'screen=home|first interactive frame' 0 60 || fail "the home screen did not appear"
sleep 0.3
# Tab until the card's Start button has the visible focus (the trainee and filter controls come first).
for _ in $(seq 40); do
    tail -n 1 "$work/app.err" | grep -q 'keys focus=Start ' && break
    from=$(lines)
    xdotool key Tab 2>/dev/null
    wait_for 'keys focus=' "$from" 5 || true
    grep 'keys focus=' "$work/app.err" | tail -n 1 | grep -q 'focus=Start ' && break
done
grep 'keys focus=' "$work/app.err" | tail -n 1 | grep -q 'focus=Start ' || fail "Tab never reached the Start button"
press Return 'screen=play'

# Play to the end: Space shows the lines and continues, a digit answers.
deadline=$((SECONDS + 120))
digit=1
while ! grep -q 'screen=debrief' "$work/app.err"; do
    [ $SECONDS -lt $deadline ] || fail "the debrief was not reached within 120 s"
    kill -0 "$app_pid" 2>/dev/null || fail "the window closed while playing"
    xdotool key space 2>/dev/null
    sleep 0.1
    xdotool key "$digit" 2>/dev/null
    digit=$((digit % 3 + 1))
    sleep 0.1
done
sleep 0.3
press r 'panel=review'
xdotool key Next End Home 2>/dev/null  # Page Down, End, Home scroll the panel (not traced)
sleep 0.2
press b 'panel=best'
press d 'panel=decisions'
# Tab to the review button and press it with Enter.
for _ in $(seq 20); do
    grep 'keys focus=' "$work/app.err" | tail -n 1 | grep -q 'focus=Review my choices' && break
    from=$(lines)
    xdotool key Tab 2>/dev/null
    wait_for 'keys focus=' "$from" 5 || true
done
grep 'keys focus=' "$work/app.err" | tail -n 1 | grep -q 'focus=Review my choices' || fail "Tab never reached 'Review my choices'"
press Return 'panel=review'
press F1 'legend=1'
press Escape 'legend=0'
grep -q 'screen=home' "$work/app.err" && fail "Esc that closed the key legend also left the debrief"
press s 'saved=[^ ]*\.md'
press w 'saved=[^ ]*\.html'
md="$(grep -o 'saved=[^ ]*\.md' "$work/app.err" | tail -n 1 | cut -d= -f2)"
html="$(grep -o 'saved=[^ ]*\.html' "$work/app.err" | tail -n 1 | cut -d= -f2)"
[ -s "$md" ] || fail "the Markdown debrief $md is missing or empty"
[ -s "$html" ] || fail "the HTML debrief $html is missing or empty"
press Escape 'screen=home'
from=$(lines)
xdotool key ctrl+q 2>/dev/null
deadline=$((SECONDS + 20))
while kill -0 "$app_pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.05; done
kill -0 "$app_pid" 2>/dev/null && fail "Ctrl+Q did not close the window within 20 s"
wait "$app_pid"
rc=$?
app_pid=""
[ "$rc" = 0 ] || fail "the window exited with $rc"
echo "keyboard_to_debrief: ok: home -> play -> debrief (every panel, legend, saved $(basename "$md") and $(basename "$html")) -> home -> quit, keys only"
exit 0
