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
