#!/usr/bin/env python3
"""Checks of the generated documentation (tests/doc/meson.build runs one check
per test). Pages are read the way people read them: rendered by mandoc, with
white space folded, so a check fails when something is missing from what a
reader sees, not only from the source. Exit 77 (skipped) when a tool it needs
is missing."""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
# An event as Get-WinEvent | Format-List exports it, for the scan examples.
SAMPLE_LOG = ("ProviderName : PasswordResetService\n"
              "Id           : 32009\n"
              "Message      : Error getting auth token\n\n")
XHTML = "{http://www.w3.org/1999/xhtml}"
failures = []


def fail(msg):
    failures.append(msg)


def need(tool):
    path = shutil.which(tool)
    if not path:
        print(f"{tool} not found: skipped")
        sys.exit(SKIP)
    return path


def fold(text):
    return " ".join(text.split())


def render(page, width=80):
    """The page as a terminal shows it (mandoc, overstrike removed)."""
    need("mandoc")
    out = subprocess.run(["mandoc", "-T", "utf8", "-O", f"width={width}", page],
                         check=True, capture_output=True).stdout.decode("utf-8")
    return re.sub(".\b", "", out)


def catalogue(cli):
    out = subprocess.run([cli, "list", "--json"], check=True, capture_output=True).stdout
    return json.loads(out)


def code_forms(e):
    """What a reader must find for an entry: its id, code, name, aliases,
    HRESULTs and literal messages."""
    forms = [e["id"], e["title"]]
    if e["code"] is not None:
        forms.append(f"SSPR_{e['code']:04d}" if e["source"] == "SSPR" else str(e["code"]))
    forms += [x for x in [e["name"]] if x] + e["aliases"] + e["hresults"] + e["messages"]
    forms += [f["key"] for f in e["facts"]]
    return forms


_urls = None


def entry_urls(e):
    """The pages an entry and its facts come from."""
    return [r["url"] for r in e["refs"]] + [f["url"] for f in e["facts"] if f.get("url")]


def catalogue_urls(cli):
    global _urls
    if _urls is None:
        _urls = {u for e in catalogue(cli) for u in entry_urls(e)}
    return _urls


ORIGIN_LABELS = {"2017": "the 2017 article", "current": "the current documentation",
                 "field": "field reports"}


def check_provenance(page, e, text):
    """Issue 15.3: an entry's section (text: folded, whitespace-free) says its
    origin and every page it and its facts come from, with the day read, and a
    fact that replaces another comes before it."""
    if ORIGIN_LABELS[e["origin"]] not in text:
        fail(f"{page}: {e['id']}: its origin ({ORIGIN_LABELS[e['origin']]}) is not shown")
    bare = re.sub(r"\s+", "", text)
    for r in e["refs"] + [f for f in e["facts"] if f.get("url")]:
        if r["url"] not in bare:
            fail(f"{page}: {e['id']}: the page {r['url']!r} is not shown")
        if r.get("date") and f"read {r['date']}" not in text:
            fail(f"{page}: {e['id']}: the day {r['date']} its page was read is not shown")
    for f in e["facts"]:
        if f.get("supersedes"):
            new, old = (re.search(rf"(?<!\w){re.escape(k)}(?!\w)", text)
                        for k in (f["key"], f["supersedes"]))
            if not new or not old or new.start() > old.start():
                fail(f"{page}: {e['id']}: {f['key']} is not shown before the fact it "
                     f"replaces, {f['supersedes']}")


def codes_2017(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def contains(haystack, needle):
    needle = fold(needle)
    if re.fullmatch(r"(?:0x)?[0-9A-Fa-f]{8}|hr=[0-9A-Fa-f]{8}", needle):
        return needle.lower() in haystack.lower()
    return needle in haystack


# ---- checks ----

def check_lint(pages):
    need("mandoc")
    for page in pages:
        r = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", page],
                           capture_output=True, text=True)
        if r.returncode != 0 or r.stdout or r.stderr:
            fail(f"{page}: mandoc -T lint -W warning:\n{r.stdout}{r.stderr}")


# a line that is one word too long to wrap: an address, a .NET type name
UNBREAKABLE_LINE_RE = re.compile(r"^\s*\S+$")


