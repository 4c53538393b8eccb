#!/usr/bin/env python3
"""`sspr-errors search` end to end: the words joined, --limit (default 5,
positive integer or exit 2), text lines of score, id and title, --json objects
{score, entry} with the entry as lookup --json prints it, exit 1 when nothing
matches; and the acceptance set of queries.tsv typed at the command line, as a
new user would, with at least 9 of its 10 answers ranked first.

usage: cli_search.py SSPR-ERRORS"""
import json
import os
import subprocess
import sys

cli = sys.argv[1]
failed = passed = 0


def check(cond, what):
    global failed, passed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True)


r = run("search", "the", "text", "message", "with", "the", "code", "never", "arrives")
lines = r.stdout.splitlines()
check(r.returncode == 0, "found: exit 0")
check(len(lines) == 5, "default limit 5: %d lines" % len(lines))
check(lines and lines[0].split()[1] == "reset-no-sms-or-call", "best first: %r" % lines[:1])
scores = [float(l.split()[0]) for l in lines]
check(scores == sorted(scores, reverse=True), "scores descending")
check(run("search", "the text message with the code never arrives").stdout == r.stdout,
      "words joined by spaces")

r = run("search", "--limit", "2", "writeback", "stopped")
check(r.returncode == 0 and len(r.stdout.splitlines()) == 2, "--limit 2")
for bad in ("0", "-1", "abc", "2x", "", "99999999999999999999"):
    r = run("search", "--limit", bad, "writeback")
    check(r.returncode == 2 and "limit" in r.stderr, "--limit %r: exit 2 (%d)" % (bad, r.returncode))
r = run("search", "writeback", "--limit")
check(r.returncode == 2, "--limit without a value")

r = run("search", "--json", "--limit", "3", "Error getting auth token")
check(r.returncode == 0, "--json: exit 0")
hits = json.loads(r.stdout)
check(len(hits) == 3, "--json --limit 3")
check(all(set(h) == {"score", "confidence", "entry"} for h in hits),
      "--json objects have score, confidence and entry")
check(all(h["confidence"] in ("high", "medium", "low") for h in hits), "--json confidence names")
look = json.loads(run("lookup", "--json", "prs-32009").stdout)[0]
check(look.pop("confidence") == "high", "lookup --json: an id is high confidence")
first = [h["entry"] for h in hits if h["entry"]["id"] == "prs-32009"]
check(first == [look], "the entry object is lookup's")
check(hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"], "JSON scores descending")

r = run("search", "qwxzzyv", "plorkington")
check(r.returncode == 1 and r.stdout == "", "nothing: exit 1, no output")
r = run("search", "--json", "qwxzzyv")
check(r.returncode == 1 and json.loads(r.stdout) == [], "nothing, --json: []")
r = run("search")
check(r.returncode == 2, "no words: exit 2")

# The acceptance set: the phrasings after the "# Acceptance set" comment.
accept, on = [], False
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "queries.tsv")) as f:
    for line in f:
        if line.startswith("# Acceptance set"):
            on = True
        elif on and line.strip() and not line.startswith("#"):
            expected, query = line.rstrip("\n").split("\t")
            accept.append((expected.split("|"), query))
firsts = 0
for expected, query in accept:
    r = run("search", *query.split())
    top = r.stdout.split()[1] if r.returncode == 0 and r.stdout.split() else None
    firsts += top in expected
    if top not in expected:
        print("acceptance miss: %r -> %s (expected %s)" % (query, top, "|".join(expected)))
check(len(accept) == 10, "the acceptance set has 10 phrasings: %d" % len(accept))
check(firsts >= 9, "acceptance set: %d of %d first, at least 9 needed" % (firsts, len(accept)))
print("acceptance set at the command line: %d of %d first" % (firsts, len(accept)))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
