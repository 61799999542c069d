package extract

import "strings"

// Targets the sentence state alone misses: rules of the kinds the
// annotation guide names as targets whatever the sentence's markers say
// (ANNOTATING.md).

// tgAwardWords name commendations, ratings and prizes: what a cap on
// them limits ("không quá 10% tập thể", "số giải Nhất không vượt quá 10%
// tổng số giải", "Xét tối đa 2 tập thể và 4 cá nhân").
var tgAwardWords = newPhraseList("tập thể", "cá nhân", "giải", "khen thưởng", "xếp loại",
	"danh hiệu", "bằng khen", "giấy khen", "thi đua")

// tgAwardCap reports whether quantity q of the sentence toks[s0:s1] caps
// commendations, ratings or prizes: a ceiling ("không quá", "tối đa",
// "không vượt quá") on a count of collectives or persons ("05 cá nhân"),
// or on a share whose clause names what is awarded or rated ("không quá
// 20% tổng số tập thể, cá nhân được xếp loại …", "Tỷ lệ khen thưởng mỗi
// lớp không quá 10% số học viên"). ANNOTATING.md: caps on commendations
// are targets, whatever the sentence around them reports.
func tgAwardCap(toks []tgTok, s0, s1 int, q tgQty) bool {
	if q.cmp != "<=" {
		return false
	}
	switch q.unit.text {
	case "tập thể", "cá nhân":
		return true
	case "%":
	default:
		return false
	}
	// the clause around the share: back to a clause mark, ahead up to one
	stop := func(t tgTok) bool { return t.raw == ";" || t.raw == "." || t.raw == ":" }
	for m := q.last; m < s1 && m < q.last+10 && !stop(toks[m]); m++ {
		if _, ok := tgAwardWords.at(toks, m); ok {
			return true
		}
	}
	for m := q.first - 1; m >= s0 && m >= q.first-12 && !stop(toks[m]); m-- {
		if _, ok := tgAwardWords.at(toks, m); ok {
			return true
		}
	}
	return false
}

// tgAwardCapOf reports whether q caps commendations (tgAwardCap), by
// its own bound or by that of the cap right before it, joined by "và" or
// a comma ("Xét tối đa 2 tập thể và 4 cá nhân": tgSharedBound gives "4
// cá nhân" its bound only after the rule machine's verdict). qs are the
// sentence's quantities before q.
func tgAwardCapOf(toks []tgTok, s0, s1 int, qs []tgQty, q tgQty) bool {
	if tgAwardCap(toks, s0, s1, q) {
		return true
	}
	if q.cmp != "=" || q.max != nil || len(qs) == 0 {
		return false
	}
	a := qs[len(qs)-1]
	if q.first <= a.last || a.last >= len(toks) || toks[q.first-1].low != "và" && toks[q.first-1].raw != "," {
		return false
	}
	if q.first-a.last > 1 && !tgNounsOnly(toks[a.last:q.first-1]) {
		// "không quá 10% tập thể, 5% cá nhân": the first one's noun
		// may stand between
		return false
	}
	q.cmp = a.cmp
	return tgAwardCap(toks, s0, s1, a) && tgAwardCap(toks, s0, s1, q)
}

// rangeAfterUnit reads the upper end of a range whose lower end, of value
// v, is written with its unit u: "từ 50 điểm đến 80 điểm", "từ 85 điểm
// đến dưới 95 điểm", "2 tỷ đồng - 3 tỷ đồng". The upper end must be
// greater, in the same unit, and no date; it returns the upper value and
// the token after its unit.
func (f *targetFinder) rangeAfterUnit(toks []tgTok, u tgUnit, v float64) (*float64, int, bool) {
	k := u.next
	if k+1 >= len(toks) || !(tgIsDash(toks[k].raw) || toks[k].low == "đến" || toks[k].low == "tới") {
		return nil, k, false
	}
	k++
	if toks[k-1].kind == tgWord {
		if c, ok := tgRangeBound.at(toks, k); ok {
			k = c
		}
	}
	if k >= len(toks) || toks[k].kind != tgNum {
		return nil, u.next, false
	}
	if _, isDate := f.numberOrDate(toks[k].start); isDate {
		return nil, u.next, false
	}
	v2, ok := ParseNumber(toks[k].raw, f.conv)
	if !ok || v2 <= v {
		return nil, u.next, false
	}
	u2, ok := tgMatchUnit(toks, k+1)
	if !ok || u2.text != u.text {
		return nil, u.next, false
	}
	return &v2, u2.next, true
}

