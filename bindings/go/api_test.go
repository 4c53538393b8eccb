package ssprerrors

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestVersions(t *testing.T) {
	want := os.Getenv("SSPR_ERRORS_PROJECT_VERSION")
	if want != "" && Version() != want {
		t.Errorf("Version() = %q, want %q", Version(), want)
	}
	if !strings.HasPrefix(Version(), "1.") {
		t.Errorf("Version() = %q", Version())
	}
	if CatalogVersion() != CodesCatalogVersion {
		t.Errorf("CatalogVersion() = %q, constants from %q", CatalogVersion(), CodesCatalogVersion)
	}
}

func TestLookupForms(t *testing.T) {
	hits, err := Lookup("32009")
	if err != nil || len(hits) == 0 || hits[0].ID() != "prs-32009" {
		t.Fatalf("Lookup(32009) = %v, %v", hits, err)
	}
	want, _ := Lookup("0x800700CE")
	for _, form := range []string{"hr=800700CE", "800700ce", "-2147024690", "HR 800700CE"} {
		got, _ := Lookup(form)
		if ids(got) != ids(want) {
			t.Errorf("Lookup(%q) = [%s], want [%s]", form, ids(got), ids(want))
		}
	}
	none, err := Lookup("no such error anywhere")
	if err != nil || none == nil || len(none) != 0 {
		t.Errorf("a miss gives %v, %v; want an empty slice", none, err)
	}
	res, _ := LookupResults("32009")
	if len(res) != len(hits) || res[0].Entry != hits[0] || res[0].Confidence != ConfidenceHigh {
		t.Errorf("LookupResults(32009) = %v", res)
	}
}

func TestBadArguments(t *testing.T) {
	if _, err := Lookup("320\x0009"); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("Lookup with NUL: %v", err)
	}
	if _, err := Search("x", -1); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("Search with limit -1: %v", err)
	}
	if _, err := ByID("prs\x00"); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("ByID with NUL: %v", err)
	}
	if _, err := ByCode("ADSync\x00", 6329); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("ByCode with NUL: %v", err)
	}
	if _, err := ParseHResult("not one"); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("ParseHResult: %v", err)
	}
	if _, err := ScanReader(nil); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("ScanReader(nil): %v", err)
	}
	if _, err := ByID("no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ByID(no-such-id): %v", err)
	}
}

func TestEntryFields(t *testing.T) {
	e, err := ByID("PRS-32009")
	if err != nil {
		t.Fatal(err)
	}
	code, ok := e.Code()
	if e.ID() != "prs-32009" || e.Kind() != KindEvent || e.Kind().String() != "event" ||
		e.Severity() != SeverityError || e.Source() != "PasswordResetService" ||
		!ok || code != 32009 || e.Name() != "AuthTokenError" || e.Area() != "writeback" {
		t.Errorf("fields of %v wrong", e)
	}
	if !reflect.DeepEqual(e.Messages(), []string{"Error getting auth token"}) {
		t.Errorf("Messages() = %q", e.Messages())
	}
	if e.Title() == "" || e.Summary() == "" || len(e.Steps()) == 0 || e.Order() != 0 {
		t.Errorf("text fields of %v", e)
	}
	if !strings.HasPrefix(e.String(), "prs-32009: ") || (Entry{}).Valid() {
		t.Errorf("String() = %q", e.String())
	}
	p, _ := ByID("proc-restart-sync-service")
	if p.Kind() != KindProcedure || p.Order() != 1 {
		t.Errorf("procedure order %d", p.Order())
	}
	if _, ok := p.Code(); ok {
		t.Errorf("a procedure has no code")
	}
	byName, _ := ByName("authtokenerror")
	if byName != e {
		t.Errorf("ByName gives %v, ByID %v: one handle per entry", byName, e)
	}
	if len(Entries()) != Count() || Entries()[0].ID() != EntryIDs()[0] || len(EntryIDs()) != Count() {
		t.Errorf("catalogue of %d entries, %d ids", Count(), len(EntryIDs()))
	}
	// Lists are the caller's: changing one changes nothing else.
	m := e.Messages()
	m[0] = "changed"
	if e.Messages()[0] != "Error getting auth token" {
		t.Errorf("Messages() is shared")
	}
}

func TestListsAndFacts(t *testing.T) {
	e, _ := ByID("adsync-hr-800700ce")
	if !reflect.DeepEqual(e.HResults(), []uint32{uint32(HResult800700CE)}) {
		t.Errorf("HResults() = %x", e.HResults())
	}
	f, ok := e.Fact("max_connector_password_length")
	if !ok || !f.IsNumber() || f.Min() != 127 || f.Max() != 127 || f.Unit() != "characters" ||
		f.Key() != "max_connector_password_length" || f.Text() == "" {
		t.Errorf("fact: %v %v", f.Key(), ok)
	}
	if _, ok := e.Fact("no_such_fact"); ok {
		t.Errorf("missing fact found")
	}
	facts, related, mentions, refs, procs, aliases := 0, 0, 0, 0, 0, 0
	for _, x := range Entries() {
		facts += len(x.Facts())
		related += len(x.Related())
		mentions += len(x.Mentions())
		refs += len(x.Refs())
		procs += len(x.Procedures())
		aliases += len(x.Aliases())
		for _, r := range x.Refs() {
			if !strings.HasPrefix(r.URL, "https://") {
				t.Errorf("%s: reference %q", x.ID(), r.URL)
			}
		}
		for _, m := range x.Mentions() {
			if m.Code < 0 && m.HResult == 0 {
				t.Errorf("%s: empty mention", x.ID())
			}
		}
	}
	if facts == 0 || related == 0 || mentions == 0 || refs == 0 || procs == 0 || aliases == 0 {
		t.Errorf("lists: facts %d related %d mentions %d refs %d procedures %d aliases %d",
			facts, related, mentions, refs, procs, aliases)
	}
}

