#!/usr/bin/env bash
# Tarjim's throughput benchmark beside its Python and ICU peers, on one corpus, in one run.
#
#   Scripts/bench.sh DATA_DIR [--mb N] [--lib-mb M] [--cli-mb C] [--text-cli-mb T] [--peer-mb P]
#                    [--runs R] [--work DIR] [--python PATH] [--no-build]
#
# DATA_DIR is ../shared/data/ntrex (read by path). The script
#  1. builds tarjim and tarjim-bench in release (unless --no-build);
#  2. writes the inputs with `tarjim-bench corpus` into DIR (default /tmp/tarjim-bench): an N MB
#     corpus (default 100) and glossaries of 100, 1k and 100k entries (kept when already there);
#  3. runs each command's library pipeline with `tarjim-bench pipeline` on the first M MB (default
#     20; median of R runs, default 3; peak RSS of that process);
#  4. runs the real `tarjim` commands end to end through /usr/bin/time -v (median CPU time of R
#     runs and the highest peak RSS; output to /dev/null): draft and check on the first C MB,
#     segment, normalize --key and translit on the first T MB (each default: all of the corpus);
#  5. runs Scripts/bench-peers.py with PATH (default python3; it needs pyahocorasick, flashtext,
#     PyICU and camel-tools, e.g. a venv: pip install pyahocorasick flashtext PyICU and
#     pip install --no-deps camel-tools) on the first P MB (default 20), and uconv;
#  6. prints one table: ours (library and end to end), the peer, and the ratio.
# Every MB/s is of CPU time (user + system), ours and the peers': the machine is shared, and wall
# time would count the waits for a core.
# Exit 2 on a setup problem.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
data=${1:?usage: Scripts/bench.sh DATA_DIR [--mb N] [--lib-mb M] [--cli-mb C] [--text-cli-mb T] [--peer-mb P] [--runs R] [--work DIR] [--python PATH] [--no-build]}
shift
mb=100
libmb=20
climb=""
textclimb=""
peermb=20
runs=3
work=/tmp/tarjim-bench
python=python3
build=1
while [ $# -gt 0 ]; do
  case $1 in
    --mb) mb=$2; shift 2 ;;
    --lib-mb) libmb=$2; shift 2 ;;
    --cli-mb) climb=$2; shift 2 ;;
    --text-cli-mb) textclimb=$2; shift 2 ;;
    --peer-mb) peermb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$data/newstest2019.ar.txt" ] || { echo "bench: no NTREX files in $data" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

cd "$repo"
if [ "$build" = 1 ]; then
  swift build -c release >&2
fi
bin=$(swift build -c release --show-bin-path)
tarjim=$bin/tarjim
bench=$bin/tarjim-bench
[ -x "$tarjim" ] && [ -x "$bench" ] || { echo "bench: build tarjim and tarjim-bench first (swift build -c release)" >&2; exit 2; }

mkdir -p "$work"
if [ ! -f "$work/glossary-100k-fill.tsv" ] || [ ! -f "$work/corpus.ar.txt" ] \
  || [ "$(stat -c %s "$work/corpus.ar.txt")" -lt "$(awk "BEGIN { print int($mb * 1000000) }")" ]; then
  "$bench" corpus "$data" "$work" --mb "$mb" >&2
fi
# The first MB of the corpus, cut at a line end (all of it when MB is empty).
first_mb() {
  local mb=$1 out=$2
  if [ -z "$mb" ]; then
    echo "$work/corpus.ar.txt"
    return
  fi
  head -c "$(awk "BEGIN { print int($mb * 1000000) }")" "$work/corpus.ar.txt" | sed '$d' >"$out"
  echo "$out"
}
input=$(first_mb "$climb" "$work/cli.ar.txt")
textinput=$(first_mb "$textclimb" "$work/cli-text.ar.txt")
results=$work/results.tsv
: >"$results"

echo "library pipelines ($libmb MB, median of $runs)..." >&2
for stage in draft match-100 match-1k match-100k match-100k-fill segment normalize-key translit check; do
  line=$("$bench" pipeline "$work" "$stage" --mb "$libmb" --runs "$runs")
  echo "$line" >&2
  echo "$line" | awk -v OFS='\t' '{ print "lib", $1, $4, $8 }' >>"$results"
done
line=$("$bench" pipeline "$work" compile-100k --runs "$runs")
echo "$line" >&2
# "compile-100k load L ms, compile C ms (F ms with the garbled-name index), peak RSS R MB"
echo "$line" | awk -v OFS='\t' '{ gsub(/[(,]/, ""); print "lib", "load-100k-ms", $3, ""; print "lib", "compile-100k-ms", $6, $(NF - 1); print "lib", "compile-fuzzy-100k-ms", $8, "" }' >>"$results"

