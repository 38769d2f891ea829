#!/usr/bin/env bash
# Screenshots of the classroom mode's projector (issue 13, docs/classroom.md), to look at: a class of
# cannot_pay with phones on 127.0.0.1, while voting (join code, QR code), after the feedback (the
# whole exchange: line, options, tally, the group's option, prompt, consequence, verdict, feedback),
# with the trainer's private panel (T), and the class report. Each configuration runs the window
# program on its own Xvfb with a SALESDOJO_GUI_SCRIPT (as scripts/gui_layout_screenshots.sh does).
#
# usage: scripts/gui_class_screenshots.sh WINDOW_PROGRAM OUT_DIR [SIZE:TEXT:LANG:CONTRAST ...]
#   e.g. scripts/gui_class_screenshots.sh build/salesdojo-window /tmp/class 1920x1080:2:en:0 1920x1080:2:nl:1
# Prints one line per PNG. Exit 0 all written, 1 a shot failed, 77 a tool is missing.
set -u
bin="${1:?usage: gui_class_screenshots.sh WINDOW_PROGRAM OUT_DIR [SIZE:TEXT:LANG:CONTRAST ...]}"
out="${2:?usage: gui_class_screenshots.sh WINDOW_PROGRAM OUT_DIR [SIZE:TEXT:LANG:CONTRAST ...]}"
shift 2
[ $# -gt 0 ] || set -- 1920x1080:2:en:0 1920x1080:2:nl:0 1920x1080:2:nl:1 1280x720:2:en:0
for tool in Xvfb xdpyinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "gui_class_screenshots: SKIP: $tool not installed" >&2; exit 77; }
done
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-class.XXXXXX")"
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

failures=0
for config in "$@"; do
    IFS=: read -r size text lang contrast <<<"$config"
    contrast="${contrast:-0}"
    display=""
    for n in $(seq 700 799); do
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
    [ -n "$display" ] || { echo "gui_class_screenshots: cannot start Xvfb" >&2; exit 1; }
    home="$work/home-$size-$text-$lang-$contrast"
    mkdir -p "$home/config/salesdojo" "$home/data"
    hc=false; [ "$contrast" = 1 ] && hc=true
    printf '{"language": "%s", "font_scale": %s, "high_contrast": %s}\n' "$lang" "$text" "$hc" >"$home/config/salesdojo/settings.json"
    stem="$out/class-$size-$text-$lang$([ "$contrast" = 1 ] && echo -contrast)"
    steps="wait=3;class=cannot_pay;wait=3;class-step;class-hands-count=1:4;class-hands-count=2:9;class-hands-count=3:2;wait=3;shot=$stem-voting.png"
    steps="$steps;class-prompt;class-step;class-step;class-step;wait=3;shot=$stem-feedback.png"
    steps="$steps;class-panel;wait=3;shot=$stem-panel.png;class-end;wait=3;shot=$stem-report.png;quit"
    DISPLAY="$display" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" SALESDOJO_WINDOW_SIZE="$size" \
        SALESDOJO_CLASS_ADDRESS=127.0.0.1 SALESDOJO_GUI_SCRIPT="$steps" timeout 120 "$bin" >"$work/run.log" 2>&1
    rc=$?
    kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; xvfb_pid=""
    for shot in voting feedback panel report; do
        if [ -s "$stem-$shot.png" ]; then echo "$stem-$shot.png"; else failures=$((failures + 1)); fi
    done
    grep -q "does nothing here" "$work/run.log" && { echo "gui_class_screenshots: $config: a step did nothing" >&2; sed 's/^/    /' "$work/run.log" >&2; failures=$((failures + 1)); }
    [ "$rc" = 0 ] || { echo "gui_class_screenshots: $config exited with $rc" >&2; sed 's/^/    /' "$work/run.log" >&2; failures=$((failures + 1)); }
done
[ "$failures" = 0 ]
