package index

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/registry"
)

// textAnalyzers are the analyzers viAnalyzer implements.
var textAnalyzers = []string{AnalyzerExact, AnalyzerFold, AnalyzerShingle, AnalyzerExactShingle}

// chainSuffix names, in tests, the Bleve chain each text analyzer
// reproduces: AnalyzerFold+chainSuffix is the unicode tokenizer, lowercase,
// foldFilter chain that AnalyzerFold was.
const chainSuffix = "_chain"

func init() {
	for _, name := range textAnalyzers {
		must(registry.RegisterAnalyzer(name+chainSuffix, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
			a, err := c.AnalyzerNamed(name)
			if err != nil {
				return nil, err
			}
			v := a.(*viAnalyzer)
			return textChain(c, v.form, v.pairs)
		}))
	}
}

// chainOf returns the Bleve chain the text analyzer name reproduces.
func chainOf(t testing.TB, name string) analysis.Analyzer {
	t.Helper()
	a, err := analyzerNamed(name + chainSuffix)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// diffTokens returns how two token streams differ, "" when they are the
// same token for token (term, offsets, position, type).
func diffTokens(got, want analysis.TokenStream) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("token %d: got none; want %v", i, want[i])
		case i >= len(want):
			return fmt.Sprintf("token %d: got %v; want none", i, got[i])
		}
		g, w := got[i], want[i]
		if !bytes.Equal(g.Term, w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position || g.Type != w.Type {
			return fmt.Sprintf("token %d: got %v; want %v", i, g, w)
		}
	}
	return ""
}

// diffAnalyzers returns how the text analyzers differ from their chains on
// s, "" when they agree. The chains get a copy of s each (their lowercase
// filter writes into its input); the analyzers get s itself, which they
// must leave alone.
func diffAnalyzers(t testing.TB, s []byte) string {
	orig := bytes.Clone(s)
	for _, name := range textAnalyzers {
		a, err := analyzerNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		got := a.Analyze(s)
		want := chainOf(t, name).Analyze(bytes.Clone(s))
		if d := diffTokens(got, want); d != "" {
			return name + ": " + d
		}
		if !bytes.Equal(s, orig) {
			return name + ": changed its input"
		}
	}
	return ""
}

func TestAnalyzersAsChains(t *testing.T) {
	cases := append([]string{}, wordCases...)
	cases = append(cases,
		"Nghị quyết TRONG SẠCH vững MẠNH, Đảng bộ tỉnh",
		"ΣΊΣΥΦΟΣ Σ ΑΣ ȺȾ İstanbul ǅ",                       // lowercase's special cases
		"\u0301 \u0301\u0301 a \u0301 b c \u00ad \u00ad d", // words that fold or normalize away: gaps
		"\u0301\u0301 \u0301 x",
		"kỹ thuật KỸ THUẬT quy QUY hoà HÒA khoẻ",
	)
	for _, s := range cases {
		if d := diffAnalyzers(t, []byte(s)); d != "" {
			t.Errorf("%q: %s", s, d)
		}
	}
}

// TestAnalyzersAsChainsCorpus compares the analyzers with their chains on
// every text file of the shared corpus, as it is and as the body field
// holds it (markup blanked).
func TestAnalyzersAsChainsCorpus(t *testing.T) {
	texts := corpusTexts(t)
	for p, b := range texts {
		for _, v := range [][]byte{b, []byte(blankMarkup(string(b)))} {
			if d := diffAnalyzers(t, v); d != "" {
				t.Errorf("%s: %s", p, d)
			}
		}
	}
}

