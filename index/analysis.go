package index

import (
	"fmt"
	"strings"
	"sync"

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
	// AnalyzerExactShingle emits syllable bigrams in the exact form
	// (diacritics kept, "trong sạch"), so that a phrase typed with
	// diacritics ranks the documents that hold it as typed first.
	AnalyzerExactShingle = "vi_exact_shingle"
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
		return foldFilter{}, nil
	}))
	must(registry.RegisterTokenizer(tokenizerWhole, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wholeTokenizer{}, nil
	}))
	for name, a := range map[string]viAnalyzer{
		AnalyzerExact:        {form: formExact},
		AnalyzerFold:         {form: formFold},
		AnalyzerShingle:      {form: formFold, pairs: true},
		AnalyzerExactShingle: {form: formExact, pairs: true},
	} {
		must(registry.RegisterAnalyzer(name, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
			ch, err := textChain(c, a.form, a.pairs)
			if err != nil {
				return nil, err
			}
			v := a
			v.chain = ch
			return &v, nil
		}))
	}
	must(registry.RegisterAnalyzer(AnalyzerKeyword, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		return chain(c, tokenizerWhole, filterFold)
	}))
}

// textChain builds the chain of Bleve parts that a text analyzer gives
// the tokens of: the unicode tokenizer, lowercase, the form's filter and,
// for pairs, shingles of two.
func textChain(c *registry.Cache, form termForm, pairs bool) (*analysis.DefaultAnalyzer, error) {
	filter := filterNormalize
	if form == formFold {
		filter = filterFold
	}
	a, err := chain(c, unicode.Name, lowercase.Name, filter)
	if err != nil {
		return nil, err
	}
	if pairs {
		a.TokenFilters = append(a.TokenFilters, shingle.NewShingleFilter(2, 2, false, " ", ""))
	}
	return a, nil
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

// FoldTerm is the folded analyzer's form of one term: vntext.Fold
// (lowercase, no diacritics, đ→d, i/y variants folded).
func FoldTerm(s string) string {
	return vntext.Fold(s)
}

// foldFilter folds each token's term with vntext.FoldToken, leaving its
// offsets alone, and drops tokens that folding empties.
type foldFilter struct{}

// Filter implements analysis.TokenFilter.
func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, tok := range in {
		tok.Term = vntext.FoldToken(tok.Term)
		if len(tok.Term) == 0 {
			continue
		}
		out = append(out, tok)
	}
	return out
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

// analyzers caches the analyzers built from the registry.
var analyzers sync.Map // name → analysis.Analyzer

func analyzerNamed(name string) (analysis.Analyzer, error) {
	if a, ok := analyzers.Load(name); ok {
		return a.(analysis.Analyzer), nil
	}
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", name, err)
	}
	analyzers.Store(name, a)
	return a, nil
}

// Analyze returns the terms of text under one of this package's analyzers.
func Analyze(analyzer, text string) ([]string, error) {
	a, err := analyzerNamed(analyzer)
	if err != nil {
		return nil, err
	}
	toks := a.Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out, nil
}

// EachToken calls fn with each term of text under one of this package's
// analyzers and the byte range of text it comes from, in order, without
// making a string of each term (term is valid during the call only). It
// does nothing for an unknown analyzer.
func EachToken(analyzer, text string, fn func(term []byte, start, end int)) {
	a, err := analyzerNamed(analyzer)
	if err != nil {
		return
	}
	for _, t := range a.Analyze([]byte(text)) {
		fn(t.Term, t.Start, t.End)
	}
}

// Token is one term of an analyzed text and the byte range of text it
// comes from.
type Token struct {
	Term       string
	Start, End int
	// Pos is the token's position (1-based; an analyzer may leave gaps).
	Pos int
}

// Tokens returns the tokens of text under one of this package's analyzers
// (nil for an unknown analyzer).
func Tokens(analyzer, text string) []Token {
	a, err := analyzerNamed(analyzer)
	if err != nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	out := make([]Token, 0, len(toks))
	for _, t := range toks {
		out = append(out, Token{Term: string(t.Term), Start: t.Start, End: t.End, Pos: t.Position})
	}
	return out
}
