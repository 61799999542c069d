package index

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"vanban/extract"
)

// corpusIndex indexes the documents of the search tests' corpus
// (../testdata/search/docs: a JSON header of record fields, a line "---"
// and the text) into a new index, opened read-only.
func corpusIndex(t *testing.T) *Index {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "search", "docs", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no corpus documents")
	}
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	w := ix.NewWriter(5)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, body, ok := bytes.Cut(b, []byte("\n---\n"))
		if !ok {
			t.Fatalf("%s: no --- line", f)
		}
		sum := sha256.Sum256(b)
		src := extract.Source{Path: filepath.ToSlash(f), SHA256: hex.EncodeToString(sum[:]), Format: extract.FormatText,
			Pages: strings.Split(string(body), extract.PageBreak)}
		rec := extract.Extract(src)
		if err := json.Unmarshal(head, &rec); err != nil {
			t.Fatalf("%s: header: %v", f, err)
		}
		rec.Path, rec.SHA256, rec.Format = src.Path, src.SHA256, src.Format
		if err := w.Add(rec, src.Text(), FileState{Path: src.Path, SHA256: src.SHA256, Size: int64(len(b))}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestResolutions(t *testing.T) {
	ix := corpusIndex(t)
	rs, err := ix.Resolutions(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		number, issued string
		paths, cites   int
	}
	var got []row
	for _, r := range rs {
		got = append(got, row{r.Number, r.Issued, len(r.Paths), len(r.CitedBy)})
	}
	want := []row{
		{"02-NQ/ĐUK", "2011-07-04", 1, 1},       // own document, cited by the 2012 report
		{"18-NQ/TW", "2017-10-25", 1, 1},        // cited by the 2019 directive
		{"08-NQ/HU", "2018-05-02", 1, 0},        // own document only
		{"15/2020/NQ-HĐND", "2020-12-10", 1, 0}, // state resolution
		{"10-NQ/TU", "2021-03-01", 0, 1},        // only cited
		{"18-NQ/TW", "2022-06-16", 1, 0},        // same number, next term
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Resolutions() =\n%v\nwant\n%v", got, want)
	}
}

func TestPickDate(t *testing.T) {
	known := []string{"2017-10-25", "2022-06-16"}
	for _, c := range []struct{ at, want string }{
		{"2019-01-10", "2017-10-25"},
		{"2023-01-01", "2022-06-16"},
		{"2016-01-01", ""},
		{"", ""},
	} {
		if got := pickDate(known, c.at); got != c.want {
			t.Errorf("pickDate(%v, %q) = %q; want %q", known, c.at, got, c.want)
		}
	}
	if got := pickDate([]string{"2011-07-04"}, ""); got != "2011-07-04" {
		t.Errorf("pickDate(one, \"\") = %q; want the only date", got)
	}
}

func TestIsResolutionNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"18-NQ/TW", true},
		{"15/2011/NQ-HĐND", true},
		{"35/NQ-CP", true},
		{"05-CT/TW", false},
		{"123/QĐ-UBND", false},
		{"NQA/1", false},
	} {
		if got := IsResolutionNumber(c.in); got != c.want {
			t.Errorf("IsResolutionNumber(%q) = %v; want %v", c.in, got, c.want)
		}
	}
}

// shaOfFile is the content hash corpusIndex stores a corpus file under.
func shaOfFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "search", "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// TestResolutionsSelected checks the registry restricted to a selection:
// the resolutions that are selected documents or that selected documents
// cite, with only the selected citations.
func TestResolutionsSelected(t *testing.T) {
	ix := corpusIndex(t)
	for _, c := range []struct {
		docs []string
		want string
	}{
		{[]string{"ct-thamnhung.txt"}, "[{18-NQ/TW 2017-10-25 1 1}]"}, // cites the 2017 resolution
		{[]string{"nq02-tccsd.txt"}, "[{02-NQ/ĐUK 2011-07-04 1 0}]"},  // its citing report is not selected
		{[]string{"nq02-tccsd.txt", "bc-chibo.txt"}, "[{02-NQ/ĐUK 2011-07-04 1 1}]"},
		{[]string{"tin-gialua.txt"}, "[]"}, // cites nothing
	} {
		sel := NewSelection(false)
		for _, d := range c.docs {
			sel.AddDocument(shaOfFile(t, d))
		}
		rs, err := ix.Resolutions(context.Background(), sel, nil)
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			number, issued string
			paths, cites   int
		}
		got := []row{}
		for _, r := range rs {
			got = append(got, row{r.Number, r.Issued, len(r.Paths), len(r.CitedBy)})
		}
		if fmt.Sprint(got) != c.want {
			t.Errorf("Resolutions(selection of %v) = %v; want %s", c.docs, got, c.want)
		}
	}
}

// TestReadThroughSelection checks that Records reads only the selected
// documents, and that Documents and Texts look documents up by content
// hash.
func TestReadThroughSelection(t *testing.T) {
	ix := corpusIndex(t)
	ctx := context.Background()
	a, b := shaOfFile(t, "nq02-tccsd.txt"), shaOfFile(t, "tin-gialua.txt")
	sel := NewSelection(false)
	sel.AddDocument(a)
	sel.AddDocument(b)
	var got []string
	if err := ix.Records(ctx, sel, func(r extract.Record) error { got = append(got, filepath.Base(r.Path)); return nil }); err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	if want := "[nq02-tccsd.txt tin-gialua.txt]"; fmt.Sprint(got) != want {
		t.Errorf("Records(selection) = %v; want %s", got, want)
	}
	all := 0
	if err := ix.Records(ctx, nil, func(extract.Record) error { all++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); all != n {
		t.Errorf("Records(nil) gave %d records; the index holds %d", all, n)
	}

	docs, err := ix.Documents(ctx, []string{a, "0000"})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[a].Record.Number != "02-NQ/ĐUK" || len(docs[a].Paths) != 1 {
		t.Errorf("Documents(a, unknown) = %+v; want only a, 02-NQ/ĐUK with one path", docs)
	}
	text, err := ix.Text(ctx, b)
	if err != nil || !strings.Contains(text, "lúa") {
		t.Errorf("Text(b) = %.40q, %v; want the article's text", text, err)
	}
	if text, err := ix.Text(ctx, "0000"); err != nil || text != "" {
		t.Errorf("Text(unknown) = %q, %v; want \"\", nil", text, err)
	}

	ts := NewSelection(true)
	ts.AddTarget(a, 1)
	if !ts.HasDocument(a) || ts.HasTarget(a, 0) || !ts.HasTarget(a, 1) || ts.HasDocument(b) {
		t.Errorf("selection of target 1 of a: HasDocument(a) %v, HasTarget(a, 0) %v, HasTarget(a, 1) %v, HasDocument(b) %v; want true false true false",
			ts.HasDocument(a), ts.HasTarget(a, 0), ts.HasTarget(a, 1), ts.HasDocument(b))
	}
	var none *Selection
	if none.Documents() != -1 || !none.HasTarget(a, 7) {
		t.Errorf("nil selection: Documents() = %d, HasTarget = %v; want -1, true (everything)", none.Documents(), none.HasTarget(a, 7))
	}
}
