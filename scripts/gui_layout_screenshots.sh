#!/usr/bin/env bash
# Screenshots for the layout check of issue 12, to look at: home, play, play with the practice
# feedback, the debrief (decisions, every option's score, review, best line), history and settings
# at window sizes, text sizes and languages given as arguments. Each shot runs the
# window program on its own Xvfb with a SALESDOJO_GUI_SCRIPT (as scripts/gui_screenshots.sh does).
#
# usage: scripts/gui_layout_screenshots.sh WINDOW_PROGRAM OUT_DIR [SIZE:TEXT:LANG ...]
#   e.g. scripts/gui_layout_screenshots.sh build/salesdojo-window /tmp/shots 1024x600:2:nl 3840x2160:1.5:en
# Prints one line per PNG. Exit 0 all written, 1 a shot failed, 77 a tool is missing.
set -u
bin="${1:?usage: gui_layout_screenshots.sh WINDOW_PROGRAM OUT_DIR [SIZE:TEXT:LANG ...]}"
out="${2:?usage: gui_layout_screenshots.sh WINDOW_PROGRAM OUT_DIR [SIZE:TEXT:LANG ...]}"
shift 2
[ $# -gt 0 ] || set -- 1024x600:1:en 1280x720:2:nl 1920x1080:1.5:en 3840x2160:2:nl
for tool in Xvfb xdpyinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "gui_layout_screenshots: SKIP: $tool not installed" >&2; exit 77; }
done
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-layout.XXXXXX")"
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

failures=0
for config in "$@"; do
    IFS=: read -r size text lang <<<"$config"
    display=""
    for n in $(seq 600 699); do
        [ -e "/tmp/.X${n}-lock" ] || [ -e "/tmp/.X11-unix/X${n}" ] && continue
        Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 &
        xvfb_pid=$!
        for _ in $(seq 600); do
            DISPLAY=":$n" xdpyinfo >/dev/null 2>&1 && { display=":$n"; break; }
            kill -0 "$xvfb_pid" 2>/dev/null || break
            sleep 0.05
        done
        [ -n "$display" ] && break
        kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; xvfb_pid=""
    done
    [ -n "$display" ] || { echo "gui_layout_screenshots: cannot start Xvfb" >&2; exit 1; }
    home="$work/home-$size-$text-$lang"
    mkdir -p "$home/config/salesdojo" "$home/data"
    printf '{"language": "%s", "font_scale": %s, "mode": "practice"}\n' "$lang" "$text" >"$home/config/salesdojo/settings.json"
    stem="$out/$size-$text-$lang"
    DISPLAY="$display" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" SALESDOJO_WINDOW_SIZE="$size" \
        SALESDOJO_GUI_SCRIPT="wait=3;shot=$stem-home.png;open=demanding_director;key=space;wait=3;shot=$stem-play.png;key=1;wait=3;shot=$stem-feedback.png;finish=2;wait=3;shot=$stem-debrief.png;scores=all;wait=3;shot=$stem-scores.png;panel=review;wait=3;shot=$stem-review.png;panel=best;wait=3;shot=$stem-best.png;history;wait=3;shot=$stem-history.png;settings;wait=3;shot=$stem-settings.png;quit" \
        timeout 120 "$bin" >"$work/run.log" 2>&1
    rc=$?
    kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; xvfb_pid=""
    for screen in home play feedback debrief scores review best history settings; do
        if [ -s "$stem-$screen.png" ]; then echo "$stem-$screen.png"; else failures=$((failures + 1)); fi
    done
    [ "$rc" = 0 ] || { echo "gui_layout_screenshots: $config exited with $rc" >&2; sed 's/^/    /' "$work/run.log" >&2; failures=$((failures + 1)); }
done
[ "$failures" = 0 ]
