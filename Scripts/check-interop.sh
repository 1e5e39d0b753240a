#!/usr/bin/env bash
# Do real translation tools accept what tarjim writes? Exports a glossary to every interchange format
# and runs the real clients on the files: the official schemas (schema_check.py), translate-toolkit
# (tt_check.py) and OmegaT's own glossary readers (omegat_glossary_check.sh), all from shared/interop.
#
#   Scripts/check-interop.sh [GLOSSARY.tsv]          (default: Glossaries/news.tsv)
#
# Environment:
#   TT_PYTHON     required: a Python with translate-toolkit, lxml and pyschematron
#                 (shared/interop/setup.sh creates one and prints the line to export)
#   SHARED_DIR    the shared folder (default: <repo root>/../shared)
#   TARJIM        a built tarjim to use; otherwise the script builds one with swift build
#   SCRATCH_PATH  swift build's scratch path when building (default: <repo root>/.build)
#   FULL_SCHEMATRON=1  run the TBX-Basic Schematron on the whole TBX v3 export. By default it runs on
#                 a sample (up to 3 entries of every shape: kind x comment x variants x English
#                 variants), because pyschematron needs about a second per entry; the core RNG
#                 always checks the whole file.
#
# Prints one line per check on standard output (PASS NAME or FAIL NAME; a failing tool's output goes
# to standard error, indented), then "N passed, N failed". Exit 0 when every check passed, 1 when one
# failed, 2 on a setup problem.
#
# To add a check (XLIFF, TMX, ...): produce the file in "$work", then
#   check "NAME" COMMAND ARGS...       # passes when COMMAND exits 0
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null) || repo=$(cd "$here/.." && pwd)
shared=${SHARED_DIR:-$repo/../shared}
interop=$shared/interop

setup_error() { echo "check-interop: $*" >&2; exit 2; }

[ -d "$interop" ] || setup_error "no interop checks at $interop (set SHARED_DIR to the shared folder)"
[ -n "${TT_PYTHON:-}" ] || setup_error "TT_PYTHON is not set: run $interop/setup.sh and export the TT_PYTHON=... line it prints"
[ -x "$TT_PYTHON" ] || setup_error "TT_PYTHON=$TT_PYTHON is not an executable Python"
"$TT_PYTHON" -c 'import translate' 2>/dev/null || setup_error "translate-toolkit is not importable by TT_PYTHON=$TT_PYTHON"
command -v xmllint >/dev/null || setup_error "xmllint not found (apt-get install libxml2-utils)"

glossary=${1:-$repo/Glossaries/news.tsv}
[ -f "$glossary" ] || setup_error "no glossary $glossary"

if [ -z "${TARJIM:-}" ]; then
  scratch=${SCRATCH_PATH:-$repo/.build}
  echo "check-interop: building tarjim (swift build --scratch-path $scratch)" >&2
  swift build --package-path "$repo" --scratch-path "$scratch" --product tarjim >&2 || setup_error "swift build failed"
  TARJIM=$(swift build --package-path "$repo" --scratch-path "$scratch" --show-bin-path)/tarjim
fi
[ -x "$TARJIM" ] || setup_error "no tarjim executable at $TARJIM"

work=$(mktemp -d "${TMPDIR:-/tmp}/tarjim-interop.XXXXXX") || setup_error "mktemp failed"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
# check NAME COMMAND ARGS... : runs the command, prints PASS or FAIL (with its output indented).
check() {
  local name=$1 out rc
  shift
  out=$("$@" 2>&1)
  rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name (exit $rc)"
    printf '%s\n' "$out" | head -n 25 | while IFS= read -r line; do printf '    [%s] %s\n' "$name" "$line"; done >&2
    failed=$((failed + 1))
  fi
}

# Schema validation that must really have run the TBX-Basic Schematron, not skipped it.
schema_tbx3() {
  local out rc
  out=$("$TT_PYTHON" "$interop/schema_check.py" "$1" --format tbx3 2>&1)
  rc=$?
  printf '%s\n' "$out"
  [ "$rc" -eq 0 ] || return "$rc"
  if grep -q 'Schematron not run' <<<"$out"; then return 1; fi
}

# TSV -> FORMAT -> TSV -> FORMAT gives the same file: nothing the format carries was lost.
roundtrip() {
  local to=$1 from=$2 file=$3 extra=()
  [ "$to" = csv ] && extra=(--strip-formula-guard)
  "$TARJIM" glossary import --from "$from" "${extra[@]}" "$file" -o "$work/back-$to.tsv" &&
    "$TARJIM" glossary export --to "$to" "$work/back-$to.tsv" -o "$work/again-$to" &&
    cmp "$file" "$work/again-$to"
}

