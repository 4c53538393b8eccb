//! The safe API over the C library: lookups, entries, fields, constants.
use std::collections::HashSet;

use sspr_errors::*;

fn ids(entries: &[Entry]) -> Vec<&'static str> {
    entries.iter().map(|e| e.id()).collect()
}

#[test]
fn lookup_event_code() {
    let hits = lookup("32009");
    assert_eq!(hits[0].id(), "prs-32009");
    assert_eq!(ids(&lookup("Event ID 32009")), ids(&hits));
}

#[test]
fn lookup_hresult_forms_agree() {
    let want = ids(&lookup("0x800700CE"));
    assert_eq!(want[0], "adsync-hr-800700ce");
    for form in ["hr=800700CE", "800700ce", "-2147024690", "HR 800700CE"] {
        assert_eq!(ids(&lookup(form)), want, "{}", form);
    }
    assert_eq!(lookup("hr=800700CE")[0].title(), by_id("adsync-hr-800700ce").unwrap().title());
}

#[test]
fn lookup_messages_and_misses() {
    assert!(ids(&lookup("Error getting auth token")).contains(&"prs-32009"));
    assert!(ids(&lookup("log: Error getting auth token. Help!")).contains(&"prs-32009"));
    assert!(lookup("").is_empty());
    assert!(lookup("no such error anywhere").is_empty());
    assert!(lookup("320\u{0}09").is_empty());
}

#[test]
fn entry_fields() {
    let e = by_id("prs-32009").unwrap();
    assert_eq!(e.kind(), Kind::Event);
    assert_eq!(e.kind().name(), "event");
    assert_eq!(e.severity(), Severity::Error);
    assert_eq!(e.severity().to_string(), "error");
    assert_eq!(
        (e.source(), e.code(), e.name()),
        (Some("PasswordResetService"), Some(32009), Some("AuthTokenError"))
    );
    assert!(!e.title().is_empty() && !e.summary().is_empty() && !e.section().is_empty());
    assert_eq!(e.area(), "writeback");
    assert_eq!(e.messages().collect::<Vec<_>>(), ["Error getting auth token"]);
    assert_eq!(e.order(), None);
    assert!(e.to_string().starts_with("prs-32009: "));
    assert_eq!(e.steps().len(), e.steps().count());
    assert_eq!(e.steps().rev().nth(e.steps().len() - 1), e.steps().next());
    assert!(format!("{:?}", e).starts_with("Entry { id: \"prs-32009\""));
}

#[test]
fn facts() {
    let limit = by_id("adsync-hr-800700ce").unwrap().fact("max_connector_password_length").unwrap();
    assert_eq!(limit.value(), FactValue::Number(127.0));
    assert_eq!((limit.unit(), limit.origin()), (Some("characters"), "2017"));
    for e in entries() {
        for f in e.facts() {
            assert_eq!(e.fact(f.key()), Some(f));
            if let Some(old) = f.supersedes() {
                assert!(e.facts().any(|g| g == old));
            }
        }
    }
}

#[test]
fn names_and_aliases() {
    let e = by_name("ADUnknownError").unwrap();
    assert_eq!((e.name(), e.code()), (Some("ADUnKnownError"), Some(33001)));
    assert!(e.aliases().any(|a| a == "ADUnknownError"));
    assert_eq!(by_name("  authtokenerror ").unwrap().id(), "prs-32009");
    assert!(by_name("NoSuchName").is_none());
    assert_eq!(by_id("PRS-32009").unwrap().id(), "prs-32009");
    assert!(by_id("no-such-id").is_none());
}

#[test]
fn by_code_and_hresult() {
    assert_eq!(by_code(Some("PasswordResetService"), 32009)[0].id(), "prs-32009");
    assert!(by_code(Some("ADSync"), 32009).is_empty());
    assert_eq!(ids(&AdSync::EVENT_6329.entries()), ids(&by_code(Some("adsync"), 6329)));
    assert_eq!(Event::AUTH_TOKEN_ERROR.entries()[0].id(), "prs-32009");
    assert!(by_code(None, u32::MAX).is_empty());
    assert_eq!(by_hresult(0x80230619)[0].id(), "adsync-6329-80230619");
    assert_eq!(ids(&HResult::HR_80230619.entries()), ids(&by_hresult(0x80230619)));
}

