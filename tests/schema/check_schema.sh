#!/usr/bin/env bash
# The schema against a real validator (Ajv, JSON Schema 2020-12), run by ctest from the source tree:
#  1. every file the loader accepts (bundled scenarios, every fixture under tests/data that lints
#     without an error) is valid for the schema: an editor never marks a good scenario red;
#  2. every fixture the schema can express a rule for (tests/schema/invalid/*.json and the structural
#     SD1006-SD1012 fixtures) is refused by the loader AND by the schema.
# Usage: check_schema.sh PATH/TO/salesdojo. Exit 77 (skipped) only when node is not installed.
set -uo pipefail
cli=${1:?usage: check_schema.sh PATH/TO/salesdojo}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v node >/dev/null 2>&1; then
  if [[ ${SALESDOJO_CI:-} == 1 ]]; then
    echo "FAILED: node is not installed, and CI must check the schema (scripts/setup.sh installs nodejs and npm)"
    exit 1
  fi
  echo "SKIPPED: node is not installed, so the schema cannot be checked with Ajv (apt-get install nodejs npm; scripts/setup.sh installs both)"
  exit 77
fi
if [[ ! -f "$here/node_modules/ajv/dist/2020.js" || ! -d "$here/node_modules/ajv-formats" ]]; then
  echo "FAILED: Ajv is not installed in tests/schema/node_modules: run scripts/setup.sh (it runs 'npm ci' there)"
  exit 1
fi

# Accepted: lint exits 0 and prints no diagnostic at all (an unknown key is only a warning, SD1009,
# for the loader; the schema refuses it so that an editor marks the typo).
valid=() refused_by_loader=()
while IFS= read -r file; do
  out=$("$cli" lint "$file" 2>/dev/null)
  if [[ $? -eq 0 && -z $out ]]; then valid+=("$file"); else refused_by_loader+=("$file"); fi
done < <(find "$root/scenarios" "$root/tests/data" -name '*.json' -type f | sort)

expressible=("$root"/tests/schema/invalid/*.json)
for code in SD1006 SD1007 SD1008 SD1009 SD1010 SD1012; do expressible+=("$root"/tests/data/invalid/"$code"_*.json); done
status=0
for file in "${expressible[@]}"; do
  out=$("$cli" lint "$file" 2>/dev/null)
  rc=$?
  if [[ $rc -ne 1 && $out != *"warning[SD1009]"* ]]; then
    echo "$file: the loader should refuse it (an error, or the unknown-key warning SD1009), but lint exited $rc: $out"
    status=1
  fi
done

echo "loader: ${#valid[@]} files accepted, ${#refused_by_loader[@]} refused; ${#expressible[@]} fixtures the schema must refuse"
node "$here/validate.mjs" "$root/docs/scenario.schema.json" --valid "${valid[@]}" --invalid "${expressible[@]}" || status=1
exit $status
