package extract

import (
	"strconv"
	"strings"
)

// Restatements in an article. A news article states its targets in the
// headline, the lead and the body, and again in a quote or a summary,
// each time in other words ("lợi nhuận trước thuế 2.007 tỷ đồng", later
// "lãi trước thuế cả năm 2020 chỉ ở mức 2.007 tỷ đồng"). tgSameTarget
// keeps mentions under two headings apart (a rule document sets one level
// for two cases); in the prose of an article the same figure for the same
// year and the same thing is one target (annotation.md: once, at its
// fullest mention).

// tgProseRestatement reports whether two mentions of an article restate
// one target: both in prose (no list item), the same comparator (or one
// "khoảng"), value and unit, a value other than 100 (every "100%" of an
// article need not be one), the same year the target falls in, and
// subjects or texts that share most of their content words.
func tgProseRestatement(a, b tgFound) bool {
	ta, tb := a.t, b.t
	if a.listItem || b.listItem || ta.Value == 100 || !tgSameFigure(ta, tb) {
		return false
	}
	if ta.Period == nil || tb.Period == nil || ta.Period.End == "" || ta.Period.End != tb.Period.End {
		return false
	}
	return tgOverlap(tgContentWords(ta.Subject), tgContentWords(tb.Subject)) >= 0.5 ||
		tgOverlap(tgContentWords(ta.Text), tgContentWords(tb.Text)) >= 0.6
}

// tgOfficialRestatement reports whether two mentions of an official
// document restate one target in two of its parts: a plan states its
// goal in "Mục tiêu", again in its list of chỉ tiêu and again in the
// tasks of one body ("có ít nhất 50% đơn vị hành chính cấp xã … không ma
// túy", later "đạt ít nhất 50% số xã, phường … không ma túy"). Both in
// sentences (no table cell), paragraphs at least tgRestateGap apart (the
// items of one list set different targets), a value other than 100, the
// same value and unit and comparators that agree (tgCmpAgree), the same
// year the target falls in, and texts that share most of their content
// words.
func tgOfficialRestatement(a, b tgFound) bool {
	ta, tb := a.t, b.t
	if a.table || b.table || ta.Value == 100 || a.para-b.para < tgRestateGap && b.para-a.para < tgRestateGap {
		return false
	}
	if !tgCmpAgree(ta.Comparator, tb.Comparator) || (ta.ValueMax == nil) != (tb.ValueMax == nil) || tgScaledKey(ta) != tgScaledKey(tb) {
		return false
	}
	if ta.Period == nil || tb.Period == nil || ta.Period.End == "" || ta.Period.End != tb.Period.End {
		return false
	}
	wa := tgContentWords(ta.Text + " " + ta.Subject)
	wb := tgContentWords(tb.Text + " " + tb.Subject)
	return len(wa) >= 3 && len(wb) >= 3 && tgOverlap(wa, wb) >= 0.6
}

// tgRestateGap is how many paragraphs apart two mentions of an official
// document must stand to be read as one target restated.
const tgRestateGap = 10

// tgCmpAgree reports whether two comparators can state one target: the
// same, one of them "=" (a restatement drops "ít nhất"), or a bound and
// its strict form ("trên 70%", "ít nhất 70%").
func tgCmpAgree(a, b string) bool {
	if a == b || a == "=" && b != "range" || b == "=" && a != "range" {
		return true
	}
	up := func(c string) bool { return c == ">" || c == ">=" }
	down := func(c string) bool { return c == "<" || c == "<=" }
	return up(a) && up(b) || down(a) && down(b)
}

// tgFunctionWords are the words that say nothing of what a target
// measures: linking words, comparators and the measure words every
// target has.
var tgFunctionWords = map[string]bool{"của": true, "và": true, "các": true, "có": true, "được": true,
	"trong": true, "với": true, "là": true, "đạt": true, "tỷ": true, "tỉ": true, "lệ": true, "số": true,
	"năm": true, "thu": true, "cả": true, "chỉ": true, "đến": true, "tăng": true, "trên": true,
	"dưới": true, "khoảng": true, "ít": true, "nhất": true, "từ": true, "trở": true, "lên": true}

