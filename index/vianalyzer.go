package index

import (
	"bytes"
	"hash/maphash"
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"

	"vanban/ingest/vntext"
)

// The text analyzers (AnalyzerExact, AnalyzerFold, AnalyzerShingle,
// AnalyzerExactShingle). Each was a chain of Bleve parts: the unicode
// tokenizer, the lowercase filter, then termFilter(NormalizeTerm) or
// foldFilter, then for pairs the shingle filter (2, 2, " ", filler "").
// The body and the title are indexed by all four, so the chains split the
// same text into words four times and normalized each word twice. These
// analyzers give exactly the tokens of those chains (TestAnalyzersAsChains,
// FuzzAnalyzersAsChains, TestIndexAsChains), and share the work:
//
//   - the words of a text are found once (wordSpans) and kept in a small
//     cache keyed by the text's content, which the next analyzer of the
//     same text finds;
//   - each distinct word is lowercased and normalized (or folded) once
//     (wordForms remembers the words met in earlier texts), and the terms
//     of a text are kept with its words;
//   - every call returns tokens of its own: their terms are copied into
//     one buffer per call, so no two fields share bytes with each other,
//     with the cache or with the input.

// termForm is how a word's term is made from its text.
type termForm uint8

const (
	formExact termForm = iota // lowercase, then NormalizeTerm
	formFold                  // lowercase, then vntext.FoldToken
	nForms
)

// viAnalyzer is one of the text analyzers.
type viAnalyzer struct {
	form  termForm
	pairs bool // syllable pairs (the shingle chains) rather than words
	// chain is the Bleve chain whose tokens the analyzer gives; it
	// analyzes texts of 512 MiB or more (offsets of words and terms are
	// 32-bit here, and a term can be three times as long as its word).
	chain analysis.Analyzer
}

// Analyze implements analysis.Analyzer.
func (a *viAnalyzer) Analyze(in []byte) analysis.TokenStream {
	if len(in) >= math.MaxUint32/8 {
		return a.chain.Analyze(bytes.Clone(in))
	}
	e := textWords(in)
	f := e.terms(a.form)
	if a.pairs {
		return pairTokens(e.spans, f)
	}
	return wordTokens(e.spans, f)
}

// termRef is a term in a termSet's buffer; n == 0 means the word has no
// term (the filter drops it).
type termRef struct{ off, n uint32 }

// termSet is the terms of the words of a text in one form.
type termSet struct {
	buf  []byte    // the terms
	refs []termRef // per word
}

// wordEntry is a text, its words and their terms (filled in as needed).
type wordEntry struct {
	hash  uint64
	text  []byte // a copy
	spans []wordSpan
	size  int // bytes held, roughly

	mu    sync.Mutex
	forms [nForms]*termSet
}

// wordCache holds the words of the texts analyzed last, so that the other
// analyzers of a field's text (and of the same text in other fields) find
// them. It holds at most wordCacheBytes, but always the last text: Bleve's
// four analysis workers each analyze one document's fields in turn, and a
// document of 20 KB takes about 150 KB here.
var wordCache struct {
	mu      sync.Mutex
	entries []*wordEntry // oldest first
	bytes   int
}

const wordCacheBytes = 4 << 20

var wordSeed = maphash.MakeSeed()

// textWords returns the entry of in, from the cache or made now.
func textWords(in []byte) *wordEntry {
	h := maphash.Bytes(wordSeed, in)
	wordCache.mu.Lock()
	for i := len(wordCache.entries) - 1; i >= 0; i-- {
		if e := wordCache.entries[i]; e.hash == h && bytes.Equal(e.text, in) {
			wordCache.mu.Unlock()
			return e
		}
	}
	wordCache.mu.Unlock()

	spans := wordSpans(make([]wordSpan, 0, len(in)/6+1), in)
	e := &wordEntry{hash: h, text: bytes.Clone(in), spans: spans}
	// The text, its words and, once made, two forms (their terms are
	// about as long as the text, and a reference per word).
	e.size = 3*len(e.text) + (16+2*8)*cap(spans) + 100
	wordCache.mu.Lock()
	wordCache.entries = append(wordCache.entries, e)
	wordCache.bytes += e.size
	drop := 0
	for drop < len(wordCache.entries)-1 && wordCache.bytes > wordCacheBytes {
		wordCache.bytes -= wordCache.entries[drop].size
		drop++
	}
	if drop > 0 {
		n := copy(wordCache.entries, wordCache.entries[drop:])
		clear(wordCache.entries[n:])
		wordCache.entries = wordCache.entries[:n]
	}
	wordCache.mu.Unlock()
	return e
}

// terms returns the terms of e's words in form f, computing them once.
func (e *wordEntry) terms(f termForm) *termSet {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.forms[f] == nil {
		e.forms[f] = e.makeTerms(f)
	}
	return e.forms[f]
}

// wordForms remembers, per form, the terms of the words met so far, up to
// wordFormsMax words: most words of a text were met in the texts before.
var wordForms [nForms]struct {
	mu sync.RWMutex
	m  map[string]string
}

const wordFormsMax = 1 << 16

