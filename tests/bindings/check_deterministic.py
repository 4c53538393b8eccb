#!/usr/bin/env python3
"""check_deterministic.py SSPR_GEN CATALOG...: each binding output of the
generator is byte-identical from one run to the next."""
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    gen, catalog = sys.argv[1], sys.argv[2:]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for emit in ("python-codes", "rust-codes", "go-codes", "csharp-codes", "java-codes",
                     "python-ffi", "rust-ffi", "go-ffi", "csharp-ffi", "java-ffi"):
            outputs = []
            for run in (1, 2):
                out = Path(tmp) / ("%s.%d" % (emit, run))
                subprocess.run([gen, "--emit", emit, "--output", str(out)] + catalog, check=True)
                outputs.append(out.read_bytes())
            if outputs[0] != outputs[1]:
                print("%s: two runs differ" % emit, file=sys.stderr)
                bad = 1
            else:
                print("%s: %d bytes, identical twice" % (emit, len(outputs[0])))
    return bad


if __name__ == "__main__":
    sys.exit(main())
