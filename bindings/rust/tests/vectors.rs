//! Replays tests/vectors/lookup.tsv, written by the C library: Rust must give
//! the same ids in the same order as C (and Python) for every query.
use std::path::{Path, PathBuf};

use sspr_errors::{Entry, ScanMatch, Scanner};

fn ids(entries: Vec<Entry>) -> Vec<String> {
    entries.iter().map(|e| e.id().to_string()).collect()
}

fn scanned(found: Vec<ScanMatch>) -> Vec<String> {
    found.iter().map(|m| format!("{}:{}", m.line, m.entry.id())).collect()
}

/// Scans the input whole, one byte at a time and through a reader: all three
/// must agree.
fn scan_file(path: &Path) -> Vec<String> {
    let data = std::fs::read(path).expect("a scan input");
    let whole = scanned(sspr_errors::scan(&data));
    let mut scanner = Scanner::new();
    let mut bytewise = Vec::new();
    for b in &data {
        bytewise.extend(scanner.feed(std::slice::from_ref(b)));
    }
    bytewise.extend(scanner.finish());
    assert_eq!(scanned(bytewise), whole, "{} fed one byte at a time", path.display());
    let file = std::fs::File::open(path).expect("a scan input");
    assert_eq!(scanned(sspr_errors::scan_reader(file).unwrap()), whole);
    whole
}

fn run(function: &str, query: &str, base: &Path) -> Vec<String> {
    match function {
        "lookup" => ids(sspr_errors::lookup(query)),
        "by_id" => ids(sspr_errors::by_id(query).into_iter().collect()),
        "by_name" => ids(sspr_errors::by_name(query).into_iter().collect()),
        "by_code" => {
            let (source, code) = query.rsplit_once(':').expect("SOURCE:CODE");
            let source = if source.is_empty() { None } else { Some(source) };
            ids(sspr_errors::by_code(source, code.parse().expect("a u32 code")))
        }
        "by_hresult" => {
            let hex = query.trim_start_matches("0x");
            ids(sspr_errors::by_hresult(u32::from_str_radix(hex, 16).expect("hex")))
        }
        "search" => ids(sspr_errors::search(query, 5).iter().map(|h| h.entry).collect()),
        "scan" => scan_file(&base.join(query)),
        _ => panic!("unknown function {:?}", function),
    }
}

#[test]
fn vectors() {
    let path = match std::env::var_os("SSPR_ERRORS_VECTORS") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/lookup.tsv"),
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("skipped: no test vector at {}: {}", path.display(), err);
            return;
        }
    };
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    let mut checked = 0;
    let mut failures = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            fields.len(),
            3,
            "{}:{}: want FUNCTION<TAB>QUERY<TAB>IDS",
            path.display(),
            n + 1
        );
        let got = run(fields[0], fields[1], base).join(" ");
        if got != fields[2] {
            failures.push(format!(
                "{}:{}: {}({:?}) gave [{}], want [{}]",
                path.display(),
                n + 1,
                fields[0],
                fields[1],
                got,
                fields[2]
            ));
        }
        checked += 1;
    }
    assert!(checked > 100, "only {} vectors", checked);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
