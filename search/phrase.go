package search

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"vanban/index"
)

// pairPhrase matches folded text as a phrase in a field with term
// vectors, checking the words' positions only in the documents that
// cheaper queries find (pairs: the text's syllable pairs in a shingle
// field). Bleve's phrase searcher walks every document that holds all the
// words and reads their positions there: for common syllables (của, và,
// phát triển) that is nearly every document, whatever else the query
// requires, as it never skips to where the other clauses stand. Here the
// pairs lead: a document is read for positions only once it holds every
// pair, and the pairs imply the words. The query matches and scores as the
// conjunction of the pairs and Bleve's phrase did.
type pairPhrase struct {
	pairs []query.Query
	field string
	// terms are the words in order and offs their positions relative to
	// the first (the analyzer may leave gaps).
	terms []string
	offs  []uint64
	boost float64
}

// newPairPhrase returns the phrase t (analyzed with the fold analyzer) in
// field, found through pairs. It returns nil when t has fewer than two
// words.
func newPairPhrase(pairs []query.Query, field, t string, boost float64) *pairPhrase {
	toks := index.Tokens(index.AnalyzerFold, t)
	if len(toks) < 2 {
		return nil
	}
	q := &pairPhrase{pairs: pairs, field: field, boost: boost}
	for _, tok := range toks {
		q.terms = append(q.terms, tok.Term)
		q.offs = append(q.offs, uint64(tok.Pos-toks[0].Pos))
	}
	return q
}

// Searcher implements query.Query.
func (q *pairPhrase) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	var all []bsearch.Searcher
	fail := func(err error) (bsearch.Searcher, error) {
		for _, s := range all {
			_ = s.Close()
		}
		return nil, err
	}
	for _, pq := range q.pairs {
		ps, err := pq.Searcher(ctx, r, m, opts)
		if err != nil {
			return fail(fmt.Errorf("phrase pairs: %w", err))
		}
		all = append(all, ps)
	}
	// The words, as Bleve's phrase searcher reads them: one term searcher
	// a position, with term vectors, in a conjunction.
	vopts := opts
	vopts.IncludeTermVectors = true
	var words []bsearch.Searcher
	for _, t := range q.terms {
		ts, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, vopts)
		if err != nil {
			for _, s := range words {
				_ = s.Close()
			}
			return fail(fmt.Errorf("phrase word %q: %w", t, err))
		}
		words = append(words, ts)
	}
	ws, err := searcher.NewConjunctionSearcher(ctx, r, words, vopts)
	if err != nil {
		for _, s := range words {
			_ = s.Close()
		}
		return fail(fmt.Errorf("phrase words: %w", err))
	}
	all = append(all, newWordsSearcher(ws))
	c, err := searcher.NewConjunctionSearcher(ctx, r, all, opts)
	if err != nil {
		return fail(fmt.Errorf("phrase: %w", err))
	}
	return &pairPhraseSearcher{Searcher: c, q: q}, nil
}

// wordsSearcher is the words of a phrase, weighted as Bleve's phrase
// searcher weighs them.
type wordsSearcher struct{ bsearch.Searcher }

func newWordsSearcher(s bsearch.Searcher) *wordsSearcher {
	if w := s.Weight(); w > 0 {
		s.SetQueryNorm(1 / math.Sqrt(w))
	}
	return &wordsSearcher{s}
}

// pairPhraseSearcher passes on the matches of the pairs and words whose
// positions hold the phrase.
type pairPhraseSearcher struct {
	bsearch.Searcher
	q   *pairPhrase
	pos [][]uint64 // scratch: positions of each term of q
}

func (s *pairPhraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	for {
		dm, err := s.Searcher.Next(ctx)
		if err != nil || dm == nil {
			return dm, err
		}
		if s.holds(dm) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

func (s *pairPhraseSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if err != nil || dm == nil {
		return dm, err
	}
	if s.holds(dm) {
		return dm, nil
	}
	ctx.DocumentMatchPool.Put(dm)
	return s.Next(ctx)
}

// holds reports whether dm's term locations hold the phrase, and drops
// them (nothing above reads them).
func (s *pairPhraseSearcher) holds(dm *bsearch.DocumentMatch) bool {
	q := s.q
	if s.pos == nil {
		s.pos = make([][]uint64, len(q.terms))
	}
	for i := range s.pos {
		s.pos[i] = s.pos[i][:0]
	}
	for _, ftl := range dm.FieldTermLocations {
		if ftl.Field != q.field || len(ftl.Location.ArrayPositions) > 0 {
			continue
		}
		for i, t := range q.terms {
			if t == ftl.Term {
				s.pos[i] = append(s.pos[i], ftl.Location.Pos)
			}
		}
	}
	dm.FieldTermLocations = dm.FieldTermLocations[:0]
	for _, p := range s.pos[0] {
		ok := true
		for i := 1; i < len(q.terms) && ok; i++ {
			ok = slices.Contains(s.pos[i], p+q.offs[i])
		}
		if ok {
			return true
		}
	}
	return false
}

// unscored matches what its query matches and adds nothing to the score:
// a filter (dates) restricts the hits and must not rank them (a date that
// few documents share scored high, as a rare word does). Bleve runs it
// unscored, on bitmaps where it can.
type unscored struct{ q query.Query }

// Searcher implements query.Query.
func (u unscored) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := u.q.Searcher(ctx, r, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	return zeroScore{s}, nil
}

// zeroScore passes on its searcher's matches with a score of 0 and no
// weight.
type zeroScore struct{ bsearch.Searcher }

func (z zeroScore) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := z.Searcher.Next(ctx)
	if dm != nil {
		dm.Score = 0
	}
	return dm, err
}

func (z zeroScore) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := z.Searcher.Advance(ctx, id)
	if dm != nil {
		dm.Score = 0
	}
	return dm, err
}

func (zeroScore) Weight() float64 { return 0 }

func (zeroScore) SetQueryNorm(float64) {}