def check_width(text, page):
    for n, line in enumerate(text.splitlines(), 1):
        if len(line) > 80 and not UNBREAKABLE_LINE_RE.match(line):
            fail(f"{page}: rendered line {n} is {len(line)} columns wide: {line!r}")


def check_man7(page, cli, codes):
    text = render(page)
    check_width(text, page)
    folded = fold(text)
    entries = catalogue(cli)
    for e in entries:
        for form in code_forms(e):
            if not contains(folded, form):
                fail(f"{page}: {e['id']}: {form!r} is not in the rendered page")
        for ref in e["procedures"] + e["related"]:
            if not contains(folded, ref):
                fail(f"{page}: {e['id']}: reference {ref!r} is missing")
    for code in codes_2017(codes):
        if not contains(folded, code):
            fail(f"{page}: {code!r} (2017 article) is not in the rendered page")
    # every entry is one subsection, and its literal keys are in the source for man -K
    with open(page, encoding="utf-8") as f:
        source = f.read()
    body = "".join(line + "\n" for line in source.splitlines() if not line.startswith('.\\"'))
    if not body.isascii():
        fail(f"{page}: non-ASCII bytes outside comments (use roff escapes)")
    if len(re.findall(r"^\.SS ", source, re.M)) != len(entries):
        fail(f"{page}: {len(entries)} entries but "
             f"{len(re.findall(r'^.SS ', source, re.M))} subsections")
    # each entry's part of the rendered page: from its subsection heading to the next
    rendered = text.splitlines()
    starts = [i for i, line in enumerate(rendered) if re.match(r"^   \S", line)]
    by_id = {}
    for k, i in enumerate(starts):
        part = fold("\n".join(rendered[i:starts[k + 1] if k + 1 < len(starts) else None]))
        m = re.search(r"\bId ([a-z0-9][a-z0-9-]*)", part)
        if m:
            by_id[m.group(1)] = part
    current = [e for e in entries if e["origin"] == "current"]
    if not current:
        fail(f"{page}: no entry of origin current to check")
    for e in entries:
        if e["id"] not in by_id:
            fail(f"{page}: {e['id']}: no subsection of its own found")
            continue
        check_provenance(page, e, by_id[e["id"]])
    for e in entries:
        for key in [e["id"]] + ([e["name"]] if e["name"] else []) + e["messages"]:
            if f'.\\" {key}\n' not in source:
                fail(f"{page}: {e['id']}: no search-key comment for {key!r} (man -K)")


