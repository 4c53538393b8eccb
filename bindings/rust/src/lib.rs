#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

use std::ffi::{CStr, CString};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::io::{self, Read};
use std::iter::FusedIterator;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

#[rustfmt::skip]
pub mod codes;
pub mod sys;

pub use codes::*;

// ---- helpers -----------------------------------------------------------------

/// A string of the library's static data. The catalogue is validated UTF-8, so
/// the fallback to "" is never taken in practice.
fn text(p: *const c_char) -> Option<&'static str> {
    if p.is_null() {
        None
    } else {
        // SAFETY: the library returns NUL-terminated strings in static, read-only
        // data that lives as long as the library is loaded.
        Some(unsafe { CStr::from_ptr(p) }.to_str().unwrap_or(""))
    }
}

fn c_string(s: &str) -> Option<CString> {
    CString::new(s).ok()
}

/// Runs a counted query `call(out, cap) -> n` until every match fits.
fn collect(mut call: impl FnMut(*mut *const sys::sspr_entry, usize) -> usize) -> Vec<Entry> {
    let mut buf: Vec<*const sys::sspr_entry> = vec![ptr::null(); 16];
    loop {
        let n = call(buf.as_mut_ptr(), buf.len());
        if n <= buf.len() {
            return buf[..n].iter().filter_map(|&p| Entry::from_ptr(p)).collect();
        }
        buf.resize(n, ptr::null());
    }
}

// ---- kinds and severities --------------------------------------------------------

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An event-log event (source and code, and/or an HRESULT).
    Event = 1,
    /// Something a user or an administrator sees.
    Symptom = 2,
    /// An ordered remediation procedure.
    Procedure = 3,
    /// What to collect, e.g. before opening a support case.
    Checklist = 4,
    /// A string of the Microsoft Entra audit log: an activity, a result
    /// reason or an additional detail.
    Audit = 5,
}

impl Kind {
    fn from_c(v: c_int) -> Kind {
        match v {
            2 => Kind::Symptom,
            3 => Kind::Procedure,
            4 => Kind::Checklist,
            5 => Kind::Audit,
            _ => Kind::Event,
        }
    }

    /// The lower-case name: "event", "symptom", "procedure", "checklist" or
    /// "audit".
    pub fn name(self) -> &'static str {
        // SAFETY: plain call with a valid enum value.
        text(unsafe { sys::sspr_kind_name(self as c_int) }).unwrap_or("")
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How bad an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Informational.
    Info = 1,
    /// A warning.
    Warning = 2,
    /// An error.
    Error = 3,
}

