#!/usr/bin/python3
"""A test-only writer of Windows XML Event Log (.evtx) files.

Written from libyal's "Windows XML Event Log (EVTX).asciidoc" and from the
layout of records in real files (see README.md); it is not a general writer,
only what the tests need:

- file header (4096 bytes, "ElfFile\\0", version 3.1, CRC32 of bytes 0-119);
- 64 KiB chunks ("ElfChnk\\0", record number/id ranges, last record and
  free space offsets, CRC32 of the records, CRC32 of the header, the
  64-bucket name table and the 32-bucket template table filled in);
- records ("**\\0\\0", size, id, FILETIME, BinXML, EOF, 8-byte padding, size);
- BinXML through templates: a template is defined inline in the first record
  of a chunk that uses it and referenced by its chunk offset afterwards; names
  are written inline at their first use in a chunk and referenced afterwards.

Two template styles, both found in real files or allowed by the format:

- "classic" (default, as Windows writes classic Application events): Provider
  Name, Channel and Computer are literal text in the template (one template
  per provider/channel/computer), EventData is a BinXML substitution (0x21)
  that holds its own template instance whose <Data> takes an array of
  strings (0x81), and <Binary> an optional binary value;
- "flat": every System value is a substitution (Provider Name, Channel and
  Computer as strings 0x01 too) and there is one <Data> element per value,
  each with its own string substitution (one template per number of values).

Library: write_evtx(path, events) -> number of chunks.  An event is a dict:
  provider (str), event_id (int), qualifiers (int|None), level (int),
  task (int, default 0), keywords (int, default 0x0080000000000000),
  time (datetime in UTC, or an int FILETIME), record_id (int),
  channel (str), computer (str), user_sid (str "S-1-5-18"|None),
  data ([str]), binary (bytes|None, classic style only),
  style ("classic"|"flat", default "classic").

CLI:
  write_evtx.py --out FILE --sspr [--verify]   our events (gen_events.py)
  write_evtx.py --out FILE --bulk MB            a large file for benchmarks
  write_evtx.py --verify FILE                   FILE must be the --sspr file:
        evtxexport -f xml and python-evtx must read back every field exactly
"""

import argparse
import datetime
import hashlib
import os
import struct
import sys
import zlib

CHUNK_SIZE = 0x10000
CHUNK_HEADER = 0x200
FILE_HEADER = 0x1000
EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event"
CLASSIC_KEYWORDS = 0x0080000000000000
EPOCH_1601 = datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)

# Value types (libyal "Value types").
T_NULL, T_STR, T_U8, T_U16, T_U32, T_U64 = 0x00, 0x01, 0x04, 0x06, 0x08, 0x0A
T_BIN, T_GUID, T_FILETIME, T_SID, T_HEX64, T_BXML = 0x0E, 0x0F, 0x11, 0x13, 0x15, 0x21
T_STR_ARRAY = 0x81

_u16 = struct.Struct("<H").pack
_u32 = struct.Struct("<I").pack
_u64 = struct.Struct("<Q").pack


def name_hash(name):
    """The 16-bit name hash stored with every name (hash * 65599 + char)."""
    h = 0
    for c in name:
        h = (h * 65599 + ord(c)) & 0xFFFFFFFF
    return h & 0xFFFF


def filetime(t):
    if isinstance(t, int):
        return t
    d = t - EPOCH_1601
    return (d.days * 86400 + d.seconds) * 10_000_000 + d.microseconds * 10


def sid_bytes(sid):
    parts = sid.split("-")
    if parts[0].upper() != "S" or len(parts) < 3:
        raise ValueError("bad SID " + sid)
    auth = int(parts[2])
    subs = [int(p) for p in parts[3:]]
    return (bytes([int(parts[1]), len(subs)]) + auth.to_bytes(6, "big")
            + b"".join(_u32(s) for s in subs))


# ---------------------------------------------------------------- templates
# An element is (name, [(attr name, value)], [content]); a value or a piece
# of content is a str (literal text), a Sub, or (content only) an element.

