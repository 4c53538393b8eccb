#!/usr/bin/env python3
"""The Windows release archive as a new user meets it: unpacked into an empty
folder, its sspr-errors.exe runs under wine from there (the DLL beside it, no
WINEPATH), a program builds against it through its own .pc file (DLL and
static), and it holds exactly what README.md's Windows section lists.

usage: check_zip.py ZIP README WINE CONSUMER.c   (CC: the cross compiler)"""
import os
import re
import shlex
import subprocess
import sys
import tempfile
import zipfile

zip_path, readme, wine, consumer = sys.argv[1:5]
cc = shlex.split(os.environ["CC"])
env = dict(os.environ, WINEDEBUG="-all", LC_ALL="C.UTF-8")
env.pop("WINEPATH", None)
passed, failed = 0, 0


def check(ok, what):
    global passed, failed
    print(("ok   " if ok else "FAIL ") + what)
    passed, failed = passed + bool(ok), failed + (not ok)


def listed(path):
    """The file list of README.md's block after <!-- windows-zip -->: the first
    word of each line, a word ending in / being a folder that holds the lines
    indented below it."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"<!-- windows-zip -->\n```[^\n]*\n(.*?)\n```", text, re.S)
    if not m:
        return None
    names, folders = set(), []  # folders: (indent, name) of the open folders
    for line in m.group(1).splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        word = line.split()[0]
        while folders and folders[-1][0] >= indent:
            folders.pop()
        if word.endswith("/"):
            folders.append((indent, word))
        else:
            names.add("".join(f for _, f in folders) + word)
    return names


with tempfile.TemporaryDirectory() as tmp:
    with zipfile.ZipFile(zip_path) as z:
        bad = z.testzip()
        check(bad is None, "the archive reads back (%s)" % (bad or "every member's CRC"))
        z.extractall(tmp)
        members = [n for n in z.namelist() if not n.endswith("/")]
    top = os.path.basename(zip_path)[:-len(".zip")]
    check(all(n.startswith(top + "/") for n in members), "everything is under %s/" % top)
    root = os.path.join(tmp, top)
    got = {n[len(top) + 1:] for n in members}
    want = listed(readme)
    check(want == got, "README.md lists the archive's contents%s" % (
        "" if want == got else ": README only %s, archive only %s" % (
            sorted((want or set()) - got), sorted(got - (want or set())))))

    # The new user: unpack, run the program from its folder.
    exe = os.path.join(root, "bin", "sspr-errors.exe")
    r = subprocess.run([wine, exe, "lookup", "32009"], capture_output=True, env=env,
                       cwd=tmp, timeout=120)
    out = r.stdout.decode("utf-8", "replace")
    check(r.returncode == 0 and out.startswith("prs-32009 ") and "\r" not in out,
          "bin/sspr-errors.exe lookup 32009: exit %d, %r" % (r.returncode, out[:60]))
    r = subprocess.run([wine, exe, "--version"], capture_output=True, env=env, timeout=60)
    version = top.split("-")[2]
    check(r.stdout.decode().startswith("sspr-errors %s " % version),
          "--version says %s: %r" % (version, r.stdout[:60]))

    # The vendor: build against the unpacked folder through its .pc file.
    pc = dict(env, PKG_CONFIG_PATH=os.path.join(root, "lib", "pkgconfig"),
              PKG_CONFIG_LIBDIR=os.path.join(root, "lib", "pkgconfig"))
    for how, extra in (("DLL", []), ("static", ["--static"])):
        flags = subprocess.run(["pkg-config", "--cflags", "--libs"] + extra + ["sspr-errors"],
                               capture_output=True, text=True, env=pc)
        prog = os.path.join(tmp, "consumer-%s.exe" % how)
        build = subprocess.run(cc + ["-std=c99", "-Wall", "-Werror", consumer, "-o", prog]
                               + flags.stdout.split() + (["-static"] if extra else []),
                               capture_output=True, text=True)
        if build.returncode != 0:
            check(False, "%s consumer builds from the .pc: %s%s" % (how, flags.stderr,
                                                                    build.stderr))
            continue
        r = subprocess.run([wine, prog], capture_output=True, text=True, timeout=60,
                           env=dict(env, WINEPATH="Z:" + os.path.join(root, "bin")))
        check(r.returncode == 0 and r.stdout.strip() == "adsync-hr-800700ce " + version,
              "%s consumer built from the .pc runs: %r" % (how, r.stdout.strip()))

    # The pages: HTML, each with its title.
    for page, title in (("reference.html", "<title>"), ("sspr-errors.1.html", "SSPR-ERRORS(1)"),
                        ("libsspr-errors.3.html", "LIBSSPR-ERRORS(3)"),
                        ("sspr-errors.7.html", "SSPR-ERRORS(7)")):
        path = os.path.join(root, "doc", page)
        text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        check(text.lstrip().lower().startswith("<!doctype html") and title in text,
              "doc/%s is an HTML page with its title" % page)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
