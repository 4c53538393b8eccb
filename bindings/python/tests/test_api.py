"""The Python API over the C library: lookups, entries, fields, errors."""

from __future__ import annotations

import dataclasses
import os
import re
import threading
from pathlib import Path

import pytest

import sspr_errors as s
from sspr_errors import AdSync, Entry, Event, HResult, Kind, Severity


def ids(entries):
    return [e.id for e in entries]


def test_lookup_event_code():
    hits = s.lookup("32009")
    assert hits[0].id == "prs-32009"
    assert all(isinstance(e, Entry) for e in hits)
    assert ids(s.lookup("Event ID 32009")) == ids(hits)


def test_lookup_hresult_forms_agree():
    want = ids(s.lookup("0x800700CE"))
    assert want[0] == "adsync-hr-800700ce"
    for form in ("hr=800700CE", "800700ce", "-2147024690", "HR 800700CE"):
        assert ids(s.lookup(form)) == want, form
    assert s.lookup("hr=800700CE")[0].title == s.by_id("adsync-hr-800700ce").title


def test_lookup_message_and_misses():
    assert "prs-32009" in ids(s.lookup("Error getting auth token"))
    assert "prs-32009" in ids(s.lookup("log: Error getting auth token. Help!"))
    assert s.lookup("") == []
    assert s.lookup("no such error anywhere") == []
    assert s.lookup(b"32009")[0].id == "prs-32009"
    with pytest.raises(ValueError):
        s.lookup("320\x0009")


def test_entry_fields():
    e = s.by_id("prs-32009")
    assert e is not None
    assert e.kind is Kind.EVENT and e.kind == "event"
    assert e.severity is Severity.ERROR and str(e.severity) == "error"
    assert (e.source, e.code, e.name) == ("PasswordResetService", 32009, "AuthTokenError")
    assert e.title and e.summary and e.section and e.area == "writeback"
    assert e.messages == ("Error getting auth token",)
    assert isinstance(e.aliases, tuple) and isinstance(e.steps, tuple)
    assert e.order is None
    assert str(e).startswith("prs-32009: ")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.title = "changed"  # type: ignore[misc]


def test_facts():
    limit = s.by_id("adsync-hr-800700ce").fact("max_connector_password_length")
    assert limit is not None and limit.is_number
    assert (limit.value, limit.unit, limit.origin) == (127, "characters", "2017")
    for e in s.entries():
        for f in e.facts:
            assert f.is_number == (f.string is None)
            assert f.supersedes is None or e.fact(f.supersedes) is not None


def test_names_and_aliases():
    e = s.by_name("ADUnknownError")
    assert e is not None and e.name == "ADUnKnownError" and e.code == 33001
    assert "ADUnknownError" in e.aliases
    assert s.by_name("  authtokenerror ").id == "prs-32009"
    assert s.by_name("NoSuchName") is None
    assert s.by_id("PRS-32009").id == "prs-32009"
    assert s.by_id("no-such-id") is None


def test_by_code_and_hresult():
    assert ids(s.by_code(32009, "PasswordResetService"))[0] == "prs-32009"
    assert s.by_code(32009, "ADSync") == []
    assert ids(s.by_code(AdSync.EVENT_6329)) == ids(s.by_code(6329, "adsync"))
    assert s.by_code(Event.AUTH_TOKEN_ERROR)[0].id == "prs-32009"
    assert s.by_code(-1) == [] and s.by_code(2**32) == []
    assert ids(s.by_hresult(0x80230619)) == ids(s.by_hresult(-2145188327))
    assert s.by_hresult(0x80230619)[0].id == "adsync-6329-80230619"
    assert s.by_hresult(2**40) == []


