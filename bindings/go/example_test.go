package ssprerrors_test

import (
	"fmt"

	"example.invalid/ssprerrors"
)

// The README's example (readme_test.go checks that README.md shows this text).
func Example() {
	hits, _ := ssprerrors.Lookup("hr=800700CE")
	fmt.Println(hits[0].ID(), "-", hits[0].Title())
	e, _ := ssprerrors.ByName("ADUnknownError")
	code, _ := e.Code()
	fmt.Println(e.Name(), e.Source(), code, e.Kind())
	fmt.Println(ssprerrors.EventAuthTokenError, ssprerrors.EventAuthTokenError.Name())
	log := []byte("14:02 PasswordResetService: Error getting auth token\n")
	for _, r := range ssprerrors.Scan(log) {
		fmt.Println(r.Line, r.Entries[0].Entry.ID(), r.Entries[0].Confidence)
	}
	// Output:
	// adsync-hr-800700ce - Connector account password is too long
	// ADUnKnownError PasswordResetService 33001 event
	// 32009 AuthTokenError
	// 1 prs-32009 high
}