impl Severity {
    fn from_c(v: c_int) -> Severity {
        match v {
            1 => Severity::Info,
            2 => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The lower-case name: "info", "warning" or "error".
    pub fn name(self) -> &'static str {
        // SAFETY: plain call with a valid enum value.
        text(unsafe { sys::sspr_severity_name(self as c_int) }).unwrap_or("")
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

// ---- iterators ------------------------------------------------------------------

/// An iterator over one of the library's counted lists (an entry's steps,
/// aliases, facts, ..., or the whole catalogue). Knows its length and runs
/// both ways.
pub struct Iter<T> {
    entry: Option<Entry>,
    front: usize,
    back: usize,
    get: fn(Option<Entry>, usize) -> T,
}

impl<T> Iter<T> {
    fn new(entry: Option<Entry>, len: usize, get: fn(Option<Entry>, usize) -> T) -> Iter<T> {
        Iter { entry, front: 0, back: len, get }
    }
}

impl<T> Clone for Iter<T> {
    fn clone(&self) -> Iter<T> {
        Iter { entry: self.entry, front: self.front, back: self.back, get: self.get }
    }
}

impl<T> fmt::Debug for Iter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iter").field("remaining", &(self.back - self.front)).finish()
    }
}

impl<T> Iterator for Iter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        Some((self.get)(self.entry, self.front - 1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl<T> DoubleEndedIterator for Iter<T> {
    fn next_back(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        Some((self.get)(self.entry, self.back))
    }
}

impl<T> ExactSizeIterator for Iter<T> {}
impl<T> FusedIterator for Iter<T> {}

// ---- entries ----------------------------------------------------------------------

/// One catalogue entry: an event-log event, a symptom, a remediation procedure
/// or a checklist. A cheap `Copy` handle on the library's static data; two
/// handles are equal when they are the same entry.
#[derive(Clone, Copy)]
pub struct Entry {
    raw: &'static sys::sspr_entry,
}

/// A code or HRESULT that an entry quotes without being that event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Event source, if the mention names one.
    pub source: Option<&'static str>,
    /// Event code, if any.
    pub code: Option<u32>,
    /// HRESULT, if any.
    pub hresult: Option<u32>,
}

macro_rules! entry_str {
    ($(#[$doc:meta])* $name:ident, $c:ident) => {
        $(#[$doc])*
        pub fn $name(self) -> &'static str {
            // SAFETY: self.raw is a valid entry of the library.
            text(unsafe { sys::$c(self.raw) }).unwrap_or("")
        }
    };
}

macro_rules! entry_strings {
    ($(#[$doc:meta])* $name:ident, $count:ident, $item:ident) => {
        $(#[$doc])*
        pub fn $name(self) -> Iter<&'static str> {
            fn get(e: Option<Entry>, i: usize) -> &'static str {
                // SAFETY: a valid entry and an index below the count.
                e.and_then(|e| text(unsafe { sys::$item(e.raw, i) })).unwrap_or("")
            }
            // SAFETY: self.raw is a valid entry of the library.
            Iter::new(Some(self), unsafe { sys::$count(self.raw) }, get)
        }
    };
}

macro_rules! entry_refs {
    ($(#[$doc:meta])* $name:ident, $count:ident, $item:ident) => {
        $(#[$doc])*
        pub fn $name(self) -> Iter<Entry> {
            fn get(e: Option<Entry>, i: usize) -> Entry {
                // SAFETY: a valid entry and an index below the count, so the
                // library returns a valid entry.
                let p = e.map_or(ptr::null(), |e| unsafe { sys::$item(e.raw, i) });
                Entry::from_ptr(p).expect("the library returned no entry for a valid index")
            }
            // SAFETY: self.raw is a valid entry of the library.
            Iter::new(Some(self), unsafe { sys::$count(self.raw) }, get)
        }
    };
}

impl Entry {
    fn from_ptr(p: *const sys::sspr_entry) -> Option<Entry> {
        // SAFETY: the library returns NULL or a pointer to a static entry.
        unsafe { p.as_ref() }.map(|raw| Entry { raw })
    }

    /// The raw pointer, for the functions of [`sys`].
    pub fn as_ptr(self) -> *const sys::sspr_entry {
        self.raw
    }

    entry_str!(
        /// The stable id, e.g. "prs-32009": never renamed, never reused.
        id,
        sspr_entry_id
    );

    /// What the entry is.
    pub fn kind(self) -> Kind {
        // SAFETY: self.raw is a valid entry of the library.
        Kind::from_c(unsafe { sys::sspr_entry_kind(self.raw) })
    }

    /// The event source ("PasswordResetService", "ADSync", "SSPR"), if any.
    pub fn source(self) -> Option<&'static str> {
        // SAFETY: self.raw is a valid entry of the library.
        text(unsafe { sys::sspr_entry_source(self.raw) })
    }

    /// The numeric event code, if any.
    pub fn code(self) -> Option<u32> {
        // SAFETY: self.raw is a valid entry of the library.
        let code = unsafe { sys::sspr_entry_code(self.raw) };
        if (0..=u32::MAX as i64).contains(&code) {
            Some(code as u32)
        } else {
            None
        }
    }

    /// The documented name, byte-exact (misspellings kept, e.g.
    /// "ADMutliMatchError"), if any.
    pub fn name(self) -> Option<&'static str> {
        // SAFETY: self.raw is a valid entry of the library.
        text(unsafe { sys::sspr_entry_name(self.raw) })
    }

    entry_strings!(
        /// Other names people use (corrected spellings, other written forms).
        aliases,
        sspr_entry_alias_count,
        sspr_entry_alias
    );

    /// The HRESULTs this entry is.
    pub fn hresults(self) -> Iter<u32> {
        fn get(e: Option<Entry>, i: usize) -> u32 {
            // SAFETY: a valid entry and an index below the count.
            e.map_or(0, |e| unsafe { sys::sspr_entry_hresult(e.raw, i) })
        }
        // SAFETY: self.raw is a valid entry of the library.
        Iter::new(Some(self), unsafe { sys::sspr_entry_hresult_count(self.raw) }, get)
    }

    /// How bad it is.
    pub fn severity(self) -> Severity {
        // SAFETY: self.raw is a valid entry of the library.
        Severity::from_c(unsafe { sys::sspr_entry_severity(self.raw) })
    }

    entry_str!(
        /// The product area: "admin-portal", "reporting", "registration-portal",
        /// "reset-portal", "writeback", "writeback-connectivity" or "support".
        area,
        sspr_entry_area
    );
    entry_str!(
        /// A one-line title (at most 80 characters).
        title,
        sspr_entry_title
    );
    entry_str!(
        /// A sentence or two on what it means.
        summary,
        sspr_entry_summary
    );
    entry_strings!(
        /// The literal messages a user sees or the event log prints, byte-exact.
        messages,
        sspr_entry_message_count,
        sspr_entry_message
    );
    entry_strings!(
        /// Possible causes.
        causes,
        sspr_entry_cause_count,
        sspr_entry_cause
    );
    entry_strings!(
        /// Resolution steps, in order.
        steps,
        sspr_entry_step_count,
        sspr_entry_step
    );
    entry_refs!(
        /// The procedures the resolution uses (entries of kind [`Kind::Procedure`]).
        procedures,
        sspr_entry_procedure_count,
        sspr_entry_procedure
    );
    entry_refs!(
        /// Closely related entries.
        related,
        sspr_entry_related_count,
        sspr_entry_related
    );

    /// Codes and HRESULTs the entry quotes without being that event.
    pub fn mentions(self) -> Iter<Mention> {
        fn get(e: Option<Entry>, i: usize) -> Mention {
            let mut source: *const c_char = ptr::null();
            let mut code: i64 = -1;
            let mut hresult: u32 = 0;
            if let Some(e) = e {
                // SAFETY: a valid entry, an index below the count and valid
                // out-pointers.
                unsafe { sys::sspr_entry_mention(e.raw, i, &mut source, &mut code, &mut hresult) };
            }
            Mention {
                source: text(source),
                code: if code >= 0 { Some(code as u32) } else { None },
                hresult: if hresult != 0 { Some(hresult) } else { None },
            }
        }
        // SAFETY: self.raw is a valid entry of the library.
        Iter::new(Some(self), unsafe { sys::sspr_entry_mention_count(self.raw) }, get)
    }

    /// The facts the documentation states (limits, ports, delays, formats).
    pub fn facts(self) -> Iter<Fact> {
        fn get(e: Option<Entry>, i: usize) -> Fact {
            // SAFETY: a valid entry and an index below the count.
            let p = e.map_or(ptr::null(), |e| unsafe { sys::sspr_entry_fact(e.raw, i) });
            Fact::from_ptr(p).expect("the library returned no fact for a valid index")
        }
        // SAFETY: self.raw is a valid entry of the library.
        Iter::new(Some(self), unsafe { sys::sspr_entry_fact_count(self.raw) }, get)
    }

    /// The entry's fact with this key, e.g. "max_connector_password_length".
    pub fn fact(self, key: &str) -> Option<Fact> {
        let key = c_string(key)?;
        // SAFETY: a valid entry and a NUL-terminated key.
        Fact::from_ptr(unsafe { sys::sspr_entry_fact_by_key(self.raw, key.as_ptr()) })
    }

    /// For procedures, the recommended position in the recovery sequence
    /// (1 = first); `None` for other entries.
    pub fn order(self) -> Option<u32> {
        // SAFETY: self.raw is a valid entry of the library.
        let order = unsafe { sys::sspr_entry_order(self.raw) };
        if order > 0 {
            Some(order as u32)
        } else {
            None
        }
    }

    entry_str!(
        /// The heading of the documentation section the entry comes from.
        section,
        sspr_entry_section
    );
    entry_str!(
        /// Where the content comes from: "2017" (the 2017 troubleshooting
        /// article) or "current" (the current documentation).
        origin,
        sspr_entry_origin
    );
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        ptr::eq(self.raw, other.raw)
    }
}

impl Eq for Entry {}

impl Hash for Entry {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.raw as *const sys::sspr_entry).hash(state)
    }
}

