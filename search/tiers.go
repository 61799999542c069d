package search

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/index"
)

// A query of bare words is answered as one result set, shown in tiers
// (each tier holds no document of an earlier one):
//
//  1. the words as a phrase, with the diacritics as typed;
//  2. every content word, with the diacritics as typed (close together
//     first: syllable pairs rank within the tier);
//  3. the words as a phrase, without diacritics;
//  4. every content word, without diacritics.
//
// Words typed without diacritics match every accented form alike (tiers 1
// and 2 then are 3 and 4). Stop and question words ("về", "như thế nào",
// "là gì") count in the phrase but are not required and do not rank;
// frame words ("tỷ lệ", "chỉ tiêu", "quy định") rank but are not required. When
// no document holds every content word, the set is the documents that
// hold any (Result.AnyWords): that is decided once per query, whatever
// --limit and --offset.

// stopWords are function and question words, as typed with diacritics
// (exact form): required of no document, ranked by no clause.
var stopWords = setOf("về", "của", "và", "các", "những", "là", "có", "được", "cho", "trong", "với",
	"như", "thế", "nào", "gì", "thì", "mà", "để", "tại", "ở", "khi", "này", "đó", "một", "theo",
	"từ", "đến", "hay", "hoặc", "bị", "đã", "sẽ", "đang", "không", "sao", "bao", "nhiêu", "đâu",
	"ai", "gồm", "hỏi", "vậy", "nên", "ra", "nhé", "ạ", "vì", "do", "bởi", "cũng", "lại",
	"đối", "việc")

// plainStopWords are stop words typed without diacritics whose folded form
// is no common content word.
var plainStopWords = setOf("cua", "va", "cac", "nhung", "nhu", "nao", "gi", "thi", "khong", "nhieu", "duoc", "nhe")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// framePhrases are the words that frame what is asked for rather than
// name it: "tỷ lệ" in "tỷ lệ hộ nghèo", "chỉ tiêu", "mục tiêu", "quy định"
// in "… được quy định thế nào". They rank (documents that hold them come
// first within a tier) but no document is required to hold them, when the
// query has other content words. Written with diacritics; a phrase typed
// without diacritics matches its folded form.
var framePhrases = [][]string{{"tỷ", "lệ"}, {"tỉ", "lệ"}, {"chỉ", "tiêu"}, {"mục", "tiêu"}, {"quy", "định"}}

// qword is one word of a query: its exact and folded terms, whether it
// was typed with diacritics, whether it is a stop word and whether it
// frames the query (framePhrases).
type qword struct {
	exact, fold string
	marked      bool
	stop        bool
	frame       bool
	// asTyped: the word matches as typed in the exact tiers (it has
	// diacritics, or the query has and so it is meant without).
	asTyped bool
}

// queryWords splits t into words.
func queryWords(t string) []qword {
	var out []qword
	for _, tok := range index.Tokens(index.AnalyzerExact, t) {
		w := qword{exact: tok.Term, fold: index.FoldTerm(tok.Term)}
		w.marked = w.fold != tok.Term
		out = append(out, w)
	}
	// In a query typed with diacritics, a word without any is as written
	// ("ai", "cho", "trong" are stop words); in one typed without, it may
	// stand for any accented form ("trong" for "trong sạch").
	typed := false
	for _, w := range out {
		typed = typed || accented(w.exact)
	}
	for i := range out {
		w := &out[i]
		w.asTyped = w.marked || typed
		if w.asTyped {
			w.stop = stopWords[w.exact]
		} else {
			w.stop = plainStopWords[w.fold]
		}
	}
	markFrames(out)
	return out
}

// markFrames sets frame on the words of ws that make up a frame phrase,
// as typed (a word typed with diacritics must be exact, one typed without
// matches folded).
func markFrames(ws []qword) {
	for i := range ws {
		for _, fp := range framePhrases {
			if i+len(fp) > len(ws) {
				continue
			}
			ok := true
			for k, x := range fp {
				w := ws[i+k]
				if accented(w.exact) && w.exact != x || !accented(w.exact) && w.fold != index.FoldTerm(x) {
					ok = false
					break
				}
			}
			if ok {
				for k := range fp {
					ws[i+k].frame = true
				}
			}
		}
	}
}