def check_html(path, cli, codes):
    xmllint = shutil.which("xmllint")
    if xmllint:
        r = subprocess.run([xmllint, "--noout", path], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{path}: xmllint --noout:\n{r.stderr}")
    else:
        print("xmllint not found: well-formedness checked by Python's XML parser only")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        fail(f"{path}: not well-formed XML: {err}")
        return
    if root.tag != XHTML + "html":
        fail(f"{path}: root element is {root.tag}")
    ids = {}
    for el in root.iter():
        if "id" in el.attrib:
            if el.attrib["id"] in ids:
                fail(f"{path}: duplicate id {el.attrib['id']!r}")
            ids[el.attrib["id"]] = el
        if el.tag in (XHTML + "script", XHTML + "link", XHTML + "img", XHTML + "iframe") \
                or "src" in el.attrib:
            fail(f"{path}: external asset or script: <{el.tag}>")
        href = el.attrib.get("href")
        if href is not None and not href.startswith("#") and \
                not (el.tag == XHTML + "a" and href in catalogue_urls(cli)):
            fail(f"{path}: link out of the file, not a source of the catalogue: {href!r}")
    for el in root.iter(XHTML + "a"):
        href = el.attrib.get("href", "")
        if href.startswith("#") and href[1:] not in ids:
            fail(f"{path}: link to a missing anchor {href!r}")
    entries = catalogue(cli)
    nav = ids.get("contents")
    toc = {a.attrib["href"][1:] for a in nav.iter(XHTML + "a")} if nav is not None else set()
    for e in entries:
        el = ids.get(e["id"])
        if el is None:
            fail(f"{path}: no element with id={e['id']!r}")
            continue
        if e["id"] not in toc:
            fail(f"{path}: {e['id']} is not in the table of contents")
        text = fold("".join(el.itertext()))
        for form in code_forms(e):
            if not contains(text, form):
                fail(f"{path}: {e['id']}: {form!r} is not in its section")
        links = {a.attrib.get("href") for a in el.iter(XHTML + "a")}
        for url in entry_urls(e):
            if url not in links:
                fail(f"{path}: {e['id']}: no link to its source {url!r}")
        check_provenance(path, e, fold(" ".join(el.itertext())))
    whole = fold("".join(root.itertext()))
    for code in codes_2017(codes):
        if not contains(whole, code):
            fail(f"{path}: {code!r} (2017 article) is missing")


def header_functions(header, man3_list):
    """The header's functions as sspr-man3 --list reads them (the one reader of
    the header's function list: the link pages come from it too)."""
    return subprocess.run([man3_list, "--header", header, "--list"], check=True,
                          capture_output=True, text=True).stdout.split()


def check_functions(header, page, links_dir, man3_list):
    functions = header_functions(header, man3_list)
    if len(functions) < 10:
        fail(f"{header}: only {len(functions)} SSPR_API functions found")
    text = render(page)
    check_width(text, page)
    sections = re.split(r"^(?=[A-Z][A-Z ]+$)", text, flags=re.M)
    synopsis = next((s for s in sections if s.startswith("SYNOPSIS")), "")
    description = next((s for s in sections if s.startswith("DESCRIPTION")), "")
    for name in functions:
        if not re.search(rf"\b{name}\(", synopsis):
            fail(f"{page}: {name} is not in the SYNOPSIS")
        if len(re.findall(rf"\b{name}\(", description)) < 1:
            fail(f"{page}: {name} is not described")
        link = os.path.join(links_dir, name + ".3")
        try:
            with open(link, encoding="ascii") as f:
                if f.read() != ".so man3/libsspr-errors.3\n":
                    fail(f"{link}: not a link to libsspr-errors.3")
        except OSError:
            fail(f"{link}: missing (the header declares {name})")
    extra = sorted(set(os.listdir(links_dir)) - {name + ".3" for name in functions})
    if extra:
        fail(f"{links_dir}: pages for functions the header does not declare: {extra}")


def roff_unescape(s):
    for a, b in (("\\(aq", "'"), ("\\(ga", "`"), ("\\(ha", "^"), ("\\(ti", "~"),
                 ("\\(dq", '"'), ("\\-", "-"), ("\\&", ""), ("\\e", "\\")):
        s = s.replace(a, b)
    return s


def check_example(page, source, exe):
    with open(page, encoding="ascii") as f:
        roff = f.read()
    m = re.search(r"^\.SH EXAMPLE\n(.*?)^\.SH ", roff, re.S | re.M)
    blocks = re.findall(r"^\.EX\n(.*?)^\.EE\n", m.group(1) if m else "", re.S | re.M)
    with open(source, encoding="utf-8") as f:
        want = f.read()
    if not blocks or roff_unescape(blocks[-1]) != want:
        fail(f"{page}: the EXAMPLE is not {source} as written")
    r = subprocess.run([exe], capture_output=True, text=True)
    if r.returncode != 0 or "prs-32009" not in r.stdout:
        fail(f"{exe}: exit {r.returncode}, output:\n{r.stdout}{r.stderr}")
    r = subprocess.run([exe, "hr=800700CE"], capture_output=True, text=True)
    if r.returncode != 0 or "adsync-hr-800700ce" not in r.stdout:
        fail(f"{exe} hr=800700CE: exit {r.returncode}, output:\n{r.stdout}{r.stderr}")


def run_twice(cmd, env):
    outs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(2):
            out = os.path.join(tmp, f"out{i}")
            subprocess.run([a.replace("@OUTPUT@", out) for a in cmd], check=True, env=env)
            with open(out, "rb") as f:
                outs.append(f.read())
    return outs


def check_reproducible(cmd):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    a, b = run_twice(cmd, env)
    if a != b:
        fail(f"{cmd[0]}: two runs differ")
    env["SOURCE_DATE_EPOCH"] = "1700000000"  # 2023-11-14 22:13:20 UTC
    c, d = run_twice(cmd, env)
    if c != d:
        fail(f"{cmd[0]}: two runs with SOURCE_DATE_EPOCH differ")
    if b"2023-11-14" not in c:
        fail(f"{cmd[0]}: SOURCE_DATE_EPOCH=1700000000 does not date the output 2023-11-14")
    env["SOURCE_DATE_EPOCH"] = "yesterday"
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([x.replace("@OUTPUT@", os.path.join(tmp, "o")) for x in cmd],
                           env=env, capture_output=True)
        if r.returncode == 0:
            fail(f"{cmd[0]}: accepts SOURCE_DATE_EPOCH=yesterday")


def cli_definitions(path):
    """Commands, options and global options as src/cli/commands.def lists them."""
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    commands = re.findall(r'^CLI_COMMAND\(\s*(\w+)\s*,\s*"([^"]*)"', text, re.M)
    options = re.findall(r"^CLI_OPTION\(\s*'(.)'\s*,\s*\"([^\"]+)\"\s*,\s*(NULL|\"[^\"]*\")",
                         text, re.M)
    globals_ = re.findall(r'^CLI_GLOBAL\(\s*"([^"]+)"\s*,\s*"([^"]+)"', text, re.M)
    return commands, [(n, None if a == "NULL" else a.strip('"')) for _, n, a in options], \
        globals_


def section(text, title):
    m = re.search(rf"^{title}\n(.*?)(?=^[A-Z][A-Z ]+\n|\Z)", text, re.S | re.M)
    return m.group(1) if m else ""


def json_keys(value, keys):
    if isinstance(value, dict):
        for k, v in value.items():
            keys.add(k)
            json_keys(v, keys)
    elif isinstance(value, list):
        for v in value:
            json_keys(v, keys)
    return keys


def check_cli(definitions, cli, page):
    commands, options, globals_ = cli_definitions(definitions)
    if len(commands) < 3 or not options:
        fail(f"{definitions}: only {len(commands)} commands and {len(options)} options found")
    text = render(page)
    check_width(text, page)
    help_text = subprocess.run([cli, "--help"], check=True, capture_output=True,
                               text=True).stdout
    synopsis, described = section(text, "SYNOPSIS"), section(text, "COMMANDS")
    option_text = section(text, "OPTIONS")
    for name, args in commands:
        usage = f"{name} {args}".strip()
        if not re.search(rf"^  {re.escape(usage)}(\s|$)", help_text, re.M):
            fail(f"--help does not list the command {usage!r}")
        if not re.search(rf"sspr-errors {name}\b", synopsis):
            fail(f"{page}: SYNOPSIS does not show {name}")
        if not re.search(rf"^       {re.escape(usage)}(\s|$)", described, re.M):
            fail(f"{page}: COMMANDS does not describe {usage!r}")
    for name, arg in options:
        usage = f"{name} {arg}" if arg else name
        if not re.search(rf"^  {re.escape(usage)}(\s|$)", help_text, re.M):
            fail(f"--help does not list the option {usage!r}")
        if not re.search(rf"^       {re.escape(usage)}(\s|$)", option_text, re.M):
            fail(f"{page}: OPTIONS does not describe {usage!r}")
    for short, name in globals_:
        if f"{short}, {name}" not in help_text:
            fail(f"--help does not list {short}, {name}")
        if f"{short}, {name}" not in option_text:
            fail(f"{page}: OPTIONS does not describe {short}, {name}")
    # the other way round: nothing in --help that the definitions lack
    listed = re.findall(r"^  ([a-z][\w-]*)(?: |$)", section_of_help(help_text, "Commands:"), re.M)
    for name in listed:
        if name not in [c for c, _ in commands]:
            fail(f"--help lists a command {name!r} that commands.def does not define")
    for name in re.findall(r"^  (--[\w-]+)", section_of_help(help_text, "Options:"), re.M):
        if name not in [o for o, _ in options] + [g for _, g in globals_]:
            fail(f"--help lists an option {name!r} that commands.def does not define")
    # the JSON keys the program prints are the ones the page explains
    output = fold(section(text, "OUTPUT"))
    keys = set()
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "Application.txt")
        with open(log, "w", encoding="utf-8") as f:
            f.write(SAMPLE_LOG)
        for args in (["list", "--json"], ["list", "--summary", "--json"],
                     ["decode", "--json", "0x800700CE"],
                     ["search", "--json", "auth token"], ["scan", "--json", log]):
            r = subprocess.run([cli] + args, capture_output=True, text=True)
            json_keys(json.loads(r.stdout), keys)
    for key in sorted(keys):
        if not re.search(rf"\b{re.escape(key)}\b", output):
            fail(f"{page}: OUTPUT does not explain the JSON key {key!r}")
    # every example runs and succeeds (next to an exported log for scan)
    examples = [line.strip() for line in section(text, "EXAMPLES").splitlines()
                if line.strip().startswith("$ sspr-errors ")]
    if len(examples) < 3:
        fail(f"{page}: only {len(examples)} examples")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "Application.txt"), "w", encoding="utf-8") as f:
            f.write(SAMPLE_LOG)
        for line in examples:
            argv = shlex.split(line[2:])
            r = subprocess.run([os.path.abspath(cli)] + argv[1:], capture_output=True,
                               text=True, cwd=tmp)
            if r.returncode != 0 or not r.stdout:
                fail(f"{page}: example {line!r} exits {r.returncode}:\n{r.stderr}")


