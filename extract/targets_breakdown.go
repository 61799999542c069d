package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Breakdowns: a total set by a plan is often split by district or unit in
// a list of names with their counts in brackets, "xây dựng mới 151 chợ …
// tại các huyện, thành, thị cụ thể: Việt Trì (12), thị xã Phú Thọ (08),
// …". Each part is a target of its own (ANNOTATING.md: per-unit
// breakdowns under a lead-in that sets targets; subject = the unit's
// name), a sub-target of the total. The counts have no unit of their own,
// so the quantity scan passes them over; a list is taken for a breakdown
// only when its counts add up exactly to a count of the sentence before
// it, whose unit, indicator and period they share, and whose decision
// they follow.

// tgPart is one part of a breakdown: the name's first token, the count's
// token and the token after the closing bracket.
type tgPart struct {
	first, num, last int
	value            float64
}

// tgMaxNameWords bounds the words of a part's name ("thị xã Phú Thọ").
const tgMaxNameWords = 6

// tgPartAt reads a part whose opening bracket is toks[open]: "Name (N)",
// the name's last word capitalized, N a whole number, and the name after
// a comma, a semicolon, a colon or "và" (from at most). It returns the
// part and whether it is one.
func tgPartAt(toks []tgTok, open, from, s1 int, conv NumberConvention) (tgPart, bool) {
	if open+2 >= s1 || toks[open].raw != "(" || toks[open+1].kind != tgNum || toks[open+2].raw != ")" {
		return tgPart{}, false
	}
	v, ok := ParseNumber(toks[open+1].raw, conv)
	if !ok || v <= 0 || v != math.Trunc(v) || strings.ContainsAny(toks[open+1].raw, ".,") && v < 1000 {
		return tgPart{}, false
	}
	if open-1 < from || !tgCapitalized(toks[open-1]) {
		return tgPart{}, false
	}
	first := open
	for m := open - 1; m >= from; m-- {
		t := toks[m]
		if t.raw == "," || t.raw == ";" || t.raw == ":" || t.low == "và" {
			break
		}
		if t.kind != tgWord || open-m > tgMaxNameWords {
			return tgPart{}, false
		}
		first = m
	}
	if first == open || first == from && from > 0 && !tgPartSep(toks[from-1]) {
		return tgPart{}, false
	}
	return tgPart{first: first, num: open + 1, last: open + 3, value: v}, true
}

// tgPartSep reports whether t may stand before a part's name.
func tgPartSep(t tgTok) bool {
	return t.raw == "," || t.raw == ";" || t.raw == ":" || t.low == "và"
}

// tgCapitalized reports whether word t begins with a capital letter.
func tgCapitalized(t tgTok) bool {
	if t.kind != tgWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.raw)
	return unicode.IsUpper(r)
}

// tgPartLists returns the lists of two or more parts in toks[s0:s1]: runs
// of "Name (N)" joined by a comma, a semicolon or "và".
func tgPartLists(toks []tgTok, s0, s1 int, conv NumberConvention) [][]tgPart {
	var lists [][]tgPart
	var cur []tgPart
	flush := func() {
		if len(cur) >= 2 {
			lists = append(lists, cur)
		}
		cur = nil
	}
	for i := s0; i < s1; i++ {
		if toks[i].raw != "(" {
			continue
		}
		p, ok := tgPartAt(toks, i, s0, s1, conv)
		if !ok {
			continue
		}
		if n := len(cur); n > 0 && !tgJoinedParts(toks, cur[n-1].last, p.first) {
			flush()
		}
		cur = append(cur, p)
		i = p.last - 1
	}
	flush()
	return lists
}

// tgJoinedParts reports whether only a separator stands between the part
// ending before toks[a] and the one starting at toks[b].
func tgJoinedParts(toks []tgTok, a, b int) bool {
	if b-a < 1 || b-a > 2 {
		return false
	}
	for m := a; m < b; m++ {
		if !tgPartSep(toks[m]) {
			return false
		}
	}
	return true
}

// attachBreakdowns gives each list of parts in the sentence to the
// nearest count before it that the parts add up to: a whole number of a
// count unit, no share.
func (f *targetFinder) attachBreakdowns(sc *tgScan) {
	lists := tgPartLists(sc.toks, sc.s0, sc.s1, f.conv)
	for _, l := range lists {
		sum := 0.0
		for _, p := range l {
			sum += p.value
		}
		for i := len(sc.items) - 1; i >= 0; i-- {
			it := &sc.items[i]
			q := it.q
			if q.last > l[0].first || len(it.parts) > 0 {
				continue
			}
			if q.max == nil && q.cmp == "=" && q.value == sum && !strings.HasPrefix(q.unit.text, "%") && q.unit.count {
				it.parts = l
				break
			}
		}
	}
}

