#!/usr/bin/env bash
# ctest smoke_authoring_reload: the real window under its own Xvfb opens a scenario file on the
# authoring screen (SALESDOJO_GUI_SCRIPT: author-open, playtest, choose), then, while the window is
# idle (no input at all), the file is edited on disk. The window must reload it within a second and
# carry the playtest over ("authoring=reloaded ... replayed=1" on stdout), survive a save cut off
# half-way ("authoring=broken"), the file's deletion ("authoring=missing") and its return, and still
# be running at the end. Screenshots of each step are kept with SALESDOJO_SMOKE_KEEP=1.
# Called as: bash authoring_reload.sh <salesdojo binary>. Exit 77 when Xvfb or xdpyinfo is missing.
set -u
bin="${1:?usage: authoring_reload.sh <path-to-salesdojo>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
window="$(dirname "$bin")/salesdojo-window"
. "$here/tests/smoke/lib/xvfb.sh"

for tool in Xvfb xdpyinfo python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "authoring_reload: SKIP: $tool not installed" >&2
        exit 77
    fi
done
[ -x "$window" ] || { echo "authoring_reload: SKIP: no salesdojo-window next to $bin" >&2; exit 77; }

work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-author-smoke.XXXXXX")"
app_pid=""
keep="${SALESDOJO_SMOKE_KEEP:-0}"
cleanup() {
    [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null
    stop_xvfb
    if [ "$keep" = 1 ]; then echo "authoring_reload: files kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() {
    echo "authoring_reload: FAIL: $*" >&2
    for f in app.out app.err; do
        [ -s "$work/$f" ] && { echo "--- $f (last lines)" >&2; tail -n 15 "$work/$f" >&2; }
    done
    keep=1
    exit 1
}

start_xvfb 400 599 1280x800 "$work/xvfb.log" || fail "cannot start Xvfb"
export DISPLAY="$display"

file="$work/mini.json"
cp "$here/tests/data/valid/mini.json" "$file"
mkdir -p "$work/config" "$work/data"
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" SALESDOJO_WINDOW_SIZE=1280x800 \
    SALESDOJO_GUI_SCRIPT="lang=en;author-open=$file;playtest=;choose=1;continue;shot=$work/1-playtest.png" \
    "$window" >"$work/app.out" 2>"$work/app.err" &
app_pid=$!

# Waits (at most $2 seconds) for a line matching $1 on the window's stdout; prints the seconds taken.
wait_for() {
    local pattern="$1" limit="$2" start now
    start=$(date +%s.%N)
    while :; do
        grep -q -- "$pattern" "$work/app.out" 2>/dev/null && break
        kill -0 "$app_pid" 2>/dev/null || fail "the window exited while waiting for '$pattern'"
        now=$(date +%s.%N)
        awk -v a="$start" -v b="$now" -v l="$limit" 'BEGIN { exit !(b - a > l) }' && fail "no '$pattern' within $limit s"
        sleep 0.02
    done
    now=$(date +%s.%N)
    awk -v a="$start" -v b="$now" 'BEGIN { printf "%.2f", b - a }'
}
shoot() { command -v import >/dev/null 2>&1 && import -window root "$work/$1" 2>/dev/null; }
# Rewrites the file through python (one write), after the clock has moved on.
edit() { sleep 0.05; python3 -c "$1" "$file"; }

wait_for "screenshot=$work/1-playtest.png" 120 >/dev/null
grep -q '^authoring=opened' "$work/app.out" || fail "the file did not open"
sleep 1  # the window is idle now: nothing but the file watch can make it draw

edit 'import json,sys; p=sys.argv[1]; d=json.load(open(p)); [n.update(text={"nl":"Klopt, vertel meer.","en":"Right, tell me more."}) for n in d["nodes"] if n["id"]=="pitch"]; open(p,"w").write(json.dumps(d, indent=2))'
t=$(wait_for '^authoring=reloaded versions=2 replayed=1 dropped=0' 2)
shoot 2-reloaded.png
echo "authoring_reload: edit reloaded (1 choice replayed) after $t s while idle"
awk -v t="$t" 'BEGIN { exit !(t <= 1.0) }' || fail "the reload took $t s (more than a second)"

edit 'import sys; p=sys.argv[1]; s=open(p).read(); open(p,"w").write(s[:len(s)//2])'
t=$(wait_for '^authoring=broken' 2)
shoot 3-broken.png
echo "authoring_reload: half-written save reported after $t s"

rm "$file"
t=$(wait_for '^authoring=missing' 2)
echo "authoring_reload: deletion reported after $t s"

cp "$here/tests/data/valid/mini.json" "$file"
t=$(wait_for '^authoring=reloaded versions=3 replayed=1 dropped=0' 2)
shoot 4-back.png
echo "authoring_reload: file back, playtest replayed, after $t s"
kill -0 "$app_pid" 2>/dev/null || fail "the window is gone"
echo "authoring_reload: ok"
exit 0