entries=$(grep -c -v -E '^[[:space:]]*(#|$)' "$glossary")
name=$(basename "$glossary" .tsv)
tbx2="$work/$name.tbx"
tbx3="$work/$name.tbx3.tbx"
utf8="$work/$name.utf8"
csv="$work/$name.csv"

check "export tbx ($entries entries)" "$TARJIM" glossary export --to tbx "$glossary" -o "$tbx2"
check "export tbx3" "$TARJIM" glossary export --to tbx3 "$glossary" -o "$tbx3"
check "export omegat" "$TARJIM" glossary export --to omegat "$glossary" -o "$utf8"
check "export csv" "$TARJIM" glossary export --to csv "$glossary" -o "$csv"

check "schema_check tbx2 $(basename "$tbx2")" "$TT_PYTHON" "$interop/schema_check.py" "$tbx2" --format tbx2
schemas=${INTEROP_SCHEMA_DIR:-$interop/schemas}
check "xmllint tbx3 $(basename "$tbx3") (TBX v3 core RNG, all $entries entries)" \
  xmllint --noout --nonet --relaxng "$schemas/tbx/TBXcoreStructV03.rng" "$tbx3"
if [ "${FULL_SCHEMATRON:-0}" = 1 ]; then
  check "schema_check tbx3 $(basename "$tbx3") (core RNG + TBX-Basic Schematron, all $entries entries)" schema_tbx3 "$tbx3"
else
  # Every distinct entry shape, up to 3 entries each, in file order.
  awk -F'\t' '/^[[:space:]]*(#|$)/ { next }
    { k = ($5 == "" ? "term" : $5); shape = k "|" ($3 != "") "|" ($4 != "") "|" ($6 != "")
      if (seen[shape]++ < 3) print }' "$glossary" >"$work/shapes.tsv"
  sample=$(grep -c '' "$work/shapes.tsv")
  "$TARJIM" glossary export --to tbx3 "$work/shapes.tsv" -o "$work/shapes.tbx" 2>/dev/null
  check "schema_check tbx3 shapes.tbx (core RNG + TBX-Basic Schematron, $sample entries of every shape)" schema_tbx3 "$work/shapes.tbx"
fi
check "tt_check tbx v2 $(basename "$tbx2")" "$TT_PYTHON" "$interop/tt_check.py" "$tbx2" --expect-units "$entries" --convert
rows=$(grep -c '' "$utf8" 2>/dev/null || echo 0)
check "tt_check omegat $(basename "$utf8") ($rows rows)" "$TT_PYTHON" "$interop/tt_check.py" "$utf8" --expect-units "$rows"
check "omegat_glossary_check tbx v2 $(basename "$tbx2")" "$interop/omegat_glossary_check.sh" "$tbx2" ar en
check "omegat_glossary_check utf8 $(basename "$utf8")" "$interop/omegat_glossary_check.sh" "$utf8" ar en
check "omegat_glossary_check csv $(basename "$csv")" "$interop/omegat_glossary_check.sh" "$csv" ar en

check "round trip tbx" roundtrip tbx tbx "$tbx2"
check "round trip tbx3" roundtrip tbx3 tbx "$tbx3"
check "round trip csv" roundtrip csv csv "$csv"

# --- tarjim draft --format xliff|xliff12 --------------------------------------------------------
# The sample article with the shipped glossaries, and the CLI test fixture (markup characters, its own
# glossary): each XLIFF must pass the official schemas and translate-toolkit with a target in every
# unit (one unit per sentence, as `tarjim segment` counts them), and the XLIFF 1.2 file must load in
# OmegaT (Debian's 3.6 reads XLIFF 1.2 only).