# End to end: CPU time, wall time and peak RSS of the real command on a file; the run of median
# CPU time out of R (the highest peak RSS of them).
cli() {
  local name=$1 file=$2
  shift 2
  local log=$work/time.log runs_log=$work/cli-runs.tsv
  : >"$runs_log"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" "$file" >/dev/null 2>"$log" || true
    # CPU time (user + system): what one core takes, whatever the shared machine's load.
    awk -F': ' '/User time|System time/ { s += $2 } /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
      /Maximum resident set size/ { r = $2 / 1024 } END { printf "%.2f\t%.2f\t%.0f\n", s, w, r }' "$log" >>"$runs_log"
  done
  local cpu wall rss size
  cpu=$(sort -n "$runs_log" | awk -v m=$(((runs + 1) / 2)) 'NR == m { print $1 }')
  wall=$(sort -n "$runs_log" | awk -v m=$(((runs + 1) / 2)) 'NR == m { print $2 }')
  rss=$(sort -n -k3 "$runs_log" | tail -n 1 | cut -f3)
  size=$(stat -c %s "$file")
  printf 'cli\t%s\t%s\t%s\n' "$name" "$(awk "BEGIN { printf \"%.1f\", $size / 1e6 / $cpu }")" "$rss" >>"$results"
  echo "cli $name ($(awk "BEGIN { printf \"%.1f\", $size / 1e6 }") MB, median of $runs): ${cpu}s CPU, ${wall}s wall, ${rss} MB; CPU s of each run: $(cut -f1 "$runs_log" | tr '\n' ' ')" >&2
}
echo "end to end..." >&2
g=(--no-default-glossaries -g "$work/glossary-100k.tsv")
# One thread (`--jobs 1`): the targets are for one core, and with two threads the CPU time also
# counts what they cost each other (each warms its own word caches; they share the caches and the
# allocator), about a fifth more for draft here.
cli draft "$input" "$tarjim" draft --format jsonl --jobs 1 "${g[@]}"
cli segment "$textinput" "$tarjim" segment --jobs 1
cli normalize-key "$textinput" "$tarjim" normalize --key --jobs 1
cli translit "$textinput" "$tarjim" translit --jobs 1
cli check "$input" "$tarjim" check --format json --jobs 1 "${g[@]}"

echo "peers ($peermb MB)..." >&2
"$python" "$here/bench-peers.py" "$work" --mb "$peermb" --runs "$runs" | awk -v OFS="\t" '{ print > "/dev/stderr"; print }' | awk -F'\t' -v OFS='\t' '{ print "peer", $1, $3, "" }' >>"$results"

python3 - "$results" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    kind, name, value, rss = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
    rows[(kind, name)] = (value, rss)

def num(kind, name):
    try:
        return float(rows[(kind, name)][0])
    except (KeyError, ValueError):
        return None

def fmt(x, digits=1):
    return "-" if x is None else f"{x:.{digits}f}"

table = [
    # what, target MB/s, library stage, cli command, peers
    ("draft --format jsonl, 100k glossary", 40, "draft", "draft", ["pyahocorasick-100k", "flashtext-100k"]),
    ("matcher alone, 100 entries", 60, "match-100", None, ["pyahocorasick-100", "flashtext-100"]),
    ("matcher alone, 1k entries", 60, "match-1k", None, []),
    ("matcher alone, 100k entries", 60, "match-100k", None, ["pyahocorasick-100k", "flashtext-100k"]),
    ("matcher, 100k entries, same matches as 100", 60, "match-100k-fill", None, []),
    ("segment", 200, "segment", "segment", ["pyicu-sentences"]),
    ("normalize --key", 300, "normalize-key", "normalize-key", ["uconv-key", "camel-normalize"]),
    ("translit", 50, "translit", "translit", ["uconv-arabic-latin"]),
    ("check (100k glossary)", 30, "check", "check", []),
]
print()
print(f"{'pipeline':44} {'target':>7} {'lib MB/s':>9} {'RSS MB':>7} {'cli MB/s':>9} {'RSS MB':>7}  {'peer':20} {'MB/s':>7} {'ratio':>7}")
for what, target, lib, cli, peers in table:
    l = num("lib", lib)
    lrss = rows.get(("lib", lib), ("", ""))[1]
    c = num("cli", cli) if cli else None
    crss = rows.get(("cli", cli), ("", ""))[1] if cli else ""
    ours = c if c is not None else l
    first = True
    for p in peers or [None]:
        pv = num("peer", p) if p else None
        ratio = f"{ours / pv:.1f}x" if ours and pv else "-"
        head = (what, str(target), fmt(l), lrss or "-", fmt(c), crss or "-") if first else ("", "", "", "", "", "")
        print(f"{head[0]:44} {head[1]:>7} {head[2]:>9} {head[3]:>7} {head[4]:>9} {head[5]:>7}  {(p or '-'):20} {fmt(pv):>7} {ratio:>7}")
        first = False
s100, s100k = num("lib", "match-100"), num("lib", "match-100k-fill")
if s100 and s100k:
    print(f"\nsize: 100k entries (same matches) at {100 * s100k / s100:.0f}% of 100 entries' throughput (target >= 80%)")
print(f"100k glossary: load {rows.get(('lib', 'load-100k-ms'), ('-',))[0]} ms, compile {rows.get(('lib', 'compile-100k-ms'), ('-',))[0]} ms (target <= 100 ms), "
      f"{rows.get(('lib', 'compile-fuzzy-100k-ms'), ('-',))[0]} ms with the garbled-name index (what draft and check compile)")
print("ratio: ours end to end (or the library pipeline where there is no command) / peer")
PY
