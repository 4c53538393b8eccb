#!/usr/bin/python3
"""Data-driven tests of the catalogue generator's diagnostics.

    run_cases.py SSPR_GEN CASES_DIR [--catalog FILE...]

Every folder under CASES_DIR/invalid is one malformed catalogue: catalog.json
(plus, for cases about several files, more *.json files, passed after it in
name order) and `expected`, the exact stderr of `sspr-gen --check`, which must
exit 1. The generator runs with the case folder as its working directory, so
the paths it prints are the bare file names.

Every folder under CASES_DIR/valid must pass `--check` (exit 0, silent) and
`--outdir` (exit 0). When it has a file `contains`, each of its lines,
FILE<TAB>REGEX, is a Python regular expression that must match somewhere in
the output FILE (how a case checks the value the generator stored, whatever
the layout of the tables). With --catalog, the real catalogue must pass --check too.
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

TIMEOUT = 20


def case_files(folder):
    names = sorted(n for n in os.listdir(folder) if n.endswith(".json") and n != "catalog.json")
    return ["catalog.json"] + names


def run_gen(gen, args, cwd=None):
    p = subprocess.run([gen] + args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=TIMEOUT)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check_invalid(gen, folder):
    """Returns a list of failure messages (empty when the case passes)."""
    with open(os.path.join(folder, "expected"), encoding="utf-8") as f:
        expected = f.read()
    rc, out, err = run_gen(gen, ["--check"] + case_files(folder), cwd=folder)
    problems = []
    if rc != 1:
        problems.append("exit status %d, expected 1" % rc)
    if out:
        problems.append("unexpected stdout:\n" + out)
    if err != expected:
        diff = difflib.unified_diff(expected.splitlines(True), err.splitlines(True),
                                    "expected", "actual stderr")
        problems.append("stderr differs:\n" + "".join(diff).rstrip("\n"))
    return problems


def check_valid(gen, folder):
    files = case_files(folder)
    problems = []
    rc, out, err = run_gen(gen, ["--check"] + files, cwd=folder)
    if rc != 0 or out or err:
        problems.append("--check: exit %d, stdout %r, stderr %r (expected 0 and silence)"
                        % (rc, out, err))
    with tempfile.TemporaryDirectory() as tmp:
        rc, out, err = run_gen(gen, ["--outdir", tmp] + files, cwd=folder)
        if rc != 0 or err:
            problems.append("--outdir: exit %d, stderr %r (expected 0)" % (rc, err))
        contains = os.path.join(folder, "contains")
        if os.path.exists(contains):
            with open(contains, encoding="utf-8") as f:
                wanted = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
            for name, text in wanted:
                try:
                    with open(os.path.join(tmp, name), encoding="utf-8") as f:
                        found = re.search(text, f.read()) is not None
                except OSError as e:
                    found = False
                    problems.append("%s: %s" % (name, e))
                if not found:
                    problems.append("nothing in %s matches %r" % (name, text))
    return problems


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    gen, root = os.path.abspath(argv[1]), argv[2]
    catalog = argv[argv.index("--catalog") + 1:] if "--catalog" in argv else []
    failed = total = 0

    def report(name, problems):
        nonlocal failed, total
        total += 1
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
        else:
            print("ok   %s" % name)

    for kind, check in (("invalid", check_invalid), ("valid", check_valid)):
        base = os.path.join(root, kind)
        for name in sorted(os.listdir(base)):
            report("%s/%s" % (kind, name), check(gen, os.path.join(base, name)))
    if catalog:
        rc, out, err = run_gen(gen, ["--check"] + [os.path.abspath(c) for c in catalog])
        problems = [] if rc == 0 and not out and not err else [
            "exit %d, stderr:\n%s" % (rc, err)]
        report("the real catalogue (%d files)" % len(catalog), problems)
    print("%d of %d cases failed" % (failed, total))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