class Sub:
    __slots__ = ("index", "vtype", "optional")

    def __init__(self, index, vtype, optional=True):
        self.index, self.vtype, self.optional = index, vtype, optional


def E(name, attrs=(), content=()):
    return (name, list(attrs), list(content))


def classic_system_template(provider, channel, computer):
    """What Windows writes for a classic event (indices as in real files)."""
    return E("Event", [("xmlns", EVENT_NS)], [
        E("System", [], [
            E("Provider", [("Name", provider)]),
            E("EventID", [("Qualifiers", Sub(4, T_U16))], [Sub(3, T_U16)]),
            E("Version", [], [Sub(11, T_U8)]),
            E("Level", [], [Sub(0, T_U8)]),
            E("Task", [], [Sub(2, T_U16)]),
            E("Opcode", [], [Sub(1, T_U8)]),
            E("Keywords", [], [Sub(5, T_HEX64)]),
            E("TimeCreated", [("SystemTime", Sub(6, T_FILETIME))]),
            E("EventRecordID", [], [Sub(10, T_U64)]),
            E("Correlation", [("ActivityID", Sub(7, T_GUID)),
                              ("RelatedActivityID", Sub(18, T_GUID))]),
            E("Execution", [("ProcessID", Sub(8, T_U32)),
                            ("ThreadID", Sub(9, T_U32))]),
            E("Channel", [], [channel]),
            E("Computer", [], [computer]),
            E("Security", [("UserID", Sub(12, T_SID))]),
        ]),
        Sub(19, T_BXML),
    ])


CLASSIC_EVENTDATA = E("EventData", [], [
    E("Data", [], [Sub(0, T_STR_ARRAY)]),
    E("Binary", [], [Sub(2, T_BIN)]),
])

FLAT_FIRST_DATA = 23  # 20-22: Provider Name, Channel, Computer


def flat_template(ndata):
    system = classic_system_template("", "", "")
    sysel = system[2][0]
    for el in sysel[2]:
        if el[0] == "Provider":
            el[1][0] = ("Name", Sub(FLAT_FIRST_DATA - 3, T_STR, False))
        elif el[0] == "Channel":
            el[2][0] = Sub(FLAT_FIRST_DATA - 2, T_STR)
        elif el[0] == "Computer":
            el[2][0] = Sub(FLAT_FIRST_DATA - 1, T_STR)
    data = [E("Data", [], [Sub(FLAT_FIRST_DATA + i, T_STR)]) for i in range(ndata)]
    system[2][1] = E("EventData", [], data)
    return system


def _dependency(content):
    for c in content:
        if isinstance(c, Sub) and c.optional:
            return c.index
    return 0xFFFF


def template_guid(key):
    return hashlib.md5(repr(key).encode("utf-8")).digest()


# ------------------------------------------------------------------- chunks

