#!/usr/bin/env bash
# Figures for README "Scaling out": --jobs 1 vs 2 on a generated JSONL corpus, and the peak memory
# of `tarjim draft` streaming a large input from stdin to stdout with a 100,000-entry glossary.
# Inputs are built in WORK (default /tmp/tarjim-scale) from NTREX, read by path; nothing is written
# in the repository.
#
#   swift build -c release --product tarjim
#   Scripts/bench-scale.sh [SIZE_MB]          # default 1024 (the 1 GB memory run)
#   CORPUS_MB=2 (the JSONL corpus for --jobs 1 vs 2)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED_DIR:-../shared}
ntrex=$shared/data/ntrex/newstest2019.ar.txt
tarjim=${TARJIM:-$(swift build -c release --show-bin-path)/tarjim}
work=${WORK:-/tmp/tarjim-scale}
size_mb=${1:-1024}
corpus_mb=${CORPUS_MB:-2}
mkdir -p "$work"

# 100,000 entries: the corpus' frequent 1-3 word n-grams, then synthetic name-like words (as
# tarjim-bench builds its glossaries).
python3 - "$ntrex" "$work/glossary-100k.tsv" <<'PY'
import collections, random, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
arabic = re.compile(r"^[\u0621-\u064A]+$")
counts = collections.Counter()
for line in lines:
    words = [w for w in line.split(" ") if arabic.match(w)]
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            counts[" ".join(words[i:i + n])] += 1
seen, out = set(), ["# benchmark glossary, 100000 entries"]
for term, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    if len(out) > 50000: break
    if c >= 3 and len(term) >= 4 and term not in seen:
        seen.add(term); out.append(f"{term}\tterm{len(out)}\t\t\tterm")
rng = random.Random(42)
letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
while len(out) <= 100000:
    w = "".join(rng.choice(letters) for _ in range(rng.randint(4, 8)))
    if w not in seen:
        seen.add(w); out.append(f"{w}\tName{len(out)}\t\t\tperson")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY

# A JSONL corpus: each run of 20 NTREX lines is a document, repeated to CORPUS_MB.
python3 - "$ntrex" "$work/corpus.jsonl" "$corpus_mb" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
target, out, n, size = int(sys.argv[3]) * 1_000_000, open(sys.argv[2], "w", encoding="utf-8"), 0, 0
while size < target:
    doc = "\n".join(lines[(n * 20 + k) % len(lines)] for k in range(20))
    line = json.dumps({"id": n, "text": doc}, ensure_ascii=False) + "\n"
    out.write(line); size += len(line.encode()); n += 1
PY

echo "== --jobs 1 vs 2, $(wc -l < "$work/corpus.jsonl") documents ($corpus_mb MB JSONL), 100k glossary, runs interleaved"
for run in 1 2 3; do
  for jobs in 1 2; do
    /usr/bin/time -f "jobs $jobs: %e s elapsed, %U s user, %M KB peak" "$tarjim" draft -g "$work/glossary-100k.tsv" \
      --input-format jsonl --format jsonl --jobs $jobs --no-progress "$work/corpus.jsonl" 2>&1 >/dev/null | tail -n 1
  done
done

echo "== $size_mb MB of text, stdin -> stdout, 100k glossary"
# Not stored: the text is generated on the fly.
python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
target = int(sys.argv[2]) * 1_000_000
out = sys.stdout.buffer
n = 0
while n < target:
    out.write(data); n += len(data)
' "$ntrex" "$size_mb" | /usr/bin/time -v "$tarjim" draft -g "$work/glossary-100k.tsv" --format jsonl 2>"$work/time.txt" \
  | wc -c | xargs -I{} echo "output: {} bytes"
grep -E "Maximum resident|Elapsed" "$work/time.txt"
