package index

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// count returns the number of documents ix holds, failing the test on error.
func count(t *testing.T, ix *Index) int {
	t.Helper()
	n, err := ix.Count()
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

// TestReadWhileWriting checks that readers are let in while a writer holds
// the index: each sees what the writer made durable (Flush) when it
// opened, and keeps seeing it while the writer goes on; a second writer is
// still refused; once the writer closes, readers open the index itself,
// also when a killed writer left a snapshot behind.
func TestReadWhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 2 s lock timeout")
	}
	dir := filepath.Join(t.TempDir(), "ix")
	w0 := mustOpen(t, dir)
	rec, text, st := testDoc("a.txt", "aaa", "A", "Nghị quyết thứ nhất")
	wr := w0.NewWriter(10)
	if err := wr.Add(rec, text, st); err != nil {
		t.Fatal(err)
	}
	if err := wr.Flush(); err != nil {
		t.Fatal(err)
	}
	w0.Close()

	ix := mustOpen(t, dir)
	r0, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("OpenReadOnly while a writer holds the index: %v", err)
	}
	defer r0.Close()
	if n := count(t, r0); n != 1 {
		t.Errorf("reader opened with the writer: %d documents; want the 1 stored before", n)
	}
	w := ix.NewWriter(10)
	rec, text, st = testDoc("b.txt", "bbb", "B", "Nghị quyết thứ hai")
	if err := w.Add(rec, text, st); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rec, text, st = testDoc("c.txt", "ccc", "C", "Nghị quyết thứ ba")
	if err := w.Add(rec, text, st); err != nil { // not flushed
		t.Fatal(err)
	}
	r1, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("OpenReadOnly after a Flush: %v", err)
	}
	defer r1.Close()
	if n := count(t, r1); n != 2 {
		t.Errorf("reader opened after the Flush: %d documents; want 2", n)
	}
	if files, err := r1.Files(); err != nil || len(files) != 2 {
		t.Errorf("reader opened after the Flush: Files = %v, %v; want a.txt and b.txt", files, err)
	}
	if n := count(t, r0); n != 1 {
		t.Errorf("reader opened before the Flush: %d documents after it; want still 1", n)
	}
	if _, err := Open(dir); !errors.Is(err, ErrInUse) {
		t.Errorf("second writer = %v; want ErrInUse", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, readersDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("snapshots left after the writer closed: %v", err)
	}
	if n := count(t, r1); n != 2 {
		t.Errorf("reader opened during the write, after the writer closed: %d documents; want 2", n)
	}
	// A killed writer's snapshot, stale: the index itself is opened.
	if err := os.MkdirAll(filepath.Join(dir, readersDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, readersDir, currentFile), []byte("gone"), 0o644); err != nil {
		t.Fatal(err)
	}
	r2, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("OpenReadOnly with a stale snapshot and no writer: %v", err)
	}
	defer r2.Close()
	if n := count(t, r2); n != 2 { // c.txt was never flushed
		t.Errorf("reader after the writer closed: %d documents; want 2", n)
	}
	if err := r2.Verify(); err != nil {
		t.Error(err)
	}
}
