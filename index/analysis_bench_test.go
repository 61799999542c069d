package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"

	"vanban/internal/testshared"
)

// forgetWords empties the word cache: in a run each text is analyzed by
// its fields' analyzers one after the other, and never again.
func forgetWords() {
	wordCache.mu.Lock()
	clear(wordCache.entries)
	wordCache.entries = wordCache.entries[:0]
	wordCache.bytes = 0
	wordCache.mu.Unlock()
}

// benchDocs runs fn over the documents of testdata/search (the records and
// texts the writer indexes) and reports bytes of text per CPU second.
func benchDocs(b *testing.B, fn func(i int, title, body string)) {
	recs, texts := identityDocs(b, 1, 0)
	var n int64
	titles, bodies := make([]string, len(recs)), make([]string, len(recs))
	for i, rec := range recs {
		titles[i], bodies[i] = string(rec.Title), blankMarkup(texts[i])
		n += int64(len(texts[i]))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := testshared.CPUTime()
	for b.Loop() {
		for i := range recs {
			fn(i, titles[i], bodies[i])
		}
	}
	b.StopTimer()
	if d := testshared.CPUTime() - cpu0; d > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/d.Seconds(), "cpuMB/s")
	}
}

// BenchmarkAnalyzeDoc analyzes each document's title and body as its
// fields do (exact, folded, folded pairs, exact pairs; each field its own
// copy of the text, as Bleve makes it), with the text analyzers and with
// the Bleve chains they replace.
func BenchmarkAnalyzeDoc(b *testing.B) {
	for _, c := range []struct {
		name   string
		suffix string
	}{{"analyzers", ""}, {"chains", chainSuffix}} {
		b.Run(c.name, func(b *testing.B) {
			var as []analysis.Analyzer
			for _, name := range textAnalyzers {
				a, err := analyzerNamed(name + c.suffix)
				if err != nil {
					b.Fatal(err)
				}
				as = append(as, a)
			}
			benchDocs(b, func(_ int, title, body string) {
				forgetWords()
				for _, text := range []string{title, body} {
					for _, a := range as {
						a.Analyze([]byte(text))
					}
				}
			})
		})
	}
}

// BenchmarkDocFields builds each document's Bleve fields as the writer
// does (stored record, markup blanked, near-duplicate sketch).
func BenchmarkDocFields(b *testing.B) {
	recs, texts := identityDocs(b, 1, 0)
	paths := []string{"/archive/a/b.md"}
	benchDocs(b, func(i int, _, _ string) {
		docFields(recs[i], texts[i], paths)
	})
}
