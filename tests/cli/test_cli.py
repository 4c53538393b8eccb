#!/usr/bin/python3
"""End-to-end tests of the sspr-errors command line.

    test_cli.py PATH-TO-sspr-errors

Runs the built program the way people do and checks exit statuses (0 found,
1 nothing found, 2 usage error, 3 output not written), the messages on stderr,
the JSON (which must parse, with the documented keys and types), the lists, and
the 80-column human output of every entry.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import main, run, test  # noqa: E402


# The PasswordResetService codes of the 2017 article.
CODES_2017 = (set(range(31001, 31019)) | set(range(32000, 32006)) | set(range(32007, 32012))
              | set(range(32013, 32016)) | set(range(33001, 33010)))
ENTRY_KEYS = {"id", "kind", "source", "code", "name", "aliases", "hresults", "severity", "title",
              "summary", "messages", "causes", "steps", "procedures", "related", "facts"}
HRESULT_RE = re.compile(r"^0x[0-9A-F]{8}$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
# a line that is one word too long to wrap: an address, a .NET type name
UNBREAKABLE_LINE_RE = re.compile(r"^\s*\S+$")


def expect(r, rc):
    assert r.rc == rc, "expected exit %d: %r" % (rc, r)
    return r


def run_json(*args):
    r = expect(run(*args), 0)
    try:
        return json.loads(r.out)
    except ValueError as e:
        raise AssertionError("not JSON (%s): %r" % (e, r))


def columns(line):
    return len(line)  # str: characters, not bytes


_all = None


def all_entries():
    global _all
    if _all is None:
        _all = run_json("list", "--json")
    return _all


# ---- exit statuses and messages -------------------------------------------

@test
def found_is_0():
    for q in ["32009", "hr=800700CE", "ADSync:6329", "AuthTokenError", "prs-32009",
              "Error getting auth token"]:
        r = expect(run("lookup", q), 0)
        assert r.out and not r.err, r


@test
def nothing_found_is_1_and_suggests_search():
    for q in ["32006", "99999", "nothing at all matches this", "ADSync 32009"]:
        r = expect(run("lookup", q), 1)
        assert r.out == "", r
        assert "sspr-errors search" in r.err, "no 'sspr-errors search' hint: %r" % r
        assert q in r.err, "the hint does not repeat the query: %r" % r


@test
def the_suggested_command_exists():
    """The not-found hint names a command: running it must not be a usage error."""
    r = expect(run("lookup", "nothing at all matches this"), 1)
    m = re.search(r"try: sspr-errors (\S+)", r.err)
    assert m, "no suggested command in %r" % r.err
    r2 = run(m.group(1), "nothing at all matches this")
    assert r2.rc in (0, 1), "the suggested command '%s' is not a command: %r" % (m.group(1), r2)


@test
def usage_errors_are_2_with_a_short_hint():
    cases = [
        [],                                  # no command
        ["frobnicate"],                      # unknown command
        ["lookup"],                          # missing argument
        ["show"],
        ["lookup", ""],                      # empty argument
        ["lookup", "   "],
        ["show", ""],
        ["lookup", "--frob", "32009"],       # unknown option
        ["list", "--frob"],
        ["list", "--source"],                # option without its value
        ["list", "--kind"],
        ["list", "--kind", "bogus"],
        ["list", "--source", "bogus"],
        ["show", "prs-32009", "prs-32010"],  # too many arguments
        ["show", "--kind", "event", "prs-32009"],  # option that does not apply
        ["list", "extra"],
    ]
    for args in cases:
        r = expect(run(*args), 2)
        assert r.out == "", "usage error printed on stdout: %r" % r
        lines = r.err.splitlines()
        assert 1 <= len(lines) <= 2, "expected an error line and at most a one-line hint: %r" % r
        assert lines[0].startswith("sspr-errors: "), r
        assert "--help" in r.err, "no pointer to --help: %r" % r


@test
def help_and_version():
    for flag in ["--help", "-h"]:
        r = expect(run(flag), 0)
        assert "lookup" in r.out and "show" in r.out and "list" in r.out, r
        assert not r.err, r
    for flag in ["--version", "-V"]:
        r = expect(run(flag), 0)
        assert re.match(r"^sspr-errors \d+\.\d+\.\d+\b", r.out), r
        assert not r.err, r
        assert len(r.out.splitlines()) == 1, r


@test
def help_within_80_columns():
    r = expect(run("--help"), 0)
    too_wide = [line for line in r.out.splitlines() if columns(line) > 80]
    assert not too_wide, "--help lines over 80 columns:\n  " + "\n  ".join(too_wide)


@test
def a_query_that_looks_like_an_option():
    r = expect(run("lookup", "-2145188327"), 0)  # signed decimal HRESULT, not an option
    assert r.out.startswith("adsync-6329-80230619"), r
    r = expect(run("lookup", "--", "-2145188327"), 0)
    assert r.out.startswith("adsync-6329-80230619"), r


# ---- JSON --------------------------------------------------------------------

def check_entry_json(e):
    missing = ENTRY_KEYS - set(e)
    assert not missing, "%s: keys %s missing" % (e.get("id"), sorted(missing))
    assert isinstance(e["id"], str) and ID_RE.match(e["id"]), e["id"]
    assert e["kind"] in ("event", "symptom", "procedure", "checklist", "audit"), e
    assert e["source"] in (None, "PasswordResetService", "ADSync", "SSPR",
                           "Microsoft-Windows-Security-Auditing",
                           "Self-service Password Management", "Authentication Methods"), e
    assert e["code"] is None or (type(e["code"]) is int and 0 <= e["code"] <= 4294967295), e
    assert e["name"] is None or isinstance(e["name"], str), e
    assert e["severity"] in ("info", "warning", "error"), e
    for key in ("title", "summary"):
        assert isinstance(e[key], str) and e[key], "%s: %s" % (e["id"], key)
    for key in ("aliases", "messages", "causes", "steps", "procedures", "related"):
        assert isinstance(e[key], list), "%s: %s is not a list" % (e["id"], key)
        assert all(isinstance(x, str) and x for x in e[key]), "%s: %s" % (e["id"], key)
    assert isinstance(e["hresults"], list), e
    for h in e["hresults"]:
        assert isinstance(h, str) and HRESULT_RE.match(h), "%s: HRESULT %r" % (e["id"], h)
    assert isinstance(e["facts"], list), e
    for f in e["facts"]:
        assert isinstance(f, dict) and isinstance(f.get("key"), str), "%s: fact %r" % (e["id"], f)
        assert "value" in f or ("min" in f and "max" in f), "%s: fact %r" % (e["id"], f)


@test
def json_output_parses_with_every_key():
    entries = all_entries()
    assert len(entries) > 0
    ids = {e["id"] for e in entries}
    assert len(ids) == len(entries), "an id listed twice"
    for e in entries:
        check_entry_json(e)
        for ref in e["procedures"] + e["related"]:
            assert ref in ids, "%s refers to unknown %s" % (e["id"], ref)
    kinds = {e["id"]: e["kind"] for e in entries}
    for e in entries:
        for p in e["procedures"]:
            assert kinds[p] == "procedure", "%s: %s is not a procedure" % (e["id"], p)


@test
def json_of_lookup_and_show():
    found = run_json("lookup", "--json", "32009")
    assert found and found[0]["id"] == "prs-32009", found
    assert found[0]["code"] == 32009 and found[0]["name"] == "AuthTokenError"
    for e in found:
        check_entry_json(e)
    shown = run_json("show", "--json", "adsync-6329-8023061f")
    assert len(shown) == 1 and shown[0]["hresults"] == ["0x8023061F"], shown
    assert shown[0]["code"] == 6329 and shown[0]["source"] == "ADSync"
    hr = run_json("lookup", "--json", "hr=800700CE")
    assert hr[0]["id"] == "adsync-hr-800700ce" and hr[0]["code"] is None, hr[0]
    r = expect(run("lookup", "--json", "nothing at all matches this"), 1)
    assert json.loads(r.out) == [], "nothing found must still print valid JSON: %r" % r


@test
def json_is_the_same_entry_everywhere():
    listed = {e["id"]: e for e in all_entries()}
    for id_ in ["prs-32009", "adsync-hr-800700ce", "reset-throttled", "proc-reenable-writeback"]:
        shown = run_json("show", "--json", id_)
        assert shown == [listed[id_]], "show --json %s differs from list --json" % id_


# ---- lists -------------------------------------------------------------------

def listed_ids(*args):
    r = expect(run("list", *args), 0)
    return [line.split()[0] for line in r.out.splitlines() if line.strip()]


@test
def list_2017_passwordresetservice_events():
    args = ["--source", "PasswordResetService", "--kind", "event"]
    entries = run_json("list", "--json", *args)
    assert [e["id"] for e in entries] == listed_ids(*args), "text and JSON lists differ"
    for e in entries:
        assert e["source"] == "PasswordResetService" and e["kind"] == "event", e["id"]
    old = [e for e in entries if e["origin"] == "2017"]
    assert len(old) == 41, "%d PasswordResetService events of 2017, expected 41" % len(old)
    assert {e["code"] for e in old} == CODES_2017, sorted({e["code"] for e in old} ^ CODES_2017)
    for e in old:
        assert e["id"] == "prs-%d" % e["code"], e["id"]


@test
def list_symptoms():
    entries = run_json("list", "--json", "--kind", "symptom")
    assert [e["id"] for e in entries] == listed_ids("--kind", "symptom")
    assert all(e["kind"] == "symptom" for e in entries)
    old = [e for e in entries if e["origin"] == "2017"]
    # 29 from the article, and adsync-hr-800700ce since no document names its log source (1.2)
    assert len(old) == 30, "%d symptoms of 2017, expected 30" % len(old)
    per_area = {}
    for e in old:
        per_area[e["area"]] = per_area.get(e["area"], 0) + 1
    assert per_area == {"admin-portal": 3, "reporting": 2, "registration-portal": 3,
                        "reset-portal": 11, "writeback": 11}, per_area


@test
def list_procedures_and_checklist():
    procs = [e for e in run_json("list", "--json", "--kind", "procedure") if e["origin"] == "2017"]
    assert sorted(e["order"] for e in procs) == [1, 2, 3], procs
    checklists = [e for e in run_json("list", "--json", "--kind", "checklist")
                  if e["origin"] == "2017"]
    assert len(checklists) == 1, checklists


@test
def list_audit_entries_by_kind_and_service():
    audit = run_json("list", "--json", "--kind", "audit")
    assert audit and all(e["kind"] == "audit" and e["code"] is None for e in audit)
    services = {e["source"] for e in audit}
    assert services == {"Self-service Password Management", "Authentication Methods"}, services
    sspm = listed_ids("--source", "self-service password management")
    assert sspm == listed_ids("--source", "Self-service Password Management") and sspm
    assert set(sspm) | set(listed_ids("--source", "Authentication Methods")) == \
        {e["id"] for e in audit}
    r = expect(run("show", "audit-reason-fuzzy-policy"), 0)
    assert "FuzzyPolicyViolationInvalidPassword" in r.out, r


@test
def list_filters_in_any_case_and_none():
    assert listed_ids("--source", "adsync") == listed_ids("--source", "ADSync")
    assert listed_ids("--kind", "EVENT") == listed_ids("--kind", "event")
    none = run_json("list", "--json", "--source", "none")
    assert none and all(e["source"] is None for e in none)
    assert len(listed_ids()) == len(all_entries())


@test
def list_summary_counts_what_list_lists():
    """--summary: the counts of list --json by kind, source (none for null) and
    origin, every name listed; the text table says the same."""
    for args in ([], ["--source", "adsync"], ["--kind", "symptom"]):
        entries = run_json("list", "--json", *args)
        summary = run_json("list", "--summary", "--json", *args)
        assert list(summary) == ["entries", "kind", "source", "origin"], summary
        assert summary["entries"] == len(entries), (args, summary)
        for key in ("kind", "source", "origin"):
            want = {}
            for e in entries:
                name = e[key] if e[key] is not None else "none"
                want[name] = want.get(name, 0) + 1
            got = {k: v for k, v in summary[key].items() if v}
            assert got == want, (args, key, got, want)
            assert sum(summary[key].values()) == len(entries), (args, key)
    summary = run_json("list", "--summary", "--json")
    assert list(summary["kind"]) == ["event", "symptom", "procedure", "checklist", "audit"]
    assert list(summary["origin"]) == ["2017", "current", "field"]
    assert list(summary["source"])[-1] == "none"
    text = expect(run("list", "--summary"), 0).out.splitlines()
    rows = {}
    for line in text:
        parts = line.rsplit(None, 1)  # a source name may have spaces
        if len(parts) == 2 and parts[1].isdigit():
            rows[parts[0].strip()] = int(parts[1])
    assert rows["entries"] == summary["entries"]
    for key in ("kind", "source", "origin"):
        for name, n in summary[key].items():
            assert rows[name] == n, (name, n, rows.get(name))
    ends = {len(line) for line in text if line.split()[-1].isdigit()}
    assert len(ends) == 1, "the counts are not aligned: %r" % text
    expect(run("show", "--summary", "prs-32009"), 2)


# ---- human output -----------------------------------------------------------

@test
def show_every_entry_within_80_columns():
    too_wide = []
    for e in all_entries():
        r = expect(run("show", e["id"]), 0)
        assert r.out.startswith(e["id"]), r
        for line in r.out.splitlines():
            # one word (a reference's URL, a .NET type name) no wrapping can cut
            if columns(line) > 80 and not UNBREAKABLE_LINE_RE.match(line):
                too_wide.append("%s: %d columns: %s" % (e["id"], columns(line), line))
    assert not too_wide, "%d lines over 80 columns:\n  %s" % (len(too_wide),
                                                              "\n  ".join(too_wide[:20]))


@test
def show_finds_ids_in_any_case_and_misses_with_1():
    r = expect(run("show", "prs-32009"), 0)
    assert "AuthTokenError" in r.out and "PasswordResetService 32009" in r.out, r
    assert expect(run("show", "PRS-32009"), 0).out == r.out
    r = expect(run("show", "nope"), 1)
    assert r.out == "" and "nope" in r.err, r


def squash(text):
    return " ".join(text.split())


def assert_numbered_steps(out, steps, indent_hint=""):
    flat = squash(out)
    at = 0
    for i, step in enumerate(steps, 1):
        want = "%d. %s" % (i, squash(step))
        pos = flat.find(want, at)
        assert pos >= 0, "step %r not printed in order%s" % (want, indent_hint)
        at = pos + len(want)


@test
def lookup_prints_numbered_steps():
    e = run_json("show", "--json", "prs-32009")[0]
    assert e["steps"], "prs-32009 has no steps"
    r = expect(run("lookup", "32009"), 0)
    assert r.out.startswith("prs-32009"), r
    assert re.search(r"^\s+1\. ", r.out, re.M), r
    assert_numbered_steps(r.out.split("\n---")[0], e["steps"])


@test
def lookup_hresult_prints_its_own_steps_without_procedures():
    e = run_json("show", "--json", "adsync-hr-800700ce")[0]
    assert e["procedures"] == [] and e["steps"], e
    r = expect(run("lookup", "hr=800700CE"), 0)
    first = r.out.split("\n---")[0]
    assert first.startswith("adsync-hr-800700ce"), r
    assert_numbered_steps(first, e["steps"])
    assert "Procedure " not in first, "a procedure-free entry prints a procedure"


@test
def procedures_are_expanded_in_the_text():
    by_id = {e["id"]: e for e in all_entries()}
    users = [e for e in all_entries() if e["procedures"]]
    assert users, "no entry uses a procedure"
    for e in users:
        out = expect(run("show", e["id"]), 0).out
        for p in e["procedures"]:
            assert p in out, "%s: procedure %s not printed" % (e["id"], p)
            assert_numbered_steps(out[out.index(p):], by_id[p]["steps"],
                                  " (procedure %s in %s)" % (p, e["id"]))


@test
def lookup_source_option_restricts():
    expect(run("lookup", "--source", "ADSync", "32009"), 1)
    r = expect(run("lookup", "--source", "ADSync", "6329"), 0)
    assert r.out.startswith("adsync-6329-"), r


# ---- output errors ------------------------------------------------------------

@test
def a_full_disk_is_3():
    if not os.path.exists("/dev/full"):
        print("    skip: no /dev/full")
        return
    for args in (["list"], ["list", "--json"], ["show", "prs-32009"], ["lookup", "6329"],
                 ["--version"], ["--help"]):
        with open("/dev/full", "w") as full:
            r = run(*args, stdout=full)
        assert r.rc == 3, "writing to /dev/full: %r" % r
        assert r.err.startswith("sspr-errors: ") and len(r.err.splitlines()) == 1, r


if __name__ == "__main__":
    sys.exit(main(sys.argv, __doc__))
