package search

import (
	"context"
	"fmt"

	"github.com/RoaringBitmap/roaring/v2"
	bindex "github.com/blevesearch/bleve_index_api"
)

// matchSet is the documents that a plan's count query matches in one
// snapshot of the index, as a bitmap of their numbers there. A search
// whose tiers lie in that set (plan.unionIsSet) needs it up to three
// times: which copies of the near-duplicate groups it matches, the total
// once the page is full, and the facets. Each ran the query again (the
// copies' check built every term's searcher over every segment to visit a
// few documents); now it is run once, unscored, and the three read the
// bitmap.
type matchSet struct {
	r    bindex.IndexReader // the snapshot the numbers belong to
	bits *roaring.Bitmap
}

// countSet returns the documents p.count matches, read on first use and
// kept until p.close.
func (s *Searcher) countSet(ctx context.Context, p *plan) (*matchSet, error) {
	if p.set != nil {
		return p.set, nil
	}
	r, err := s.reader()
	if err != nil {
		return nil, err
	}
	bits, err := collectMatches(ctx, r, s.ix.Bleve().Mapping(), p.count)
	if err != nil {
		_ = r.Close()
		return nil, fmt.Errorf("count matches: %w", err)
	}
	p.set = &matchSet{r: r, bits: bits}
	return p.set, nil
}

// sharesSet reports whether p's total, copies and facets may all come
// from its count query's matches (countSet).
func (p *plan) sharesSet() bool {
	return p.count != nil && p.unionIsSet
}

// close releases the snapshot that p's match set holds.
func (p *plan) close() {
	if p.set != nil {
		_ = p.set.r.Close()
		p.set = nil
	}
}

// matchingIn returns which of the documents of the given content hashes
// ms holds.
func (s *Searcher) matchingIn(ms *matchSet, shas []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(shas) == 0 {
		return out, nil
	}
	nums, of, err := s.docNumbers(ms.r, shas)
	if err != nil {
		return nil, err
	}
	for _, n := range nums {
		if ms.bits.Contains(uint32(n)) {
			out[of[n]] = true
		}
	}
	return out, nil
}
