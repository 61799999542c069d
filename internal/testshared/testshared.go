// Package testshared finds the ../shared folder (test corpus, gold records,
// scorers) beside the repository for tests, and skips a test with a clear
// message when it is not there.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository's root: the nearest folder above the working
// directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testshared: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Dir returns the path of ../shared/REL beside the repository root, or skips
// the test when it is absent ($VANBAN_SHARED overrides the location).
func Dir(t testing.TB, rel string) string {
	t.Helper()
	base := os.Getenv("VANBAN_SHARED")
	if base == "" {
		base = filepath.Join(filepath.Dir(Root(t)), "shared")
	}
	p := filepath.Join(base, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipped: %s is not available (the ../shared corpus sits beside the repository; set VANBAN_SHARED to point elsewhere)", p)
	}
	return p
}
