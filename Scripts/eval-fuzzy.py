#!/usr/bin/env python3
"""Fuzzy name detection on real text: how many fuzzy (garbled-name) hits does `tarjim draft` make?

NTREX is clean human translation, so nearly every fuzzy hit there is a false alarm. Each NTREX
document becomes one input file (one scope), `tarjim draft --format jsonl` runs over all of them
with the shipped glossaries, and every `suggested-name` flag is printed with its sentence so it can be
inspected, followed by the rate per 1,000 Arabic words (target: well under 1).

Usage: Scripts/eval-fuzzy.py [DATA_DIR] [--tarjim PATH] [--quiet]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u065F\u0640]+")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="../shared/data/ntrex")
    ap.add_argument("--tarjim", default=".build/release/tarjim")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    a = ap.parse_args()
    ar = open(os.path.join(a.data, "newstest2019.ar.txt"), encoding="utf-8").read().split("\n")
    ids = open(os.path.join(a.data, "document-ids.tsv"), encoding="utf-8").read().split("\n")
    docs = {}
    for line, doc in zip(ar, ids):
        if doc:
            docs.setdefault(doc, []).append(line)
    words = sum(len(ARABIC_WORD.findall(l)) for l in ar)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (doc, lines) in enumerate(docs.items()):
            p = os.path.join(tmp, f"{i:03d}-{doc}.txt")
            open(p, "w", encoding="utf-8").write("\n".join(lines) + "\n")
            paths.append(p)
        out = subprocess.run([a.tarjim, "draft", "--format", "jsonl", *paths], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("tarjim failed: " + out.stderr)
    fuzzy = translit = corrected = 0
    for line in out.stdout.splitlines():
        o = json.loads(line)
        for f in o["flags"]:
            if f["kind"] == "suggested-name":
                fuzzy += 1
                if not a.quiet:
                    print(f"{os.path.basename(o['doc'])}#{o['index']}: {f['message']}")
            elif f["kind"] == "transliterated":
                translit += 1
            elif f["kind"] == "corrected-name":
                corrected += 1
    print(f"documents {len(docs)}  Arabic words {words}")
    print(f"fuzzy hits {fuzzy} ({1000 * fuzzy / words:.2f} per 1,000 words)  corrected variants {corrected}  transliterated {translit}")
    print("target < 1 fuzzy hit per 1,000 words:", "met" if 1000 * fuzzy / words < 1 else "NOT met")


if __name__ == "__main__":
    main()