// breakdownTargets returns the targets of the parts of total t (found at
// index total, text from the sentence's tokens): each part's name is its
// subject, the total's indicator with the unit its indicator; unit and
// period are the total's.
func (f *targetFinder) breakdownTargets(toks []tgTok, parts []tgPart, t Target) []Target {
	var out []Target
	for _, p := range parts {
		bt := t
		bt.Text = tgSpaces(f.text[toks[p.first].start:toks[p.last-1].end])
		bt.Value, bt.ValueMax, bt.Comparator = p.value, nil, "="
		bt.Subject = tgSpaces(f.text[toks[p.first].start:toks[p.num-2].end])
		bt.SubjectExpanded = NullString(Expand(bt.Subject, f.c.Abbreviations))
		bt.Indicator = strings.TrimSpace(t.Indicator + " " + t.Unit)
		bt.Parent = nil
		out = append(out, bt)
	}
	return out
}

// tgFrameLinks are the words between a figure and the time frame right
// after it ("130.000 tấn/năm vào năm 2015").
var tgFrameLinks = map[string]bool{"vào": true, "trong": true, "đến": true, "tới": true}

// tgLinkedTo reports whether only frame links (at most two) stand
// between toks[a] and the token starting at byte off.
func tgLinkedTo(toks []tgTok, a, off int) bool {
	for m := a; m < len(toks) && m <= a+2; m++ {
		if toks[m].start >= off {
			return toks[m].start == off
		}
		if !tgFrameLinks[toks[m].low] {
			return false
		}
	}
	return false
}

// tgTrailingFrame reports whether, in a clause that follows another
// figure, the date before quantity q (at byte before) trails that figure
// — it opens the clause after frame links only — while the date at byte
// after follows q the same way: "đạt 40.000 tấn/năm vào năm 2010, 130.000
// tấn/năm vào năm 2015 và 230.000 tấn/năm vào năm 2020". Each figure's
// frame is the one after it.
func tgTrailingFrame(toks []tgTok, clauseStart int, q tgQty, before, after int) bool {
	end := q.last
	if q.after > end {
		end = q.after
	}
	return clauseStart > 0 && clauseStart < len(toks) && toks[clauseStart-1].kind != tgPunct &&
		tgLinkedTo(toks, clauseStart, before) && tgLinkedTo(toks, end, after)
}

// tgOwnFrameAfter reports whether quantity q has a time frame of its own
// right after it (at byte after, after frame links only) while the date
// before it (ending at byte beforeEnd) lies in an earlier clause, across a
// comma or semicolon: "tăng tỷ lệ … chiếm khoảng 5-6% vào năm 2025, phấn
// đấu đạt 8% vào năm 2030". The figure's own frame holds for it.
func tgOwnFrameAfter(toks []tgTok, q tgQty, beforeEnd, after int) bool {
	end := q.last
	if q.after > end {
		end = q.after
	}
	if !tgLinkedTo(toks, end, after) {
		return false
	}
	for m := q.first - 1; m >= 0 && toks[m].start >= beforeEnd; m-- {
		if toks[m].raw == "," || toks[m].raw == ";" {
			return true
		}
	}
	return false
}

// tgFigureFrame reports whether the date at byte off trails a figure,
// after frame links only: "kim ngạch đạt khoảng 340 tỷ USD vào năm 2025",
// "tỷ trọng tăng lên 85,3% vào năm 2025". It is that figure's time frame.
func tgFigureFrame(toks []tgTok, off int) bool {
	j := sort.Search(len(toks), func(i int) bool { return toks[i].start >= off })
	for k := 0; k < 2 && j > 0 && tgFrameLinks[toks[j-1].low]; k++ {
		j--
	}
	for m := j - 1; m >= 0 && m >= j-3; m-- {
		switch {
		case toks[m].kind == tgNum:
			return true
		case toks[m].kind == tgPunct && toks[m].raw != "%" && toks[m].raw != "/":
			return false
		}
	}
	return false
}

