#!/usr/bin/python3
"""Compare our .evtx reader (the evtx-dump test tool) with two reference
readers, evtxexport (libevtx-utils) and python-evtx, record by record.

  compare.py --dump EVTX_DUMP FILE...   compare; exit 1 on any disagreement
                                         not explained by a reference
                                         reader's failure (see README.md)
  compare.py --sspr --dump EVTX_DUMP     also write gen_events.py's events
                                         to a temporary .evtx and compare the
                                         dump with what was written, exactly
  compare.py --stub {python-evtx,evtxexport} FILE
                                         behave like evtx-dump, from a
                                         reference reader (to test compare.py)
  compare.py --dump "compare.py --stub evtxexport" ...   (a command line is
                                         split on spaces, so the stub can
                                         stand in for the dump)

evtx-dump prints one JSON object per record:
  {"offset":N, "record_id":N, "time":"YYYY-MM-DDTHH:MM:SS.fffffffZ"|null,
   "provider":s|null, "event_id":N|null, "qualifiers":N|null, "level":N|null,
   "channel":s|null, "computer":s|null, "data":[s,...], "data_names":[s|null,...]}
"""

import argparse
import base64
import binascii
import datetime
import json
import os
import re
import shlex
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ("provider", "event_id", "qualifiers", "level", "channel", "computer")


class Result:
    def __init__(self, tool):
        self.tool = tool
        self.records = []     # dicts, file order
        self.error = None     # why the reader stopped (None: read to the end)
        self.failed_ids = set()  # records the reader saw but could not render
        self.seconds = 0.0


def ranges(ids):
    """[1,2,3,7] -> '1-3,7'"""
    out = []
    for i in ids:
        if out and out[-1][1] == i - 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return ",".join(str(a) if a == b else "%d-%d" % (a, b) for a, b in out) or "-"


# ------------------------------------------------------------ XML records

class _Any(str):
    """A value a reader wrote in a form that cannot be compared."""


ANY = _Any("<any>")


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _int(s, base=10):
    if s is None or s == "":
        return None
    try:
        return int(s, base)
    except ValueError:
        return None


def _child(el, name):
    if el is None:
        return None
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _leaves(el, out_vals, out_names):
    kids = list(el)
    if not kids:
        out_vals.append(el.text or "")
        out_names.append(_local(el.tag))
        return
    for k in kids:
        _leaves(k, out_vals, out_names)


def fields_from_xml(root, digits):
    """Fields of one <Event> element (namespaces dropped)."""
    system = _child(root, "System")
    prov = _child(system, "Provider")
    eid = _child(system, "EventID")
    tc = _child(system, "TimeCreated")
    sec = _child(system, "Security")
    kw = _child(system, "Keywords")

    def text(name):
        e = _child(system, name)
        return None if e is None else (e.text or "")

    r = {
        "provider": prov.get("Name") if prov is not None else None,
        "event_id": _int(eid.text) if eid is not None else None,
        "qualifiers": _int(eid.get("Qualifiers")) if eid is not None else None,
        "level": _int(text("Level")),
        "task": _int(text("Task")),
        "keywords": _int(kw.text, 16) if kw is not None and kw.text else None,
        "xml_record_id": _int(text("EventRecordID")),
        "channel": text("Channel"),
        "computer": text("Computer"),
        "user_sid": (sec.get("UserID") or None) if sec is not None else None,
        "time": tc.get("SystemTime") if tc is not None else None,
        "data": [], "data_names": [], "userdata": False,
    }
    ed = _child(root, "EventData")
    ud = _child(root, "UserData")
    if ed is not None:
        for d in ed:
            if _local(d.tag) == "Data":
                # evtxexport writes a string that holds XML unescaped, so it
                # reads as elements: such a value cannot be compared.
                r["data"].append(ANY if len(d) else (d.text or ""))
                r["data_names"].append(d.get("Name"))
    elif ud is not None:
        r["userdata"] = True
        for k in ud:
            _leaves(k, r["data"], r["data_names"])
    return r


PREFIX_RE = re.compile(rb"(</?|\s)[A-Za-z_][\w.-]*:(?=[A-Za-z_])")
XMLNS_RE = re.compile(rb"\sxmlns:[\w.-]+=\"[^\"]*\"")


