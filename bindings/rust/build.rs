//! Finds libsspr-errors and tells rustc how to link it.
//!
//! Where: `SSPR_ERRORS_LIB_DIR` (a folder holding `libsspr-errors.so`), else the
//! meson build tree of this repository (`../../build/src/lib`), else the
//! system's library path. For a folder, the test and example binaries also get
//! it as their run-time path (rpath), so `cargo test` needs no
//! `LD_LIBRARY_PATH`; crates that depend on this one can read the folder from
//! their own build script as `DEP_SSPR_ERRORS_LIB_DIR`.
use std::env;
use std::path::{Path, PathBuf};

fn has_library(dir: &Path) -> bool {
    ["libsspr-errors.so", "libsspr-errors.dylib", "sspr-errors.lib"]
        .iter()
        .any(|name| dir.join(name).exists())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SSPR_ERRORS_LIB_DIR");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let dir = match env::var_os("SSPR_ERRORS_LIB_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if !has_library(&dir) {
                println!(
                    "cargo:warning=SSPR_ERRORS_LIB_DIR={} holds no libsspr-errors shared library",
                    dir.display()
                );
            }
            Some(dir)
        }
        None => {
            let tree = manifest.join("../../build/src/lib");
            if has_library(&tree) {
                Some(tree)
            } else {
                None
            }
        }
    };
    if let Some(dir) = dir {
        let dir = dir.canonicalize().unwrap_or(dir);
        println!("cargo:rustc-link-search=native={}", dir.display());
        if env::var("CARGO_CFG_TARGET_OS").map_or(false, |os| os != "windows") {
            println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.display());
        }
        println!("cargo:lib_dir={}", dir.display());
    }
    println!("cargo:rustc-link-lib=dylib=sspr-errors");
}
