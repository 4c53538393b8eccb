#!/usr/bin/env python3
"""update_generated.py FRESH COMMITTED [FRESH COMMITTED ...]: copies freshly
generated files over their committed copies (the update-bindings target)."""
import shutil
import sys


def main() -> int:
    args = sys.argv[1:]
    if not args or len(args) % 2:
        print("usage: update_generated.py FRESH COMMITTED ...", file=sys.stderr)
        return 2
    for fresh, committed in zip(args[::2], args[1::2]):
        with open(fresh, "rb") as f:
            new = f.read()
        try:
            with open(committed, "rb") as f:
                same = f.read() == new
        except FileNotFoundError:
            same = False
        if same:
            print("unchanged %s" % committed)
        else:
            shutil.copyfile(fresh, committed)
            print("updated   %s" % committed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
