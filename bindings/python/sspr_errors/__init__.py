"""Microsoft SSPR and Password Writeback errors, from libsspr-errors.

A thin ctypes layer over the C library: every lookup runs in C, so this
package answers exactly what the library and the ``sspr-errors`` tool answer.
Entries come back as frozen dataclasses::

    >>> import sspr_errors
    >>> [e.id for e in sspr_errors.lookup("Event ID 32009")][:1]
    ['prs-32009']

The shared library is found through ``SSPR_ERRORS_LIBRARY`` (a full path), a
meson build tree next to the bindings, or the system (see ``_native``).
"""

from __future__ import annotations

import ctypes
import enum
import os
from dataclasses import dataclass
from typing import IO, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import _native
# Re-exported: the generated constants (the code enums present in the
# catalogue, HResult, ENTRY_IDS, ...) and the loader's exception.
from ._codes import *  # noqa: F401,F403
from ._codes import ENTRY_IDS, SOURCES, HResult  # noqa: F401
from ._codes import __all__ as _codes_all
from ._native import LibraryNotFoundError  # noqa: F401

__version__ = "1.1.0"

__all__ = [
    "Entry",
    "Fact",
    "Mention",
    "Kind",
    "Severity",
    "Hit",
    "HResultInfo",
    "LibraryNotFoundError",
    "lookup",
    "by_id",
    "by_name",
    "by_code",
    "by_hresult",
    "search",
    "scan",
    "Scanner",
    "ScanMatch",
    "entries",
    "count",
    "parse_hresult",
    "describe_hresult",
    "version",
    "catalog_version",
] + list(_codes_all)


class Kind(str, enum.Enum):
    """What an entry is; compares equal to its lower-case name."""

    EVENT = "event"
    SYMPTOM = "symptom"
    PROCEDURE = "procedure"
    CHECKLIST = "checklist"
    AUDIT = "audit"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    """How bad an entry is; compares equal to its lower-case name."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Fact:
    """A value the documentation states (a limit, a port, a delay, a format)."""

    key: str
    text: str
    unit: Optional[str]
    #: Numbers: the value, or the ends of a range (min == max for one number).
    min: Optional[float]
    max: Optional[float]
    #: String facts: the literal value; None for numbers.
    string: Optional[str]
    origin: str
    #: Key of the older fact of the same entry that this one replaces, or None.
    supersedes: Optional[str]

    @property
    def is_number(self) -> bool:
        """True for a number or a range, False for a string."""
        return self.string is None

    @property
    def value(self) -> Union[float, Tuple[float, float], str]:
        """The number, the (min, max) range, or the string."""
        if self.string is not None:
            return self.string
        assert self.min is not None and self.max is not None
        return self.min if self.min == self.max else (self.min, self.max)


@dataclass(frozen=True)
class Mention:
    """A code or HRESULT an entry quotes without being that event."""

    source: Optional[str]
    code: Optional[int]
    hresult: Optional[int]


@dataclass(frozen=True, repr=False)
class Entry:
    """One catalogue entry: an event, a symptom, a procedure or a checklist.

    Lists are tuples; ``procedures`` and ``related`` hold entry ids (resolve them
    with :func:`by_id`).
    """

    id: str
    kind: Kind
    source: Optional[str]
    code: Optional[int]
    name: Optional[str]
    aliases: Tuple[str, ...]
    hresults: Tuple[int, ...]
    severity: Severity
    area: str
    title: str
    summary: str
    messages: Tuple[str, ...]
    causes: Tuple[str, ...]
    steps: Tuple[str, ...]
    procedures: Tuple[str, ...]
    related: Tuple[str, ...]
    mentions: Tuple[Mention, ...]
    facts: Tuple[Fact, ...]
    #: Procedures: position in the recovery sequence (1 = first); None otherwise.
    order: Optional[int]
    section: str
    origin: str

    def fact(self, key: str) -> Optional[Fact]:
        """The entry's fact with this key, or None."""
        for f in self.facts:
            if f.key == key:
                return f
        return None

    def __str__(self) -> str:
        return "%s: %s" % (self.id, self.title)

    def __repr__(self) -> str:
        return "<Entry %s: %s>" % (self.id, self.title)


# ---- reading entries out of the library -------------------------------------


