#!/usr/bin/env python3
"""The exported symbols (nm -D), the header's SSPR_API declarations and the
version script must list exactly the same functions, and nothing else may be
exported. The header's functions are those sspr-man3 --list reads (the one
reader of the header's function list).

usage: check_symbols.py LIBRARY.so HEADER MAPFILE SSPR-MAN3"""
import re
import subprocess
import sys

lib, header, mapfile, man3 = sys.argv[1:5]
nm = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, check=True)
exported = set()
for line in nm.stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "TDRBW":
        exported.add(parts[2].split("@")[0])
declared = set(subprocess.run([man3, "--header", header, "--list"], capture_output=True,
                              text=True, check=True).stdout.split())
with open(mapfile, encoding="utf-8") as f:
    mtext = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
mapped = set(re.findall(r"^\s*(sspr_\w+)\s*;", mtext, flags=re.M))
bad = 0
for name, a, b in (("exported", exported, declared), ("declared in the header", declared, mapped),
                   ("in the version script", mapped, exported)):
    for sym in sorted(a - b):
        print("%s is %s but not in the next list" % (sym, name))
        bad += 1
stray = sorted(s for s in exported if not s.startswith("sspr_"))
for sym in stray:
    print("exported symbol without the sspr_ prefix: %s" % sym)
    bad += 1
print("%d functions exported, declared and versioned" % len(exported & declared & mapped))
print("%d passed, %d failed" % (1 if bad == 0 else 0, 1 if bad else 0))
sys.exit(1 if bad else 0)
