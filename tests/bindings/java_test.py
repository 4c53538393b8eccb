#!/usr/bin/env python3
"""java_test.py JAVAC JAR JAVA SOURCE_DIR WORK_DIR LIBRARY: builds the Java
bindings with javac (lint warnings are errors) into a jar, runs the JUnit 4
tests against the jar (the vector and the API), compiles and runs the
README's example and compares its output with the README's, and checks the
loading: the override SSPR_ERRORS_LIBRARY, and a clear error naming what was
looked for when the library is missing. JNA, JUnit 4 and Hamcrest are
Debian's jars in /usr/share/java. The environment comes from meson."""
import glob
import os
import re
import subprocess
import sys

from readme_example import example

JARS = ["/usr/share/java/jna.jar"]
TEST_JARS = ["/usr/share/java/junit4.jar", "/usr/share/java/hamcrest-core.jar"]


def run(cmd, env=None, **kw):
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, env=env, **kw)


def main() -> int:
    javac, jar, java, src, work, library = sys.argv[1:7]
    if not all((javac, jar, java)):
        print("javac, jar and java not found: skipping (the README's quick start installs them)")
        return 77
    missing = [j for j in JARS + TEST_JARS if not os.path.exists(j)]
    if missing:
        print("%s not found (Debian: libjna-java, junit4): skipping" % ", ".join(missing))
        return 77
    classes, tclasses = os.path.join(work, "classes"), os.path.join(work, "test-classes")
    for d in (classes, tclasses):
        os.makedirs(d, exist_ok=True)
    # C1 only: javac and the short test runs start faster.
    fast = ["-XX:TieredStopAtLevel=1", "-Xshare:auto"]
    flags = ["-Xlint:all", "-Werror", "--release", "17", "-encoding", "UTF-8"] + ["-J" + f for f in fast]
    java = [java] + fast
    sources = sorted(glob.glob(os.path.join(src, "src", "sspr", "errors", "*.java")))
    if run([javac] + flags + ["-cp", ":".join(JARS), "-d", classes] + sources).returncode:
        return 1
    jarfile = os.path.join(work, "sspr-errors.jar")
    if run([jar, "--create", "--file", jarfile, "-C", classes, "."]).returncode:
        return 1
    cp = ":".join([jarfile] + JARS)
    # The tests and the README's example, compiled against the jar in one go.
    code, want = example(os.path.join(src, "README.md"), "java")
    with open(os.path.join(work, "Example.java"), "w", encoding="utf-8") as f:
        f.write(code)
    tests = sorted(glob.glob(os.path.join(src, "tests", "sspr", "errors", "*.java")))
    if run([javac] + flags + ["-cp", ":".join([cp] + TEST_JARS), "-d", tclasses,
                              os.path.join(work, "Example.java")] + tests).returncode:
        return 1
    tcp = ":".join([cp, tclasses] + TEST_JARS)
    junit = run(java + ["-cp", tcp, "org.junit.runner.JUnitCore", "sspr.errors.ApiTest",
                        "sspr.errors.VectorsTest"], capture_output=True, text=True)
    sys.stdout.write(junit.stdout + junit.stderr)
    m = re.search(r"^OK \((\d+) tests?\)", junit.stdout, re.M)
    if junit.returncode or not m:
        return 1
    print("junit: %s passed, 0 failed" % m.group(1))

    # The README's example, run as a user would (only the jar and JNA).
    got = run(java + ["-cp", cp + ":" + tclasses, "Example"], capture_output=True, text=True)
    if got.returncode or got.stdout != want:
        print("README example printed:\n%s%s\nthe README says:\n%s" % (got.stdout, got.stderr, want),
              file=sys.stderr)
        return 1
    print("README example: output as documented")

    # Loading: the override, and the error when the library is missing.
    bare = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "SSPR_ERRORS_LIBRARY")}
    cases = [
        ({}, [], 3, ["libsspr-errors.so.1", "SSPR_ERRORS_LIBRARY"]),
        ({"SSPR_ERRORS_LIBRARY": "/nonexistent/libsspr-errors.so.1"}, [], 3,
         ["/nonexistent/libsspr-errors.so.1", "SSPR_ERRORS_LIBRARY is set"]),
        ({"SSPR_ERRORS_LIBRARY": library}, [], 0, [os.environ.get("SSPR_ERRORS_PROJECT_VERSION", "1.")]),
        ({}, ["-Dsspr.errors.library=" + library], 0, [os.environ.get("SSPR_ERRORS_PROJECT_VERSION", "1.")]),
    ]
    for extra, props, code_want, words in cases:
        got = run(java + props + ["-cp", tcp, "sspr.errors.LoadCheck"], env=dict(bare, **extra),
                  capture_output=True, text=True)
        print(got.stdout.strip())
        if got.returncode != code_want or not all(w in got.stdout for w in words):
            print("loading with %s %s: exit %d, want %d and %s%s" % (extra, props, got.returncode, code_want,
                                                                    words, got.stderr), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
