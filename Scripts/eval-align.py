#!/usr/bin/env python3
"""Evaluate `tarjim align` (and hunalign on the very same inputs) on NTREX-128 Arabic-English.

Usage:
    Scripts/eval-align.py DATA_DIR [--hunalign PATH] [--tarjim PATH] [--seed N]
                          [--tarjim-args "..."] [--jobs N] [--keep DIR]
    Scripts/eval-align.py DATA_DIR --prior

DATA_DIR holds newstest2019.ar.txt, newstest2019.en.txt and document-ids.tsv (line-aligned).

Per document, the pair is distorted with a fixed random seed (per document: seed + document number):
  - each English sentence is dropped with probability 0.02;
  - then adjacent English sentences are merged into one (joined by a space) with probability 0.15
    per pair, scanning left to right, pairs never overlapping;
  - adjacent Arabic sentences are merged the same way with probability 0.10.
The gold beads follow from the distortion (the connected groups of original lines). Both aligners
get the same files, one segment per line (`tarjim align --segmented`; hunalign with a null
dictionary, an empty file). Undistorted documents (gold: every line 1-1) are scored too.

Score: bead precision, recall and F1 over beads with both sides non-empty (micro-averaged over all
documents). A predicted bead counts as correct only when its Arabic and English segment sets both
equal those of a gold bead. Prints a table and whether the targets are met:
F1 >= 0.95 on distorted documents (strictly above hunalign's), F1 >= 0.995 undistorted.

--prior prints the length model's prior over all line pairs, with lengths as
Sources/Alignment/SegmentLength.swift counts them: the English/Arabic character ratio, the variance
per character, and the mean and standard deviation of each side's log length.

Exit 0 when the targets are met, 1 when not, 2 on a setup problem.
"""
import argparse
import concurrent.futures
import json
import math
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

DROP_EN = 0.02
MERGE_EN = 0.15
MERGE_AR = 0.10

# SegmentLength: no Arabic marks, tatweel or invisible format characters; whitespace runs count once.
MARKS = (r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED"
         r"\u08CA-\u08E1\u08E3-\u08FF\u0640\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u061C\u202A-\u202E\u2066-\u2069")
