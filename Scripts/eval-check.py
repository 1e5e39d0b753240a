#!/usr/bin/env python3
"""Garbled-name detection of `tarjim check`, measured on real news text with injected garbles.

Each NTREX document becomes one Arabic file. In names taken from the shipped glossary that occur in
the text (single-word person, place and organisation spellings of four letters or more, the
shortest the fuzzy matcher looks at), garbles are injected the way typists and machine
translation make them:

  swap      ك/ج/ق, ب/ف, ت/ط, س/ص inside the name
  drop      a long vowel (ا و ي) inside the name (not its first letter after the article)
  add       a long vowel (ا و ي) between two consonants of the name (not at its end, where it
            would make a grammatical ending: الصيني "Chinese", لندنا; not right after the article)
  marbuta   ة <-> ه at the end

A garble must be a misspelling: one that gives an ordinary Arabic word (Hunspell's Arabic dictionary,
the lexicon tarjim uses, says so: بريطاني "British" from بريطانيا), a glossary spelling of another
entry or a word of one (بريس, as in فرانس بريس) is not used. At most three names a document, one a
line and one mention of each name are garbled; the other mentions stay as they are. The seed is fixed. `tarjim check --format json` runs once over all documents
(one consistency scope; the fuzzy matcher weighs its evidence within each document).

  recall     injected garbles reported as garbled-name or variant-spelling at their place
  precision  garbled-name findings with an injected garble among their occurrences, over all
             garbled-name findings (NTREX is clean human translation: nearly all others are false
             alarms); the same per occurrence is printed too

Usage: Scripts/eval-check.py DATA_DIR [--tarjim PATH] [--seed N] [--per-doc N] [--quiet]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u065F\u0640]+")
SWAPS = ["كجق", "بف", "تط", "سص"]
VOWELS = "اوي"
PROCLITICS = "وفبل"
HERE = os.path.dirname(os.path.abspath(__file__))


def glossary_names(path):
    """Single-word name spellings (canonical and variants) -> entry number; and every spelling and
    every word of every spelling."""
    names, every = {}, set()
    for n, line in enumerate(open(path, encoding="utf-8")):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        spellings = [cols[0]] + [v for v in (cols[3].split(";") if len(cols) > 3 else []) if v]
        every.update(spellings)
        every.update(w for sp in spellings for w in sp.split())
        kind = cols[4] if len(cols) > 4 else ""
        if kind in ("person", "place", "org"):
            for s in spellings:
                if " " not in s and len(s) >= 4:
                    names.setdefault(s, n)
    return names, every


def garbles(name):
    """Every (operation, garbled spelling) of a name."""
    out = []
    # The name proper starts after the article: a vowel is dropped or added inside it, never as its
    # first letter (the ي of اليونان is a consonant; ال + و + صين is no one's misspelling).
    stem = 2 if name.startswith("ال") and len(name) > 4 else 0
    for i, c in enumerate(name):
        for cls in SWAPS:
            if c in cls:
                out += [("swap", name[:i] + d + name[i + 1:]) for d in cls if d != c]
        if i > stem and c in VOWELS:
            out.append(("drop", name[:i] + name[i + 1:]))
        if i >= stem and c not in VOWELS + "أإآء" and i + 1 < len(name) and name[i + 1] not in VOWELS:
            out += [("add", name[:i + 1] + v + name[i + 1:]) for v in VOWELS]
    if name.endswith("ة"):
        out.append(("marbuta", name[:-1] + "ه"))
    elif name.endswith("ه"):
        out.append(("marbuta", name[:-1] + "ة"))
    return [(op, g) for op, g in out if g != name]


def unknown_words(words, dictionary="/usr/share/hunspell/ar"):
    """The words Hunspell's Arabic dictionary rejects (tarjim's lexicon)."""
    try:
        out = subprocess.run(["hunspell", "-d", dictionary, "-i", "UTF-8", "-l"], input="\n".join(words) + "\n",
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"hunspell is needed to keep ordinary words out of the garbles (apt-get install hunspell hunspell-ar): {e}")
    return set(out.stdout.split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="../shared/data/ntrex")
    ap.add_argument("--tarjim", default=".build/release/tarjim")
    ap.add_argument("--glossary", default=os.path.join(HERE, "..", "Glossaries", "news.tsv"))
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--per-doc", type=int, default=3, help="garbles per document at most")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    names, every = glossary_names(a.glossary)
    ar = open(os.path.join(a.data, "newstest2019.ar.txt"), encoding="utf-8").read().split("\n")
    ids = open(os.path.join(a.data, "document-ids.tsv"), encoding="utf-8").read().split("\n")
    docs = collections.OrderedDict()
    for line, doc in zip(ar, ids):
        if doc:
            docs.setdefault(doc, []).append(line)

    # Every garble of every name, with and without a proclitic, through Hunspell once.
    candidates = set()
    for n in names:
        for _, g in garbles(n):
            candidates.update([g] + [p + g for p in PROCLITICS])
    misspellings = unknown_words(sorted(candidates))
    injected = []  # (file, line, start column, end column, op, name, garble, other mentions of the name)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, (doc, lines) in enumerate(docs.items()):
            path = os.path.join(tmp, f"{k:03d}.txt")
            # Name occurrences: (line index, start, end) of the name inside the word.
            sites = []
            for li, text in enumerate(lines):
                for m in ARABIC_WORD.finditer(text):
                    w, start = m.group(), m.start()
                    if w in names:
                        sites.append((li, start, w))
                    elif len(w) > 1 and w[0] in PROCLITICS and w[1:] in names:
                        sites.append((li, start + 1, w[1:]))
            rng.shuffle(sites)
            used_lines, used_names = set(), set()
            for li, start, name in sites:
                if len(used_lines) >= a.per_doc or li in used_lines or name in used_names:
                    continue
                prefix = lines[li][start - 1] if start > 0 and lines[li][start - 1] in PROCLITICS and (
                    start < 2 or not ARABIC_WORD.match(lines[li][start - 2])) else ""
                options = [(op, g) for op, g in garbles(name) if (g not in every or names.get(g) == names[name])
                           and prefix + g in misspellings]
                if not options:
                    continue
                op, g = rng.choice(options)
                text = lines[li]
                lines[li] = text[:start] + g + text[start + len(name):]
                used_lines.add(li)
                used_names.add(name)
                mentions = sum(1 for l2, _, n2 in sites if n2 == name) - 1
                injected.append((path, li + 1, start + 1, start + 1 + len(g), op, name, g, mentions))
            open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
            paths.append(path)
        out = subprocess.run([a.tarjim, "check", "--format", "json", "--max-occurrences", "0", *paths], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit("tarjim failed: " + out.stderr)
        report = json.loads(out.stdout)

    found = collections.defaultdict(list)  # (file, line) -> [(start, end, kind, occurrence)]
    garbled_occurrences = []
    for f in report["findings"]:
        if f["kind"] not in ("garbled-name", "variant-spelling"):
            continue
        for o in f["occurrences"]:
            if f["kind"] == "variant-spelling" and o["found"] == f["expected"]:
                continue  # the canonical spelling, listed for counts
            span = (o["column"], o["column"] + len(o["found"]))
            found[(o["file"], o["line"])].append((span, f["kind"], f, o))
            if f["kind"] == "garbled-name":
                garbled_occurrences.append((o["file"], o["line"], span, f))

    def overlaps(a, b):
        return a[0] < b[1] and b[0] < a[1]

    hits = 0
    by_op = collections.Counter()
    hits_by_op = collections.Counter()
    misses = []
    alone = collections.Counter()
    hits_alone = collections.Counter()
    for path, line, start, end, op, name, g, mentions in injected:
        by_op[op] += 1
        alone[mentions > 0] += 1
        if any(overlaps(span, (start, end)) for span, _, _, _ in found[(path, line)]):
            hits += 1
            hits_by_op[op] += 1
            hits_alone[mentions > 0] += 1
        else:
            misses.append((os.path.basename(path), line, op, name, g, mentions))

    def is_injected(p, l, span):
        return any(p == ip and l == il and overlaps(span, (s, e)) for ip, il, s, e, *_ in injected)

    true_garbled = sum(1 for p, l, span, _ in garbled_occurrences if is_injected(p, l, span))
    findings = {}
    for p, l, span, f in garbled_occurrences:
        key = (f["entity"], f["found"], f["expected"])
        findings[key] = findings.get(key, False) or is_injected(p, l, span)
    false_alarms = [(os.path.basename(p), l, f["found"], f["expected"], f["entity"]) for p, l, span, f in garbled_occurrences
                    if not is_injected(p, l, span)]

    if not a.quiet:
        for doc, line, op, name, g, mentions in misses:
            print(f"missed {doc}:{line} {op}: {g} (for {name}, {len(name)} letters, {mentions} other mention(s) in the document)")
        for doc, line, found_text, expected, entity in false_alarms:
            print(f"false alarm {doc}:{line}: {found_text} -> {expected} ({entity})")
    recall = hits / len(injected) if injected else 0
    good = sum(1 for v in findings.values() if v)
    precision = good / len(findings) if findings else 1
    per_occurrence = true_garbled / len(garbled_occurrences) if garbled_occurrences else 1
    print(f"documents {len(docs)}  injected garbles {len(injected)} (seed {a.seed})")
    print("recall by operation: " + ", ".join(f"{op} {hits_by_op[op]}/{by_op[op]}" for op in sorted(by_op)))
    print(f"recall when the name is also written elsewhere in the document: {hits_alone[True]}/{alone[True]}; "
          f"when the garble is its only mention: {hits_alone[False]}/{alone[False]}")
    print(f"recall {recall:.4f} ({hits}/{len(injected)})  precision {precision:.4f} ({good}/{len(findings)} garbled-name findings; "
          f"per occurrence {per_occurrence:.4f}, {true_garbled}/{len(garbled_occurrences)})")
    met = recall >= 0.95 and precision >= 0.90
    print("targets recall >= 0.95, precision >= 0.90:", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
