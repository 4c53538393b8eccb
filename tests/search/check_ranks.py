#!/usr/bin/env python3
"""Search-quality regressions fail (issue 13, point 7).

For every query of the quality set (tests/search/queries.tsv), the rank of its
expected answer in `sspr-errors search --json` (1 = first; the best-placed of
the ids an EXPECTED joins with '|'; 0 when the search does not return it at
all) is compared with the rank recorded in tests/search/ranks.tsv. The test
fails when any query ranks its answer worse than recorded, when a query has no
recorded rank, or when ranks.tsv records a query the set no longer has.
A better rank passes, with a note asking to record it.

An intended change of ranking (a new query, a new entry, a tuned weight)
updates ranks.tsv in the same commit:

    python3 tests/search/check_ranks.py build/src/cli/sspr-errors --update

rewrites ranks.tsv from the current ranks (review its diff before committing).

usage: check_ranks.py SSPR-ERRORS [--update]
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QUERIES = os.path.join(HERE, "queries.tsv")
RANKS = os.path.join(HERE, "ranks.tsv")
HEADER = """\
# Rank of each quality-set query's expected answer (tests/search/queries.tsv)
# in `sspr-errors search`: 1 = first, 0 = not returned at all. Written by
# `check_ranks.py SSPR-ERRORS --update`; the search-ranks test fails when a
# query ranks its answer worse than recorded here.
# Format: QUERY<TAB>EXPECTED<TAB>RANK
"""


def read_tsv(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != columns:
                sys.exit("%s:%d: %d columns, expected %d" % (path, n, len(cells), columns))
            rows.append(cells)
    return rows


def rank(cli, query, expected, limit):
    r = subprocess.run([cli, "search", "--json", "--limit", str(limit), query],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit("search %r: exit %d: %s" % (query, r.returncode, r.stderr))
    ids = [h["entry"]["id"] for h in json.loads(r.stdout)]
    places = [i + 1 for i, x in enumerate(ids) if x in expected.split("|")]
    return min(places) if places else 0


def worse(now, recorded):
    """0 (not found) is the worst rank."""
    if recorded == 0:
        return False
    return now == 0 or now > recorded


def main():
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] != "--update"):
        sys.exit(__doc__)
    cli = sys.argv[1]
    update = len(sys.argv) == 3

    listed = subprocess.run([cli, "list", "--json"], capture_output=True, text=True)
    limit = len(json.loads(listed.stdout))  # rank over the whole catalogue
    queries = [(q, exp) for exp, q in read_tsv(QUERIES, 2)]
    if len({q for q, _ in queries}) != len(queries):
        sys.exit("%s: a query is listed twice" % QUERIES)
    now = {q: (exp, rank(cli, q, exp, limit)) for q, exp in queries}

    if update:
        with open(RANKS, "w", encoding="utf-8") as f:
            f.write(HEADER)
            for q, _ in queries:
                f.write("%s\t%s\t%d\n" % (q, now[q][0], now[q][1]))
        print("wrote %s: %d queries" % (RANKS, len(queries)))
        return 0

    recorded = {}
    for q, exp, r in read_tsv(RANKS, 3):
        recorded[q] = (exp, int(r))
    failures = improved = 0
    for q, _ in queries:
        exp, r = now[q]
        if q not in recorded:
            print("FAIL: no recorded rank for %r (run with --update)" % q)
            failures += 1
        elif recorded[q][0] != exp:
            print("FAIL: %r: expected %s in queries.tsv, %s in ranks.tsv" % (q, exp, recorded[q][0]))
            failures += 1
        elif worse(r, recorded[q][1]):
            print("FAIL: %r: %s now at rank %d, recorded %d" % (q, exp, r, recorded[q][1]))
            failures += 1
        elif r != recorded[q][1]:
            print("better: %r: %s now at rank %d, recorded %d (record it with --update)"
                  % (q, exp, r, recorded[q][1]))
            improved += 1
    for q in recorded:
        if q not in now:
            print("FAIL: ranks.tsv records %r, which queries.tsv does not have" % q)
            failures += 1
    first = sum(1 for exp, r in now.values() if r == 1)
    print("%d queries: %d first, %d in the top 3, %d not found; %d failures, %d better than recorded"
          % (len(now), first, sum(1 for _, r in now.values() if 1 <= r <= 3),
             sum(1 for _, r in now.values() if r == 0), failures, improved))
    return 1 if failures else 0


sys.exit(main())
