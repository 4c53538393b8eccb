#!/usr/bin/env python3
"""incidents with more failed operations than it keeps in memory at once
(8,192 lines a run, sorted runs merged from a temporary file): the text output
lists every failed or unfinished operation of --json, most recent first.

check_many.py CLI BENCH_INCIDENTS_PY"""
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile


def peak(cmd, env):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main():
    cli, bench = sys.argv[1], sys.argv[2]
    spec = importlib.util.spec_from_file_location("bench_incidents", bench)
    b = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(b)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "Application.txt")
        b.write(path, 45)  # about 55,000 attempts, a quarter failing, a quarter unfinished
        # peak RSS beside scan's on the same file (a bound that holds in a
        # sanitizer build too), measured first, while this process is small: a
        # child's peak counts what it inherited at fork
        # AddressSanitizer keeps freed memory in quarantine (256 MiB by
        # default): a sanitizer build is measured with a small one
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=1").lstrip(":")
        base = peak([cli, "scan", path], env)
        txt = subprocess.run([cli, "incidents", path], capture_output=True, text=True, env=env)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB
        heads = [l.split() for l in txt.stdout.splitlines() if l and not l.startswith(" ")]
        js = subprocess.run([cli, "incidents", "--json", path], capture_output=True, text=True)
        ops = json.loads(js.stdout)
    bad = []
    if rss > 2 * base + 16 * 1024:
        bad.append("peak RSS %d KiB: more than twice scan's (%d KiB) and 16 MiB" % (rss, base))
    if len(ops) <= 8192:
        bad.append("only %d operations: no run was written" % len(ops))
    if len(heads) != len(ops):
        bad.append("text: %d lines, --json: %d operations" % (len(heads), len(ops)))
    times = [h[0] for h in heads]
    if times != sorted(times, reverse=True):
        bad.append("text lines are not most recent first")
    if sorted(h[1] for h in heads) != sorted(o["user"] for o in ops):
        bad.append("text and --json name different users")
    for x in bad:
        print("FAIL:", x)
    print("many: %d operations, peak RSS %d KiB (scan %d KiB), %d problems" % (
        len(ops), rss, base, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
