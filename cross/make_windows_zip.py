#!/usr/bin/env python3
"""The Windows release archive (`ninja -C build-win release-zip`, cross/meson.build):
sspr-errors-VERSION-win64.zip, one folder laid out as an install prefix.

  bin/sspr-errors.exe, bin/libsspr-errors-1.dll     stripped (and the static library's debug
                                                     information)
  lib/libsspr-errors.dll.a                           import library (MinGW)
  lib/libsspr-errors.a                               static library
  lib/libsspr-errors-1.def                           exports, for MSVC's lib /def
  lib/pkgconfig/sspr-errors.pc                       prefix=${pcfiledir}/../..
  include/sspr-errors.h
  doc/reference.html                                 the catalogue, one page
  doc/sspr-errors.1.html, doc/libsspr-errors.3.html, doc/sspr-errors.7.html
                                                     the man pages (mandoc -T html)
  README.md, LICENSE

The same inputs give the same bytes: entries sorted, fixed times and modes.

usage: make_windows_zip.py --output ZIP --strip STRIP --mandoc MANDOC
         --exe EXE --dll DLL --import-lib A --static-lib A --def DEF --pc PC
         --header H --reference HTML --man PAGE... --readme README --license LICENSE"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile

STAMP = (1980, 1, 1, 0, 0, 0)  # zip's earliest time: no build date in the archive


def stripped(strip, path, tmp, how="--strip-unneeded"):
    out = os.path.join(tmp, os.path.basename(path))
    # strip writes the time into a PE header unless SOURCE_DATE_EPOCH says which
    # (the link leaves 0 there: -Wl,--no-insert-timestamp, meson.build)
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "0"))
    subprocess.run([strip, how, "-o", out, path], check=True, env=env)
    with open(out, "rb") as f:
        return f.read()


def html_page(mandoc, page):
    r = subprocess.run([mandoc, "-T", "html", page], check=True, capture_output=True)
    return r.stdout


def relocatable_pc(path):
    """The .pc file with its prefix where the file is: pkg-config and pkgconf
    define pcfiledir, so the unpacked folder can live anywhere."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r"^prefix=.*$", "prefix=${pcfiledir}/../..", text, count=1, flags=re.M)
    if n != 1:
        sys.exit("%s: no prefix= line" % path)
    return text.encode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    for opt in ("output", "strip", "mandoc", "exe", "dll", "import-lib", "static-lib", "def", "pc",
                "header", "reference", "readme", "license"):
        ap.add_argument("--" + opt, required=True)
    ap.add_argument("--man", nargs="+", required=True)
    a = ap.parse_args()

    top = os.path.basename(a.output)[:-len(".zip")] + "/"
    entries = {}
    with tempfile.TemporaryDirectory() as tmp:
        entries["bin/" + os.path.basename(a.exe)] = stripped(a.strip, a.exe, tmp)
        entries["bin/" + os.path.basename(a.dll)] = stripped(a.strip, a.dll, tmp)
        entries["lib/" + os.path.basename(a.static_lib)] = stripped(a.strip, a.static_lib, tmp,
                                                                    "--strip-debug")
    dll_base = os.path.splitext(os.path.basename(a.dll))[0]
    for name, path in (("lib/" + os.path.basename(a.import_lib), a.import_lib),
                       ("lib/" + dll_base + ".def", getattr(a, "def")),
                       ("include/" + os.path.basename(a.header), a.header),
                       ("doc/reference.html", a.reference),
                       ("README.md", a.readme),
                       ("LICENSE", a.license)):
        with open(path, "rb") as f:
            entries[name] = f.read()
    entries["lib/pkgconfig/" + os.path.basename(a.pc)] = relocatable_pc(a.pc)
    for page in a.man:
        entries["doc/" + os.path.basename(page) + ".html"] = html_page(a.mandoc, page)

    tmp_out = a.output + ".tmp"
    with zipfile.ZipFile(tmp_out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(entries):
            info = zipfile.ZipInfo(top + name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o755 if name.endswith((".exe", ".dll")) else 0o644) << 16
            info.create_system = 3  # Unix, so that the modes above are read
            z.writestr(info, entries[name])
    os.replace(tmp_out, a.output)


if __name__ == "__main__":
    main()
