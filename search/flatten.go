package search

import (
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/index"
)

// flatten returns q with the layers that match and score as their one
// child taken out: a disjunction or conjunction of one clause, and a match
// query whose text is one term (Bleve makes it a disjunction of one term
// query). Bleve builds a searcher for every layer and passes every match
// through each (a word of the ranking clause went through three
// disjunctions before it reached its term); a disjunction of one scores
// its child times a coordination factor of 1/1 and a conjunction of one
// the sum of one score, and neither uses its boost, so the scores are the
// same to the last bit. Queries are copied, never changed in place.
func flatten(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.DisjunctionQuery:
		if len(q.Disjuncts) == 1 && q.Min <= 1 {
			return flatten(q.Disjuncts[0])
		}
		c := *q
		c.Disjuncts = flattenAll(q.Disjuncts)
		return &c
	case *query.ConjunctionQuery:
		if len(q.Conjuncts) == 1 {
			return flatten(q.Conjuncts[0])
		}
		c := *q
		c.Conjuncts = flattenAll(q.Conjuncts)
		return &c
	case *query.BooleanQuery:
		c := *q
		if q.Must != nil {
			c.Must = flatten(q.Must)
		}
		if q.Should != nil {
			// The optional clauses keep their disjunction: it counts
			// how many of them match.
			if d, ok := q.Should.(*query.DisjunctionQuery); ok {
				dc := *d
				dc.Disjuncts = flattenAll(d.Disjuncts)
				c.Should = &dc
			}
		}
		if q.MustNot != nil {
			c.MustNot = flatten(q.MustNot)
		}
		return &c
	case *query.MatchQuery:
		return oneTerm(q)
	case unscored:
		return unscored{flatten(q.q)}
	case *pairPhrase:
		c := *q
		c.pairs = flattenAll(q.pairs)
		return &c
	}
	return q
}

// flattenAll flattens each query of qs, into a new slice.
func flattenAll(qs []query.Query) []query.Query {
	out := make([]query.Query, len(qs))
	for i, x := range qs {
		out[i] = flatten(x)
	}
	return out
}

// oneTerm returns the term query that a match query of one term is, with
// its boost, or q itself when it is not that (no analyzer named, fuzzy,
// several terms or none).
func oneTerm(q *query.MatchQuery) query.Query {
	if q.Analyzer == "" || q.FieldVal == "" || q.Fuzziness != 0 || q.Prefix != 0 {
		return q
	}
	terms, err := index.Analyze(q.Analyzer, q.Match)
	if err != nil || len(terms) != 1 {
		return q
	}
	t := query.NewTermQuery(terms[0])
	t.SetField(q.FieldVal)
	t.SetBoost(q.BoostVal.Value())
	return t
}
