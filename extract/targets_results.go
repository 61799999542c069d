package extract

import "strings"

// Results and forecasts beside targets. An article that quotes next
// year's targets also reports this year's results ("xuất siêu đạt hơn 20
// tỷ USD", "lợi nhuận sau thuế đạt gần 1.328 tỷ đồng") and forecasts; the
// signals here help the model tell them apart.

// resultFeatures adds the words of the quantity's comparator ("cw=hơn",
// "cw=gần", "cw=ít_nhất"): a result is reported "hơn" or "gần" a figure,
// a goal is set "trên", "khoảng" or "ít nhất" one.
func resultFeatures(fs *tgFeatures, toks []tgTok, q tgQty) {
	if w := tgCmpWords(toks, q); w != "" {
		fs.add("cw=" + w)
	}
}

// tgCmpWords returns the words written before the number of q as part of
// it (its comparator and "từ"), lower case and joined by "_"; "" when
// there are none.
func tgCmpWords(toks []tgTok, q tgQty) string {
	var ws []string
	for i := q.first; i < q.numTok && i < len(toks); i++ {
		if toks[i].kind == tgWord {
			ws = append(ws, toks[i].low)
		}
	}
	return strings.Join(ws, "_")
}

// tgBaselineVeto is the veto of the value a change starts from.
const tgBaselineVeto = "the starting value of a change"

// tgChangeFrom reports whether q is the value a change starts from: it
// opens with "từ" and "xuống" or "lên" follows it (not "trở lên"), before
// any other number (a denominator aside) and within six tokens of it ("giảm từ 23 ca sinh/1.000
// phụ nữ xuống 18", "từ 25-27% hiện nay xuống còn dưới 10%", "tăng từ 5,1%
// lên 25%"). The document sets out to reach where the change ends, not
// where it starts.
func tgChangeFrom(toks []tgTok, q tgQty) bool {
	if q.first >= len(toks) || q.first >= q.numTok || toks[q.first].low != "từ" {
		return false
	}
	for i := q.last; i < len(toks) && i < q.last+6; i++ {
		t := toks[i]
		if t.kind == tgNum && toks[i-1].raw != "/" || t.raw == ";" || t.raw == "." {
			return false // another figure (a denominator "/1.000" is part of the unit)
		}
		if (t.low == "xuống" || t.low == "lên") && toks[i-1].low != "trở" {
			return true
		}
	}
	return false
}

// tgFailVeto is the veto of a quantity under the failing level of a
// rating.
const tgFailVeto = "a condition of the failing level"

// Rating rules (Quy định 366-QĐ/TW, the rules of cadre ratings) list the
// levels to reach and, last, the failing level: "4. Không hoàn thành nhiệm
// vụ", "(4) Không hoàn thành nhiệm vụ: … dưới 50 điểm …". Its numbers
// define failing, which ANNOTATING.md rules out as targets; the levels
// above it set targets.

// trackFailingLevel updates, at paragraph p, whether the text is inside
// the failing level of a rating (f.failing): a heading or a labelled item
// that opens with "Không hoàn thành nhiệm vụ" starts it; the next heading
// of the same or a higher level, or the next item labelled in the same
// style ("(5)" after "(4)", "5." after "4."), ends it.
func (f *targetFinder) trackFailingLevel(p paraInfo) {
	if p.heading == 0 && p.enum == "" {
		return
	}
	style := tgEnumStyle(p.enum)
	if f.failing && (style != "" && style == f.failStyle || p.heading > 0 && (f.failHead == 0 || p.heading <= f.failHead)) {
		f.failing = false
	}
	if tgOpensFailingLevel(p.toks) {
		f.failing, f.failStyle, f.failHead = true, style, p.heading
	}
}

// tgOpensFailingLevel reports whether toks, past a list label and
// emphasis, open with "không hoàn thành nhiệm vụ".
func tgOpensFailingLevel(toks []tgTok) bool {
	i := 0
	for i < len(toks) && i < 6 && (toks[i].kind != tgWord || i+1 < len(toks) && toks[i+1].raw == ")" && len([]rune(toks[i].raw)) == 1) {
		i++ // emphasis, brackets, dots and the label
	}
	_, ok := tgPhraseAt(toks, i, []string{"không", "hoàn", "thành", "nhiệm", "vụ"})
	return ok
}

// tgEnumStyle returns the style of a list label: "(n)", "n", "a" (a
// letter), "I" (a Roman numeral), "" for none.
func tgEnumStyle(label string) string {
	switch {
	case label == "":
		return ""
	case strings.HasPrefix(label, "("):
		return "(n)"
	case tgIsRomanLabel(label):
		return "I"
	case label[0] >= '0' && label[0] <= '9':
		return "n"
	}
	return "a"
}

// tgNounsOnly reports whether toks, at most eight, are words that go on a
// noun phrase: no number, no punctuation, no verb or comparator that
// would start a clause of its own ("đạt", "là", "trên", …).
func tgNounsOnly(toks []tgTok) bool {
	if len(toks) == 0 || len(toks) > 8 {
		return false
	}
	for _, t := range toks {
		if t.kind != tgWord || tgClauseWords[t.low] {
			return false
		}
	}
	return true
}

