#!/usr/bin/env python3
"""scan shows progress on standard error when that is a terminal, and only then.

progress.py CLI WRITER: writes a 20 MB .evtx (write_evtx.py --bulk 20), scans
it once with standard error on a pseudo-terminal (progress lines "NN %" must
appear, and the last must be cleared), once with standard error on a pipe
(no progress at all); both runs print the same summary on standard output."""
import os
import pty
import subprocess
import sys
import tempfile


def main():
    cli, writer = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big.evtx")
        subprocess.run([sys.executable, writer, "--out", big, "--bulk", "20"], check=True,
                       stdout=subprocess.DEVNULL)
        master, slave = pty.openpty()
        p = subprocess.Popen([cli, "scan", big], stdout=subprocess.PIPE, stderr=slave)
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            err += chunk
        out_tty = p.stdout.read()
        p.wait()
        os.close(master)
        piped = subprocess.run([cli, "scan", big], capture_output=True)
        bad = []
        if b" %" not in err or b"MiB)" not in err:
            bad.append("no progress on a terminal: %r" % err[:200])
        if not err.rstrip().endswith(b"\x1b[K"):
            bad.append("the progress line is not cleared at the end: %r" % err[-80:])
        if b"%" in piped.stderr:
            bad.append("progress on a pipe: %r" % piped.stderr[:200])
        if out_tty != piped.stdout or not piped.stdout:
            bad.append("the summaries differ or are empty")
        for b in bad:
            print("FAIL:", b)
        print("progress: %d checks, %d failed" % (4, len(bad)))
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
