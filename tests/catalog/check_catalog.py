#!/usr/bin/env python3
"""The catalogue checked against the library (issue 13, point 7).

Reads catalog/*.json with Python's own json module (in the order the build
lists them, catalog/meson.build) and compares every field of every entry with
  - the C accessors, as dump_catalog (a hand-written program using only
    <sspr-errors.h>) prints them, and
  - `sspr-errors list --json`, `show --json ID` for every entry, and
    `list --source S` / `list --kind K` (which entries each filter keeps).
The generator, its emitter, the accessors and the CLI's JSON writer are each
checked against an independent reading of the source, so an emitter bug that
changes data fails here.

How a catalogue field maps to the library when it is absent or null:
  field                       C accessor                     CLI --json
  source null                 sspr_entry_source: NULL        null
  code null                   sspr_entry_code: -1            null
  name null                   sspr_entry_name: NULL          null
  aliases, hresults, messages,
  causes, steps, procedures,
  related, mentions, facts    count 0                        []
    (absent)
  order (absent)              sspr_entry_order: 0            null
  origin (absent)             sspr_entry_origin: "2017"      "2017"
  hresults "0x8023061f"       uint32 0x8023061F              "0x8023061F"
  mention source (absent)     source NULL                    null
  mention code (absent)       code -1                        null
  mention hresult (absent)    hresult 0                      null
  fact value: number v        is_number 1, min = max = v,    "value": v
                              string NULL
  fact value: string s        is_number 0, string s          "value": s
                              (min and max are not
                              documented, so not compared)
  fact min a, max b           is_number 1, min a, max b,     "min": a, "max": b
                              string NULL                    ("value": a when a == b)
  fact unit (absent)          sspr_fact_unit: NULL           null
  fact origin (absent)        sspr_fact_origin: "2017"       "2017"
  fact supersedes (absent)    sspr_fact_supersedes: NULL     null
  fact url, date (absent)     sspr_fact_url/_date: NULL      null
  refs (absent)               sspr_entry_ref_count: 0        []
  ref date, title (absent)    sspr_ref_date/_title: NULL     null
  (procedures and related are ids; the accessors return entries, whose ids
  are compared; supersedes is a key, the accessor's fact's key is compared)
A field the catalogue has and this test does not know fails the test, so a
new field comes with its comparison.

usage: check_catalog.py SSPR-ERRORS DUMP_CATALOG CATALOG.json...
"""
import json
import subprocess
import sys

ENTRY_FIELDS = {
    "id", "kind", "source", "code", "name", "aliases", "hresults", "severity", "area",
    "title", "summary", "messages", "causes", "steps", "procedures", "related",
    "mentions", "facts", "order", "section", "origin", "refs",
}
LISTS = ("aliases", "messages", "causes", "steps", "procedures", "related")
FACT_FIELDS = {"key", "value", "min", "max", "unit", "text", "origin", "supersedes", "url",
               "date"}
REF_FIELDS = {"url", "date", "title"}
MENTION_FIELDS = {"source", "code", "hresult"}
DEFAULT_ORIGIN = "2017"

failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 60:
        print("FAIL: " + msg)


def hexhr(s):
    """Catalogue HRESULT text -> its value (any case of hex digits)."""
    assert s[:2] in ("0x", "0X") and len(s) == 10, s
    return int(s[2:], 16)


def load_catalogue(paths):
    entries, versions = [], []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if "version" in doc:
            versions.append(doc["version"])
        for e in doc["entries"]:
            unknown = set(e) - ENTRY_FIELDS
            if unknown:
                fail("%s: %s: fields this test does not compare: %s"
                     % (path, e.get("id"), sorted(unknown)))
            for x in e.get("facts", []):
                if set(x) - FACT_FIELDS:
                    fail("%s: fact fields this test does not compare: %s"
                         % (e["id"], sorted(set(x) - FACT_FIELDS)))
            for r in e.get("refs", []):
                if set(r) - REF_FIELDS:
                    fail("%s: reference fields this test does not compare: %s"
                         % (e["id"], sorted(set(r) - REF_FIELDS)))
            for m in e.get("mentions", []):
                if set(m) - MENTION_FIELDS:
                    fail("%s: mention fields this test does not compare: %s"
                         % (e["id"], sorted(set(m) - MENTION_FIELDS)))
            entries.append(e)
    return entries, versions


def common(e):
    """The fields both views give the same way."""
    return {
        "id": e["id"], "kind": e["kind"], "source": e["source"], "name": e["name"],
        "severity": e["severity"], "area": e["area"], "title": e["title"],
        "summary": e["summary"], "section": e["section"],
        "origin": e.get("origin", DEFAULT_ORIGIN),
        "refs": [{"url": r["url"], "date": r.get("date"), "title": r.get("title")}
                 for r in e.get("refs", [])],
        **{k: list(e.get(k, [])) for k in LISTS},
    }