class Chunk:
    """One chunk being filled; records are built against its state."""

    def __init__(self):
        self.buf = bytearray(CHUNK_SIZE)
        self.pos = CHUNK_HEADER
        self.names = {}          # name -> chunk offset of its name structure
        self.templates = {}      # key -> (chunk offset of definition, guid)
        self.name_table = [0] * 64
        self.tmpl_table = [0] * 32
        self.first_id = self.last_id = None
        self.last_record = 0
        self.count = 0

    # -- BinXML serialisation into `out`, which starts at chunk offset base.
    def _name_ref(self, out, base, name, newnames):
        off = self.names.get(name)
        if off is None:
            off = newnames.get(name)
        if off is not None:
            out += _u32(off)
            return
        off = base + len(out) + 4
        out += _u32(off)
        enc = name.encode("utf-16-le")
        newnames[name] = off
        out += b"\0\0\0\0" + _u16(name_hash(name)) + _u16(len(name)) + enc + b"\0\0"

    def _value(self, out, base, v, newnames):
        if isinstance(v, Sub):
            out += bytes((0x0E if v.optional else 0x0D,)) + _u16(v.index) + bytes((v.vtype,))
        else:
            out += b"\x05\x01" + _u16(len(v)) + v.encode("utf-16-le")

    def _element(self, out, base, el, newnames):
        name, attrs, content = el
        start = len(out)
        out += bytes((0x41 if attrs else 0x01,)) + _u16(_dependency(content)) + b"\0\0\0\0"
        self._name_ref(out, base, name, newnames)
        if attrs:
            lstart = len(out)
            out += b"\0\0\0\0"
            for i, (an, av) in enumerate(attrs):
                out += b"\x46" if i + 1 < len(attrs) else b"\x06"
                self._name_ref(out, base, an, newnames)
                self._value(out, base, av, newnames)
            out[lstart:lstart + 4] = _u32(len(out) - lstart - 4)
        if not content:
            out += b"\x03"
        else:
            out += b"\x02"
            for c in content:
                if isinstance(c, tuple):
                    self._element(out, base, c, newnames)
                else:
                    self._value(out, base, c, newnames)
            out += b"\x04"
        out[start + 3:start + 7] = _u32(len(out) - start - 7)

    def _instance(self, out, base, key, build, newnames, newtmpls):
        """Template instance token; the definition inline on first use."""
        ref = self.templates.get(key) or newtmpls.get(key)
        if ref is not None:
            off, guid = ref
            out += b"\x0c\x01" + guid[:4] + _u32(off)
            return
        guid = template_guid(key)
        off = base + len(out) + 10
        out += b"\x0c\x01" + guid[:4] + _u32(off)
        out += b"\0\0\0\0" + guid
        sizepos = len(out)
        out += b"\0\0\0\0\x0f\x01\x01\x00"
        self._element(out, base, build(), newnames)
        out += b"\x00"
        out[sizepos:sizepos + 4] = _u32(len(out) - sizepos - 4)
        newtmpls[key] = (off, guid)

    # -- records
    def add(self, ev):
        """Append a record for ev; False (chunk unchanged) if it does not fit."""
        base = self.pos
        newnames, newtmpls = {}, {}
        out = bytearray(b"**\0\0\0\0\0\0")
        out += _u64(ev["record_id"]) + _u64(filetime(ev["time"]))
        out += b"\x0f\x01\x01\x00"
        style = ev.get("style", "classic")
        if style == "classic":
            key = ("classic", ev["provider"], ev["channel"], ev["computer"])
            self._instance(out, base, key, lambda: classic_system_template(
                ev["provider"], ev["channel"], ev["computer"]), newnames, newtmpls)
            values = self._system_values(ev, 20)
            self._substitutions(out, base, values, ev, newnames, newtmpls)
        elif style == "flat":
            data = ev.get("data") or []
            key = ("flat", len(data))
            self._instance(out, base, key, lambda: flat_template(len(data)),
                           newnames, newtmpls)
            values = self._system_values(ev, FLAT_FIRST_DATA + len(data))
            values[FLAT_FIRST_DATA - 3] = (T_STR, ev["provider"].encode("utf-16-le"))
            values[FLAT_FIRST_DATA - 2] = (T_STR, ev["channel"].encode("utf-16-le"))
            values[FLAT_FIRST_DATA - 1] = (T_STR, ev["computer"].encode("utf-16-le"))
            for i, s in enumerate(data):
                values[FLAT_FIRST_DATA + i] = (T_STR, s.encode("utf-16-le"))
            self._substitutions(out, base, values, ev, newnames, newtmpls)
        else:
            raise ValueError("unknown style " + style)
        out += b"\x00"
        size = (len(out) + 4 + 7) & ~7
        out += bytes(size - 4 - len(out)) + _u32(size)
        out[4:8] = _u32(size)
        if base + size > CHUNK_SIZE:
            return False
        # Commit: link the new names and templates into the hash tables.
        for name, off in newnames.items():
            b = name_hash(name) % 64
            rel = off - base
            out[rel:rel + 4] = _u32(self.name_table[b])
            self.name_table[b] = off
            self.names[name] = off
        for key, (off, guid) in newtmpls.items():
            b = guid[0] % 32
            rel = off - base
            out[rel:rel + 4] = _u32(self.tmpl_table[b])
            self.tmpl_table[b] = off
            self.templates[key] = (off, guid)
        self.buf[base:base + size] = out
        self.pos += size
        self.last_record = base
        if self.first_id is None:
            self.first_id = ev["record_id"]
        self.last_id = ev["record_id"]
        self.count += 1
        return True

    @staticmethod
    def _system_values(ev, n):
        v = [(T_NULL, b"")] * n
        v[0] = (T_U8, bytes((ev.get("level", 4),)))
        v[1] = (T_U8, b"\0")
        v[2] = (T_U16, _u16(ev.get("task", 0)))
        v[3] = (T_U16, _u16(ev["event_id"]))
        if ev.get("qualifiers") is not None:
            v[4] = (T_U16, _u16(ev["qualifiers"]))
        v[5] = (T_HEX64, _u64(ev.get("keywords", CLASSIC_KEYWORDS)))
        v[6] = (T_FILETIME, _u64(filetime(ev["time"])))
        v[8] = (T_U32, b"\0\0\0\0")
        v[9] = (T_U32, b"\0\0\0\0")
        v[10] = (T_U64, _u64(ev["record_id"]))
        v[11] = (T_U8, b"\0")
        if ev.get("user_sid"):
            v[12] = (T_SID, sid_bytes(ev["user_sid"]))
        return v

    def _substitutions(self, out, base, values, ev, newnames, newtmpls):
        """Instance data; a 0x21 value in slot 19 (classic) is built last,
        at its final position, since it may define a template inline."""
        n = len(values)
        out += _u32(n)
        classic = ev.get("style", "classic") == "classic"
        desc_pos = len(out)
        out += bytes(4 * n)
        for i, (t, b) in enumerate(values):
            if classic and i == 19:
                vstart = len(out)
                self._eventdata(out, base, ev, newnames, newtmpls)
                t, size = T_BXML, len(out) - vstart
            else:
                out += b
                size = len(b)
            out[desc_pos + 4 * i:desc_pos + 4 * i + 4] = _u16(size) + bytes((t, 0))

    def _eventdata(self, out, base, ev, newnames, newtmpls):
        out += b"\x0f\x01\x01\x00"
        self._instance(out, base, ("classic-eventdata",), lambda: CLASSIC_EVENTDATA,
                       newnames, newtmpls)
        arr = b"".join(s.encode("utf-16-le") + b"\0\0" for s in ev.get("data") or [])
        binary = ev.get("binary")
        vals = [(T_STR_ARRAY, arr) if arr else (T_NULL, b""),
                (T_U32, _u32(len(ev.get("data") or []))),
                (T_BIN, binary) if binary else (T_NULL, b"")]
        out += _u32(len(vals))
        for t, b in vals:
            out += _u16(len(b)) + bytes((t, 0))
        for t, b in vals:
            out += b
        out += b"\x00"

    def finish(self, number):
        """Fill in the header; returns the 64 KiB of the chunk."""
        h = self.buf
        h[0:8] = b"ElfChnk\0"
        h[8:40] = struct.pack("<QQQQ", self.first_id, self.last_id,
                              self.first_id, self.last_id)
        h[40:56] = struct.pack("<IIII", 0x80, self.last_record, self.pos,
                               zlib.crc32(h[CHUNK_HEADER:self.pos]))
        h[120:124] = _u32(1)
        h[0x80:0x180] = struct.pack("<64I", *self.name_table)
        h[0x180:0x200] = struct.pack("<32I", *self.tmpl_table)
        h[124:128] = _u32(zlib.crc32(bytes(h[0:120]) + bytes(h[128:512])))
        return bytes(h)


