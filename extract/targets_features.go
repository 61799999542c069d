package extract

import (
	"strconv"
	"strings"
)

// candState is what the sentence scan knows around one quantity when it
// is found: the state the markers set, the section and list context, and
// the rule verdict. Features turn it into the model's input.
type candState struct {
	state, startState int
	criteria, carried bool
	conditional       bool
	question          bool
	marker            bool // a strong marker earlier in the sentence
	shaped            bool // the quantity has the shape of a target of its own
	sub               bool // after "trong đó"
	rule              bool // the rule machine's verdict
	clauseStart       int
	markStart         int // token of the last strong marker in the clause, -1
	s0, s1            int
	labelRow          bool // "label: value"
}

// featureVersion names the feature set; a model trained on another set is
// refused (retrain it).
const featureVersion = "tf4"

// candFeatures lists the features of quantity q of paragraph p. They are
// strings ("kind=plan", "b1=đạt"): the model weighs each it knows.
func (f *targetFinder) candFeatures(p paraInfo, q tgQty, cs candState, dates []tgDate) []string {
	toks := p.toks
	fs := make([]string, 0, 64)
	add := func(s string) { fs = append(fs, s) }
	bias := func(b bool, s string) {
		if b {
			add(s)
		}
	}
	add("kind=" + f.c.Kind)
	bias(cs.rule, "rule")
	bias(cs.rule, "rule&kind="+f.c.Kind)
	add("state=" + strconv.Itoa(cs.state))
	add("start=" + strconv.Itoa(cs.startState))
	bias(cs.criteria, "criteria")
	bias(cs.carried, "carried")
	bias(cs.conditional, "cond")
	bias(cs.question, "question")
	bias(cs.marker, "marker")
	bias(cs.shaped, "shaped")
	bias(cs.sub, "sub")
	bias(cs.labelRow, "labelrow")
	bias(f.sectionTarget > 0, "secT")
	bias(f.sectionPast > 0, "secP")
	bias(f.sectionPast > 0, "secP&kind="+f.c.Kind)
	bias(f.listTarget, "listT")
	bias(f.listFrame != nil, "listFrame")
	bias(f.sectionHorizon != nil, "secHorizon")
	bias(f.carry > 0, "carry")
	if q.veto != "" {
		add("veto=" + q.veto)
	}
	bias(q.bound, "bound")
	bias(q.planShare, "planShare")
	bias(q.relYear, "relYear")
	add("cmp=" + q.cmp)
	uc := unitClass(q.unit)
	add("unit=" + uc)
	add("unit&kind=" + uc + "&" + f.c.Kind)
	add("uhead=" + strings.ToLower(tgUnitHead(q.unit.text)))
	add("cmp&unit=" + q.cmp + "&" + uc)
	add("val=" + valueBucket(q.value))
	bias(q.max != nil, "range")

	// the paragraph
	add("prio=" + strconv.Itoa(p.prio))
	bias(p.heading > 0, "heading")
	bias(p.title, "title")
	bias(p.enum != "" || tgBulleted(toks), "item")
	bias(strings.Contains(f.text[p.span.start:p.span.end], "|"), "table")

	// words before the quantity, in its clause, and after it
	for k := 1; k <= 3; k++ {
		i := q.first - k
		w := "^"
		if i >= cs.s0 {
			w = featWord(toks[i])
		}
		add("b" + strconv.Itoa(k) + "=" + w)
		if w == "^" {
			break
		}
	}
	if q.first-2 >= cs.s0 {
		add("bb=" + featWord(toks[q.first-2]) + "_" + featWord(toks[q.first-1]))
	}
	lo := cs.clauseStart
	if q.first-10 > lo {
		lo = q.first - 10
	}
	for i := lo; i < q.first; i++ {
		if toks[i].kind == tgWord {
			add("cl=" + toks[i].low)
		}
	}
	for k := 0; k < 3; k++ {
		i := q.last + k
		w := "$"
		if i < cs.s1 {
			w = featWord(toks[i])
		}
		add("a" + strconv.Itoa(k+1) + "=" + w)
		if w == "$" {
			break
		}
	}
	for i := q.last; i < cs.s1 && i < q.last+8; i++ {
		if toks[i].raw == ";" || toks[i].raw == "." {
			break
		}
		if toks[i].kind == tgWord {
			add("ca=" + toks[i].low)
		}
	}
	// markers of the sentence, before and after the quantity
	for i := cs.s0; i < cs.s1; {
		m, j, ok := tgMarkerAt(toks, i)
		if !ok {
			i++
			continue
		}
		side := "<"
		if i >= q.last {
			side = ">"
		}
		add("mk" + side + strings.Join(m.words, "_"))
		add("mk" + side + "k" + strconv.Itoa(m.kind))
		i = j
	}
	// word classes where they stand
	if f.lexFor != &toks[0] {
		f.lex, f.lexFor = lexIndex(toks), &toks[0]
	}
	for _, c := range lexClassesIn(f.lex, cs.clauseStart, q.first) {
		add("lx<" + c)
		add("lx<" + c + "&kind=" + f.c.Kind)
	}
	for _, c := range lexClassesIn(f.lex, q.last, min(cs.s1, q.last+10)) {
		add("lx>" + c)
	}
	for _, c := range lexClassesIn(f.lex, cs.s0, cs.s1) {
		add("lxs" + c)
	}
	f.headFeatures(add)
	// time: years of the sentence against the document's
	for _, d := range dates {
		if d.start >= toks[cs.s1-1].end || d.end <= toks[cs.s0].start {
			continue
		}
		rel := "y?"
		if f.docYear > 0 && d.p.End != "" {
			if y, err := strconv.Atoi(d.p.End); err == nil {
				switch {
				case y < f.docYear:
					rel = "y<"
				case y == f.docYear:
					rel = "y="
				default:
					rel = "y>"
				}
			}
		}
		add("date" + rel)
		bias(d.horizon, "horizon")
		bias(d.term, "term")
		bias(d.past, "pastDate")
		bias(d.horizon && f.futureYear(d.p.End), "futureHorizon")
	}
	// position in the document
	add("pos=" + strconv.Itoa(10*toks[q.numTok].start/(len(f.text)+1)))
	return fs
}

