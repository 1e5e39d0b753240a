#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (release, -sanitize=fuzzer,address) and runs each for SECONDS.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]      # default: 60 s each, every target
#   Scripts/fuzz.sh --list                     # the target names
#
# Seeds come from Fuzz/Corpus/<target>/ (read only); new inputs go to a scratch corpus
# ($FUZZ_WORK/<target>, a temporary folder unless FUZZ_WORK is set, so a longer run can resume).
# FUZZ_SEED=N fixes libFuzzer's random seed (-seed=N), so that a run repeats the same mutations
# (CI uses a fixed seed; runs by hand explore with a new random seed each time).
# A crash, a property violation (fuzzCheck), a timeout, a leak or an out-of-memory input is
# copied to fuzz-crashes/<target>/ and the script exits 1 after running the other targets.
# Reproduce one with: .build-fuzz/release/fuzz-<target> fuzz-crashes/<target>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

all=(decode key segment tokenize transliterate bidi glossary-tsv glossary-csv tbx xliff tmx align jsonl check-report draft check-text check-pairs)
if [ "${1:-}" = "--list" ]; then printf '%s\n' "${all[@]}"; exit 0; fi
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [ -d "Fuzz/Corpus/$t" ] || { echo "fuzz.sh: unknown target '$t' (Scripts/fuzz.sh --list)" >&2; exit 64; }
done

if [ -n "${FUZZ_WORK:-}" ]; then
  work=$FUZZ_WORK
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/tarjim-fuzz.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

scratch=${FUZZ_SCRATCH:-$repo/.build-fuzz}
# --sanitize=fuzzer makes SwiftPM link libFuzzer's main; the one -sanitize=fuzzer,address after it is
# what swiftc keeps. (With --sanitize=fuzzer --sanitize=address swiftc gets two -sanitize= flags in a
# random order and keeps only the last: no coverage or no ASan, and a full rebuild each time.)
build=(swift build -c release --package-path Fuzz --scratch-path "$scratch" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
start=$(date +%s)
if ! "${build[@]}" >"$work/build.log" 2>&1; then
  grep -v "__asan_extra_spill_area" "$work/build.log" | tail -n 40
  echo "fuzz.sh: build failed" >&2
  exit 1
fi
echo "fuzz.sh: built in $(($(date +%s) - start)) s"
bin=$("${build[@]}" --show-bin-path)
crashes=$repo/fuzz-crashes
# Swift's runtime keeps metadata caches that LeakSanitizer would report at exit.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's own crash backtracer reads memory ASan reports as an overflow; libFuzzer prints the stack.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

failed=()
for t in "${targets[@]}"; do
  rm -rf "$work/artifacts/$t"
  mkdir -p "$work/$t" "$work/artifacts/$t"
  log=$work/$t.log
  set +e
  "$bin/fuzz-$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    ${FUZZ_SEED:+-seed="$FUZZ_SEED"} -artifact_prefix="$work/artifacts/$t/" "$work/$t" "Fuzz/Corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  cov=$(grep -E '^#[0-9]+' "$log" | grep -Eo 'cov: [0-9]+ ft: [0-9]+' | tail -n 1 || true)
  corp=$(ls "$work/$t" | wc -l)
  if [ $rc -ne 0 ] || [ -n "$(ls "$work/artifacts/$t")" ]; then
    mkdir -p "$crashes/$t"
    cp "$work/artifacts/$t"/* "$crashes/$t/" 2>/dev/null || true
    cp "$log" "$crashes/$t/fuzz.log"
    echo "fuzz.sh: $t FAILED (exit $rc) after $runs runs; input and log in fuzz-crashes/$t/"
    grep -E 'fuzzCheck failed|ERROR: (AddressSanitizer|libFuzzer)|Fatal error|SUMMARY' "$log" | head -n 5 | sed 's/^/    /'
    failed+=("$t")
  else
    echo "fuzz.sh: $t ok: $runs runs in ${seconds} s${FUZZ_SEED:+ (seed $FUZZ_SEED)}, $cov, $corp new corpus inputs"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: failed: ${failed[*]}" >&2
  exit 1
fi
