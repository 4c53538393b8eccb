#!/usr/bin/env python3
"""check_naming.py SSPR_GEN CASE_DIR: the binding emitters write exactly
CASE_DIR/expected.py and expected.rs for CASE_DIR/catalog.json, and the Python
one behaves as documented (aliases are enum aliases)."""
import difflib
import runpy
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    gen, case = sys.argv[1], Path(sys.argv[2])
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for emit, name in (("python-codes", "expected.py"), ("rust-codes", "expected.rs")):
            out = Path(tmp) / name
            subprocess.run([gen, "--emit", emit, "--output", str(out), str(case / "catalog.json")],
                           check=True)
            want = (case / name).read_text(encoding="utf-8")
            got = out.read_text(encoding="utf-8")
            if got != want:
                sys.stderr.writelines(difflib.unified_diff(
                    want.splitlines(True), got.splitlines(True), str(case / name), "sspr-gen"))
                bad = 1
    codes = runpy.run_path(str(case / "expected.py"))
    event = codes["Event"]
    checks = [
        event.AD_MULTI_MATCH_ERROR is event.AD_MUTLI_MATCH_ERROR,
        event.SECOND_NAME is event.AD_MUTLI_MATCH_ERROR,
        event(101).name == "AD_MUTLI_MATCH_ERROR_101",
        event(103).name == "EVENT_103" and event.E_404_PAGE == 103,
        [m.name for m in codes["AdSync"]] == ["EVENT_7"],
        "Sspr" not in codes,
        codes["SOURCES"] == {event: "PasswordResetService", codes["AdSync"]: "ADSync"},
    ]
    if not all(checks):
        print("expected.py does not behave as documented: %s" % checks, file=sys.stderr)
        bad = 1
    print("naming: %s" % ("FAILED" if bad else "ok"))
    return bad


if __name__ == "__main__":
    sys.exit(main())