// formOf returns the term of word w in form f: the chain's filters
// (lowercase, then NormalizeTerm or vntext.FoldToken) on a copy of it.
func formOf(f termForm, w []byte) string {
	tok := &analysis.Token{Term: bytes.Clone(w)}
	lowercase.NewLowerCaseFilter().Filter(analysis.TokenStream{tok})
	if f == formFold {
		return string(vntext.FoldToken(tok.Term))
	}
	return NormalizeTerm(string(tok.Term))
}

// makeTerms returns the terms of e's words in form f: remembered ones from
// wordForms, the others made once per text and remembered.
func (e *wordEntry) makeTerms(f termForm) *termSet {
	s := &termSet{refs: make([]termRef, len(e.spans)), buf: make([]byte, 0, len(e.text))}
	add := func(i int, t string) {
		s.refs[i] = termRef{off: uint32(len(s.buf)), n: uint32(len(t))}
		s.buf = append(s.buf, t...)
	}
	memo := &wordForms[f]
	var miss []int // the words not remembered
	memo.mu.RLock()
	for i, sp := range e.spans {
		if t, ok := memo.m[string(e.text[sp.start:sp.end])]; ok {
			add(i, t)
		} else {
			miss = append(miss, i)
		}
	}
	memo.mu.RUnlock()
	if len(miss) == 0 {
		return s
	}
	made := make(map[string]string, len(miss))
	for _, i := range miss {
		w := e.text[e.spans[i].start:e.spans[i].end]
		t, ok := made[string(w)]
		if !ok {
			t = formOf(f, w)
			made[string(w)] = t
		}
		add(i, t)
	}
	memo.mu.Lock()
	if memo.m == nil {
		memo.m = make(map[string]string)
	}
	for w, t := range made {
		if len(memo.m) >= wordFormsMax {
			break
		}
		memo.m[w] = t
	}
	memo.mu.Unlock()
	return s
}

// wordTokens returns the tokens of the words that have a term, at their
// word position (so a dropped word leaves a gap, as the filters did).
func wordTokens(spans []wordSpan, s *termSet) analysis.TokenStream {
	buf := bytes.Clone(s.buf)
	n := 0
	for _, r := range s.refs {
		if r.n > 0 {
			n++
		}
	}
	toks := make([]analysis.Token, n)
	out := make(analysis.TokenStream, n)
	k := 0
	for i, r := range s.refs {
		if r.n == 0 {
			continue
		}
		sp := spans[i]
		toks[k] = analysis.Token{
			Term:     buf[r.off : r.off+r.n : r.off+r.n],
			Start:    int(sp.start),
			End:      int(sp.end),
			Position: i + 1,
			Type:     sp.typ,
		}
		out[k] = &toks[k]
		k++
	}
	return out
}

// pairItem is one slot of the shingle filter's ring: a word, or the filler
// it puts in for each missing position (empty term, position 0, offsets
// -1).
type pairItem struct {
	term            termRef
	pos, start, end int
}

var pairFiller = pairItem{start: -1, end: -1}

// pairTokens returns what the shingle filter (2, 2, separator " ", filler
// "") makes of the word tokens: a token for each two slots in a row,
// filler included, its term the two terms joined by a space, its position
// and start the first slot's that has one, its end the last's.
func pairTokens(spans []wordSpan, s *termSet) analysis.TokenStream {
	// First the slots, then the pairs' bytes in one buffer.
	items := make([]pairItem, 0, len(s.refs))
	cur := 0 // the shingle filter's currentPosition
	for i, r := range s.refs {
		if r.n == 0 {
			continue
		}
		pos := i + 1
		for gap := pos - cur; gap > 1; gap-- {
			items = append(items, pairFiller)
		}
		cur = pos
		sp := spans[i]
		items = append(items, pairItem{term: r, pos: pos, start: int(sp.start), end: int(sp.end)})
	}
	if len(items) < 2 {
		return analysis.TokenStream{}
	}
	size := 0
	for i := 1; i < len(items); i++ {
		size += int(items[i-1].term.n) + 1 + int(items[i].term.n)
	}
	buf := make([]byte, 0, size)
	toks := make([]analysis.Token, len(items)-1)
	out := make(analysis.TokenStream, len(items)-1)
	for i := 1; i < len(items); i++ {
		a, b := items[i-1], items[i]
		from := len(buf)
		buf = append(buf, s.buf[a.term.off:a.term.off+a.term.n]...)
		buf = append(buf, ' ')
		buf = append(buf, s.buf[b.term.off:b.term.off+b.term.n]...)
		t := analysis.Token{Type: analysis.Shingle, Term: buf[from:len(buf):len(buf)]}
		if a.pos != 0 {
			t.Position = a.pos
		} else {
			t.Position = b.pos
		}
		if a.start != -1 {
			t.Start = a.start
		} else if b.start != -1 {
			t.Start = b.start
		}
		if b.end != -1 {
			t.End = b.end
		} else if a.end != -1 {
			t.End = a.end
		}
		toks[i-1] = t
		out[i-1] = &toks[i-1]
	}
	return out
}
