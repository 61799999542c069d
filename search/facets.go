package search

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"vanban/index"
)

// facetFields are the fields counted by Query.Facets, and how many values
// of each a result lists (the most frequent).
var facetFields = []struct {
	name, field string
	size        int
}{
	{"kind", index.FieldKind, 30},
	{"year", index.FieldYear, 50},
	{"issuer", index.FieldIssuer, 20},
}

// facetTable holds, for one snapshot of the index, the documents that
// bear each value of the facet fields, as bitmaps of the snapshot's
// document numbers. Bleve's facets read the doc values of every match
// (three fields, a compressed chunk at a time): 60–90 ms for a common
// word over 100,000 documents. With the table, a faceted query collects
// its matches into a bitmap and intersects it with each value's, in
// microseconds. The table is built in one pass over the facet fields'
// postings (some 40 ms at 100,000 documents), when Searcher.countFacets
// finds it worth it.
type facetTable struct {
	values map[string][]facetValue
}

// facetValue is one value of a facet field and the documents that bear it.
type facetValue struct {
	term string
	docs *roaring.Bitmap
}

// snapshot is what a Searcher keeps of one snapshot of the index: the
// facet table and the document numbers of the copies, each read on first
// use. Document numbers hold for one snapshot only.
type snapshot struct {
	reader bindex.IndexReader // identity only
	facets *facetTable
	// nums maps content hashes to their documents' numbers (0 and false
	// when not in the snapshot).
	nums map[string]uint64
	held map[string]bool
}

// snapshotFor returns what s keeps of r's snapshot, anew when r is not
// the snapshot kept. Call it with s.snapMu held.
func (s *Searcher) snapshotFor(r bindex.IndexReader) *snapshot {
	if s.snap == nil || s.snap.reader != r {
		s.snap = &snapshot{reader: r, nums: map[string]uint64{}, held: map[string]bool{}}
	}
	return s.snap
}

// facetTableFor returns the facet table of r's snapshot.
func (s *Searcher) facetTableFor(ctx context.Context, r bindex.IndexReader) (*facetTable, error) {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	snap := s.snapshotFor(r)
	if snap.facets != nil {
		return snap.facets, nil
	}
	t := &facetTable{values: map[string][]facetValue{}}
	for _, ff := range facetFields {
		vals, err := facetPostings(ctx, r, ff.field)
		if err != nil {
			return nil, err
		}
		t.values[ff.name] = vals
	}
	snap.facets = t
	return t, nil
}

// docNumbers returns the numbers in r of the documents of shas that r
// holds, sorted, and the hash of each.
func (s *Searcher) docNumbers(r bindex.IndexReader, shas []string) ([]uint64, map[uint64]string, error) {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	snap := s.snapshotFor(r)
	nums := make([]uint64, 0, len(shas))
	of := make(map[uint64]string, len(shas))
	for _, sha := range shas {
		n, seen := snap.nums[sha]
		if !seen {
			id, err := r.InternalID(index.DocumentID(sha))
			if err != nil {
				return nil, nil, fmt.Errorf("document %s: %w", sha, err)
			}
			snap.held[sha] = id != nil
			if id != nil {
				n = id.Value()
			}
			snap.nums[sha] = n
		}
		if snap.held[sha] {
			nums = append(nums, n)
			of[n] = sha
		}
	}
	slices.Sort(nums)
	return nums, of, nil
}

// reader returns the index's current snapshot; close it after use.
func (s *Searcher) reader() (bindex.IndexReader, error) {
	adv, err := s.ix.Bleve().Advanced()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("open the index: %w", err)
	}
	return r, nil
}

// matching returns which of the documents of the given content hashes q
// matches. It reads q's matches only at those documents: the documents'
// numbers are kept per snapshot, and q's searcher skips to each.
func (s *Searcher) matching(ctx context.Context, q query.Query, shas []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(shas) == 0 {
		return out, nil
	}
	r, err := s.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	nums, of, err := s.docNumbers(r, shas)
	if err != nil || len(nums) == 0 {
		return out, err
	}
	sr, err := flatten(q).Searcher(ctx, r, s.ix.Bleve().Mapping(), bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, fmt.Errorf("match %d documents: %w", len(shas), err)
	}
	defer sr.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(sr.DocumentMatchPoolSize()+1, 0), IndexReader: r}
	target := bindex.NewIndexInternalID(nil, 0)
	var cur *bsearch.DocumentMatch // the first match at or after the last target
	for _, n := range nums {
		if cur != nil && cur.IndexInternalID.Value() >= n {
			out[of[n]] = cur.IndexInternalID.Value() == n
			continue
		}
		if cur != nil {
			sctx.DocumentMatchPool.Put(cur)
		}
		target.SetValue(n)
		if cur, err = sr.Advance(sctx, target); err != nil {
			return nil, fmt.Errorf("match %d documents: %w", len(shas), err)
		}
		if cur == nil {
			break
		}
		out[of[n]] = cur.IndexInternalID.Value() == n
	}
	for sha, ok := range out {
		if !ok {
			delete(out, sha)
		}
	}
	return out, nil
}

