"""Finding and loading libsspr-errors, and the C prototypes (ctypes).

The library is searched, in this order:

1. ``SSPR_ERRORS_LIBRARY``: the full path of the shared library (when set, it
   is the only place tried);
2. a meson build tree next to the bindings: ``../../build*/src/lib`` from
   ``bindings/python`` (``build`` first, then the others in name order);
3. the system: ``ctypes.util.find_library("sspr-errors")``, then the SONAME
   ``libsspr-errors.so.1`` through the dynamic loader's own search path.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from pathlib import Path
from typing import Callable, List, Optional, Sequence

#: The library major version (SONAME) these bindings are written for.
ABI_MAJOR = 1

_ENV = "SSPR_ERRORS_LIBRARY"


class LibraryNotFoundError(OSError):
    """libsspr-errors could not be loaded; the message says where it looked."""


def _file_names() -> Sequence[str]:
    if sys.platform == "darwin":
        return ("libsspr-errors.%d.dylib" % ABI_MAJOR, "libsspr-errors.dylib")
    if sys.platform == "win32":
        return ("sspr-errors-%d.dll" % ABI_MAJOR, "sspr-errors.dll", "libsspr-errors.dll")
    return ("libsspr-errors.so.%d" % ABI_MAJOR,)


def _build_tree_candidates() -> List[str]:
    root = Path(__file__).resolve().parent.parent.parent.parent
    dirs = sorted(root.glob("build*"), key=lambda p: (p.name != "build", p.name))
    found = []
    for d in dirs:
        for name in _file_names():
            path = d / "src" / "lib" / name
            if path.is_file():
                found.append(str(path))
    return found


def _system_candidates() -> List[str]:
    found = []
    name = ctypes.util.find_library("sspr-errors")
    if name:
        found.append(name)
    found.extend(_file_names())
    return found


def _open(candidates: Sequence[str], tried: List[str]) -> Optional[ctypes.CDLL]:
    for path in candidates:
        try:
            lib = ctypes.CDLL(path)
        except OSError as exc:
            tried.append("%s (%s)" % (path, exc))
            continue
        if not hasattr(lib, "sspr_lookup"):
            tried.append("%s (not libsspr-errors)" % path)
            continue
        return lib
    return None


def _load() -> ctypes.CDLL:
    tried: List[str] = []
    env = os.environ.get(_ENV)
    if env:
        lib = _open([env], tried)
        if lib is None:
            raise LibraryNotFoundError(
                "%s is set but does not name a loadable libsspr-errors: %s. "
                "Set it to the full path of the shared library, e.g. "
                "%s=/path/to/build/src/lib/libsspr-errors.so.%d"
                % (_ENV, "; ".join(tried), _ENV, ABI_MAJOR)
            )
    else:
        lib = _open(_build_tree_candidates(), tried) or _open(_system_candidates(), tried)
        if lib is None:
            raise LibraryNotFoundError(
                "cannot find the libsspr-errors shared library (tried: %s). "
                "Install it, build it (meson setup build && ninja -C build), or set "
                "%s to its full path, e.g. %s=/path/to/build/src/lib/libsspr-errors.so.%d"
                % ("; ".join(tried) or "nothing", _ENV, _ENV, ABI_MAJOR)
            )
    _declare(lib)
    major = lib.sspr_version().decode("ascii").split(".")[0]
    if major != str(ABI_MAJOR):
        raise LibraryNotFoundError(
            "%s is libsspr-errors %s; these bindings need major version %d"
            % (getattr(lib, "_name", "library"), lib.sspr_version().decode(), ABI_MAJOR)
        )
    return lib


class Hit(ctypes.Structure):
    """struct sspr_hit."""

    _fields_ = [("entry", ctypes.c_void_p), ("score", ctypes.c_double)]


#: SSPR_SCANNER_SIZE: fixed within a major version (the header's ABI promise).
SCANNER_SIZE = 8192


class Scanner(ctypes.Structure):
    """struct sspr_scanner: opaque storage, aligned like the C union."""

    _fields_ = [("opaque", ctypes.c_uint64 * (SCANNER_SIZE // 8))]


#: sspr_scan_fn: void (*)(void *ctx, const sspr_entry *entry, uint64_t line)
SCAN_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint64)

_P = ctypes.c_void_p
_S = ctypes.c_char_p
_Z = ctypes.c_size_t
_U32 = ctypes.c_uint32
_I64 = ctypes.c_int64
_INT = ctypes.c_int
_UINT = ctypes.c_uint

# name: (restype, argtypes). Functions that a newer library adds are bound only
# when the loaded library has them (see has()).
_PROTOTYPES = {
    "sspr_version": (_S, []),
    "sspr_catalog_version": (_S, []),
    "sspr_kind_name": (_S, [_INT]),
    "sspr_severity_name": (_S, [_INT]),
    "sspr_count": (_Z, []),
    "sspr_at": (_P, [_Z]),
    "sspr_by_id": (_P, [_S]),
    "sspr_by_name": (_P, [_S]),
    "sspr_by_code": (_Z, [_S, _U32, _P, _Z]),
    "sspr_by_hresult": (_Z, [_U32, _P, _Z]),
    "sspr_lookup": (_Z, [_S, _P, _Z]),
    "sspr_entry_id": (_S, [_P]),
    "sspr_entry_kind": (_INT, [_P]),
    "sspr_entry_source": (_S, [_P]),
    "sspr_entry_code": (_I64, [_P]),
    "sspr_entry_name": (_S, [_P]),
    "sspr_entry_title": (_S, [_P]),
    "sspr_entry_summary": (_S, [_P]),
    "sspr_entry_severity": (_INT, [_P]),
    "sspr_entry_area": (_S, [_P]),
    "sspr_entry_section": (_S, [_P]),
    "sspr_entry_origin": (_S, [_P]),
    "sspr_entry_order": (_INT, [_P]),
    "sspr_entry_alias_count": (_Z, [_P]),
    "sspr_entry_alias": (_S, [_P, _Z]),
    "sspr_entry_hresult_count": (_Z, [_P]),
    "sspr_entry_hresult": (_U32, [_P, _Z]),
    "sspr_entry_message_count": (_Z, [_P]),
    "sspr_entry_message": (_S, [_P, _Z]),
    "sspr_entry_cause_count": (_Z, [_P]),
    "sspr_entry_cause": (_S, [_P, _Z]),
    "sspr_entry_step_count": (_Z, [_P]),
    "sspr_entry_step": (_S, [_P, _Z]),
    "sspr_entry_procedure_count": (_Z, [_P]),
    "sspr_entry_procedure": (_P, [_P, _Z]),
    "sspr_entry_related_count": (_Z, [_P]),
    "sspr_entry_related": (_P, [_P, _Z]),
    "sspr_entry_mention_count": (_Z, [_P]),
    "sspr_entry_mention": (
        _INT,
        [_P, _Z, ctypes.POINTER(_S), ctypes.POINTER(_I64), ctypes.POINTER(_U32)],
    ),
    "sspr_entry_fact_count": (_Z, [_P]),
    "sspr_entry_fact": (_P, [_P, _Z]),
    "sspr_entry_fact_by_key": (_P, [_P, _S]),
    "sspr_fact_key": (_S, [_P]),
    "sspr_fact_text": (_S, [_P]),
    "sspr_fact_unit": (_S, [_P]),
    "sspr_fact_is_number": (_INT, [_P]),
    "sspr_fact_min": (ctypes.c_double, [_P]),
    "sspr_fact_max": (ctypes.c_double, [_P]),
    "sspr_fact_string": (_S, [_P]),
    "sspr_fact_origin": (_S, [_P]),
    "sspr_fact_supersedes": (_P, [_P]),
    # HRESULT decoding (library 1.1)
    "sspr_hresult_parse": (_INT, [_S, ctypes.POINTER(_U32)]),
    "sspr_hresult_severity": (_UINT, [_U32]),
    "sspr_hresult_facility": (_UINT, [_U32]),
    "sspr_hresult_code": (_UINT, [_U32]),
    "sspr_hresult_from_win32": (_U32, [_U32]),
    "sspr_facility_name": (_S, [_UINT]),
    "sspr_win32_error_name": (_S, [_U32]),
    "sspr_win32_error_message": (_S, [_U32]),
    # Search (library 1.1)
    "sspr_search": (_Z, [_S, ctypes.POINTER(Hit), _Z]),
    # Event-log scanner (library 1.1)
    "sspr_scan_init": (None, [ctypes.POINTER(Scanner), SCAN_FN, _P]),
    "sspr_scan_feed": (None, [ctypes.POINTER(Scanner), ctypes.c_char_p, _Z]),
    "sspr_scan_finish": (None, [ctypes.POINTER(Scanner)]),
}

# Added after 1.0.0: bound and used only when the loaded library has them.
_OPTIONAL_PREFIXES = ("sspr_hresult_", "sspr_facility_", "sspr_win32_", "sspr_search", "sspr_scan_")

# Every library of major version 1 has these.
_REQUIRED = [name for name in _PROTOTYPES if not name.startswith(_OPTIONAL_PREFIXES)]


def _declare(lib: ctypes.CDLL) -> None:
    missing = [name for name in _REQUIRED if not hasattr(lib, name)]
    if missing:
        raise LibraryNotFoundError(
            "the loaded libsspr-errors lacks %s; it is too old or not libsspr-errors"
            % ", ".join(missing)
        )
    for name, (restype, argtypes) in _PROTOTYPES.items():
        if hasattr(lib, name):
            fn = getattr(lib, name)
            fn.restype = restype
            fn.argtypes = argtypes


_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None


def lib() -> ctypes.CDLL:
    """The loaded library, loaded on first use (raises LibraryNotFoundError)."""
    global _lib
    if _lib is None:
        with _lock:
            if _lib is None:
                _lib = _load()
    return _lib


def has(name: str) -> bool:
    """Whether the loaded library exports the C function ``name``."""
    return hasattr(lib(), name)


def collect(call: Callable[[Optional[ctypes.Array], int], int]) -> List[int]:
    """Runs a counted C query ``call(out, cap) -> n`` until every match fits;
    returns the entry addresses, in order."""
    cap = 16
    while True:
        out = (_P * cap)()
        n = call(out, cap)
        if n <= cap:
            return [out[i] for i in range(n)]
        cap = n