// TestAnalyzersConcurrent analyzes the same texts from several goroutines
// at once (as Bleve's analysis workers do) and checks every result against
// the chains' (run it with -race).
func TestAnalyzersConcurrent(t *testing.T) {
	texts := []string{
		strings.Repeat("Nghị quyết số 02-NQ/ĐUK về xây dựng Đảng. ", 50),
		strings.Repeat("Ủy ban nhân dân tỉnh, kỹ thuật; 1.000 tỷ đồng ", 50),
		"Tiêu đề ngắn",
	}
	want := map[string]analysis.TokenStream{}
	for _, s := range texts {
		for _, name := range textAnalyzers {
			want[name+"\x00"+s] = chainOf(t, name).Analyze([]byte(s))
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				s := texts[(g+i)%len(texts)]
				name := textAnalyzers[(g*7+i)%len(textAnalyzers)]
				a, err := analyzerNamed(name)
				if err != nil {
					errs <- err.Error()
					return
				}
				got := a.Analyze([]byte(s))
				if d := diffTokens(got, want[name+"\x00"+s]); d != "" {
					errs <- fmt.Sprintf("%s %q: %s", name, s[:20], d)
					return
				}
				// A field's tokens are its own: writing to them must not
				// change another call's.
				for _, tok := range got {
					for j := range tok.Term {
						tok.Term[j] = 'X'
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestPairTokensGaps checks pairs across words that have no term (which
// the shingle filter fills with empty slots) against the shingle filter.
func TestPairTokensGaps(t *testing.T) {
	for _, keep := range []string{"1111", "0111", "1011", "1101", "1110", "0011", "1001", "1100", "0101", "1010", "0001", "1000", "0000", "0110", "00111100", "1"} {
		var spans []wordSpan
		s := &termSet{}
		for i, k := range keep {
			w := fmt.Sprintf("w%d", i)
			spans = append(spans, wordSpan{start: uint32(3 * i), end: uint32(3*i + 2), typ: analysis.AlphaNumeric})
			ref := termRef{off: uint32(len(s.buf))}
			if k == '1' {
				ref.n = uint32(len(w))
				s.buf = append(s.buf, w...)
			}
			s.refs = append(s.refs, ref)
		}
		want := shingle.NewShingleFilter(2, 2, false, " ", "").Filter(wordTokens(spans, s))
		if d := diffTokens(pairTokens(spans, s), want); d != "" {
			t.Errorf("words kept %s: %s", keep, d)
		}
	}
}

func FuzzAnalyzersAsChains(f *testing.F) {
	for _, s := range wordCases {
		f.Add(s)
	}
	f.Add("\u0301 a \u0301\u0301 b")
	f.Add("ΣΑΣ ȺȾ hoà khoẻ thuỷ")
	f.Fuzz(func(t *testing.T, s string) {
		if d := diffAnalyzers(t, []byte(s)); d != "" {
			t.Fatalf("%q: %s", s, d)
		}
	})
}

// TestWordCache checks that the four analyzers of one text find its words
// once, and that the cache stays within its bound but keeps the last text.
func TestWordCache(t *testing.T) {
	forgetWords()
	text := strings.Repeat("Nghị quyết về xây dựng Đảng trong sạch, vững mạnh. ", 40)
	for _, name := range textAnalyzers {
		a, err := analyzerNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		a.Analyze([]byte(text)) // a copy each, as Bleve gives each field
	}
	if n := len(wordCache.entries); n != 1 {
		t.Errorf("four analyzers of one text made %d cache entries; want 1", n)
	}
	big := strings.Repeat("một hai ba ", wordCacheBytes/40)
	fold, err := analyzerNamed(AnalyzerFold)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		s := fmt.Sprint(i) + big
		if got := fold.Analyze([]byte(s)); len(got) != 3*(wordCacheBytes/40) {
			t.Fatalf("big text %d: %d tokens", i, len(got))
		}
		if wordCache.bytes > wordCacheBytes && len(wordCache.entries) > 1 {
			t.Fatalf("cache holds %d bytes in %d entries; want at most %d or one entry", wordCache.bytes, len(wordCache.entries), wordCacheBytes)
		}
		if e := wordCache.entries[len(wordCache.entries)-1]; string(e.text) != s {
			t.Fatalf("cache lost the last text")
		}
	}
	forgetWords()
}