def iter_chunks(events):
    """Yield finished chunks (bytes) for events, in order."""
    chunk = Chunk()
    number = 0
    for ev in events:
        if not chunk.add(ev):
            if chunk.count == 0:
                raise ValueError("record %d does not fit in a chunk" % ev["record_id"])
            yield chunk.finish(number)
            number += 1
            chunk = Chunk()
            if not chunk.add(ev):
                raise ValueError("record %d does not fit in a chunk" % ev["record_id"])
    if chunk.count:
        yield chunk.finish(number)


def file_header(nchunks, next_record_id):
    h = bytearray(FILE_HEADER)
    h[0:8] = b"ElfFile\0"
    struct.pack_into("<QQQIHHHH", h, 8, 0, max(nchunks - 1, 0), next_record_id,
                     0x80, 1, 3, FILE_HEADER, nchunks & 0xFFFF)
    struct.pack_into("<I", h, 120, 0)
    struct.pack_into("<I", h, 124, zlib.crc32(bytes(h[0:120])))
    return bytes(h)


def write_evtx(path, events):
    """Write events (dicts, see the module doc) to path; returns the chunk count."""
    events = list(events)
    if not events:
        raise ValueError("no events")
    n = 0
    with open(path, "wb") as f:
        f.write(bytes(FILE_HEADER))
        for c in iter_chunks(events):
            f.write(c)
            n += 1
        f.seek(0)
        f.write(file_header(n, max(e["record_id"] for e in events) + 1))
    return n


