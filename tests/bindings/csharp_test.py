#!/usr/bin/env python3
"""csharp_test.py MCS MONO SOURCE_DIR WORK_DIR LIBRARY: builds the C# bindings
with mono's compiler (warnings are errors; once more against .NET Framework's
reference assemblies, to see that nothing mono-only is used), runs their tests (a console runner
printing "N passed, N failed"), compiles and runs the README's example and
compares its output with the README's, and checks the loading: the override
SSPR_ERRORS_LIBRARY, and a clear error naming what was looked for when the
library is missing. The environment (LD_LIBRARY_PATH, SSPR_ERRORS_VECTORS,
...) comes from meson."""
import os
import shutil
import subprocess
import sys

from readme_example import example


def run(cmd, env=None, **kw):
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, env=env, **kw)


def main() -> int:
    mcs, mono, src, work, library = sys.argv[1:6]
    if not all((mcs, mono)):
        print("mcs and mono not found: skipping (the README's quick start installs them)")
        return 77
    os.makedirs(work, exist_ok=True)
    dll = os.path.join(work, "SsprErrors.dll")
    sources = sorted(os.path.join(src, "src", f) for f in os.listdir(os.path.join(src, "src"))
                     if f.endswith(".cs"))
    flags = ["-nologo", "-warn:4", "-warnaserror", "-langversion:7"]
    if run([mcs] + flags + ["-target:library", "-out:" + dll] + sources).returncode:
        return 1
    shutil.copyfile(os.path.join(src, "SsprErrors.dll.config"), dll + ".config")
    # Nothing mono-only: the same sources against .NET Framework 4.7.2's
    # reference assemblies (mono-devel ships them), which hold no Mono.* API.
    ref = "/usr/lib/mono/4.7.2-api"
    if not os.path.isdir(ref):
        print("%s not found (Debian: mono-devel)" % ref, file=sys.stderr)
        return 1
    if run([mcs] + flags + ["-target:library", "-nostdlib", "-out:" + os.path.join(work, "ref.dll")]
           + ["-r:%s/%s.dll" % (ref, a) for a in ("mscorlib", "System", "System.Core")]
           + sources).returncode:
        return 1
    tests = os.path.join(work, "Tests.exe")
    if run([mcs] + flags + ["-r:" + dll, "-out:" + tests,
                            os.path.join(src, "tests", "Tests.cs")]).returncode:
        return 1
    if run([mono, tests]).returncode:
        return 1

    # The README's example, compiled and run as a user would.
    code, want = example(os.path.join(src, "README.md"), "csharp")
    with open(os.path.join(work, "Example.cs"), "w", encoding="utf-8") as f:
        f.write(code)
    exe = os.path.join(work, "Example.exe")
    if run([mcs] + flags + ["-r:" + dll, "-out:" + exe, os.path.join(work, "Example.cs")]).returncode:
        return 1
    got = run([mono, exe], capture_output=True, text=True)
    if got.returncode or got.stdout != want:
        print("README example printed:\n%s%s\nthe README says:\n%s" % (got.stdout, got.stderr, want),
              file=sys.stderr)
        return 1
    print("README example: output as documented")

    # Loading: the override, and the error when the library is missing.
    bare = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "SSPR_ERRORS_LIBRARY")}
    cases = [
        ({}, 3, ["libsspr-errors.so.1", "SSPR_ERRORS_LIBRARY"]),
        ({"SSPR_ERRORS_LIBRARY": "/nonexistent/libsspr-errors.so.1"}, 3,
         ["/nonexistent/libsspr-errors.so.1", "SSPR_ERRORS_LIBRARY is set"]),
        ({"SSPR_ERRORS_LIBRARY": library}, 0, [os.environ.get("SSPR_ERRORS_PROJECT_VERSION", "1.")]),
    ]
    for extra, code_want, words in cases:
        env = dict(bare, **extra)
        got = run([mono, tests, "--load"], env=env, capture_output=True, text=True)
        print(got.stdout.strip())
        if got.returncode != code_want or not all(w in got.stdout for w in words):
            print("loading with %s: exit %d, want %d and %s" % (extra, got.returncode, code_want, words),
                  file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
