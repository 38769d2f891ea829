#!/usr/bin/env bash
# Installs what is missing (Debian 12), configures and builds SalesDojo. Idempotent and quiet when
# nothing is missing. Environment:
#   SALESDOJO_BUILD_DIR   build folder (default: build)
#   SALESDOJO_CMAKE_ARGS  extra CMake arguments (e.g. -DSALESDOJO_SANITIZE=ON or -DSALESDOJO_GUI=OFF)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ pkg-config nlohmann-json3-dev doctest-dev libcli11-dev
          libsfml-dev libimgui-dev libfreetype-dev libgl1-mesa-dri
          xvfb xauth xdotool x11-utils imagemagick espeak-ng)

packages+=(libsqlite3-dev)  # the results database (src/store), for the command line too
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

build_dir=${SALESDOJO_BUILD_DIR:-build}
log="$build_dir.log"
# shellcheck disable=SC2086
if ! { cmake -S . -B "$build_dir" -G Ninja ${SALESDOJO_CMAKE_ARGS:-} >"$log" 2>&1 &&
       cmake --build "$build_dir" >>"$log" 2>&1; }; then
  cat "$log"
  echo "setup: the build failed (log above, also in $log)" >&2
  exit 1
fi
