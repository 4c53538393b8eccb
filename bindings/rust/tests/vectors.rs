//! Replays tests/vectors/lookup.tsv, written by the C library: Rust must give
//! the same ids in the same order as C (and Python) for every query.
use std::path::PathBuf;

fn run(function: &str, query: &str) -> Vec<&'static str> {
    let ids = |v: Vec<sspr_errors::Entry>| v.iter().map(|e| e.id()).collect();
    match function {
        "lookup" => ids(sspr_errors::lookup(query)),
        "by_id" => sspr_errors::by_id(query).map(|e| e.id()).into_iter().collect(),
        "by_name" => sspr_errors::by_name(query).map(|e| e.id()).into_iter().collect(),
        "by_code" => {
            let (source, code) = query.rsplit_once(':').expect("by_code query is SOURCE:CODE");
            let source = if source.is_empty() { None } else { Some(source) };
            ids(sspr_errors::by_code(source, code.parse().expect("a u32 code")))
        }
        "by_hresult" => {
            let hex = query.trim_start_matches("0x");
            ids(sspr_errors::by_hresult(u32::from_str_radix(hex, 16).expect("a hex HRESULT")))
        }
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
    let mut checked = 0;
    let mut failures = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{}:{}: expected FUNCTION<TAB>QUERY<TAB>IDS", path.display(), n + 1);
        let got = run(fields[0], fields[1]).join(" ");
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
