#!/usr/bin/env python3
"""`sspr-errors scan` end to end: every fixture of this folder, as committed
(UTF-8) and as a UTF-16LE-with-BOM copy made here, reports exactly the entries,
counts and lines of its `expected` file; exit statuses 0 (found), 1 (nothing),
2 (a file cannot be read: the reason on stderr, the other files still scanned);
--json output; text output with title and first step.

usage: cli_scan.py SSPR-ERRORS FIXTURE-DIR"""
import json
import os
import subprocess
import sys
import tempfile

cli, fixtures = sys.argv[1], sys.argv[2]
failed = passed = 0


def check(cond, what):
    global failed, passed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def run(*args, stdin=None):
    return subprocess.run([cli, "scan", *args], input=stdin, capture_output=True)


def expected(case):
    out = {}
    with open(os.path.join(fixtures, case, "expected"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ident, count, lines = line.split()
            out[ident] = (int(count), [int(x) for x in lines.split(",")])
    return out


def got(stdout):
    return {e["id"]: (e["count"], e["lines"]) for e in json.loads(stdout)}


cases = sorted(d for d in os.listdir(fixtures) if os.path.isfile(os.path.join(fixtures, d, "expected")))
check(len(cases) >= 5, "at least five fixtures (%d)" % len(cases))
with tempfile.TemporaryDirectory() as tmp:
    for case in cases:
        name = [f for f in os.listdir(os.path.join(fixtures, case)) if f != "expected"][0]
        path = os.path.join(fixtures, case, name)
        with open(path, "rb") as f:
            data = f.read()
        utf16 = os.path.join(tmp, case + "-utf16.txt")
        with open(utf16, "wb") as f:
            f.write(b"\xff\xfe" + data.decode("utf-8").encode("utf-16-le"))
        want = expected(case)
        for label, p in (("UTF-8", path), ("UTF-16LE", utf16)):
            r = run("--json", p)
            check(r.returncode == 0, "%s %s: exit %d" % (case, label, r.returncode))
            try:
                have = got(r.stdout)
            except ValueError as e:
                check(False, "%s %s: --json is not JSON: %s" % (case, label, e))
                continue
            check(have == want, "%s %s: %s, expected %s" % (case, label, have, want))
            entries = json.loads(r.stdout)
            counts = [e["count"] for e in entries]
            check(counts == sorted(counts, reverse=True), "%s: most frequent first" % case)
            for e in entries:
                check(all(k in e for k in ("id", "source", "code", "count", "lines")),
                      "%s: JSON keys of %s" % (case, e.get("id")))
                check([loc["line"] for loc in e["locations"]] == e["lines"], "%s: locations" % case)
        r = run(stdin=data)  # standard input, text output
        check(r.returncode == 0, "%s on stdin: exit %d" % (case, r.returncode))
        text = r.stdout.decode("utf-8")
        for ident in want:
            check(ident in text, "%s text output names %s" % (case, ident))
        check("Lines:" in text, "%s text output has lines" % case)

    empty = os.path.join(tmp, "empty.log")
    with open(empty, "w") as f:
        f.write("nothing to see here\nhr=12345678 is not ours\n")
    r = run(empty)
    check(r.returncode == 1, "nothing found: exit 1, not %d" % r.returncode)
    check(b"search" in r.stderr and r.stderr.count(b"\n") == 1,
          "nothing found: one line on standard error pointing to search")
    other = os.path.join(tmp, "other.txt")
    with open(other, "w") as f:
        f.write("Log Name: Application\nSource: Foo\nEvent ID: 1000\nLevel: Error\n"
                "Description:\nboom\n\n"
                "Log Name: Application\nSource: Bar\nEvent ID: 7\nLevel: Warning\n"
                "Description:\nbang\n")
    r = run(other)
    check(r.returncode == 1, "records of other providers: exit 1, not %d" % r.returncode)
    check(b"2 records read, none names a catalogue entry" in r.stderr,
          "records of other providers: the summary counts them: %r" % r.stderr)

    # TrackingId lines as admins paste them: the admin's UPN of a reset by an
    # admin is the initiator, the labelled UserPrincipalName the user; an id
    # the poster replaced is no tracking id (it must not join records), but
    # the operation word after it is still read.
    lines = [
        ("TrackingId: 7344da2c-ab9d-42ef-adea-4a17d07fdeb9, ResetUserPasswordByAdminSuccess, "
         "Details: Context: cloudAnchor: User_1, SourceAnchorValue: x, "
         "AdminUpn: admin@contoso.com, UserPrincipalName: user@contoso.com",
         "7344da2c-ab9d-42ef-adea-4a17d07fdeb9", "ResetUserPasswordByAdminSuccess",
         "user@contoso.com", "admin@contoso.com"),
        ("TrackingId: <GUID>, ResetUserPasswordByAdminStart, Details: user@contoso.com",
         None, "ResetUserPasswordByAdminStart", "user@contoso.com", None),
        ("TrackingId: xxxxxxxx, PasswordResetRequestStart, Details: user@contoso.com",
         None, "PasswordResetRequestStart", "user@contoso.com", None),
        # a message wrapped right after the id: the id still counts
        ("Log Name: Application\nSource: PasswordResetService\nEvent ID: 31001\n"
         "Level: Information\nDescription:\n"
         "TrackingId: 7344da2c-ab9d-42ef-adea-4a17d07fdeb9\n"
         "PasswordResetRequestStart, Details: user@contoso.com",
         "7344da2c-ab9d-42ef-adea-4a17d07fdeb9", None, "user@contoso.com", None),
    ]
    for text, tid, op, upn, init in lines:
        r = run("--records", "--json", "-", stdin=(text + "\n").encode())
        recs = json.loads(r.stdout or b"[]")
        rec = recs[0] if recs else {}
        want = {"tracking_id": tid, "operation": op, "user": upn, "initiator": init}
        check(all(rec.get(k) == v for k, v in want.items()),
              "TrackingId line %r: %r" % (text[:40], {k: rec.get(k) for k in want}))
    r = run("--json", empty)
    check(r.returncode == 1 and json.loads(r.stdout) == [], "nothing found, --json: []")
    r = run("-", stdin=b"")
    check(r.returncode == 1, "empty standard input: exit 1")

    missing = os.path.join(tmp, "no-such-file.log")
    tab = os.path.join(fixtures, "tab", "events.txt")
    r = run("--json", missing, tab)
    err = r.stderr.decode("utf-8", "replace")
    check(r.returncode == 2, "unreadable file: exit 2, not %d" % r.returncode)
    check("no-such-file.log" in err and "No such file" in err, "stderr names the file and why: %r" % err)
    check(got(r.stdout) == expected("tab"), "the other files are still scanned")
    r = run(tmp)  # a directory cannot be read
    check(r.returncode == 2 and tmp in r.stderr.decode(), "a directory: exit 2 with its name")

    r = run(tab, tab)  # two files: locations name them
    check(r.returncode == 0 and ("%s:2" % tab) in r.stdout.decode(), "two files: file:line")
    r = run("--json", tab, tab)
    check(got(r.stdout)["prs-31001"][0] == 2, "two files: counts add up")
    r = subprocess.run([cli, "scan", "--limit", "3", tab], capture_output=True)
    check(r.returncode == 2, "--limit does not apply to scan")

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
