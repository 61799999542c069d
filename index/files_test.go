package index

import (
	"path/filepath"
	"reflect"
	"testing"

	"vanban/extract"
)

// TestFilesAcrossBatches checks what File and Paths answer while a writer
// works: its changes count at once, before and after the batch that holds
// them is committed, and what it keeps aside for them never outgrows one
// batch.
func TestFilesAcrossBatches(t *testing.T) {
	ix := mustOpen(t, filepath.Join(t.TempDir(), "ix"))
	defer ix.Close()
	w := ix.NewWriter(3)
	tg := extract.Target{Text: "90% TCCSĐ", Comparator: ">=", Value: 90, Unit: "%", Subject: "TCCSĐ"}
	add := func(path, sha string) {
		t.Helper()
		rec, text, st := testDoc(path, sha, "Nghị quyết", "Xây dựng đảng.", tg)
		if err := w.Add(rec, text, st); err != nil {
			t.Fatalf("Add(%s): %v", path, err)
		}
	}
	type want struct {
		path  string
		sha   string // "" when the path is not held
		paths []string
	}
	check := func(step string, ws ...want) {
		t.Helper()
		for _, c := range ws {
			st, ok, err := ix.File(c.path)
			if err != nil || ok != (c.sha != "") || st.SHA256 != c.sha {
				t.Errorf("%s: File(%s) = %+v, %v, %v; want sha %q", step, c.path, st, ok, err, c.sha)
			}
			if c.sha == "" {
				continue
			}
			ps, err := ix.Paths(c.sha)
			if err != nil || !reflect.DeepEqual(ps, c.paths) {
				t.Errorf("%s: Paths(%s) = %v, %v; want %v", step, c.sha, ps, err, c.paths)
			}
		}
		ix.mu.Lock()
		n := len(ix.pendingFiles)
		ix.mu.Unlock()
		if n > 3 {
			t.Errorf("%s: %d pending file changes; a batch holds at most 3", step, n)
		}
	}

	add("a.txt", "aaa")
	add("b.txt", "bbb")
	check("pending", want{"a.txt", "aaa", []string{"a.txt"}}, want{"b.txt", "bbb", []string{"b.txt"}}, want{"c.txt", "", nil})
	add("c.txt", "aaa") // the third change commits the batch
	check("committed", want{"a.txt", "aaa", []string{"a.txt", "c.txt"}}, want{"c.txt", "aaa", []string{"a.txt", "c.txt"}})
	if ok := w.Stored("aaa"); !ok {
		t.Errorf("Stored(aaa) = false after its batch was committed")
	}

	// a.txt changes content in the next batch: aaa keeps c.txt alone.
	add("a.txt", "ddd")
	check("changed, pending", want{"a.txt", "ddd", []string{"a.txt"}}, want{"c.txt", "aaa", []string{"c.txt"}})
	if !w.Stored("ddd") {
		t.Errorf("Stored(ddd) = false for content added in the pending batch")
	}
	if err := w.RemovePath("c.txt"); err != nil {
		t.Fatal(err)
	}
	check("removed, pending", want{"c.txt", "", nil})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	check("flushed", want{"a.txt", "ddd", []string{"a.txt"}}, want{"b.txt", "bbb", []string{"b.txt"}}, want{"c.txt", "", nil})
	if ok, _ := ix.HasContent("aaa"); ok {
		t.Errorf("HasContent(aaa) = true after its last path went")
	}
	if err := ix.Verify(); err != nil {
		t.Error(err)
	}
}
