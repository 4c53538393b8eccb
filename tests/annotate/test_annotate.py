#!/usr/bin/env python3
"""sspr-errors annotate, end to end.

- Round trip: every text fixture of tests/forms, tests/real/records,
  tests/scan and tests/audit, annotated, with the added lines removed, is the
  input byte for byte; its notes name, in order, the entries of the records
  that `scan --records --json` finds (the first three of each), never before
  the record's first line.
- Placement: on inputs whose layout is known, each note comes right after
  its record's last line (labelled records with blank lines between fields,
  several one after another; wevtutil blocks; CSV rows; inline lines; XML;
  CRLF; a last line without a line break).
- Bad input: NUL bytes, a 1 MiB line, CR-only line ends, UTF-16 LE and BE
  (notes in UTF-16), .evtx (refused, exit 2), an empty file, a missing file.
- Streaming: a generated 200 MB log, 20 MB of blank lines after a record and
  a 64 MB line, each annotated in less than 50 MB of memory (the child's peak
  RSS, from wait4).

Usage: test_annotate.py SSPR_ERRORS SOURCE_ROOT
"""
import json
import os
import re
import subprocess
import sys
import tempfile

PROG = sys.argv[1]
ROOT = sys.argv[2]
PREFIX = b"    -- sspr-errors: "
ENTRY_LINE = re.compile(rb"^    -- sspr-errors: ([a-z0-9][a-z0-9._-]*): ")
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def annotate(data=None, path=None):
    args = [PROG, "annotate"] + ([path] if path else [])
    r = subprocess.run(args, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout, r.stderr


def split_lines(b, nl=b"\n"):
    """Lines with their line ends (the last one may have none)."""
    out, i = [], 0
    while i < len(b):
        j = b.find(nl, i)
        if nl != b"\n":  # UTF-16: a unit boundary
            while j >= 0 and (j - i) % 2:
                j = b.find(nl, j + 1)
        j = len(b) if j < 0 else j + len(nl)
        out.append(b[i:j])
        i = j
    return out


def strip(out, prefix=PREFIX, nl=b"\n"):
    """The output without the added lines (a list: the ways to read it), and
    the added lines, each with the number of input lines before it."""
    kept, added, n = [], [], 0
    lines = split_lines(out, nl)
    for line in lines:
        if line.startswith(prefix):
            added.append((n, line))
        else:
            kept.append(line)
            n += 1
    text = b"".join(kept)
    if out.endswith(nl) or not lines or not lines[-1].startswith(prefix):
        return [text], added
    # a note after a last line without a line break begins with one: the
    # line end its own lines have (either, when it is one line)
    crlf = nl.replace(b"\n", b"\r") + nl if len(nl) == 1 else (
        "\r".encode("utf-16-le" if nl[0] else "utf-16-be") + nl)
    tail = []
    for line in reversed(lines):
        if not line.startswith(prefix):
            break
        tail.append(line)
    ends = [crlf] if len(tail) > 1 and tail[-1].endswith(crlf) else [nl] if len(tail) > 1 \
        else [crlf, nl]
    return [text[:-len(e)] for e in ends if text.endswith(e)], added


def restores(out, data, prefix=PREFIX, nl=b"\n"):
    return data in strip(out, prefix, nl)[0]


def records(path):
    r = subprocess.run([PROG, "scan", "--records", "--json", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        return None
    recs = json.loads(r.stdout or b"[]")
    # the JSON has no line: the text output's "line N" heading says it
    t = subprocess.run([PROG, "scan", "--records", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    lines = [int(m) for m in re.findall(rb"^line (\d+) ", t.stdout, re.M)]
    if len(lines) != len(recs):
        return None
    for rec, line in zip(recs, lines):
        rec["line"] = line
    return recs


def text_fixtures():
    dirs = ["tests/forms", "tests/real/records", "tests/scan", "tests/audit"]
    for d in dirs:
        for base, _, names in os.walk(os.path.join(ROOT, d)):
            for name in sorted(names):
                path = os.path.join(base, name)
                with open(path, "rb") as f:
                    head = f.read(8)
                if head.startswith(b"ElfFile"):
                    continue
                yield path


def test_round_trip():
    n = notes = 0
    for path in text_fixtures():
        with open(path, "rb") as f:
            data = f.read()
        rc, out, err = annotate(path=path)
        rel = os.path.relpath(path, ROOT)
        check(rc in (0, 1), f"{rel}: exit {rc} {err!r}")
        texts, added = strip(out)
        check(data in texts, f"{rel}: the output without its notes is not the input")
        recs = records(path)
        check(recs is not None, f"{rel}: scan --records --json failed")
        if recs is None:
            continue
        want = [(r["line"], e) for r in recs if r["entries"] for e in r["entries"][:3]]
        got = [(k, ENTRY_LINE.match(line).group(1).decode()) for k, line in added
               if ENTRY_LINE.match(line)]
        check([e for _, e in got] == [e for _, e in want],
              f"{rel}: notes name {[e for _, e in got]}, records {[e for _, e in want]}")
        for (after, _), (first, e) in zip(got, want):
            check(after >= first, f"{rel}: the note for {e} comes before its record (line {first})")
        check((rc == 0) == bool(want), f"{rel}: exit {rc} with {len(want)} entries named")
        n += 1
        notes += sum(1 for r in recs if r["entries"])
    check(n >= 60, f"only {n} fixtures")
    print(f"round trip: {n} files, {notes} records with notes")


def note_after(out, line_text, entry, nl=b"\n"):
    """Is the line right after the (only) input line line_text the first line
    of a note on entry?"""
    lines = split_lines(out, nl)
    for i, line in enumerate(lines):
        if line.rstrip(b"\r\n") == line_text:
            return i + 1 < len(lines) and lines[i + 1].startswith(PREFIX + entry + b":")
    return False


COPY_DETAILS_TWO = b"""Hello team, two events from AADC01:

Log Name:      Application

Source:        PasswordResetService

Event ID:      33004

Level:         Error

Description:
TrackingId: 0b6f2f43-2c8e-4a37-9a55-2d3c1b0e9f21, PasswordResetRequestFailed, Details: hr=80230626
Event Xml:
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System><EventRecordID>4711</EventRecordID></System>
</Event>


Log Name:      Application

Source:        PasswordResetService

Event ID:      33008

Level:         Error

Description:
The password could not be updated because the password policy was violated.


"""

WEVTUTIL = b"""Event[0]:
  Log Name: Application
  Source: PasswordResetService
  Event ID: 33004
  Level: Error
  Description: failed hr=80230626

Event[1]:
  Log Name: Application
  Source: ADSync
  Event ID: 6329
  Level: Error
  Description: x 0x80230619
"""

CSV = b""""EventID","MachineName","Index","EntryType","Message","Source"
"33004","AADC01","17","Error","TrackingId: 1, Details: hr=80230626","PasswordResetService"
"1000","AADC01","18","Information","nothing","Application Error"
"33008","AADC01","19","Error","The password could not be updated
because the password policy was violated.","PasswordResetService"
"""

TICKET = b"""Subject: reset fails

Users cannot reset. We saw Event ID 33004 in the log this morning.
Then hr=80230619 in the sync log.
Regards
"""

XML = b"""<Events>
<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>
  <System>
    <Provider Name='PasswordResetService'/>
    <EventID Qualifiers='0'>33004</EventID>
  </System>
  <EventData><Data>hr=80230626</Data></EventData>
</Event>
</Events>
"""


def test_placement():
    rc, out, _ = annotate(COPY_DETAILS_TWO)
    check(rc == 0, f"copy details: exit {rc}")
    check(note_after(out, b"</Event>", b"prs-33004"),
          "copy details: the first note is not right after its Event Xml's last line")
    check(note_after(out, b"The password could not be updated because the password policy "
                          b"was violated.", b"prs-33008"),
          "copy details: the second note is not right after its message")
    check(out.endswith(b".\n\n\n"), "copy details: the blank lines after the last record moved")
    rc, out, _ = annotate(WEVTUTIL)
    check(note_after(out, b"  Description: failed hr=80230626", b"prs-33004"),
          "wevtutil: the first block's note is not right after its last line")
    check(note_after(out, b"  Description: x 0x80230619", b"adsync-6329-80230619"),
          "wevtutil: the second block's note")
    rc, out, _ = annotate(CSV)
    check(note_after(out, CSV.split(b"\n")[1], b"prs-33004"), "csv: the first row's note")
    check(note_after(out, b'because the password policy was violated.","PasswordResetService"',
                     b"prs-33008"), "csv: a row of two lines: its note after its second line")
    check(out.count(b"\n" + PREFIX + b"prs-") == 2, "csv: a note for a row that names nothing")
    rc, out, _ = annotate(TICKET)
    check(note_after(out, b"Users cannot reset. We saw Event ID 33004 in the log this morning.",
                     b"prs-33004"), "ticket: the inline line's note")
    check(note_after(out, b"Then hr=80230619 in the sync log.", b"adsync-6329-80230619"),
          "ticket: the HRESULT line's note")
    rc, out, _ = annotate(XML)
    check(note_after(out, b"</Event>", b"prs-33004"), "xml: the note after </Event>")
    # CR LF: the note's lines too
    rc, out, _ = annotate(TICKET.replace(b"\n", b"\r\n"))
    check(all(line.endswith(b"\r\n") for line in split_lines(out)), "crlf: a line ends in LF only")
    check(restores(out, TICKET.replace(b"\n", b"\r\n")), "crlf: round trip")
    # the last line without a line break, a note after it
    data = b"first\r\nEvent ID 33004: failed"
    rc, out, _ = annotate(data)
    check(out.startswith(data + b"\r\n" + PREFIX) and not out.endswith(b"\n"),
          f"no final line break: {out[-40:]!r}")
    check(restores(out, data), "no final line break: round trip")
    # wrapped at 80 columns
    check(all(len(line.rstrip(b"\r\n").decode()) <= 80 for line in split_lines(out)
              if line.startswith(PREFIX)), "a note's line is wider than 80 columns")
    # nothing named: copied, exit 1
    rc, out, _ = annotate(b"hello\nworld\n")
    check(rc == 1 and out == b"hello\nworld\n", f"nothing named: exit {rc}, {out!r}")


def test_bad_input():
    tmp = tempfile.mkdtemp()
    cases = {
        "nul": b"abc\x00def\nEvent ID 33004: fail\x00ed\n\x00\x00\n",
        "long-line": b"x" * (1 << 20) + b"\nEvent ID 33004: failed\n" + b"y " * (1 << 19),
        "cr-only": b"line one\rEvent ID 33004: failed\rline three\r",
        "blank-long": b"Source: PasswordResetService\nEvent ID: 33004\n" + b" " * (1 << 20) +
                      b"\n\n> \n```\nSource: ADSync\n",
        "empty": b"",
        "one-byte": b"x",
    }
    for name, data in cases.items():
        rc, out, err = annotate(data)
        check(restores(out, data), f"{name}: round trip")
        check(rc in (0, 1), f"{name}: exit {rc} {err!r}")
    rc, out, _ = annotate(cases["long-line"])
    check(note_after(out, b"Event ID 33004: failed", b"prs-33004"), "long line: the next note")
    rc, out, _ = annotate(cases["blank-long"])
    check(note_after(out, b"Event ID: 33004", b"prs-33004"),
          "a 1 MiB blank line after a record: the note before it")
    # UTF-16: notes in the input's encoding
    text = "Ticket\r\nEvent ID 33004: failed \u00e9\r\nbye\r\n"
    for enc, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"")):
        data = bom + text.encode(enc)
        rc, out, err = annotate(data)
        nl = "\n".encode(enc)
        kept, added = strip(out, PREFIX.decode().encode(enc), nl)
        check(rc == 0 and data in kept, f"{enc} {bom!r}: exit {rc}, round trip {err!r}")
        check(added and out[len(bom):].decode(enc).count("    -- sspr-errors: prs-33004:") == 1,
              f"{enc}: the note is not UTF-16")
    # .evtx: refused
    path = os.path.join(tmp, "log.evtx")
    with open(path, "wb") as f:
        f.write(b"ElfFile\x00" + bytes(4088))
    rc, out, err = annotate(path=path)
    check(rc == 2 and out == b"" and b".evtx" in err and err.count(b"\n") == 1,
          f".evtx: exit {rc}, {err!r}")
    rc, out, err = annotate(path=os.path.join(tmp, "missing.txt"))
    check(rc == 2 and err.count(b"\n") == 1, f"missing file: exit {rc}, {err!r}")


def peak_rss_kb(path):
    """Annotates path into /dev/null; the child's exit status and peak RSS in
    KB. GNU time measures the program alone; without it, wait4's figure
    also holds what the child had of this process before exec, which is
    taken off (roughly)."""
    import resource
    with open(os.devnull, "wb") as null:
        if os.path.exists("/usr/bin/time"):
            r = subprocess.run(["/usr/bin/time", "-f", "%M", PROG, "annotate", path], stdout=null,
                               stderr=subprocess.PIPE)
            return r.returncode, int(r.stderr.split()[-1])
        p = subprocess.Popen([PROG, "annotate", path], stdout=null, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return os.waitstatus_to_exitcode(status), max(usage.ru_maxrss - own, 0)


def test_streaming():
    tmp = tempfile.mkdtemp()
    with open(os.path.join(ROOT, "tests/real/records/001-c7-33004-hr80230626.txt"), "rb") as f:
        unit = f.read() + b"\n" + COPY_DETAILS_TWO + TICKET + b"\n"
    cases = {
        "200 MB": (unit, 200 << 20),
        "blank lines": (b"Source: PasswordResetService\nEvent ID: 33004\n" + b"\n" * (20 << 20)
                        + b"end\n", 0),
        "one line": (b"Event ID 33004 " * 4096 + b"\r", 64 << 20),
    }
    for name, (chunk, size) in cases.items():
        path = os.path.join(tmp, "big.log")
        with open(path, "wb") as f:
            written = 0
            while True:
                f.write(chunk)
                written += len(chunk)
                if written >= size:
                    break
        rc, kb = peak_rss_kb(path)
        print(f"streaming {name}: {written >> 20} MB, exit {rc}, peak RSS {kb // 1024} MB")
        check(rc == 0, f"streaming {name}: exit {rc}")
        check(kb < 50 * 1024, f"streaming {name}: peak RSS {kb // 1024} MB")
        os.unlink(path)


test_round_trip()
test_placement()
test_bad_input()
test_streaming()
if FAILURES:
    print(f"{len(FAILURES)} failures")
    sys.exit(1)
print("ok")
