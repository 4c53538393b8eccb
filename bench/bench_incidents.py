#!/usr/bin/env python3
"""incidents streams: throughput and peak memory on a generated log.

bench_incidents.py CLI [MEGABYTES]   (default 1024)

Writes an Event Viewer "Copy details as text" export of MEGABYTES MB in
$TMPDIR: attempts of 20,000 users a minute apart each (start, then a success,
a failure with its ADSync 6329, or nothing), then times, on the same file,
`sspr-errors incidents` (joins records into operations), `sspr-errors scan`
(reads the same records, no joining) and `wc -l` (reads the bytes), each with its peak RSS. Prints MB/s and the ratios. Deletes the file."""
import os
import resource
import subprocess
import sys
import tempfile
import time

REC = ("Log Name:      Application\nSource:        %s\nDate:          %s\nEvent ID:      %d\n"
       "Task Category: None\nLevel:         %s\nKeywords:      Classic\nUser:          N/A\n"
       "Computer:      AADC01.contoso.com\nDescription:\n%s\n\n")


def rec(source, event_id, level, when, message):
    return REC % (source, when, event_id, level, message)


def stamp(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t))


def write(path, mb):
    t, i, size = 1700000000, 0, 0
    with open(path, "w") as f:
        while size < mb * 1000000:
            upn, tid = "user%05d@contoso.com" % (i % 20000), "%08x-0000-4000-8000-%012x" % (i, i)
            block = [rec("PasswordResetService", 31001, "Information", stamp(t),
                            "TrackingId: %s, PasswordResetRequestStart, Details: Context: "
                            "cloudAnchor: User_%d, UserPrincipalName: %s" % (tid, i, upn))]
            kind = i % 4
            if kind == 0:
                block.append(rec("ADSync", 6329, "Error", stamp(t + 2),
                                    "An unexpected error has occurred during a password set "
                                    "operation. \n\"BAIL: MMS(4924): admaexport.cpp(2944): "
                                    "0x80230619 (the password does not meet the policy)\""))
                block.append(rec("PasswordResetService", 33008, "Error", stamp(t + 3),
                                    "TrackingId: %s, Reason: Synchronization Engine returned an "
                                    "error hr=80230619, UserPrincipalName: %s" % (tid, upn)))
            elif kind in (1, 2):
                block.append(rec("PasswordResetService", 31002, "Information", stamp(t + 2),
                                    "TrackingId: %s, PasswordResetSuccess, Details: Context: "
                                    "UserPrincipalName: %s" % (tid, upn)))
            s = "".join(block)
            f.write(s)
            size += len(s)
            t += 60
            i += 1
    return i


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.time()
    with open(os.devnull, "w") as null:
        subprocess.run(cmd, stdout=null, stderr=null)
    secs = time.time() - t
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest child so far
    return secs, rss if rss > before else None


def main():
    cli = sys.argv[1]
    mb = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "Application.txt")
        n = write(path, mb)
        size = os.path.getsize(path) / 1e6
        print("incidents on a generated %.0f MB export (%d attempts, 20,000 users)" % (size, n))
        rows = [("sspr-errors incidents", [cli, "incidents", path]),
                ("sspr-errors scan", [cli, "scan", path]),
                ("wc -l", ["wc", "-l", path])]
        base = None
        print("  %-24s %10s %10s %14s" % ("program", "seconds", "MB/s", "peak RSS"))
        for name, cmd in rows:
            secs, rss = timed(cmd)
            base = base or secs
            print("  %-24s %10.2f %10.1f %14s   %.2fx the time of incidents" % (
                name, secs, size / secs, "%d KiB" % rss if rss else "(below the above)",
                secs / base))


if __name__ == "__main__":
    main()
