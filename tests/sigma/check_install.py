#!/usr/bin/python3
"""meson install puts the Sigma rules and the Event Viewer files under
share/sspr-errors/ (issue 21, point 3), the same bytes as the build's.

    check_install.py BUILD_DIR SIGMA_DIR EVENTVIEWER_DIR
"""
import os
import subprocess
import sys
import tempfile


def files(d):
    return {n: open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d))}


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    build, built = argv[1], {"sigma": files(argv[2]), "eventviewer": files(argv[3])}
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["meson", "install", "-C", build, "--destdir", tmp, "--no-rebuild",
                        "--quiet"], check=True, stdout=subprocess.DEVNULL)
        for name, want in built.items():
            found = [d for d, _, _ in os.walk(tmp) if d.endswith("/share/sspr-errors/" + name)]
            if len(found) != 1:
                print("FAIL meson install puts no share/sspr-errors/%s (%s)" % (name, found))
                bad += 1
                continue
            got = files(found[0])
            if got != want:
                print("FAIL share/sspr-errors/%s differs from the build's (%s)"
                      % (name, sorted(set(got) ^ set(want)) or "contents"))
                bad += 1
            else:
                print("ok   %s: %d files under %s" % (name, len(got), os.path.relpath(found[0], tmp)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