// tgFirstSemicolon returns the byte offset of the first ";" of toks[s0:b]
// outside brackets, or -1.
func tgFirstSemicolon(toks []tgTok, s0, b int) int {
	depth := 0
	for m := s0; m < b && m < len(toks); m++ {
		switch toks[m].raw {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		case ";":
			if depth == 0 {
				return toks[m].start
			}
		}
	}
	return -1
}

// tgOtherClauseYear reports whether date d is a single year written in a
// clause after the sentence's first (after the ";" at byte lead): "GDP
// bình quân đầu người năm 2015 là 41 triệu đồng" dates its own figure,
// not the clauses after it, which the sentence's lead ("5 năm 2011-2015")
// frames.
func tgOtherClauseYear(d *tgDate, lead int) bool {
	return lead >= 0 && d.start > lead && d.p.Start != "" && d.p.Start == d.p.End
}

// tgPartScore is the least score of a part of a breakdown. A part is
// found only with its total and only when its count and its siblings' add
// up to the total: given the total, it is as sure as a target gets. Its
// score stays above every threshold the model's threshold is chosen from,
// so that one list of many parts does not pull the threshold (the parts of
// one document would otherwise weigh as that many decisions).
const tgPartScore = 2.5

// partDecision decides item i of a sentence's items as a part or a total
// of a breakdown, given the model's verdict (accept, score) on it alone:
// the parts of a breakdown and their total are one decision, not many.
//   - a part in brackets stands with its total (tgBracketParts);
//   - a total that named parts add up to exactly (attachBreakdowns), and
//     that the rules take for a target, is one: a count split among
//     units is what a plan allocates, not a figure it reports;
//   - a "trong đó" part that the rules take for a target, of a total in
//     the same unit ("quy hoạch 215 cửa hàng, trong đó giữ nguyên 135 cửa
//     hàng, giải toả 02 cửa hàng"), is weighed with its total: what a set
//     target is made of is set with it, so its score is the mean of its
//     own and its total's, against threshold th; so is an item line
//     under a lead-in line after its total (leadInLine), whatever the
//     rules say of it alone: the line is a label and a figure, the rules
//     see no marker in it.
//
// itemFound and itemScore are what was decided of the items before i;
// total is the target a sub-target of the sentence belongs to (nil none).
func partDecision(items []tgPending, i int, itemFound []int, itemScore []float64, total *tgFound, accept bool, score, th float64) (bool, float64) {
	it := items[i]
	if it.partOf > 0 && itemFound[it.partOf-1] >= 0 {
		return true, math.Max(itemScore[it.partOf-1], tgPartScore)
	}
	if accept || !it.isTarget && it.leadOf == 0 {
		return accept, score
	}
	if len(it.parts) > 0 {
		return true, math.Max(score, tgPartScore)
	}
	if (it.sub || it.leadOf > 0) && total != nil && total.t.Unit != "" && total.t.Unit == it.q.unit.text {
		if m := (score + total.score) / 2; m >= th {
			return true, m
		}
	}
	return accept, score
}

// tgBracketParts marks the quantities in the bracket right after a
// quantity that they add up to, in its unit, as parts of it: "Loại 1: 20
// chợ (1 chợ chuyên doanh nông sản cấp vùng, 19 chợ kinh doanh tổng
// hợp)", "260 chợ (02 chợ đầu mối …; … 238 chợ hạng III)", "trồng mới
// 6.000 ha … (năm 2008 trồng mới 1.000 ha; …)". A part is a target
// whenever its total is (record), and may be one on its own; a bracket
// that does not add up (an example, a share, a past figure) is left as
// it is.
func tgBracketParts(toks []tgTok, items []tgPending) {
	for i := 0; i+2 < len(items); i++ {
		tot := items[i].q
		open := tgBracketAfter(toks, tot.last)
		if tot.veto == "in brackets" || tot.max != nil || open < 0 {
			continue
		}
		sum, j := 0.0, i+1
		for ; j < len(items); j++ {
			q := items[j].q
			if q.veto != "in brackets" || q.max != nil || q.unit.text != tot.unit.text || q.first < open || tgCloses(toks, open+1, q.first) {
				break
			}
			sum += q.value
		}
		if j-i-1 < 2 || sum != tot.value {
			continue
		}
		for k := i + 1; k < j; k++ {
			items[k].partOf = i + 1
		}
		i = j - 1
	}
}

