// Package ssprerrors is the Go binding of libsspr-errors: Microsoft
// self-service password reset (SSPR) and Password Writeback errors, event-log
// codes, symptoms and fixes. Every answer comes from the C library (through
// cgo and pkg-config), so it is the same as the sspr-errors tool's.
//
// Entries, facts and references are handles into the library's static data:
// they stay valid for the life of the program and never change. Scan records
// are copied into plain values.
package ssprerrors

/*
#include <stdint.h>
#include <stdlib.h>
#include <sspr-errors.h>

// The records callback, defined in Go (callbacks.go).
extern void ssprGoRecord(void *ctx, sspr_record *record);
// The matches callback, defined in Go (callbacks.go).
extern void ssprGoMatch(void *ctx, sspr_entry *entry, uint64_t line);

// A cgo.Handle travels through the scanner as its void *context.
static void *sspr_go_ctx(uintptr_t handle) { return (void *)handle; }
*/
import "C"

import (
	"errors"
	"fmt"
	"io"
	"runtime/cgo"
	"strings"
	"unsafe"
)

// ErrNotFound is returned by ByID and ByName when nothing has that id or name.
var ErrNotFound = errors.New("ssprerrors: no such entry")

// ErrInvalidArgument is wrapped by the errors of calls given an argument the
// library cannot take (text with a NUL byte, a negative limit).
var ErrInvalidArgument = errors.New("ssprerrors: invalid argument")

func invalid(format string, args ...interface{}) error {
	return fmt.Errorf("%w: %s", ErrInvalidArgument, fmt.Sprintf(format, args...))
}

// cText converts text for C; the caller frees it. Text holding a NUL byte
// cannot be passed to C whole, so it is refused.
func cText(what, s string) (*C.char, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return nil, invalid("%s contains a NUL byte", what)
	}
	return C.CString(s), nil
}

func goText(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

// Version is the C library's version, e.g. "1.1.0".
func Version() string { return goText(ffiVersion()) }

// CatalogVersion is the version of the catalogue built into the library.
func CatalogVersion() string { return goText(ffiCatalogVersion()) }

// Kind is what an entry is.
type Kind int

// The kinds (the values of the C enum sspr_kind).
const (
	KindNone      Kind = 0
	KindEvent     Kind = 1
	KindSymptom   Kind = 2
	KindProcedure Kind = 3
	KindChecklist Kind = 4
	KindAudit     Kind = 5
)

// String is the kind's lower-case name ("event", ...), or "" for none.
func (k Kind) String() string { return goText(ffiKindName(C.sspr_kind(k))) }

// Severity is how serious an entry is.
type Severity int

// The severities (the values of the C enum sspr_severity).
const (
	SeverityNone    Severity = 0
	SeverityInfo    Severity = 1
	SeverityWarning Severity = 2
	SeverityError   Severity = 3
)

// String is the severity's lower-case name ("info", ...), or "" for none.
func (s Severity) String() string { return goText(ffiSeverityName(C.sspr_severity(s))) }

// Confidence is how well a text names an entry.
type Confidence int

// The confidences (the values of the C enum sspr_confidence).
const (
	ConfidenceNone   Confidence = 0
	ConfidenceLow    Confidence = 1
	ConfidenceMedium Confidence = 2
	ConfidenceHigh   Confidence = 3
)

// String is "high", "medium" or "low", or "" for none.
func (c Confidence) String() string { return goText(ffiConfidenceName(C.sspr_confidence(c))) }

// Entry is one catalogue entry: an event, a symptom, a procedure, a checklist
// or an audit-log activity. The zero Entry is no entry (Valid reports false).
type Entry struct{ p *C.sspr_entry }

// Valid reports whether e is an entry (the zero Entry is not).
func (e Entry) Valid() bool { return e.p != nil }

// ID is the stable id, e.g. "prs-32009".
func (e Entry) ID() string { return goText(ffiEntryId(e.p)) }

// Kind is what the entry is.
func (e Entry) Kind() Kind { return Kind(ffiEntryKind(e.p)) }

// Source is the event source ("PasswordResetService", ...), or "".
func (e Entry) Source() string { return goText(ffiEntrySource(e.p)) }

// Code is the event code; ok is false when the entry has none.
func (e Entry) Code() (code uint32, ok bool) {
	c := int64(ffiEntryCode(e.p))
	if c < 0 {
		return 0, false
	}
	return uint32(c), true
}

// Name is the documented name, byte-exact, or "".
func (e Entry) Name() string { return goText(ffiEntryName(e.p)) }

// Title is the one-line title.
func (e Entry) Title() string { return goText(ffiEntryTitle(e.p)) }

// Summary says what the entry means.
func (e Entry) Summary() string { return goText(ffiEntrySummary(e.p)) }

// Severity is how serious it is.
func (e Entry) Severity() Severity { return Severity(ffiEntrySeverity(e.p)) }

// Area is the product area ("writeback", ...).
func (e Entry) Area() string { return goText(ffiEntryArea(e.p)) }

// Section is the heading of the documentation section it comes from.
func (e Entry) Section() string { return goText(ffiEntrySection(e.p)) }

// Origin is "2017", "current" or "field".
func (e Entry) Origin() string { return goText(ffiEntryOrigin(e.p)) }

// Order is a procedure's position in the recovery sequence (1 = first), else 0.
func (e Entry) Order() int { return int(ffiEntryOrder(e.p)) }

func (e Entry) texts(count func(*C.sspr_entry) C.size_t,
	item func(*C.sspr_entry, C.size_t) *C.char) []string {
	n := count(e.p)
	out := make([]string, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, goText(item(e.p, i)))
	}
	return out
}

