"""Shared fixtures: the cross-language test vector and the C library's path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def vectors_path() -> Path:
    """tests/vectors/lookup.tsv (or SSPR_ERRORS_VECTORS)."""
    path = Path(os.environ.get("SSPR_ERRORS_VECTORS", ROOT / "tests" / "vectors" / "lookup.tsv"))
    if not path.is_file():
        pytest.skip("no test vector at %s" % path)
    return path