impl fmt::Debug for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry").field("id", &self.id()).field("title", &self.title()).finish()
    }
}

impl fmt::Display for Entry {
    /// "id: title".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.id(), self.title())
    }
}

// ---- facts ------------------------------------------------------------------------

/// A value a fact states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FactValue {
    /// One number.
    Number(f64),
    /// A range of numbers, both ends included.
    Range(f64, f64),
    /// A literal string, e.g. a phone number format.
    Text(&'static str),
}

/// A number or literal value the documentation states (a limit, a port, a
/// delay), attached to an entry. A cheap `Copy` handle.
#[derive(Clone, Copy)]
pub struct Fact {
    raw: &'static sys::sspr_fact,
}

impl Fact {
    fn from_ptr(p: *const sys::sspr_fact) -> Option<Fact> {
        // SAFETY: the library returns NULL or a pointer to a static fact.
        unsafe { p.as_ref() }.map(|raw| Fact { raw })
    }

    /// The machine-readable key, e.g. "outbound_tcp_port_range".
    pub fn key(self) -> &'static str {
        // SAFETY: self.raw is a valid fact of the library.
        text(unsafe { sys::sspr_fact_key(self.raw) }).unwrap_or("")
    }

    /// What it means, in a sentence.
    pub fn text(self) -> &'static str {
        // SAFETY: self.raw is a valid fact of the library.
        text(unsafe { sys::sspr_fact_text(self.raw) }).unwrap_or("")
    }

    /// The unit ("hours", "characters", "TCP port", ...), if any.
    pub fn unit(self) -> Option<&'static str> {
        // SAFETY: self.raw is a valid fact of the library.
        text(unsafe { sys::sspr_fact_unit(self.raw) })
    }

    /// The value: a number, a range or a string.
    pub fn value(self) -> FactValue {
        // SAFETY: self.raw is a valid fact of the library.
        unsafe {
            if sys::sspr_fact_is_number(self.raw) == 0 {
                FactValue::Text(text(sys::sspr_fact_string(self.raw)).unwrap_or(""))
            } else {
                let (min, max) = (sys::sspr_fact_min(self.raw), sys::sspr_fact_max(self.raw));
                if min == max {
                    FactValue::Number(min)
                } else {
                    FactValue::Range(min, max)
                }
            }
        }
    }

    /// "2017" or "current": which documentation states the value.
    pub fn origin(self) -> &'static str {
        // SAFETY: self.raw is a valid fact of the library.
        text(unsafe { sys::sspr_fact_origin(self.raw) }).unwrap_or("")
    }

    /// The older fact of the same entry that this one replaces (a value that
    /// changed since 2017), if any.
    pub fn supersedes(self) -> Option<Fact> {
        // SAFETY: self.raw is a valid fact of the library.
        Fact::from_ptr(unsafe { sys::sspr_fact_supersedes(self.raw) })
    }
}