func (e Entry) entries(count func(*C.sspr_entry) C.size_t,
	item func(*C.sspr_entry, C.size_t) *C.sspr_entry) []Entry {
	n := count(e.p)
	out := make([]Entry, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, Entry{item(e.p, i)})
	}
	return out
}

// Aliases are other names people use.
func (e Entry) Aliases() []string { return e.texts(ffiEntryAliasCount, ffiEntryAlias) }

// Messages are the literal messages a user sees or a log prints.
func (e Entry) Messages() []string { return e.texts(ffiEntryMessageCount, ffiEntryMessage) }

// Causes are the possible causes.
func (e Entry) Causes() []string { return e.texts(ffiEntryCauseCount, ffiEntryCause) }

// Steps are the resolution steps, in order.
func (e Entry) Steps() []string { return e.texts(ffiEntryStepCount, ffiEntryStep) }

// Procedures are the procedures the resolution uses.
func (e Entry) Procedures() []Entry {
	return e.entries(ffiEntryProcedureCount, ffiEntryProcedure)
}

// Related are closely related entries.
func (e Entry) Related() []Entry { return e.entries(ffiEntryRelatedCount, ffiEntryRelated) }

// HResults are the HRESULTs the entry is.
func (e Entry) HResults() []uint32 {
	n := ffiEntryHresultCount(e.p)
	out := make([]uint32, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, uint32(ffiEntryHresult(e.p, i)))
	}
	return out
}

// Mention is a code or HRESULT an entry quotes without being that event.
type Mention struct {
	Source  string // "" when absent
	Code    int64  // -1 when absent
	HResult uint32 // 0 when absent
}

// Mentions are the codes and HRESULTs the entry quotes.
func (e Entry) Mentions() []Mention {
	n := ffiEntryMentionCount(e.p)
	out := make([]Mention, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		var src *C.char
		var code C.int64_t
		var hr C.uint32_t
		if ffiEntryMention(e.p, i, &src, &code, &hr) == 1 {
			out = append(out, Mention{goText(src), int64(code), uint32(hr)})
		}
	}
	return out
}

// Facts are the values the documentation states (limits, ports, delays).
func (e Entry) Facts() []Fact {
	n := ffiEntryFactCount(e.p)
	out := make([]Fact, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, Fact{ffiEntryFact(e.p, i)})
	}
	return out
}

// Fact is the entry's fact with this key; ok is false when it has none.
func (e Entry) Fact(key string) (f Fact, ok bool) {
	k, err := cText("key", key)
	if err != nil {
		return Fact{}, false
	}
	defer C.free(unsafe.Pointer(k))
	f = Fact{ffiEntryFactByKey(e.p, k)}
	return f, f.p != nil
}

// Refs are the pages and posts the entry's content comes from.
func (e Entry) Refs() []Ref {
	n := ffiEntryRefCount(e.p)
	out := make([]Ref, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		r := ffiEntryRef(e.p, i)
		out = append(out, Ref{URL: goText(ffiRefUrl(r)), Date: goText(ffiRefDate(r)),
			Title: goText(ffiRefTitle(r))})
	}
	return out
}

// String is "id: title".
func (e Entry) String() string {
	if e.p == nil {
		return "<no entry>"
	}
	return e.ID() + ": " + e.Title()
}

// Fact is a number or literal value the documentation states.
type Fact struct{ p *C.sspr_fact }

// Key is the machine-readable key, e.g. "max_connector_password_length".
func (f Fact) Key() string { return goText(ffiFactKey(f.p)) }

