#!/usr/bin/env bash
# Figures for the window (not a test): under Xvfb with Mesa's software renderer,
#   1. start to first frame and to the first interactive frame (the 3rd: ImGui has laid out the
#      home screen), measured from the moment this script starts the process, over RUNS runs;
#   2. peak memory (max RSS, /usr/bin/time -v) while opening every bundled scenario, playing it to
#      its debrief and going home again;
#   3. CPU while idle on the home screen for IDLE seconds (utime + stime from /proc/PID/stat).
# Targets: first interactive frame <= 0.25 s (issue 4), peak memory <= 120 MiB (issue 4), idle CPU
# <= 0.2 % of a core over 30 s (issue 12: the loop sleeps on the display connection, frame_loop.hpp).
# The wake-ups while idle (voluntary context switches, /proc/PID/status) are printed too.
#
# usage: scripts/gui_bench.sh [SALESDOJO_BINARY] [RUNS] [IDLE]   (defaults: build-app/salesdojo 10 30)
# Exit 0 when measured (whatever the figures), 1 when something did not run, 77 a tool is missing.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$here/build-app/salesdojo}"
runs="${2:-10}"
idle="${3:-30}"
for tool in Xvfb xdpyinfo /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "gui_bench: SKIP: $tool not installed" >&2; exit 77; }
done
[ -x "$bin" ] || { echo "gui_bench: no binary at $bin" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-bench.XXXXXX")"
xvfb_pid=""
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; }
    rm -rf "$work"
}
trap cleanup EXIT

# One Xvfb for all runs (tests/smoke/lib/xvfb.sh); the runs are strictly sequential.
. "$here/tests/smoke/lib/xvfb.sh"
start_xvfb 400 499 1280x720 "$work/xvfb.log" || { echo "gui_bench: cannot start Xvfb" >&2; exit 1; }
export DISPLAY="$display"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.3f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# 1. Start-up.
: >"$work/first.txt"
: >"$work/interactive.txt"
for i in $(seq "$runs"); do
    start=$(date +%s.%N)
    SALESDOJO_GUI_TRACE=1 SALESDOJO_GUI_SCRIPT="quit" "$bin" >/dev/null 2>"$work/start-$i.err"
    first=$(grep -o 'first frame rendered @[0-9.]*' "$work/start-$i.err" | sed 's/.*@//')
    inter=$(grep -o 'first interactive frame @[0-9.]*' "$work/start-$i.err" | sed 's/.*@//')
    [ -n "$first" ] && [ -n "$inter" ] || { echo "gui_bench: run $i did not draw:"; cat "$work/start-$i.err"; exit 1; }
    awk -v a="$start" -v b="$first" 'BEGIN { printf "%.4f\n", b - a }' >>"$work/first.txt"
    awk -v a="$start" -v b="$inter" 'BEGIN { printf "%.4f\n", b - a }' >>"$work/interactive.txt"
done
echo "start to first frame:             median $(median <"$work/first.txt") s  (min $(sort -n "$work/first.txt" | head -1), max $(sort -n "$work/first.txt" | tail -1), $runs runs)"
echo "start to first interactive frame: median $(median <"$work/interactive.txt") s  (min $(sort -n "$work/interactive.txt" | head -1), max $(sort -n "$work/interactive.txt" | tail -1); target <= 0.25 s)"

# 2. Peak memory over the whole bundled pack.
script=""
for f in "$here"/scenarios/*.json; do
    script="$script;open=$(basename "$f" .json);finish=1;home"
done
/usr/bin/time -v env SALESDOJO_GUI_SCRIPT="${script#;};quit" "$bin" >/dev/null 2>"$work/time.txt"
rss_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time.txt")
[ -n "$rss_kb" ] || { echo "gui_bench: no memory figure"; cat "$work/time.txt"; exit 1; }
awk -v k="$rss_kb" -v n="$(ls "$here"/scenarios/*.json | wc -l)" \
    'BEGIN { printf "peak memory (max RSS), %d scenarios played to the debrief: %.1f MiB  (target <= 120 MiB)\n", n, k / 1024 }'

# 3. Idle CPU on the home screen.
"$bin" >/dev/null 2>"$work/idle.err" &
app_pid=$!
sleep 3  # start-up and the first frames are not idle
ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
wakeups() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$app_pid/status"; }
t0=$(ticks)
w0=$(wakeups)
sleep "$idle"
t1=$(ticks)
w1=$(wakeups)
hz=$(getconf CLK_TCK)
kill "$app_pid" 2>/dev/null
wait "$app_pid" 2>/dev/null
app_pid=""
awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$idle" \
    'BEGIN { printf "idle CPU on the home screen over %d s: %.2f %% of a core (%d ticks at %d Hz; target <= 0.2 %%)\n", s, 100 * d / (hz * s), d, hz }'
awk -v w=$((w1 - w0)) -v s="$idle" 'BEGIN { printf "wake-ups of the main thread while idle: %.1f a second\n", w / s }'
exit 0
