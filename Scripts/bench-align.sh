#!/usr/bin/env bash
# Benchmark for `tarjim align` on a long document pair: NTREX-128's 1,997 Arabic and English lines
# concatenated end to end until each side has 16,000 segments (the same text repeated, so the pair
# is a real translation of itself), aligned with --segmented. A second run drops every 50th English
# line and merges every 7th pair of English lines, so the path leaves the diagonal. Prints wall
# time, CPU time and peak resident memory from /usr/bin/time -v, and hunalign's beside them when given.
#
#   Scripts/bench-align.sh DATA_DIR [--tarjim PATH] [--hunalign PATH] [--segments N]
#
# DATA_DIR is ../shared/data/ntrex. Default tarjim: .build-align-rel/release/tarjim, then
# .build/release/tarjim (build with swift build -c release). Exit 2 on a setup problem.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
data=${1:?usage: Scripts/bench-align.sh DATA_DIR [--tarjim PATH] [--hunalign PATH] [--segments N]}
shift
tarjim=""
hunalign=""
segments=16000
while [ $# -gt 0 ]; do
  case $1 in
    --tarjim) tarjim=$2; shift 2 ;;
    --hunalign) hunalign=$2; shift 2 ;;
    --segments) segments=$2; shift 2 ;;
    *) echo "bench-align: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$tarjim" ]; then
  for c in "$repo/.build-align-rel/release/tarjim" "$repo/.build/release/tarjim"; do
    if [ -x "$c" ]; then tarjim=$c; break; fi
  done
fi
[ -x "${tarjim:-}" ] || { echo "bench-align: no tarjim executable (swift build -c release, or --tarjim PATH)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-align: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[ -f "$data/newstest2019.ar.txt" ] || { echo "bench-align: no NTREX files in $data" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-align.XXXXXX")
trap 'rm -rf "$work"' EXIT

repeat() {  # repeat FILE N: the file's lines repeated until there are N
  local src=$1 n=$2
  python3 - "$src" "$n" <<'PY'
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()]
n = int(sys.argv[2])
out = [lines[k % len(lines)] for k in range(n)]
sys.stdout.write("\n".join(out) + "\n")
PY
}
repeat "$data/newstest2019.ar.txt" "$segments" > "$work/ar.txt"
repeat "$data/newstest2019.en.txt" "$segments" > "$work/en.txt"
python3 - "$work/en.txt" > "$work/en-distorted.txt" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
out, k = [], 0
while k < len(lines):
    if k % 50 == 49:
        k += 1
        continue
    if k % 7 == 6 and k + 1 < len(lines):
        out.append(lines[k] + " " + lines[k + 1])
        k += 2
        continue
    out.append(lines[k])
    k += 1
sys.stdout.write("\n".join(out) + "\n")
PY
null_dic="$work/null.dic"
: > "$null_dic"

measure() {  # measure LABEL COMMAND...: prints the label, wall seconds and peak RSS
  local label=$1
  shift
  if ! /usr/bin/time -v "$@" > "$work/out" 2> "$work/time"; then
    echo "$label: FAILED"
    tail -5 "$work/time" | sed 's/^/    /'
    return
  fi
  local wall rss cpu
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  # CPU time (user + system): align runs a few steps on two threads.
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time")
  printf '%-44s wall %8s   cpu %6s s   peak RSS %7.1f MB   %s beads/rungs\n' "$label" "$wall" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(wc -l < "$work/out")"
}

echo "segments: Arabic $(wc -l < "$work/ar.txt"), English $(wc -l < "$work/en.txt") (distorted: $(wc -l < "$work/en-distorted.txt"))"
measure "tarjim align (undistorted, no dictionary)" "$tarjim" align --segmented --dictionary none --format jsonl "$work/ar.txt" "$work/en.txt"
measure "tarjim align (distorted, no dictionary)" "$tarjim" align --segmented --dictionary none --format jsonl "$work/ar.txt" "$work/en-distorted.txt"
# `--dictionary auto` aligns without a dictionary when FreeDict is not installed: say which ran.
if [ -f /usr/share/dictd/freedict-ara-eng.index ]; then
  measure "tarjim align (distorted, FreeDict)" "$tarjim" align --segmented --dictionary auto --format jsonl "$work/ar.txt" "$work/en-distorted.txt"
else
  echo "tarjim align (distorted, FreeDict): not run, dict-freedict-ara-eng is not installed"
fi
if [ -n "$hunalign" ]; then
  hunalign=$(realpath "$hunalign")
  cd "$work"  # hunalign leaves a translate.txt in its working folder
  measure "hunalign (undistorted, null dictionary)" "$hunalign" -utf "$null_dic" "$work/ar.txt" "$work/en.txt"
  measure "hunalign (distorted, null dictionary)" "$hunalign" -utf "$null_dic" "$work/ar.txt" "$work/en-distorted.txt"
fi
