package extract

import (
	"math"
	"sort"
	"strings"
)

// Merging: one record per distinct target. A target restated in a
// headline, a lead, a caption or a conclusion merges into its body
// mention; a parent ("trong đó") points into the merged list.

// tgFound is one target mention before de-duplication.
type tgFound struct {
	t        Target
	score    float64 // the model's raw score (0 without a model)
	offset   int
	parent   int // index in finder.found, or -1
	prio     int // 0 body, 1 lead or caption, 2 heading
	enum     string
	sentence int    // byte offset of the sentence
	para     int    // paragraph index
	section  int    // paragraph of the last heading or labelled item above ("(2)", "1."), -1 none
	label    string // the words before the colon of a "label: …" paragraph, lower case
	listItem bool   // the paragraph is an item of a list ("1.", "a)", "-")
	sentToks map[string]bool
	textToks map[string]bool
	// part: a part of a breakdown, found only beside its total (parent);
	// its score is kept high for the threshold's sake (tgPartScore) but
	// it is no surer than its total
	part bool
	// table: a cell of a table row rather than a quantity of a sentence
	table bool
}

// result returns one Target per distinct target, in document order: the
// mentions that restate one target form a group (restatements), the
// group's best mention stands for it (representatives) with the group's
// best score, and a parent points to its group's place in the list.
func (f *targetFinder) result() []Target {
	n := len(f.found)
	if n == 0 {
		return nil
	}
	rep := f.restatements()
	groupParent := f.groupParents(rep)
	order := f.representatives(rep)
	outIndex := map[int]int{}
	for k, i := range order {
		outIndex[rep[i]] = k
	}
	groupScore := f.groupScores(rep)
	out := make([]Target, 0, len(order))
	for k, i := range order {
		t := f.found[i].t
		if f.model != nil {
			cs := groupScore[rep[i]]
			if p := f.found[i].parent; f.found[i].part && p >= 0 {
				cs = min(cs, groupScore[rep[p]])
			}
			t.Confidence = math.Round(1000*f.model.Confidence(cs)) / 1000
		}
		f.scores = append(f.scores, groupScore[rep[i]])
		t.Parent = nil
		par := f.found[i].parent
		if par < 0 {
			// a restated parent-less mention may have a parent elsewhere
			par = groupParent[rep[i]]
		}
		if par >= 0 {
			if pk, ok := outIndex[rep[par]]; ok && pk != k {
				pk := pk
				t.Parent = &pk
			}
		}
		out = append(out, t)
	}
	return out
}

