#!/usr/bin/python3
"""The Event Viewer custom view and the Windows Event Forwarding subscription
`sspr-gen --emit eventviewer` writes (issue 21, point 2).

    check_eventviewer.py SSPR_GEN OUT_DIR EVENTS_XML CATALOG_FILE...

OUT_DIR is the build's output (share/sspr-errors/eventviewer once installed).
  - both files are well-formed, in the shape Windows reads (ViewerConfig /
    QueryConfig / QueryParams / QueryNode / QueryList; Subscription with the
    QueryList in its Query), and hold the same QueryList;
  - XPath limits: each Select has at most 20 comparisons (Microsoft documents
    32 per query; queries fail in practice above about 20), each Query at most
    32, and each XPath is of Event Viewer's subset;
  - every Select's XPath, evaluated with xmllint (libxml2) over Windows event
    XML, selects exactly the failure events: the hand-written fixtures of
    EVENTS_XML, plus one event per code around the catalogue's codes and the
    same codes from other providers. The events are in the event namespace, as
    Windows writes them; Event Viewer's XPath names no namespace, so the
    harness drops the namespace declaration before evaluating;
  - a synthetic catalogue of many failure codes is split into several
    Selects within the limits, and still selects exactly its failures;
  - two runs write the same bytes as the build did.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event"
SUB_NS = "http://schemas.microsoft.com/2006/03/windows/events/subscription"
VIEW, SUBSCRIPTION = "sspr-failures.view.xml", "sspr-failures.subscription.xml"
MAX_SELECT, MAX_QUERY = 20, 32
SOURCES = ("PasswordResetService", "ADSync")

failures = []


def check(cond, what):
    if not cond:
        print("FAIL " + what)
        failures.append(what)
    return cond


def failure_codes(entries):
    """(source, code) of the failures, from the catalogue: what must be selected."""
    return {(e["source"], e["code"]) for e in entries
            if e["kind"] == "event" and e.get("source") in SOURCES and e.get("code") is not None
            and e["severity"] in ("warning", "error")}


def query_lists(out_dir):
    """{file: [(query Id, query Path, [(select Path, xpath)])]}"""
    res = {}
    view = ET.parse(os.path.join(out_dir, VIEW)).getroot()
    check(view.tag == "ViewerConfig", "the view's root is ViewerConfig")
    qc = view.find("QueryConfig")
    check(qc is not None and qc.find("QueryParams/UserQuery") is not None,
          "the view has QueryConfig/QueryParams/UserQuery")
    node = qc.find("QueryNode") if qc is not None else None
    check(node is not None and (node.findtext("Name") or "").strip(),
          "the view has a QueryNode with a Name")
    res[VIEW] = node.find("QueryList") if node is not None else None

    sub = ET.parse(os.path.join(out_dir, SUBSCRIPTION)).getroot()
    n = "{%s}" % SUB_NS
    check(sub.tag == n + "Subscription", "the subscription's root is Subscription")
    for tag, want in (("SubscriptionId", None), ("SubscriptionType", "SourceInitiated"),
                      ("Enabled", "true"), ("ContentFormat", "RenderedText"),
                      ("LogFile", "ForwardedEvents")):
        got = sub.findtext(n + tag)
        check(got and (want is None or got == want), "the subscription's %s is %s (%r)"
              % (tag, want or "set", got))
    check(sub.find(n + "Delivery") is not None, "the subscription has Delivery")
    text = sub.findtext(n + "Query") or ""
    res[SUBSCRIPTION] = ET.fromstring(text.strip()) if text.strip() else None

    out = {}
    for name, ql in res.items():
        if not check(ql is not None and ql.tag == "QueryList", "%s holds a QueryList" % name):
            out[name] = []
            continue
        queries = []
        for q in ql:
            check(q.tag == "Query", "%s: QueryList holds Query elements (%s)" % (name, q.tag))
            sels = [(s.get("Path"), s.text or "") for s in q if s.tag == "Select"]
            check(len(sels) == len(list(q)), "%s: a Query holds Select elements only" % name)
            queries.append((q.get("Id"), q.get("Path"), sels))
        check(len({q[0] for q in queries}) == len(queries), "%s: Query Ids are unique" % name)
        out[name] = queries
    return out


def comparisons(xpath):
    return len(re.findall(r"@Name=|EventID\s*(?:<=|>=|!=|=|<|>)", xpath))


SUBSET = re.compile(r"\*\[System\[Provider\[@Name='([^']+)'\] and \(((?:EventID=\d+|"
                    r"\(EventID>=\d+ and EventID<=\d+\))(?: or (?:EventID=\d+|"
                    r"\(EventID>=\d+ and EventID<=\d+\)))*)\)\]\]")


def check_limits(name, queries):
    for qid, path, sels in queries:
        check(path == "Application", "%s: Query %s reads the Application log" % (name, qid))
        check(sels, "%s: Query %s has a Select" % (name, qid))
        total = 0
        for spath, xp in sels:
            check(spath == "Application", "%s: Select Path Application" % name)
            n = comparisons(xp)
            total += n
            check(n <= MAX_SELECT, "%s: a Select has %d comparisons (at most %d): %s"
                  % (name, n, MAX_SELECT, xp))
            m = SUBSET.fullmatch(xp)
            check(m is not None, "%s: the XPath is of Event Viewer's subset: %s" % (name, xp))
            if m:
                check(m.group(1) in SOURCES, "%s: provider %s" % (name, m.group(1)))
        check(total <= MAX_QUERY, "%s: Query %s has %d comparisons (at most %d)"
              % (name, qid, total, MAX_QUERY))


def event_xml(rid, provider, code, level=2):
    return ("<Event xmlns='%s'><System><Provider Name='%s' /><EventID Qualifiers='0'>%d</EventID>"
            "<Level>%d</Level><EventRecordID>%d</EventRecordID><Channel>Application</Channel>"
            "<Computer>connect01.contoso.com</Computer></System><EventData><Data>synthetic"
            "</Data></EventData></Event>" % (EVENT_NS, provider, code, level, rid))


def synthetic_events(codes_by_source, start):
    """One event per code from just below the lowest to just above the highest
    code of each source, and each code again from other providers."""
    events, rid = [], start
    for source, codes in sorted(codes_by_source.items()):
        for code in range(min(codes) - 2, max(codes) + 3):
            events.append(event_xml(rid, source, code))
            rid += 1
        for other in ("Application Error", "adsync", "PasswordResetServiceX", "ADSyncBootstrap"):
            for code in sorted(codes):
                events.append(event_xml(rid, other, code))
                rid += 1
    return events


def evaluate(queries, events_xml, tmp):
    """{EventRecordID selected} over all Selects, and per Select."""
    doc = os.path.join(tmp, "events.xml")
    body = re.sub(r'\sxmlns=(["\'])%s\1' % re.escape(EVENT_NS), "", events_xml)
    with open(doc, "w", encoding="utf-8") as f:
        f.write(body)
    union, per = set(), []
    for _, _, sels in queries:
        for _, xp in sels:
            p = subprocess.run(["xmllint", "--xpath", "/Events/%s/System/EventRecordID" % xp, doc],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            empty = p.returncode == 10 or b"XPath set is empty" in p.stderr
            check(p.returncode == 0 or empty, "xmllint evaluates %s (exit %d: %r)"
                  % (xp, p.returncode, p.stderr[:200]))
            got = {int(x) for x in re.findall(rb"<EventRecordID>(\d+)</EventRecordID>", p.stdout)}
            per.append((xp, got))
            union |= got
    return union, per


def all_events(events_file, extra):
    with open(events_file, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("</Events>", "\n".join(extra) + "\n</Events>")
    root = ET.fromstring(text)
    facts = {}
    for ev in root:
        sysel = ev.find("{%s}System" % EVENT_NS)
        rid = int(sysel.findtext("{%s}EventRecordID" % EVENT_NS))
        check(rid not in facts, "EventRecordID %d is unique among the fixtures" % rid)
        facts[rid] = (sysel.find("{%s}Provider" % EVENT_NS).get("Name"),
                      int(sysel.findtext("{%s}EventID" % EVENT_NS)))
    return text, facts


def test_selection(name, queries, events_file, failing, tmp):
    by_source = {}
    for s, c in failing:
        by_source.setdefault(s, set()).add(c)
    text, facts = all_events(events_file, synthetic_events(by_source, 100000))
    expected = {rid for rid, (prov, code) in facts.items() if (prov, code) in failing}
    got, per = evaluate(queries, text, tmp)
    check(got == expected, "%s selects exactly the failure events: %d expected, %d selected; "
          "missed %s, extra %s" % (name, len(expected), len(got),
                                   sorted(facts[r] for r in expected - got)[:10],
                                   sorted(facts[r] for r in got - expected)[:10]))
    for xp, sel in per:
        check(sel, "%s: every Select selects something: %s" % (name, xp))
    hand = [rid for rid in facts if rid < 100000]
    check(any(r in expected for r in hand) and any(r not in expected for r in hand),
          "the hand-written fixtures have events to select and events to leave out")
    return len(expected), len(facts)


def run_gen(sspr_gen, out, catalog, **kw):
    return subprocess.run([sspr_gen, "--emit", "eventviewer", "--output", out] + catalog,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, **kw)


def read_dir(d):
    return {n: open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d))}


def synthetic_catalog(path):
    """Many PasswordResetService failure codes, none consecutive to another but
    for one run, and information events between them: more than one Select."""
    entries = []
    codes = [40000 + 2 * i for i in range(45)] + [41000, 41001, 41002, 41003]
    for code in codes:
        entries.append({"id": "prs-%d" % code, "kind": "event", "source": "PasswordResetService",
                        "code": code, "name": None, "severity": "error", "area": "writeback",
                        "title": "Synthetic failure %d" % code, "summary": "A test event.",
                        "section": "Synthetic"})
    for code in (40001, 40003, 41004):
        entries.append({"id": "prs-%d" % code, "kind": "event", "source": "PasswordResetService",
                        "code": code, "name": None, "severity": "info", "area": "writeback",
                        "title": "Synthetic information %d" % code, "summary": "A test event.",
                        "section": "Synthetic"})
    entries.append({"id": "adsync-6329-x", "kind": "event", "source": "ADSync", "code": 6329,
                    "name": None, "severity": "warning", "area": "writeback",
                    "title": "Synthetic 6329", "summary": "A test event.", "section": "Synthetic"})
    with open(path, "w") as f:
        json.dump({"version": "9.9.9", "entries": entries}, f, indent=1)
    return entries


def main(argv):
    if len(argv) < 5:
        print(__doc__)
        return 2
    if not shutil.which("xmllint"):
        print("xmllint not found (Debian: libxml2-utils): skipped")
        return 77
    sspr_gen, out_dir, events_file = os.path.abspath(argv[1]), argv[2], argv[3]
    catalog = [os.path.abspath(c) for c in argv[4:]]
    entries = []
    for path in catalog:
        with open(path, encoding="utf-8") as f:
            entries += json.load(f)["entries"]
    failing = failure_codes(entries)
    check(len(failing) > 30, "the catalogue has failure codes (%d)" % len(failing))
    built = read_dir(out_dir)
    check(sorted(built) == sorted([SUBSCRIPTION, VIEW]), "the two files (%s)" % sorted(built))

    with tempfile.TemporaryDirectory() as tmp:
        lists = query_lists(out_dir)
        check(lists[VIEW] == lists[SUBSCRIPTION], "the view and the subscription select alike")
        for name, queries in lists.items():
            check_limits(name, queries)
            n, total = test_selection(name, queries, events_file, failing, tmp)
        print("%d Selects; %d of %d fixture events are failures"
              % (sum(len(q[2]) for q in lists[VIEW]), n, total))

        # Split: a catalogue of many failure codes.
        syn = os.path.join(tmp, "synthetic.json")
        syn_entries = synthetic_catalog(syn)
        out = os.path.join(tmp, "syn")
        p = run_gen(sspr_gen, out, [syn])
        if check(p.returncode == 0, "the synthetic catalogue is written (%r)" % p.stderr):
            syn_lists = query_lists(out)
            sels = [s for q in syn_lists[VIEW] for s in q[2]]
            check(len(sels) >= 3, "many codes are split into several Selects (%d)" % len(sels))
            for name, queries in syn_lists.items():
                check_limits(name + " (synthetic)", queries)
                test_selection(name + " (synthetic)", queries, events_file,
                               failure_codes(syn_entries), tmp)

        # Reproducible: two runs, and the build's output.
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        env = dict(os.environ, TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="1")
        pa, pb = run_gen(sspr_gen, a, catalog), run_gen(sspr_gen, b, catalog, env=env, cwd=tmp)
        if check(pa.returncode == 0 and pb.returncode == 0, "two runs succeed"):
            check(read_dir(a) == read_dir(b) == built, "two runs write the build's bytes")
    print("%d checks failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
