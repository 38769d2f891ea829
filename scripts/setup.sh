#!/usr/bin/env bash
# Installs what is missing (Debian 12), configures and builds SalesDojo. Idempotent and quiet when
# nothing is missing. Environment:
#   SALESDOJO_BUILD_DIR   build folder (default: build)
#   SALESDOJO_CMAKE_ARGS  extra CMake arguments (e.g. -DSALESDOJO_SANITIZE=ON or -DSALESDOJO_GUI=OFF;
#                         with -DSALESDOJO_GUI=OFF nothing for the window is installed: no SFML, X,
#                         Xvfb, ImageMagick or espeak-ng; with -DCMAKE_CXX_COMPILER=clang++, clang)
#   SALESDOJO_BUILD_TARGET  build only this target (default: everything)
set -euo pipefail
cd "$(dirname "$0")/.."

# The core, the command line and their tests need only these.
packages=(cmake ninja-build g++ pkg-config nlohmann-json3-dev doctest-dev libcli11-dev)
# The window and its tests (Xvfb, xdotool and ImageMagick drive and check it; espeak-ng reads aloud;
# rsvg-convert renders the PNG icon; desktop-file-validate checks the desktop entry), unless the
# build is configured without it.
shopt -s nocasematch
if [[ " ${SALESDOJO_CMAKE_ARGS:-} " =~ [[:space:]]-DSALESDOJO_GUI(:BOOL)?=(OFF|0|NO|FALSE|N)[[:space:]] ]]; then
  gui=0
else
  gui=1
fi
if [[ " ${SALESDOJO_CMAKE_ARGS:-} " =~ CMAKE_CXX_COMPILER(:[A-Z]+)?=[^[:space:]]*clang ]]; then
  packages+=(clang)
fi
# The fuzz build (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes.
if [[ ${SALESDOJO_CMAKE_ARGS:-} == *SALESDOJO_FUZZ=ON* ]]; then packages+=(clang libclang-rt-14-dev); fi
shopt -u nocasematch
if ((gui)); then
  # libgraphviz-dev: the authoring screen lays its graph out with Graphviz's library (libgvc).
  # libxrandr-dev: the monitors of the desktop (RandR 1.5), for the trainer's second window;
  # x11-xserver-utils: xrandr, which gives the test's Xvfb two monitors.
  packages+=(libsfml-dev libimgui-dev libfreetype-dev libgraphviz-dev libxrandr-dev x11-xserver-utils libgl1-mesa-dri
             xvfb xauth xdotool x11-utils imagemagick espeak-ng librsvg2-bin desktop-file-utils
             chromium)  # the classroom test drives the real voting page in headless Chromium
fi

packages+=(libsqlite3-dev)  # the results database (src/store), for the command line too
packages+=(libcpp-httplib-dev)  # sending xAPI statements to a learning record store (src/xapi)
# Classroom mode (src/classroom): the QR code of the voting page; zbar-tools reads it back in a test.
packages+=(libqrencode-dev zbar-tools)
# Node.js runs the xAPI, schema and Twee tests (Learning Locker's validator, an in-memory LRS). A machine may have
# its own Node.js with npm (NodeSource's package conflicts with Debian's npm): only when the
# commands are missing are Debian's packages installed.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
missing=()
for p in "${packages[@]}"; do
  if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The xAPI tests' npm packages (tests/xapi/package-lock.json) into tests/xapi/node_modules, again
# only when the lock file changed since the last install.
xapi_tests=tests/xapi
lock_sum=$(sha256sum "$xapi_tests/package-lock.json" | cut -d' ' -f1)
if [[ ! -f $xapi_tests/node_modules/.salesdojo-lock || $(cat "$xapi_tests/node_modules/.salesdojo-lock") != "$lock_sum" ]]; then
  echo "Installing the xAPI tests' npm packages (tests/xapi)"
  if ! (cd "$xapi_tests" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    echo "setup: npm ci in $xapi_tests failed" >&2
    exit 1
  fi
  echo "$lock_sum" >"$xapi_tests/node_modules/.salesdojo-lock"
fi
# Optional, for authors: Graphviz renders `salesdojo graph --svg` (its test checks the SVG when present).
if [[ $(dpkg-query -W -f='${Status}' graphviz 2>/dev/null) != "install ok installed" ]]; then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends graphviz >/dev/null 2>&1 ||
    echo "setup: graphviz not installed (optional: only 'salesdojo graph --svg' needs it)"
fi
# Ajv for the schema check, at the versions package-lock.json pins (node_modules is not committed).
if [[ ! -f tests/schema/node_modules/.package-lock.json || tests/schema/package-lock.json -nt tests/schema/node_modules/.package-lock.json ]]; then
  (cd tests/schema && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
    echo "setup: 'npm ci' in tests/schema failed; the schema_ajv test will fail until it succeeds" >&2
fi

build_dir=${SALESDOJO_BUILD_DIR:-build}
log="$build_dir.log"
# shellcheck disable=SC2086
if ! { cmake -S . -B "$build_dir" -G Ninja ${SALESDOJO_CMAKE_ARGS:-} >"$log" 2>&1 &&
       cmake --build "$build_dir" ${SALESDOJO_BUILD_TARGET:+--target "$SALESDOJO_BUILD_TARGET"} >>"$log" 2>&1; }; then
  cat "$log"
  echo "setup: the build failed (log above, also in $log)" >&2
  exit 1
fi