// Text says what it means.
func (f Fact) Text() string { return goText(ffiFactText(f.p)) }

// Unit is "hours", "characters", ..., or "".
func (f Fact) Unit() string { return goText(ffiFactUnit(f.p)) }

// IsNumber reports whether the fact is a number or a range.
func (f Fact) IsNumber() bool { return ffiFactIsNumber(f.p) != 0 }

// Min and Max are a numeric fact's range (equal for one number).
func (f Fact) Min() float64 { return float64(ffiFactMin(f.p)) }

// Max is the upper end of a numeric fact's range.
func (f Fact) Max() float64 { return float64(ffiFactMax(f.p)) }

// String is a string fact's literal value, or "" for numbers.
func (f Fact) String() string { return goText(ffiFactString(f.p)) }

// Origin is "2017", "current" or "field".
func (f Fact) Origin() string { return goText(ffiFactOrigin(f.p)) }

// Supersedes is the older fact this one replaces; ok is false when none.
func (f Fact) Supersedes() (old Fact, ok bool) {
	old = Fact{ffiFactSupersedes(f.p)}
	return old, old.p != nil
}

// URL and Date are the page that states the value and when it was read, when
// it is not one of the entry's references; else "".
func (f Fact) URL() string { return goText(ffiFactUrl(f.p)) }

// Date is the day URL was read (YYYY-MM-DD), or "".
func (f Fact) Date() string { return goText(ffiFactDate(f.p)) }

// Ref is a page or post an entry's content comes from.
type Ref struct {
	URL, Date, Title string
}

// Count is the number of entries in the catalogue.
func Count() int { return int(ffiCount()) }

// Entries are the whole catalogue, in order.
func Entries() []Entry {
	n := ffiCount()
	out := make([]Entry, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, Entry{ffiAt(i)})
	}
	return out
}

func one(what, s string, find func(*C.char) *C.sspr_entry) (Entry, error) {
	c, err := cText(what, s)
	if err != nil {
		return Entry{}, err
	}
	defer C.free(unsafe.Pointer(c))
	e := Entry{find(c)}
	if e.p == nil {
		return Entry{}, fmt.Errorf("%w: %s %q", ErrNotFound, what, s)
	}
	return e, nil
}

// ByID is the entry with this id (any case); ErrNotFound when none.
func ByID(id string) (Entry, error) { return one("id", id, ffiById) }

// ByName is the entry with this name or alias (any case); ErrNotFound when none.
func ByName(name string) (Entry, error) { return one("name", name, ffiByName) }

// collect runs a counted C query until every answer fits.
func collect(query func(out **C.sspr_entry, capacity C.size_t) C.size_t) []Entry {
	n := query(nil, 0)
	if n == 0 {
		return []Entry{}
	}
	buf := make([]*C.sspr_entry, int(n))
	n = query(&buf[0], C.size_t(len(buf)))
	out := make([]Entry, 0, int(n))
	for _, p := range buf[:int(n)] {
		out = append(out, Entry{p})
	}
	return out
}

// Lookup is everything that matches what a person pasted (a code, "Event ID
// 32009", an HRESULT in any form, an id, a name, a message), best first.
func Lookup(query string) ([]Entry, error) {
	q, err := cText("query", query)
	if err != nil {
		return nil, err
	}
	defer C.free(unsafe.Pointer(q))
	return collect(func(out **C.sspr_entry, n C.size_t) C.size_t { return ffiLookup(q, out, n) }), nil
}

// ByCode is the entries with this event code; source "" means any source.
func ByCode(source string, code uint32) ([]Entry, error) {
	var s *C.char
	if source != "" {
		var err error
		if s, err = cText("source", source); err != nil {
			return nil, err
		}
		defer C.free(unsafe.Pointer(s))
	}
	return collect(func(out **C.sspr_entry, n C.size_t) C.size_t {
		return ffiByCode(s, C.uint32_t(code), out, n)
	}), nil
}

// ByHResult is the entries with this HRESULT.
func ByHResult(hresult uint32) []Entry {
	return collect(func(out **C.sspr_entry, n C.size_t) C.size_t {
		return ffiByHresult(C.uint32_t(hresult), out, n)
	})
}

// Hit is one answer of Search or LookupResults.
type Hit struct {
	Entry      Entry
	Score      float64 // > 0; higher is better; comparable within one answer
	Confidence Confidence
}

