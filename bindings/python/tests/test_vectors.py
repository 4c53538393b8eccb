"""Replays tests/vectors/lookup.tsv, written by the C library: Python must give
the same ids in the same order as C (and Rust) for every query."""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

import sspr_errors as s


def read_vectors(path: Path) -> List[Tuple[int, str, str, str]]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        function, query, want = line.split("\t")
        rows.append((lineno, function, query, want))
    return rows


def run(function: str, query: str, base: Path = Path(".")) -> List[str]:
    if function == "lookup":
        return [e.id for e in s.lookup(query)]
    if function in ("by_id", "by_name"):
        e = s.by_id(query) if function == "by_id" else s.by_name(query)
        return [e.id] if e else []
    if function == "by_code":
        source, _, code = query.rpartition(":")
        return [e.id for e in s.by_code(int(code), source or None)]
    if function == "by_hresult":
        return [e.id for e in s.by_hresult(int(query, 16))]
    if function == "search":
        return [hit.entry.id for hit in s.search(query, limit=5)]
    if function == "scan":
        data = (base / query).read_bytes()
        got = ["%d:%s" % (m.line, m.entry.id) for m in s.scan(data)]
        one_byte_chunks = (data[i:i + 1] for i in range(len(data)))
        assert ["%d:%s" % (m.line, m.entry.id) for m in s.scan(one_byte_chunks)] == got
        return got
    raise AssertionError("unknown function %r" % function)


def test_vectors(vectors_path):
    rows = read_vectors(vectors_path)
    assert len(rows) > 100
    failures = []
    for lineno, function, query, want in rows:
        got = " ".join(run(function, query, vectors_path.parent))
        if got != want:
            failures.append("%s:%d: %s(%r) gave [%s], want [%s]" % (
                vectors_path, lineno, function, query, got, want))
    assert failures == []
