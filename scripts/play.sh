#!/usr/bin/env bash
# Sets up SalesDojo (see setup.sh) and starts it on the bundled scenarios.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build_dir=${SALESDOJO_BUILD_DIR:-build}
exec "$build_dir/salesdojo" run scenarios/demanding_director.json "$@"
