#!/usr/bin/env bash
# ctest smoke_install: installs the build to a temporary prefix, moves the installed tree to another
# folder, hides the source and build folders, and runs the installed program from there:
#   1. what goes where (binary, window, scenarios, fonts, docs, desktop entry, icon, man page);
#   2. `salesdojo lint` of the installed scenarios and `salesdojo run --choices ... --debrief`;
#   3. `salesdojo` (which execs libexec/salesdojo/salesdojo-window) under Xvfb: the installed
#      scenarios and fonts are found relative to the executable; a scripted run to the debrief and a
#      screenshot (right size, not blank);
#   4. the window program copied away from its prefix finds the data through $XDG_DATA_DIRS.
# Hiding: a private mount namespace (unshare -m as root, unshare -rm otherwise) with an empty tmpfs
# over the source folder and the build folder, so nothing in them can be read; the real worktree is
# never moved or changed. Where no namespace can be made, the test says so and relies on the
# "loaded from" trace lines (step 3, 4) to show where the data came from.
# Called as: bash install.sh <salesdojo binary> (ctest sets SALESDOJO_CMAKE to CMake's path).
# Exit 0 ok, 1 failed, 77 a tool is missing or the build has no window.
set -u
bin="${1:?usage: install.sh <path-to-salesdojo>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
build="$(cd "$(dirname "$bin")" && pwd -P)"
cmake="${SALESDOJO_CMAKE:-cmake}"
. "$here/tests/smoke/lib/xvfb.sh"

for tool in Xvfb xdpyinfo convert identify "$cmake"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "install: SKIP: $tool not installed (apt-get install xvfb x11-utils imagemagick cmake)" >&2
        exit 77
    fi
done
if [ ! -x "$build/salesdojo-window" ]; then
    echo "install: SKIP: $build has no salesdojo-window (a build without the GUI)" >&2
    exit 77
fi