// tgBracketAfter returns the index of the bracket that opens at toks[k]
// or after a few words of the clause ("trồng mới 6.000 ha chủ yếu tập
// trung tại vùng I (năm 2008 …)"), -1 when none does.
func tgBracketAfter(toks []tgTok, k int) int {
	for m := k; m < len(toks) && m <= k+8; m++ {
		if toks[m].raw == "(" {
			return m
		}
		if toks[m].kind != tgWord {
			return -1
		}
	}
	return -1
}

// tgCloses reports whether a bracket closes in toks[a:b].
func tgCloses(toks []tgTok, a, b int) bool {
	for m := a; m < b && m < len(toks); m++ {
		if toks[m].raw == ")" {
			return true
		}
	}
	return false
}

// bracketPartRoles sets the roles of a part in brackets. A part named by
// the words after its unit ("02 chợ đầu mối nông sản tổng hợp") has them
// in its text and, with its unit, as its subject, and the total's
// indicator and period; a part with a verb and a time of its own ("năm
// 2008 trồng mới 1.000 ha") keeps its text, indicator and period and
// measures what the total does.
func (f *targetFinder) bracketPartRoles(toks []tgTok, q tgQty, t *Target, total Target) {
	end := q.last
	for end < len(toks) && end < q.last+20 {
		if r := toks[end].raw; r == "," || r == ";" || r == ")" || r == "(" || r == "." {
			break
		}
		end++
	}
	if end == q.last || q.numTok+1 >= end {
		t.Subject, t.SubjectExpanded = total.Subject, total.SubjectExpanded
		return
	}
	t.Text = tgSpaces(f.text[toks[q.first].start:toks[end-1].end])
	t.Subject = tgSpaces(f.text[toks[q.numTok+1].start:toks[end-1].end])
	t.SubjectExpanded = NullString(Expand(t.Subject, f.c.Abbreviations))
	t.Indicator = total.Indicator
	t.Period = total.Period
}

// subPeriod gives a "trong đó" sub-target (t, of parent) its parent's
// time frame when its own clause, toks[clauseStart:nextFirst], names
// none: "tỷ lệ lao động qua đào tạo năm 2015 đạt 60% (trong đó đào tạo
// nghề đạt 40%)" frames both by 2015, whatever frames the sentence.
func (f *targetFinder) subPeriod(toks []tgTok, clauseStart, nextFirst int, dates []tgDate, t *Target, parent Target) {
	if parent.Period == nil || clauseStart >= len(toks) {
		return
	}
	from := toks[clauseStart].start
	to := toks[len(toks)-1].end
	if nextFirst < len(toks) {
		to = toks[nextFirst].start
	}
	for _, d := range dates {
		if d.usable && d.start >= from && d.end <= to {
			return
		}
	}
	p := *parent.Period
	t.Period = &p
}

// Item lines: a total on a line of its own, a lead-in line ("Trong đó:",
// "Cụ thể:", "Gồm:") and one part per line after it, "- Loại 1: 20 chợ",
// "- Huyện A 12 chợ". Each item whose figure is in the total's unit is a
// "trong đó" sub-target of the total (annotation.md, `parent`): it is
// weighed with its total (partDecision) and measures what the total does.
// The list ends at the first line of another shape.

// tgLeadIns are the lead-in lines of a list of parts.
var tgLeadIns = newPhraseList("trong đó", "cụ thể", "gồm", "bao gồm", "gồm có")

// tgLeadInOnly reports whether toks are a lead-in and a colon, nothing
// else (a bullet before it aside).
func tgLeadInOnly(toks []tgTok) bool {
	i := 0
	if tgBulleted(toks) {
		i = 1
	}
	k, ok := tgLeadIns.at(toks, i)
	return ok && k+1 == len(toks) && toks[k].raw == ":"
}

// tgMaxLabelToks bounds the tokens of an item line's label ("Loại 1",
// "Huyện Đoan Hùng").
const tgMaxLabelToks = 6

// tgItemLine reports whether toks are an item line, "Label: N …" or "-
// Label N …", and returns the index of the token its figure starts at.
func tgItemLine(toks []tgTok) (int, bool) {
	i := 0
	bullet := tgBulleted(toks)
	if bullet {
		i = 1
	}
	if i >= len(toks) || toks[i].kind != tgWord {
		return 0, false
	}
	for m := i + 1; m < len(toks) && m <= i+tgMaxLabelToks; m++ {
		switch {
		case toks[m].raw == ":":
			return m + 1, m+1 < len(toks) && toks[m+1].kind == tgNum
		case toks[m].kind == tgNum && m+1 < len(toks) && toks[m+1].raw == ":":
			// a numbered label, "Loại 1:"
		case toks[m].kind == tgNum && bullet:
			return m, m+1 < len(toks) && toks[m+1].kind == tgWord
		case toks[m].kind != tgWord:
			return 0, false
		}
	}
	return 0, false
}