// tgClauseWords start a clause or a comparison of their own.
var tgClauseWords = map[string]bool{"đạt": true, "là": true, "có": true, "trên": true, "dưới": true,
	"khoảng": true, "tăng": true, "giảm": true, "được": true, "và": true, "hoặc": true, "trong": true}

// Plans quoted beside results. A report of what was done often names the
// plan it is measured against, with the plan's own figure: "chỉ tiêu của
// Bộ Tài chính giao (67.000 tỷ đồng)", "vượt kế hoạch đề ra là 7-8%",
// "mục tiêu không quá 54% GDP", "mức khoảng 6% Quốc hội giao". The plan's
// figure is a target (ANNOTATING.md, targets quoted in reports) though the
// sentence reports an outturn; the markers of the sentence say "result",
// so the model needs to know that the figure belongs to the plan.

// tgPlanNouns name a plan or a goal whose figure may follow them.
var tgPlanNouns = newPhraseList("mục tiêu", "kế hoạch", "chỉ tiêu", "dự toán", "trần")

// tgPlanSetters, right after a figure, say that a plan set it ("6% Quốc
// hội giao", "4% theo mục tiêu Quốc hội đề ra", "35.000 tỷ đồng vốn kế
// hoạch").
var tgPlanSetters = newPhraseList("quốc hội giao", "quốc hội đề ra", "quốc hội cho phép", "quốc hội thông qua",
	"theo mục tiêu", "theo kế hoạch", "theo chỉ tiêu", "vốn kế hoạch", "kế hoạch vốn", "kế hoạch đề ra",
	"mục tiêu đề ra", "chỉ tiêu giao", "như đề ra", "đề ra", "được giao")

// tgPlanRefBack is how many tokens before a figure a plan noun may stand
// and still name it.
const tgPlanRefBack = 8

// planRefFeatures adds "planRef<" when a plan noun names q from close
// before it, with no punctuation or other figure between (a year aside,
// and a bracket opening right before q), and "planRef>" when a plan
// setter follows q within three tokens. A share of a plan ("đạt 52% kế
// hoạch") is an outturn, not the plan's figure, and gets neither.
func planRefFeatures(fs *tgFeatures, toks []tgTok, q tgQty, cs candState) {
	if q.planShare {
		return
	}
	if tgPlanNounBefore(toks, q.first, cs.s0) {
		fs.add("planRef<")
	}
	for i := q.last; i < cs.s1 && i < q.last+3; i++ {
		if _, ok := tgPlanSetters.at(toks, i); ok {
			fs.add("planRef>")
			break
		}
		if t := toks[i]; t.kind == tgNum || t.raw == ";" || t.raw == "." || t.raw == "," {
			break
		}
	}
}

// tgPlanNounBefore reports whether a plan noun stands in the tokens
// before toks[first], down to s0 and at most tgPlanRefBack tokens back,
// with no punctuation (a bracket right before first aside) and no figure
// other than a year between.
func tgPlanNounBefore(toks []tgTok, first, s0 int) bool {
	lo := max(s0, first-tgPlanRefBack)
	for i := first - 1; i >= lo; i-- {
		t := toks[i]
		switch {
		case t.raw == "(" && i == first-1:
			continue
		case t.kind == tgNum:
			if !tgYearNumber(t.raw) {
				return false
			}
			continue
		case t.kind != tgWord:
			return false
		}
		if tgPlanRefBreaks[t.low] {
			return false
		}
		if _, ok := tgPlanNouns.at(toks, i); ok {
			return tgNamesPlan(toks, i)
		}
	}
	return false
}

// tgPlanRefBreaks, between a plan noun and a figure, start another item
// or a comparison ("đạt 85% kế hoạch cả năm và 7 dự án", "bằng 92,6% kế
// hoạch năm và bằng 54,6%", "so với kế hoạch"): the figure is not the
// plan's.
var tgPlanRefBreaks = map[string]bool{"và": true, "nhưng": true, "bằng": true, "so": true, "còn": true}

// tgNamesPlan reports whether the plan noun at toks[i] names a plan: not
// a share of one ("85% kế hoạch", "vượt 9,3 dự toán"), not the name of
// the ministry ("Bộ Kế hoạch và Đầu tư") and not the family name Trần.
func tgNamesPlan(toks []tgTok, i int) bool {
	if toks[i].low == "trần" && toks[i].raw != "trần" {
		return false
	}
	if i > 0 {
		p := toks[i-1]
		if p.kind == tgNum || p.raw == "%" || p.low == "bộ" {
			return false
		}
	}
	return true
}

// tgYearNumber reports whether a number as written is a year (1900-2100).
func tgYearNumber(raw string) bool {
	if len(raw) != 4 {
		return false
	}
	y := 0
	for _, c := range raw {
		if c < '0' || c > '9' {
			return false
		}
		y = y*10 + int(c-'0')
	}
	return y >= 1900 && y <= 2100
}