// accented reports whether a word has a letter beyond ASCII: a tone
// mark, ă â ê ô ơ ư or đ ("ty" is marked, as i/y fold alike, but not
// accented).
func accented(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0
}

// requiredWords are the content words a document must hold: frame words
// are not, unless nothing else is left.
func requiredWords(ws []qword) []qword {
	content := contentWords(ws)
	var out []qword
	for _, w := range content {
		if !w.frame {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return content
	}
	return out
}

// isStopOnly reports whether the query's words are all stop words.
func contentWords(ws []qword) []qword {
	var out []qword
	for _, w := range ws {
		if !w.stop {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return ws
	}
	return out
}

// questionWords end a question typed in natural language ("… là gì",
// "… như thế nào", "… bao nhiêu", "… không").
var questionWords = setOf("là", "gì", "như", "thế", "nào", "sao", "đâu", "không", "bao", "nhiêu", "ai", "vậy", "nhé", "ạ", "ra", "có", "phải")

// phraseSpan trims the question words off the end of ws.
func phraseSpan(ws []qword) []qword {
	j := len(ws)
	for j > 0 && ws[j-1].marked && questionWords[ws[j-1].exact] {
		j--
	}
	if j == 0 {
		return ws
	}
	return ws[:j]
}

// anyMarked reports whether a word of ws was typed with diacritics.
func anyMarked(ws []qword) bool {
	for _, w := range ws {
		if w.marked {
			return true
		}
	}
	return false
}

// iyForms swaps the i and y vowels of the same tone.
var iyForms = [2]*strings.Replacer{
	strings.NewReplacer("y", "i", "ý", "í", "ỳ", "ì", "ỷ", "ỉ", "ỹ", "ĩ", "ỵ", "ị"),
	strings.NewReplacer("i", "y", "í", "ý", "ì", "ỳ", "ỉ", "ỷ", "ĩ", "ỹ", "ị", "ỵ"),
}

// spellings returns a word as typed and its other i/y spelling when it has
// one (kỹ and kĩ, lý and lí: the same word, domain notes §6.3; not quyết
// and quiết), so that either spelling is a match "as typed".
func spellings(x string) []string {
	out := []string{x}
	for _, r := range iyForms {
		if v := r.Replace(x); v != x && index.FoldTerm(v) == index.FoldTerm(x) {
			out = append(out, v)
		}
	}
	return out
}

// wordQ matches one word in the body or the title: exact (either i/y
// spelling) when it is to match as typed and exact is asked, else folded.
func wordQ(w qword, exact bool) query.Query {
	if exact && w.asTyped {
		var qs []query.Query
		for _, x := range spellings(w.exact) {
			qs = append(qs, term(index.FieldBody, x), term(index.FieldTitle, x))
		}
		return query.NewDisjunctionQuery(qs)
	}
	return query.NewDisjunctionQuery([]query.Query{term(index.FieldBodyFold, w.fold), term(index.FieldTitleFold, w.fold)})
}

// phraseTier matches ws as a phrase in the body or the title: every
// syllable pair (exact where both words match as typed and exact is
// asked), and for three words or more the folded phrase itself.
func phraseTier(ws []qword, exact bool) query.Query {
	if len(ws) == 1 {
		return wordQ(ws[0], exact)
	}
	in := func(sh, xsh, fold string) query.Query {
		var qs []query.Query
		for i := 0; i+1 < len(ws); i++ {
			a, b := ws[i], ws[i+1]
			if exact && a.asTyped && b.asTyped {
				var alts []query.Query
				for _, x := range spellings(a.exact) {
					for _, y := range spellings(b.exact) {
						alts = append(alts, term(xsh, x+" "+y))
					}
				}
				if len(alts) == 1 {
					qs = append(qs, alts[0])
				} else {
					qs = append(qs, query.NewDisjunctionQuery(alts))
				}
			} else {
				qs = append(qs, term(sh, a.fold+" "+b.fold))
			}
		}
		if len(ws) > 2 {
			// The positions are read only where every pair is.
			var f []string
			for _, w := range ws {
				f = append(f, w.fold)
			}
			if pp := newPairPhrase(qs, fold, strings.Join(f, " "), 1); pp != nil {
				return pp
			}
		}
		if len(qs) == 1 {
			return qs[0]
		}
		return query.NewConjunctionQuery(qs)
	}
	return query.NewDisjunctionQuery([]query.Query{
		in(index.FieldBodyShingle, index.FieldBodyExactShingle, index.FieldBodyFold),
		in(index.FieldTitleShingle, index.FieldTitleExactShingle, index.FieldTitleFold),
	})
}

// allTier requires every word of ws (exact or folded as wordQ).
func allTier(ws []qword, exact bool) query.Query {
	if len(ws) == 1 {
		return wordQ(ws[0], exact)
	}
	qs := make([]query.Query, 0, len(ws))
	seen := map[string]bool{}
	for _, w := range ws {
		k := w.fold
		if exact && w.asTyped {
			k = w.exact
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		qs = append(qs, wordQ(w, exact))
	}
	return query.NewConjunctionQuery(qs)
}

// tiers returns the membership queries of the tiers of free text t, in
// order, each excluding the earlier ones, what each tier holds before the
// earlier ones are taken out (members: the tiers are a partition of their
// union), the query of the whole set (every required word, folded,
// abbreviations counting for their words), and whether every member lies
// in the set (covers: then their union is the set).
func (p *planner) tiers(t string) (tiers, members []query.Query, set query.Query, covers bool) {
	ws := queryWords(t)
	if len(ws) == 0 {
		return nil, nil, nil, false
	}
	content := contentWords(ws)
	required := requiredWords(ws)
	phrase := phraseSpan(ws)
	var ct []string
	for _, w := range required {
		ct = append(ct, w.exact)
	}
	set = p.allWords(strings.Join(ct, " "))
	if set == nil {
		// One word: it, or what it abbreviates or stands for.
		alts := []query.Query{allTier(required, false)}
		for _, e := range p.s.abbrev.expand(strings.Join(ct, " ")) {
			for _, a := range e.also {
				alts = append(alts, p.phraseAny(a))
			}
		}
		set = query.NewDisjunctionQuery(alts)
	}
	marked := anyMarked(ws)
	// One word: its phrase and "every word" are the same tier.
	single := len(phrase) == 1 && len(content) == 1
	if marked {
		members = append(members, phraseTier(phrase, true))
		if !single {
			members = append(members, allTier(required, true))
		}
	}
	if !single {
		members = append(members, phraseTier(phrase, false))
	}
	members = append(members, set)
	for i, m := range members {
		bq := query.NewBooleanQuery([]query.Query{m}, nil, members[:i])
		bq.SetBoost(boostRequire)
		tiers = append(tiers, bq)
	}
	// Every member holds the phrase's words or the required words (exact
	// or folded), so each lies in the set when the phrase's words hold
	// every required one: the set asks for each of them, folded, in the
	// body or the title (or for what it abbreviates, besides).
	inPhrase := map[string]bool{}
	for _, w := range phrase {
		inPhrase[w.fold] = true
	}
	covers = true
	for _, w := range required {
		covers = covers && inPhrase[w.fold]
	}
	return tiers, members, set, covers
}

// pairText is the text whose syllable pairs rank a query: its words as
// typed, stop words kept ("giới tính khi sinh" pairs "tính khi", "khi
// sinh", never "tính sinh"), question words at the end trimmed.
func pairText(t string) string {
	var out []string
	for _, w := range phraseSpan(queryWords(t)) {
		out = append(out, w.exact)
	}
	return strings.Join(out, " ")
}

// rankText is the text the ranking clause scores: the required words
// (frame words would rank "lệ phí" above the words asked for).
func rankText(t string) string {
	var out []string
	for _, w := range requiredWords(queryWords(t)) {
		out = append(out, w.exact)
	}
	return strings.Join(out, " ")
}
