package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/extract"
	"vanban/index"
)

// abbrevs is the table of abbreviations used to expand queries, in folded
// form: the built-in glossary plus the definitions the archive's own texts
// give (which also settle ambiguous short forms).
type abbrevs struct {
	// longs maps a folded short form (tokens joined by " ") to its
	// expansions that may be used.
	longs map[string][]string
	// shorts maps a folded expansion to the short forms that stand for it.
	shorts map[string][]string
	// maxShort and maxLong are the longest forms, in tokens.
	maxShort, maxLong int
}

// abbrevEntry is one candidate expansion of a short form.
type abbrevEntry struct {
	builtin bool
	corpus  uint64 // documents that define it
}

// newAbbrevs builds the table from the glossary and corpus definitions
// (short, long, number of documents that define the pair).
func newAbbrevs(glossary []extract.Abbreviation, corpus map[[2]string]uint64) *abbrevs {
	cand := map[string]map[string]*abbrevEntry{}
	get := func(short, long string) *abbrevEntry {
		s, l := foldPhrase(short), foldPhrase(long)
		if s == "" || l == "" || s == l {
			return nil
		}
		if cand[s] == nil {
			cand[s] = map[string]*abbrevEntry{}
		}
		e := cand[s][l]
		if e == nil {
			e = &abbrevEntry{}
			cand[s][l] = e
		}
		return e
	}
	for _, a := range glossary {
		if e := get(a.Short, a.Long); e != nil {
			e.builtin = true
		}
	}
	for k, n := range corpus {
		if e := get(k[0], k[1]); e != nil {
			e.corpus += n
		}
	}
	t := &abbrevs{longs: map[string][]string{}, shorts: map[string][]string{}}
	for s, ls := range cand {
		var use []string
		if len(ls) == 1 {
			for l := range ls {
				use = append(use, l)
			}
		} else {
			// Ambiguous: only the meanings the archive itself defines.
			for l, e := range ls {
				if e.corpus > 0 {
					use = append(use, l)
				}
			}
		}
		sort.Strings(use)
		if len(use) == 0 {
			continue
		}
		t.longs[s] = use
		t.maxShort = max(t.maxShort, len(strings.Fields(s)))
		for _, l := range use {
			t.shorts[l] = append(t.shorts[l], s)
			t.maxLong = max(t.maxLong, len(strings.Fields(l)))
		}
	}
	for _, ss := range t.shorts {
		sort.Strings(ss)
	}
	return t
}

// foldPhrase folds text the way the index does and joins its terms by " ".
func foldPhrase(s string) string {
	terms, _ := index.Analyze(index.AnalyzerFold, s)
	return strings.Join(terms, " ")
}

// rawToken is one word of the user's text with its folded form.
type rawToken struct {
	raw, fold string
}

// rawTokens splits text into words (letters and digits), keeping the user's
// spelling next to the folded form.
func rawTokens(text string) []rawToken {
	var out []rawToken
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		f := foldPhrase(w)
		if f == "" {
			continue
		}
		out = append(out, rawToken{raw: w, fold: f})
	}
	return out
}

// shortAllowed reports whether the user's spelling raw may stand for the
// short form fold: short forms of one or two letters ("TW", "CT") must be
// typed in capitals, because lowercase they are ordinary syllables; longer
// ones may be typed lowercase unless they read like a syllable.
func shortAllowed(raw, fold string) bool {
	if hasUpperAfterFirst(raw) {
		return true
	}
	n := utf8.RuneCountInString(strings.ReplaceAll(fold, " ", ""))
	if n >= 4 {
		return true
	}
	return n == 3 && !strings.ContainsAny(fold, "aeiouy")
}

func hasUpperAfterFirst(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 || (upper == 1 && utf8.RuneCountInString(s) == 1)
}

// expansion is one abbreviation found in a query, and what else to search.
type expansion struct {
	found string   // the folded form found in the query
	also  []string // folded forms to search as well
}

// expand finds the abbreviations and expansions in text.
func (t *abbrevs) expand(text string) []expansion {
	if t == nil || len(t.longs) == 0 {
		return nil
	}
	toks := rawTokens(text)
	var out []expansion
	seen := map[string]bool{}
	for i := range toks {
		// Short forms: one or more tokens ("KCQ DCĐ", "KT-XH"), or the
		// tokens written together ("KTXH").
		for n := min(t.maxShort, len(toks)-i); n >= 1; n-- {
			parts := make([]string, n)
			raws := make([]string, n)
			for j := 0; j < n; j++ {
				parts[j] = toks[i+j].fold
				raws[j] = toks[i+j].raw
			}
			key := strings.Join(parts, " ")
			ls, ok := t.longs[key]
			if !ok || seen["s:"+key] || !shortAllowed(strings.Join(raws, ""), key) {
				continue
			}
			seen["s:"+key] = true
			out = append(out, expansion{found: key, also: ls})
			break
		}
		// Expansions: a run of tokens that spells a known long form.
		for n := min(t.maxLong, len(toks)-i); n >= 2; n-- {
			parts := make([]string, n)
			for j := 0; j < n; j++ {
				parts[j] = toks[i+j].fold
			}
			key := strings.Join(parts, " ")
			ss, ok := t.shorts[key]
			if !ok || seen["l:"+key] {
				continue
			}
			seen["l:"+key] = true
			if ss = searchableShorts(ss); len(ss) > 0 {
				out = append(out, expansion{found: key, also: ss})
			}
			break
		}
	}
	return out
}

// searchableShorts drops the short forms made only of single letters
// ("V/v" for "về việc", "T/M" for "thay mặt"): formulas of the heading,
// written in nearly every document, which would outrank the words typed
// whenever a title is just the formula.
func searchableShorts(ss []string) []string {
	var out []string
	for _, s := range ss {
		single := true
		for _, tok := range strings.Fields(s) {
			if utf8.RuneCountInString(tok) > 1 {
				single = false
				break
			}
		}
		if !single {
			out = append(out, s)
		}
	}
	return out
}