func results(what, text string, limit int,
	call func(*C.char, *C.sspr_result, C.size_t) C.size_t) ([]Hit, error) {
	if limit < 0 {
		return nil, invalid("limit %d is negative", limit)
	}
	t, err := cText(what, text)
	if err != nil {
		return nil, err
	}
	defer C.free(unsafe.Pointer(t))
	n := int(call(t, nil, 0))
	if limit > 0 && n > limit {
		n = limit
	}
	if n == 0 {
		return []Hit{}, nil
	}
	buf := make([]C.sspr_result, n)
	got := int(call(t, &buf[0], C.size_t(n)))
	if got < n {
		n = got
	}
	out := make([]Hit, 0, n)
	for _, r := range buf[:n] {
		out = append(out, Hit{Entry{r.entry}, float64(r.score), Confidence(r.confidence)})
	}
	return out, nil
}

// Search ranks the catalogue against free text (what a ticket says), best
// first, at most limit hits (0 for all).
func Search(text string, limit int) ([]Hit, error) {
	return results("text", text, limit, ffiSearchResults)
}

// LookupResults is Lookup with a score and a confidence for each hit.
func LookupResults(query string) ([]Hit, error) {
	return results("query", query, 0, ffiLookupResults)
}

// HResultInfo is what the bits of an HRESULT say.
type HResultInfo struct {
	Value        uint32
	Failure      bool   // the severity bit
	Facility     uint   // (value >> 16) & 0x1FFF
	FacilityName string // "FACILITY_WIN32", ..., or ""
	Code         uint   // the low 16 bits
	Win32Name    string // for FACILITY_WIN32 values the library knows, else ""
	Win32Message string
}

// ParseHResult reads one HRESULT as a person writes it ("0x80070005",
// "80070005", "-2147024891", "hr=800700CE").
func ParseHResult(text string) (uint32, error) {
	t, err := cText("text", text)
	if err != nil {
		return 0, err
	}
	defer C.free(unsafe.Pointer(t))
	var hr C.uint32_t
	if ffiHresultParse(t, &hr) != 1 {
		return 0, invalid("%q is not an HRESULT", text)
	}
	return uint32(hr), nil
}

// DecodeHResult says what the bits of any HRESULT mean.
func DecodeHResult(hresult uint32) HResultInfo {
	h := C.uint32_t(hresult)
	info := HResultInfo{
		Value:        hresult,
		Failure:      ffiHresultSeverity(h) != 0,
		Facility:     uint(ffiHresultFacility(h)),
		Code:         uint(ffiHresultCode(h)),
		FacilityName: goText(ffiFacilityName(ffiHresultFacility(h))),
	}
	if info.Facility == 7 {
		info.Win32Name = goText(ffiWin32ErrorName(C.uint32_t(info.Code)))
		info.Win32Message = goText(ffiWin32ErrorMessage(C.uint32_t(info.Code)))
	}
	return info
}

// RecordField names a field of a scanned record (the C enum sspr_record_field).
type RecordField int

// The fields of a record, in the order of `sspr-errors scan --json --records`.
const (
	FieldFormat RecordField = iota
	FieldSource
	FieldEventID
	FieldRecordID
	FieldLevel
	FieldTime
	FieldComputer
	FieldTrackingID
	FieldUser
	FieldOperation
	FieldException
	FieldHResults
	FieldMessage
	FieldEntries
	FieldActivity
	FieldResult
	FieldReason
	FieldCorrelationID
	FieldInitiator
	FieldDetails
	fieldCount
)

// RecordEntry is an entry a record names, with how sure the match is.
type RecordEntry struct {
	Entry      Entry
	Confidence Confidence
}

// Record is one record of an event log or audit export, copied out of the
// scanner: its text fields, numbers, HRESULTs and the entries it names.
type Record struct {
	Line     uint64 // first line (1-based); 0 for .evtx
	LastLine uint64
	EventID  int64 // -1 when absent
	RecordID int64 // -1 when absent
	HResults []uint32
	Entries  []RecordEntry
	texts    [fieldCount]string
}

// Text is a text field's value, or "" when the record does not say.
func (r Record) Text(f RecordField) string {
	if f < 0 || f >= fieldCount {
		return ""
	}
	return r.texts[f]
}

// Format is the form the record was read in ("viewer-text", "csv", ...).
func (r Record) Format() string { return r.texts[FieldFormat] }

// Source is the provider as the record names it.
func (r Record) Source() string { return r.texts[FieldSource] }

// Message is the record's message.
func (r Record) Message() string { return r.texts[FieldMessage] }