// leadInLine follows the lists of item lines: a lead-in line right after
// a line whose last target is a count or an amount (no share) opens one
// for that target; an item line right after the lead-in or an item goes
// on with it; any other line ends it.
func (f *targetFinder) leadInLine(p paraInfo, pi int) {
	if tgLeadInOnly(p.toks) {
		f.leadTotal, f.leadPending = 0, nil
		if c := f.lastCand; c != nil && c.sc.pi == pi-1 && c.it.isTarget && c.it.q.veto == "" && tgListUnit(c.it.q.unit.text) {
			// the total was rejected alone: it is decided with the
			// list's first item
			f.leadPending, f.leadPara = c, pi
		} else if n := len(f.found); n > 0 && c == nil {
			t := f.found[n-1]
			if t.para == pi-1 && t.parent < 0 && tgListUnit(t.t.Unit) {
				f.leadTotal, f.leadPara = n, pi
			}
		}
		return
	}
	if _, ok := tgItemLine(p.toks); (f.leadTotal > 0 || f.leadPending != nil) && ok && pi == f.leadPara+1 {
		f.leadPara = pi
		return
	}
	f.leadTotal, f.leadPending = 0, nil
}

// tgListUnit reports whether a total in unit u may be split in item
// lines: it has a unit, and no share.
func tgListUnit(u string) bool {
	return u != "" && !strings.HasPrefix(u, "%")
}

// tgPendingTotal is a candidate the model rejected, kept for the item
// lines that may follow it.
type tgPendingTotal struct {
	sc        *tgScan
	it        tgPending
	nextFirst int
	score     float64
}

// noteLast keeps item i of the sentence as the last candidate decided,
// when rejected; an accepted one clears it.
func (f *targetFinder) noteLast(sc *tgScan, i, nextFirst int, accept bool, score float64) {
	f.lastCand = nil
	if !accept && !tgHardVetoes[sc.items[i].q.veto] {
		f.lastCand = &tgPendingTotal{sc: sc, it: sc.items[i], nextFirst: nextFirst, score: score}
	}
}

// acceptPending records the pending total of a list with score.
func (f *targetFinder) acceptPending(c *tgPendingTotal, score float64) {
	sc := c.sc
	t := f.mention(sc, c.it, c.nextFirst, -1, -1)
	toks := sc.toks
	f.found = append(f.found, tgFound{t: t, score: score, offset: toks[c.it.q.numTok].start, parent: -1, prio: sc.p.prio, enum: sc.p.enum,
		sentence: sc.start, para: sc.pi, section: f.section, label: tgRowLabel(toks, c.it.q.first), listItem: sc.p.enum != "" || tgBulleted(toks),
		sentToks: tgTokWords(toks[sc.s0:sc.s1]), textToks: tgWordSet(t.Text)})
}

// markLeadItem marks the figure of an item line of an open list
// (leadInLine), in its total's unit, as the total's part.
//
// A total the model rejected alone is decided with the first item: both
// are taken when the mean of their scores reaches the threshold (a total
// split line by line is what a plan allocates), else the list ends.
func (f *targetFinder) markLeadItem(sc *tgScan) {
	if f.leadTotal == 0 && f.leadPending == nil || sc.pi != f.leadPara || sc.s0 != 0 {
		return
	}
	at, ok := tgItemLine(sc.toks)
	if !ok {
		return
	}
	var unit string
	if c := f.leadPending; c != nil {
		unit = c.it.q.unit.text
	} else {
		unit = f.found[f.leadTotal-1].t.Unit
	}
	for i := range sc.items {
		it := &sc.items[i]
		if (it.q.first != at && it.q.numTok != at) || it.q.unit.text != unit || it.q.veto != "" {
			continue
		}
		if c := f.leadPending; c != nil {
			f.leadPending = nil
			_, score := f.decide(it.isTarget, it.feats)
			m := (score + c.score) / 2
			if m < f.threshold() {
				return
			}
			f.acceptPending(c, m)
			f.leadTotal = len(f.found)
		}
		it.leadOf = f.leadTotal
		return
	}
}
