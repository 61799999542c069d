package search

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/index"
)

// numberLookup is what a query that is a document number learns: whether
// the archive holds a document with that number, and if not, close numbers
// it does hold.
type numberLookup struct {
	number  string
	held    bool
	citers  uint64
	similar []string
}

// lookupNumber checks a query that is one document number.
func (s *Searcher) lookupNumber(ctx context.Context, n string) (*numberLookup, error) {
	l := &numberLookup{number: n}
	count := func(q query.Query) (uint64, error) {
		res, err := s.ix.Bleve().SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return 0, fmt.Errorf("look up number %s: %w", n, err)
		}
		return res.Total, nil
	}
	docs := func(q query.Query) query.Query {
		return query.NewConjunctionQuery([]query.Query{term(index.FieldType, index.TypeDoc), q})
	}
	held, err := count(docs(keyword(index.FieldNumber, n)))
	if err != nil {
		return nil, err
	}
	l.held = held > 0
	if l.held {
		return l, nil
	}
	if l.citers, err = count(docs(keyword(index.FieldRefs, n))); err != nil {
		return nil, err
	}
	if l.citers == 0 {
		if l.similar, err = s.similarNumbers(n, 5); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// similarNumbers returns up to max numbers of documents the archive holds
// that are closest to n (edit distance on the folded forms, at most a
// third of n's length), as the records write them.
func (s *Searcher) similarNumbers(n string, limit int) ([]string, error) {
	key := index.FoldTerm(strings.Join(strings.Fields(n), " "))
	dict, err := s.ix.Bleve().FieldDict(index.FieldNumber)
	if err != nil {
		return nil, fmt.Errorf("numbers: %w", err)
	}
	defer dict.Close()
	type cand struct {
		term string
		d    int
	}
	var cs []cand
	maxD := max(2, len([]rune(key))/3)
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("numbers: %w", err)
		}
		if e == nil {
			break
		}
		if d := editDistance(key, e.Term); d <= maxD {
			cs = append(cs, cand{e.Term, d})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].term < cs[j].term
	})
	var out []string
	for _, c := range cs {
		if len(out) == limit {
			break
		}
		// The number as the document writes it.
		req := bleve.NewSearchRequestOptions(term(index.FieldNumber, c.term), 1, 0, false)
		req.Fields = []string{index.FieldRecord}
		res, err := s.ix.Bleve().Search(req)
		if err != nil {
			return nil, fmt.Errorf("numbers: %w", err)
		}
		written := c.term
		if len(res.Hits) > 0 {
			if rec, err := index.RecordFromFields(res.Hits[0].Fields); err == nil && rec.Number != "" {
				written = string(rec.Number)
			}
		}
		out = append(out, written)
	}
	return out, nil
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
