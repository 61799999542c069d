package extract

import (
	"math"
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
	elab              bool // the sentence spells out the targets set before ("Cụ thể, …")
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
const featureVersion = "tf14"

// candFeatures lists the features of quantity q of paragraph p. They are
// strings ("kind=plan", "b1=đạt"): the model weighs each it knows.
func (f *targetFinder) candFeatures(p paraInfo, q tgQty, cs candState, dates []tgDate) []string {
	toks := p.toks
	fs := make(tgFeatures, 0, 64)
	f.stateFeatures(&fs, cs)
	f.quantityFeatures(&fs, q)

	// the paragraph
	fs.add("prio=" + strconv.Itoa(p.prio))
	fs.addIf(p.heading > 0, "heading")
	fs.addIf(p.title, "title")
	fs.addIf(p.enum != "" || tgBulleted(toks), "item")
	fs.addIf(strings.Contains(f.text[p.span.start:p.span.end], "|"), "table")

	wordFeatures(&fs, toks, q, cs)
	markerFeatures(&fs, toks, q, cs)
	f.lexFeatures(&fs, toks, q, cs)
	resultFeatures(&fs, toks, q)
	planRefFeatures(&fs, toks, q, cs)
	f.headFeatures(fs.add)
	f.dateFeatures(&fs, toks, cs, dates)
	// position in the document
	fs.add("pos=" + strconv.Itoa(10*toks[q.numTok].start/(len(f.text)+1)))
	if f.c.Kind == "article" {
		fs = articleCopies(fs)
	}
	return fs.unique()
}

// articleCopies adds to the features of a candidate in a news article a
// copy of each, marked "A|": the model weighs a word or marker once for
// every kind and once more for articles, where the same words often
// report a result that an official document sets as a goal ("được duy
// trì ở mức dưới 2%", "đạt hơn 20 tỷ USD"). The shared weight carries
// what the kinds have in common, the copy what articles do otherwise
// (feature augmentation for a domain, Daumé 2007). The features already
// joined with the kind are not copied.
func articleCopies(fs tgFeatures) tgFeatures {
	n := len(fs)
	for _, x := range fs[:n] {
		if articleCopied(x) {
			fs = append(fs, "A|"+x)
		}
	}
	return fs
}

// articleCopiedPrefixes are the features articles get a copy of: the
// words and markers of the sentence, the comparator words, the vetoes,
// the scan's state and the time frames; not the unit, value and
// heading features, which weigh alike in every kind.
var articleCopiedPrefixes = []string{"mk<", "mk>", "cw=", "b1=", "bb=", "cl=", "ca=", "a1=", "lx>", "lxs",
	"veto=", "state=", "start=", "carried", "marker", "elab", "date", "horizon", "pastDate", "futureHorizon", "cmp=", "planRef"}

// articleCopied reports whether articles get a copy of feature x.
func articleCopied(x string) bool {
	if strings.Contains(x, "kind") {
		return false
	}
	for _, p := range articleCopiedPrefixes {
		if strings.HasPrefix(x, p) {
			return true
		}
	}
	return false
}

// unique drops repeated features, keeping the first of each: a feature is
// on or off, so that a sentence naming "chỉ tiêu" five times weighs as
// one that names it once.
func (fs tgFeatures) unique() tgFeatures {
	seen := make(map[string]bool, len(fs))
	out := fs[:0]
	for _, x := range fs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// tgFeatures collects the features of a candidate, in order.
type tgFeatures []string

// add adds feature s.
func (fs *tgFeatures) add(s string) { *fs = append(*fs, s) }

// addIf adds feature s when b holds: a feature that is on or off.
func (fs *tgFeatures) addIf(b bool, s string) {
	if b {
		fs.add(s)
	}
}

// stateFeatures adds the document's kind, the rule machine's verdict, the
// state the sentence scan was in (cs) and the section and list context.
func (f *targetFinder) stateFeatures(fs *tgFeatures, cs candState) {
	fs.add("kind=" + f.c.Kind)
	fs.addIf(cs.rule, "rule")
	fs.addIf(cs.rule, "rule&kind="+f.c.Kind)
	if fam := kindFamily(f.c.Kind); fam != "" {
		// the kinds too rare in the corpus to weigh one by one weigh as
		// their family
		fs.add("kindfam=" + fam)
		fs.addIf(cs.rule, "rule&kindfam="+fam)
	}
	fs.add("state=" + strconv.Itoa(cs.state))
	fs.add("start=" + strconv.Itoa(cs.startState))
	fs.addIf(cs.criteria, "criteria")
	fs.addIf(cs.carried, "carried")
	fs.addIf(cs.conditional, "cond")
	fs.addIf(cs.elab, "elab")
	fs.addIf(cs.question, "question")
	fs.addIf(cs.marker, "marker")
	fs.addIf(cs.shaped, "shaped")
	fs.addIf(cs.sub, "sub")
	fs.addIf(cs.labelRow, "labelrow")
	fs.addIf(f.sectionTarget > 0, "secT")
	fs.addIf(f.sectionPast > 0, "secP")
	fs.addIf(f.sectionPast > 0, "secP&kind="+f.c.Kind)
	fs.addIf(f.sectionNorm > 0, "secN")
	fs.addIf(f.normDoc, "normDoc")
	fs.addIf(f.listTarget, "listT")
	fs.addIf(f.listFrame != nil, "listFrame")
	fs.addIf(f.sectionHorizon != nil, "secHorizon")
	fs.addIf(f.carry > 0, "carry")
}

// kindFamily groups the document kinds that set rules rather than goals
// (laws, decrees, circulars, regulations and rules, guidance): "legal";
// "" for the others.
func kindFamily(kind string) string {
	switch kind {
	case "law", "decree", "circular", "regulation", "rules", "guidance":
		return "legal"
	}
	return ""
}

// quantityFeatures adds what quantityAt found: the veto, bound, share of
// a plan, change against a year, comparator, unit class and head, value
// size and range.
func (f *targetFinder) quantityFeatures(fs *tgFeatures, q tgQty) {
	if q.veto != "" {
		fs.add("veto=" + q.veto)
	}
	fs.addIf(q.bound, "bound")
	fs.addIf(q.planShare, "planShare")
	fs.addIf(q.relYear, "relYear")
	fs.addIf(q.quoted, "quoted")
	fs.add("cmp=" + q.cmp)
	uc := unitClass(q.unit)
	fs.add("unit=" + uc)
	fs.add("unit&kind=" + uc + "&" + f.c.Kind)
	fs.add("uhead=" + strings.ToLower(tgUnitHead(q.unit.text)))
	fs.add("cmp&unit=" + q.cmp + "&" + uc)
	fs.add("val=" + valueBucket(q.value))
	sig := "sig=" + sigDigits(q.value)
	fs.add(sig)
	fs.addIf(q.planShare, "planShare&"+sig)
	fs.addIf(q.max != nil, "range")
}

// wordFeatures adds the words before the quantity (the last three, the
// last pair, those of its clause up to ten) and after it (the first three,
// those up to eight before ";" or ".").
func wordFeatures(fs *tgFeatures, toks []tgTok, q tgQty, cs candState) {
	// words before the quantity, in its clause, and after it
	for k := 1; k <= 3; k++ {
		i := q.first - k
		w := "^"
		if i >= cs.s0 {
			w = featWord(toks[i])
		}
		fs.add("b" + strconv.Itoa(k) + "=" + w)
		if w == "^" {
			break
		}
	}
	if q.first-2 >= cs.s0 {
		fs.add("bb=" + featWord(toks[q.first-2]) + "_" + featWord(toks[q.first-1]))
	}
	lo := cs.clauseStart
	if q.first-10 > lo {
		lo = q.first - 10
	}
	for i := lo; i < q.first; i++ {
		if toks[i].kind == tgWord {
			fs.add("cl=" + toks[i].low)
		}
	}
	for k := 0; k < 3; k++ {
		i := q.last + k
		w := "$"
		if i < cs.s1 {
			w = featWord(toks[i])
		}
		fs.add("a" + strconv.Itoa(k+1) + "=" + w)
		if w == "$" {
			break
		}
	}
	for i := q.last; i < cs.s1 && i < q.last+8; i++ {
		if toks[i].raw == ";" || toks[i].raw == "." {
			break
		}
		if toks[i].kind == tgWord {
			fs.add("ca=" + toks[i].low)
		}
	}
}

// markerFeatures adds the markers of the sentence, each with its side of
// the quantity: its words and its kind.
func markerFeatures(fs *tgFeatures, toks []tgTok, q tgQty, cs candState) {
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
		fs.add("mk" + side + strings.Join(m.words, "_"))
		fs.add("mk" + side + "k" + strconv.Itoa(m.kind))
		i = j
	}
}

// lexFeatures adds the word classes (targets_lexicon.go) where they
// stand: in the clause before the quantity, in the ten tokens after it,
// and in the sentence.
func (f *targetFinder) lexFeatures(fs *tgFeatures, toks []tgTok, q tgQty, cs candState) {
	// word classes where they stand
	if f.lexFor != &toks[0] {
		f.lex, f.lexFor = lexIndex(toks), &toks[0]
	}
	for _, c := range lexClassesIn(f.lex, cs.clauseStart, q.first) {
		fs.add("lx<" + c)
		fs.add("lx<" + c + "&kind=" + f.c.Kind)
	}
	for _, c := range lexClassesIn(f.lex, q.last, min(cs.s1, q.last+10)) {
		fs.add("lx>" + c)
	}
	for _, c := range lexClassesIn(f.lex, cs.s0, cs.s1) {
		fs.add("lxs" + c)
	}
}

// dateFeatures adds the time frames of the sentence: each one's year
// against the document's, and whether it is a horizon, a term, a past
// frame or a horizon ahead.
func (f *targetFinder) dateFeatures(fs *tgFeatures, toks []tgTok, cs candState, dates []tgDate) {
	// time: years of the sentence against the document's
	for _, d := range dates {
		if d.start >= toks[cs.s1-1].end || d.end <= toks[cs.s0].start {
			continue
		}
		rel := "y?"
		if f.textYear > 0 && d.p.End != "" {
			if y, err := strconv.Atoi(d.p.End); err == nil {
				switch {
				case y < f.textYear:
					rel = "y<"
				case y == f.textYear:
					rel = "y="
				default:
					rel = "y>"
				}
			}
		}
		fs.add("date" + rel)
		fs.addIf(d.horizon, "horizon")
		fs.addIf(d.term, "term")
		fs.addIf(d.past, "pastDate")
		fs.addIf(d.horizon && f.futureYear(d.p.End), "futureHorizon")
	}
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

// sigDigits says how precise a value is written, in significant digits
// ("1" for 100 or 5, "2" for 95 or 7,5, "3", "4+" for 5.396 or 187,55): a
// goal is a round figure more often than a measured result.
func sigDigits(v float64) string {
	d := strings.Trim(strings.ReplaceAll(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".", ""), "0")
	switch n := len(d); {
	case n <= 1:
		return "1"
	case n <= 3:
		return strconv.Itoa(n)
	}
	return "4+"
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
