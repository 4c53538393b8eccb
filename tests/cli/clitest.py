"""Shared by the command-line test programs (test_cli.py, test_hresult.py):
a registry of test functions, one way to run the built program, and a main
that runs every registered test and reports each as "ok" or "FAIL".

A test is a function decorated with @test that raises AssertionError (with a
message that says what went wrong) when the program misbehaves."""
import os
import subprocess
import sys
import traceback

CLI = None  # the program under test, set by main()
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Run:
    """One finished run: its arguments, exit status, stdout and stderr."""

    def __init__(self, args, rc, out, err):
        self.args, self.rc, self.out, self.err = args, rc, out, err

    def __repr__(self):
        return "sspr-errors %s -> exit %d\n--- stdout ---\n%s--- stderr ---\n%s" % (
            " ".join(repr(a) for a in self.args), self.rc, self.out[:3000], self.err[:2000])


def run(*args, stdout=subprocess.PIPE):
    """Runs the program with args (stdout may be redirected, as to /dev/full)."""
    p = subprocess.run([CLI] + list(args), stdout=stdout, stderr=subprocess.PIPE, timeout=20)
    out = p.stdout.decode("utf-8") if p.stdout is not None else ""
    return Run(args, p.returncode, out, p.stderr.decode("utf-8"))


def main(argv, usage):
    """argv: [script, PATH-TO-sspr-errors]. Exit status 0 when every test passed."""
    global CLI
    if len(argv) != 2:
        sys.stderr.write(usage)
        return 2
    CLI = os.path.abspath(argv[1])
    failed = 0
    for fn in TESTS:
        try:
            fn()
            print("ok   %s" % fn.__name__)
        except AssertionError as e:
            failed += 1
            print("FAIL %s\n    %s" % (fn.__name__, str(e).replace("\n", "\n    ")))
        except Exception:
            failed += 1
            print("FAIL %s (crashed)\n%s" % (fn.__name__, traceback.format_exc()))
    print("%d of %d tests failed" % (failed, len(TESTS)))
    return 1 if failed else 0