MARKS_RE = re.compile("[" + MARKS + "]")
SPACE_RE = re.compile(r"[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def seg_length(s):
    s = MARKS_RE.sub("", s)
    s = SPACE_RE.sub(" ", s).strip(" ")
    return len(s)


def load(data_dir):
    def lines(name):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            return f.read().split("\n")

    ar, en, ids = lines("newstest2019.ar.txt"), lines("newstest2019.en.txt"), lines("document-ids.tsv")
    n = len([x for x in ids if x.strip()])
    docs, order = {}, []
    for k in range(n):
        d = ids[k].strip()
        if d not in docs:
            docs[d] = []
            order.append(d)
        docs[d].append((ar[k].strip(), en[k].strip()))
    return [(d, docs[d]) for d in order]


def merge_runs(units, p, rng):
    """Groups consecutive units into segments: each adjacent pair merged with probability p."""
    groups, i = [], 0
    while i < len(units):
        if i + 1 < len(units) and rng.random() < p:
            groups.append([units[i], units[i + 1]])
            i += 2
        else:
            groups.append([units[i]])
            i += 1
    return groups


def distort(lines, rng):
    """Returns (ar_segments, en_segments, gold beads as (frozenset ar, frozenset en), 1-based).

    Merges are drawn on the original line order, then English lines are dropped (a merged pair that
    loses one line keeps the other), so a gold bead is always a contiguous run on both sides."""
    n = len(lines)
    dropped = {k for k in range(n) if rng.random() < DROP_EN}
    if len(dropped) == n:
        dropped.discard(0)
    en_groups = [[k for k in g if k not in dropped] for g in merge_runs(list(range(n)), MERGE_EN, rng)]
    en_groups = [g for g in en_groups if g]
    ar_groups = merge_runs(list(range(n)), MERGE_AR, rng)
    ar_of = {k: s for s, g in enumerate(ar_groups) for k in g}
    en_of = {k: s for s, g in enumerate(en_groups) for k in g}
    # Union-find over lines: lines sharing a segment on either side belong to one bead.
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g in ar_groups + en_groups:
        for k in g[1:]:
            parent[find(k)] = find(g[0])
    comps = {}
    for k in range(n):
        comps.setdefault(find(k), []).append(k)
    gold = []
    for ks in comps.values():
        a = frozenset(ar_of[k] + 1 for k in ks)
        e = frozenset(en_of[k] + 1 for k in ks if k in en_of)
        gold.append((a, e))
    ar_segs = [" ".join(lines[k][0] for k in g) for g in ar_groups]
    en_segs = [" ".join(lines[k][1] for k in g) for g in en_groups]
    return ar_segs, en_segs, gold


def write_lines(path, segs):
    with open(path, "w", encoding="utf-8") as f:
        for s in segs:
            f.write(s.replace("\n", " ") + "\n")


def run_tarjim(tarjim, extra, ar_path, en_path):
    r = subprocess.run([tarjim, "align", ar_path, en_path, "--segmented", "--format", "jsonl"] + extra,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"tarjim align failed ({r.returncode}): {r.stderr.strip()}")
    beads = []
    for line in r.stdout.splitlines():
        o = json.loads(line)
        beads.append((frozenset(o["ar"]), frozenset(o["en"])))
    return beads


def run_hunalign(hunalign, dic, ar_path, en_path):
    r = subprocess.run([hunalign, "-utf", dic, ar_path, en_path], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"hunalign failed ({r.returncode}): {r.stderr.strip()[-300:]}")
    rungs = []
    for line in r.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            rungs.append((int(parts[0]), int(parts[1])))
    beads = []
    for (a0, e0), (a1, e1) in zip(rungs, rungs[1:]):
        beads.append((frozenset(range(a0 + 1, a1 + 1)), frozenset(range(e0 + 1, e1 + 1))))
    return beads


def score(pred, gold):
    p = {b for b in pred if b[0] and b[1]}
    g = {b for b in gold if b[0] and b[1]}
    return len(p & g), len(p), len(g)


def prf(c, p, g):
    pr = c / p if p else 0.0
    rc = c / g if g else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir")
    ap.add_argument("--hunalign", help="path to a hunalign executable (built from its public source)")
    ap.add_argument("--tarjim", help="tarjim executable (default: .build-align-rel/release/tarjim, then .build/release/tarjim)")
    ap.add_argument("--tarjim-args", default="--dictionary none",
                    help="extra arguments for tarjim align (default: '--dictionary none')")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--keep", help="keep the inputs, the gold beads and each system's beads (JSON) in this folder")
    ap.add_argument("--prior", action="store_true", help="print the length prior and exit")
    a = ap.parse_args()

    try:
        docs = load(a.data_dir)
    except OSError as e:
        print(f"eval-align: {e}", file=sys.stderr)
        return 2

    if a.prior:
        la = lb = 0
        pairs = []
        for _, lines in docs:
            for ar, en in lines:
                x, y = seg_length(ar), seg_length(en)
                la += x
                lb += y
                pairs.append((x, y))
        c = lb / la
        num = sum((y - c * x) ** 2 for x, y in pairs)
        den = sum((x + y / c) / 2 for x, y in pairs)
        print(f"lines {len(pairs)}  ratio {c:.4f}  variance {num / den:.4f}")
        for name, side in (("arabic", 0), ("english", 1)):
            logs = [math.log(max(1, p[side])) for p in pairs]
            mean = sum(logs) / len(logs)
            sd = (sum((x - mean) ** 2 for x in logs) / len(logs)) ** 0.5
            print(f"{name} log-length mean {mean:.4f}  sd {sd:.4f}")
        return 0

    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    tarjim = a.tarjim
    if not tarjim:
        for cand in (".build-align-rel/release/tarjim", ".build/release/tarjim"):
            if os.access(os.path.join(repo, cand), os.X_OK):
                tarjim = os.path.join(repo, cand)
                break
    if not tarjim or not os.access(tarjim, os.X_OK):
        print("eval-align: no tarjim executable; build one (swift build -c release) or pass --tarjim", file=sys.stderr)
        return 2
    if a.hunalign and not os.access(a.hunalign, os.X_OK):
        print(f"eval-align: no hunalign executable at {a.hunalign}", file=sys.stderr)
        return 2
    extra = shlex.split(a.tarjim_args)

    work = a.keep or tempfile.mkdtemp(prefix="eval-align-")
    os.makedirs(work, exist_ok=True)
    dic = os.path.join(work, "null.dic")
    open(dic, "w").close()

    jobs = []
    for number, (doc, lines) in enumerate(docs):
        rng = random.Random(a.seed + number)
        ar_segs, en_segs, gold = distort(lines, rng)
        base = os.path.join(work, f"{number:03d}")
        for kind, ar, en, g in (("distorted", ar_segs, en_segs, gold),
                                ("clean", [x for x, _ in lines], [y for _, y in lines],
                                 [(frozenset([k + 1]), frozenset([k + 1])) for k in range(len(lines))])):
            write_lines(f"{base}.{kind}.ar.txt", ar)
            write_lines(f"{base}.{kind}.en.txt", en)
            if a.keep:
                with open(f"{base}.{kind}.gold.json", "w") as f:
                    json.dump([[sorted(x), sorted(y)] for x, y in sorted(g, key=lambda b: min(b[0] | b[1]))], f)
            jobs.append((kind, f"{base}.{kind}.ar.txt", f"{base}.{kind}.en.txt", g))

    systems = ["tarjim"] + (["hunalign"] if a.hunalign else [])
    totals = {(s, k): [0, 0, 0] for s in systems for k in ("distorted", "clean")}
    seconds = {s: 0.0 for s in systems}

    def work_one(job):
        kind, ar_path, en_path, gold = job
        out = {}
        for s in systems:
            t0 = time.time()
            pred = run_tarjim(tarjim, extra, ar_path, en_path) if s == "tarjim" else run_hunalign(a.hunalign, dic, ar_path, en_path)
            out[s] = (score(pred, gold), time.time() - t0)
            if a.keep:
                with open(ar_path[:-len(".ar.txt")] + f".{s}.json", "w") as f:
                    json.dump([[sorted(x), sorted(y)] for x, y in pred], f)
        return kind, out

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
            for kind, out in ex.map(work_one, jobs):
                for s, (sc, dt) in out.items():
                    t = totals[(s, kind)]
                    for i in range(3):
                        t[i] += sc[i]
                    seconds[s] += dt
    except RuntimeError as e:
        print(f"eval-align: {e}", file=sys.stderr)
        return 2
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)

    gold_d = totals[("tarjim", "distorted")][2]
    print(f"documents {len(docs)}  lines {sum(len(l) for _, l in docs)}  seed {a.seed}  "
          f"distortion: drop {DROP_EN:.0%} en, merge {MERGE_EN:.0%} en pairs, {MERGE_AR:.0%} ar pairs")
    print(f"gold beads with both sides: distorted {gold_d}, undistorted {totals[('tarjim', 'clean')][2]}")
    print(f"tarjim args: {' '.join(extra) or '(none)'}" + ("; hunalign: null dictionary" if a.hunalign else ""))
    print()
    print(f"{'system':<10} {'distorted P':>12} {'R':>7} {'F1':>7}   {'undistorted P':>14} {'R':>7} {'F1':>7}   {'seconds':>8}")
    results = {}
    for s in systems:
        d = prf(*totals[(s, "distorted")])
        c = prf(*totals[(s, "clean")])
        results[s] = (d, c)
        print(f"{s:<10} {d[0]:>12.4f} {d[1]:>7.4f} {d[2]:>7.4f}   {c[0]:>14.4f} {c[1]:>7.4f} {c[2]:>7.4f}   {seconds[s]:>8.1f}")
    print()
    td, tc = results["tarjim"]
    met = True
    checks = [("distorted bead F1 >= 0.95", td[2] >= 0.95), ("undistorted bead F1 >= 0.995", tc[2] >= 0.995)]
    if a.hunalign:
        checks.append(("distorted bead F1 strictly above hunalign's", td[2] > results["hunalign"][0][2]))
    for name, ok in checks:
        print(f"target {name}: {'met' if ok else 'NOT met'}")
        met = met and ok
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
