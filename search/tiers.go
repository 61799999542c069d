package search

import (
	"strings"

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
// "là gì") count in the phrase but are not required and do not rank. When
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

// qword is one word of a query: its exact and folded terms, whether it
// was typed with diacritics and whether it is a stop word.
type qword struct {
	exact, fold string
	marked      bool
	stop        bool
}

// queryWords splits t into words.
func queryWords(t string) []qword {
	var out []qword
	for _, tok := range index.Tokens(index.AnalyzerExact, t) {
		w := qword{exact: tok.Term, fold: index.FoldTerm(tok.Term)}
		w.marked = w.fold != tok.Term
		if w.marked {
			w.stop = stopWords[w.exact]
		} else {
			w.stop = plainStopWords[w.fold]
		}
		out = append(out, w)
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

// wordQ matches one word in the body or the title: exact when typed with
// diacritics and exact is asked, else folded.
func wordQ(w qword, exact bool) query.Query {
	if exact && w.marked {
		return query.NewDisjunctionQuery([]query.Query{term(index.FieldBody, w.exact), term(index.FieldTitle, w.exact)})
	}
	return query.NewDisjunctionQuery([]query.Query{term(index.FieldBodyFold, w.fold), term(index.FieldTitleFold, w.fold)})
}

// phraseTier matches ws as a phrase in the body or the title: every
// syllable pair (exact where both words were typed with diacritics and
// exact is asked), and for three words or more the folded phrase itself.
func phraseTier(ws []qword, exact bool) query.Query {
	if len(ws) == 1 {
		return wordQ(ws[0], exact)
	}
	in := func(sh, xsh, fold string) query.Query {
		var qs []query.Query
		for i := 0; i+1 < len(ws); i++ {
			a, b := ws[i], ws[i+1]
			if exact && a.marked && b.marked {
				qs = append(qs, term(xsh, a.exact+" "+b.exact))
			} else {
				qs = append(qs, term(sh, a.fold+" "+b.fold))
			}
		}
		if len(ws) > 2 {
			var f []string
			for _, w := range ws {
				f = append(f, w.fold)
			}
			qs = append(qs, phraseOnly(fold, strings.Join(f, " "), 1))
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
		if exact && w.marked {
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
// order, each excluding the earlier ones, and the query of the whole set
// (every content word, folded, abbreviations counting for their words).
func (p *planner) tiers(t string) (tiers []query.Query, set query.Query) {
	ws := queryWords(t)
	if len(ws) == 0 {
		return nil, nil
	}
	content := contentWords(ws)
	phrase := phraseSpan(ws)
	var ct []string
	for _, w := range content {
		ct = append(ct, w.exact)
	}
	set = p.allWords(strings.Join(ct, " "))
	if set == nil {
		// One word: it, or what it abbreviates or stands for.
		alts := []query.Query{allTier(content, false)}
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
	var members []query.Query
	if marked {
		members = append(members, phraseTier(phrase, true))
		if !single {
			members = append(members, allTier(content, true))
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
	return tiers, set
}

// rankText is the text the ranking clause scores: the content words.
func rankText(t string) string {
	var out []string
	for _, w := range contentWords(queryWords(t)) {
		out = append(out, w.exact)
	}
	return strings.Join(out, " ")
}