impl PartialEq for Fact {
    fn eq(&self, other: &Fact) -> bool {
        ptr::eq(self.raw, other.raw)
    }
}

impl Eq for Fact {}

impl fmt::Debug for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fact")
            .field("key", &self.key())
            .field("value", &self.value())
            .field("unit", &self.unit())
            .finish()
    }
}

// ---- the catalogue ------------------------------------------------------------------

/// The C library's version, e.g. "1.0.0".
pub fn version() -> &'static str {
    // SAFETY: plain call.
    text(unsafe { sys::sspr_version() }).unwrap_or("")
}

/// The version of the catalogue compiled into the library.
pub fn catalog_version() -> &'static str {
    // SAFETY: plain call.
    text(unsafe { sys::sspr_catalog_version() }).unwrap_or("")
}

/// The number of entries in the catalogue.
pub fn count() -> usize {
    // SAFETY: plain call.
    unsafe { sys::sspr_count() }
}

/// Every entry, in catalogue order.
pub fn entries() -> Iter<Entry> {
    fn get(_: Option<Entry>, i: usize) -> Entry {
        // SAFETY: i is below sspr_count().
        Entry::from_ptr(unsafe { sys::sspr_at(i) }).expect("the library returned no entry")
    }
    Iter::new(None, count(), get)
}

/// Everything that matches what a person pasted, best match first.
///
/// Understands event codes ("32009", "Event ID 32009", "ADSync:6329"),
/// HRESULTs ("0x80230619", "hr=800700CE", "-2145188327"), ids, names and
/// aliases in any case, and literal messages, whole or inside a longer text.
/// Empty when nothing matches (or the query holds a NUL character).
pub fn lookup(query: &str) -> Vec<Entry> {
    match c_string(query) {
        // SAFETY: a NUL-terminated query and a buffer of cap pointers.
        Some(q) => collect(|out, cap| unsafe { sys::sspr_lookup(q.as_ptr(), out, cap) }),
        None => Vec::new(),
    }
}

