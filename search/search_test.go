package search

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"vanban/extract"
	"vanban/index"
	"vanban/ingest/vntext"
)

// corpusDir is the search corpus: documents written for these tests
// (docs/*.txt), each a JSON header (the record fields an extractor would
// give), a line "---" and the text; and official texts copied unchanged from
// the shared corpus (docs/*.md, listed in SOURCES.tsv), whose records the
// extractor makes. The query table indexes the written ones; the graded
// query set (graded_test.go) all of them.
const corpusDir = "../testdata/search"

// loadDoc reads one corpus document: its record, its text and the file's
// size.
func loadDoc(t testing.TB, path string) (extract.Record, string, int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".md") {
		// An official text, as ingest reads a UTF-8 text file.
		sum := sha256.Sum256(b)
		src := extract.Source{
			Path:   filepath.ToSlash(path),
			SHA256: hex.EncodeToString(sum[:]),
			Format: extract.FormatText,
			Pages:  []string{vntext.Clean(strings.ReplaceAll(string(b), "\r\n", "\n"))},
		}
		return extract.Extract(src), src.Text(), int64(len(b))
	}
	head, body, ok := bytes.Cut(b, []byte("\n---\n"))
	if !ok {
		t.Fatalf("%s: no --- line", path)
	}
	sum := sha256.Sum256(b)
	src := extract.Source{
		Path:   filepath.ToSlash(path),
		SHA256: hex.EncodeToString(sum[:]),
		Format: extract.FormatText,
		Pages:  strings.Split(string(body), extract.PageBreak),
	}
	rec := extract.Extract(src)
	if err := json.Unmarshal(head, &rec); err != nil {
		t.Fatalf("%s: header: %v", path, err)
	}
	rec.Path, rec.SHA256, rec.Format = src.Path, src.SHA256, src.Format
	return rec, src.Text(), int64(len(b))
}

// buildIndex indexes the written documents of the corpus into a new index
// and opens it read-only.
func buildIndex(t testing.TB) *index.Index {
	t.Helper()
	return buildIndexOf(t, "*.txt")
}

// buildIndexOf indexes the corpus documents whose names match the patterns
// into a new index and opens it read-only.
func buildIndexOf(t testing.TB, patterns ...string) *index.Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(5)
	var files []string
	for _, p := range patterns {
		m, _ := filepath.Glob(filepath.Join(corpusDir, "docs", p))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no corpus documents")
	}
	for _, f := range files {
		rec, text, size := loadDoc(t, f)
		if err := w.Add(rec, text, index.FileState{Path: rec.Path, SHA256: rec.SHA256, Size: size}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = index.OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

type queryCase struct {
	name, query string
	q           Query
	expect      []string
}

func readQueries(t *testing.T) []queryCase {
	f, err := os.Open(filepath.Join(corpusDir, "queries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []queryCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("queries.tsv: %q: want 4 columns", line)
		}
		c := queryCase{name: cols[0], query: cols[2], expect: strings.Fields(cols[3])}
		c.q.Text = c.query
		for _, fl := range strings.Fields(cols[1]) {
			k, v, _ := strings.Cut(fl, "=")
			v = strings.ReplaceAll(v, "_", " ")
			switch k {
			case "nfd":
				c.q.Text = norm.NFD.String(c.q.Text)
			case "targets":
				c.q.Targets = true
			case "from":
				c.q.From = v
			case "to":
				c.q.To = v
			case "kind":
				c.q.Kind = v
			case "issuer":
				c.q.Issuer = v
			case "number":
				c.q.Number = v
			default:
				t.Fatalf("queries.tsv: %s: unknown flag %q", c.name, k)
			}
		}
		out = append(out, c)
	}
	return out
}

// hitName is the corpus name of a hit's document.
func hitName(h Hit) string {
	return strings.TrimSuffix(filepath.Base(h.Path), ".txt")
}

// TestQueryTable runs testdata/search/queries.tsv: each query must find its
// documents in the top 3 (or at the rank given) and not the excluded ones.
func TestQueryTable(t *testing.T) {
	ix := buildIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var rr float64
	var n int
	for _, c := range readQueries(t) {
		t.Run(c.name, func(t *testing.T) {
			q := c.q
			q.Limit = 20
			res, err := s.Search(ctx, q)
			if err != nil {
				t.Fatalf("Search(%q): %v", c.query, err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, hitName(h))
			}
			rank := func(name string) int {
				for i, g := range got {
					if g == name {
						return i + 1
					}
				}
				return 0
			}
			for _, e := range c.expect {
				switch {
				case e == "-":
					if len(got) > 0 {
						t.Errorf("Search(%q) = %v; want no hit", c.query, got)
					}
				case strings.HasPrefix(e, "!"):
					if r := rank(e[1:]); r > 0 {
						t.Errorf("Search(%q) = %v; want no %s", c.query, got, e[1:])
					}
				default:
					name, at, _ := strings.Cut(e, "@")
					r := rank(name)
					if r > 0 {
						rr += 1 / float64(r)
					}
					n++
					want := 3
					if at != "" {
						fmt.Sscan(at, &want)
						if r != want {
							t.Errorf("Search(%q) = %v; want %s at rank %d, got rank %d", c.query, got, name, want, r)
						}
					} else if r == 0 || r > want {
						t.Errorf("Search(%q) = %v; want %s in the top %d", c.query, got, name, want)
					}
				}
			}
		})
	}
	if n > 0 {
		t.Logf("MRR over %d expected documents: %.3f", n, rr/float64(n))
	}
}

func TestBadQuery(t *testing.T) {
	ix := buildIndex(t)
	for _, q := range []Query{
		{Text: `"trong sạch`},
		{Text: "x", From: "hôm qua"},
		{Text: "x", From: "2020", To: "2019"},
		{Text: "issued:tuần trước"},
		{Text: "x", MinConfidence: 0.5},
		{Text: "x", Targets: true, MinConfidence: 1.5},
		{Text: "x", Targets: true, MinConfidence: -0.1},
	} {
		_, err := Search(context.Background(), ix, q)
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%+v) error = %v; want ErrBadQuery", q, err)
		}
	}
}

