//! Raw declarations of the C API (`include/sspr-errors.h`), for callers who
//! need exactly what C offers. Every pointer these functions return points into
//! static data of the library; none is ever freed. Prefer the safe API of the
//! crate root.
#![allow(non_camel_case_types)]

use std::os::raw::{c_char, c_int, c_uint, c_void};

/// One catalogue entry (opaque).
#[repr(C)]
pub struct sspr_entry {
    _private: [u8; 0],
}

/// A fact attached to an entry (opaque).
#[repr(C)]
pub struct sspr_fact {
    _private: [u8; 0],
}

/// One answer of `sspr_search`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sspr_hit {
    /// The entry.
    pub entry: *const sspr_entry,
    /// The score (> 0; higher is better).
    pub score: f64,
}

/// `SSPR_SCANNER_SIZE`: fixed within a major version.
pub const SSPR_SCANNER_SIZE: usize = 8192;

/// Storage for an event-log scanner (opaque; aligned like the C union).
#[repr(C, align(8))]
pub struct sspr_scanner {
    /// Private to the library.
    pub opaque: [u8; SSPR_SCANNER_SIZE],
}

/// Called once per entry a record names, with the record's first line.
pub type sspr_scan_fn =
    Option<unsafe extern "C" fn(ctx: *mut c_void, entry: *const sspr_entry, line: u64)>;

/// `sspr_kind`: 0 none, 1 event, 2 symptom, 3 procedure, 4 checklist, 5 audit.
pub type sspr_kind = c_int;
/// `sspr_severity`: 0 none, 1 info, 2 warning, 3 error.
pub type sspr_severity = c_int;

