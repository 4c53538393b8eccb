#!/usr/bin/python3
"""`sspr-errors report` on generated logs whose operations are known
(gen_logs.py); each mode is one test of tests/report/meson.build.

  check_report.py --html CLI        the HTML page: summary numbers, one SVG
                                    timeline with one mark per operation,
                                    failures marked, every failing entry's
                                    section with its steps, the checklist
                                    filled in; no external resource
  check_report.py --escape CLI      a record holding HTML and script tags in
                                    its user, message and computer: nothing of
                                    it is markup in the HTML or the Markdown
  check_report.py --markdown CLI    --format md says the same facts
  check_report.py --status CLI      exit statuses: no failures (0, said so),
                                    a missing file (2, one line), a bad
                                    --format (2)
  check_report.py --chromium CLI CHROMIUM
                                    headless Chromium's DOM of the page has the
                                    timeline and every failing entry
  check_report.py --screenshot CLI CHROMIUM PNG
                                    (not a test) writes the README's screenshot
  check_report.py --png PNG         the committed screenshot is a PNG < 300 KB
"""

import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_logs  # noqa: E402

FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what)
    return cond


def done():
    if FAILS:
        raise SystemExit("%d check(s) failed" % len(FAILS))
    print("ok")


def logs(d):
    gen_logs.generate(d)
    with open(os.path.join(d, "expected.json"), encoding="utf-8") as f:
        return json.load(f)


def run(cli, *args, cwd=None):
    p = subprocess.run([os.path.abspath(cli), "report"] + list(args), capture_output=True,
                       cwd=cwd)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def all(self):
        yield self
        for c in self.children:
            yield from c.all()

    def find(self, tag=None, **attrs):
        return [n for n in self.all() if (tag is None or n.tag == tag) and
                all(n.attrs.get(k.rstrip("_")) is not None and
                    (v is True or v in n.attrs.get(k.rstrip("_")).split() or
                     n.attrs.get(k.rstrip("_")) == v) for k, v in attrs.items())]

    def by_id(self, ident):
        for n in self.all():
            if n.attrs.get("id") == ident:
                return n
        return None

    def content(self):
        return "".join(self.text) + "".join(c.content() for c in self.children)


VOID = {"meta", "br", "link", "img", "input", "hr", "col", "area", "base", "source", "wbr"}