// facetPostings reads every value of a keyword field and the documents
// that bear it.
func facetPostings(ctx context.Context, r bindex.IndexReader, field string) ([]facetValue, error) {
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("facet %s: %w", field, err)
	}
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			_ = dict.Close()
			return nil, fmt.Errorf("facet %s: %w", field, err)
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	if err := dict.Close(); err != nil {
		return nil, fmt.Errorf("facet %s: %w", field, err)
	}
	out := make([]facetValue, 0, len(terms))
	var tfd bindex.TermFieldDoc
	for _, t := range terms {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		tfr, err := r.TermFieldReader(ctx, []byte(t), field, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("facet %s:%s: %w", field, t, err)
		}
		bm := roaring.New()
		for {
			d, err := tfr.Next(tfd.Reset())
			if err != nil {
				_ = tfr.Close()
				return nil, fmt.Errorf("facet %s:%s: %w", field, t, err)
			}
			if d == nil {
				break
			}
			bm.Add(uint32(d.ID.Value()))
		}
		if err := tfr.Close(); err != nil {
			return nil, fmt.Errorf("facet %s:%s: %w", field, t, err)
		}
		if !bm.IsEmpty() {
			out = append(out, facetValue{term: t, docs: bm})
		}
	}
	return out, nil
}

// countFacets runs q unscored and returns how many documents it matches
// and the facet counts over them, most first (ties by value), at most
// each field's size: what Bleve's term facets give. The counts come from
// the snapshot's facet table when it is built. It is built when the
// matches are many (an eighth of the index or more) or the Searcher has
// counted facets before: one faceted search over a few documents (a
// `vanban search --facets` process) reads their doc values instead, as
// Bleve does, which costs less than the table.
func (s *Searcher) countFacets(ctx context.Context, q query.Query) (uint64, map[string][]FacetCount, error) {
	r, err := s.reader()
	if err != nil {
		return 0, nil, err
	}
	defer r.Close()
	matched, err := collectMatches(ctx, r, s.ix.Bleve().Mapping(), q)
	if err != nil {
		return 0, nil, fmt.Errorf("facets: %w", err)
	}
	fc, err := s.facetsOf(ctx, r, matched)
	if err != nil {
		return 0, nil, err
	}
	return matched.GetCardinality(), fc, nil
}

// collectMatches runs q unscored over r and returns the numbers of the
// documents it matches.
func collectMatches(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, q query.Query) (*roaring.Bitmap, error) {
	sr, err := flatten(q).Searcher(ctx, r, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer sr.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(sr.DocumentMatchPoolSize()+1, 0), IndexReader: r}
	matched := roaring.New()
	buf := make([]uint32, 0, 4096)
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		dm, err := sr.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		buf = append(buf, uint32(dm.IndexInternalID.Value()))
		if len(buf) == cap(buf) {
			matched.AddMany(buf)
			buf = buf[:0]
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	matched.AddMany(buf)
	return matched, nil
}

// facetsOf returns the facet counts over the matched documents of r, most
// first (ties by value), at most each field's size.
func (s *Searcher) facetsOf(ctx context.Context, r bindex.IndexReader, matched *roaring.Bitmap) (map[string][]FacetCount, error) {
	total := matched.GetCardinality()
	s.snapMu.Lock()
	table := s.snapshotFor(r).facets
	useTable := table != nil || s.facetsCounted
	s.facetsCounted = true
	s.snapMu.Unlock()
	var err error
	if !useTable {
		docs, err := r.DocCount()
		if err != nil {
			return nil, fmt.Errorf("facets: %w", err)
		}
		useTable = total >= docs/8
	}
	counts := map[string]map[string]int{}
	if useTable {
		if table, err = s.facetTableFor(ctx, r); err != nil {
			return nil, err
		}
		for _, ff := range facetFields {
			m := map[string]int{}
			for _, v := range table.values[ff.name] {
				if n := matched.AndCardinality(v.docs); n > 0 {
					m[v.term] = int(n)
				}
			}
			counts[ff.name] = m
		}
	} else if counts, err = docValueFacets(ctx, r, matched); err != nil {
		return nil, err
	}
	out := map[string][]FacetCount{}
	for _, ff := range facetFields {
		var fc []FacetCount
		for v, n := range counts[ff.name] {
			fc = append(fc, FacetCount{Value: v, Count: n})
		}
		sortFacets(fc)
		out[ff.name] = fc[:min(len(fc), ff.size)]
	}
	return out, nil
}

// docValueFacets counts the facet fields' values over the matched
// documents from their doc values, as Bleve's term facets do.
func docValueFacets(ctx context.Context, r bindex.IndexReader, matched *roaring.Bitmap) (map[string]map[string]int, error) {
	byField := map[string]string{}
	var fields []string
	counts := map[string]map[string]int{}
	for _, ff := range facetFields {
		byField[ff.field] = ff.name
		fields = append(fields, ff.field)
		counts[ff.name] = map[string]int{}
	}
	dvr, err := r.DocValueReader(fields)
	if err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	id := bindex.NewIndexInternalID(nil, 0)
	visit := func(field string, term []byte) {
		if name, ok := byField[field]; ok {
			counts[name][string(term)]++
		}
	}
	it := matched.Iterator()
	for n := 0; it.HasNext(); n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		id.SetValue(uint64(it.Next()))
		if err := dvr.VisitDocValues(id, visit); err != nil {
			return nil, fmt.Errorf("facets: %w", err)
		}
	}
	return counts, nil
}

// sortFacets orders facet counts most first, ties by value.
func sortFacets(fc []FacetCount) {
	sort.SliceStable(fc, func(i, j int) bool {
		if fc[i].Count != fc[j].Count {
			return fc[i].Count > fc[j].Count
		}
		return fc[i].Value < fc[j].Value
	})
}