extern "C" {
    /// The library version string, e.g. "1.0.0".
    pub fn sspr_version() -> *const c_char;
    /// The catalogue's version string.
    pub fn sspr_catalog_version() -> *const c_char;
    /// Lower-case name of a kind, or NULL.
    pub fn sspr_kind_name(kind: sspr_kind) -> *const c_char;
    /// Lower-case name of a severity, or NULL.
    pub fn sspr_severity_name(severity: sspr_severity) -> *const c_char;

    /// Number of entries.
    pub fn sspr_count() -> usize;
    /// Entry number `i` in catalogue order, or NULL.
    pub fn sspr_at(i: usize) -> *const sspr_entry;
    /// The entry with this id (any case), or NULL.
    pub fn sspr_by_id(id: *const c_char) -> *const sspr_entry;
    /// The entry with this name or alias (any case), or NULL.
    pub fn sspr_by_name(name: *const c_char) -> *const sspr_entry;
    /// Entries with this event code (source NULL for any); returns the match
    /// count, stores at most `cap` of them.
    pub fn sspr_by_code(
        source: *const c_char,
        code: u32,
        out: *mut *const sspr_entry,
        cap: usize,
    ) -> usize;
    /// Entries with this HRESULT; same conventions as `sspr_by_code`.
    pub fn sspr_by_hresult(hresult: u32, out: *mut *const sspr_entry, cap: usize) -> usize;
    /// Everything matching a pasted query, best first; same conventions.
    pub fn sspr_lookup(query: *const c_char, out: *mut *const sspr_entry, cap: usize) -> usize;

    /// Stable id.
    pub fn sspr_entry_id(e: *const sspr_entry) -> *const c_char;
    /// Kind.
    pub fn sspr_entry_kind(e: *const sspr_entry) -> sspr_kind;
    /// Event source, or NULL.
    pub fn sspr_entry_source(e: *const sspr_entry) -> *const c_char;
    /// Event code, or -1.
    pub fn sspr_entry_code(e: *const sspr_entry) -> i64;
    /// Documented name, or NULL.
    pub fn sspr_entry_name(e: *const sspr_entry) -> *const c_char;
    /// One-line title.
    pub fn sspr_entry_title(e: *const sspr_entry) -> *const c_char;
    /// Summary.
    pub fn sspr_entry_summary(e: *const sspr_entry) -> *const c_char;
    /// Severity.
    pub fn sspr_entry_severity(e: *const sspr_entry) -> sspr_severity;
    /// Product area.
    pub fn sspr_entry_area(e: *const sspr_entry) -> *const c_char;
    /// Documentation section.
    pub fn sspr_entry_section(e: *const sspr_entry) -> *const c_char;
    /// "2017" or "current".
    pub fn sspr_entry_origin(e: *const sspr_entry) -> *const c_char;
    /// Position in the recovery sequence, or 0.
    pub fn sspr_entry_order(e: *const sspr_entry) -> c_int;
    /// Number of aliases.
    pub fn sspr_entry_alias_count(e: *const sspr_entry) -> usize;
    /// Alias `i`.
    pub fn sspr_entry_alias(e: *const sspr_entry, i: usize) -> *const c_char;
    /// Number of HRESULTs.
    pub fn sspr_entry_hresult_count(e: *const sspr_entry) -> usize;
    /// HRESULT `i` (0 out of range).
    pub fn sspr_entry_hresult(e: *const sspr_entry, i: usize) -> u32;
    /// Number of messages.
    pub fn sspr_entry_message_count(e: *const sspr_entry) -> usize;
    /// Message `i`.
    pub fn sspr_entry_message(e: *const sspr_entry, i: usize) -> *const c_char;
    /// Number of causes.
    pub fn sspr_entry_cause_count(e: *const sspr_entry) -> usize;
    /// Cause `i`.
    pub fn sspr_entry_cause(e: *const sspr_entry, i: usize) -> *const c_char;
    /// Number of steps.
    pub fn sspr_entry_step_count(e: *const sspr_entry) -> usize;
    /// Step `i`.
    pub fn sspr_entry_step(e: *const sspr_entry, i: usize) -> *const c_char;
    /// Number of procedures.
    pub fn sspr_entry_procedure_count(e: *const sspr_entry) -> usize;
    /// Procedure `i`.
    pub fn sspr_entry_procedure(e: *const sspr_entry, i: usize) -> *const sspr_entry;
    /// Number of related entries.
    pub fn sspr_entry_related_count(e: *const sspr_entry) -> usize;
    /// Related entry `i`.
    pub fn sspr_entry_related(e: *const sspr_entry, i: usize) -> *const sspr_entry;
    /// Number of mentions.
    pub fn sspr_entry_mention_count(e: *const sspr_entry) -> usize;
    /// Mention `i` through the out-parameters; 1, or 0 out of range.
    pub fn sspr_entry_mention(
        e: *const sspr_entry,
        i: usize,
        source: *mut *const c_char,
        code: *mut i64,
        hresult: *mut u32,
    ) -> c_int;
    /// Number of facts.
    pub fn sspr_entry_fact_count(e: *const sspr_entry) -> usize;
    /// Fact `i`.
    pub fn sspr_entry_fact(e: *const sspr_entry, i: usize) -> *const sspr_fact;
    /// The fact with this key, or NULL.
    pub fn sspr_entry_fact_by_key(e: *const sspr_entry, key: *const c_char) -> *const sspr_fact;

    /// Machine-readable key.
    pub fn sspr_fact_key(f: *const sspr_fact) -> *const c_char;
    /// What it means.
    pub fn sspr_fact_text(f: *const sspr_fact) -> *const c_char;
    /// Unit, or NULL.
    pub fn sspr_fact_unit(f: *const sspr_fact) -> *const c_char;
    /// 1 for numbers, 0 for strings.
    pub fn sspr_fact_is_number(f: *const sspr_fact) -> c_int;
    /// Number or lower end of the range.
    pub fn sspr_fact_min(f: *const sspr_fact) -> f64;
    /// Number or upper end of the range.
    pub fn sspr_fact_max(f: *const sspr_fact) -> f64;
    /// String value, or NULL for numbers.
    pub fn sspr_fact_string(f: *const sspr_fact) -> *const c_char;
    /// "2017" or "current".
    pub fn sspr_fact_origin(f: *const sspr_fact) -> *const c_char;
    /// The older fact this one replaces, or NULL.
    pub fn sspr_fact_supersedes(f: *const sspr_fact) -> *const sspr_fact;

    /// Parses one HRESULT; 1 and `*hresult` set, or 0.
    pub fn sspr_hresult_parse(text: *const c_char, hresult: *mut u32) -> c_int;
    /// Severity bit (1 error, 0 success).
    pub fn sspr_hresult_severity(hresult: u32) -> c_uint;
    /// Facility, `(hr >> 16) & 0x1FFF`.
    pub fn sspr_hresult_facility(hresult: u32) -> c_uint;
    /// Low 16 bits.
    pub fn sspr_hresult_code(hresult: u32) -> c_uint;
    /// HRESULT_FROM_WIN32.
    pub fn sspr_hresult_from_win32(error: u32) -> u32;
    /// winerror.h name of a facility, or NULL.
    pub fn sspr_facility_name(facility: c_uint) -> *const c_char;
    /// Name of a Win32 error code, or NULL.
    pub fn sspr_win32_error_name(code: u32) -> *const c_char;
    /// System message of a Win32 error code, or NULL.
    pub fn sspr_win32_error_message(code: u32) -> *const c_char;

    /// Ranked free-text search: stores the best `min(cap, n)` hits, returns n.
    pub fn sspr_search(text: *const c_char, out: *mut sspr_hit, cap: usize) -> usize;

    /// Prepares a scanner for a new input.
    pub fn sspr_scan_init(scanner: *mut sspr_scanner, on_match: sspr_scan_fn, ctx: *mut c_void);
    /// Scans the next `len` bytes of the input.
    pub fn sspr_scan_feed(scanner: *mut sspr_scanner, data: *const c_void, len: usize);
    /// Ends the input: reports the last record, then resets the scanner.
    pub fn sspr_scan_finish(scanner: *mut sspr_scanner);
}