work="$(mktemp -d /tmp/salesdojo-install-smoke.XXXXXX)"
work="$(cd "$work" && pwd -P)"
keep=0
cleanup() {
    stop_xvfb
    [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() {
    echo "install: FAIL: $*" >&2
    for f in install.log inner.log window.err xdg.err xvfb.log; do
        [ -s "$work/$f" ] && { echo "--- $f (last lines)" >&2; tail -n 15 "$work/$f" >&2; }
    done
    keep=1
    echo "install: files kept in $work" >&2
    exit 1
}

# 1. Install, and check what went where.
"$cmake" --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || fail "cmake --install failed"
for f in bin/salesdojo libexec/salesdojo/salesdojo-window \
         share/salesdojo/scenarios/demanding_director.json \
         share/salesdojo/assets/fonts/DejaVuSans.ttf share/salesdojo/assets/fonts/DejaVuSans-Bold.ttf \
         share/salesdojo/assets/fonts/LICENSE-DejaVu.txt \
         share/applications/salesdojo.desktop share/icons/hicolor/scalable/apps/salesdojo.svg \
         share/man/man1/salesdojo.1 share/doc/salesdojo/README.md share/doc/salesdojo/LICENSE \
         share/doc/salesdojo/licences.md share/doc/salesdojo/scenario-format.md; do
    [ -s "$work/prefix/$f" ] || fail "not installed: $f"
done
[ "$(ls "$work/prefix/share/salesdojo/scenarios" | wc -l)" = "$(ls "$here/scenarios" | wc -l)" ] ||
    fail "not every scenario was installed"
[ ! -e "$work/prefix/bin/salesdojo-data-dir" ] || fail "the build tree's marker was installed"
# No installed text file names the source or the build folder.
if grep -rlI -e "$here" -e "$build" "$work/prefix" >"$work/leaks.txt"; then
    fail "installed files name the source or build folder: $(tr '\n' ' ' <"$work/leaks.txt")"
fi

# 2. Move the installed tree: the program must find its data relative to itself, wherever it is.
mkdir -p "$work/moved"
cp -a "$work/prefix" "$work/moved/usr"
rm -rf "$work/prefix"
root="$work/moved/usr"

# A display of our own (tests/smoke/lib/xvfb.sh says why it is done so).
start_xvfb 400 599 1280x720 "$work/xvfb.log" || fail "cannot start Xvfb"

# 3 + 4 run inside the namespace, from a script in the temporary folder (the source folder, where
# this script lives, is hidden there).
cat >"$work/inner.sh" <<'INNER'
set -u
here="$1" build="$2" work="$3" root="$4" hide="$5"
step() { echo "inner: $*"; }
die() { echo "inner: FAIL: $*"; exit 1; }
if [ "$hide" = 1 ]; then
    mount -t tmpfs -o size=64k,mode=000 salesdojo-hidden "$here" || die "cannot hide $here"
    case "$build/" in "$here"/*) ;; *) mount -t tmpfs -o size=64k,mode=000 salesdojo-hidden "$build" || die "cannot hide $build" ;; esac
    [ -e "$here/scenarios" ] && die "the source folder is still visible"
    [ -e "$build/salesdojo-window" ] && die "the build folder is still visible"
    step "source and build folders hidden"
fi
cd "$work" || die "cd $work"
unset SALESDOJO_DATA_DIR SALESDOJO_SCENARIOS_DIR SALESDOJO_ASSETS_DIR SALESDOJO_WINDOW_PROGRAM
export XDG_DATA_HOME="$work/xdg/data" XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_DIRS="$work/xdg/none"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
sd="$root/bin/salesdojo"
data="$root/share/salesdojo"

"$sd" lint "$data/scenarios" >"$work/lint.out" 2>&1 || die "lint of the installed scenarios: $(tail -n 5 "$work/lint.out")"
step "lint ok"
"$sd" run "$data/scenarios/demanding_director.json" --lang en --debrief \
    --choices ask_what,lecture,hold_course,refuse_rude,go_with_them >"$work/run.out" 2>&1 ||
    die "run --debrief: $(tail -n 5 "$work/run.out")"
grep -qi "overall" "$work/run.out" || die "run --debrief printed no overall score"
step "run --debrief ok"

# The window through `salesdojo` (exec of libexec/salesdojo/salesdojo-window), played to the debrief.
SALESDOJO_GUI_TRACE=1 SALESDOJO_WINDOW_SIZE=1280x720 \
    SALESDOJO_GUI_SCRIPT="lang=en;wait=3;open=demanding_director;finish=1;wait=4;shot=$work/installed-debrief.png;quit" \
    timeout 120 "$sd" >"$work/window.out" 2>"$work/window.err" || die "the installed window exited with $?"
grep -q "scenarios loaded from $data/scenarios\b" "$work/window.err" || die "scenarios not loaded from $data/scenarios"
grep -q "fonts loaded from $data/assets/fonts\b" "$work/window.err" || die "fonts not loaded from $data/assets/fonts"
grep -E "^salesdojo: .*(warning|does nothing here|not found)" "$work/window.err" && die "the window complained"
grep -q "^screen=debrief screenshot=$work/installed-debrief.png\$" "$work/window.out" || die "no debrief screenshot"
step "window ok (data relative to the executable)"

# The window program alone, away from its prefix: the data through $XDG_DATA_DIRS.
mkdir -p "$work/lone"
cp "$root/libexec/salesdojo/salesdojo-window" "$work/lone/"
XDG_DATA_DIRS="$work/xdg/none:$root/share" SALESDOJO_GUI_TRACE=1 SALESDOJO_WINDOW_SIZE=1280x720 \
    SALESDOJO_GUI_SCRIPT="lang=nl;wait=3;shot=$work/xdg-home.png;quit" \
    timeout 120 "$work/lone/salesdojo-window" >"$work/xdg.out" 2>"$work/xdg.err" || die "the lone window exited with $?"
grep -q "scenarios loaded from $data/scenarios\b" "$work/xdg.err" || die "XDG_DATA_DIRS: scenarios not found there"
grep -q "fonts loaded from $data/assets/fonts\b" "$work/xdg.err" || die "XDG_DATA_DIRS: fonts not found there"
step "window ok (data through XDG_DATA_DIRS)"
INNER

hide=0
namespace=()
if [ "$(id -u)" = 0 ] && unshare -m --propagation private true 2>/dev/null; then
    namespace=(unshare -m --propagation private)
    hide=1
elif unshare -rm --propagation private true 2>/dev/null; then
    namespace=(unshare -rm --propagation private)
    hide=1
else
    echo "install: NOTE: no mount namespace here (unshare); the source and build folders stay visible," \
         "the trace lines show where the data came from" >&2
fi
DISPLAY="$display" "${namespace[@]}" bash "$work/inner.sh" "$here" "$build" "$work" "$root" "$hide" \
    >"$work/inner.log" 2>&1 || fail "the installed program failed (inner.log)"
sed 's/^/  /' "$work/inner.log"

for png in "$work/installed-debrief.png" "$work/xdg-home.png"; do
    [ -s "$png" ] || fail "no screenshot $png"
    size="$(identify -format '%wx%h' "$png" 2>/dev/null)"
    [ "$size" = "1280x720" ] || fail "$png is $size, expected 1280x720"
    sd="$(convert "$png" -format '%[fx:standard_deviation]' info: 2>/dev/null)"
    awk -v s="${sd:-0}" 'BEGIN { exit !(s > 0.02) }' || fail "$png looks blank (standard deviation $sd)"
done
if [ -n "${SALESDOJO_KEEP_SCREENSHOTS:-}" ]; then
    mkdir -p "$SALESDOJO_KEEP_SCREENSHOTS" && cp "$work"/*.png "$SALESDOJO_KEEP_SCREENSHOTS/"
fi
echo "install: ok: installed, moved, run with the source and build folders $([ "$hide" = 1 ] && echo hidden || echo visible)"
exit 0
