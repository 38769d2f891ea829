#!/usr/bin/env bash
# ctest smoke_class_projector: the classroom mode's projector in the real window program on its own
# Xvfb at 1920x1080 and 200 % text (scripts/gui_class_screenshots.sh): a class of cannot_pay with
# phones on 127.0.0.1, while voting and after the feedback (the whole exchange), with the trainer's
# panel, and the class report. Checks each PNG (right size, not blank) and, with zbarimg, that the QR
# code drawn on the projector decodes to the join address.
# Called as: bash class_projector.sh <salesdojo binary>. Exit 0 ok, 1 failed, 77 a tool is missing.
set -u
bin="${1:?usage: class_projector.sh <path-to-salesdojo>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
window="$(dirname "$bin")/salesdojo-window"
for tool in Xvfb xdpyinfo identify convert; do
    command -v "$tool" >/dev/null 2>&1 || { echo "class_projector: SKIP: $tool not installed" >&2; exit 77; }
done
[ -x "$window" ] || { echo "class_projector: SKIP: no salesdojo-window next to $bin" >&2; exit 77; }
out="$(mktemp -d "${TMPDIR:-/tmp}/salesdojo-class-smoke.XXXXXX")"
trap 'rm -rf "$out"' EXIT
cd "$here" || exit 1
bash scripts/gui_class_screenshots.sh "$window" "$out" 1920x1080:2:en:0
rc=$?
[ "$rc" = 77 ] && exit 77
[ "$rc" = 0 ] || { echo "class_projector: the screenshots failed ($rc)" >&2; exit 1; }
failures=0
for shot in voting feedback panel report; do
    png="$out/class-1920x1080-2-en-$shot.png"
    size="$(identify -format '%wx%h' "$png" 2>/dev/null)"
    colours="$(convert "$png" -format '%k' info: 2>/dev/null)"
    echo "class_projector: $shot: $size, $colours colours"
    [ "$size" = 1920x1080 ] || { echo "class_projector: $shot is $size, not 1920x1080" >&2; failures=$((failures + 1)); }
    [ "${colours:-0}" -gt 20 ] || { echo "class_projector: $shot looks blank" >&2; failures=$((failures + 1)); }
done
if command -v zbarimg >/dev/null 2>&1; then
    decoded="$(zbarimg --quiet --raw "$out/class-1920x1080-2-en-voting.png" 2>/dev/null)"
    echo "class_projector: the QR code on the projector reads '$decoded'"
    case "$decoded" in
        http://127.0.0.1:*/[0-9][0-9][0-9][0-9][0-9][0-9]) ;;
        *) echo "class_projector: the projector's QR code does not decode to the join address" >&2; failures=$((failures + 1)) ;;
    esac
fi
[ "$failures" = 0 ]