# ------------------------------------------------------------------ --bulk

def write_bulk(path, megabytes, seed=1):
    """At least `megabytes` MB of realistic Application events, fast."""
    import gen_events
    cycle = gen_events.sspr_events(seed) + gen_events.unrelated_events(seed)
    target = megabytes * 1_000_000
    start = filetime(gen_events.BASE_TIME)

    def events():
        rid = 1
        while True:
            for proto in cycle:
                ev = dict(proto)
                ev["record_id"] = rid
                ev["time"] = start + rid * 37_000_123
                rid += 1
                yield ev

    n = 0
    last_id = 0
    with open(path, "wb") as f:
        f.write(bytes(FILE_HEADER))
        size = FILE_HEADER
        chunk = Chunk()
        for ev in events():
            if not chunk.add(ev):
                f.write(chunk.finish(n))
                n += 1
                size += CHUNK_SIZE
                if size >= target:
                    break
                chunk = Chunk()
                chunk.add(ev)
            last_id = ev["record_id"]
        f.seek(0)
        f.write(file_header(n, last_id + 1))
    return n


# ----------------------------------------------------------------- --verify

def _ft_iso(ft, digits=7):
    secs, rest = divmod(ft, 10_000_000)
    t = EPOCH_1601 + datetime.timedelta(seconds=secs)
    frac = "%07d" % rest
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "." + frac[:digits]


def expected_fields(ev):
    return {
        "record_id": ev["record_id"], "provider": ev["provider"],
        "event_id": ev["event_id"], "qualifiers": ev.get("qualifiers"),
        "level": ev.get("level", 4), "task": ev.get("task", 0),
        "keywords": ev.get("keywords", CLASSIC_KEYWORDS),
        "time": filetime(ev["time"]), "channel": ev["channel"],
        "computer": ev["computer"], "user_sid": ev.get("user_sid"),
        "data": list(ev.get("data") or []),
    }


