#!/usr/bin/env bash
# Screenshots of every screen for a human to look at: home, play (choices and practice feedback),
# debrief (summary and review), settings and diagnostics, at 1280x720 and 1024x600, in English and
# Dutch. Each shot runs the real binary on its own fresh Xvfb (one app per display, -noreset, wait
# until xdpyinfo answers: see scripts/gui_smoke_demo.sh) with a SALESDOJO_GUI_SCRIPT.
#
# usage: scripts/gui_screenshots.sh [SALESDOJO_BINARY] [OUT_DIR]
#   defaults: build-app/salesdojo, build-app/screenshots
# Prints one line per PNG. Exit 0 all written, 1 a shot failed, 77 a tool is missing.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$here/build-app/salesdojo}"
out="${2:-$here/build-app/screenshots}"
for tool in Xvfb xdpyinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "gui_screenshots: SKIP: $tool not installed" >&2; exit 77; }
done
[ -x "$bin" ] || { echo "gui_screenshots: no binary at $bin" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-shots.XXXXXX")"
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

. "$here/tests/smoke/lib/xvfb.sh"  # start_xvfb, stop_xvfb

# A scenario file with several problems, for the diagnostics panel.
broken="$work/pack/broken_example.json"
mkdir -p "$work/pack"
sed -e 's/"next": "won"/"next": "wonn"/' -e 's/"speaker": "eva",/"speaker": "eve",/' \
    -e 's/"qualify": 3/"qualifyy": 3/' "$here/tests/data/valid/mini.json" >"$broken"

failures=0
shot() {  # name size lang script [args...]
    local name="$1" size="$2" lang="$3" script="$4"; shift 4
    local screen=1920x1080 contrast=false
    [ "${size%x*}" -gt 1920 ] && screen="$size"
    case "$name" in *contrast*) contrast=true ;; esac
    local png="$out/${name}-${size}-${lang}.png" home="$work/home-$name-$size-$lang"
    mkdir -p "$home/config/salesdojo" "$home/data/salesdojo"
    printf '{"language": "%s", "high_contrast": %s}\n' "$lang" "$contrast" >"$home/config/salesdojo/settings.json"
    printf '{"format": 1, "last_scores": {"demanding_director": 62, "guarantee_demand": 91}}\n' >"$home/data/salesdojo/progress.json"
    rm -f "$png"
    start_xvfb 120 239 "$screen" "$work/xvfb.log" || { echo "gui_screenshots: cannot start Xvfb" >&2; failures=$((failures + 1)); return; }
    DISPLAY="$display" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        SALESDOJO_WINDOW_SIZE="$size" SALESDOJO_GUI_SCRIPT="lang=$lang;wait=3;$script;shot=$png;quit" \
        timeout 60 "$bin" "$@" >"$work/run.log" 2>&1
    local rc=$?
    stop_xvfb
    if [ "$rc" = 0 ] && [ -s "$png" ]; then
        echo "$png"
    else
        echo "gui_screenshots: FAIL $name $size $lang (rc=$rc)" >&2
        sed 's/^/    /' "$work/run.log" >&2
        failures=$((failures + 1))
    fi
}

for size in 1280x720 1024x600; do
    for lang in en nl; do
        shot home "$size" "$lang" "wait=2"
        shot play "$size" "$lang" "open=demanding_director;key=space;wait=4"
        shot feedback "$size" "$lang" "open=demanding_director;key=space;choose=1;wait=4"
        shot debrief "$size" "$lang" "open=demanding_director;finish=1;wait=4"
        shot review "$size" "$lang" "open=demanding_director;finish=2;panel=review;wait=4"
        shot bestline "$size" "$lang" "open=demanding_director;finish=2;panel=best;wait=4"
        shot settings "$size" "$lang" "settings;wait=4"
        shot diagnostics "$size" "$lang" "wait=2" play "$broken"
    done
done
# The theme for low vision, and the largest window the layout is made for.
shot play-contrast 1280x720 en "open=demanding_director;key=space;wait=4"
shot debrief-contrast 1280x720 nl "open=demanding_director;finish=2;wait=4"
shot play 3840x2160 en "open=demanding_director;key=space;wait=4"
shot debrief 3840x2160 en "open=demanding_director;finish=2;wait=4"
[ "$failures" = 0 ] || { echo "gui_screenshots: $failures shot(s) failed" >&2; exit 1; }
exit 0
