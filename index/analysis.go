package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"vanban/ingest/vntext"
)

// The analyzers that the mapping uses, registered with Bleve once by this
// package. Search code must analyze user text with the same names.
const (
	// AnalyzerExact splits text into syllables in vntext.Normalize form,
	// lowercased, diacritics kept.
	AnalyzerExact = "vi_exact"
	// AnalyzerFold splits text into syllables in vntext.Fold form: no
	// diacritics, đ→d, i/y variants folded. Folding is a token filter, so
	// token offsets still point at the original (accented) text and
	// highlighting stays correct.
	AnalyzerFold = "vi_fold"
	// AnalyzerShingle emits folded syllable bigrams ("trong sach"), so that
	// multi-syllable words rank above scattered syllables.
	AnalyzerShingle = "vi_shingle"
	// AnalyzerKeyword keeps the whole value as one folded, lowercased term;
	// it is used for numbers, issuers, units and the like, so that "18-NQ/TW"
	// and "18-nq/tw" and "QĐ" and "qd" are the same key.
	AnalyzerKeyword = "vi_keyword"
)

const (
	filterNormalize = "vi_normalize"
	filterFold      = "vi_fold_token"
	tokenizerWhole  = "vi_whole"
)

func init() {
	must(registry.RegisterTokenFilter(filterNormalize, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter(NormalizeTerm), nil
	}))
	must(registry.RegisterTokenFilter(filterFold, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter(FoldTerm), nil
	}))
	must(registry.RegisterTokenizer(tokenizerWhole, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wholeTokenizer{}, nil
	}))
	must(registry.RegisterAnalyzer(AnalyzerExact, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		return chain(c, unicode.Name, lowercase.Name, filterNormalize)
	}))
	must(registry.RegisterAnalyzer(AnalyzerFold, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		return chain(c, unicode.Name, lowercase.Name, filterFold)
	}))
	must(registry.RegisterAnalyzer(AnalyzerKeyword, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		return chain(c, tokenizerWhole, filterFold)
	}))
	must(registry.RegisterAnalyzer(AnalyzerShingle, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		a, err := chain(c, unicode.Name, lowercase.Name, filterFold)
		if err != nil {
			return nil, err
		}
		a.TokenFilters = append(a.TokenFilters, shingle.NewShingleFilter(2, 2, false, " ", ""))
		return a, nil
	}))
}

func must(err error) {
	if err != nil {
		panic(fmt.Sprintf("index: register analysis: %v", err))
	}
}

// chain builds an analyzer from registered parts.
func chain(c *registry.Cache, tokenizer string, filters ...string) (*analysis.DefaultAnalyzer, error) {
	t, err := c.TokenizerNamed(tokenizer)
	if err != nil {
		return nil, err
	}
	a := &analysis.DefaultAnalyzer{Tokenizer: t}
	for _, name := range filters {
		f, err := c.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		a.TokenFilters = append(a.TokenFilters, f)
	}
	return a, nil
}

// NormalizeTerm is the exact analyzer's form of one term: vntext.Normalize,
// lowercased.
func NormalizeTerm(s string) string {
	return strings.ToLower(vntext.Normalize(s))
}

// FoldTerm is the folded analyzer's form of one term: vntext.Fold,
// lowercased.
func FoldTerm(s string) string {
	return strings.ToLower(vntext.Fold(s))
}

// termFilter rewrites each token's term with f, leaving its offsets alone,
// and drops tokens that f empties.
type termFilter func(string) string

// Filter implements analysis.TokenFilter.
func (f termFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, tok := range in {
		t := f(string(tok.Term))
		if t == "" {
			continue
		}
		tok.Term = []byte(t)
		out = append(out, tok)
	}
	return out
}

// wholeTokenizer emits the whole trimmed input as one token, with spaces
// collapsed.
type wholeTokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (wholeTokenizer) Tokenize(in []byte) analysis.TokenStream {
	s := strings.Join(strings.Fields(string(in)), " ")
	if s == "" {
		return nil
	}
	return analysis.TokenStream{{
		Term:     []byte(s),
		Start:    0,
		End:      len(in),
		Position: 1,
		Type:     analysis.AlphaNumeric,
	}}
}

// Analyze returns the terms of text under one of this package's analyzers.
func Analyze(analyzer, text string) ([]string, error) {
	a, err := registry.NewCache().AnalyzerNamed(analyzer)
	if err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", analyzer, err)
	}
	toks := a.Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out, nil
}
