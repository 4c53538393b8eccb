#!/usr/bin/env python3
"""Runs the README's example program and compares its output with the README's."""
import subprocess
import sys

prog, expected_path = sys.argv[1:3]
with open(expected_path, encoding="utf-8") as f:
    expected = f.read()
got = subprocess.run([prog], capture_output=True, text=True, check=False)
if got.returncode != 0:
    print("example exited with %d\n%s" % (got.returncode, got.stderr))
    sys.exit(1)
if got.stdout != expected:
    print("README example output differs.\n--- README says:\n%s--- program printed:\n%s"
          % (expected, got.stdout))
    sys.exit(1)
print("1 passed, 0 failed")
