package extract

import (
	"strconv"
	"strings"
)

// The subject of a target — who or what is measured — is chosen among the
// spans of words around its number: the rules' pick, the noun phrase after
// a percentage ("trên 90% người nghiện ma túy, …"), the words before the
// verb ("Tỷ lệ hộ nghèo giảm …"), a row's label. The subject model weighs
// each span by where it stands and how it is bounded; the best span wins.

// SubjectSpan is one span the subject model weighs: its words and its
// features.
type SubjectSpan struct {
	Text     string
	Features []string
}

// subjectLimit bounds the length of a span, in tokens.
const subjectLimit = 40

// subjectSpans lists the spans that may be the subject of quantity q:
// every span after the quantity up to its clause's end and every span
// before it that ends at its verb or its comparator; the features say how
// each relates to the rules' subject.
func (f *targetFinder) subjectSpans(toks []tgTok, q tgQty, verbFrom, clauseStart, nextFirst, s0, s1 int, dates []tgDate, rule string) []SubjectSpan {
	var out []SubjectSpan
	add := func(a, b int, side string) {
		for a < b && (toks[a].kind == tgPunct || tgQuantifierAt(toks, a)) {
			a++
		}
		for b > a && toks[b-1].kind == tgPunct {
			b--
		}
		if a >= b || b-a > subjectLimit {
			return
		}
		for i := a; i < b; i++ {
			if _, isDate := f.dateAt(dates, toks[i].start); isDate {
				return // a time frame is no subject
			}
		}
		text := tgCleanPhrase(tgSpaces(f.text[toks[a].start:toks[b-1].end]))
		if text == "" {
			return
		}
		out = append(out, SubjectSpan{Text: text, Features: subjectFeatures(toks, q, a, b, side, rule, text, clauseStart, s0, s1)})
	}
	// after: from the number's end to the clause's end
	r0 := q.last
	if q.after > r0 {
		r0 = q.after
	}
	rEnd := s1
	if nextFirst < rEnd {
		rEnd = nextFirst
	}
	for m := r0; m < rEnd; m++ {
		if r := toks[m].raw; r == ";" || r == ":" || r == "(" || r == "." || r == "?" || r == "!" {
			rEnd = m
			break
		}
	}
	if rEnd > r0+subjectLimit {
		rEnd = r0 + subjectLimit
	}
	for b := r0 + 1; b <= rEnd; b++ {
		add(r0, b, "R")
	}
	// before: spans ending at the verb or the comparator
	ends := []int{q.first}
	if verbFrom >= 0 && verbFrom < q.first {
		ends = append(ends, verbFrom)
	}
	lo := s0
	if q.first-subjectLimit > lo {
		lo = q.first - subjectLimit
	}
	for _, e := range ends {
		for a := lo; a < e; a++ {
			add(a, e, "L")
		}
	}
	return out
}

// tgQuantifierAt reports whether toks[a] is a quantifier that a subject
// does not start with ("các", "những", "số").
func tgQuantifierAt(toks []tgTok, a int) bool {
	switch toks[a].low {
	case "các", "những", "số", "trong", "của":
		return true
	}
	return false
}

func subjectFeatures(toks []tgTok, q tgQty, a, b int, side, rule, text string, clauseStart, s0, s1 int) []string {
	fs := make([]string, 0, 24)
	add := func(s string) { fs = append(fs, s) }
	uc := unitClass(q.unit)
	n := b - a
	lb := "9+"
	switch {
	case n == 1:
		lb = "1"
	case n == 2:
		lb = "2"
	case n <= 4:
		lb = "3-4"
	case n <= 8:
		lb = "5-8"
	}
	add("s:side=" + side)
	add("s:side&u=" + side + "&" + uc)
	add("s:len=" + lb)
	add("s:side&len=" + side + "&" + lb)
	add("s:first=" + featWord(toks[a]))
	add("s:last=" + featWord(toks[b-1]))
	before, after := "^", "$"
	if a > s0 {
		before = featWord(toks[a-1])
	}
	if b < s1 && b < len(toks) {
		after = featWord(toks[b])
	}
	add("s:before=" + before)
	add("s:after=" + after)
	add("s:side&after=" + side + "&" + after)
	add("s:side&before=" + side + "&" + before)
	dist := 0
	if side == "R" {
		dist = a - q.last
	} else {
		dist = q.first - b
	}
	d := strconv.Itoa(min(dist, 4))
	add("s:dist=" + side + d)
	verbs, commas, ands := 0, 0, 0
	for i := a; i < b; i++ {
		if _, ok := tgVerbs.at(toks, i); ok && !tgFalseVerb(toks, i) {
			verbs++
		}
		switch toks[i].low {
		case ",":
			commas++
		case "và", "hoặc":
			ands++
		case "được", "bị":
			add("s:passive")
		}
	}
	add("s:verbs=" + strconv.Itoa(min(verbs, 2)))
	add("s:side&verbs=" + side + strconv.Itoa(min(verbs, 2)))
	add("s:commas=" + strconv.Itoa(min(commas, 2)))
	if ands > 0 {
		add("s:and")
	}
	if a == clauseStart {
		add("s:atclause")
	}
	if rule != "" {
		low, rl := strings.ToLower(text), strings.ToLower(rule)
		switch {
		case low == rl:
			add("s:=rule")
		case strings.Contains(rl, low):
			add("s:inrule")
		case strings.Contains(low, rl):
			add("s:hasrule")
		}
	}
	return fs
}

// pickSubject returns the span the subject model likes best, or "" when
// there is no subject model.
func (f *targetFinder) pickSubject(spans []SubjectSpan) string {
	if f.model == nil || len(f.model.Subject) == 0 || len(spans) == 0 {
		return ""
	}
	best, bestS := -1, 0.0
	for i, s := range spans {
		v := f.model.SubjectBias
		for _, ft := range s.Features {
			v += f.model.Subject[ft]
		}
		if best < 0 || v > bestS {
			best, bestS = i, v
		}
	}
	return spans[best].Text
}
