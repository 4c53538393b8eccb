package ssprerrors

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeExample: the Go block of README.md is the body of Example in
// example_test.go, which go test runs and checks, so the two cannot drift.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "```go\n")
	block, _, closed := strings.Cut(block, "```")
	if !ok || !closed {
		t.Fatal("README.md has no ```go block")
	}
	example, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(example), block) {
		t.Errorf("README.md's example is not the text of example_test.go:\n%s", block)
	}
	if n := strings.Count(block, "\n"); n > 20 {
		t.Errorf("README example of %d lines", n)
	}
}