/// The entry with this id (any case), if any.
pub fn by_id(id: &str) -> Option<Entry> {
    let id = c_string(id)?;
    // SAFETY: a NUL-terminated id.
    Entry::from_ptr(unsafe { sys::sspr_by_id(id.as_ptr()) })
}

/// The entry with this name or alias (any case, white space folded), if any.
pub fn by_name(name: &str) -> Option<Entry> {
    let name = c_string(name)?;
    // SAFETY: a NUL-terminated name.
    Entry::from_ptr(unsafe { sys::sspr_by_name(name.as_ptr()) })
}

/// Entries with this event code, the entries that are that event first, then
/// those that only mention it. `source` ("PasswordResetService", "ADSync",
/// "SSPR"; any case) limits the match to one event source. The code types of
/// [`codes`] carry their source: `Event::AUTH_TOKEN_ERROR.entries()`.
pub fn by_code(source: Option<&str>, code: u32) -> Vec<Entry> {
    let source = match source {
        Some(s) => match c_string(s) {
            Some(s) => Some(s),
            None => return Vec::new(),
        },
        None => None,
    };
    let src = source.as_ref().map_or(ptr::null(), |s| s.as_ptr());
    // SAFETY: NULL or a NUL-terminated source, and a buffer of cap pointers.
    collect(|out, cap| unsafe { sys::sspr_by_code(src, code, out, cap) })
}

/// Entries with this HRESULT (e.g. `0x80230619`), the entries that are it first.
pub fn by_hresult(hresult: u32) -> Vec<Entry> {
    // SAFETY: a buffer of cap pointers.
    collect(|out, cap| unsafe { sys::sspr_by_hresult(hresult, out, cap) })
}

// ---- ranked free-text search -------------------------------------------------------

/// One answer of [`search`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Higher is better; comparable within one answer only.
    pub score: f64,
    /// The entry.
    pub entry: Entry,
}

/// The entries that explain a free text (a ticket, a pasted log line), best
/// first: at most `limit` of them. Exact ids, names and codes rank first, then
/// entries quoting a message of the text, then the rest by BM25 relevance.
/// Empty when nothing matches (or the text holds a NUL character).
pub fn search(text: &str, limit: usize) -> Vec<Hit> {
    let text = match c_string(text) {
        Some(t) => t,
        None => return Vec::new(),
    };
    let mut hits = vec![sys::sspr_hit { entry: ptr::null(), score: 0.0 }; limit];
    // SAFETY: a NUL-terminated text and a buffer of `limit` hits.
    let n = unsafe { sys::sspr_search(text.as_ptr(), hits.as_mut_ptr(), limit) };
    hits.truncate(n.min(limit));
    hits.into_iter()
        .filter_map(|h| Entry::from_ptr(h.entry).map(|entry| Hit { score: h.score, entry }))
        .collect()
}

// ---- event-log scanner --------------------------------------------------------------

/// An entry that a record of an event log names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScanMatch {
    /// The record's first line (1-based).
    pub line: u64,
    /// The entry.
    pub entry: Entry,
}

struct ScanState {
    raw: sys::sspr_scanner,
    found: Vec<ScanMatch>,
}

unsafe extern "C" fn on_scan_match(ctx: *mut c_void, entry: *const sys::sspr_entry, line: u64) {
    // SAFETY: ctx is the Vec of the ScanState that sspr_scan_init was given;
    // the library calls back only during feed/finish, which hold &mut self.
    let found = &mut *(ctx as *mut Vec<ScanMatch>);
    if let Some(entry) = Entry::from_ptr(entry) {
        found.push(ScanMatch { line, entry });
    }
}

/// A streaming event-log scanner (the C library's `sspr_scan_*`): feed it an
/// export (Event Viewer text, Format-List, wevtutil XML, CSV or free text;
/// UTF-8 or UTF-16) in chunks of any size; it reports, record by record, the
/// entries each record names. The answer does not depend on how the input is
/// cut, and memory stays constant whatever its size.
pub struct Scanner {
    // Boxed: the library keeps pointers into it between calls.
    state: Box<ScanState>,
}

