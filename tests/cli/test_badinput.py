#!/usr/bin/env python3
"""The CLI under bad input: every case ends with the documented exit status and,
on failure, exactly one line on standard error; nothing crashes or hangs.

usage: test_badinput.py SSPR-ERRORS"""
import os
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
failures = []
passed = 0


def run(args, stdin=b"", stdout=subprocess.PIPE, timeout=60, close_stdout=False):
    return subprocess.run([CLI] + args, input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=timeout, check=False,
                          preexec_fn=(lambda: os.close(1)) if close_stdout else None)


def check(name, args, statuses, stdin=b"", one_line=True, stdout=subprocess.PIPE,
          close_stdout=False):
    global passed
    try:
        r = run(args, stdin, stdout, close_stdout=close_stdout)
    except subprocess.TimeoutExpired:
        failures.append("%s: hung" % name)
        return
    if r.returncode < 0:
        failures.append("%s: killed by signal %d" % (name, -r.returncode))
        return
    if r.returncode not in statuses:
        failures.append("%s: exit %d, expected %s; stderr: %r" % (name, r.returncode, statuses,
                                                                   r.stderr[:300]))
        return
    lines = r.stderr.decode("utf-8", "replace").splitlines()
    if r.returncode != 0 and one_line and r.returncode != 1 and not lines:
        failures.append("%s: exit %d without a message" % (name, r.returncode))
        return
    if one_line and r.returncode not in (0,) and len([l for l in lines if not l.startswith("Try ")]) > 1:
        failures.append("%s: more than one line on stderr: %r" % (name, lines[:5]))
        return
    passed += 1


big = "a" * (128 * 1024 - 1)  # the kernel's limit for one argument is 128 KiB
check("empty lookup argument", ["lookup", ""], {2})
check("blank lookup argument", ["lookup", "   "], {2})
check("128 KiB lookup argument", ["lookup", big], {1})
check("128 KiB search argument", ["search", big], {1})
check("1 MiB of search arguments", ["search"] + [big] * 8, {1})
check("1 MiB of lookup arguments (a line for each miss)", ["lookup"] + [big] * 8, {1},
      one_line=False)
check("invalid UTF-8 lookup", ["lookup", "\udcff\udcfeabc"], {1})
check("newline in lookup", ["lookup", "a\nb"], {1})
check("invalid UTF-8 show", ["show", "\udcff"], {1})
check("search --limit 0", ["search", "--limit", "0", "reset"], {2})
check("search --limit junk", ["search", "--limit", "x", "reset"], {2})
check("decode junk", ["decode", "not-a-number"], {1, 2})

with tempfile.TemporaryDirectory() as d:
    check("scan a directory", ["scan", d], {2})
    check("scan a missing file", ["scan", os.path.join(d, "missing")], {2})
    nul = os.path.join(d, "nul.log")
    with open(nul, "wb") as f:
        f.write(b"Error getting auth token\x00\x00hr=800700CE\n\x00")
    check("scan NUL bytes", ["scan", nul], {0, 1})
    u16 = os.path.join(d, "trunc16.log")
    with open(u16, "wb") as f:
        f.write(b"\xff\xfe" + "Id : 32009\r\nhr=800700CE".encode("utf-16-le")[:-1])
    check("scan truncated UTF-16", ["scan", u16], {0, 1})
    bad = os.path.join(d, "bad.log")
    with open(bad, "wb") as f:
        f.write(bytes(range(256)) * 64)
    check("scan every byte value", ["scan", bad], {0, 1})
    check("scan a missing and a good file", ["scan", os.path.join(d, "missing"), nul], {2})
    if os.path.exists("/proc/self/mem"):  # open() succeeds, read() fails (EIO), even as root
        check("scan a file that cannot be read", ["scan", "/proc/self/mem"], {2})
    if os.geteuid() != 0:  # root reads a mode-000 file anyway
        locked = os.path.join(d, "locked.log")
        with open(locked, "wb") as f:
            f.write(b"hr=8023061F\n")
        os.chmod(locked, 0)
        check("scan a file without read permission", ["scan", locked], {2})
check("scan 1 MiB of one line on stdin", ["scan"], {0, 1}, stdin=b"x" * (1 << 20))
check("scan 1 MiB of newlines on stdin", ["scan"], {0, 1}, stdin=b"\n" * (1 << 20))

check("lookup with stdout closed", ["lookup", "32009"], {3}, close_stdout=True)
check("list with stdout closed", ["list"], {3}, close_stdout=True)
check("scan with stdout closed", ["scan"], {3}, stdin=b"hr=8023061F\n", close_stdout=True)

with open("/dev/full", "wb") as full:
    check("lookup to /dev/full", ["lookup", "32009"], {3}, stdout=full)
    check("list to /dev/full", ["list"], {3}, stdout=full)
    check("search to /dev/full", ["search", "reset email"], {3}, stdout=full)

# The messages themselves, the same on every system (the Windows build maps its
# errors to these): a full disk, and a pipe whose reader has gone with SIGPIPE
# ignored (restore_signals=False: the child inherits Python's SIG_IGN), where
# Linux reports EPIPE; Windows has no SIGPIPE and always reports it.
def output_error(name, args, stdout, message):
    global passed
    r = subprocess.run([CLI] + args, stdout=stdout, stderr=subprocess.PIPE, timeout=60,
                       restore_signals=False)
    want = b"sspr-errors: cannot write output: " + message + b"\n"
    if r.returncode != 3 or r.stderr != want:
        failures.append("%s: exit %d, %r (expected 3, %r)" % (name, r.returncode, r.stderr, want))
    else:
        passed += 1


with open("/dev/full", "wb") as full:
    output_error("list --json to /dev/full: the message", ["list", "--json"], full,
                 b"No space left on device")
read_end, write_end = os.pipe()
os.close(read_end)
try:
    output_error("list --json to a closed pipe: the message", ["list", "--json"], write_end,
                 b"Broken pipe")
finally:
    os.close(write_end)

for f in failures:
    print("FAIL", f)
print("%d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
