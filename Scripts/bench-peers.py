#!/usr/bin/env python3
"""The Python and ICU peers of Tarjim's benchmark, on the files `tarjim-bench corpus` wrote.

    Scripts/bench-peers.py DIR [--mb N] [--runs R] [--only NAME,...]

Prints one line per peer: name, MB of input, median MB/s over the runs, of CPU time (user + system,
children included: the load of the shared machine does not count), tab-separated for
Scripts/bench.sh. A peer whose package is missing prints "missing" instead of a figure.

- pyahocorasick: an Automaton of every Arabic spelling of glossary-100k.tsv (and -100), iter() over
  each line, keeping matches with no Arabic letter right before or after (a word-boundary check).
- flashtext: a KeywordProcessor with Arabic letters as word characters, replace_keywords() per line.
- PyICU: a sentence BreakIterator for "ar" over each line.
- camel-tools: the matching-key chain of `tarjim normalize --key` as far as camel-tools has it
  (normalize_unicode NFKC, dediac_ar, alef, alef maksura and teh marbuta normalization) per line.
- uconv: ICU's command-line converter with the rule chain of `tarjim normalize --key`
  (`::NFKC; ::[:Mn:] Remove; ...`) and with the Arabic-Latin transliterator, over the file.
"""
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]")

UCONV_KEY_RULES = (
    r"::NFKC; ::[:Mn:] Remove; \u0640 > ; [\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF] > ; "
    r"[\u0622\u0623\u0625\u0671] > \u0627; \u0649 > \u064A; \u0629 > \u0647; "
    r"\u0660 > 0; \u0661 > 1; \u0662 > 2; \u0663 > 3; \u0664 > 4; \u0665 > 5; \u0666 > 6; \u0667 > 7; \u0668 > 8; \u0669 > 9; "
    r"\u060C > \u002C; \u061B > \u003B; \u061F > \u003F;"
)


def read_lines(path, mb):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    limit = int(mb * 1_000_000)
    data = text.encode("utf-8")
    if len(data) > limit:
        cut = data.index(b"\n", limit) + 1 if b"\n" in data[limit:] else len(data)
        text = data[:cut].decode("utf-8")
    return text, text.split("\n")


def glossary_terms(path):
    terms = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            spellings = [cols[0]] + [v for v in (cols[3].split(";") if len(cols) > 3 else []) if v]
            for s in spellings:
                terms.append((s, cols[1]))
    return terms


def cpu_seconds():
    """CPU time of this process and its finished children (uconv): on a shared, loaded machine this
    is what one core would take, as tarjim-bench measures it."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def median_rate(mb, runs, body):
    times = []
    for _ in range(runs):
        t = cpu_seconds()
        body()
        times.append(cpu_seconds() - t)
    return mb / statistics.median(times)


def peer_ahocorasick(lines, mb, runs, terms):
    import ahocorasick

    a = ahocorasick.Automaton()
    for ar, en in terms:
        a.add_word(ar, (len(ar), en))
    a.make_automaton()

    def body():
        n = 0
        for line in lines:
            for end, (length, en) in a.iter(line):
                start = end - length + 1
                if start > 0 and ARABIC_LETTER.match(line[start - 1]):
                    continue
                if end + 1 < len(line) and ARABIC_LETTER.match(line[end + 1]):
                    continue
                n += 1
        return n

    return median_rate(mb, runs, body)


def peer_flashtext(lines, mb, runs, terms):
    from flashtext import KeywordProcessor

    kp = KeywordProcessor()
    for c in range(0x0620, 0x0700):
        kp.add_non_word_boundary(chr(c))
    for ar, en in terms:
        kp.add_keyword(ar, en)

    def body():
        for line in lines:
            kp.replace_keywords(line)

    return median_rate(mb, runs, body)


def peer_pyicu(lines, mb, runs):
    import icu

    bi = icu.BreakIterator.createSentenceInstance(icu.Locale("ar"))

    def body():
        n = 0
        for line in lines:
            bi.setText(line)
            for _ in bi:
                n += 1
        return n

    return median_rate(mb, runs, body)


def peer_camel(lines, mb, runs):
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    def body():
        for line in lines:
            s = normalize_unicode(line, "NFKC")
            s = dediac_ar(s)
            s = normalize_alef_ar(s)
            s = normalize_alef_maksura_ar(s)
            normalize_teh_marbuta_ar(s)

    return median_rate(mb, runs, body)


def peer_uconv(text, mb, runs, rules):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        def body():
            subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", rules, path], check=True, stdout=subprocess.DEVNULL)

        return median_rate(mb, runs, body)
    finally:
        os.unlink(path)


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    directory = args[0]
    mb, runs, only = 20.0, 3, None
    i = 1
    while i < len(args):
        if args[i] == "--mb":
            mb = float(args[i + 1]); i += 2
        elif args[i] == "--runs":
            runs = int(args[i + 1]); i += 2
        elif args[i] == "--only":
            only = set(args[i + 1].split(",")); i += 2
        else:
            print(f"bench-peers: unknown argument {args[i]}", file=sys.stderr); sys.exit(64)
    text, lines = read_lines(os.path.join(directory, "corpus.ar.txt"), mb)
    size = len(text.encode("utf-8")) / 1e6
    # uconv's transliterator slows down on long buffers: at most 2 MB for it.
    small_text, _ = read_lines(os.path.join(directory, "corpus.ar.txt"), min(mb, 2.0))
    small = len(small_text.encode("utf-8")) / 1e6
    g100 = glossary_terms(os.path.join(directory, "glossary-100.tsv"))
    g100k = glossary_terms(os.path.join(directory, "glossary-100k.tsv"))
    peers = [
        ("pyahocorasick-100k", size, lambda: peer_ahocorasick(lines, size, runs, g100k)),
        ("pyahocorasick-100", size, lambda: peer_ahocorasick(lines, size, runs, g100)),
        ("flashtext-100k", size, lambda: peer_flashtext(lines, size, runs, g100k)),
        ("flashtext-100", size, lambda: peer_flashtext(lines, size, runs, g100)),
        ("pyicu-sentences", size, lambda: peer_pyicu(lines, size, runs)),
        ("camel-normalize", size, lambda: peer_camel(lines, size, runs)),
        ("uconv-key", size, lambda: peer_uconv(text, size, runs, UCONV_KEY_RULES)),
        ("uconv-arabic-latin", small, lambda: peer_uconv(small_text, small, runs, "Arabic-Latin")),
    ]
    for name, m, run in peers:
        if only and name not in only:
            continue
        try:
            rate = run()
            print(f"{name}\t{m:.1f}\t{rate:.1f}", flush=True)
        except (ImportError, FileNotFoundError) as e:
            print(f"{name}\t{m:.1f}\tmissing ({e})", flush=True)


if __name__ == "__main__":
    main()
