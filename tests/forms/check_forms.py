#!/usr/bin/env python3
"""Every real example of an export form (tests/forms/, see SOURCES.md) read by
`sspr-errors scan --records --json`: the records and their main fields must be
those of expected.tsv (file, format, source, event_id, record_id, level, time,
computer; "-" for null), in order. `--update` rewrites expected.tsv (review
the diff: each value was checked against the file when it was recorded).

usage: check_forms.py SSPR-ERRORS [--update]
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = ("format", "source", "event_id", "record_id", "level", "time", "computer")


def read(cli):
    rows = []
    for name in sorted(os.listdir(HERE)):
        if name.endswith((".py", ".md", ".tsv")) and name != "getevent-csv-tab.tsv":
            continue
        p = subprocess.run([cli, "scan", "--records", "--json", os.path.join(HERE, name)],
                           capture_output=True, text=True)
        for r in json.loads(p.stdout or "[]"):
            rows.append("\t".join([name] + ["-" if r[k] is None else str(r[k]) for k in KEYS]))
    return rows


def main():
    cli = sys.argv[1]
    path = os.path.join(HERE, "expected.tsv")
    got = read(cli)
    if "--update" in sys.argv:
        with open(path, "w", encoding="utf-8") as f:
            f.write("# file\t" + "\t".join(KEYS) + "\n" + "\n".join(got) + "\n")
        return 0
    with open(path, encoding="utf-8") as f:
        want = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    failed = 0
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else "(none)"
        w = want[i] if i < len(want) else "(none)"
        if g != w:
            failed += 1
            print("FAIL: record %d\n  got      %s\n  expected %s" % (i + 1, g, w))
    print("%d passed, %d failed" % (len(want) - failed if len(want) >= failed else 0, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