class Tree(html.parser.HTMLParser):
    """The document as nodes, every start tag and attribute kept."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.tags = []  # (tag, attrs) of every start tag, in order

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.text.append(data)


def parse(text):
    t = Tree()
    t.feed(text)
    t.close()
    return t


def text_of(node):
    return re.sub(r"\s+", " ", node.content()).strip() if node else ""


def entry(cli, ident):
    p = subprocess.run([cli, "show", "--json", ident], capture_output=True, text=True, check=True)
    return json.loads(p.stdout)[0]


def no_external(t, page, what):
    """No resource outside the page: links only to #fragments, no src, no
    @import or url() in the CSS, no script, no <link>, <img>, <iframe>..."""
    for tag, attrs in t.tags:
        check(tag not in ("script", "link", "img", "iframe", "object", "embed", "image", "use",
                          "audio", "video", "source", "base", "form"),
              "%s: no <%s> element" % (what, tag))
        for k, v in attrs:
            k = k.lower()
            if k in ("href", "xlink:href"):
                check((v or "").startswith("#"), "%s: %s=%r points outside the page" % (what, k, v))
            check(k not in ("src", "srcset", "action", "data", "poster", "background",
                            "formaction"), "%s: no %s= attribute (<%s>)" % (what, k, tag))
            check(not k.startswith("on"), "%s: no event attribute %s= (<%s>)" % (what, k, tag))
    styles = " ".join(text_of(n) for n in t.root.find("style"))
    styles += " ".join(v or "" for _, attrs in t.tags for k, v in attrs if k == "style")
    check("@import" not in styles, "%s: no @import" % what)
    check("url(" not in styles.replace(" ", ""), "%s: no url( in the CSS" % what)
    check(not re.search(r"\bsrc\s*=", page), "%s: no src= anywhere" % what)


# ---------------------------------------------------------------- --html

def check_html(cli):
    with tempfile.TemporaryDirectory() as d:
        exp = logs(d)
        rc, page, err = run(cli, os.path.join(d, "events.txt"), os.path.join(d, "audit.json"))
    check(rc == 0, "report exits 0 (got %d: %s)" % (rc, err))
    check(page.startswith("<!DOCTYPE html>"), "an HTML page")
    t = parse(page)
    doc = t.root
    # the summary's numbers
    for ident, want in (("n-files", exp["files"]), ("n-records", exp["records"]),
                        ("n-ops", exp["operations"]), ("n-failed", exp["failed"]),
                        ("n-unfinished", exp["unfinished"]), ("n-succeeded", exp["succeeded"]),
                        ("n-affected", len(exp["affected"]))):
        got = text_of(doc.by_id(ident))
        check(got == str(want), "summary %s: %s, expected %s" % (ident, got, want))
    tr = text_of(doc.by_id("time-range"))
    check(exp["first"] in tr and exp["last"] in tr, "time range %r" % tr)
    summary = text_of(doc.by_id("summary"))
    for u in exp["affected"]:
        check(u in summary, "summary names affected user %s" % u)
    # one SVG timeline, one mark per operation, failures marked
    svgs = doc.find("svg")
    check(len(svgs) == 1 and svgs[0].attrs.get("id") == "timeline", "one <svg id=timeline>")
    svg = svgs[0] if svgs else Node("svg", [], None)
    marks = svg.find("g", class_="op")
    check(len(marks) == exp["operations"], "%d marks, expected %d" % (len(marks),
                                                                     exp["operations"]))
    failed = svg.find("g", class_="failed")
    check(len(failed) == exp["failed"], "%d failed marks, expected %d" % (len(failed),
                                                                          exp["failed"]))
    colours = {m.attrs.get("class"): {c.attrs.get("fill") for c in m.children
                                      if c.tag in ("path", "circle")} for m in marks}
    check(len({frozenset(v) for v in colours.values()}) == 3,
          "failed, unfinished and succeeded marks look different: %s" % colours)
    for m in marks:
        title = m.find("title")
        check(title and text_of(title[0]), "every mark has a <title> tooltip")
    for m in failed:
        title = text_of(m.find("title")[0]) if m.find("title") else ""
        check("failed" in title, "a failed mark's tooltip says failed: %r" % title)
    axis = svg.find("g", class_="axis")
    ticks = [text_of(x) for x in axis[0].find("text")] if axis else []
    check(len(ticks) >= 3 and all(re.match(r"05-14 \d\d:\d\d", x) for x in ticks),
          "the axis has times: %s" % ticks)
    rows = {text_of(x) for x in svg.find("text")}
    for u in exp["users"]:
        check(u in rows, "a timeline row for %s" % u)
    # every failing entry: a section with its explanation and steps
    sections = doc.find("section", class_="entry")
    ids = [s.attrs.get("id") for s in sections]
    check(len(ids) == len(set(ids)), "one section per entry: %s" % ids)
    for want in exp["failing_entries_include"]:
        check(want in ids, "a section for %s (in %s)" % (want, ids))
    for hr in exp["hresults"]:
        check(any(hr in entry(cli, i)["hresults"] for i in ids),
              "a failing entry with HRESULT %s is explained (%s)" % (hr, ids))
    check(len(ids) == len(exp["hresults"]) + len(exp["failing_entries_include"]),
          "failing entries: %s" % ids)
    for s in sections:
        e = entry(cli, s.attrs["id"])
        body = text_of(s)
        check(e["title"] in body, "%s: its title" % e["id"])
        check(e["summary"] in body, "%s: its summary" % e["id"])
        for c in e["causes"]:
            check(c in body, "%s: its cause %r" % (e["id"], c))
        want = list(e["steps"])
        for p in e["procedures"]:
            want += entry(cli, p)["steps"]
        got = [text_of(li) for ol in s.find("ol", class_="steps") for li in ol.find("li")]
        check(want and got == want, "%s: its steps %s, expected %s" % (e["id"], got, want))
        check(s.find("table"), "%s: the operations it explains" % e["id"])
    # the support checklist, filled in
    check(text_of(doc.by_id("checklist")) != "", "a checklist section")
    check(exp["computer"] in text_of(doc.by_id("cl-computer")), "checklist: the Connect server")
    users = text_of(doc.by_id("cl-users"))
    for u in exp["affected"]:
        check(u in users, "checklist: user %s" % u)
    cl_time = text_of(doc.by_id("cl-time"))
    check(exp["first"] in cl_time and exp["last"] in cl_time, "checklist: the time range")
    sync = text_of(doc.by_id("cl-sync"))
    for hr in exp["hresults"]:
        check(hr in sync, "checklist: sync engine error %s" % hr)
    check("6329" in sync, "checklist: the ADSync events")
    steps = entry(cli, "support-case-checklist")["steps"]
    cl = doc.find("ol", class_="checklist")
    check(cl and len(cl[0].find("li")) == len(steps), "the checklist's steps")
    check(any(exp["computer"] in text_of(a) for a in doc.find("span", class_="answer")),
          "a checklist step answered with the server's name")
    no_external(t, page, "report")
    done()


# ---------------------------------------------------------------- --escape

def check_escape(cli):
    with tempfile.TemporaryDirectory() as d:
        logs(d)
        files = [os.path.join(d, "evil.txt"), os.path.join(d, "evil-audit.json")]
        # the scanner reads the hostile values, so the page must show them
        p = subprocess.run([cli, "scan", "--json", "--records"] + files, capture_output=True,
                           text=True)
        recs = json.loads(p.stdout)
        check(any("<script>" in (r.get("user") or "") for r in recs), "a user holds <script>")
        check(any("<b onmouseover" in (r.get("computer") or "") for r in recs),
              "a computer holds <b onmouseover>")
        check(any("<script>" in (r.get("message") or "") for r in recs), "a message holds it")
        rc, page, err = run(cli, *files)
        rc_md, md, _ = run(cli, "--format", "md", *files)
    check(rc == 0 and rc_md == 0, "report exits 0 (%d, %d: %s)" % (rc, rc_md, err))
    t = parse(page)
    tags = [tag for tag, _ in t.tags]
    check("script" not in tags, "no <script> element")
    check("b" not in tags, "no <b> element from the log")
    names = {k for _, attrs in t.tags for k, _ in attrs}
    check("onmouseover" not in names, "no onmouseover attribute")
    check(not any(k.startswith("on") for k in names), "no event attribute at all")
    check("<script" not in page.lower() and "<b " not in page, "no raw tag in the bytes")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in page, "the value is shown, escaped")
    check(EVIL_USER_SHOWN(t), "the user appears as text")
    details = " ".join(n.content() for n in t.root.find("td", class_="detail"))
    check("<b onmouseover=alert(2)>x</b>" in details, "the message appears as text: %r" % details)
    computer = t.root.by_id("cl-computer").content() if t.root.by_id("cl-computer") else ""
    check(gen_logs.EVIL_COMPUTER in computer, "the computer appears as text: %r" % computer)
    no_external(t, page, "hostile report")
    check("<script" not in md.lower() and "<b " not in md, "Markdown: no raw tag")
    check("&lt;script&gt;" in md, "Markdown: the value is shown, escaped")
    for line in md.splitlines():
        if line.startswith("|") and "alert" in line:
            cells = re.split(r"(?<!\\)\|", line)
            check(len(cells) in (4, 8, 9), "Markdown: a '|' of a log value does not split its row:"
                  " %r" % line)
    done()


def EVIL_USER_SHOWN(t):
    return any(gen_logs.EVIL_USER in n.content() for n in t.root.all())


# ---------------------------------------------------------------- --markdown

def check_markdown(cli):
    with tempfile.TemporaryDirectory() as d:
        exp = logs(d)
        rc, md, err = run(cli, "--format", "md", os.path.join(d, "events.txt"),
                          os.path.join(d, "audit.json"))
        rc2, page, _ = run(cli, os.path.join(d, "events.txt"), os.path.join(d, "audit.json"))
    check(rc == 0, "report --format md exits 0 (%d: %s)" % (rc, err))
    check("<svg" not in md and "<" not in md.replace("&lt;", ""), "no HTML in the Markdown")
    unescape = lambda s: re.sub(r"\\(.)", r"\1", s)
    plain = unescape(md)
    for head in ("## Summary", "## Timeline", "## What went wrong", "## Support checklist"):
        check(head in md, "section %s" % head)
    check("| Records | %d |" % exp["records"] in md, "records")
    check("| Operations | %d: %d failed, %d unfinished, %d succeeded |" % (
        exp["operations"], exp["failed"], exp["unfinished"], exp["succeeded"]) in md, "operations")
    check("| Users affected | %d of %d: " % (len(exp["affected"]), len(exp["users"])) in md,
          "users affected")
    check(exp["first"] in plain and exp["last"] in plain, "time range")
    timeline = md.split("## Timeline", 1)[-1].split("## What went wrong", 1)[0]
    rows = [r for r in timeline.splitlines() if r.startswith("| 2024")]
    check(len(rows) == exp["operations"], "one timeline row per operation (%d)" % len(rows))
    check(sum(" | failed | " in r for r in rows) == exp["failed"], "failed rows")
    # the same failing entries as the HTML, with their steps
    ids = [n.attrs["id"] for n in parse(page).root.find("section", class_="entry")]
    md_ids = re.findall(r"^### (\S+): ", md, re.M)
    check([unescape(i) for i in md_ids] == ids, "entries %s, HTML has %s" % (md_ids, ids))
    for i in ids:
        e = entry(cli, i)
        part = plain.split("### %s: " % i, 1)[-1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        for n, s in enumerate(e["steps"], 1):
            check("%d. %s" % (n, s.replace("&", "&amp;").replace("<", "&lt;")
                              .replace(">", "&gt;")) in part, "%s: step %d" % (i, n))
    check(exp["computer"] in plain.split("## Support checklist")[-1], "checklist: the server")
    for u in exp["affected"]:
        check(u in plain.split("## Support checklist")[-1], "checklist: user %s" % u)
    for hr in exp["hresults"]:
        check(hr in md, "checklist: %s" % hr)
    done()


# ---------------------------------------------------------------- --status

def check_status(cli):
    with tempfile.TemporaryDirectory() as d:
        ok = os.path.join(d, "ok.txt")
        g = gen_logs.Gen(1)
        with open(ok, "w", encoding="utf-8") as f:
            f.write(gen_logs.prs(g, 31001, gen_logs.BASE, "0b6f2f43-2c8e-4a37-9a55-2d3c1b0e9f21",
                                 "anna@contoso.com"))
            f.write(gen_logs.prs(g, 31002, gen_logs.BASE, "0b6f2f43-2c8e-4a37-9a55-2d3c1b0e9f21",
                                 "anna@contoso.com"))
        rc, page, err = run(cli, ok)
        check(rc == 0, "no failure: exit 0 (%d)" % rc)
        check("No failed or unfinished operation" in page, "no failure: the page says so")
        t = parse(page)
        check(text_of(t.root.by_id("n-failed")) == "0", "no failure: 0 failed")
        check(len(t.root.find("g", class_="op")) == 1, "no failure: one mark")
        rc, md, _ = run(cli, "--format", "MD", ok)
        check(rc == 0 and "No failed or unfinished operation" in md, "no failure: Markdown")
        missing = os.path.join(d, "missing.txt")
        rc, page, err = run(cli, ok, missing)
        check(rc == 2, "a missing file: exit 2 (%d)" % rc)
        check(len(err.strip().splitlines()) == 1 and "missing.txt" in err,
              "a missing file: one line on stderr: %r" % err)
        rc, _, err = run(cli, "--format", "pdf", ok)
        check(rc == 2 and "pdf" in err, "--format pdf: exit 2 (%d, %r)" % (rc, err))
        p = subprocess.run([cli, "report"], input=open(ok, "rb").read(), capture_output=True)
        check(p.returncode == 0 and b"standard input" in p.stdout, "standard input")
    done()


# ---------------------------------------------------------------- Chromium

def chromium_cmd(chromium, profile):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--user-data-dir=" + profile]


def write_page(cli, d):
    exp = logs(d)
    rc, page, err = run(cli, "events.txt", "audit.json", cwd=d)
    if rc != 0:
        raise SystemExit("report failed (%d): %s" % (rc, err))
    path = os.path.join(d, "report.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return exp, page, path


def check_chromium(cli, chromium):
    if not chromium:
        raise SystemExit("chromium is not installed: the README's quick start installs it "
                         "(apt-get install chromium)")
    with tempfile.TemporaryDirectory() as d:
        exp, page, path = write_page(cli, d)
        ids = [n.attrs["id"] for n in parse(page).root.find("section", class_="entry")]
        p = subprocess.run(chromium_cmd(chromium, os.path.join(d, "profile")) +
                           ["--dump-dom", "file://" + path], capture_output=True, timeout=120)
    dom = p.stdout.decode("utf-8", "replace")
    check(p.returncode == 0, "chromium exits 0 (%d: %s)" % (p.returncode,
                                                             p.stderr.decode()[-500:]))
    t = parse(dom)
    svg = t.root.find("svg")
    check(len(svg) == 1 and svg[0].attrs.get("id") == "timeline", "the DOM has the timeline")
    if svg:
        check(len(svg[0].find("g", class_="op")) == exp["operations"], "every mark rendered")
    check(len(ids) == len(exp["hresults"]) + len(exp["failing_entries_include"]),
          "failing entries %s" % ids)
    for i in ids:
        n = t.root.by_id(i)
        check(n is not None and n.tag == "section", "the DOM has the entry %s" % i)
    check(not t.root.find("script"), "no script in the DOM")
    done()


def screenshot(cli, chromium, out):
    with tempfile.TemporaryDirectory() as d:
        _, _, path = write_page(cli, d)
        subprocess.run(chromium_cmd(chromium, os.path.join(d, "profile")) +
                       ["--hide-scrollbars", "--screenshot=" + os.path.abspath(out),
                        "--window-size=1200,1600", "file://" + path],
                       check=True, capture_output=True, timeout=120)
    print("%s: %d bytes" % (out, os.path.getsize(out)))


def check_png(path):
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "%s is a PNG" % path)
    check(len(data) < 300 * 1024, "%s is under 300 KB (%d bytes)" % (path, len(data)))
    done()


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode == "--html":
        check_html(argv[2])
    elif mode == "--escape":
        check_escape(argv[2])
    elif mode == "--markdown":
        check_markdown(argv[2])
    elif mode == "--status":
        check_status(argv[2])
    elif mode == "--chromium":
        check_chromium(argv[2], argv[3] if len(argv) > 3 else "")
    elif mode == "--screenshot":
        screenshot(argv[2], argv[3], argv[4])
    elif mode == "--png":
        check_png(argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
