#!/usr/bin/env python3
"""Sentence segmentation evaluation on NTREX (or any line-aligned corpus with document ids).

For each document, the Arabic lines after its headline are joined with single spaces into one
paragraph, `tarjim segment --format jsonl` splits it again, and the predicted boundaries are compared
with the original line breaks. Only lines that end in sentence punctuation are scored: a predicted
boundary at the end of an unscored line counts neither way.

Usage: Scripts/eval-segmentation.py [DATA_DIR] [--tarjim PATH] [--show N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TERMINALS = (".", "؟", "?", "!", "…", "۔", '"', "”", "»", ")", "'")


def ends_sentence(line):
    s = line.rstrip()
    while s and s[-1] in "\"”»)'’":
        s = s[:-1]
    return bool(s) and s[-1] in ".؟?!…۔"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="../shared/data/ntrex")
    ap.add_argument("--tarjim", default=".build/release/tarjim")
    ap.add_argument("--show", type=int, default=10, help="print up to N errors of each kind")
    a = ap.parse_args()
    ar = open(os.path.join(a.data, "newstest2019.ar.txt"), encoding="utf-8").read().split("\n")
    ids = open(os.path.join(a.data, "document-ids.tsv"), encoding="utf-8").read().split("\n")
    docs = {}
    order = []
    for line, doc in zip(ar, ids):
        if not doc:
            continue
        if doc not in docs:
            docs[doc] = []
            order.append(doc)
        docs[doc].append(line.strip())
    paragraphs, golds, ignored = [], [], []
    for doc in order:
        body = docs[doc][1:]  # after the headline
        if not body:
            continue
        text, gold, ign, pos = "", set(), set(), 0
        for i, line in enumerate(body):
            text += line
            pos += len(line)
            if i < len(body) - 1:  # the document end is not a decision
                (gold if ends_sentence(line) else ign).add(pos)
                text += " "
                pos += 1
        paragraphs.append(text)
        golds.append(gold)
        ignored.append(ign)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(paragraphs) + "\n")
        path = f.name
    out = subprocess.run([a.tarjim, "segment", "--format", "jsonl", path], capture_output=True, text=True)
    os.unlink(path)
    if out.returncode != 0:
        sys.exit("tarjim failed: " + out.stderr)
    pred = [set() for _ in paragraphs]
    starts = [0]
    for p in paragraphs:
        starts.append(starts[-1] + len(p) + 1)
    for line in out.stdout.splitlines():
        o = json.loads(line)
        k = o["para"] - 1
        end = o["end"] - starts[k]
        if end < len(paragraphs[k]):
            pred[k].add(end)
    tp = fp = fn = 0
    fps, fns = [], []
    for k, p in enumerate(paragraphs):
        for b in pred[k]:
            if b in golds[k]:
                tp += 1
            elif b not in ignored[k]:
                fp += 1
                fps.append(p[max(0, b - 40):b] + " ‖ " + p[b:b + 30])
        for b in golds[k] - pred[k]:
            fn += 1
            fns.append(p[max(0, b - 40):b] + " ‖ " + p[b:b + 30])
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    for label, items in (("false split", fps), ("missed boundary", fns)):
        for s in items[: a.show]:
            print(f"{label}: {s}")
    print(f"documents {len(paragraphs)}  gold boundaries {tp + fn}  predicted {tp + fp}")
    print(f"precision {prec:.4f}  recall {rec:.4f}  F1 {f1:.4f}")
    print("target F1 >= 0.99:", "met" if f1 >= 0.99 else "NOT met")


if __name__ == "__main__":
    main()
