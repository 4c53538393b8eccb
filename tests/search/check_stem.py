#!/usr/bin/env python3
"""src/common/stem.c against a reference implementation of the same algorithm.

stem.c is M. F. Porter's 1980 stemmer (with the two departures of Porter's own
C implementation), so the reference is Snowball's 'porter' algorithm from
Debian's python3-snowballstemmer (not 'english', which is Porter2). Every
word of the vocabulary is stemmed by both: sspr__stem() through stem_words
(compiled against src/common/stem.c) and snowballstemmer. The vocabulary is
tests/search/vocabulary.txt (a sample of Debian's wamerican word list), every
word of the catalogue's text, and the words stem-differences.tsv lists.

Every word on which the two differ must be listed in stem-differences.tsv with
both stems and a reason defined in that file's header; a listed word on which
they no longer differ (or differ otherwise) fails too, so the list stays
exact. On failure the lines to add are printed.

usage: check_stem.py STEM_WORDS CATALOG.json...
"""
import json
import os
import re
import subprocess
import sys

import snowballstemmer  # Debian: python3-snowballstemmer

HERE = os.path.dirname(os.path.abspath(__file__))
VOCABULARY = os.path.join(HERE, "vocabulary.txt")
DIFFERENCES = os.path.join(HERE, "stem-differences.tsv")
MIN_WORDS = 5000


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def catalogue_words(paths):
    """Words of every string in the catalogue, cut where the tokenizer cuts
    (non-letters, CamelCase) and lower-cased."""
    words = set()

    def walk(x):
        if isinstance(x, str):
            for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", x):
                words.add(w.lower())
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for p in paths:
        with open(p, encoding="utf-8") as f:
            walk(json.load(f))
    return words


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    stem_words, catalogue = sys.argv[1], sys.argv[2:]

    with open(DIFFERENCES, encoding="utf-8") as f:
        reasons = set(re.findall(r"^# reason ([a-z-]+): ", f.read(), re.M))
    listed = {}
    for line in lines(DIFFERENCES):
        cells = line.split("\t")
        if len(cells) != 4 or cells[3] not in reasons:
            sys.exit("%s: bad line (WORD, OURS, SNOWBALL, a reason of the header): %r"
                     % (DIFFERENCES, line))
        listed[cells[0]] = tuple(cells[1:])

    from_file = lines(VOCABULARY)
    from_catalogue = catalogue_words(catalogue)
    words = sorted(set(from_file) | from_catalogue | set(listed))
    bad = [w for w in words if not re.fullmatch(r"[a-z]+", w)]
    if bad:
        sys.exit("not lower-case ASCII words: %r" % bad[:10])

    r = subprocess.run([stem_words], input="".join(w + "\n" for w in words),
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("stem_words failed (%d): %s" % (r.returncode, r.stderr))
    ours = dict(l.split("\t") for l in r.stdout.splitlines())
    porter = snowballstemmer.stemmer("porter")

    failures, differ = [], 0
    if len(words) < MIN_WORDS:
        failures.append("only %d words, at least %d needed" % (len(words), MIN_WORDS))
    if len(ours) != len(words):
        failures.append("stem_words answered %d of %d words" % (len(ours), len(words)))
    for w in words:
        a, b = ours.get(w), porter.stemWord(w)
        if a == b:
            if w in listed:
                failures.append("%s: listed, but both now stem it to %r" % (w, a))
            continue
        differ += 1
        if w not in listed:
            failures.append("%s: stem.c %r, snowball porter %r, not listed; add\n%s\t%s\t%s\tREASON"
                            % (w, a, b, w, a, b))
        elif listed[w][:2] != (a, b):
            failures.append("%s: listed as %r, now %r" % (w, listed[w][:2], (a, b)))

    for f in failures:
        print("FAIL: " + f)
    print("%d words (%d from vocabulary.txt, %d from the catalogue): %d stem differently, "
          "%d listed; %d failures" % (len(words), len(set(from_file)), len(from_catalogue),
                                      differ, len(listed), len(failures)))
    return 1 if failures else 0


sys.exit(main())
