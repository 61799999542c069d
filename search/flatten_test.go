package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/index"
)

// TestFlattenShape checks which layers flatten takes out.
func TestFlattenShape(t *testing.T) {
	tq := term(index.FieldBodyFold, "dat")
	cases := []struct {
		name string
		in   query.Query
		want string // the type of the result
	}{
		{"disjunction of one", query.NewDisjunctionQuery([]query.Query{tq}), "*query.TermQuery"},
		{"conjunction of one", query.NewConjunctionQuery([]query.Query{tq}), "*query.TermQuery"},
		{"nested ones", query.NewDisjunctionQuery([]query.Query{query.NewConjunctionQuery([]query.Query{query.NewDisjunctionQuery([]query.Query{tq})})}), "*query.TermQuery"},
		{"match of one term", match(index.FieldBodyFold, index.AnalyzerFold, "Đất", 2), "*query.TermQuery"},
		{"match of two terms stays", match(index.FieldBodyFold, index.AnalyzerFold, "đất đai", 2), "*query.MatchQuery"},
		{"disjunction of two stays", query.NewDisjunctionQuery([]query.Query{tq, tq}), "*query.DisjunctionQuery"},
		{"min 2 stays", func() query.Query {
			d := query.NewDisjunctionQuery([]query.Query{tq})
			d.SetMin(2)
			return d
		}(), "*query.DisjunctionQuery"},
		{"unscored keeps its wrapper", unscored{query.NewDisjunctionQuery([]query.Query{tq})}, "search.unscored"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := flatten(c.in)
			if typ := typeName(got); typ != c.want {
				t.Errorf("flatten: %s, want %s", typ, c.want)
			}
		})
	}
	// The match query's boost and term carry over.
	m := flatten(match(index.FieldBodyFold, index.AnalyzerFold, "Đất", 2)).(*query.TermQuery)
	if m.Term != "dat" || m.Boost() != 2 || m.Field() != index.FieldBodyFold {
		t.Errorf("match of one term: %+v", m)
	}
	// Queries are copied: the original keeps its layers.
	orig := query.NewDisjunctionQuery([]query.Query{query.NewDisjunctionQuery([]query.Query{tq}), tq})
	flatten(orig)
	if _, ok := orig.Disjuncts[0].(*query.DisjunctionQuery); !ok {
		t.Error("flatten changed its argument")
	}
}

func typeName(q query.Query) string {
	switch q.(type) {
	case *query.TermQuery:
		return "*query.TermQuery"
	case *query.MatchQuery:
		return "*query.MatchQuery"
	case *query.DisjunctionQuery:
		return "*query.DisjunctionQuery"
	case *query.ConjunctionQuery:
		return "*query.ConjunctionQuery"
	case unscored:
		return "search.unscored"
	}
	return "other"
}

// TestFlattenSameScores runs the plans of queries of every shape as built
// and flattened: the same hits with the same scores, to the last bit.
func TestFlattenSameScores(t *testing.T) {
	ix := buildIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, q := range []Query{
		{Text: "đất đai"}, {Text: "của"}, {Text: "nông thôn mới"}, {Text: "chuyen doi so"},
		{Text: `"phát triển kinh tế"`}, {Text: "tỷ lệ hộ nghèo"}, {Text: "quy hoạch", Kind: "decision"},
		{Text: "giáo dục", From: "2015", To: "2020"}, {Text: "hộ nghèo", Targets: true}, {Text: "title:đất -rừng"},
	} {
		p, err := s.plan(q)
		if err != nil {
			t.Fatalf("plan %+v: %v", q, err)
		}
		qs := append([]query.Query{p.query, p.fallback, p.count, p.union}, p.tiers...)
		for i, pq := range qs {
			if pq == nil {
				continue
			}
			a, b := runAll(t, ix, pq), runAll(t, ix, flatten(pq))
			if len(a) != len(b) {
				t.Errorf("%q query %d: %d hits, flattened %d", q.Text, i, len(a), len(b))
				continue
			}
			compared += len(a)
			for id, sc := range a {
				if b[id] != sc {
					t.Errorf("%q query %d: %s scores %v, flattened %v", q.Text, i, id, sc, b[id])
				}
			}
		}
	}
	if compared < 100 {
		t.Errorf("only %d hits compared", compared)
	}
}

// runAll returns the score of every match of q.
func runAll(t *testing.T, ix *index.Index, q query.Query) map[string]float64 {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	res, err := ix.Bleve().SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, h := range res.Hits {
		out[h.ID] = h.Score
	}
	return out
}

// TestPhraseWithoutTypeFilter checks that a query whose quoted phrase
// implies the type searched runs without the type filter and matches,
// with the same scores, what it matched with it.
func TestPhraseWithoutTypeFilter(t *testing.T) {
	ix := buildIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q       Query
		implied bool
	}{
		{Query{Text: `"nông thôn mới"`}, true},
		{Query{Text: `"phát triển" "kinh tế"`}, true},
		{Query{Text: `+"đất đai" quy hoạch`}, true},
		{Query{Text: `"hộ nghèo"`, Targets: true}, true},
		{Query{Text: `"đất đai" 2020`}, false},
		{Query{Text: `kind:decision`}, false},
		{Query{Text: `-"đất đai"`}, false},
	}
	for _, c := range cases {
		p, err := s.plan(c.q)
		if err != nil {
			t.Fatalf("plan %+v: %v", c.q, err)
		}
		typ := index.TypeDoc
		if c.q.Targets {
			typ = index.TypeTarget
		}
		with := query.NewConjunctionQuery([]query.Query{unscored{term(index.FieldType, typ)}, p.query})
		a, b := runAll(t, ix, with), runAll(t, ix, p.query)
		if got := hasTypeFilter(p.query); got == c.implied {
			t.Errorf("%q: type filter %v, want %v", c.q.Text, got, !c.implied)
		}
		if len(a) != len(b) {
			t.Errorf("%q: %d hits with the type filter, %d without", c.q.Text, len(a), len(b))
		}
		for id, sc := range a {
			if b[id] != sc {
				t.Errorf("%q: %s scores %v with the type filter, %v without", c.q.Text, id, sc, b[id])
			}
		}
	}
}

// hasTypeFilter reports whether a plan's query requires the type term.
func hasTypeFilter(q query.Query) bool {
	bq, ok := q.(*query.BooleanQuery)
	if !ok {
		return false
	}
	cq, ok := bq.Must.(*query.ConjunctionQuery)
	if !ok {
		return false
	}
	for _, c := range cq.Conjuncts {
		if u, ok := c.(unscored); ok {
			if tq, ok := u.q.(*query.TermQuery); ok && tq.Field() == index.FieldType {
				return true
			}
		}
	}
	return false
}
