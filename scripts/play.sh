#!/usr/bin/env bash
# Sets up SalesDojo (see setup.sh) and starts it on the bundled scenarios: the window when there is
# a display, otherwise the demanding-director scenario in the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build_dir=${SALESDOJO_BUILD_DIR:-build}
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]] && "$build_dir/salesdojo" --help | grep -q "^  play"; then
  exec "$build_dir/salesdojo" "$@"
fi
exec "$build_dir/salesdojo" run scenarios/demanding_director.json "$@"
