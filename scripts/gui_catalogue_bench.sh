#!/usr/bin/env bash
# Figures for the home screen on a large folder (not a test; issue 9): COUNT copies of the bundled
# scenarios (default 5,000, each with its own id, generated into a temporary folder, never committed)
# shown by the real window under Xvfb:
#   1. start to the first interactive frame of the home screen (target <= 2 s) and a screenshot of it;
#   2. the time until every card is loaded (the script's open= waits for that) and the peak memory
#      (max RSS) of the whole run, with a screenshot of the home screen scrolled to nothing special.
#
# usage: scripts/gui_catalogue_bench.sh [SALESDOJO_BINARY] [COUNT] [OUT_DIR]
#   defaults: build-app/salesdojo 5000 build-app/screenshots
# Exit 0 when measured (whatever the figures), 1 when something did not run, 77 a tool is missing.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$here/build-app/salesdojo}"
count="${2:-5000}"
out="${3:-$here/build-app/screenshots}"
for tool in Xvfb xdpyinfo python3 /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "gui_catalogue_bench: SKIP: $tool not installed" >&2; exit 77; }
done
[ -x "$bin" ] || { echo "gui_catalogue_bench: no binary at $bin" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-catalogue.XXXXXX")"
xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; }
    rm -rf "$work"
}
trap cleanup EXIT

# The folder: copy k of scenario (k mod n), its top-level id made unique.
python3 - "$here/scenarios" "$work/pack" "$count" <<'PY'
import json, os, sys
src, dst, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst)
files = sorted(f for f in os.listdir(src) if f.endswith(".json"))
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in files]
for k in range(count):
    doc = json.loads(texts[k % len(texts)])
    doc["id"] = "copy_%05d" % k
    with open(os.path.join(dst, "copy_%05d.json" % k), "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False)
PY
size=$(du -sm "$work/pack" | cut -f1)
echo "folder: $count scenario files, $size MiB"

. "$here/tests/smoke/lib/xvfb.sh"
start_xvfb 500 599 1280x720 "$work/xvfb.log" || { echo "gui_catalogue_bench: cannot start Xvfb" >&2; exit 1; }
export DISPLAY="$display"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" SALESDOJO_SCENARIOS_DIR="$work/pack"

# 1. The first interactive frame, and the home screen while the cards load.
start=$(date +%s.%N)
SALESDOJO_GUI_TRACE=1 SALESDOJO_GUI_SCRIPT="wait=3;shot=$out/catalogue-loading.png;quit" \
    /usr/bin/time -v timeout 120 "$bin" >/dev/null 2>"$work/first.err"
inter=$(grep -o 'first interactive frame @[0-9.]*' "$work/first.err" | sed 's/.*@//')
[ -n "$inter" ] || { echo "gui_catalogue_bench: the window did not draw:"; cat "$work/first.err"; exit 1; }
awk -v a="$start" -v b="$inter" 'BEGIN { printf "start to first interactive frame of the home screen: %.2f s (target <= 2 s)\n", b - a }'
echo "screenshot while loading: $out/catalogue-loading.png"

# 2. Every card loaded (open= waits for the catalogue), then home again.
start=$(date +%s.%N)
SALESDOJO_GUI_SCRIPT="open=copy_$(printf %05d $((count - 1)));home;wait=3;shot=$out/catalogue-loaded.png;quit" \
    /usr/bin/time -v timeout 300 "$bin" >/dev/null 2>"$work/all.err"
end=$(date +%s.%N)
rss_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/all.err")
[ -n "$rss_kb" ] || { echo "gui_catalogue_bench: no memory figure"; cat "$work/all.err"; exit 1; }
awk -v a="$start" -v b="$end" -v k="$rss_kb" \
    'BEGIN { printf "every card loaded, one opened, home again: %.1f s; peak memory %.0f MiB\n", b - a, k / 1024 }'
echo "screenshot when loaded: $out/catalogue-loaded.png"
exit 0
