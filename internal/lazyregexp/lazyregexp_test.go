package lazyregexp

import (
	"sync"
	"testing"
)

// TestLazy checks that a pattern is compiled on first use only (outside a
// test binary), that concurrent first uses agree (run with -race), and
// that the wrapped methods answer as the compiled regexp does.
func TestLazy(t *testing.T) {
	defer func(v bool) { inTest = v }(inTest)
	inTest = false
	r := New(`(\d+)-(\d+)`)
	if r.rx != nil {
		t.Fatal("New compiled the pattern outside a test binary")
	}
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = r.FindString("a 12-34 b")
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != "12-34" {
			t.Errorf("goroutine %d: FindString = %q, want 12-34", i, g)
		}
	}
	if first := r.Regexp(); r.Regexp() != first {
		t.Error("Regexp compiled the pattern twice")
	}
	if m := r.FindStringSubmatch("7-8"); len(m) != 3 || m[2] != "8" {
		t.Errorf("FindStringSubmatch = %q", m)
	}
	if r.String() != `(\d+)-(\d+)` {
		t.Errorf("String = %q", r.String())
	}
}

// TestInTest checks that a test binary compiles at New, so a bad pattern
// fails the tests of the package that declares it.
func TestInTest(t *testing.T) {
	if !inTest {
		t.Fatal("inTest is false in a test binary")
	}
	defer func() {
		if recover() == nil {
			t.Error("New(`(`) did not panic in a test binary")
		}
	}()
	New(`(`)
}
