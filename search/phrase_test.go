package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/index"
)

// pairPhrase must match the documents, with the scores, that the
// conjunction of the pairs and Bleve's phrase matched: phrases of the
// corpus's own texts (found) and shuffled (mostly not), in the body and
// the title.
func TestPairPhraseMatchesBlevePhrase(t *testing.T) {
	ix := buildIndex(t)
	var words []string
	files, _ := filepath.Glob(filepath.Join(corpusDir, "docs", "*.md"))
	for _, f := range files[:min(len(files), 20)] {
		_, text, _ := loadDoc(t, f)
		for _, tok := range index.Tokens(index.AnalyzerFold, text) {
			words = append(words, tok.Term)
		}
	}
	if len(words) < 1000 {
		t.Fatalf("only %d words in the corpus", len(words))
	}
	r := rand.New(rand.NewPCG(1, 2))
	phrases := []string{"cua cua cua", "dang vien dang vien", "va cac", "nong thon moi"}
	for len(phrases) < 120 {
		n := 2 + r.IntN(4)
		i := r.IntN(len(words) - n)
		ph := append([]string(nil), words[i:i+n]...)
		if len(phrases)%3 == 0 {
			r.Shuffle(len(ph), func(a, b int) { ph[a], ph[b] = ph[b], ph[a] })
		}
		phrases = append(phrases, strings.Join(ph, " "))
	}
	run := func(q query.Query) map[string]float64 { return runAll(t, ix, q) }
	found := 0
	for _, ph := range phrases {
		for _, f := range []struct{ sh, fold string }{{index.FieldBodyShingle, index.FieldBodyFold}, {index.FieldTitleShingle, index.FieldTitleFold}} {
			pairs := query.NewMatchQuery(ph)
			pairs.SetField(f.sh)
			pairs.Analyzer = index.AnalyzerShingle
			pairs.SetOperator(query.MatchQueryOperatorAnd)
			pp := newPairPhrase([]query.Query{pairs}, f.fold, ph, 3)
			if pp == nil {
				t.Fatalf("newPairPhrase(%q) = nil", ph)
			}
			got := run(pp)
			want := run(query.NewConjunctionQuery([]query.Query{pairs, phraseOnly(f.fold, ph, 3)}))
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s %q: pairPhrase matches %v; Bleve's phrase %v", f.fold, ph, got, want)
			}
			found += len(want)
		}
	}
	if found < 50 {
		t.Errorf("the phrases matched only %d documents in all", found)
	}
}

// dateSpan over whole years (the year field's terms) matches what Bleve's
// date range over the date field matches.
func TestDateSpanYears(t *testing.T) {
	ix := buildIndex(t)
	count := func(q query.Query) uint64 {
		res, err := ix.Bleve().SearchInContext(context.Background(), bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	tr := true
	any := false
	for _, c := range []struct{ from, to string }{{"2015", "2020"}, {"2020", "2020"}, {"1990", "2030"}, {"2024", "2025"}, {"2019", "2021"}} {
		from, _ := ParseUserDate(c.from, false)
		to, _ := ParseUserDate(c.to, true)
		span := dateSpan(from, to, &tr, &tr)
		if _, ok := span.(*query.DisjunctionQuery); !ok {
			t.Errorf("dateSpan(%s, %s) = %T; want the year terms", c.from, c.to, span)
		}
		dr := query.NewDateRangeInclusiveQuery(from, to, &tr, &tr)
		dr.SetField(index.FieldDate)
		got, want := count(span), count(dr)
		if got != want {
			t.Errorf("dateSpan(%s, %s) matches %d; the date range %d", c.from, c.to, got, want)
		}
		any = any || want > 0
	}
	if !any {
		t.Error("no document dated in any span")
	}
	// A bound inside a year: the date range itself.
	from, _ := ParseUserDate("2015-06", false)
	to, _ := ParseUserDate("2020", true)
	if _, ok := dateSpan(from, to, &tr, &tr).(*query.DateRangeQuery); !ok {
		t.Errorf("dateSpan(2015-06, 2020) is not a date range")
	}
}