def expect_c(e):
    """The catalogue entry as dump_catalog prints the accessors' answers."""
    d = common(e)
    d["code"] = -1 if e["code"] is None else e["code"]
    d["hresults"] = [hexhr(h) for h in e.get("hresults", [])]
    d["mentions"] = [{
        "source": m.get("source"),
        "code": m.get("code", -1),
        "hresult": hexhr(m["hresult"]) if "hresult" in m else 0,
    } for m in e.get("mentions", [])]
    facts = []
    for x in e.get("facts", []):
        f = {"key": x["key"], "unit": x.get("unit"), "text": x["text"],
             "origin": x.get("origin", DEFAULT_ORIGIN), "supersedes": x.get("supersedes"),
             "url": x.get("url"), "date": x.get("date")}
        if isinstance(x.get("value"), str):
            f.update(is_number=0, string=x["value"])
        elif "value" in x:
            f.update(is_number=1, min=x["value"], max=x["value"], string=None)
        else:
            f.update(is_number=1, min=x["min"], max=x["max"], string=None)
        facts.append(f)
    d["facts"] = facts
    d["order"] = e.get("order", 0)
    return d


def from_c(d):
    """dump_catalog's entry, without what the library leaves undocumented
    (min and max of a string fact)."""
    d = dict(d)
    d["facts"] = [{k: v for k, v in f.items() if f["is_number"] or k not in ("min", "max")}
                  for f in d["facts"]]
    return d


def expect_cli(e):
    """The catalogue entry as `sspr-errors ... --json` prints it (README)."""
    d = common(e)
    d["code"] = e["code"]
    d["hresults"] = ["0x%08X" % hexhr(h) for h in e.get("hresults", [])]
    d["mentions"] = [{
        "source": m.get("source"),
        "code": m.get("code"),
        "hresult": "0x%08X" % hexhr(m["hresult"]) if "hresult" in m else None,
    } for m in e.get("mentions", [])]
    facts = []
    for x in e.get("facts", []):
        f = {"key": x["key"]}
        if "value" in x:
            f["value"] = x["value"]
        elif x["min"] == x["max"]:
            f["value"] = x["min"]
        else:
            f.update(min=x["min"], max=x["max"])
        f.update(unit=x.get("unit"), text=x["text"], origin=x.get("origin", DEFAULT_ORIGIN),
                 supersedes=x.get("supersedes"), url=x.get("url"), date=x.get("date"))
        facts.append(f)
    d["facts"] = facts
    d["order"] = e.get("order")
    return d


def same(a, b):
    """Equal, with numbers compared by value (127 == 127.0) but never equal to
    strings or booleans."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def compare(what, expected, got):
    """Fails once for each differing leaf: "what: facts[0].min: ..."."""
    if same(expected, got):
        return
    if isinstance(expected, dict) and isinstance(got, dict):
        for k in sorted(set(expected) | set(got)):
            if k not in got:
                fail("%s: field %s missing" % (what, k))
            elif k not in expected:
                fail("%s: unexpected field %s = %r" % (what, k, got[k]))
            else:
                compare("%s.%s" % (what, k), expected[k], got[k])
    elif isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        for i, (x, y) in enumerate(zip(expected, got)):
            compare("%s[%d]" % (what, i), x, y)
    else:
        fail("%s: catalogue %r, library %r" % (what, expected, got))


def run(*args):
    return subprocess.run(list(args), capture_output=True, text=True)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    cli, dumper, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    entries, versions = load_catalogue(paths)
    if len(entries) < 50:
        fail("only %d entries read from %s" % (len(entries), paths))
    ids = [e["id"] for e in entries]

    # the C accessors
    r = run(dumper)
    for line in r.stderr.splitlines():
        fail("dump_catalog: " + line)
    if r.returncode != 0:
        fail("dump_catalog exited %d" % r.returncode)
    c = json.loads(r.stdout)
    compare("sspr_catalog_version", versions, [c["catalog_version"]])
    compare("sspr_count", len(entries), c["count"])
    compare("C entry ids, in order", ids, [d["id"] for d in c["entries"]])
    by_id = {d["id"]: d for d in c["entries"]}
    for e in entries:
        if e["id"] in by_id:
            compare("C " + e["id"], expect_c(e), from_c(by_id[e["id"]]))

    # the command-line tool
    r = run(cli, "list", "--json")
    compare("list --json exit status", 0, r.returncode)
    listed = json.loads(r.stdout) if r.returncode == 0 else []
    compare("list --json ids, in order", ids, [d["id"] for d in listed])
    by_id = {d["id"]: d for d in listed}
    for e in entries:
        if e["id"] in by_id:
            compare("list --json " + e["id"], expect_cli(e), by_id[e["id"]])
        r = run(cli, "show", "--json", e["id"])
        shown = json.loads(r.stdout) if r.returncode == 0 else None
        compare("show --json " + e["id"], [expect_cli(e)], shown)

    for flag, field, values in (
        ("--source", "source", ("PasswordResetService", "ADSync", "SSPR",
                                "Microsoft-Windows-Security-Auditing",
                                "Self-service Password Management", "Authentication Methods")),
        ("--kind", "kind", ("event", "symptom", "procedure", "checklist", "audit")),
    ):
        for v in values:
            want = [e["id"] for e in entries if e[field] == v]
            r = run(cli, "list", flag, v, "--json")
            got = [d["id"] for d in json.loads(r.stdout or "[]")]
            compare("list %s %s exit status" % (flag, v), 0 if want else 1, r.returncode)
            compare("list %s %s ids" % (flag, v), want, got)

    print("%d entries, %d problems" % (len(entries), len(failures)))
    sys.exit(1 if failures else 0)


main()
