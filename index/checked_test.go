package index

import (
	"path/filepath"
	"reflect"
	"testing"

	"vanban/extract"
)

// TestAddChecked checks that AddChecked leaves the index as Add would,
// whether the caller's answers still hold or were made stale by changes
// the writer made after the mark (in the batch being filled, in a
// committed batch, or so many batches ago that the writer has forgotten).
func TestAddChecked(t *testing.T) {
	tg := extract.Target{Subject: "đảng viên", Value: 90, Unit: "%"}
	type add struct {
		path, sha string
		flush     bool // commit after it
	}
	cases := []struct {
		name   string
		before []add // committed before the mark
		after  []add // after the mark, before AddChecked
		filler int   // batches of other documents committed after the mark
		path   string
		sha    string
		prev   string // the content the caller found at path ("" none)
		paths  map[string][]string
		gone   []string
	}{
		{name: "new path, new content", path: "a.txt", sha: "aaa",
			paths: map[string][]string{"aaa": {"a.txt"}}},
		{name: "content added after the mark, same batch", after: []add{{"x.txt", "aaa", false}}, path: "a.txt", sha: "aaa",
			paths: map[string][]string{"aaa": {"a.txt", "x.txt"}}},
		{name: "content added after the mark, committed", after: []add{{"x.txt", "aaa", true}}, path: "a.txt", sha: "aaa",
			paths: map[string][]string{"aaa": {"a.txt", "x.txt"}}},
		{name: "path changed after the mark", after: []add{{"a.txt", "old", true}}, path: "a.txt", sha: "aaa",
			paths: map[string][]string{"aaa": {"a.txt"}}, gone: []string{"old"}},
		{name: "path known before the mark", before: []add{{"a.txt", "old", true}}, path: "a.txt", sha: "aaa", prev: "old",
			paths: map[string][]string{"aaa": {"a.txt"}}, gone: []string{"old"}},
		{name: "mark forgotten", after: []add{{"a.txt", "old", true}, {"x.txt", "aaa", true}}, filler: recentBatches + 1,
			path: "a.txt", sha: "aaa",
			paths: map[string][]string{"aaa": {"a.txt", "x.txt"}}, gone: []string{"old"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ix := mustOpen(t, filepath.Join(t.TempDir(), "ix"))
			defer ix.Close()
			w := ix.NewWriter(100)
			do := func(as []add) {
				for _, a := range as {
					rec, text, st := testDoc(a.path, a.sha, a.path, "Nội dung "+a.sha, tg, tg)
					if err := w.Add(rec, text, st); err != nil {
						t.Fatal(err)
					}
					if a.flush {
						if err := w.Flush(); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			do(c.before)
			m := w.Mark()
			do(c.after)
			for i := range c.filler {
				do([]add{{filepath.Join("filler", string(rune('a'+i))), "f" + string(rune('a'+i)), true}})
			}
			if stored := w.StoredSince(c.sha, m); stored != (len(c.paths[c.sha]) > 1) {
				t.Errorf("StoredSince(%s) = %v", c.sha, stored)
			}
			var prev FileState
			if c.prev != "" {
				prev = FileState{Path: c.path, SHA256: c.prev}
			}
			rec, text, st := testDoc(c.path, c.sha, c.path, "Nội dung "+c.sha, tg)
			if err := w.AddChecked(rec, text, st, prev, m); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			for sha, want := range c.paths {
				if got, _ := ix.Paths(sha); !reflect.DeepEqual(got, want) {
					t.Errorf("Paths(%s) = %v; want %v", sha, got, want)
				}
			}
			for _, sha := range c.gone {
				if ok, _ := ix.HasContent(sha); ok {
					t.Errorf("content %s still stored", sha)
				}
			}
			// A target of a stored version left behind fails it too.
			if err := ix.Verify(); err != nil {
				t.Error(err)
			}
		})
	}
}
