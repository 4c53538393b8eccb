#!/usr/bin/env python3
"""The real-world test set (tests/real/cases.tsv, gathered from public posts)
through the CLI, as a helpdesk would use it:
  - a pasted record (records/*.txt): `sspr-errors scan --json FILE`, whose
    summary ranks the entries the records name (errors first, then count);
    `scan --records --json FILE` must read at least one record from it;
  - a ticket (a description in our words): `sspr-errors search --json TEXT`.
A case is first when its preferred id (the first of `expected`) ranks first.
The goal (issue 14): at least 90 % of all cases first, and every pasted
record's preferred entry within the top 3; meson runs it so (the goal was
reached on 2026-12-02). --floor FIRST RECORDS_IN_TOP3 checks a lower bar
instead (for trying a change that loses a case). Prints every miss and the
figures.

usage: check_real.py SSPR-ERRORS [--verbose] [--floor FIRST RECORDS_IN_TOP3]
"""
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cli, args):
    p = subprocess.run([cli] + args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit("%s %s: exit %d: %s" % (cli, " ".join(args), p.returncode, p.stderr))
    return json.loads(p.stdout) if p.stdout.strip() else []


def ranked(data):
    out = []
    for x in data:
        e = x.get("entry", x)
        if e.get("id") not in out:
            out.append(e["id"])
    return out


def main():
    cli = sys.argv[1]
    verbose = "--verbose" in sys.argv
    floor = None
    if "--floor" in sys.argv:
        k = sys.argv.index("--floor")
        floor = (int(sys.argv[k + 1]), int(sys.argv[k + 2]))
    with open(os.path.join(HERE, "cases.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    first = top3 = records = records_top3 = 0
    failed = []
    for r in rows:
        expected = r["expected"].split("|")
        if r["kind"] == "record":
            path = os.path.join(HERE, r["file_or_text"])
            got = ranked(run(cli, ["scan", "--json", path]))
            records += 1
            read = run(cli, ["scan", "--records", "--json", path])
            if not read and floor is None:
                failed.append("%s: scan --records read no record" % r["case_id"])
        else:
            got = ranked(run(cli, ["search", "--json", "--limit", "10", r["file_or_text"]]))
        pos = got.index(expected[0]) + 1 if expected[0] in got else 0
        first += pos == 1
        top3 += 0 < pos <= 3
        if r["kind"] == "record":
            records_top3 += 0 < pos <= 3
            if not 0 < pos <= 3 and floor is None:
                failed.append("%s: %s not in the top 3 of scan: %s" % (r["case_id"], expected[0], got[:3]))
        if (pos != 1 and verbose) or (pos != 1 and r["kind"] == "record"):
            print("%s %-6s %-28s rank %s, got %s" % (r["case_id"], r["kind"], expected[0],
                                                      pos or "-", " ".join(got[:3]) or "(none)"))
    n = len(rows)
    print("%d cases (%d pasted records, %d tickets): %d first (%.1f %%), %d in the top 3; "
          "records in the top 3: %d of %d" % (n, records, n - records, first, 100.0 * first / n,
                                               top3, records_top3, records))
    if n < 60 or records < 25 or n - records < 25:
        failed.append("the set needs 60 cases, 25 records and 25 tickets")
    if floor is None and first < 0.9 * n:
        failed.append("%d of %d first: under 90 %%" % (first, n))
    if floor is not None and (first < floor[0] or records_top3 < floor[1]):
        failed.append("below the floor: %d first (floor %d), %d records in the top 3 (floor %d)"
                      % (first, floor[0], records_top3, floor[1]))
    for f in failed:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (n - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
