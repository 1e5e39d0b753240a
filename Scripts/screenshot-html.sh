#!/usr/bin/env bash
# Screenshot of an HTML page (the `tarjim draft --format html` review page) with headless Chromium,
# to look at how the browser lays it out: direction of mixed Arabic/English, highlights, badges.
#
#   Scripts/screenshot-html.sh IN.html OUT.png [WIDTHxHEIGHT]     (default 1400x900)
#
# Example:
#   tarjim draft --format html Scripts/sample.ar.txt -o /tmp/draft.html
#   Scripts/screenshot-html.sh /tmp/draft.html /tmp/draft.png
#
# Needs Debian's `chromium` (apt-get install chromium) and an Arabic font (fonts-noto-core has Noto
# Naskh Arabic and Noto Sans Arabic; without one, Arabic may show as boxes). This script installs
# nothing. Set CHROMIUM to use another binary. Exit 0 when the PNG was written, 1 when Chromium
# failed, 2 on a usage or setup problem.
set -euo pipefail

usage() { echo "usage: $0 IN.html OUT.png [WIDTHxHEIGHT]" >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
in=$1
out=$2
size=${3:-1400x900}
[[ $size =~ ^[0-9]+x[0-9]+$ ]] || usage
[ -f "$in" ] || { echo "screenshot-html: no such file: $in" >&2; exit 2; }

chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chromium=$(command -v "$c"); break; fi
  done
fi
[ -n "$chromium" ] || { echo "screenshot-html: chromium not found (apt-get install chromium, or set CHROMIUM)" >&2; exit 2; }
fonts=$(fc-list 2>/dev/null || true)
if ! grep -qi -E 'arabic|naskh|amiri|scheherazade' <<<"$fonts"; then
  echo "screenshot-html: warning: no Arabic font found by fc-list (apt-get install fonts-noto-core)" >&2
fi

abs_in=$(cd "$(dirname "$in")" && pwd)/$(basename "$in")
mkdir -p "$(dirname "$out")"
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
rm -f "$abs_out"

# A throwaway profile, so no state leaks between runs; --no-sandbox because CI containers run as root.
profile=$(mktemp -d "${TMPDIR:-/tmp}/screenshot-html.XXXXXX")
trap 'rm -rf "$profile"' EXIT
log=$profile/chromium.log
if ! "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size="${size/x/,}" --screenshot="$abs_out" "file://$abs_in" >"$log" 2>&1; then
  echo "screenshot-html: chromium failed:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
[ -s "$abs_out" ] || { echo "screenshot-html: chromium wrote no screenshot" >&2; tail -n 20 "$log" >&2; exit 1; }
echo "$abs_out"
