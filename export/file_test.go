package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanban/extract"
)

// leftovers returns the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	return m
}

func TestCreateFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.xlsx")

	f, err := CreateFile(p, false)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("one")
	if _, err := os.Stat(p); err == nil {
		t.Fatalf("%s exists before Commit", p)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort() // after Commit: nothing
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Fatalf("file = %q; want one", b)
	}

	if _, err := CreateFile(p, false); !errors.Is(err, ErrExists) {
		t.Fatalf("CreateFile of an existing file = %v; want ErrExists", err)
	}

	// Abort keeps the old file and removes the temporary one.
	f, err = CreateFile(p, true)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("half")
	f.Abort()
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Fatalf("after Abort file = %q; want one", b)
	}

	// A name taken while writing is not overwritten without force.
	q := filepath.Join(dir, "race.csv")
	f, err = CreateFile(q, false)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(q, []byte("theirs"), 0o644)
	if err := f.Commit(); !errors.Is(err, ErrExists) {
		t.Fatalf("Commit over a new file = %v; want ErrExists", err)
	}
	if b, _ := os.ReadFile(q); string(b) != "theirs" {
		t.Fatalf("the other file = %q; want theirs", b)
	}

	f, err = CreateFile(p, true)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("two")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Fatalf("with force file = %q; want two", b)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

// An interrupted export leaves no file under the name and no temporary
// file.
func TestExportInterrupted(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, dir+"/idx", sampleArchive(dir))
	out := filepath.Join(dir, "out.xlsx")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := func() error {
		f, err := CreateFile(out, false)
		if err != nil {
			return err
		}
		defer f.Abort()
		x, err := NewXLSX(f, Options{})
		if err != nil {
			return err
		}
		if _, err := Export(ctx, ix, nil, x, Options{}); err != nil {
			return err
		}
		return f.Commit()
	}()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("export with a cancelled context = %v; want context.Canceled", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written by an interrupted export", out)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("temporary files left: %q", l)
	}
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	fx := sampleArchive(dir)
	ix := buildIndex(t, dir+"/idx", fx)
	var buf bytes.Buffer
	n, err := ExportJSONL(context.Background(), ix, nil, NewJSONL(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if n != len(fx) {
		t.Fatalf("ExportJSONL wrote %d records; want %d", n, len(fx))
	}
	want := map[string]extract.Record{}
	for _, f := range fx {
		want[f.paths[0]] = f.rec
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<24)
	lines := 0
	for sc.Scan() {
		lines++
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		for _, k := range []string{"path", "sha256", "format", "encoding", "kind", "title", "number", "issuer", "issued", "published",
			"authors", "pages", "references", "abbreviations", "dates", "targets", "warnings", "error"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("line %d has no %q", lines, k)
			}
		}
		for _, k := range []string{"authors", "references", "abbreviations", "dates", "targets", "warnings"} {
			if raw[k] == nil {
				t.Errorf("line %d: %s is null; want an array", lines, k)
			}
		}
		var rec extract.Record
		json.Unmarshal(sc.Bytes(), &rec)
		w, ok := want[rec.Path]
		if !ok {
			t.Errorf("line %d: unknown path %q", lines, rec.Path)
			continue
		}
		if rec.Number != w.Number || len(rec.Targets) != len(w.Targets) || len(rec.Dates) != len(w.Dates) || rec.SHA256 == "" {
			t.Errorf("record %s = %s %d targets %d dates; want %s %d %d", rec.Path, rec.Number, len(rec.Targets), len(rec.Dates), w.Number, len(w.Targets), len(w.Dates))
		}
	}
	if lines != n {
		t.Errorf("%d lines; want %d", lines, n)
	}
}

func TestCSVTyped(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, dir+"/idx", sampleArchive(dir))
	var buf bytes.Buffer
	opts := Options{Sheets: []Sheet{SheetTargets}, Lang: English}
	if _, err := Export(context.Background(), ix, nil, NewCSV(&buf, opts), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\r\n") {
		t.Errorf("CSV lines do not end in CRLF")
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom)))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	h := map[string]int{}
	for i, x := range recs[0] {
		h[x] = i
	}
	found := false
	for _, rec := range recs[1:] {
		if rec[h["Unit"]] != "triệu đồng/người/năm" {
			continue
		}
		found = true
		for name, want := range map[string]string{"Value": "55", "Value max": "60", "Comparator": "range", "Period start": "2021-07",
			"Period end": "2025-06", "Issued": "2021-03-12", "Kind": "resolution", "Page": "2", "Parent row": "", "File": dir + "/nghi-quyet-05.pdf"} {
			if got := rec[h[name]]; got != want {
				t.Errorf("CSV %s = %q; want %q", name, got, want)
			}
		}
	}
	if !found {
		t.Errorf("the range target is not in the CSV: %q", recs)
	}
}