#[test]
fn every_entry_round_trips() {
    let all: Vec<Entry> = entries().collect();
    assert_eq!(all.len(), count());
    assert_eq!(ids(&all), ENTRY_IDS);
    assert_eq!(entries().next_back(), all.last().copied());
    for &e in &all {
        assert_eq!(by_id(e.id()), Some(e));
        assert!(lookup(e.id()).contains(&e));
        if let Some(name) = e.name() {
            assert!(by_name(name).is_some());
        }
        if let Some(code) = e.code() {
            assert!(by_code(e.source(), code).contains(&e));
        }
        for hr in e.hresults() {
            assert!(by_hresult(hr).contains(&e));
        }
        for p in e.procedures() {
            assert_eq!(p.kind(), Kind::Procedure);
        }
        assert!(e.order().is_none() || e.kind() == Kind::Procedure);
        for m in e.mentions() {
            assert!(m.code.is_some() || m.hresult.is_some());
        }
    }
    let unique: HashSet<Entry> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len());
}

#[test]
fn constants_match_the_catalogue() {
    assert_eq!(Event::AD_MUTLI_MATCH_ERROR, 33003);
    assert_eq!(Event::AD_MULTI_MATCH_ERROR, Event::AD_MUTLI_MATCH_ERROR);
    assert_eq!(Event(33001).name(), Some("AD_UN_KNOWN_ERROR"));
    assert_eq!(Event(1).name(), None);
    assert_eq!(u32::from(AdSync::EVENT_6800), 6800);
    assert_eq!(HResult::HR_800700CE, 0x800700CE);
    for code in Event::ALL {
        assert!(!code.entries().is_empty(), "{:?}", code);
    }
    for code in AdSync::ALL {
        assert!(!code.entries().is_empty(), "{:?}", code);
    }
    let hresults: HashSet<u32> = entries().flat_map(|e| e.hresults()).collect();
    assert_eq!(hresults, HResult::ALL.iter().map(|h| h.0).collect());
    assert_eq!(CATALOG_VERSION, catalog_version());
}

#[test]
fn versions() {
    assert!(version().starts_with("1."));
    if let Ok(project) = std::env::var("SSPR_ERRORS_PROJECT_VERSION") {
        assert_eq!(version(), project);
        assert_eq!(env!("CARGO_PKG_VERSION"), project);
    }
}

#[test]
fn describe_hresults() {
    let info = describe_hresult(parse_hresult("hr=800700CE").unwrap());
    assert_eq!((info.value, info.is_error, info.facility, info.code), (0x800700CE, true, 7, 206));
    assert_eq!(info.facility_name, Some("FACILITY_WIN32"));
    assert_eq!(info.win32_name, Some("ERROR_FILENAME_EXCED_RANGE"));
    assert_eq!(describe_hresult(0x80230619).facility, 35);
    assert_eq!(parse_hresult("not an hresult"), None);
    assert_eq!(parse_hresult("-2145188327"), Some(0x80230619));
}

#[test]
fn threads_agree() {
    let queries = ["32009", "hr=800700CE", "ADSync:6329", ""];
    let want: Vec<Vec<&str>> = queries.iter().map(|q| ids(&lookup(q))).collect();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let want = want.clone();
            std::thread::spawn(move || {
                for _ in 0..50 {
                    for (q, w) in queries.iter().zip(&want) {
                        assert_eq!(&ids(&lookup(q)), w);
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn search_ranks() {
    let hits = search("the text message with the code never arrives", 5);
    assert!(!hits.is_empty() && hits.len() <= 5);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(hits[0].score > 0.0);
    assert_eq!(search("prs-32009", 1)[0].entry.id(), "prs-32009");
    assert!(search("", 5).is_empty() && search("the of and", 5).is_empty());
    assert!(search("license", 0).is_empty());
    assert!(search("pass\u{0}word", 5).is_empty());
}

#[test]
fn scanner() {
    let text =
        "Error getting auth token\nnothing here\nthe server logs 0x80230619 and hr=800700CE\n";
    let found = scan(text.as_bytes());
    assert_eq!((found[0].line, found[0].entry.id()), (1, "prs-32009"));
    assert!(found.iter().any(|m| m.line == 3 && m.entry.id() == "adsync-hr-800700ce"));
    assert_eq!(scan_reader(text.as_bytes()).unwrap(), found);
    let mut scanner = Scanner::default();
    let mut again = Vec::new();
    for chunk in text.as_bytes().chunks(5) {
        again.extend(scanner.feed(chunk));
    }
    again.extend(scanner.finish());
    assert_eq!(again, found);
    // finish() leaves the scanner ready for another input
    let mut twice = scanner.feed(text.as_bytes());
    twice.extend(scanner.finish());
    assert_eq!(twice, found);
    assert!(scan(b"").is_empty() && scan(b"no events at all").is_empty());
}