func copyRecord(p *C.sspr_record) Record {
	r := Record{
		Line:     uint64(ffiRecordLine(p)),
		LastLine: uint64(ffiRecordLastLine(p)),
		EventID:  int64(ffiRecordNumber(p, C.SSPR_RECORD_EVENT_ID)),
		RecordID: int64(ffiRecordNumber(p, C.SSPR_RECORD_RECORD_ID)),
	}
	for f := FieldFormat; f < fieldCount; f++ {
		r.texts[f] = goText(ffiRecordText(p, C.sspr_record_field(f)))
	}
	n := ffiRecordHresultCount(p)
	r.HResults = make([]uint32, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		r.HResults = append(r.HResults, uint32(ffiRecordHresult(p, i)))
	}
	n = ffiRecordEntryCount(p)
	r.Entries = make([]RecordEntry, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		r.Entries = append(r.Entries,
			RecordEntry{Entry{ffiRecordEntry(p, i)}, Confidence(ffiRecordConfidence(p, i))})
	}
	return r
}

// Scanner reads an exported event log (Event Viewer, wevtutil, PowerShell,
// CSV, audit JSON, plain text; UTF-8 or UTF-16) in chunks of any size and
// returns its records as they complete. Close frees its C memory.
type Scanner struct {
	mem     *C.sspr_scanner
	handle  cgo.Handle
	pending []Record
	matches []Match
}

// NewScanner prepares a scanner; call Close when done.
func NewScanner() *Scanner {
	s := &Scanner{mem: (*C.sspr_scanner)(C.calloc(1, C.sizeof_sspr_scanner))}
	s.handle = cgo.NewHandle(s)
	ffiScanInitRecords(s.mem, C.sspr_record_fn(C.ssprGoRecord), C.sspr_go_ctx(C.uintptr_t(s.handle)))
	return s
}

// Match is an entry that a record names, with the record's first line: what
// ScanMatches reports, once per entry and record, in catalogue order within
// a record.
type Match struct {
	Line  uint64
	Entry Entry
}

// ScanMatches reads a whole export held in memory and returns, record by
// record, each entry it names (the scanner's entry callback, as the
// sspr-errors tool's scan prints them).
func ScanMatches(data []byte) []Match {
	s := &Scanner{mem: (*C.sspr_scanner)(C.calloc(1, C.sizeof_sspr_scanner))}
	s.handle = cgo.NewHandle(s)
	defer s.Close()
	ffiScanInit(s.mem, C.sspr_scan_fn(C.ssprGoMatch), C.sspr_go_ctx(C.uintptr_t(s.handle)))
	if len(data) > 0 {
		ffiScanFeed(s.mem, unsafe.Pointer(&data[0]), C.size_t(len(data)))
	}
	ffiScanFinish(s.mem)
	if s.matches == nil {
		return []Match{}
	}
	return s.matches
}

func (s *Scanner) take() []Record {
	out := s.pending
	s.pending = nil
	if out == nil {
		out = []Record{}
	}
	return out
}

// Feed scans the next bytes; it returns the records they completed.
func (s *Scanner) Feed(data []byte) []Record {
	if s.mem == nil {
		panic("ssprerrors: Feed on a closed Scanner")
	}
	if len(data) > 0 {
		ffiScanFeed(s.mem, unsafe.Pointer(&data[0]), C.size_t(len(data)))
	}
	return s.take()
}

// Finish ends the input and returns the last records; the scanner is then
// ready for another input.
func (s *Scanner) Finish() []Record {
	if s.mem == nil {
		panic("ssprerrors: Finish on a closed Scanner")
	}
	ffiScanFinish(s.mem)
	return s.take()
}

// Close frees the scanner's memory; it may be called more than once.
func (s *Scanner) Close() {
	if s.mem != nil {
		C.free(unsafe.Pointer(s.mem))
		s.mem = nil
		s.handle.Delete()
	}
}

// Scan reads a whole export held in memory and returns its records.
func Scan(data []byte) []Record {
	s := NewScanner()
	defer s.Close()
	out := s.Feed(data)
	return append(out, s.Finish()...)
}

// ScanReader reads an export from r to its end, 64 KiB at a time, and returns
// its records; an error of r stops it (with the records read so far).
func ScanReader(r io.Reader) ([]Record, error) {
	if r == nil {
		return nil, invalid("nil reader")
	}
	s := NewScanner()
	defer s.Close()
	var out []Record
	buf := make([]byte, 64*1024)
	for {
		n, err := r.Read(buf)
		out = append(out, s.Feed(buf[:n])...)
		if err == io.EOF {
			return append(out, s.Finish()...), nil
		}
		if err != nil {
			return append(out, s.Finish()...), err
		}
	}
}