def test_every_entry_round_trips():
    all_entries = list(s.entries())
    assert len(all_entries) == s.count() > 0
    assert tuple(e.id for e in all_entries) == s.ENTRY_IDS
    for e in all_entries:
        assert s.by_id(e.id) is e
        assert e in s.lookup(e.id)
        if e.name:
            assert s.by_name(e.name) is not None
        if e.code is not None:
            assert e in s.by_code(e.code, e.source)
        for hr in e.hresults:
            assert e in s.by_hresult(hr)
        for p in e.procedures:
            assert s.by_id(p).kind is Kind.PROCEDURE
        for r in e.related:
            assert s.by_id(r) is not None
        assert (e.order is not None) <= (e.kind is Kind.PROCEDURE)


def test_versions():
    assert s.version().split(".")[0] == "1"
    assert s.catalog_version() == s.CATALOG_VERSION
    project = os.environ.get("SSPR_ERRORS_PROJECT_VERSION")
    if project:
        assert s.version() == project
        assert s.__version__ == project
        pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
        assert re.search(r'^version = "([^"]+)"$', pyproject, re.M).group(1) == project


def test_threads_agree():
    want = {q: ids(s.lookup(q)) for q in ("32009", "hr=800700CE", "ADSync:6329", "")}
    errors = []

    def work():
        for _ in range(50):
            for q, expected in want.items():
                if ids(s.lookup(q)) != expected:
                    errors.append(q)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_describe_hresult():
    if not s._native.has("sspr_hresult_facility"):
        pytest.skip("library without HRESULT decoding")
    info = s.describe_hresult("hr=800700CE")
    assert info is not None
    assert (info.value, info.is_error, info.facility, info.code) == (0x800700CE, True, 7, 206)
    assert info.facility_name == "FACILITY_WIN32"
    assert info.win32_name == "ERROR_FILENAME_EXCED_RANGE"
    assert s.describe_hresult(HResult.HR_80230619).facility == 35
    assert s.describe_hresult("not an hresult") is None
    assert s.parse_hresult("-2145188327") == 0x80230619


def test_search():
    if not s._native.has("sspr_search"):
        pytest.skip("library without search")
    hits = s.search("the text message with the code never arrives")
    assert 0 < len(hits) <= 5
    score, entry = hits[0]
    assert isinstance(entry, Entry) and score > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert s.search("prs-32009", limit=1)[0].entry.id == "prs-32009"
    assert s.search("") == [] and s.search("the of and") == []
    assert s.search("license", limit=0) == []
    everything = s.search("password", limit=None)
    assert len(everything) > 5
    assert [h.entry for h in everything[:5]] == [h.entry for h in s.search("password")]


def test_scan_sources_agree(tmp_path):
    if not s._native.has("sspr_scan_init"):
        pytest.skip("library without the scanner")
    text = (
        "Error getting auth token\n"
        "nothing here\n"
        "the server logs 0x80230619 and hr=800700CE\n"
    )
    want = [(m.line, m.entry.id) for m in s.scan(text.encode())]
    assert want[0] == (1, "prs-32009")
    assert (3, "adsync-hr-800700ce") in want
    path = tmp_path / "events.txt"
    path.write_text(text, encoding="utf-8")
    sources = [
        text,
        path,
        open(path, "rb"),
        open(path, "r", encoding="utf-8"),
        iter(text.encode().splitlines(keepends=True)),
        [text[:7], text[7:].encode()],
    ]
    for source in sources:
        got = [(m.line, m.entry.id) for m in s.scan(source, chunk_size=5)]
        assert got == want, source
        if hasattr(source, "close"):
            source.close()
    assert list(s.scan(b"")) == [] and list(s.scan("no events at all")) == []


def test_scanner_is_reusable():
    if not s._native.has("sspr_scan_init"):
        pytest.skip("library without the scanner")
    scanner = s.Scanner()
    first = scanner.feed("Error getting auth token") + scanner.finish()
    again = scanner.feed(b"Error getting auth token") + scanner.finish()
    assert [m.entry.id for m in first] == [m.entry.id for m in again] == ["prs-32009"]
    assert first[0].line == 1
