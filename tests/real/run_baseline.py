#!/usr/bin/env python3
"""Run every case of tests/real/cases.tsv through the CLI and print a Markdown baseline.

usage: tests/real/run_baseline.py [path/to/sspr-errors]   (default build-h3/src/cli/sspr-errors)
Records: `scan --json FILE` and `lookup --json "$(cat FILE)"`; tickets: `search --json --limit 10 TEXT`.
A case is 'first' when the preferred expected id ranks 1, 'top3' when it ranks 2-3, else 'missed';
a preferred id written NEW:... is not in the catalogue yet, so it is always 'missed (NEW)'.
'any@3' tells whether any acceptable id (all of the expected column) is in the top 3.
"""
import csv, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
cli = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build-h3/src/cli/sspr-errors")

def ids(args):
    p = subprocess.run([cli] + args, capture_output=True, text=True)
    try:
        data = json.loads(p.stdout) if p.stdout.strip() else []
    except json.JSONDecodeError:
        return []
    out = []
    for x in data:
        e = x.get("entry", x) if isinstance(x, dict) else {}
        if e.get("id") and e["id"] not in out:
            out.append(e["id"])
    return out

def grade(got, expected):
    pref = expected[0]
    if pref.startswith("NEW:"):
        st = "missed (NEW)"
    elif pref in got[:1]:
        st = "first"
    elif pref in got[:3]:
        st = "top3"
    else:
        st = "missed"
    anyat3 = any(e in got[:3] for e in expected if not e.startswith("NEW:"))
    return st, anyat3

rows = list(csv.DictReader(open(os.path.join(here, "cases.tsv"), encoding="utf-8"), delimiter="\t"))
results = []
for r in rows:
    exp = r["expected"].split("|")
    if r["kind"] == "record":
        path = os.path.join(here, r["file_or_text"])
        text = open(path, encoding="utf-8").read()
        runs = {"scan": ids(["scan", "--json", path]), "lookup": ids(["lookup", "--json", text])}
    else:
        runs = {"search": ids(["search", "--json", "--limit", "10", r["file_or_text"]])}
    results.append((r, exp, {k: (v, grade(v, exp)) for k, v in runs.items()}))

def tally(kind, tool):
    c = {"first": 0, "top3": 0, "missed": 0, "missed (NEW)": 0, "any@3": 0, "n": 0}
    for r, exp, runs in results:
        if r["kind"] != kind: continue
        got, (st, a) = runs[tool]
        c[st] += 1; c["any@3"] += a; c["n"] += 1
    return c

print("| case | tool | expected (preferred first) | got (top 3) | preferred | any@3 |")
print("| --- | --- | --- | --- | --- | --- |")
for r, exp, runs in results:
    for tool, (got, (st, a)) in runs.items():
        print(f"| {r['case_id']} | {tool} | {' '.join(exp)} | {' '.join(got[:3]) or '(none)'} | {st} | {'yes' if a else 'no'} |")
print()
print("| kind | tool | cases | first | top3 (2-3) | missed | missed (NEW) | any acceptable in top 3 |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for kind, tool in (("record", "scan"), ("record", "lookup"), ("ticket", "search")):
    c = tally(kind, tool)
    print(f"| {kind} | {tool} | {c['n']} | {c['first']} | {c['top3']} | {c['missed']} | {c['missed (NEW)']} | {c['any@3']} |")
