"""The generated constants (_codes.py) agree with the library's catalogue."""

from __future__ import annotations

import enum
import re

import sspr_errors as s
from sspr_errors import AdSync, Event, HResult


def upper_snake(name: str) -> str:
    """The generator's naming rule, restated."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    ident = "_".join(w for w in re.split(r"[^A-Za-z0-9]+", words) if w).upper()
    return "E_" + ident if ident[:1].isdigit() else ident


def test_documented_examples():
    assert Event.AUTH_TOKEN_ERROR == 32009
    assert Event.AD_MUTLI_MATCH_ERROR == 33003
    assert Event.AD_MULTI_MATCH_ERROR is Event.AD_MUTLI_MATCH_ERROR  # alias
    assert Event(33001).name == "AD_UN_KNOWN_ERROR"
    assert AdSync.EVENT_6329 == 6329 and AdSync.EVENT_6800 == 6800
    assert HResult.HR_800700CE == 0x800700CE
    assert s.SOURCES[Event] == "PasswordResetService"
    assert s.SOURCES[AdSync] == "ADSync"


def test_every_code_has_a_member():
    for e in s.entries():
        if e.code is None or e.source is None:
            continue
        enum_type = next(t for t, src in s.SOURCES.items() if src == e.source)
        member = enum_type(e.code)
        if e.name:
            assert upper_snake(e.name) in enum_type.__members__
        assert e in s.by_code(member)


def test_every_member_has_entries():
    for enum_type in s.SOURCES:
        assert issubclass(enum_type, enum.IntEnum)
        for name, member in enum_type.__members__.items():
            assert s.by_code(member), name
    for member in HResult:
        assert s.by_hresult(member), member.name
    assert set(HResult) == {HResult(h) for e in s.entries() for h in e.hresults}
