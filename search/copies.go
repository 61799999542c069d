package search

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/index"
)

// collapse returns the page from offset, at most limit, of the groups of
// the ranked list that fetch pages through: each group (index.Groups) is
// its best-ranked document, at that rank, and the total counts groups.
// Every page is a slice of one list of groups, as the list of documents
// it is built from is one order.
func (s *Searcher) collapse(ctx context.Context, g *index.Groups, p *plan, fetch func(offset, limit int) (*bleve.SearchResult, bool, error), offset, limit int) (*bleve.SearchResult, bool, error) {
	want := offset + limit
	// Which copies the query matches, first: the total counts groups, and
	// the first page of the list need hold no more documents than want
	// and one for each matched copy that follows another of its group
	// (most queries match none: the page is then the query's own).
	var copies []string
	for _, ms := range g.All() {
		copies = append(copies, ms...)
	}
	var hit map[string]bool
	var err error
	if p.sharesSet() && len(copies) > 0 {
		var ms *matchSet
		if ms, err = s.countSet(ctx, p); err == nil {
			hit, err = s.matchingIn(ms, copies)
		}
	} else {
		matched := p.query
		if p.count != nil {
			matched = p.count
		}
		hit, err = s.matching(ctx, matched, copies)
	}
	if err != nil {
		return nil, false, err
	}
	seen := map[string]bool{} // group keys met so far
	var firsts []*bsearch.DocumentMatch
	var total uint64
	anyWords := false
	from, size := 0, want+min(extraCopies(g, hit), want)
	for {
		res, aw, err := fetch(from, size)
		if err != nil {
			return nil, false, err
		}
		anyWords, total = aw, res.Total
		for _, h := range res.Hits {
			sha, _ := index.DocumentSHA(h.ID)
			if k := g.Key(sha); !seen[k] {
				seen[k] = true
				firsts = append(firsts, h)
			}
		}
		from += len(res.Hits)
		if len(firsts) >= want || len(res.Hits) < size || uint64(from) >= total {
			break
		}
		size = 2*(want-len(firsts)) + 16
	}
	out := &bleve.SearchResult{Total: total}
	if offset < len(firsts) {
		out.Hits = firsts[offset:min(want, len(firsts))]
	}
	if anyWords {
		// The list is of the documents that hold some of the words.
		if hit, err = s.matching(ctx, p.fallback, copies); err != nil {
			return nil, false, err
		}
	}
	// Every copy that the query matches after another of its group is one
	// document less.
	if n := uint64(extraCopies(g, hit)); out.Total >= n {
		out.Total -= n
	}
	return out, anyWords, nil
}

// extraCopies is the number of documents of g's groups that hit holds
// beyond the first of each group.
func extraCopies(g *index.Groups, hit map[string]bool) int {
	extra := 0
	for _, ms := range g.All() {
		n := 0
		for _, m := range ms {
			if hit[m] {
				n++
			}
		}
		extra += max(n-1, 0)
	}
	return extra
}

// loadFields loads the stored fields of hits found without them.
func (s *Searcher) loadFields(ctx context.Context, hits []*bsearch.DocumentMatch, fields []string) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = fields
	res, err := s.ix.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("load hits: %w", err)
	}
	byID := make(map[string]map[string]interface{}, len(res.Hits))
	for _, h := range res.Hits {
		byID[h.ID] = h.Fields
	}
	for _, h := range hits {
		h.Fields = byID[h.ID]
	}
	return nil
}

// addCopies fills the Copies of document hits: the other documents of
// each hit's group.
func (s *Searcher) addCopies(ctx context.Context, g *index.Groups, hits []Hit) error {
	if g.Len() == 0 {
		return nil
	}
	var need []string
	for _, h := range hits {
		for _, m := range g.Members(h.SHA256) {
			if m != h.SHA256 {
				need = append(need, m)
			}
		}
	}
	if len(need) == 0 {
		return nil
	}
	docs, err := s.ix.Documents(ctx, need)
	if err != nil {
		return fmt.Errorf("load copies: %w", err)
	}
	for i := range hits {
		h := &hits[i]
		for _, m := range g.Members(h.SHA256) {
			d, ok := docs[m]
			if m == h.SHA256 || !ok {
				continue
			}
			paths := d.Paths
			if len(paths) == 0 {
				paths = []string{d.Record.Path}
			}
			h.Copies = append(h.Copies, Copy{SHA256: m, Paths: paths, Format: d.Record.Format})
		}
		sort.Slice(h.Copies, func(a, b int) bool { return h.Copies[a].Paths[0] < h.Copies[b].Paths[0] })
	}
	return nil
}

// secondaries returns the documents of g's groups that are not their
// group's primary.
func secondaries(g *index.Groups) []string {
	var out []string
	for _, ms := range g.All() {
		for _, m := range ms {
			if g.Primary(m) != m {
				out = append(out, m)
			}
		}
	}
	return out
}

// withoutTargetsOf makes every query of p leave out the targets of the
// documents of the given content hashes.
func (p *plan) withoutTargetsOf(shas []string) {
	if len(shas) == 0 {
		return
	}
	not := make([]query.Query, len(shas))
	for i, sha := range shas {
		tq := query.NewTermQuery(sha)
		tq.SetField(index.FieldDoc)
		not[i] = tq
	}
	none := query.NewDisjunctionQuery(not)
	wrap := func(q query.Query) query.Query {
		if q == nil {
			return nil
		}
		return query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{none})
	}
	p.query, p.fallback, p.count = wrap(p.query), wrap(p.fallback), wrap(p.count)
	for i := range p.tiers {
		p.tiers[i] = wrap(p.tiers[i])
	}
	for i := range p.tierCounts {
		p.tierCounts[i] = wrap(p.tierCounts[i])
	}
}