impl Scanner {
    /// A scanner ready for an input.
    pub fn new() -> Scanner {
        let mut state = Box::new(ScanState {
            raw: sys::sspr_scanner { opaque: [0; sys::SSPR_SCANNER_SIZE] },
            found: Vec::new(),
        });
        let ctx = &mut state.found as *mut Vec<ScanMatch> as *mut c_void;
        // SAFETY: raw and found live in the box, whose address never changes.
        unsafe { sys::sspr_scan_init(&mut state.raw, Some(on_scan_match), ctx) };
        Scanner { state }
    }

    /// Scans the next bytes of the input; returns the matches of the records
    /// this completed.
    pub fn feed(&mut self, data: &[u8]) -> Vec<ScanMatch> {
        if !data.is_empty() {
            // SAFETY: an initialised scanner and data.len() readable bytes.
            unsafe {
                sys::sspr_scan_feed(&mut self.state.raw, data.as_ptr() as *const c_void, data.len())
            };
        }
        std::mem::take(&mut self.state.found)
    }

    /// Ends the input and returns the last record's matches; the scanner is
    /// then ready for another input.
    pub fn finish(&mut self) -> Vec<ScanMatch> {
        // SAFETY: an initialised scanner.
        unsafe { sys::sspr_scan_finish(&mut self.state.raw) };
        std::mem::take(&mut self.state.found)
    }
}

impl Default for Scanner {
    fn default() -> Scanner {
        Scanner::new()
    }
}

impl fmt::Debug for Scanner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scanner").finish()
    }
}

/// Scans a whole export held in memory: every entry each record names.
pub fn scan(data: &[u8]) -> Vec<ScanMatch> {
    let mut scanner = Scanner::new();
    let mut found = scanner.feed(data);
    found.extend(scanner.finish());
    found
}

/// Scans an export read from `reader` (a file, standard input, ...) in 64 KiB
/// chunks: every entry each record names.
pub fn scan_reader<R: Read>(mut reader: R) -> io::Result<Vec<ScanMatch>> {
    let mut scanner = Scanner::new();
    let mut found = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        found.extend(scanner.feed(&buf[..n]));
    }
    found.extend(scanner.finish());
    Ok(found)
}

// ---- HRESULT decoding ---------------------------------------------------------------

/// What the bits of an HRESULT say, whether or not the catalogue has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HResultInfo {
    /// The value.
    pub value: u32,
    /// Whether the severity bit (31) is set.
    pub is_error: bool,
    /// The facility, `(value >> 16) & 0x1FFF`.
    pub facility: u32,
    /// The winerror.h name of the facility ("FACILITY_WIN32"), if known.
    pub facility_name: Option<&'static str>,
    /// The low 16 bits.
    pub code: u32,
    /// For FACILITY_WIN32: the Win32 error's name, if known.
    pub win32_name: Option<&'static str>,
    /// For FACILITY_WIN32: the Win32 error's system message, if known.
    pub win32_message: Option<&'static str>,
}

/// Reads one HRESULT written as "0x80070005", "80070005", "-2147024891" or
/// "hr=800700CE"; `None` when the text is not one.
pub fn parse_hresult(text: &str) -> Option<u32> {
    let t = c_string(text)?;
    let mut value = 0u32;
    // SAFETY: a NUL-terminated text and a valid out-pointer.
    if unsafe { sys::sspr_hresult_parse(t.as_ptr(), &mut value) } != 0 {
        Some(value)
    } else {
        None
    }
}

/// Decodes an HRESULT: severity, facility, code and, for Win32 errors, the
/// error's name and message.
pub fn describe_hresult(hresult: u32) -> HResultInfo {
    // SAFETY: plain calls on a number; returned strings are static.
    unsafe {
        let facility = sys::sspr_hresult_facility(hresult);
        let code = sys::sspr_hresult_code(hresult);
        let win32 = facility == 7;
        HResultInfo {
            value: hresult,
            is_error: sys::sspr_hresult_severity(hresult) != 0,
            facility,
            facility_name: text(sys::sspr_facility_name(facility)),
            code,
            win32_name: if win32 { text(sys::sspr_win32_error_name(code)) } else { None },
            win32_message: if win32 { text(sys::sspr_win32_error_message(code)) } else { None },
        }
    }
}