# OmegaT console-translate on a throwaway project holding FILE in source/ (sentence segmentation off,
# so a trans-unit is a segment): it must load FILE without an exception, count UNITS segments for it
# in omegat/project_stats.txt and write the translated document to target/.
omegat_xliff12() {
  local file=$1 units=$2 name proj segs jar=${OMEGAT_JAR:-/usr/share/omegat/OmegaT.jar}
  name=$(basename "$file")
  proj=$work/omegat-${name%.*}
  [ -f "$jar" ] || { echo "OmegaT jar not found at $jar (apt-get install omegat)"; return 2; }
  mkdir -p "$proj"/{source,target,tm,glossary,dictionary,omegat}
  cat >"$proj/omegat.project" <<'OMEGAT_PROJECT'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>ar</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneArabicTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
OMEGAT_PROJECT
  cp "$file" "$proj/source/$name"
  if ! timeout 300 java -Djava.awt.headless=true -Dfile.encoding=UTF-8 -jar "$jar" "$proj" --mode=console-translate \
      --config-dir="$proj/config" --disable-project-locking --no-team >"$proj/omegat.log" 2>&1; then
    echo "OmegaT console-translate failed"; tail -n 15 "$proj/omegat.log"; return 1
  fi
  if grep -E 'Exception|Error:' "$proj/omegat.log"; then return 1; fi
  [ -s "$proj/target/$name" ] || { echo "OmegaT wrote no target/$name"; tail -n 15 "$proj/omegat.log"; return 1; }
  # The file table pads names and numbers with spaces.
  segs=$(awk -F'\t' -v f="$name" '{ n = $1; sub(/ +$/, "", n) } n == f { gsub(/ /, "", $2); print $2 }' \
    "$proj/omegat/project_stats.txt" 2>/dev/null)
  [ "$segs" = "$units" ] || { echo "OmegaT read ${segs:-no} segments from $name, expected $units"; return 1; }
  echo "OmegaT loaded $name: $segs segments"
}

draft_fixture_dir=$repo/Tests/TarjimCLITests/Fixtures/draft
for draft_input in "$repo/Scripts/sample.ar.txt" "$draft_fixture_dir/article.ar.txt"; do
  draft_opts=()
  [ "$draft_input" = "$draft_fixture_dir/article.ar.txt" ] && draft_opts=(--no-default-glossaries -g "$draft_fixture_dir/glossary.tsv")
  draft_name=$(basename "$draft_input" .txt)
  draft_units=$("$TARJIM" segment "$draft_input" | grep -c '')
  xlf2="$work/$draft_name.xlf"
  xlf12="$work/$draft_name.1.2.xlf"
  check "draft --format xliff $draft_name ($draft_units sentences)" "$TARJIM" draft --format xliff "${draft_opts[@]}" "$draft_input" -o "$xlf2"
  check "draft --format xliff12 $draft_name" "$TARJIM" draft --format xliff12 "${draft_opts[@]}" "$draft_input" -o "$xlf12"
  check "schema_check xliff2 $(basename "$xlf2")" "$TT_PYTHON" "$interop/schema_check.py" "$xlf2" --format xliff2
  check "schema_check xliff1 $(basename "$xlf12")" "$TT_PYTHON" "$interop/schema_check.py" "$xlf12" --format xliff1
  check "tt_check xliff2 $(basename "$xlf2")" "$TT_PYTHON" "$interop/tt_check.py" "$xlf2" --expect-units "$draft_units" --require-targets
  check "tt_check xliff1 $(basename "$xlf12")" "$TT_PYTHON" "$interop/tt_check.py" "$xlf12" --expect-units "$draft_units" --require-targets
  check "omegat loads xliff 1.2 $(basename "$xlf12")" omegat_xliff12 "$xlf12" "$draft_units"
done

# tarjim align --format tmx: a translation memory that the TMX 1.4b DTD, OmegaT (pre-translation from
# tm/auto, after its tmx14.xsd gate) and translate-toolkit accept. The fixture's sentences are ones
# OmegaT's own segmentation keeps whole, so every unit can pre-translate its source line.
align_dir=$repo/Tests/TarjimCLITests/Fixtures/align
align_tmx="$work/align.tmx"
check "align --format tmx interop.ar.txt interop.en.txt" "$TARJIM" align --format tmx --dictionary none "$align_dir/interop.ar.txt" "$align_dir/interop.en.txt" -o "$align_tmx"
align_units=$(grep -c '<tu ' "$align_tmx" 2>/dev/null || echo 0)
check "schema_check tmx $(basename "$align_tmx") ($align_units units)" "$TT_PYTHON" "$interop/schema_check.py" "$align_tmx" --format tmx
check "omegat_tmx_check $(basename "$align_tmx")" "$TT_PYTHON" "$interop/omegat_tmx_check.py" "$align_tmx"
check "tt_check tmx $(basename "$align_tmx")" "$TT_PYTHON" "$interop/tt_check.py" "$align_tmx" --expect-units "$align_units" --require-targets

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