def _parse_event_xml(b):
    # A CR in a value must survive the parser's end-of-line handling.
    b = b.replace(b"\r", b"&#13;")
    try:
        return ET.fromstring(b)
    except ET.ParseError as e:
        if "unbound prefix" not in str(e):
            raise
    # evtxexport writes UserData elements with prefixes it does not declare
    # (<auth:...>): drop every prefix, compare local names only.
    return ET.fromstring(PREFIX_RE.sub(rb"\1", XMLNS_RE.sub(b"", b)))


# ------------------------------------------------------------- evtxexport

EVENT_RE = re.compile(rb"<Event[ >].*?</Event>", re.S)


def read_evtxexport(path, recover=False):
    """recover: also the records evtxexport recovers (-m all): those of chunks
    whose checksums fail, and of slack space."""
    res = Result("evtxexport")
    t = time.time()
    p = subprocess.run(["evtxexport", "-f", "xml"] + (["-m", "all"] if recover else []) + [path],
                       capture_output=True)
    res.seconds = time.time() - t
    for m in EVENT_RE.finditer(p.stdout):
        try:
            r = fields_from_xml(_parse_event_xml(m.group(0)), 7)
        except ET.ParseError as e:
            res.records.append({"record_id": None, "parse_error": str(e)})
            continue
        r["record_id"] = r["xml_record_id"]
        ts = r["time"]
        if ts:  # 2021-03-31T23:51:45.018767400Z: 9 digits, the last two 0
            m2 = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$", ts)
            if m2:
                r["time"] = m2.group(1) + "." + (m2.group(2) or "").ljust(7, "0")[:7]
        r["time_digits"] = 7
        res.records.append(r)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        res.error = (err[-1] if err else "exit %d" % p.returncode)[:200]
    return res


# ------------------------------------------------------------ python-evtx

STRING_ARRAY_RE = re.compile(r"(?:<string>(.*?)</string>\n)", re.S)


def _split_string_array(vals, names):
    """python-evtx renders an array of strings (0x81) as one value
    "<string>a</string>\\n<string>b</string>\\n"; evtxexport (and Event
    Viewer) write one <Data> per string."""
    out_v, out_n = [], []
    for v, n in zip(vals, names):
        if v.startswith("<string>") and v.endswith("</string>\n") and \
                STRING_ARRAY_RE.sub("", v) == "":
            items = STRING_ARRAY_RE.findall(v)
            out_v += items
            out_n += [n] * len(items)
        else:
            out_v.append(v)
            out_n.append(n)
    return out_v, out_n


def read_pyevtx(path, with_offsets=True):
    """Every record python-evtx can read; a record it cannot render is
    recorded in failed_ids (by its header id) and reading goes on with the
    next record, then the next chunk."""
    sys.path.insert(0, "/usr/lib/python3/dist-packages")
    import Evtx.Evtx as EV
    res = Result("python-evtx")
    t = time.time()
    errors = []
    try:
        with EV.Evtx(path) as ev:
            fh = ev.get_file_header()
            for ch in fh.chunks():
                try:
                    if not ch.check_magic():
                        continue
                    for rec in ch.records():
                        try:
                            rid = rec.record_num()
                        except Exception as e:
                            errors.append(str(e))
                            break
                        try:
                            xml = rec.xml()
                            r = fields_from_xml(_parse_event_xml(xml.encode("utf-8")), 6)
                        except Exception as e:
                            res.failed_ids.add(rid)
                            errors.append("record %d: %s" % (rid, str(e)[:100]))
                            continue
                        r["record_id"] = rid
                        r["offset"] = rec.offset()
                        r["data"], r["data_names"] = _split_string_array(r["data"], r["data_names"])
                        ts = r["time"]  # "2021-03-31 23:51:47.112518"
                        if ts:
                            ts = ts.replace(" ", "T")
                            if "." not in ts:
                                ts += ".000000"
                            r["time"] = ts
                        r["time_digits"] = 6
                        res.records.append(r)
                except Exception as e:
                    errors.append("chunk at %#x: %s" % (ch.offset(), str(e)[:100]))
    except Exception as e:
        errors.append("file: %s" % str(e)[:100])
    res.seconds = time.time() - t
    if errors:
        res.error = "%d error(s), first: %s" % (len(errors), errors[0])
    return res


# ------------------------------------------------------------ our dump

