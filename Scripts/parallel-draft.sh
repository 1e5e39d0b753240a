#!/usr/bin/env bash
# Drafts (or checks) a JSONL corpus ({"id": ..., "text": ...} per line) on several processes with
# GNU parallel (Debian's `parallel`): the input is cut into blocks of whole lines, each block is a
# `tarjim ... --input-format jsonl` process, and --keep-order writes the results in input order, so
# the output is byte for byte what one `tarjim` process gives.
#
#   Scripts/parallel-draft.sh corpus.jsonl > drafts.jsonl
#   Scripts/parallel-draft.sh corpus.jsonl -- -g names.tsv --no-fuzzy     # options for tarjim draft
#   SHARDS_DIR=reports MODE=check Scripts/parallel-draft.sh corpus.jsonl  # one check report per block
#   tarjim check --merge reports/*.json                                   # ... merged (the reduce step)
#
# Environment: TARJIM (the binary, default `tarjim`), PROCS (processes, default: cores), BLOCK
# (block size, default 10M), MODE (draft or check), SHARDS_DIR (check: where the reports go),
# TARJIM_JOBS (threads per process, default 1: parallel already uses the cores).
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 CORPUS.jsonl [-- TARJIM-OPTIONS...]" >&2
  exit 64
fi
corpus=$1
shift
[ "${1:-}" = "--" ] && shift
tarjim=${TARJIM:-tarjim}
procs=${PROCS:-$(nproc)}
block=${BLOCK:-10M}
jobs=${TARJIM_JOBS:-1}
mode=${MODE:-draft}

# Each option quoted once for the shell parallel runs the command in.
opts=""
for a in "$@"; do opts+=" $(printf '%q' "$a")"; done
bin=$(printf '%q' "$tarjim")

case "$mode" in
  draft)
    # --pipepart cuts the file itself at line ends (no copy through parallel); --keep-order
    # writes the blocks' outputs in input order.
    exec parallel --pipepart -a "$corpus" --block "$block" --keep-order -j "$procs" --halt now,fail=1 \
      "$bin draft --input-format jsonl --format jsonl --jobs $jobs --no-progress$opts"
    ;;
  check)
    dir=${SHARDS_DIR:?SHARDS_DIR: where the per-block reports go}
    mkdir -p "$dir"
    # Exit status 1 means findings, not failure: keep the report and go on.
    parallel --pipepart -a "$corpus" --block "$block" -j "$procs" --halt now,fail=1 \
      "$bin check --input-format jsonl --format json --jobs $jobs --no-progress$opts > $(printf '%q' "$dir")/{#}.json; [ \$? -le 1 ]"
    ;;
  *)
    echo "$0: MODE must be draft or check" >&2
    exit 64
    ;;
esac