def verify(path, events):
    """Read path with evtxexport and python-evtx; every field must be what
    events say.  Returns a list of problems (empty when all is well)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import compare
    want = {e["record_id"]: expected_fields(e) for e in events}
    problems = []
    for reader in ("evtxexport", "python-evtx"):
        if reader == "evtxexport":
            res = compare.read_evtxexport(path)
        else:
            res = compare.read_pyevtx(path)
        if res.error:
            problems.append("%s: %s" % (reader, res.error))
        got = {r["record_id"]: r for r in res.records}
        if sorted(got) != sorted(want):
            problems.append("%s: record ids %s, wrote %s" % (
                reader, compare.ranges(sorted(got)), compare.ranges(sorted(want))))
        for rid, w in want.items():
            r = got.get(rid)
            if r is None:
                continue
            for k in ("provider", "event_id", "qualifiers", "level", "task", "channel",
                      "computer", "user_sid"):
                if r.get(k) != w[k]:
                    problems.append("%s: record %d %s: read %r, wrote %r" % (
                        reader, rid, k, r.get(k), w[k]))
            if r.get("keywords") is not None and r["keywords"] != w["keywords"]:
                problems.append("%s: record %d keywords: read %#x, wrote %#x" % (
                    reader, rid, r["keywords"], w["keywords"]))
            # python-evtx converts a FILETIME through a double to microseconds
            # (Evtx/BinaryParser.py parse_filetime): expect exactly that.
            if r.get("time_digits", 7) == 6:
                t = datetime.datetime.fromtimestamp(
                    float(w["time"]) * 1e-7 - 11644473600, datetime.timezone.utc)
                exp_t = t.strftime("%Y-%m-%dT%H:%M:%S.%f")
            else:
                exp_t = _ft_iso(w["time"], 7)
            if r.get("time") != exp_t:
                problems.append("%s: record %d time: read %r, wrote %r" % (
                    reader, rid, r.get("time"), exp_t))
            data = r.get("data")
            if reader == "python-evtx" and data == [""] and w["data"] == []:
                data = []  # python-evtx renders an element whose value is null
            if data != w["data"]:
                problems.append("%s: record %d data: read %r, wrote %r" % (
                    reader, rid, r.get("data"), w["data"]))
    return problems


def check_structure(path):
    """Our own checks of what we wrote: CRCs, counts, sizes."""
    d = open(path, "rb").read()
    problems = []
    n = struct.unpack_from("<H", d, 42)[0]
    if len(d) != FILE_HEADER + n * CHUNK_SIZE:
        problems.append("file size %d for %d chunks" % (len(d), n))
    if zlib.crc32(d[0:120]) != struct.unpack_from("<I", d, 124)[0]:
        problems.append("file header CRC32")
    for i in range(n):
        c = d[FILE_HEADER + i * CHUNK_SIZE:FILE_HEADER + (i + 1) * CHUNK_SIZE]
        free, dcrc = struct.unpack_from("<II", c, 48)
        if zlib.crc32(c[CHUNK_HEADER:free]) != dcrc:
            problems.append("chunk %d records CRC32" % i)
        if zlib.crc32(c[0:120] + c[128:512]) != struct.unpack_from("<I", c, 124)[0]:
            problems.append("chunk %d header CRC32" % i)
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="file to write")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--sspr", action="store_true", help="our events (gen_events.py)")
    g.add_argument("--bulk", type=float, metavar="MB", help="a file of at least MB MB")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verify", nargs="?", const="", metavar="FILE",
                    help="read the --sspr file back with evtxexport and python-evtx")
    a = ap.parse_args(argv)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gen_events

    if a.bulk is not None:
        if not a.out:
            ap.error("--bulk needs --out")
        n = write_bulk(a.out, a.bulk, a.seed)
        print("%s: %d chunks, %d bytes" % (a.out, n, os.path.getsize(a.out)))
        return 0
    target = a.verify or a.out
    tmpdir = None
    if a.sspr or (a.verify is not None and not a.verify):
        events = gen_events.all_events(a.seed)
        if not target:
            import tempfile
            tmpdir = tempfile.TemporaryDirectory()
            target = os.path.join(tmpdir.name, "sspr.evtx")
        n = write_evtx(target, events)
        print("%s: %d records in %d chunks" % (target, len(events), n))
    elif a.verify:
        events = gen_events.all_events(a.seed)
    else:
        ap.error("give --sspr, --bulk or --verify")
    if a.verify is not None:
        problems = check_structure(target) + verify(target, events)
        for p in problems:
            print("FAIL", p)
        if problems:
            return 1
        print("OK: evtxexport and python-evtx read back all %d records exactly" % len(events))
    return 0


if __name__ == "__main__":
    sys.exit(main())