// tgWithBase adds to the indicator ind of a change ("tăng", "giảm",
// "tăng trưởng") the base it is measured against when "so với …" follows
// the quantity q ("lợi nhuận trước thuế tăng 13% so với 2019" → "tăng so
// với 2019"): the change is only defined by its base. The base runs to
// the next clause mark, eight words at most.
func tgWithBase(toks []tgTok, q tgQty, ind string, s1 int) string {
	low := strings.ToLower(ind)
	if !(strings.HasPrefix(low, "tăng") || strings.HasPrefix(low, "giảm")) || strings.Contains(low, "so với") {
		return ind
	}
	k := q.last
	if q.after > k {
		k = q.after
	}
	if _, ok := tgPhraseAt(toks, k, []string{"so", "với"}); !ok || k+2 >= s1 {
		return ind
	}
	words := []string{"so", "với"}
	for m := k + 2; m < s1 && m < k+10; m++ {
		t := toks[m]
		if t.kind == tgPunct && t.raw != "/" && t.raw != "-" {
			break
		}
		words = append(words, t.raw)
	}
	if len(words) == 2 {
		return ind
	}
	return ind + " " + strings.Join(words, " ")
}

// tgGoalNounMarkers are the strong markers that name a quota given or
// set ("chỉ tiêu phấn đấu", "chỉ tiêu giao"): the gold names the
// quota in the indicator. A company's "mục tiêu" or "kế hoạch" of an
// amount is no such name: its indicator stays "đạt" (TestFindTargetsSubjectRules).
var tgGoalNounMarkers = map[string]bool{"chỉ tiêu": true}

// tgGoalIndicator gives a target whose indicator is only a copula ("là"),
// nothing, or an "đạt" its clause does not write, the goal its clause
// (toks[c:first], before the number) names, with the verb that sets it
// and the words that qualify it: "chỉ tiêu phấn đấu thu NSNN năm 2018 là
// 283.000 tỷ đồng" → "chỉ tiêu phấn đấu", "chỉ tiêu giao lần 3 là 10.024
// tỷ đồng" → "chỉ tiêu giao".
func tgGoalIndicator(toks []tgTok, ind string, c, first int) string {
	low := strings.ToLower(ind)
	written := false
	for _, t := range toks[c:first] {
		written = written || t.low == "đạt"
	}
	if !(low == "" || low == "là" || low == "đạt" && !written) {
		return ind
	}
	ms, me := -1, -1
	for m := c; m+1 < first; m++ {
		if tgGoalNounMarkers[toks[m].low+" "+toks[m+1].low] {
			ms, me = m, m+2
		}
	}
	if ms < 0 {
		return ind
	}
	from, to := ms, me
	if from-1 >= c {
		switch toks[from-1].low {
		case "đặt", "giao", "đề":
			from--
		}
	}
	for to < first && to < me+3 {
		switch toks[to].low {
		case "phấn", "đấu", "giao", "được":
			to++
			continue
		}
		break
	}
	var out []string
	for _, t := range toks[from:to] {
		out = append(out, t.raw)
	}
	return strings.Join(out, " ")
}

// tgLoneFrom reports whether "từ" before the number at toks[j] (its
// quantity ends before toks[k]) opens a floor of its own: no upper end
// and no change to a new level follow in its clause ("phát triển từ 05
// bộ dữ liệu mở chất lượng cao", "tăng trưởng bình quân từ 5%/năm"), as
// the gold reads it (>=); "giảm từ 23 … xuống 18 …" starts from a base.
func tgLoneFrom(toks []tgTok, j, k int) bool {
	if j < 1 || toks[j-1].low != "từ" {
		return false
	}
	for m := k; m < len(toks) && m < k+12; m++ {
		switch toks[m].low {
		case ";", ".", ":":
			return true
		case "xuống", "lên", "đến", "tới", "sang", "thành":
			return false
		}
		if tgIsDash(toks[m].raw) {
			return false
		}
	}
	return true
}