// tgContentWords returns the lower-case words of s that are neither
// numbers nor function words (tgFunctionWords).
func tgContentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tgTokenize(s, 0, len(s)) {
		if t.kind == tgWord && !tgFunctionWords[t.low] {
			out[t.low] = true
		}
	}
	return out
}

// tgTableRestatement reports whether a table row restates a target of the
// body, as an appendix "Danh mục các chỉ tiêu" lists row by row the
// targets the body set: one mention a table cell, the other a sentence's,
// the same figure (tgSameScaledFigure: a table in "nghìn USD" restates
// "10 triệu USD"), the same period where both have one, and row and
// sentence naming the same thing: most of the content words of the
// shorter shared, or, for a row that names its thing in one or two
// words ("Xoài", "Chanh leo"), every one of them in the sentence.
func tgTableRestatement(a, b tgFound) bool {
	if a.table == b.table {
		return false
	}
	ta, tb := a.t, b.t
	if a.table {
		ta, tb = tb, ta // ta the sentence's, tb the cell's
	}
	if !tgSameScaledFigure(ta, tb) {
		return false
	}
	if ta.Period != nil && tb.Period != nil && ta.Period.End != tb.Period.End {
		return false
	}
	ws := tgContentWords(ta.Text + " " + ta.Subject)
	wc := tgContentWords(tb.Text + " " + tb.Subject)
	if len(ws) >= 3 && len(wc) >= 3 && tgOverlap(ws, wc) >= 0.6 {
		return true
	}
	return len(wc) >= 1 && len(wc) < 3 && len(ws) >= 3 && tgOverlap(ws, wc) == 1
}

// tgScaleFactors are the scale words a unit may begin with and what they
// multiply by.
var tgScaleFactors = []struct {
	word   string
	factor float64
}{{"nghìn tỷ ", 1e12}, {"ngàn tỷ ", 1e12}, {"nghìn ", 1e3}, {"ngàn ", 1e3}, {"triệu ", 1e6}, {"tỷ ", 1e9}}

// tgScaled returns the value and upper value of t in its unit without a
// scale word, and that unit before any "/": 10 "triệu USD" is 1e7 "USD".
func tgScaled(t Target) (v, vmax float64, unit string) {
	unit = strings.Split(t.Unit, "/")[0]
	f := 1.0
	for _, s := range tgScaleFactors {
		if strings.HasPrefix(unit, s.word) && len(unit) > len(s.word) {
			f, unit = s.factor, unit[len(s.word):]
			break
		}
	}
	v = t.Value * f
	if t.ValueMax != nil {
		vmax = *t.ValueMax * f
	}
	return v, vmax, unit
}

// tgScaledKey is a key two mentions share when they state the same
// figure, scale words aside (tgScaled), at twelve significant digits.
func tgScaledKey(t Target) string {
	v, vmax, unit := tgScaled(t)
	k := strconv.FormatFloat(v, 'g', 12, 64) + "|"
	if t.ValueMax != nil {
		k += strconv.FormatFloat(vmax, 'g', 12, 64)
	}
	return k + "|" + unit
}

// tgSameScaledFigure reports whether sentence target ts and table cell tc
// state the same figure: the same value, upper value and unit once scale
// words are set aside, and the same comparator, except that a cell, which
// has no comparator words, restates any ("trên 155.000 tấn" in the body,
// "155.000" in the row).
func tgSameScaledFigure(ts, tc Target) bool {
	if ts.Comparator != tc.Comparator && tc.Comparator != "=" {
		return false
	}
	if (ts.ValueMax == nil) != (tc.ValueMax == nil) {
		return false
	}
	return tgScaledKey(ts) == tgScaledKey(tc)
}

// tgSameFigure reports whether two mentions state the same figure: the
// same comparator (or one of them "khoảng", which a headline or a table
// drops), value, upper value and unit before any "/".
func tgSameFigure(ta, tb Target) bool {
	if ta.Comparator != tb.Comparator && !(ta.Comparator == "=" && tb.Comparator == "~" || ta.Comparator == "~" && tb.Comparator == "=") {
		return false
	}
	if ta.Value != tb.Value || (ta.ValueMax == nil) != (tb.ValueMax == nil) || ta.ValueMax != nil && *ta.ValueMax != *tb.ValueMax {
		return false
	}
	return strings.Split(ta.Unit, "/")[0] == strings.Split(tb.Unit, "/")[0]
}