func TestCodes(t *testing.T) {
	got, err := ByCode(EventAuthTokenError.Source(), uint32(EventAuthTokenError))
	if err != nil || len(got) == 0 || got[0].ID() != "prs-32009" {
		t.Errorf("ByCode(Event.AuthTokenError) = %v, %v", got, err)
	}
	if EventAdMutliMatchError != EventAdMultiMatchError || EventAdMutliMatchError.Name() != "AdMutliMatchError" {
		t.Errorf("alias constants")
	}
	if Event(1).Name() != "" || AdSync(6329).Name() != "Event6329" {
		t.Errorf("Name(): %q %q", Event(1).Name(), AdSync(6329).Name())
	}
	any, _ := ByCode("", 6329)
	if len(any) == 0 || ByHResult(uint32(HResult80230619))[0].ID() != "adsync-6329-80230619" {
		t.Errorf("ByCode any source / ByHResult")
	}
	// Every constant names entries of its source.
	for _, id := range EntryIDs() {
		e, _ := ByID(id)
		if code, ok := e.Code(); ok && e.Source() == "PasswordResetService" && Event(code).Name() == "" {
			t.Errorf("%s: code %d has no constant", id, code)
		}
	}
}

func TestSearchAndDecode(t *testing.T) {
	hits, err := Search("the text message with the code never arrives", 0)
	if err != nil || len(hits) <= 5 {
		t.Fatalf("Search: %d hits, %v", len(hits), err)
	}
	found := false
	for i, h := range hits {
		found = found || h.Entry.ID() == "reset-no-sms-or-call"
		if i > 0 && h.Score > hits[i-1].Score || h.Confidence == ConfidenceNone {
			t.Errorf("hit %d out of order or without confidence", i)
		}
	}
	five, _ := Search("the text message with the code never arrives", 5)
	if !found || len(five) != 5 || five[4] != hits[4] {
		t.Errorf("Search limit")
	}
	hr, err := ParseHResult("hr=800700CE")
	if err != nil || hr != 0x800700CE {
		t.Fatalf("ParseHResult = %x, %v", hr, err)
	}
	d := DecodeHResult(hr)
	if !d.Failure || d.Facility != 7 || d.FacilityName != "FACILITY_WIN32" || d.Code != 206 ||
		d.Win32Name != "ERROR_FILENAME_EXCED_RANGE" || d.Win32Message == "" {
		t.Errorf("DecodeHResult = %+v", d)
	}
	if d := DecodeHResult(0x80230619); d.Facility != 35 || d.Win32Name != "" {
		t.Errorf("DecodeHResult(0x80230619) = %+v", d)
	}
}

func TestScanRecords(t *testing.T) {
	log := "14:02 PasswordResetService: Error getting auth token\nall quiet\nhr=800700CE\n"
	records, err := ScanReader(strings.NewReader(log))
	if err != nil || len(records) != 2 {
		t.Fatalf("ScanReader: %d records, %v", len(records), err)
	}
	r := records[0]
	if r.Line != 1 || r.LastLine != 1 || r.Format() == "" || len(r.Entries) == 0 ||
		r.Entries[0].Entry.ID() != "prs-32009" || r.Entries[0].Confidence == ConfidenceNone {
		t.Errorf("record 1: %+v", r)
	}
	if r := records[1]; r.Line != 3 || !reflect.DeepEqual(r.HResults, []uint32{0x800700CE}) ||
		r.Text(FieldHResults) != "" || r.Text(RecordField(99)) != "" {
		t.Errorf("record 2: %+v", r)
	}
	if !reflect.DeepEqual(Scan([]byte(log)), records) {
		t.Errorf("Scan and ScanReader differ")
	}
	data, err := os.ReadFile(vectorsPath()[:len(vectorsPath())-len("lookup.tsv")] + "scan/viewer.txt")
	if err != nil {
		t.Fatal(err)
	}
	viewer := Scan(data)
	if len(viewer) == 0 || viewer[0].Source() != "PasswordResetService" || viewer[0].EventID != 32009 ||
		viewer[0].Format() != "event-viewer-text" || viewer[0].Text(FieldLevel) != "error" {
		t.Errorf("viewer record: %+v", viewer[0])
	}
	if got := Scan(nil); got == nil || len(got) != 0 {
		t.Errorf("Scan(nil) = %v", got)
	}
	s := NewScanner()
	s.Close()
	s.Close()
}