func TestSnippetsAndFacets(t *testing.T) {
	ix := buildIndex(t)
	res, err := Search(context.Background(), ix, Query{Text: "trong sach vung manh", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || len(res.Hits[0].Snippets) == 0 {
		t.Fatalf("Search = %+v; want a hit with snippets", res.Hits)
	}
	sn := res.Hits[0].Snippets[0]
	marked := sn.Marked("[", "]")
	for _, w := range []string{"[trong] [sạch]", "[vững] [mạnh]"} {
		if !strings.Contains(marked, w) {
			t.Errorf("snippet %q; want it to mark %q", marked, w)
		}
	}
	if f := res.Facets["kind"]; len(f) == 0 || f[0].Value != "resolution" {
		t.Errorf("kind facet = %v; want resolution first", f)
	}
	if f := res.Facets["year"]; len(f) == 0 {
		t.Errorf("year facet = %v; want counts", f)
	}
}

func TestSortByDate(t *testing.T) {
	ix := buildIndex(t)
	res, err := Search(context.Background(), ix, Query{Text: "nghị quyết", SortByDate: true, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	last := "9999"
	for _, h := range res.Hits {
		d := string(h.Record.Issued)
		if d == "" {
			d = string(h.Record.Published)
		}
		if d == "" {
			last = ""
			continue
		}
		if d > last {
			t.Errorf("date order: %s after %s", d, last)
		}
		last = d
	}
}

// TestAllWordsRequired checks the plan for several words: every word
// required (an abbreviation or its expansion counting for its words), and
// any word when fewer documents than asked hold them all.
func TestAllWordsRequired(t *testing.T) {
	ix := buildIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		text      string
		limit     int
		wantTotal uint64 // 0: more than one, not checked exactly
		wantFirst string
	}{
		// bc-chibo writes "tổ chức cơ sở đảng", never TCCSĐ, and alone
		// holds "sinh hoạt": the expansion stands for the short form.
		{"TCCSĐ sinh hoạt", 1, 1, "bc-chibo"},
		{"tổ chức cơ sở đảng sinh hoạt", 1, 1, "bc-chibo"},
		// Only one document holds both words.
		{"thủy lợi sức khỏe", 1, 1, "nq-thuyloi"},
		// No document holds xyzzyqua: any word, ranked as before.
		{"phát triển thủy lợi xyzzyqua", 1, 0, "nq-thuyloi"},
	} {
		res, err := s.Search(ctx, Query{Text: c.text, Limit: c.limit})
		if err != nil {
			t.Fatalf("Search(%q): %v", c.text, err)
		}
		if len(res.Hits) == 0 || hitName(res.Hits[0]) != c.wantFirst {
			t.Errorf("Search(%q) first hit = %v; want %s", c.text, res.Hits, c.wantFirst)
			continue
		}
		if c.wantTotal > 0 && res.Total != c.wantTotal {
			t.Errorf("Search(%q).Total = %d; want %d (documents holding every word)", c.text, res.Total, c.wantTotal)
		}
		if c.wantTotal == 0 && res.Total < 2 {
			t.Errorf("Search(%q).Total = %d; want the documents holding any word", c.text, res.Total)
		}
	}
}
