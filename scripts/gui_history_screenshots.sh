#!/usr/bin/env bash
# Screenshots of the results screens for a human to look at: the home screen with the trainee picker
# and a resume card, the history screen with its plots, the home screen with the keyboard focus and
# the question asked when Home is pressed mid-run,
# in English and Dutch at 1280x720 (and the history at 1024x600). The database is seeded through the
# real command line: trainee "Anna" plays several scenarios with different answers (`salesdojo run`
# reading numbers on stdin), their dates are spread over three weeks with sqlite3, and one run is left
# unfinished (answer 1, then q). Each shot runs the real window on its own fresh Xvfb.
#
# usage: scripts/gui_history_screenshots.sh [SALESDOJO_BINARY] [OUT_DIR]
#   defaults: build/salesdojo, build/screenshots-history
# Prints one line per PNG. Exit 0 all written, 1 a shot failed, 77 a tool is missing.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$here/build/salesdojo}"
out="${2:-$here/build/screenshots-history}"
for tool in Xvfb xdpyinfo sqlite3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "gui_history_screenshots: SKIP: $tool not installed" >&2; exit 77; }
done
[ -x "$bin" ] || { echo "gui_history_screenshots: no binary at $bin" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-history-shots.XXXXXX")"
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

. "$here/tests/smoke/lib/xvfb.sh"  # start_xvfb, stop_xvfb

# The seeded data folder, shared by every shot.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
unset SALESDOJO_DATA_HOME
db="$XDG_DATA_HOME/salesdojo/results.sqlite"
play() {  # scenario answer: plays it to the end answering `answer` (or the next available) each time
    yes "$2" | head -n 300 | "$bin" run "$here/scenarios/$1.json" --trainee Anna --lang en >/dev/null 2>>"$work/seed.log"
}
play demanding_director 1; play free_time 2; play demanding_director 2; play cannot_pay 1
play free_time 1; play demanding_director 3; play cannot_pay 2; play guarantee_demand 1
"$bin" run "$here/scenarios/free_time.json" --trainee Bram --choices 1 >/dev/null 2>>"$work/seed.log" || true
printf '1\nq\n' | "$bin" run "$here/scenarios/scope_creep.json" --trainee Anna --lang en >/dev/null 2>>"$work/seed.log"
# Spread the attempts over three weeks, the first one oldest (the history plots them in time order).
sqlite3 "$db" "UPDATE attempts SET ended_ms = ended_ms - (9 - id) * 2 * 86400000 - 3600000 * id,
                                    started_ms = started_ms - (9 - id) * 2 * 86400000 - 3600000 * id;" ||
    { echo "gui_history_screenshots: cannot seed $db" >&2; cat "$work/seed.log" >&2; exit 1; }
n="$(sqlite3 "$db" 'SELECT count(*) FROM attempts')"
echo "gui_history_screenshots: seeded $n attempts, $(sqlite3 "$db" 'SELECT count(*) FROM saved_runs') saved run(s)" >&2

failures=0
shot() {  # name size lang script
    local name="$1" size="$2" lang="$3" script="$4"
    local png="$out/${name}-${size}-${lang}.png"
    mkdir -p "$XDG_CONFIG_HOME/salesdojo"
    printf '{"language": "%s"}\n' "$lang" >"$XDG_CONFIG_HOME/salesdojo/settings.json"
    rm -f "$png"
    start_xvfb 400 519 1920x1080 "$work/xvfb.log" || { echo "gui_history_screenshots: cannot start Xvfb" >&2; failures=$((failures + 1)); return; }
    DISPLAY="$display" SALESDOJO_WINDOW_SIZE="$size" SALESDOJO_GUI_SCRIPT="lang=$lang;wait=3;$script;shot=$png;quit" \
        timeout 60 "$bin" --trainee Anna >"$work/run.log" 2>&1
    local rc=$?
    stop_xvfb
    if [ "$rc" = 0 ] && [ -s "$png" ]; then
        echo "$png"
    else
        echo "gui_history_screenshots: FAIL $name $size $lang (rc=$rc)" >&2
        sed 's/^/    /' "$work/run.log" >&2
        failures=$((failures + 1))
    fi
}

for lang in en nl; do
    shot home 1280x720 "$lang" "wait=2"
    shot history 1280x720 "$lang" "history;wait=4"
    shot history 1024x600 "$lang" "history;wait=4"
    shot home-keyboard 1280x720 "$lang" "key=tab;key=tab;key=tab;wait=3"
    shot leave 1280x720 "$lang" "open=demanding_director;key=space;wait=2;choose=1;continue;key=space;wait=2;home;wait=3"
done
[ "$failures" = 0 ] || { echo "gui_history_screenshots: $failures shot(s) failed" >&2; exit 1; }
exit 0
