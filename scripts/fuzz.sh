#!/usr/bin/env bash
# Runs one libFuzzer harness (tests/fuzz/) for a bounded time:
#   scripts/fuzz.sh loader|expression|session|all [seconds, default 60]
# Builds the harnesses first (clang, AddressSanitizer + UBSan, in build-fuzz/; set-up installs clang
# and libFuzzer when missing). New inputs go to build-fuzz/corpus/HARNESS, crashes to
# build-fuzz/artifacts/HARNESS/ (exit code 1 and the reproducer's path). Replay a crash with
#   build-fuzz/fuzz_HARNESS build-fuzz/artifacts/HARNESS/crash-...
# Environment: SALESDOJO_FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."

harness=${1:-}
seconds=${2:-60}
case "$harness" in
  loader|expression|session) harnesses=("$harness") ;;
  all) harnesses=(loader expression session) ;;
  *) echo "usage: scripts/fuzz.sh loader|expression|session|all [seconds]" >&2; exit 2 ;;
esac
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "fuzz.sh: seconds must be a positive whole number, not '$seconds'" >&2
  exit 2
fi

build_dir=${SALESDOJO_FUZZ_BUILD_DIR:-build-fuzz}
SALESDOJO_BUILD_DIR=$build_dir SALESDOJO_BUILD_TARGET=fuzzers \
  SALESDOJO_CMAKE_ARGS="-DCMAKE_CXX_COMPILER=clang++ -DSALESDOJO_FUZZ=ON -DSALESDOJO_GUI=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo ${SALESDOJO_CMAKE_ARGS:-}" \
  bash scripts/setup.sh

status=0
for h in "${harnesses[@]}"; do
  # Seeds: the committed corpus (and, for the loader, the fixtures); new inputs: the build folder.
  seeds=(tests/fuzz/corpus/"$h")
  max_len=4096
  case "$h" in
    loader) seeds+=(tests/data/valid tests/data/invalid); max_len=8192 ;;
    expression) max_len=4200 ;;  # just over the 4096-byte limit on conditions
  esac
  work="$build_dir/corpus/$h"
  artifacts="$build_dir/artifacts/$h"
  mkdir -p "$work" "$artifacts"
  log="$build_dir/fuzz_$h.log"
  echo "=== fuzz_$h for $seconds s (log: $log) ==="
  if "$build_dir/fuzz_$h" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
       -dict="tests/fuzz/$h.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
       "$work" "${seeds[@]}" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz_$h: no crash, $runs executions ($rate/s), corpus $(find "$work" -type f | wc -l) new inputs"
  else
    status=1
    grep -E "ERROR|invariant broken|SUMMARY|Test unit written" "$log" | head -20 >&2 || true
    echo "fuzz_$h: FAILED (full log: $log); reproducer in $artifacts/" >&2
  fi
done
exit $status
