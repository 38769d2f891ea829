#!/usr/bin/env bash
# Builds SalesDojo in Release (build-release, no GUI) and runs the benchmarks (tests/bench/).
# Extra arguments go to salesdojo_bench, e.g.:  scripts/bench.sh --sizes 10000 --runs 3
# (default: 100, 1,000 and 10,000 nodes at real density, 2 facts, plus a 10,000-node "stress" column
# with 4 facts; --stress-facts 0 leaves that out, --no-cli-report skips the `analyze` path).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${SALESDOJO_BENCH_BUILD_DIR:-build-release}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSALESDOJO_GUI=OFF >/dev/null
cmake --build "$build_dir" --target salesdojo_bench
"$build_dir/salesdojo_bench" "$@"
