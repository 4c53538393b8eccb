#!/usr/bin/env python3
"""The Windows program against the Linux one, byte for byte: for each command
below (every command, --json included, text and UTF-16 input on standard
input and as files, CRLF and Ctrl-Z bytes, missing files, folders, usage
errors, a full disk), the two must write the same standard output, the same
standard error and exit with the same status. CI runs it after both builds
(.ci/run); the Windows program is given as the script that runs it under wine
(build-win/tests/sspr-errors-run).

usage: same_as_linux.py LINUX-SSPR-ERRORS WINDOWS-SSPR-ERRORS SOURCE-ROOT"""
import glob
import os
import subprocess
import sys
import tempfile

linux, windows, root = sys.argv[1:4]
os.chdir(root)  # file names in messages are relative, the same for both


def cases(tmp):
    """(name, arguments, standard input bytes or None, stdout target or None)."""
    scan_files = sorted(glob.glob("tests/scan/*/*.*") + glob.glob("tests/vectors/scan/*"))
    utf16 = open("tests/vectors/scan/format-list-utf16.txt", "rb").read()
    crlf_ctrlz = b"Source: ADSync\r\nEvent ID: 6329\r\n\x1ahr=8023061F\r\n\x1a\r\n"
    with open(os.path.join(tmp, "crlf.txt"), "wb") as f:
        f.write(crlf_ctrlz)
    yield "help", ["--help"], None
    yield "version", ["--version"], None
    yield "no command", [], None
    yield "unknown command", ["frobnicate"], None
    yield "unknown option", ["lookup", "--frob", "1"], None
    for q in ("32009", "hr=800700CE", "ADSync:6329", "AuthTokenError", "nothing-like-this",
              "0x80230626", "contraseña"):
        yield "lookup " + q, ["lookup", q], None
        yield "lookup --json " + q, ["lookup", "--json", q], None
    yield "lookup empty", ["lookup", ""], None
    for h in ("0x800700CE", "-2147024891", "junk"):
        yield "decode " + h, ["decode", h], None
        yield "decode --json " + h, ["decode", "--json", h], None
    for q in ("reset email never arrives", "text message never arrives", "writeback"):
        yield "search " + q, ["search", q], None
        yield "search --json " + q, ["search", "--json", "--limit", "5", q], None
    yield "show", ["show", "prs-32009"], None
    yield "show --json", ["show", "--json", "prs-32009"], None
    yield "list", ["list"], None
    yield "list --json", ["list", "--json"], None
    yield "list --summary --json", ["list", "--summary", "--json"], None
    for path in scan_files:
        yield "scan " + path, ["scan", path], None
        yield "scan --json --records " + path, ["scan", "--json", "--records", path], None
    yield "scan all at once", ["scan", "--json"] + scan_files, None
    yield "scan UTF-16 on stdin", ["scan", "--json", "--records"], utf16
    yield "scan CRLF and Ctrl-Z on stdin", ["scan", "--json", "--records"], crlf_ctrlz
    yield "scan CRLF and Ctrl-Z file", ["scan", "--json", "--records",
                                        os.path.join(tmp, "crlf.txt")], None
    yield "annotate UTF-16 on stdin", ["annotate"], utf16
    yield "annotate CRLF and Ctrl-Z on stdin", ["annotate"], crlf_ctrlz
    yield "annotate a file", ["annotate", "tests/scan/formatlist/events.txt"], None
    records = sorted(glob.glob("tests/real/records/*.txt"))
    yield "incidents --json", ["incidents", "--json"] + records, None
    yield "incidents", ["incidents"] + records, None
    yield "report --format md", ["report", "--format", "md"] + records, None
    yield "report html", ["report"] + records, None
    yield "scan a missing file", ["scan", "tests/no-such-file.txt"], None
    yield "scan a folder", ["scan", "tests/scan"], None
    yield "annotate a folder", ["annotate", "tests/scan"], None


def run(prog, args, stdin, stdout):
    r = subprocess.run([prog] + args, input=stdin if stdin is not None else b"",
                       stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return r.returncode, r.stdout, r.stderr


passed, failed = 0, []
with tempfile.TemporaryDirectory() as tmp:
    for name, args, stdin in cases(tmp):
        a, b = run(linux, args, stdin, None), run(windows, args, stdin, None)
        if a == b:
            passed += 1
        else:
            what = [w for w, x, y in zip(("exit status", "stdout", "stderr"), a, b) if x != y]
            failed.append("%s: %s differ (Linux %r..., Windows %r...)" % (
                name, ", ".join(what), [x if isinstance(x, int) else x[:120] for x in a],
                [y if isinstance(y, int) else y[:120] for y in b]))
    with open("/dev/full", "wb") as full:
        for name, args in (("list to a full disk", ["list", "--json"]),):
            a, b = run(linux, args, None, full), run(windows, args, None, full)
            if a == b:
                passed += 1
            else:
                failed.append("%s: Linux %r, Windows %r" % (name, a, b))
for f in failed:
    print("FAIL", f)
print("%d passed, %d failed" % (passed, len(failed)))
sys.exit(1 if failed else 0)