def _text(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8")


def _str(b: Optional[bytes]) -> str:
    return "" if b is None else b.decode("utf-8")


def _strings(lib: ctypes.CDLL, what: str, e: int) -> Tuple[str, ...]:
    count = getattr(lib, "sspr_entry_%s_count" % what)
    item = getattr(lib, "sspr_entry_%s" % what)
    return tuple(_str(item(e, i)) for i in range(count(e)))


def _read_fact(lib: ctypes.CDLL, f: int) -> Fact:
    number = bool(lib.sspr_fact_is_number(f))
    older = lib.sspr_fact_supersedes(f)
    return Fact(
        key=_str(lib.sspr_fact_key(f)),
        text=_str(lib.sspr_fact_text(f)),
        unit=_text(lib.sspr_fact_unit(f)),
        min=lib.sspr_fact_min(f) if number else None,
        max=lib.sspr_fact_max(f) if number else None,
        string=None if number else _str(lib.sspr_fact_string(f)),
        origin=_str(lib.sspr_fact_origin(f)),
        supersedes=_text(lib.sspr_fact_key(older)) if older else None,
    )


def _read_mention(lib: ctypes.CDLL, e: int, i: int) -> Mention:
    source = ctypes.c_char_p()
    code = ctypes.c_int64()
    hresult = ctypes.c_uint32()
    lib.sspr_entry_mention(e, i, ctypes.byref(source), ctypes.byref(code), ctypes.byref(hresult))
    return Mention(
        source=_text(source.value),
        code=code.value if code.value >= 0 else None,
        hresult=hresult.value or None,
    )


def _read_entry(lib: ctypes.CDLL, e: int) -> Entry:
    code = lib.sspr_entry_code(e)
    order = lib.sspr_entry_order(e)
    return Entry(
        id=_str(lib.sspr_entry_id(e)),
        kind=Kind(_str(lib.sspr_kind_name(lib.sspr_entry_kind(e)))),
        source=_text(lib.sspr_entry_source(e)),
        code=code if code >= 0 else None,
        name=_text(lib.sspr_entry_name(e)),
        aliases=_strings(lib, "alias", e),
        hresults=tuple(
            lib.sspr_entry_hresult(e, i) for i in range(lib.sspr_entry_hresult_count(e))
        ),
        severity=Severity(_str(lib.sspr_severity_name(lib.sspr_entry_severity(e)))),
        area=_str(lib.sspr_entry_area(e)),
        title=_str(lib.sspr_entry_title(e)),
        summary=_str(lib.sspr_entry_summary(e)),
        messages=_strings(lib, "message", e),
        causes=_strings(lib, "cause", e),
        steps=_strings(lib, "step", e),
        procedures=tuple(
            _str(lib.sspr_entry_id(lib.sspr_entry_procedure(e, i)))
            for i in range(lib.sspr_entry_procedure_count(e))
        ),
        related=tuple(
            _str(lib.sspr_entry_id(lib.sspr_entry_related(e, i)))
            for i in range(lib.sspr_entry_related_count(e))
        ),
        mentions=tuple(_read_mention(lib, e, i) for i in range(lib.sspr_entry_mention_count(e))),
        facts=tuple(
            _read_fact(lib, lib.sspr_entry_fact(e, i)) for i in range(lib.sspr_entry_fact_count(e))
        ),
        order=order or None,
        section=_str(lib.sspr_entry_section(e)),
        origin=_str(lib.sspr_entry_origin(e)),
    )


# Every entry, read once: the library's data is const, so the objects can be shared.
_cache: Optional[Tuple[Tuple[Entry, ...], Dict[int, Entry]]] = None


def _catalogue() -> Tuple[Tuple[Entry, ...], Dict[int, Entry]]:
    global _cache
    if _cache is None:
        lib = _native.lib()
        addresses = [lib.sspr_at(i) for i in range(lib.sspr_count())]
        all_entries = tuple(_read_entry(lib, a) for a in addresses)
        _cache = (all_entries, dict(zip(addresses, all_entries)))
    return _cache


def _entry_at(address: Optional[int]) -> Optional[Entry]:
    return None if not address else _catalogue()[1][address]


def _entries_at(addresses: List[int]) -> List[Entry]:
    by_address = _catalogue()[1]
    return [by_address[a] for a in addresses]


def _c_text(text: Union[str, bytes]) -> bytes:
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    if b"\0" in data:
        raise ValueError("embedded NUL character in the query")
    return data


def _u32(value: int) -> Optional[int]:
    value = int(value)
    return value if 0 <= value <= 0xFFFFFFFF else None


def _require(name: str) -> ctypes.CDLL:
    lib = _native.lib()
    if not hasattr(lib, name):
        raise NotImplementedError(
            "the loaded libsspr-errors %s has no %s()" % (version(), name)
        )
    return lib


# ---- the API ------------------------------------------------------------------


def version() -> str:
    """The C library's version, e.g. ``"1.0.0"``."""
    return _str(_native.lib().sspr_version())


def catalog_version() -> str:
    """The version of the catalogue compiled into the library."""
    return _str(_native.lib().sspr_catalog_version())


def count() -> int:
    """The number of entries in the catalogue."""
    return len(_catalogue()[0])


def entries() -> Iterator[Entry]:
    """Every entry, in catalogue order."""
    return iter(_catalogue()[0])


def lookup(query: Union[str, bytes]) -> List[Entry]:
    """Everything that matches what a person pasted, best match first.

    Understands event codes (``"32009"``, ``"Event ID 32009"``,
    ``"ADSync:6329"``), HRESULTs (``"0x80230619"``, ``"hr=800700CE"``,
    ``"-2145188327"``), ids, names and aliases in any case, and literal messages,
    whole or inside a longer text. Empty list when nothing matches.
    """
    q = _c_text(query)
    lib = _native.lib()
    return _entries_at(_native.collect(lambda out, cap: lib.sspr_lookup(q, out, cap)))


def by_id(entry_id: str) -> Optional[Entry]:
    """The entry with this id (any case), or None."""
    return _entry_at(_native.lib().sspr_by_id(_c_text(entry_id)))


def by_name(name: str) -> Optional[Entry]:
    """The entry with this name or alias (any case, white space folded), or None."""
    return _entry_at(_native.lib().sspr_by_name(_c_text(name)))


def by_code(code: int, source: Optional[str] = None) -> List[Entry]:
    """Entries with this event code, the entries that are that event first.

    ``source`` limits the match to one event source (``"PasswordResetService"``,
    ``"ADSync"``, ``"SSPR"``; any case). A member of a code enum brings its own
    source: ``by_code(AdSync.EVENT_6329)`` looks in ADSync only.
    """
    if source is None:
        source = SOURCES.get(type(code))
    value = _u32(code)
    if value is None:
        return []
    src = None if source is None else _c_text(source)
    lib = _native.lib()
    return _entries_at(_native.collect(lambda out, cap: lib.sspr_by_code(src, value, out, cap)))


def by_hresult(hresult: int) -> List[Entry]:
    """Entries with this HRESULT (``0x80230619``; the signed form
    ``-2145188327`` is accepted too), the entries that are it first."""
    value = int(hresult)
    if -0x80000000 <= value < 0:
        value &= 0xFFFFFFFF
    if _u32(value) is None:
        return []
    lib = _native.lib()
    return _entries_at(_native.collect(lambda out, cap: lib.sspr_by_hresult(value, out, cap)))


# ---- ranked free-text search (libsspr-errors 1.1 and later) --------------------


class Hit(NamedTuple):
    """One answer of :func:`search`: a (score, entry) pair."""

    #: Higher is better; comparable within one answer only.
    score: float
    entry: Entry


def search(text: Union[str, bytes], limit: Optional[int] = 5) -> List[Hit]:
    """The entries that explain a free text (a ticket, a pasted log line), best
    first, as (score, Entry) pairs: at most ``limit`` of them, or every match
    when ``limit`` is None. Exact ids, names and codes rank first, then entries
    quoting a message of the text, then the rest by BM25 relevance. Empty when
    nothing matches."""
    q = _c_text(text)
    lib = _require("sspr_search")
    cap = lib.sspr_search(q, None, 0) if limit is None else max(0, int(limit))
    if cap == 0:
        return []
    hits = (_native.Hit * cap)()
    n = min(lib.sspr_search(q, hits, cap), cap)
    return [Hit(hits[i].score, _catalogue()[1][hits[i].entry]) for i in range(n)]


# ---- event-log scanner (libsspr-errors 1.1 and later) ---------------------------


class ScanMatch(NamedTuple):
    """An entry that a record of an event log names."""

    #: The record's first line (1-based).
    line: int
    entry: Entry


def _as_bytes(chunk: Union[bytes, bytearray, memoryview, str]) -> bytes:
    return chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk)


