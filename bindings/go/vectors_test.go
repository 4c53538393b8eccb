package ssprerrors

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// vectorsPath is tests/vectors/lookup.tsv, written by the C library; meson
// passes it in SSPR_ERRORS_VECTORS.
func vectorsPath() string {
	if p := os.Getenv("SSPR_ERRORS_VECTORS"); p != "" {
		return p
	}
	return filepath.Join("..", "..", "tests", "vectors", "lookup.tsv")
}

func ids(entries []Entry) string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.ID()
	}
	return strings.Join(out, " ")
}

func replay(t *testing.T, dir, function, query string) string {
	switch function {
	case "lookup":
		got, err := Lookup(query)
		if err != nil {
			t.Fatal(err)
		}
		return ids(got)
	case "by_id", "by_name":
		find := ByID
		if function == "by_name" {
			find = ByName
		}
		e, err := find(query)
		if err != nil {
			return ""
		}
		return e.ID()
	case "by_code":
		colon := strings.LastIndexByte(query, ':')
		code, err := strconv.ParseUint(query[colon+1:], 10, 32)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ByCode(query[:colon], uint32(code))
		if err != nil {
			t.Fatal(err)
		}
		return ids(got)
	case "by_hresult":
		hr, err := strconv.ParseUint(strings.TrimPrefix(query, "0x"), 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		return ids(ByHResult(uint32(hr)))
	case "search":
		hits, err := Search(query, 5)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]Entry, len(hits))
		for i, h := range hits {
			out[i] = h.Entry
		}
		return ids(out)
	case "scan":
		data, err := os.ReadFile(filepath.Join(dir, query))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ScanMatches(data) {
			out = append(out, fmt.Sprintf("%d:%s", m.Line, m.Entry.ID()))
		}
		// The records do not depend on how the input is cut.
		s := NewScanner()
		defer s.Close()
		var records []Record
		for i := range data {
			records = append(records, s.Feed(data[i:i+1])...)
		}
		records = append(records, s.Finish()...)
		if whole := Scan(data); !reflect.DeepEqual(whole, records) {
			t.Errorf("%s: records fed byte by byte differ from the whole input's", query)
		}
		return strings.Join(out, " ")
	}
	t.Fatalf("unknown function %q", function)
	return ""
}

func TestVectors(t *testing.T) {
	path := vectorsPath()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		f := strings.Split(string(line), "\t")
		if len(f) != 3 {
			t.Fatalf("%s:%d: %d fields", path, n+1, len(f))
		}
		rows++
		if got := replay(t, filepath.Dir(path), f[0], f[1]); got != f[2] {
			t.Errorf("%s:%d: %s(%q) gave [%s], want [%s]", path, n+1, f[0], f[1], got, f[2])
		}
	}
	if rows < 100 {
		t.Fatalf("only %d vectors", rows)
	}
	t.Logf("%d vectors replayed", rows)
}
