#!/usr/bin/env python3
"""check_generated.py COMMITTED FRESH BUILDDIR: fails, with a diff, when a
committed generated file differs from the one just regenerated."""
import difflib
import sys
from pathlib import Path


def main() -> int:
    committed, fresh, builddir = (Path(a) for a in sys.argv[1:4])
    new = fresh.read_bytes()
    try:
        old = committed.read_bytes()
    except FileNotFoundError:
        old = None
    if old == new:
        print("%s is up to date" % committed)
        return 0
    if old is None:
        print("%s: missing" % committed, file=sys.stderr)
    else:
        diff = difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(True),
            new.decode("utf-8", "replace").splitlines(True),
            str(committed), "regenerated (%s)" % fresh)
        sys.stderr.writelines(list(diff)[:200])
    print("\n%s is out of date with the catalogue or the library.\n"
          "Regenerate it with: ninja -C %s update-bindings   (then commit it)"
          % (committed, builddir), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