// featWord is a token as a feature: a word in lower case, a number as "#",
// punctuation as itself.
func featWord(t tgTok) string {
	switch t.kind {
	case tgNum:
		return "#"
	case tgWord:
		return t.low
	}
	return t.raw
}

// unitClass sorts a unit into a few classes.
func unitClass(u tgUnit) string {
	txt := strings.ToLower(u.text)
	switch {
	case txt == "%":
		return "pct"
	case strings.HasPrefix(txt, "%/"):
		return "pct/"
	case strings.Contains(txt, "đồng") || strings.Contains(txt, "usd") || strings.Contains(txt, "vnd") || strings.Contains(txt, "vnđ"):
		if strings.Contains(txt, "/") {
			return "money/"
		}
		return "money"
	case u.count && u.open:
		return "countopen"
	case u.count:
		return "count"
	case strings.Contains(txt, "/"):
		return "per"
	}
	return "measure"
}

// valueBucket sorts a value by size.
func valueBucket(v float64) string {
	switch {
	case v == 100:
		return "100"
	case v < 1:
		return "<1"
	case v < 10:
		return "<10"
	case v < 100:
		return "<100"
	case v < 1000:
		return "<1k"
	case v < 1e6:
		return "<1m"
	}
	return ">=1m"
}

// headFeatures adds the words and word classes of the current headings,
// computed once per heading (setHead forgets them).
func (f *targetFinder) headFeatures(add func(string)) {
	if f.headFeats == nil {
		f.headFeats = []string{}
		for lvl, h := range f.heads {
			for _, w := range h {
				f.headFeats = append(f.headFeats, "h="+w)
				if lvl == 0 {
					f.headFeats = append(f.headFeats, "h1="+w)
				}
			}
			for _, c := range lexClassesOf(h) {
				f.headFeats = append(f.headFeats, "lxh"+c)
			}
		}
	}
	for _, x := range f.headFeats {
		add(x)
	}
}
