#!/usr/bin/env python3
"""go_test.py GO GOFMT PACKAGE_DIR WORK_DIR: the Go bindings' checks, offline:
gofmt, go vet, go test (the vector, the API tests, the README's example), then
a test binary run without the library's directory to see that the missing
library is reported by name. Go's caches live in WORK_DIR (the build tree), so
nothing is written to $HOME. The environment (PKG_CONFIG_PATH,
LD_LIBRARY_PATH, SSPR_ERRORS_VECTORS, ...) comes from meson."""
import os
import re
import subprocess
import sys


def run(cmd, env, cwd, **kw):
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, env=env, cwd=cwd, **kw)


def main() -> int:
    go, gofmt, pkg, work = sys.argv[1:5]
    if not all((go, gofmt)):
        print("go and gofmt not found: skipping (the README's quick start installs them)")
        return 77
    env = dict(os.environ)
    env.update(GOPROXY="off", GOFLAGS="", GOENV="off", GOTOOLCHAIN="local",
               GOCACHE=os.path.join(work, "cache"), GOPATH=os.path.join(work, "path"),
               CGO_ENABLED="1")
    unformatted = run([gofmt, "-l", "."], env, pkg, capture_output=True, text=True).stdout
    if unformatted.strip():
        print("not gofmt-formatted: " + unformatted, file=sys.stderr)
        return 1
    if run([go, "vet", "./..."], env, pkg).returncode != 0:
        return 1
    test = run([go, "test", "-count=1", "-v", "./..."], env, pkg, capture_output=True, text=True)
    sys.stdout.write(test.stdout + test.stderr)
    passed = len(re.findall(r"^\s*--- PASS", test.stdout, re.M))
    failed = len(re.findall(r"^\s*--- FAIL", test.stdout, re.M))
    print("go test: %d passed, %d failed" % (passed, failed))
    if test.returncode != 0 or passed == 0:
        return 1

    # Without the library's directory the loader must say what it looked for.
    binary = os.path.join(work, "ssprerrors.test")
    if run([go, "test", "-c", "-o", binary, "."], env, pkg).returncode != 0:
        return 1
    bare = {k: v for k, v in env.items() if k != "LD_LIBRARY_PATH"}
    missing = run([binary, "-test.run", "TestVersions"], bare, pkg, capture_output=True,
                  text=True)
    want = "libsspr-errors.so.1" if sys.platform.startswith("linux") else "sspr-errors"
    if missing.returncode == 0 or want not in missing.stderr:
        print("without LD_LIBRARY_PATH: exit %d, stderr %r; want a failure naming %s"
              % (missing.returncode, missing.stderr, want), file=sys.stderr)
        return 1
    print("missing library reported: " + missing.stderr.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
