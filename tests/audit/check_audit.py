#!/usr/bin/python3
"""Check the scanner's audit-log records against tests/audit/expected.tsv.

  check_audit.py CLI FILE...          run `CLI scan --json --records FILE` for
                                      each FILE and compare every record with
                                      expected.tsv; print a table (file,
                                      expected, read, agreeing, differing) and
                                      the first differences; exit 1 on any
  check_audit.py --bad CLI            the damaged files (truncated.json,
                                      csv-missing-column.csv,
                                      csv-extra-column.csv): exit status 0 or 1,
                                      no crash, the readable records read (in
                                      order, extra records allowed), and for
                                      truncated.json a message on stderr
  check_audit.py --gen50 OUT          write a Graph-style file of --size-mb
                                      (default 50) MB: minified pages of 500
                                      records, concatenated; prints the count
  check_audit.py --big CLI            generate that file in a temporary
                                      directory, scan it with --records and
                                      check the record count and the time
                                      (--limit-s, default 120)

Keys compared per record: format, source, event_id (must be null), time,
user, activity, result, reason, correlation_id, initiator, details, entries.
Tolerances (so that the reader's own choices pass): time may carry
fractional seconds, 'Z' or '+00:00' (compared to the second, UTC); result,
user and correlation_id compare case-insensitively; an empty reason,
correlation_id, initiator or source (userEventsSummary) may be null or ""; initiator may be a string or
an object holding the expected string as one of its values (a user
initiator: the UPN or the display name); details may be a list of
{"key","value"} objects, a list of pairs, an object, or one string of
"key: value" pairs joined by newline, "; ", ", " or " | "; entries
must contain the expected ids in order, the first expected id first.
Standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

KEYS = ["format", "source", "event_id", "time", "user", "activity", "result", "reason",
        "correlation_id", "initiator", "details", "entries"]
BAD_FILES = ["truncated.json", "csv-missing-column.csv", "csv-extra-column.csv"]
MESSAGE_REQUIRED = {"truncated.json"}


def unesc(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def load_expected(path):
    rows = {}
    cols = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line:
                continue
            parts = line.split("\t")
            if cols is None:
                cols = parts
                continue
            d = dict(zip(cols, parts))
            d["reason"] = unesc(d["reason"])
            d["details"] = json.loads(d["details"]) if d["details"] else []
            d["entries"] = [e for e in d["entries"].split(",") if e]
            rows.setdefault(d["file"], []).append(d)
    return rows


def norm_time(t):
    if not isinstance(t, str):
        return t
    t = re.sub(r"(Z|[+-]00:?00)$", "", t.strip())
    t = re.sub(r"\.\d+$", "", t)
    return t.replace(" ", "T", 1)


def empty(v):
    return v is None or v == "" or v == [] or v == {}


def norm_details(v):
    if empty(v):
        return []
    if isinstance(v, dict):
        return [[str(k), v[k]] for k in v]
    out = []
    if isinstance(v, list):
        for it in v:
            if isinstance(it, dict) and "key" in it:
                out.append([it.get("key"), it.get("value")])
            elif isinstance(it, (list, tuple)) and len(it) == 2:
                out.append([it[0], it[1]])
            else:
                return None
        return out
    return None


def strings_in(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings_in(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings_in(x)


def compare(exp, rec):
    """List of (key, expected, actual) that differ."""
    diffs = []
    if not isinstance(rec, dict):
        return [("record", "an object", rec)]
    for k in KEYS:
        if k not in rec:
            diffs.append((k, "key present", "missing"))
    g = rec.get

    def d(k, e, a):
        diffs.append((k, e, a))

    if "format" in rec and g("format") != exp["format"]:
        d("format", exp["format"], g("format"))
    if "source" in rec and g("source") != exp["source"] and not (
            exp["source"] == "" and empty(g("source"))):
        d("source", exp["source"], g("source"))
    if "event_id" in rec and g("event_id") is not None:
        d("event_id", None, g("event_id"))
    if "time" in rec and norm_time(g("time")) != exp["time"]:
        d("time", exp["time"], g("time"))
    if "user" in rec and (g("user") or "").lower() != exp["user"].lower():
        d("user", exp["user"], g("user"))
    if "activity" in rec and g("activity") != exp["activity"]:
        d("activity", exp["activity"], g("activity"))
    if "result" in rec and (g("result") or "").lower() != exp["result"].lower():
        d("result", exp["result"], g("result"))
    if "reason" in rec:
        a = g("reason")
        if not ((exp["reason"] == "" and empty(a)) or a == exp["reason"]):
            d("reason", exp["reason"], a)
    if "correlation_id" in rec:
        a = g("correlation_id")
        if not ((exp["correlation_id"] == "" and empty(a)) or
                (isinstance(a, str) and a.lower() == exp["correlation_id"].lower())):
            d("correlation_id", exp["correlation_id"], a)
    if "initiator" in rec:
        a, e = g("initiator"), exp["initiator"]
        alts = [x.lower() for x in e.split("|")]
        ok = empty(a) if e == "" else any(s.lower() in alts for s in strings_in(a))
        if not ok:
            d("initiator", e, a)
    if "details" in rec:
        a = g("details")
        if isinstance(a, str):  # one string: "key: value" pairs joined
            pairs = ["%s%s%s" % (k, sep, v) for k, v in exp["details"] for sep in (": ",)]
            ok = any(a == j.join(pairs) for j in ("\n", "; ", ", ", " | "))
        else:
            ok = norm_details(a) == exp["details"]
        if not ok:
            d("details", exp["details"], g("details"))
    if "entries" in rec:
        a = g("entries") if isinstance(g("entries"), list) else []
        e = exp["entries"]
        it = iter(a)
        subseq = all(x in it for x in e)
        if e and (not subseq or not a or a[0] != e[0]):
            d("entries", e, a)
    return diffs


def run_scan(cli, path, timeout):
    """(records or None, exit status, stderr, seconds)."""
    t = time.monotonic()
    try:
        p = subprocess.run([cli, "scan", "--json", "--records", path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout", "", time.monotonic() - t
    except OSError as e:
        return None, "cannot run: %s" % e, "", 0.0
    dt = time.monotonic() - t
    err = p.stderr.decode("utf-8", "replace")
    try:
        recs = json.loads(p.stdout.decode("utf-8"))
        if not isinstance(recs, list):
            recs = None
    except (ValueError, UnicodeDecodeError):
        recs = None
    return recs, p.returncode, err, dt


def shorten(v, n=90):
    s = json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else repr(v)
    return s if len(s) <= n else s[:n - 3] + "..."


def check_files(cli, paths, expected, timeout, show):
    rows, problems = [], []
    for path in paths:
        name = os.path.basename(path)
        exp = expected.get(name)
        if exp is None:
            rows.append((name, "-", "-", "-", "-", "not in expected.tsv"))
            problems.append(name)
            continue
        recs, rc, err, dt = run_scan(cli, path, timeout)
        bad_file = name in BAD_FILES
        note = []
        if rc not in (0, 1):
            note.append("exit %s" % rc)
        if isinstance(rc, int) and rc < 0:
            note.append("CRASH (signal %d)" % -rc)
        if recs is None:
            note.append("no JSON array on stdout")
            recs = []
        if bad_file and name in MESSAGE_REQUIRED and not err.strip():
            note.append("no message on stderr")
        agree, differ, shown = 0, 0, 0
        if bad_file:
            # the readable records, in order, anywhere in the output
            j = 0
            for e in exp:
                while j < len(recs) and compare(e, recs[j]):
                    j += 1
                if j < len(recs):
                    agree += 1
                    j += 1
                else:
                    differ += 1
                    if shown < show:
                        problems.append("%s: record with correlation_id %s (%r) not read"
                                        % (name, e["correlation_id"], e["reason"][:60]))
                        shown += 1
        else:
            for i in range(max(len(exp), len(recs))):
                if i >= len(exp) or i >= len(recs):
                    differ += 1
                    continue
                diffs = compare(exp[i], recs[i])
                if diffs:
                    differ += 1
                    for k, e, a in diffs:
                        if shown < show:
                            problems.append("%s #%d %s: expected %s, got %s"
                                            % (name, i, k, shorten(e), shorten(a)))
                            shown += 1
                else:
                    agree += 1
            if len(recs) != len(exp):
                note.append("%d records, expected %d" % (len(recs), len(exp)))
        ok = differ == 0 and not note
        rows.append((name, str(len(exp)), str(len(recs)), str(agree), str(differ),
                     ("ok" if ok else "; ".join(note) or "differs") + "  (%.2fs)" % dt))
        if not ok and name not in problems:
            problems.append(name)
    w = max(len(r[0]) for r in rows + [("file",)])
    print("%-*s %8s %6s %9s %9s  %s" % (w, "file", "expected", "read", "agreeing", "differing", ""))
    for r in rows:
        print("%-*s %8s %6s %9s %9s  %s" % (w, *r))
    details = [p for p in problems if " " in p]
    if details:
        print("\nfirst differences:")
        for p in details:
            print("  " + p)
    failed = sum(1 for r in rows if not r[5].startswith("ok"))
    print("\n%d files, %d failed" % (len(rows), failed))
    return failed == 0


# ---------------------------------------------------------------- 50 MB

def gen_big(out, size_mb):
    """Write minified Graph pages of 500 records until size_mb MB; return the count."""
    import make_files as mf
    base = [r for grp in mf.records() for r in grp]
    target = size_mb * 1024 * 1024
    count, page, written = 0, [], 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        n = 1000
        while written < target:
            src = base[count % len(base)]
            r = mf.Rec(n, src.activity, src.result, src.reason, src.user, service=src.service,
                       category=src.category, op=src.op, by=src.by, app=src.app,
                       details=src.details)
            n += 1
            page.append(r)
            count += 1
            if len(page) == 500:
                text = mf.graph_page(page, mf.NEXT, pretty=False)
                f.write(text)
                written += len(text.encode("utf-8"))
                page = []
        if page:
            text = mf.graph_page(page, None, pretty=False)
            f.write(text)
    return count


def check_big(cli, size_mb, limit_s):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "big-%dmb.json" % size_mb)
        t = time.monotonic()
        n = gen_big(path, size_mb)
        size = os.path.getsize(path)
        print("generated %s: %.1f MB, %d records in %.1fs"
              % (os.path.basename(path), size / 1048576, n, time.monotonic() - t))
        recs, rc, err, dt = run_scan(cli, path, limit_s * 2)
        got = len(recs) if recs is not None else 0
        ok = rc in (0, 1) and recs is not None and got == n and dt <= limit_s
        print("scan: exit %s, %d records read of %d, %.1fs (limit %ds), %.1f MB/s  %s"
              % (rc, got, n, dt, limit_s, size / 1048576 / dt if dt else 0,
                 "ok" if ok else "FAILED"))
        if err.strip():
            print("stderr: " + err.strip()[:500])
        return ok


def check_summary(cli, paths):
    """The summary ranks what records name first: in audit logs, a reason
    (what to act on) before the activity that every record of it shares."""
    ok = True
    for p in paths:
        out = subprocess.run([cli, "scan", "--json", p], capture_output=True, text=True)
        top = json.loads(out.stdout)[0]["id"] if out.returncode == 0 else None
        good = top is not None and top.startswith("audit-reason-")
        print("%-32s first %s  %s" % (os.path.basename(p), top, "ok" if good else "FAIL"))
        ok &= good
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("args", nargs="*", help="CLI FILE... (or CLI with --bad/--big)")
    ap.add_argument("--expected", default=os.path.join(HERE, "expected.tsv"))
    ap.add_argument("--bad", action="store_true")
    ap.add_argument("--gen50", metavar="OUT")
    ap.add_argument("--big", action="store_true")
    ap.add_argument("--size-mb", type=int, default=50)
    ap.add_argument("--limit-s", type=int, default=120)
    ap.add_argument("--timeout", type=int, default=60, help="per file, seconds")
    ap.add_argument("--show", type=int, default=8, help="differences shown per file")
    ap.add_argument("--summary", action="store_true",
                    help="scan's summary (no --records) of each FILE ranks a reason entry first")
    a = ap.parse_args()
    if a.gen50:
        n = gen_big(a.gen50, a.size_mb)
        print("%s: %d records, %d bytes" % (a.gen50, n, os.path.getsize(a.gen50)))
        return 0
    if not a.args:
        ap.error("CLI required")
    cli = a.args[0]
    if a.big:
        return 0 if check_big(cli, a.size_mb, a.limit_s) else 1
    if a.summary:
        return 0 if check_summary(cli, a.args[1:]) else 1
    expected = load_expected(a.expected)
    if a.bad:
        paths = [os.path.join(HERE, f) for f in BAD_FILES]
    else:
        paths = a.args[1:]
        if not paths:
            ap.error("FILE... required")
    return 0 if check_files(cli, paths, expected, a.timeout, a.show) else 1


if __name__ == "__main__":
    sys.exit(main())
