#!/usr/bin/env python3
"""Every hand-written C file (.c and .h under src/, gen/, include/, tests/,
bench/ and fuzz/) is formatted as the committed .clang-format says.

usage: check_style.py CLANG-FORMAT SOURCE-ROOT
"""
import os
import subprocess
import sys


def main():
    tool, root = sys.argv[1], sys.argv[2]
    files = []
    for top in ("src", "gen", "include", "tests", "bench", "fuzz"):
        for d, _, names in os.walk(os.path.join(root, top)):
            files += [os.path.join(d, n) for n in sorted(names) if n.endswith((".c", ".h"))]
    if len(files) < 50:
        print("FAIL: found only %d C files under %s" % (len(files), root))
        return 1
    failed = 0
    for f in sorted(files):
        p = subprocess.run([tool, "--style=file", "--dry-run", "--Werror", f],
                           capture_output=True, text=True, cwd=root)
        if p.returncode:
            failed += 1
            print("FAIL: %s is not formatted (clang-format --style=file -i %s)" %
                  (os.path.relpath(f, root), os.path.relpath(f, root)))
            print("\n".join(p.stderr.splitlines()[:6]))
    print("%d passed, %d failed" % (len(files) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
