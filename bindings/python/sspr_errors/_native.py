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

from ._ffi import PROTOTYPES, SCAN_FN, SCANNER_SIZE, Hit, Scanner  # noqa: F401 (re-exported)

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


# The prototypes (and the structures and callback types they use) are
# generated from the table of the C API's functions, gen/api.c: _ffi.py.
# name: (restype, argtypes, version node). Functions that a newer library adds
# are bound only when the loaded library has them (see has()).
_PROTOTYPES = PROTOTYPES

# Added after 1.0.0: bound and used only when the loaded library has them.
_OPTIONAL_PREFIXES = ("sspr_hresult_", "sspr_facility_", "sspr_win32_", "sspr_search", "sspr_scan_")

# Every library of major version 1 has these.
_REQUIRED = [
    name
    for name, (_, _, since) in _PROTOTYPES.items()
    if since == "1.0" and not name.startswith(_OPTIONAL_PREFIXES)
]


def _declare(lib: ctypes.CDLL) -> None:
    missing = [name for name in _REQUIRED if not hasattr(lib, name)]
    if missing:
        raise LibraryNotFoundError(
            "the loaded libsspr-errors lacks %s; it is too old or not libsspr-errors"
            % ", ".join(missing)
        )
    for name, (restype, argtypes, _) in _PROTOTYPES.items():
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
        out = (ctypes.c_void_p * cap)()
        n = call(out, cap)
        if n <= cap:
            return [out[i] for i in range(n)]
        cap = n
