package search

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"vanban/extract"
	"vanban/index"
)

// bleveFacets counts the facets of q as Bleve's term facets do (the way
// Search counted them before the bitmaps).
func bleveFacets(t *testing.T, ix *index.Index, q Query) (uint64, map[string][]FacetCount) {
	t.Helper()
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.plan(q)
	if err != nil {
		t.Fatal(err)
	}
	fq := p.query
	if p.count != nil {
		fq = p.count
	}
	req := bleve.NewSearchRequestOptions(fq, 0, 0, false)
	for _, ff := range facetFields {
		req.AddFacet(ff.name, bleve.NewFacetRequest(ff.field, ff.size))
	}
	res, err := ix.Bleve().Search(req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]FacetCount{}
	for name, fr := range res.Facets {
		var fc []FacetCount
		if fr.Terms != nil {
			for _, x := range fr.Terms.Terms() {
				fc = append(fc, FacetCount{Value: x.Term, Count: x.Count})
			}
		}
		sortFacets(fc)
		out[name] = fc
	}
	return res.Total, out
}

// TestFacetsAsBleve checks that the facets counted on bitmaps are Bleve's
// term facets, value for value, for queries of every shape: words (tiers),
// a phrase, filters, a field query, no text, targets; counted both from
// doc values (a new Searcher, few matches) and from the facet table.
func TestFacetsAsBleve(t *testing.T) {
	ix := buildIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	tables, docValues := 0, 0
	for _, q := range []Query{
		{Text: "trong sach vung manh"},
		{Text: "xây dựng Đảng"},
		{Text: "của"},
		{Text: `"nông thôn mới"`},
		{Text: "đảng viên", Kind: "resolution"},
		{Text: "kind:report"},
		{From: "2015", To: "2020"},
		{Text: "hộ nghèo", Targets: true},
		{Text: "zzqxw"},
	} {
		t.Run(q.Text+"/"+q.Kind+q.From, func(t *testing.T) {
			q.Facets = true
			total, want := bleveFacets(t, ix, q)
			// A new Searcher counts from doc values when the matches are
			// few, one that has counted facets before from the table.
			fresh, err := New(ix)
			if err != nil {
				t.Fatal(err)
			}
			for _, sr := range []*Searcher{fresh, s} {
				res, err := sr.Search(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				if res.AnyWords {
					t.Skip("no document holds every word")
				}
				table := sr.snap.facets != nil
				if table {
					tables++
				} else {
					docValues++
				}
				for _, ff := range facetFields {
					if !reflect.DeepEqual(res.Facets[ff.name], want[ff.name]) {
						t.Errorf("table %v: %s facet = %v; Bleve counts %v", table, ff.name, res.Facets[ff.name], want[ff.name])
					}
				}
				if sum := sumFacet(res.Facets["kind"]); total > 0 && sum == 0 {
					t.Errorf("kind facet empty over %d matches", total)
				}
			}
		})
	}
	if tables == 0 || docValues == 0 {
		t.Errorf("facets counted %d times from the table, %d from doc values; want both ways tested", tables, docValues)
	}
}

func sumFacet(fc []FacetCount) int {
	n := 0
	for _, f := range fc {
		n += f.Count
	}
	return n
}

// TestFacetsFollowTheIndex checks that one Searcher's facets count the
// index as it is now: documents added after its first faceted query are
// counted by the next, deleted ones are not, and the facets list at most
// each field's size of values, the most frequent first.
func TestFacetsFollowTheIndex(t *testing.T) {
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	add := func(from, to int) {
		t.Helper()
		w := ix.NewWriter(100)
		for i := from; i < to; i++ {
			sha := fmt.Sprintf("%064x", i+1)
			// 40 issuers, more than the facet lists (20), with uneven
			// counts: issuer k holds about k documents.
			k := int(math.Sqrt(float64(2*i))) % 40
			rec := extract.Record{Path: fmt.Sprintf("d%d.txt", i), SHA256: sha, Format: "txt", Kind: "report",
				Issuer: extract.NullString(fmt.Sprintf("Cơ quan %02d", k)), Issued: extract.NullString(fmt.Sprintf("%d-01-02", 2000+i%3))}
			if err := w.Add(rec, "Báo cáo kết quả xây dựng nông thôn mới.", index.FileState{Path: rec.Path, SHA256: sha}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	check := func(wantTotal int) {
		t.Helper()
		res, err := s.Search(context.Background(), Query{Text: "nông thôn mới", Facets: true, Snippets: -1})
		if err != nil {
			t.Fatal(err)
		}
		total, want := bleveFacets(t, ix, Query{Text: "nông thôn mới"})
		if int(total) != wantTotal || sumFacet(res.Facets["kind"]) != wantTotal {
			t.Fatalf("%d matches, kind facet %v; want %d", total, res.Facets["kind"], wantTotal)
		}
		for _, ff := range facetFields {
			if !reflect.DeepEqual(res.Facets[ff.name], want[ff.name]) {
				t.Errorf("%s facet = %v; Bleve counts %v", ff.name, res.Facets[ff.name], want[ff.name])
			}
			if len(res.Facets[ff.name]) > ff.size {
				t.Errorf("%s facet lists %d values; want at most %d", ff.name, len(res.Facets[ff.name]), ff.size)
			}
			if !sort.SliceIsSorted(res.Facets[ff.name], func(i, j int) bool { return res.Facets[ff.name][i].Count > res.Facets[ff.name][j].Count }) {
				t.Errorf("%s facet %v: not most first", ff.name, res.Facets[ff.name])
			}
		}
	}
	add(0, 300)
	check(300)
	add(300, 820)
	check(820)
	w := ix.NewWriter(100)
	for i := 0; i < 20; i++ {
		if err := w.RemovePath(fmt.Sprintf("d%d.txt", i*7)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	check(800)
	if n := len(s.snap.facets.values["issuer"]); n != 40 {
		t.Errorf("facet table holds %d issuers; want 40", n)
	}
}