class Scanner:
    """A streaming event-log scanner (the C library's sspr_scan_*): feed it an
    export (Event Viewer text, Format-List, wevtutil XML, CSV or free text;
    UTF-8 or UTF-16) in chunks of any size; it reports, record by record, the
    entries each record names. Memory stays constant whatever the input size.
    One scanner is for one thread at a time.
    """

    def __init__(self) -> None:
        self._lib = _require("sspr_scan_init")
        self._state = _native.Scanner()
        found: List[ScanMatch] = []
        by_address = _catalogue()[1]

        def on_match(_ctx: Optional[int], entry: int, line: int) -> None:
            found.append(ScanMatch(line, by_address[entry]))

        self._found = found
        self._callback = _native.SCAN_FN(on_match)  # kept alive as long as the scanner
        self._lib.sspr_scan_init(ctypes.byref(self._state), self._callback, None)

    def _take(self) -> List[ScanMatch]:
        out = list(self._found)
        del self._found[:]
        return out

    def feed(self, data: Union[bytes, bytearray, memoryview, str]) -> List[ScanMatch]:
        """Scans the next bytes of the input (text is encoded as UTF-8); returns
        the matches of the records this completed."""
        chunk = _as_bytes(data)
        if chunk:
            self._lib.sspr_scan_feed(ctypes.byref(self._state), chunk, len(chunk))
        return self._take()

    def finish(self) -> List[ScanMatch]:
        """Ends the input and returns the last record's matches; the scanner is
        then ready for another input."""
        self._lib.sspr_scan_finish(ctypes.byref(self._state))
        return self._take()


