#!/usr/bin/env python3
"""cargo_test.py CARGO MANIFEST TARGET_DIR: runs `cargo test --offline` on the Rust
bindings; exits 77 (skipped) when CARGO is empty, i.e. cargo is not installed.
The environment (SSPR_ERRORS_LIB_DIR, ...) comes from meson."""
import os
import subprocess
import sys


def main() -> int:
    cargo, manifest, target_dir = sys.argv[1:4]
    if not cargo:
        print("cargo not found: skipping the Rust bindings' tests")
        return 77
    cmd = [cargo, "test", "--offline", "--manifest-path", manifest, "--target-dir", target_dir]
    # meson points LD_LIBRARY_PATH at the build tree; drop it so that the tests
    # prove the rpath that build.rs sets.
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.call(cmd, env=env)


if __name__ == "__main__":
    sys.exit(main())
