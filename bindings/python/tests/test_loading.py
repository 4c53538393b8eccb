"""Finding the shared library, and the error when it cannot be found."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sspr_errors"
PROBE = "import sspr_errors; print(sspr_errors.lookup('32009')[0].id)"


def run_python(code: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=str(cwd), env=env,
                          capture_output=True, text=True, timeout=60)


def clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("SSPR_ERRORS_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def copy_package(root: Path) -> Path:
    dest = root / "bindings" / "python"
    shutil.copytree(str(PACKAGE), str(dest / "sspr_errors"))
    return dest


def test_bad_env_path_says_how_to_fix(tmp_path):
    pkg = copy_package(tmp_path)
    env = clean_env()
    env["SSPR_ERRORS_LIBRARY"] = str(tmp_path / "nowhere" / "libsspr-errors.so.1")
    r = run_python(PROBE, pkg, env)
    assert r.returncode != 0
    assert "LibraryNotFoundError" in r.stderr
    assert "SSPR_ERRORS_LIBRARY" in r.stderr and "full path" in r.stderr


def test_found_in_the_meson_build_tree(tmp_path):
    built = os.environ.get("SSPR_ERRORS_LIBRARY")
    if not built:
        import pytest

        pytest.skip("SSPR_ERRORS_LIBRARY not set")
    pkg = copy_package(tmp_path)
    lib_dir = tmp_path / "build-x" / "src" / "lib"
    lib_dir.mkdir(parents=True)
    shutil.copy(built, str(lib_dir / "libsspr-errors.so.1"))
    r = run_python(PROBE + "; import sspr_errors._native as n; print(n.lib()._name)", pkg,
                   clean_env())
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["prs-32009", str(lib_dir / "libsspr-errors.so.1")]


def test_constants_need_no_library(tmp_path):
    pkg = copy_package(tmp_path)
    env = clean_env()
    env["SSPR_ERRORS_LIBRARY"] = str(tmp_path / "missing.so")
    r = run_python("import sspr_errors as s; print(int(s.Event.AUTH_TOKEN_ERROR))", pkg, env)
    assert (r.returncode, r.stdout.strip()) == (0, "32009"), r.stderr


def test_typed_package():
    assert (PACKAGE / "py.typed").is_file()
