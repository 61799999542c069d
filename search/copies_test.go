package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
	"vanban/index"
)

// copiesIndex indexes the query-table corpus plus two copies of
// nq02-tccsd.txt (a re-post under a site header, and its text with
// PDF-like line breaks) and two decisions of one template
// (../testdata/copies), and opens it read-only.
func copiesIndex(t *testing.T) *index.Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(5)
	files, _ := filepath.Glob(filepath.Join(corpusDir, "docs", "*.txt"))
	add := func(rec extract.Record, text string) {
		t.Helper()
		if err := w.Add(rec, text, index.FileState{Path: rec.Path, SHA256: rec.SHA256, Size: int64(len(text))}); err != nil {
			t.Fatal(err)
		}
	}
	var orig extract.Record
	var origText string
	for _, f := range files {
		rec, text, _ := loadDoc(t, f)
		add(rec, text)
		if strings.HasSuffix(f, "nq02-tccsd.txt") {
			orig, origText = rec, text
		}
	}
	copyOf := func(path, format, text string) {
		sum := sha256.Sum256([]byte(text))
		src := extract.Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Format: format, Pages: []string{text}}
		rec := extract.Extract(src)
		rec.Kind, rec.Title, rec.Number, rec.Issuer, rec.Issued = orig.Kind, orig.Title, orig.Number, orig.Issuer, orig.Issued
		rec.Path, rec.SHA256, rec.Format = path, src.SHA256, format
		add(rec, src.Text())
	}
	copyOf("copies/nq02-tccsd.html", "html", "CỔNG THÔNG TIN ĐIỆN TỬ\nTrang chủ | Tin tức\n"+origText+"\nChia sẻ bài viết")
	copyOf("copies/nq02-tccsd.pdf", "pdf", strings.Join(strings.Fields(origText), "\n"))
	for _, name := range []string{"qd-3769-UBND-nghe-an.md", "qd-3782-UBND-nghe-an.md"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "copies", name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		src := extract.Source{Path: "copies/" + name, SHA256: hex.EncodeToString(sum[:]), Format: "txt", Pages: []string{string(b)}}
		rec := extract.Extract(src)
		rec.Path, rec.SHA256, rec.Format = src.Path, src.SHA256, src.Format
		add(rec, src.Text())
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = index.OpenReadOnly(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestCopiesCollapse(t *testing.T) {
	ix := copiesIndex(t)
	ctx := context.Background()
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	for _, query := range []string{"tổ chức cơ sở đảng trong sạch vững mạnh", "thủ tục hành chính Nghệ An", "nghị quyết"} {
		res, err := s.Search(ctx, Query{Text: query, Limit: 50, Snippets: -1})
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.Search(ctx, Query{Text: query, Limit: 50, Snippets: -1, AllCopies: true})
		if err != nil {
			t.Fatal(err)
		}
		if int(res.Total) != len(res.Hits) || int(all.Total) != len(all.Hits) {
			t.Fatalf("%q: totals %d, %d for %d, %d hits", query, res.Total, all.Total, len(res.Hits), len(all.Hits))
		}
		// Every document found apart is in the grouped list, as a hit or
		// as a copy of one, once; the grouped list keeps the order of the
		// first of each group.
		seen := map[string]int{}
		for _, h := range res.Hits {
			seen[h.SHA256]++
			for _, c := range h.Copies {
				seen[c.SHA256]++
			}
		}
		var firsts []string
		for _, h := range all.Hits {
			if seen[h.SHA256] != 1 {
				t.Errorf("%q: %s listed %d times in the grouped list", query, h.Path, seen[h.SHA256])
			}
			first := true
			for _, g := range res.Hits {
				for _, c := range g.Copies {
					if c.SHA256 == h.SHA256 {
						first = false
					}
				}
			}
			if first {
				firsts = append(firsts, h.SHA256)
			}
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.SHA256)
		}
		if strings.Join(got, " ") != strings.Join(firsts, " ") {
			t.Errorf("%q: grouped order differs from the first of each group in the list apart", query)
		}
	}

	// The copies of nq02 are one hit with two copies; the two decisions of
	// one template are two hits.
	res, err := s.Search(ctx, Query{Text: "TCCSĐ trong sạch vững mạnh", Limit: 50, Snippets: -1})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range res.Hits {
		if h.Record.Number == "02-NQ/ĐUK" {
			n++
			var formats []string
			for _, c := range h.Copies {
				formats = append(formats, c.Format)
			}
			if len(h.Copies) != 2 {
				t.Errorf("02-NQ/ĐUK: copies %v; want the html and pdf copies", formats)
			}
		}
	}
	if n != 1 {
		t.Errorf("02-NQ/ĐUK: %d hits; want one", n)
	}
	res, err = s.Search(ctx, Query{Text: "Nghệ An", Limit: 50, Snippets: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || len(res.Hits[0].Copies)+len(res.Hits[1].Copies) != 0 {
		t.Errorf("Nghệ An: %d hits; want the two decisions apart", len(res.Hits))
	}
}

// TestCopiesPaging checks that grouped pages of every size are slices of
// one grouped list, with one total.
func TestCopiesPaging(t *testing.T) {
	ix := copiesIndex(t)
	ctx := context.Background()
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"đảng", "trong sạch vững mạnh", "nghị quyết", "chi bộ đảng viên", "TCCSĐ", "Nghệ An thủ tục"} {
		for _, byDate := range []bool{false, true} {
			full, err := s.Search(ctx, Query{Text: text, Limit: 100, Snippets: -1, SortByDate: byDate})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, h := range full.Hits {
				want = append(want, h.SHA256)
			}
			for _, size := range []int{1, 2, 3} {
				var got []string
				for off := 0; off < len(want)+size; off += size {
					res, err := s.Search(ctx, Query{Text: text, Limit: size, Offset: off, Snippets: -1, SortByDate: byDate})
					if err != nil {
						t.Fatal(err)
					}
					if res.Total != full.Total {
						t.Errorf("%q by date %v: page %d+%d total %d; want %d", text, byDate, off, size, res.Total, full.Total)
					}
					for _, h := range res.Hits {
						got = append(got, h.SHA256)
					}
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%q by date %v, pages of %d: %d hits differ from one list of %d", text, byDate, size, len(got), len(want))
				}
			}
		}
	}
}

// TestCopiesTargets checks that the targets of a text held in several
// files are listed once, unless AllCopies.
func TestCopiesTargets(t *testing.T) {
	ix := copiesIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	count := func(all bool) (map[string]int, uint64) {
		res, err := s.Search(context.Background(), Query{Text: "TCCSĐ", Targets: true, Limit: 200, AllCopies: all})
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		for _, h := range res.Hits {
			if h.Record.Number == "02-NQ/ĐUK" {
				n[h.Record.Format]++
			}
		}
		return n, res.Total
	}
	one, total := count(false)
	all, totalAll := count(true)
	if len(one) != 1 || one["txt"] == 0 {
		t.Errorf("targets of 02-NQ/ĐUK by format: %v; want those of the text file only", one)
	}
	if len(all) < 2 || totalAll <= total {
		t.Errorf("AllCopies: targets of 02-NQ/ĐUK by format %v, total %d (grouped %d); want every copy's", all, totalAll, total)
	}
}

// TestMatchingAsIndex checks Searcher.matching, which skips to each
// document's number, against index.Matching, which runs the query
// with the documents' ids: the same documents for queries of every shape,
// over every document of the index and a hash it does not hold, asked
// twice (the second time from the numbers kept).
func TestMatchingAsIndex(t *testing.T) {
	ix := buildIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Search(context.Background(), Query{Limit: 1000, AllCopies: true, Snippets: -1})
	if err != nil {
		t.Fatal(err)
	}
	var shas []string
	for i := len(all.Hits) - 1; i >= 0; i-- { // not in the index's order
		shas = append(shas, all.Hits[i].SHA256)
	}
	shas = append(shas, strings.Repeat("0", 64))
	if len(shas) < 10 {
		t.Fatalf("only %d documents", len(shas))
	}
	for _, q := range []Query{
		{Text: "trong sach vung manh"},
		{Text: "xây dựng Đảng"},
		{Text: `"nông thôn mới"`},
		{Text: "đảng viên", Kind: "resolution"},
		{Text: "kind:report"},
		{From: "2015", To: "2020"},
		{Text: "zzqxw"},
	} {
		p, err := s.plan(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, pq := range []query.Query{p.query, p.count, p.fallback} {
			if pq == nil {
				continue
			}
			want, err := ix.Matching(context.Background(), pq, shas)
			if err != nil {
				t.Fatal(err)
			}
			for rep := 0; rep < 2; rep++ {
				got, err := s.matching(context.Background(), pq, shas)
				if err != nil {
					t.Fatal(err)
				}
				if !maps.Equal(got, want) {
					t.Errorf("%+v: matching = %d documents %v; index.Matching %d %v", q, len(got), got, len(want), want)
				}
			}
		}
	}
}