def section_of_help(help_text, heading):
    m = re.search(rf"^{heading}\n(.*?)(?:\n\n|\Z)", help_text, re.S | re.M)
    return m.group(1) if m else ""


def check_install(build, cli):
    need("meson")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["meson", "install", "-C", build, "--destdir", tmp, "--no-rebuild",
                        "--quiet"], check=True, stdout=subprocess.DEVNULL)
        mans = [os.path.join(d, f) for d, _, fs in os.walk(tmp) for f in fs
                if re.search(r"/share/man/man[0-9]$", d)]
        pages = {os.path.relpath(p, tmp).split("/share/man/")[-1] for p in mans}
        for want in ("man1/sspr-errors.1", "man3/libsspr-errors.3", "man3/sspr_lookup.3",
                     "man7/sspr-errors.7"):
            if want not in pages:
                fail(f"meson install does not put {want} under share/man")
        htmls = [os.path.join(d, f) for d, _, fs in os.walk(tmp) for f in fs
                 if f == "reference.html"]
        if not any(h.endswith("/share/doc/sspr-errors/reference.html") for h in htmls):
            fail("meson install does not put share/doc/sspr-errors/reference.html")
        if not mans:
            return
        manroot = mans[0].split("/share/man/")[0] + "/share/man"
        man = shutil.which("man")
        if not man:
            print("man not found: installed pages not opened")
            return
        env = dict(os.environ, MANPATH=manroot, MANWIDTH="80", MAN_DISABLE_SECCOMP="1")
        for args, page in ((["sspr-errors"], "man1/sspr-errors.1"),
                           (["7", "sspr-errors"], "man7/sspr-errors.7"),
                           (["3", "libsspr-errors"], "man3/libsspr-errors.3"),
                           (["sspr_lookup"], "man3/libsspr-errors.3")):
            r = subprocess.run([man, "-w"] + args, env=env, capture_output=True, text=True)
            if not r.stdout.strip().endswith(page):
                fail(f"MANPATH={manroot} man -w {' '.join(args)} gives {r.stdout.strip()!r}")
            r = subprocess.run([man] + args, env=env, capture_output=True, text=True)
            if r.returncode != 0 or "NAME" not in r.stdout:
                fail(f"man {' '.join(args)} does not open: {r.stderr}")
        r = subprocess.run([man, "-K", "-w", "Error getting auth token"], env=env,
                           capture_output=True, text=True)
        if "man7/sspr-errors.7" not in r.stdout:
            fail(f"man -K does not find a message in sspr-errors(7): {r.stdout}{r.stderr}")


def main():
    what, args = sys.argv[1], sys.argv[2:]
    if what == "lint":
        check_lint(args)
    elif what == "man7":
        check_man7(*args)
    elif what == "html":
        check_html(*args)
    elif what == "functions":
        check_functions(*args)
    elif what == "example":
        check_example(*args)
    elif what == "cli":
        check_cli(*args)
    elif what == "install":
        check_install(*args)
    elif what == "reproducible":
        check_reproducible(args)
    else:
        print(f"unknown check {what}")
        return 2
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