ScanSource = Union[
    bytes, bytearray, memoryview, str, "os.PathLike[str]", IO[bytes], IO[str],
    Iterable[Union[bytes, str]],
]


def _chunks(source: ScanSource, chunk_size: int) -> Iterator[Union[bytes, str]]:
    if isinstance(source, (bytes, bytearray, memoryview, str)):
        yield source
    elif isinstance(source, os.PathLike):
        with open(source, "rb") as f:
            yield from _chunks(f, chunk_size)
    elif hasattr(source, "read"):
        read = source.read  # type: ignore[union-attr]
        while True:
            chunk = read(chunk_size)
            if not chunk:
                break
            yield chunk
    else:
        yield from source  # type: ignore[misc]


def scan(source: ScanSource, chunk_size: int = 65536) -> Iterator[ScanMatch]:
    """Scans an exported event log and yields a :class:`ScanMatch` (line,
    entry) for every entry each record names, as records complete.

    ``source`` is the data (bytes, or text encoded as UTF-8), a path
    (``pathlib.Path``), a file object (binary or text, read ``chunk_size`` at a
    time), or an iterable of byte or text chunks (a file opened ``"rb"``, a
    generator, ...). The answer does not depend on how the input is cut.
    """
    scanner = Scanner()
    for chunk in _chunks(source, chunk_size):
        yield from scanner.feed(chunk)
    yield from scanner.finish()


# ---- HRESULT decoding (libsspr-errors 1.1 and later) ---------------------------


@dataclass(frozen=True)
class HResultInfo:
    """What the bits of an HRESULT say, whether or not the catalogue has it."""

    value: int
    #: True when the severity bit (31) is set.
    is_error: bool
    facility: int
    #: winerror.h name of the facility (``"FACILITY_WIN32"``), or None.
    facility_name: Optional[str]
    #: The low 16 bits.
    code: int
    #: For FACILITY_WIN32: the Win32 error's name and message, when known.
    win32_name: Optional[str]
    win32_message: Optional[str]


def parse_hresult(text: Union[str, bytes]) -> Optional[int]:
    """Reads one HRESULT written as ``"0x80070005"``, ``"80070005"``,
    ``"-2147024891"`` or ``"hr=800700CE"``; None when the text is not one."""
    lib = _require("sspr_hresult_parse")
    out = ctypes.c_uint32()
    return out.value if lib.sspr_hresult_parse(_c_text(text), ctypes.byref(out)) else None


def describe_hresult(hresult: Union[int, str]) -> Optional[HResultInfo]:
    """Decodes an HRESULT (a number, or text as :func:`parse_hresult` reads it);
    None for text that is not an HRESULT or a number out of range."""
    lib = _require("sspr_hresult_facility")
    value = parse_hresult(hresult) if isinstance(hresult, (str, bytes)) else int(hresult)
    if value is not None and -0x80000000 <= value < 0:
        value &= 0xFFFFFFFF
    if value is None or _u32(value) is None:
        return None
    facility = lib.sspr_hresult_facility(value)
    code = lib.sspr_hresult_code(value)
    win32 = facility == 7
    message = getattr(lib, "sspr_win32_error_message", None)
    return HResultInfo(
        value=value,
        is_error=bool(lib.sspr_hresult_severity(value)),
        facility=facility,
        facility_name=_text(lib.sspr_facility_name(facility)),
        code=code,
        win32_name=_text(lib.sspr_win32_error_name(code)) if win32 else None,
        win32_message=_text(message(code)) if win32 and message else None,
    )
