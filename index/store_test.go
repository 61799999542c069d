package index

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"vanban/extract"
)

func testDoc(path, sha, title, text string, targets ...extract.Target) (extract.Record, string, FileState) {
	src := extract.Source{Path: path, SHA256: sha, Format: extract.FormatText, Pages: []string{text}}
	rec := extract.Extract(src)
	rec.Title = extract.NullString(title)
	rec.Kind = "resolution"
	rec.Targets = append([]extract.Target{}, targets...)
	return rec, src.Text(), FileState{Path: path, SHA256: sha, Size: int64(len(text)), ModTime: time.Unix(1700000000, 0)}
}

func mustOpen(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%q): %v", dir, err)
	}
	return ix
}

// paths returns the sorted paths of every stored record.
func recordPaths(t *testing.T, ix *Index) []string {
	t.Helper()
	var got []string
	if err := ix.Records(context.Background(), nil, func(r extract.Record) error { got = append(got, r.Path); return nil }); err != nil {
		t.Fatalf("Records: %v", err)
	}
	sort.Strings(got)
	return got
}

func TestStoreLifecycle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	w := ix.NewWriter(2)
	tg := extract.Target{Text: "90% TCCSĐ", Comparator: ">=", Value: 90, Unit: "%", Subject: "TCCSĐ"}
	for _, c := range []struct{ path, sha, title string }{
		{"a.txt", "aaa", "Nghị quyết A"},
		{"b.txt", "bbb", "Nghị quyết B"},
		{"c.txt", "ccc", "Nghị quyết C"},
	} {
		rec, text, st := testDoc(c.path, c.sha, c.title, "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh.", tg, tg)
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
	}
	// Same content as a.txt at a second path.
	if err := w.AddPath(FileState{Path: "copy/a.txt", SHA256: "aaa", Size: 1}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix = mustOpen(t, dir)
	files, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 || files["copy/a.txt"].SHA256 != "aaa" || files["b.txt"].ModTime.Unix() != 1700000000 {
		t.Fatalf("Files() = %v; want 4 paths with their state", files)
	}
	if n, _ := ix.Count(); n != 3 {
		t.Errorf("Count() = %d; want 3", n)
	}
	if n, _ := ix.CountTargets(); n != 6 {
		t.Errorf("CountTargets() = %d; want 6", n)
	}
	if ok, _ := ix.HasContent("bbb"); !ok {
		t.Errorf("HasContent(bbb) = false; want true")
	}
	if ok, _ := ix.HasContent("zzz"); ok {
		t.Errorf("HasContent(zzz) = true; want false")
	}
	if ps, _ := ix.Paths("aaa"); !reflect.DeepEqual(ps, []string{"a.txt", "copy/a.txt"}) {
		t.Errorf("Paths(aaa) = %v; want [a.txt copy/a.txt]", ps)
	}

	// b.txt changes content (one target now); a.txt is removed but its
	// copy keeps the content; c.txt is removed and its content goes.
	w = ix.NewWriter(100)
	rec, text, st := testDoc("b.txt", "bbb2", "Nghị quyết B sửa đổi", "Văn bản mới.", tg)
	if err := w.Add(rec, text, st); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"a.txt", "c.txt", "never-seen.txt"} {
		if err := w.RemovePath(p); err != nil {
			t.Fatalf("RemovePath(%q): %v", p, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	ix = mustOpen(t, dir)
	defer ix.Close()
	if got, want := recordPaths(t, ix), []string{"b.txt", "copy/a.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("record paths = %v; want %v", got, want)
	}
	if n, _ := ix.CountTargets(); n != 3 {
		t.Errorf("CountTargets() after changes = %d; want 3 (2 of aaa, 1 of bbb2)", n)
	}
	for sha, want := range map[string]bool{"aaa": true, "bbb": false, "bbb2": true, "ccc": false} {
		if got, _ := ix.HasContent(sha); got != want {
			t.Errorf("HasContent(%q) = %v; want %v", sha, got, want)
		}
	}
	files, _ = ix.Files()
	if len(files) != 2 {
		t.Errorf("Files() = %v; want b.txt and copy/a.txt", files)
	}
	r, ok, err := ix.Record("bbb2")
	if err != nil || !ok || r.Title != "Nghị quyết B sửa đổi" || r.Path != "b.txt" {
		t.Errorf("Record(bbb2) = %+v, %v, %v; want the new record at b.txt", r, ok, err)
	}
	var ts []StoredTarget
	ix.Targets(context.Background(), func(t StoredTarget) error { ts = append(ts, t); return nil })
	if len(ts) != 3 || ts[0].Subject != "TCCSĐ" || len(ts[0].Paths) == 0 {
		t.Errorf("Targets() = %+v; want 3 targets with paths", ts)
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	_, err := OpenReadOnly(filepath.Join(t.TempDir(), "none"))
	if !errors.Is(err, ErrNoIndex) {
		t.Errorf("OpenReadOnly(missing) = %v; want ErrNoIndex", err)
	}
}

func TestReadOnlyWriterFails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	mustOpen(t, dir).Close()
	ix, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rec, text, st := testDoc("a.txt", "aaa", "A", "x")
	if err := ix.NewWriter(1).Add(rec, text, st); err == nil {
		t.Errorf("Add through a read-only index = nil; want an error")
	}
}

// TestLockTimeout checks that a second writer of an index held by a writer
// fails with ErrInUse in about two seconds. (flock locks are per open
// file, so a second open in this process meets the lock as another process
// would.) Readers are let in: TestReadWhileWriting.
func TestLockTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 2 s lock timeout")
	}
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	defer ix.Close()
	for name, open := range map[string]func(string) (*Index, error){"Open": Open} {
		start := time.Now()
		other, err := open(dir)
		if err == nil {
			other.Close()
			t.Fatalf("%s while a writer holds the index = nil error; want ErrInUse", name)
		}
		if !errors.Is(err, ErrInUse) {
			t.Errorf("%s while held = %v; want ErrInUse", name, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s took %v to give up; want about 2s", name, d)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		end  bool
		want string
	}{
		{"2015", false, "2015-01-01T00:00:00Z"},
		{"2015", true, "2015-12-31T23:59:59.999Z"},
		{"2011-07", true, "2011-07-31T23:59:59.999Z"},
		{"2011-07-04", false, "2011-07-04T00:00:00Z"},
		{"2011-07-10T19:35", false, "2011-07-10T19:35:00Z"},
	} {
		got, ok := ParseDate(c.in, c.end)
		if !ok || got.Format(time.RFC3339Nano) != c.want {
			t.Errorf("ParseDate(%q, %v) = %v, %v; want %s", c.in, c.end, got.Format(time.RFC3339Nano), ok, c.want)
		}
	}
	for _, bad := range []string{"", "20", "2015-13", "hôm qua", "2015-02-30"} {
		if got, ok := ParseDate(bad, false); ok {
			t.Errorf("ParseDate(%q) = %v, true; want false", bad, got)
		}
	}
}

// TestReaddFewerTargets re-adds stored content with fewer targets (an
// extractor that improved): the extra targets go.
func TestReaddFewerTargets(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	tg := extract.Target{Subject: "đảng viên"}
	for round, n := range []int{3, 1} {
		ix := mustOpen(t, dir)
		w := ix.NewWriter(10)
		targets := make([]extract.Target, n)
		for i := range targets {
			targets[i] = tg
		}
		rec, text, st := testDoc("a.txt", "aaa", "A", "x", targets...)
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if got, _ := ix.CountTargets(); got != n {
			t.Errorf("round %d: CountTargets() = %d; want %d", round, got, n)
		}
		if err := ix.Verify(); err != nil {
			t.Errorf("round %d: %v", round, err)
		}
		ix.Close()
	}
}