// restatements returns, for each mention of f.found, the first mention of
// its group: the mentions that state the same target (tgSameTarget).
func (f *targetFinder) restatements() []int {
	n := len(f.found)
	// merge restatements into one representative
	rep := make([]int, n)
	for i := range rep {
		rep[i] = i
	}
	// only mentions with the same value and unit (scale words aside, for
	// a table in "nghìn USD") can be the same target: compare within those
	// buckets (linear in the common case)
	buckets := map[string][]int{}
	var keys []string
	for i := 0; i < n; i++ {
		k := tgScaledKey(f.found[i].t)
		if _, ok := buckets[k]; !ok {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	for _, k := range keys {
		b := buckets[k]
		for x, i := range b {
			if rep[i] != i {
				continue
			}
			for _, j := range b[x+1:] {
				if rep[j] != j || !tgSameTarget(f.found[i], f.found[j]) &&
					!(f.c.Kind == "article" && tgProseRestatement(f.found[i], f.found[j])) &&
					!(f.c.Kind != "article" && tgOfficialRestatement(f.found[i], f.found[j])) &&
					!tgTableRestatement(f.found[i], f.found[j]) {
					continue
				}
				rep[j] = i
			}
		}
	}
	return rep
}

// groupParents returns, for each group (by its first mention), the first
// parent any of its mentions has, -1 when none.
func (f *targetFinder) groupParents(rep []int) []int {
	n := len(f.found)
	// the first parent of any mention of a group
	groupParent := make([]int, n)
	for i := range groupParent {
		groupParent[i] = -1
	}
	for j := 0; j < n; j++ {
		if g := rep[j]; groupParent[g] < 0 && f.found[j].parent >= 0 {
			groupParent[g] = f.found[j].parent
		}
	}
	return groupParent
}

// representatives returns the best mention of each group, in document
// order: body before lead or caption before heading, then the fullest
// comparator, then the first.
func (f *targetFinder) representatives(rep []int) []int {
	n := len(f.found)
	// the representative of a group is its best mention: body before lead
	// or caption before heading, then the first
	best := map[int]int{}
	for i := 0; i < n; i++ {
		g := rep[i]
		b, ok := best[g]
		if !ok || f.found[i].prio < f.found[b].prio ||
			// at equal rank the fullest mention: "chiếm khoảng 30% …" over a
			// headline's "Phấn đấu 30%"
			f.found[i].prio == f.found[b].prio && f.found[i].t.Comparator != f.found[b].t.Comparator && f.found[b].t.Comparator == "=" {
			best[g] = i
		}
	}
	var order []int
	for i := 0; i < n; i++ {
		if rep[i] == i {
			order = append(order, best[i])
		}
	}
	// document order of the chosen mentions
	sort.SliceStable(order, func(a, b int) bool { return f.found[order[a]].offset < f.found[order[b]].offset })
	return order
}

// groupScores returns each group's score: its best mention's.
func (f *targetFinder) groupScores(rep []int) map[int]float64 {
	// a group's score is its best mention's
	groupScore := map[int]float64{}
	for i := 0; i < len(f.found); i++ {
		if s, ok := groupScore[rep[i]]; !ok || f.found[i].score > s {
			groupScore[rep[i]] = f.found[i].score
		}
	}
	return groupScore
}

// tgSameTarget reports whether two mentions state the same target: same
// comparator, value and unit, in sentences that share most of their words
// (headline and body, conclusion and rule), and not two items of one list.
func tgSameTarget(a, b tgFound) bool {
	ta, tb := a.t, b.t
	// a headline or lead drops "khoảng": "30% giá trị …" restates
	// "chiếm khoảng 30% …" (then the sentences must share most words)
	approx := ta.Comparator != tb.Comparator &&
		(ta.Comparator == "=" && tb.Comparator == "~" || ta.Comparator == "~" && tb.Comparator == "=")
	if ta.Comparator != tb.Comparator && !approx || ta.Value != tb.Value || (ta.ValueMax == nil) != (tb.ValueMax == nil) ||
		(ta.ValueMax != nil && *ta.ValueMax != *tb.ValueMax) {
		return false
	}
	if strings.Split(ta.Unit, "/")[0] != strings.Split(tb.Unit, "/")[0] {
		return false
	}
	if approx {
		return a.sentence != b.sentence && a.para != b.para && tgOverlap(a.sentToks, b.sentToks) >= 0.6
	}
	if a.sentence == b.sentence {
		// two quantities of one sentence are two targets, unless their
		// words are the same (a caption run into a lead); two cells of
		// one table row under two years are two years' targets
		return len(a.textToks) == len(b.textToks) && tgOverlap(a.textToks, b.textToks) == 1 && tgSamePeriod(ta.Period, tb.Period)
	}
	if a.enum != "" && b.enum != "" && a.enum != b.enum && a.prio == 0 && b.prio == 0 {
		return false
	}
	if a.prio == 0 && b.prio == 0 && (a.section != b.section || a.label != b.label) {
		// the same words under two headings or labelled items ("(1)
		// Hoàn thành xuất sắc …", "(2) Hoàn thành tốt …": "Đối với tập
		// thể: Hoàn thành 100% các nhiệm vụ được giao"), or after two
		// labels ("Đối với tập thể: …", "Đối với cá nhân: …"), set the
		// same level for two cases: two targets
		return false
	}
	if a.listItem && b.listItem && a.para != b.para && a.prio == 0 && b.prio == 0 {
		// two items of a list are two targets unless worded the same
		return len(a.textToks) == len(b.textToks) && tgOverlap(a.textToks, b.textToks) == 1
	}
	if tgOverlap(a.textToks, b.textToks) >= 0.8 {
		return true
	}
	return tgOverlap(a.sentToks, b.sentToks) >= 0.6
}

// tgRowLabel returns the words of a "label: …" paragraph before its
// first colon when that colon comes before token upto, in lower case
// ("đối với tập thể"), else "".
func tgRowLabel(toks []tgTok, upto int) string {
	var ws []string
	for i := 0; i < upto && i < len(toks) && i < 40; i++ {
		switch t := toks[i]; {
		case t.raw == ":":
			return strings.Join(ws, " ")
		case t.kind != tgPunct:
			ws = append(ws, t.low)
		}
	}
	return ""
}

// tgOverlap is the overlap coefficient of two word sets.
func tgOverlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	m := len(a)
	if len(b) < m {
		m = len(b)
	}
	return float64(n) / float64(m)
}

// tgWordSet returns the lower-case words and numbers of s.
func tgWordSet(s string) map[string]bool {
	return tgTokWords(tgTokenize(s, 0, len(s)))
}

// tgTokWords returns the lower-case words and numbers of toks.
func tgTokWords(toks []tgTok) map[string]bool {
	out := make(map[string]bool, len(toks))
	for _, t := range toks {
		if t.kind != tgPunct {
			out[t.low] = true
		}
	}
	return out
}

// tgSamePeriod reports whether two periods are the same (both nil, or
// equal).
func tgSamePeriod(a, b *Period) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}
