#!/usr/bin/env bash
# import-twee on stories written by the reference Twee tool, extwee (npm; version pinned in
# package.json and package-lock.json here): extwee builds one story with its API and decompiles a
# Twine 2 HTML story; salesdojo imports both, lints them and plays them to an ending.
#   bash tests/twee/run_extwee_test.sh path/to/salesdojo
# Exit 77 (skipped) only when Node.js is not installed (scripts/setup.sh installs nodejs and npm).
set -euo pipefail
salesdojo=$1
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIP: Node.js (node and npm) is not installed; scripts/setup.sh installs it" >&2
  exit 77
fi
if [[ ! -f $here/node_modules/extwee/package.json ]]; then
  echo "installing extwee from tests/twee/package-lock.json (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$here/write_stories.mjs" "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

# built.twee: written by extwee's Story.toTwee(); the start comes from StoryData.
"$salesdojo" import-twee "$work/built.twee" --out "$work/built.json" 2>"$work/built.err" || { cat "$work/built.err"; fail "import of built.twee"; }
grep -q "5 passage(s) -> 5 choice(s), 3 ending(s)" "$work/built.err" || { cat "$work/built.err"; fail "built.twee: passages, choices, endings"; }
grep -q "todo: 'StoryJavaScript' holds story-format code" "$work/built.err" || fail "built.twee: the script passage is a todo"
"$salesdojo" lint "$work/built.json" >"$work/lint.out" 2>&1 || { cat "$work/lint.out"; fail "built.json does not lint clean of errors"; }
out=$("$salesdojo" run "$work/built.json" --no-store --choices ask_about_her_needs,ask_who_decides_on_the_budget --json)
grep -q '"state": "finished"' <<<"$out" || fail "built.json: the needs -> budget line does not reach its ending"
grep -q '"node": "budget"' <<<"$out" || fail "built.json: [[target<-text]] did not lead to Budget"

# decompiled.twee: a Twine 2 HTML story, parsed and written back as Twee by extwee.
"$salesdojo" import-twee "$work/decompiled.twee" --out "$work/decompiled.json" 2>"$work/decompiled.err" || { cat "$work/decompiled.err"; fail "import of decompiled.twee"; }
grep -q "3 passage(s) -> 4 choice(s), 1 ending(s)" "$work/decompiled.err" || { cat "$work/decompiled.err"; fail "decompiled.twee: passages, choices, endings"; }
grep -q "written for Harlowe" "$work/decompiled.err" || fail "decompiled.twee: the story format is named"
grep -q "todo: 'Sort' uses a macro ((if:...)" "$work/decompiled.err" || fail "decompiled.twee: the Harlowe macro is a todo"
"$salesdojo" lint "$work/decompiled.json" >"$work/lint.out" 2>&1 || { cat "$work/lint.out"; fail "decompiled.json does not lint clean of errors"; }
out=$("$salesdojo" run "$work/decompiled.json" --no-store --choices sort_the_list_first,call_the_twelve --json)
grep -q '"state": "finished"' <<<"$out" || fail "decompiled.json: Monday -> Sort -> Call does not finish"
grep -q '"id": "the_call_list"' "$work/decompiled.json" || fail "decompiled.json: the id comes from StoryTitle"
echo "extwee stories imported, linted and played"
