#!/usr/bin/env python3
"""incidents and report on the real-world test set (tests/real): every pasted
record that scan recognises ends up in an operation, the operations' entries
are those scan finds in the records, and report's page has a section for
every entry that explains a failed or unfinished operation.

check_real_ops.py CLI REAL_DIR"""
import csv
import json
import os
import subprocess
import sys


def main():
    cli, real = sys.argv[1], sys.argv[2]
    files = []
    with open(os.path.join(real, "cases.tsv"), newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["kind"] == "record":
                files.append(os.path.join(real, row["file_or_text"]))
    bad = []
    inc = subprocess.run([cli, "incidents", "--json"] + files, capture_output=True, text=True)
    if inc.returncode != 0:
        bad.append("incidents exit status %d: %s" % (inc.returncode, inc.stderr[-300:]))
    ops = json.loads(inc.stdout) if inc.stdout.strip() else []
    in_ops = set()
    for o in ops:
        for r in o["records"]:
            in_ops.add((r["file"], r["line"]))
    named = 0
    for path in files:
        sc = subprocess.run([cli, "scan", "--records", "--json", path], capture_output=True, text=True)
        for r in json.loads(sc.stdout or "[]"):
            if not r["entries"]:
                continue
            failing = r["level"] in ("error", "warning", "critical") or any(
                e.startswith(("prs-32", "prs-33", "adsync-6329", "adsync-hr")) for e in r["entries"])
            if not failing:
                continue
            named += 1
    failed_ops = [o for o in ops if o["outcome"] != "succeeded"]
    if named and not failed_ops:
        bad.append("%d failing records, no failed operation" % named)
    covered = sum(len(o["records"]) for o in failed_ops)
    if covered < named:
        bad.append("%d failing records, only %d in failed or unfinished operations" % (named, covered))
    page = subprocess.run([cli, "report"] + files, capture_output=True, text=True)
    if page.returncode != 0:
        bad.append("report exit status %d" % page.returncode)
    for o in failed_ops:
        if o["entry"] and ('id="%s"' % o["entry"]) not in page.stdout:
            bad.append("report has no section for %s" % o["entry"])
    for b in bad:
        print("FAIL:", b)
    print("real-world: %d record files, %d failing records, %d operations (%d failed or unfinished), "
          "%d problems" % (len(files), named, len(ops), len(failed_ops), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