def read_dump(cmd, path):
    res = Result("ours")
    t = time.time()
    argv = shlex.split(cmd) if " " in cmd else [cmd]
    p = subprocess.run(argv + [path], capture_output=True)
    res.seconds = time.time() - t
    for n, line in enumerate(p.stdout.decode("utf-8", "replace").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            res.records.append({"record_id": None, "parse_error": "line %d: %s" % (n, e)})
            continue
        r["time_digits"] = 7
        t7 = r.get("time")
        if t7:
            r["time"] = t7.rstrip("Z")
        res.records.append(r)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        res.error = (err[-1] if err else "exit %d" % p.returncode)[:200]
    return res


def stub(tool, path):
    """Print a reference reader's records in evtx-dump's format."""
    res = read_evtxexport(path) if tool == "evtxexport" else read_pyevtx(path)
    for r in res.records:
        if r.get("record_id") is None:
            continue
        t = r.get("time")
        print(json.dumps({
            "offset": r.get("offset", 0), "record_id": r["record_id"],
            "time": (t.ljust(27, "0")[:27] + "Z") if t else None,
            "provider": r["provider"], "event_id": r["event_id"],
            "qualifiers": r["qualifiers"], "level": r["level"], "channel": r["channel"],
            "computer": r["computer"], "data": r["data"], "data_names": r["data_names"],
        }, ensure_ascii=False))
    if res.error:
        print(res.error, file=sys.stderr)
        return 1
    return 0


# ----------------------------------------------------------- normalising

RESTRICTED = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
GUID_RE = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
HEX_RE = re.compile(r"^0[xX]([0-9a-fA-F]+)$")
TIME_RE = re.compile(r"^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$")


def norm_value(v):
    """A value as all three readers can agree on it (README.md, "Normalising"):
    - characters XML 1.1 restricts (C0 but TAB/LF/CR, DEL, C1 but NEL) are
      dropped: python-evtx drops them;
    - a GUID: upper case, in braces;
    - a hexadecimal number 0x...: its value, 0x + upper case, no leading
      zeros (evtxexport and python-evtx pad to the type's width);
    - a date and time: T between date and time, seconds to 7 digits
      no Z (python-evtx: see values_equal)."""
    if v is None:
        return None
    v = RESTRICTED.sub("", v)
    m = GUID_RE.match(v)
    if m:
        return "{" + m.group(1).upper() + "}"
    m = HEX_RE.match(v)
    if m:
        return "0x%X" % int(m.group(1), 16)
    m = TIME_RE.match(v)
    if m:
        return "%sT%s.%s" % (m.group(1), m.group(2), (m.group(3) or "").ljust(7, "0")[:7])
    return v


def _time_us(t):  # in 100 ns units
    """YYYY-MM-DDTHH:MM:SS.fffffff -> (seconds since 1601, 100 ns)"""
    m = TIME_RE.match(t or "")
    if not m:
        return None
    d = datetime.datetime.strptime(m.group(1) + " " + m.group(2), "%Y-%m-%d %H:%M:%S")
    secs = (d - datetime.datetime(1601, 1, 1)).days * 86400 + d.hour * 3600 + d.minute * 60 + d.second
    frac = (m.group(3) or "").ljust(7, "0")[:7]
    return secs * 10_000_000 + int(frac)


HEXBYTES_RE = re.compile(r"^(?:[0-9a-fA-F]{2})+$")


def values_equal(a, b, ref_is_pyevtx):
    """One data value of ours against a reference reader's (README.md,
    "Normalising")."""
    if isinstance(a, _Any) or isinstance(b, _Any):
        return True
    if a == b:
        return True
    na, nb = norm_value(a), norm_value(b)
    if na == nb:
        return True
    if na.lower() in ("true", "false") and na.lower() == nb.lower():
        return True  # python-evtx writes True/False
    if ref_is_pyevtx:
        # FILETIME values: python-evtx converts through a double.
        ta, tb = TIME_RE.match(a), TIME_RE.match(b)
        if ta and tb:
            if len(ta.group(3) or "") >= 7:
                return pyevtx_time(_time_us(a)) == "%sT%s.%s" % (
                    tb.group(1), tb.group(2), (tb.group(3) or "").ljust(6, "0")[:6])
            return abs(_time_us(na) - _time_us(nb)) <= 20
        # Binary: python-evtx writes base64, the others hexadecimal.
        if HEXBYTES_RE.match(a):
            try:
                return base64.b64decode(b, validate=True) == bytes.fromhex(a)
            except (ValueError, binascii.Error):
                return False
    return False


def pyevtx_time(ft):
    """What python-evtx prints for FILETIME ft (in our ISO form)."""
    try:
        t = datetime.datetime.fromtimestamp(float(ft) * 1e-7 - 11644473600,
                                            datetime.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f")


def compare_record(ours, ref):
    """Differences between our record and a reference reader's: a list of
    'field: ours != ref' strings."""
    diffs = []
    for k in FIELDS:
        a, b = ours.get(k), ref.get(k)
        if k in ("channel", "computer", "provider"):
            a, b = a or None, b or None   # an empty element is no value
        if a != b:
            diffs.append("%s: %r != %r" % (k, a, b))
    # Time to the precision both give.  python-evtx converts a FILETIME
    # through a double to microseconds (Evtx/BinaryParser.py parse_filetime,
    # up to 2 microseconds off): our 100 ns value must convert to its text.
    ta, tb = _time_us(ours.get("time")), _time_us(ref.get("time"))
    if (ta is None) != (tb is None):
        diffs.append("time: %r != %r" % (ours.get("time"), ref.get("time")))
    elif ta is not None:
        if ref.get("time_digits", 7) == 6:
            if pyevtx_time(ta) != ref.get("time"):
                diffs.append("time: %r != %r" % (ours.get("time"), ref.get("time")))
        elif ta != tb:
            diffs.append("time: %r != %r" % (ours.get("time"), ref.get("time")))
    da = list(ours.get("data") or [])
    db = list(ref.get("data") or [])
    py = ref.get("time_digits") == 6
    if py and db == [""] and da == []:
        db = []  # python-evtx renders a <Data> whose value is null as empty
    if len(da) != len(db) or not all(values_equal(x, y, py) for x, y in zip(da, db)):
        for i in range(max(len(da), len(db))):
            x = da[i] if i < len(da) else "<none>"
            y = db[i] if i < len(db) else "<none>"
            if not values_equal(x, y, py):
                diffs.append("data[%d]: %r != %r (%d vs %d values)" % (
                    i, str(x)[:80], str(y)[:80], len(da), len(db)))
                break
    na = list(ours.get("data_names") or [])
    nb = list(ref.get("data_names") or [])
    if ref.get("time_digits") == 6 and nb == [None] and na == []:
        nb = []
    if ref.get("userdata"):
        # UserData: the reference gives leaf element names; ours may give
        # them or null.
        ok = len(na) == len(nb) and all(x is None or x == y for x, y in zip(na, nb))
    else:
        ok = na == nb or (not any(na) and not any(nb) and len(na) == len(nb))
    if not ok:
        diffs.append("data_names: %r != %r" % (na[:6], nb[:6]))
    return diffs


# ----------------------------------------------------------- chunk headers

def chunk_ranges(path):
    """(first id, last id, chunk offset, magic ok) of every chunk; the
    headers are read here, not by a reader under test."""
    out = []
    with open(path, "rb") as f:
        d = f.read()
    if d[:8] != b"ElfFile\0":
        return out
    off = 4096
    while off + 512 <= len(d):
        magic_ok = d[off:off + 8] == b"ElfChnk\0"
        first, last = struct.unpack_from("<QQ", d, off + 24)
        if magic_ok and first <= last and last - first < 65536:
            out.append((first, last, off, True))
        else:
            out.append((None, None, off, False))
        off += 65536
    return out


# ----------------------------------------------------------------- compare

class FileReport:
    def __init__(self, path):
        self.path = path
        self.counts = {}
        self.agree = 0
        self.explained = []   # (record id, why)
        self.differ = []      # (record id, why)
        self.notes = []


def by_id(records):
    d = {}
    for r in records:
        if r.get("record_id") is not None:
            d.setdefault(r["record_id"], []).append(r)
    return d


def compare_file(path, dump_cmd, expected=None):
    rep = FileReport(path)
    ours = read_dump(dump_cmd, path)
    refs = [read_evtxexport(path), read_pyevtx(path)]
    rep.counts = {"ours": len(ours.records)}
    rep.seconds = {"ours": ours.seconds}
    for r in refs:
        rep.counts[r.tool] = len(r.records)
        rep.seconds[r.tool] = r.seconds
        if r.error:
            rep.notes.append("%s: %s" % (r.tool, r.error))
    if ours.error:
        rep.notes.append("ours: %s" % ours.error)
    for r in ours.records:
        if "parse_error" in r:
            rep.differ.append((None, "ours: bad JSON " + r["parse_error"]))
    for ref in refs:
        bad = [r["parse_error"] for r in ref.records if "parse_error" in r]
        if bad:
            rep.notes.append("%s: %d records of unparsable XML (first: %s)" % (
                ref.tool, len(bad), bad[0][:60]))

    # Records are keyed by the id in the record header.  evtxexport gives
    # only <EventRecordID>, which differs in files of selected or forwarded
    # records: python-evtx gives both, so map one to the other.
    py = refs[1]
    xml2hdr = {r["xml_record_id"]: r["record_id"] for r in py.records
               if r.get("xml_record_id") is not None and r["xml_record_id"] != r["record_id"]}
    if xml2hdr:
        for r in refs[0].records:
            if r.get("record_id") in xml2hdr:
                r["record_id"] = xml2hdr[r["record_id"]]
        hdr_ids = {r["record_id"] for r in py.records}
        mapped = 0
        for r in ours.records:
            if r.get("record_id") not in hdr_ids and r.get("record_id") in xml2hdr:
                r["record_id"] = xml2hdr[r["record_id"]]
                mapped += 1
        if mapped:
            rep.notes.append("ours: %d record ids are <EventRecordID>, not the record "
                             "header's" % mapped)
    o = by_id(ours.records)
    rmaps = [by_id(r.records) for r in refs]
    chunks = chunk_ranges(path)
    in_header = set()
    for first, last, _, ok in chunks:
        if ok:
            in_header.update(range(first, last + 1))
    # How far each reference got: ids past the last it read are "not reached"
    # when it stopped with an error.
    reached = []
    for ref in refs:
        ids = [r["record_id"] for r in ref.records if r.get("record_id") is not None]
        reached.append(max(ids) if ids and ref.error else None)

    for rid, lst in o.items():
        if len(lst) > 1:
            rep.notes.append("ours: record id %d %d times" % (rid, len(lst)))

    recovered = None
    all_ids = set(o) | set().union(*[set(m) for m in rmaps])
    for rid in sorted(all_ids):
        mine = o.get(rid, [None])[0]
        theirs = [(refs[i], rmaps[i].get(rid, [None])[0]) for i in range(len(refs))]
        have = [(ref, r) for ref, r in theirs if r is not None]
        if mine is not None and expected is not None and rid in expected:
            d = compare_record(mine, expected[rid])
            if d:
                rep.differ.append((rid, "written: " + "; ".join(d)))
                continue
        if mine is None:
            # Missing from ours: fine only if a reference that read past this
            # point without failing on it does not have it either.
            lacking = [ref.tool for ref, r in theirs if r is None and rid not in ref.failed_ids
                       and (reached[refs.index(ref)] is None or rid < reached[refs.index(ref)])]
            if lacking:
                rep.explained.append((rid, "only %s read it; %s did not" % (
                    "/".join(ref.tool for ref, _ in have), "/".join(lacking))))
            else:
                rep.differ.append((rid, "missing from ours (%s read it)" % "/".join(
                    ref.tool for ref, _ in have)))
            continue
        if not have:
            why = []
            for i, ref in enumerate(refs):
                if rid in ref.failed_ids:
                    why.append("%s failed on it" % ref.tool)
                elif reached[i] is not None and rid > reached[i]:
                    why.append("%s stopped before it" % ref.tool)
            if why and rid in in_header:
                rep.explained.append((rid, "; ".join(why) + "; in a chunk header's range"))
                continue
            if recovered is None:  # evtxexport -m all, read once per file when needed
                recovered = by_id(read_evtxexport(path, recover=True).records)
            again = recovered.get(rid, [None])[0]
            if again is not None and not compare_record(mine, again):
                rep.explained.append((rid, "evtxexport -m all recovers it too, equal (a chunk "
                                           "whose records checksum fails)"))
            elif rid in in_header and expected is None:
                rep.differ.append((rid, "only ours read it (in a chunk header's range, "
                                        "both references read past it)"))
            elif expected is not None and rid in expected:
                rep.explained.append((rid, "; ".join(why) or "matches what was written"))
            else:
                rep.differ.append((rid, "only ours read it, not in any chunk header's range"))
            continue
        results = [(ref.tool, compare_record(mine, r)) for ref, r in have]
        good = [t for t, d in results if not d]
        bad = [(t, d) for t, d in results if d]
        if not bad:
            rep.agree += 1
        elif good:
            # The references disagree with each other: ours must equal one.
            rep.explained.append((rid, "agrees with %s; %s: %s" % (
                "/".join(good), bad[0][0], "; ".join(bad[0][1])[:160])))
        else:
            rep.differ.append((rid, "; ".join("%s: %s" % (t, "; ".join(d)) for t, d in bad)[:300]))

    # Both references failed on the whole file: the chunk headers say which
    # records there are.
    if all(not r.records for r in refs) and in_header:
        missing = sorted(in_header - set(o))
        extra = sorted(set(o) - in_header)
        if missing:
            rep.differ.append((None, "chunk headers list records %s that ours did not read"
                               % ranges(missing)))
        if extra:
            rep.differ.append((None, "ours read records %s outside the chunk headers' ranges"
                               % ranges(extra)))
        if not missing and not extra:
            rep.notes.append("both references failed; ours reads exactly the records the "
                             "chunk headers list (%s)" % ranges(sorted(in_header)))
    return rep


def expected_from_events(events):
    sys.path.insert(0, HERE)
    import write_evtx
    out = {}
    for e in events:
        out[e["record_id"]] = {
            "provider": e["provider"], "event_id": e["event_id"],
            "qualifiers": e.get("qualifiers"), "level": e.get("level", 4),
            "channel": e["channel"], "computer": e["computer"],
            "time": write_evtx._ft_iso(write_evtx.filetime(e["time"])), "time_digits": 7,
            "data": list(e.get("data") or []), "data_names": [None] * len(e.get("data") or []),
        }
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", help="our evtx-dump (a path or a command line)")
    ap.add_argument("--stub", choices=("python-evtx", "evtxexport"))
    ap.add_argument("--sspr", action="store_true",
                    help="also compare on gen_events.py's events, written to a temporary file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list explained records too")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args(argv)
    if a.stub:
        rc = 0
        for f in a.files:
            rc |= stub(a.stub, f)
        return rc
    if not a.dump:
        ap.error("--dump is required")
    jobs = [(f, None) for f in a.files]
    tmp = None
    if a.sspr:
        import tempfile
        sys.path.insert(0, HERE)
        import gen_events
        import write_evtx
        tmp = tempfile.TemporaryDirectory()
        events = gen_events.all_events(1)
        p = os.path.join(tmp.name, "sspr.evtx")
        write_evtx.write_evtx(p, events)
        jobs.append((p, expected_from_events(events)))
        # The same events again, 40 times over, so that they fill several
        # chunks (templates and names are defined again in every chunk).
        many = []
        for k in range(40):
            for e in events:
                e2 = dict(e)
                e2["record_id"] = 100_000 + k * len(events) + e["record_id"]
                e2["time"] = e["time"] + k * 10_000_000_001
                many.append(e2)
        p2 = os.path.join(tmp.name, "sspr-chunks.evtx")
        write_evtx.write_evtx(p2, many)
        jobs.append((p2, expected_from_events(many)))
    if not jobs:
        ap.error("no files")

    head = "%-48s %7s %10s %11s %7s %9s %7s" % (
        "file", "ours", "evtxexport", "python-evtx", "agree", "explained", "differ")
    print(head)
    print("-" * len(head))
    failed = False
    reports = []
    for path, exp in jobs:
        rep = compare_file(path, a.dump, exp)
        reports.append(rep)
        name = os.path.basename(path)
        if len(name) > 48:
            name = name[:22] + "..." + name[-23:]
        print("%-48s %7d %10d %11d %7d %9d %7d" % (
            name, rep.counts["ours"], rep.counts["evtxexport"], rep.counts["python-evtx"],
            rep.agree, len(rep.explained), len(rep.differ)))
        if rep.differ:
            failed = True
    print()
    for rep in reports:
        if not (rep.differ or rep.notes or (a.verbose and rep.explained)):
            continue
        print("%s:" % os.path.basename(rep.path))
        for n in rep.notes:
            print("  note:", n)
        for rid, why in rep.differ[:20]:
            print("  DIFFER record %s: %s" % (rid, why))
        if len(rep.differ) > 20:
            print("  ... %d more" % (len(rep.differ) - 20))
        if a.verbose:
            for rid, why in rep.explained[:20]:
                print("  explained record %s: %s" % (rid, why))
    tot = {k: sum(r.seconds[k] for r in reports) for k in ("ours", "evtxexport", "python-evtx")}
    print("time: ours %.2f s, evtxexport %.2f s, python-evtx %.2f s" % (
        tot["ours"], tot["evtxexport"], tot["python-evtx"]))
    print("FAIL" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
