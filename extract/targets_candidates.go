package extract

import (
	"math"
	"sort"
	"strings"
	"sync"
)

// Candidates: the sentence scan reads each sentence left to right, in the
// state its markers set (a target, not a target, neutral), finds each
// quantity (quantityAt: the number or range, its unit, its comparator and
// the vetoes that rule it out) and hands it, with what the scan knows
// around it (candState), to the decision. The accepted ones get their
// roles (targets_roles.go) and are recorded for merging (targets_merge.go).

// Sentence states of the target classifier.
const (
	tgNeutral = iota
	tgTarget
	tgNotTarget
)

// Marker kinds.
const (
	mkStrong   = iota + 1 // sets the target state
	mkCriteria            // sets the target state for a list of criteria
	mkWeak                // sets the target state from neutral only
	mkPast                // a past result or a present statistic
	mkForecast            // a forecast or a possibility
	mkNone                // a phrase that only hides a shorter marker
	mkWeakPast            // a result only where nothing set targets yet ("đóng góp")
)

// tgMarker is a phrase that sets the sentence state, and its kind (mk…).
type tgMarker struct {
	words []string
	kind  int
}

// tgBudgetNames are budget terms named after their purpose, no goal:
// "Chương trình mục tiêu quốc gia …", "vốn Trung ương hỗ trợ có mục
// tiêu", "ngân sách cấp trên bổ sung có mục tiêu". They mark nothing
// (tgMarkers) and hide the goal word inside them (tgLexicon).
var tgBudgetNames = []string{"chương trình mục tiêu", "hỗ trợ có mục tiêu", "bổ sung có mục tiêu"}

// tgMarkers returns the markers of the sentence state, longest first.
func tgMarkers() []tgMarker {
	add := func(kind int, ps ...string) []tgMarker {
		var out []tgMarker
		for _, p := range ps {
			out = append(out, tgMarker{strings.Fields(p), kind})
		}
		return out
	}
	var ms []tgMarker
	ms = append(ms, add(mkStrong, "mục tiêu", "chỉ tiêu", "phấn đấu", "đề ra",
		"đặt ra", "kỳ vọng", "kế hoạch", "nhằm đạt", "hướng tới", "tầm nhìn",
		"quyết tâm", "cần đạt", "phải đạt", "định hướng", "chủ trương")...)
	ms = append(ms, add(mkCriteria, "điều kiện sau", "các điều kiện sau", "tiêu chí sau",
		"tiêu chuẩn sau", "điều kiện cụ thể sau", "phải đáp ứng", "quy định như sau")...)
	ms = append(ms, add(mkWeak, "duy trì", "giữ vững", "giữ ổn định", "bảo đảm",
		"đảm bảo")...)
	ms = append(ms, add(mkPast, "đã", "đạt được", "vừa qua", "năm qua", "thời gian qua",
		"tháng qua", "quý qua", "ước đạt", "ước thực hiện", "ước tính", "ước",
		"lũy kế", "luỹ kế", "tính đến", "đến nay", "hiện nay", "hiện có", "hiện đang",
		"theo báo cáo", "báo cáo cho biết", "cho thấy", "thống kê", "số liệu",
		"vượt chỉ tiêu", "vượt dự toán", "cho biết", "thực tế", "mới chỉ đạt", "nhưng chỉ đạt", "chưa đạt",
		"không đạt", "còn thiếu", "mặc dù", "tạo ra", "chiếm tỷ trọng",
		"đến thời điểm", "tính đến thời điểm", "được biết", "hoàn thành vượt mức chỉ tiêu",
		"hoàn thành vượt kế hoạch", "vượt xa", "ghi nhận", "công bố", "vừa công bố",
		"vượt kế hoạch", "vượt xa kế hoạch", "vượt cả", "về đích",
		"vượt chỉ tiêu đề ra", "vượt mục tiêu đề ra", "vượt kế hoạch đề ra",
		"kết quả thực hiện", "báo cáo kết quả")...)
	ms = append(ms, add(mkWeakPast, "đóng góp")...)
	ms = append(ms, add(mkForecast, "dự báo", "dự đoán", "dự kiến", "có thể", "có khả năng",
		"khả năng", "triển vọng", "kịch bản")...)
	ms = append(ms, add(mkNone, "so với kế hoạch", "% kế hoạch",
		"kế hoạch số", "kế hoạch hóa", "kế hoạch hoá", "sở kế hoạch", "bộ kế hoạch",
		"chỉ tiêu/nhóm chỉ tiêu", "đã được", "được", "xây dựng kế hoạch",
		"ban hành kế hoạch", "triển khai kế hoạch", "lập kế hoạch", "kế hoạch đề ra")...)
	ms = append(ms, add(mkNone, tgBudgetNames...)...)
	// the base of a change, not a report of now: "giảm 60 - 70% … so với
	// hiện nay"
	ms = append(ms, add(mkNone, "so với hiện nay", "so với hiện tại")...)
	// an openness on the figure before, no forecast: "khoảng 183 - 236 GW
	// hoặc có thể cao hơn tuỳ thuộc vào nhu cầu"
	ms = append(ms, add(mkNone, "hoặc có thể cao hơn", "hoặc có thể lớn hơn", "hoặc có thể nhiều hơn")...)
	// longest first
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && len(ms[j].words) > len(ms[j-1].words); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	return ms
}

// tgMarkersByFirst indexes tgMarkers by their first word; built on first
// use.
var tgMarkersByFirst = sync.OnceValue(func() map[string][]tgMarker {
	m := map[string][]tgMarker{}
	for _, mk := range tgMarkers() {
		m[mk.words[0]] = append(m[mk.words[0]], mk)
	}
	return m
})

// tgMarkerAt returns the marker starting at toks[i].
func tgMarkerAt(toks []tgTok, i int) (tgMarker, int, bool) {
	if i >= len(toks) || toks[i].kind != tgWord {
		return tgMarker{}, i, false
	}
	for _, m := range tgMarkersByFirst()[toks[i].low] {
		if j, ok := tgPhraseAt(toks, i, m.words); ok {
			return m, j, true
		}
	}
	return tgMarker{}, i, false
}

// Words opening a condition.
var tgConditions = newPhraseList("trường hợp", "nếu", "khi", "đối với trường hợp")

// sentence classifies and records the targets of toks[s0:s1] of paragraph p.
func (f *targetFinder) sentence(p paraInfo, pi, s0, s1, prevState int) int {
	sc := f.startSentence(p, pi, s0, s1, prevState)
	f.scan(&sc)
	tgSharedPerUnit(sc.toks, sc.items)
	tgSharedBound(sc.toks, sc.items)
	f.attachBreakdowns(&sc)
	tgBracketParts(sc.toks, sc.items)
	f.markLeadItem(&sc)
	lastTarget := f.record(&sc)
	f.afterSentence(&sc, lastTarget)
	return sc.state
}

// tgScan is the state of the left-to-right scan of one sentence,
// toks[s0:s1] of paragraph p: what its markers set so far, the clause being
// read, and the quantities found.
type tgScan struct {
	p          paraInfo
	toks       []tgTok // the paragraph's tokens
	pi, s0, s1 int
	start, end int    // byte span of the sentence
	text       string // the sentence
	question   bool
	dates      []tgDate
	number     string // document number quoted in the sentence (the last one)

	state, startState int
	criteria          bool
	// carried: the target state comes only from the sentences before; a
	// quantity then needs the shape of a target of its own.
	carried     bool
	conditional bool
	marker      bool // a strong marker earlier in the sentence
	// elab: the sentence spells out the targets the one before set
	// ("… đặt mục tiêu tăng trưởng 25%. Cụ thể, tổng tài sản dự kiến …
	// đạt 150.000 tỷ đồng"): its "dự kiến" is the plan's, not a forecast
	elab               bool
	clauseStart        int
	markStart, markEnd int  // the last strong marker of the clause, -1 when none
	trongDo            int  // token after the "trong đó" of the current sub-target scope
	trongDoSentence    bool // the sentence opens with "trong đó"
	depth              int  // brackets open
	// beforePast: 1 + the state before the last past marker of the
	// sentence ("hiện có"), 0 when none (newWorkAt)
	beforePast int
	qs         []tgQty
	items      []tgPending
}

// tgPending is a quantity of the sentence with what its decision and its
// roles need.
type tgPending struct {
	q                 tgQty
	clauseStart       int
	markStart, markEd int
	isTarget          bool
	sub               bool
	feats             []string
	parts             []tgPart // a breakdown of this total (targets_breakdown.go)
	partOf            int      // 1 + the index of the total this is a part of in brackets, 0 none
	leadOf            int      // 1 + the index in found of the total of an item line under a lead-in line, 0 none
}

// startSentence sets the state a sentence starts in: not a target after a
// sentence that was none, else a target in a target section, a target
// list or while target context carries over, else neutral.
func (f *targetFinder) startSentence(p paraInfo, pi, s0, s1, prevState int) tgScan {
	toks := p.toks
	start, end := toks[s0].start, toks[s1-1].end
	sentText := f.text[start:end]
	sc := tgScan{p: p, toks: toks, pi: pi, s0: s0, s1: s1, start: start, end: end, text: sentText,
		question: strings.HasSuffix(strings.TrimRight(sentText, " *_\"”)"), "?")}

	sc.state = tgNeutral
	switch {
	case prevState == tgNotTarget:
		sc.state = tgNotTarget
	case f.sectionTarget > 0:
		sc.state, sc.criteria = tgTarget, f.sectionCriteria
	case f.listTarget:
		sc.state = tgTarget
	case f.carry > 0:
		sc.state, sc.criteria = tgTarget, f.carryCriteria
		sc.carried = !sc.criteria
	}
	sc.elab = sc.state == tgTarget && f.carry > 0 && (f.carry == 2 && tgSpellsOut(toks, s0, s1) || f.elabCarry)
	if sc.elab {
		sc.carried = false
	}
	sc.startState = sc.state
	if s0 < s1 {
		if _, ok := tgConditions.at(toks, s0); ok {
			sc.conditional = true
		}
	}
	sc.dates = f.datesIn(start, end)
	// document numbers quoted in this sentence
	for i := sort.Search(len(f.nums), func(i int) bool { return f.nums[i].start >= start }); i < len(f.nums) && f.nums[i].start < end; i++ {
		if f.nums[i].end <= end {
			sc.number = normalizeNumber(f.nums[i].number)
		}
	}
	sc.clauseStart = s0
	sc.markEnd, sc.markStart = -1, -1
	sc.trongDo = -1
	return sc
}

// scan reads the sentence left to right: dates and document numbers are
// passed over, brackets and clause breaks are followed, markers switch
// the state, and every quantity becomes a candidate (sc.items).
func (f *targetFinder) scan(sc *tgScan) {
	toks := sc.toks
	for j := sc.s0; j < sc.s1; {
		t := toks[j]
		if k, ok := f.passDate(sc, j); ok {
			j = k
			continue
		}
		if n, ok := f.numberAt(t.start); ok {
			for j < sc.s1 && toks[j].start < n.end {
				j++
			}
			continue
		}
		sc.clauseBreak(j)
		if k, ok := sc.trongDoAt(j); ok {
			j = k
			continue
		}
		// "Trường hợp …, thì …": the condition is hypothetical; its markers
		// do not hold for the main clause.
		if t.low == "thì" && sc.conditional {
			sc.state, sc.conditional = sc.startState, false
		}
		// "kết nạp được 836 đảng viên": a verb with "được" before a number
		// reports what was achieved.
		if t.low == "được" && j+1 < sc.s1 && toks[j+1].kind == tgNum {
			sc.state = tgNotTarget
		}
		if k, ok := f.plannedAfterHorizon(sc, j); ok {
			j = k
			continue
		}
		sc.newWorkAt(j)
		if k, ok := sc.markerAt(j); ok {
			j = k
			continue
		}
		q, ok := f.quantityAt(sc.p, j, sc.s0, sc.s1)
		if !ok {
			j++
			continue
		}
		f.candidate(sc, q)
		j = q.last
	}
}

// plannedAfterHorizon passes over "dự kiến" right after a horizon ahead
// that set the sentence's target state, in an official document that sets
// goals ("… tham gia xuất khẩu đến năm 2030 dự kiến đạt trên 48,3 triệu
// USD", "đến năm 2010 dự kiến khoảng 85 HTX"): the figure the document
// itself expects by its horizon is its goal, not a forecast of others
// (ANNOTATING.md: a dự kiến figure in its own plan, presented as a goal).
// It returns the token after the marker.
func (f *targetFinder) plannedAfterHorizon(sc *tgScan, j int) (int, bool) {
	toks := sc.toks
	if sc.state != tgTarget || sc.depth != 0 || j == sc.s0 || !tgGoalSettingKind(f.c.Kind) {
		return j, false
	}
	k, ok := tgPhraseAt(toks, j, []string{"dự", "kiến"})
	if !ok {
		return j, false
	}
	for _, d := range sc.dates {
		if d.horizon && d.usable && d.end == toks[j-1].end && f.futureYear(d.p.End) {
			return k, true
		}
	}
	return j, false
}

// tgGoalSettingKind reports whether a document of kind sets goals of its
// own: a plan, program, resolution, decision, directive or conclusion;
// not an article, a report or a legal text.
func tgGoalSettingKind(kind string) bool {
	switch kind {
	case "plan", "program", "resolution", "decision", "directive", "conclusion":
		return true
	}
	return false
}

// tgSpellsOut reports whether toks[s0:s1] opens with "Cụ thể" and a
// comma, a colon or "là": the sentence details the one before.
func tgSpellsOut(toks []tgTok, s0, s1 int) bool {
	i := s0
	for i < s1 && toks[i].kind == tgPunct {
		i++ // emphasis or a bullet before the words
	}
	k, ok := tgPhraseAt(toks, i, []string{"cụ", "thể"})
	return ok && k < s1 && (toks[k].raw == "," || toks[k].raw == ":" || toks[k].low == "là")
}

// passDate passes over a date at toks[j] and returns the token after it.
// A time frame ahead ("đến năm 2030") makes a neutral sentence one of
// targets; a past one makes what follows a result, unless it is a base
// ("so với năm 2020").
func (f *targetFinder) passDate(sc *tgScan, j int) (int, bool) {
	toks := sc.toks
	d, ok := f.dateAt(sc.dates, toks[j].start)
	if !ok {
		return j, false
	}
	for j < sc.s1 && toks[j].start < d.end {
		j++
	}
	if d.usable {
		if sc.state == tgNeutral && d.horizon && f.futureYear(d.p.End) {
			sc.state = tgTarget
		}
		if (sc.state == tgNeutral || sc.carried) && f.scheduleStep(sc, d, j) {
			// a step of its own, not one carried from the step before
			sc.state, sc.carried = tgTarget, false
		}
	}
	if d.past && sc.depth == 0 && !tgBaseBefore(toks, sc.s0, j) {
		// "năm 2014 đạt 24 triệu đồng", "nhiệm kỳ 2010 - 2015" in a
		// text of 2015: what a past time frame reached is a result
		sc.state = tgNotTarget
	}
	return j, true
}

// scheduleStep reports whether date d, ending before toks[j], opens a step
// of a schedule in a document that sets goals: a year or a period ahead
// at the head of its clause ("Giai đoạn I (2008-2010) trồng mới 6.000
// ha", "năm 2009 trồng mới 2.500 ha", "Năm 2013: Vùng I xây dựng 02 cơ
// sở …"). What a plan phases in by year is its goal for that year, as
// what it sets by a horizon is (ANNOTATING.md: planned quantities for the
// coming period).
func (f *targetFinder) scheduleStep(sc *tgScan, d tgDate, j int) bool {
	if d.horizon || d.past || d.p.End == "" || !f.futureYear(d.p.End) || !tgGoalSettingKind(f.c.Kind) {
		return false
	}
	toks := sc.toks
	first := j
	for first > sc.s0 && toks[first-1].end > d.start {
		first--
	}
	// only a label ("Giai đoạn I (", "- năm") stands before it in its clause
	words := 0
	for m := sc.clauseStart; m < first; m++ {
		switch {
		case toks[m].kind == tgWord:
			words++
		case toks[m].raw == ",":
			return false
		}
	}
	return words <= 3
}

// tgBaseBefore reports whether the words before toks[j] make the date at j
// a base of comparison or a starting point ("so với năm 2020", "gấp 2 lần
// năm 2010", "từ năm 2020", "kể từ"), not the time of the figure. A date
// after "đến" or "tới" is where the frame ends, whatever came before ("từ
// nay đến năm 2030").
func tgBaseBefore(toks []tgTok, s0, j int) bool {
	for m := j - 1; m >= s0 && m >= j-4; m-- {
		switch toks[m].low {
		case "so", "gấp", "từ", "kể", "sau", "trước", "với", "lần":
			return true
		case ",", ";", ":", "đến", "tới":
			return false
		}
	}
	return false
}

// clauseBreak follows brackets and, outside them, the clause breaks ";"
// and ":": a new clause starts, a condition may open it, the last marker
// is forgotten, and ";" ends a "trong đó" scope opened inside the sentence.
func (sc *tgScan) clauseBreak(j int) {
	t := sc.toks[j]
	switch t.raw {
	case "(", "[":
		sc.depth++
	case ")", "]":
		if sc.depth > 0 {
			sc.depth--
		}
	case ";", ":":
		if sc.depth == 0 {
			sc.clauseStart = j + 1
			if _, ok := tgConditions.at(sc.toks, j+1); ok {
				sc.conditional, sc.startState = true, sc.state
			}
			sc.markEnd, sc.markStart = -1, -1
			if t.raw == ";" && !sc.trongDoSentence {
				sc.trongDo = -1
			}
		}
	}
}

// trongDoAt opens a sub-target scope at "trong đó" (toks[j]) and returns
// the token after it: the quantities after it are parts of a target before.
func (sc *tgScan) trongDoAt(j int) (int, bool) {
	k, ok := tgPhraseAt(sc.toks, j, []string{"trong", "đó"})
	if !ok {
		return j, false
	}
	sc.trongDo = k
	if j == sc.s0 || (j == sc.s0+1 && sc.toks[sc.s0].kind == tgPunct) {
		sc.trongDoSentence = true
	}
	sc.clauseStart = k
	sc.markEnd, sc.markStart = -1, -1
	return k, true
}

// markerAt switches the state at a marker outside brackets at toks[j]
// (tgMarkers) and returns the token after it; a weak marker other than
// "duy trì", "giữ", "bảo đảm", "đảm bảo" is passed over word by word (it
// may stand in a quantity's comparator).
func (sc *tgScan) markerAt(j int) (int, bool) {
	m, k, ok := tgMarkerAt(sc.toks, j)
	if !ok || sc.depth != 0 {
		return j, false
	}
	if m.kind != mkNone {
		sc.carried = false
	}
	switch m.kind {
	case mkStrong:
		sc.state = tgTarget
		sc.marker = true
		sc.markStart, sc.markEnd = j, k
	case mkCriteria:
		sc.state, sc.criteria = tgTarget, true
	case mkWeak:
		if sc.state == tgNeutral {
			sc.state = tgTarget
		}
	case mkPast:
		if !(sc.criteria && m.words[0] == "đã") {
			if sc.state != tgNotTarget {
				sc.beforePast = sc.state + 1
			}
			sc.state = tgNotTarget
		}
	case mkForecast:
		if !(sc.elab && m.words[0] == "dự" && m.words[1] == "kiến") && !tgPlacesAt(sc.toks, m, k) {
			sc.state = tgNotTarget
		}
	case mkWeakPast:
		if sc.state == tgNeutral {
			sc.state = tgNotTarget
		}
	}
	if m.kind != mkWeak || m.words[0] == "duy" || m.words[0] == "giữ" || m.words[0] == "bảo" || m.words[0] == "đảm" {
		return k, true
	}
	return j, false
}

// tgNewWork are the verbs of work a plan adds to what exists: "quy
// hoạch", "xây dựng mới", "phát triển thêm".
var tgNewWork = newPhraseList("quy hoạch", "xây dựng mới", "xây mới", "xây dựng thêm",
	"phát triển thêm", "phát triển mới", "đầu tư mới", "đầu tư xây dựng mới", "mở mới",
	"trồng mới", "thành lập mới", "bổ sung thêm")

// newWorkAt ends the scope of a past marker at a coordinated clause that
// adds new work (toks[j] is "và" or a comma outside brackets, then
// tgNewWork): "phát triển 39 siêu thị, trong đó hiện có 7 siêu thị (…)
// và quy hoạch phát triển thêm 32 siêu thị" splits a total into what
// exists and what the plan adds; the added part is set as the total is,
// so the state before the past marker holds again, and a clause starts.
func (sc *tgScan) newWorkAt(j int) {
	toks := sc.toks
	if sc.beforePast == 0 || sc.state != tgNotTarget || sc.depth != 0 || j+1 >= sc.s1 {
		return
	}
	if toks[j].low != "và" && toks[j].raw != "," {
		return
	}
	if _, ok := tgNewWork.at(toks, j+1); ok {
		sc.state, sc.beforePast = sc.beforePast-1, 0
		sc.clauseStart = j + 1
		sc.markEnd, sc.markStart = -1, -1
	}
}

// candidate records quantity q as a candidate of the sentence, with the
// rule machine's verdict and, when a model decides or candidates are
// collected, its features; the next clause starts after it.
func (f *targetFinder) candidate(sc *tgScan, q tgQty) {
	toks := sc.toks
	if sc.depth > 0 {
		if q.veto == "" && tgQuotedGoal(toks, sc.s0, q) {
			q.quoted = true
		} else if q.veto == "" && tgAwardCapOf(toks, sc.s0, sc.s1, sc.qs, q) {
			// "(tỷ lệ không quá 10% tập thể, 5% cá nhân …)": a cap on
			// commendations in brackets is a target (ANNOTATING.md)
		} else {
			q.veto = "in brackets"
		}
	}
	if q.veto == "" && tgGrowthOfLevel(toks, sc.qs, q, sc.s1) {
		q.veto = tgGrowthVeto
	}
	if q.veto == "" && tgDerivedRequirement(toks, sc.s0, q) {
		q.veto = tgDerivedVeto
	}
	if q.veto == "" && f.failing {
		q.veto = tgFailVeto
	}
	if q.veto == "" && tgChangeFrom(toks[:sc.s1], q) {
		q.veto = tgBaselineVeto
	}
	sub := sc.trongDo >= 0
	shaped := !sc.carried || sub || q.bound || tgReachVerbBefore(toks, sc.clauseStart, q.first) || f.ownHorizon(sc, q)
	cond := sc.conditional || tgConsequenceAfter(toks, q.last, sc.s1)
	rule := f.ruleVerdict(sc, q, shaped, cond)
	cs := candState{state: sc.state, startState: sc.startState, criteria: sc.criteria, carried: sc.carried, elab: sc.elab,
		conditional: cond, question: sc.question, marker: sc.marker, shaped: shaped, sub: sub,
		rule: rule, clauseStart: sc.clauseStart, markStart: sc.markStart, s0: sc.s0, s1: sc.s1,
		labelRow: sc.clauseStart > sc.s0+1 && sc.clauseStart <= len(toks) && toks[sc.clauseStart-1].raw == ":"}
	var feats []string
	if f.model != nil || f.collect {
		feats = f.candFeatures(sc.p, q, cs, sc.dates)
	}
	sc.items = append(sc.items, tgPending{q: q, clauseStart: sc.clauseStart, markStart: sc.markStart, markEd: sc.markEnd, isTarget: rule, sub: sub, feats: feats})
	sc.qs = append(sc.qs, q)
	if q.veto != tgInSubject {
		sc.clauseStart = q.last
		if q.after > sc.clauseStart {
			sc.clauseStart = q.after
		}
	}
	sc.markEnd, sc.markStart = -1, -1
}

// ownHorizon reports whether the clause of quantity q, in a document that
// sets goals, names a horizon ahead of its own before it ("- Đến năm 2020 có 12.000 ha cao su được
// khai thác mủ" in a list the lines before made one of targets): the
// figure is set for that horizon, a target of its own shape.
func (f *targetFinder) ownHorizon(sc *tgScan, q tgQty) bool {
	if !tgGoalSettingKind(f.c.Kind) {
		return false // an article's list may carry a forecast's horizon
	}
	toks := sc.toks
	lo, hi := toks[sc.clauseStart].start, toks[q.first].start
	for _, d := range sc.dates {
		if d.start >= lo && d.end <= hi && d.horizon && d.usable && f.futureYear(d.p.End) {
			return true
		}
	}
	return false
}

// tgPurpose opens a purpose clause naming a target to meet ("để đạt …",
// "để đảm bảo tăng trưởng 10%/năm, thì mỗi năm cần …", "muốn trở thành
// nước phát triển thì … phải đạt …").
var tgPurpose = newPhraseList("để hoàn thành", "để đạt", "để đạt được", "để về đích", "để đảm bảo", "để bảo đảm", "muốn")

// tgDerivedRequirement reports whether quantity q is what must still be
// done to meet a target the sentence names before it: after a purpose
// clause ("để hoàn thành chỉ tiêu ... 50.050 tỷ đồng"), then "phải" or
// "cần" ("7 tháng còn lại ... phải thu 30.803 tỷ đồng, tính bình quân
// 4.400 tỷ đồng/tháng"). The target named stays; what it requires of the
// rest of the period is derived from it, not set (ANNOTATING.md).
func tgDerivedRequirement(toks []tgTok, s0 int, q tgQty) bool {
	purpose := -1
	for m := s0; m < q.first; m++ {
		if purpose < 0 {
			if _, ok := tgPurpose.at(toks, m); ok {
				purpose = m
			}
			continue
		}
		if toks[m].low == "phải" || toks[m].low == "cần" {
			// "quý 2 cần đạt mục tiêu đặt ra trong Nghị quyết số 01/NQ-CP
			// với tăng trưởng 7,11%", "phải phấn đấu đạt": a goal set, and
			// quoted, not derived
			for k := m + 1; k < q.first; k++ {
				if mk, _, ok := tgMarkerAt(toks, k); ok && mk.kind == mkStrong || toks[k].low == "nghị" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// tgHardVetoes are the vetoes the model cannot overrule: what
// ANNOTATING.md rules out by definition, too rare in the corpus for the
// model to learn (a growth rate beside its level, a requirement derived
// from a target, a work specification).
var tgHardVetoes = map[string]bool{tgGrowthVeto: true, tgDerivedVeto: true, tgWorkSpecVeto: true, tgFormulaVeto: true,
	tgBaselineVeto: true, tgFailVeto: true, tgDesignNormVeto: true}

// The vetoes of tgHardVetoes.
const (
	tgDerivedVeto  = "a requirement derived from a target"
	tgWorkSpecVeto = "a work specification"
)

// tgGrowthVeto is the veto of a growth rate stated with its level.
const tgGrowthVeto = "the growth of a level beside it"

// tgGrowthWords may stand between a level and its growth rate in one
// clause ("đạt 400 triệu USD, tăng bình quân hàng năm trong giai đoạn này
// 10 - 13%/năm", "tăng 10%, đạt hơn 815 nghìn tỷ đồng"); a fall is a
// growth too ("lợi nhuận sau thuế 125 tỷ đồng, giảm 70%", "đạt 230 tỷ
// đồng, tăng nhẹ 2%").
var tgGrowthWords = map[string]bool{",": true, "và": true, "tốc": true, "độ": true, "tăng": true, "trưởng": true,
	"bình": true, "quân": true, "hàng": true, "hằng": true, "năm": true, "mỗi": true, "trong": true, "giai": true,
	"đoạn": true, "này": true, "đạt": true, "ở": true, "mức": true, "là": true, "dự": true, "kiến": true, "lên": true,
	"giảm": true, "nhẹ": true, "mạnh": true}

// tgGrowthOfLevel reports whether quantity q is the growth rate of a
// level stated beside it in the same clause, with only growth words
// between: the level before it ("đạt 400 triệu USD, tăng bình quân 10 -
// 13%/năm", qs holds the sentence's quantities so far) or right after it
// ("tăng 10%, đạt hơn 815 nghìn tỷ đồng"). One target, stated by its
// level: the rate is no target of its own (ANNOTATING.md).
func tgGrowthOfLevel(toks []tgTok, qs []tgQty, q tgQty, s1 int) bool {
	if !strings.HasPrefix(q.unit.text, "%") {
		return false
	}
	level := func(u tgUnit) bool { return u.text != "" && !strings.HasPrefix(u.text, "%") }
	growth := func(a, b int) bool {
		if b-a > 12 {
			return false
		}
		grows := false
		for _, t := range toks[a:b] {
			if !tgGrowthWords[t.low] {
				return false
			}
			grows = grows || t.low == "tăng" || t.low == "giảm"
		}
		return grows
	}
	if n := len(qs); n > 0 && level(qs[n-1].unit) && qs[n-1].veto != tgInSubject && growth(qs[n-1].last, q.first) {
		return true
	}
	// the level after it: "tăng 10%, đạt hơn 815 nghìn tỷ đồng"
	lo := q.first - 1
	for lo >= 0 && q.first-lo <= 8 && tgGrowthWords[toks[lo].low] && toks[lo].low != "," {
		lo--
	}
	if !growth(lo+1, q.first) {
		return false
	}
	end := q.last
	if q.after > end {
		end = q.after
	}
	for k := end; k < s1 && k < end+5; k++ {
		switch t := toks[k]; {
		case t.kind == tgNum:
			return k > end && k+1 < s1 && toks[k+1].kind == tgWord && toks[k+1].raw != "%" &&
				(toks[end].raw == "," || toks[end].low == "đạt" || toks[end].low == "lên")
		case t.kind == tgWord && !tgGrowthWords[t.low] && !tgLevelLinks[t.low]:
			return false
		case t.kind == tgPunct && t.raw != ",":
			return false
		}
	}
	return false
}

// tgLevelLinks are the comparator words a level after its growth rate may
// open with ("đạt hơn 815 nghìn tỷ đồng").
var tgLevelLinks = map[string]bool{"hơn": true, "trên": true, "khoảng": true, "gần": true, "xấp": true, "xỉ": true}

// ruleVerdict is the rule machine's decision on quantity q: no veto, no
// question, no condition, no part reviewing results; a share of a plan
// only where the sentence sets it, a change against a year only as a
// figure of its own in target context; and a target state with the shape
// of a target ("shaped"), or a written bound after a verb to reach.
func (f *targetFinder) ruleVerdict(sc *tgScan, q tgQty, shaped, cond bool) bool {
	toks, state, carried := sc.toks, sc.state, sc.carried
	if q.quoted {
		// "đạt 54% so với chỉ tiêu Bộ Tài chính giao (57.100 tỷ đồng)": a
		// goal quoted beside a result is a target whatever the sentence
		// reports
		return !sc.question && !cond && !q.planShare
	}
	if q.veto == "" && !sc.question && !cond && f.sectionPast == 0 && tgAwardCapOf(toks, sc.s0, sc.s1, sc.qs, q) {
		// a cap on commendations is a target whatever the sentence
		// reports (ANNOTATING.md)
		return true
	}
	// a quantity inside a condition ("Trường hợp … hai đơn vị trở
	// lên, …") states when a rule applies, not what to reach
	return q.veto == "" && !sc.question && !cond && f.sectionPast == 0 && f.sectionNorm == 0 && !f.normDoc && (!q.planShare || state == tgTarget && (sc.marker || q.cmp != "=" && !carried) && !tgShareOfOutturn(toks, sc.qs, q)) &&
		(!q.relYear || state == tgTarget && !carried && !tgAfterFigure(toks, sc.qs, q)) &&
		(state == tgTarget && shaped || state == tgNeutral && q.bound && tgReachVerbBefore(toks, sc.clauseStart, q.first))
}

// tgConsequences are the words of what follows when a condition is met:
// "Có từ 20% đến 30% dân số … được tính 1 điểm", "… trên 50% thì được
// …", "tham dự tối thiểu 80% số tiết học mới đủ điều kiện …", "được
// hưởng". A rating to reach ("đạt từ 90 điểm trở lên được xếp loại …")
// is no consequence: a level to reach is a target (ANNOTATING.md).
var tgConsequences = newPhraseList("được tính", "thì được", "được cộng", "mới đủ điều kiện", "mới được", "được hưởng")

// tgConsequenceAfter reports whether the clause after toks[k] (up to ";",
// "." or s1) states a consequence (tgConsequences): the quantity before
// it is a condition, not a goal.
func tgConsequenceAfter(toks []tgTok, k, s1 int) bool {
	for m := k; m < s1 && m < len(toks) && m < k+30; m++ {
		if toks[m].raw == ";" || toks[m].raw == "." {
			return false
		}
		if _, ok := tgConsequences.at(toks, m); ok {
			return true
		}
	}
	return false
}

// tgShareOfOutturn reports whether q, a share of a plan ("105% dự
// toán", "49,4% kế hoạch cả năm"), measures an outturn: it follows
// another figure of its clause ("thu đạt 5.396 tỷ đồng, đạt 105% dự
// toán và 134,91% chỉ tiêu phấn đấu") or a verb of completion or
// comparison ("hoàn thành 40% kế hoạch năm", "bằng 92,6% kế hoạch",
// "vượt 15% kế hoạch"). A share a sentence sets ("phấn đấu giải ngân
// 100% kế hoạch vốn") has neither, and a share with a bound ("ít nhất
// 30% chỉ tiêu") is set, not reported.
func tgShareOfOutturn(toks []tgTok, qs []tgQty, q tgQty) bool {
	if q.bound || q.cmp == ">=" || q.cmp == "<=" {
		// "trong đó có ít nhất 30% chỉ tiêu hoàn thành vượt mức": a
		// floor or a ceiling is set, never an outturn's report
		return false
	}
	if tgAfterFigure(toks, qs, q) {
		return true
	}
	if toks[q.first].low == "vượt" {
		return true
	}
	for m := q.first - 1; m >= 0 && m >= q.first-2; m-- {
		switch toks[m].low {
		case "bằng", "vượt":
			return true
		case "thành":
			// "hoàn thành 40% kế hoạch năm" is progress; "hoàn thành
			// 100% kế hoạch" the usual goal
			return q.value < 100
		}
		if toks[m].kind != tgWord {
			return false
		}
	}
	return false
}

// tgGoalNouns name a goal whose figure a bracket may give.
var tgGoalNouns = newPhraseList("chỉ tiêu", "mục tiêu", "kế hoạch", "dự toán", "đề ra", "giao", "phấn đấu")

// tgQuotedGoal reports whether quantity q, inside brackets, gives the
// figure of a goal: it opens the bracket right after a goal's words in the
// same clause ("chỉ tiêu Bộ Tài chính giao (57.100 tỷ đồng)", "mục tiêu
// đề ra (2,5%)"), or a goal's words open the bracket before it ("(mục
// tiêu đạt 30% GDP)"). A goal counted ("đạt 10/12 chỉ tiêu (83%)") gives
// no figure.
func tgQuotedGoal(toks []tgTok, s0 int, q tgQty) bool {
	open := -1
	for m := q.first - 1; m >= s0 && m >= q.first-8; m-- {
		if toks[m].raw == "(" {
			open = m
			break
		}
		if toks[m].raw == ")" || toks[m].kind == tgNum {
			return false
		}
	}
	if open < 0 {
		return false
	}
	if open+1 < q.first {
		// words between the bracket and the number: a goal's
		for m := open + 1; m < q.first; m++ {
			if _, ok := tgGoalNouns.at(toks, m); ok {
				return true
			}
		}
		return false
	}
	// the figure opens the bracket: a goal's words just before it
	for m := open - 1; m >= s0 && m >= open-6; m-- {
		switch toks[m].raw {
		case ",", ";", ":", ".", "(", ")":
			return false
		}
		if _, ok := tgGoalNouns.at(toks, m); ok {
			return m == s0 || toks[m-1].kind != tgNum
		}
	}
	return false
}

// tgReachVerbBefore reports whether toks[a:b] has a verb that sets a bound
// to reach ("đạt", "phải", "bảo đảm"): "đạt từ 90 điểm trở lên".
func tgReachVerbBefore(toks []tgTok, a, b int) bool {
	for i := a; i < b && i < len(toks); i++ {
		switch toks[i].low {
		case "đạt", "phải", "duy":
			return true
		}
		if _, ok := tgPhraseAt(toks, i, []string{"bảo", "đảm"}); ok {
			return true
		}
		if _, ok := tgPhraseAt(toks, i, []string{"đảm", "bảo"}); ok {
			return true
		}
	}
	return false
}

// tgAfterFigure reports whether q follows another quantity of its
// sentence in the same clause ("đạt 4.400 tỷ đồng, tăng 36% so với năm
// trước"): a figure derived from the one before.
func tgAfterFigure(toks []tgTok, qs []tgQty, q tgQty) bool {
	if len(qs) == 0 {
		return false
	}
	for m := qs[len(qs)-1].last; m < q.first && m < len(toks); m++ {
		if toks[m].raw == ";" || toks[m].raw == ":" {
			return false
		}
	}
	return true
}

// tgSharedPerUnit gives a quantity the per-unit part of the next one when
// they are joined by "và" or a comma: "10 bác sĩ và 30 giường bệnh/1 vạn
// dân".
func tgSharedPerUnit(toks []tgTok, items []tgPending) {
	// shared per-unit: "10 bác sĩ và 30 giường bệnh/1 vạn dân"
	for i := 0; i+1 < len(items); i++ {
		a, b := &items[i].q, items[i+1].q
		if k := strings.IndexByte(b.unit.text, '/'); k > 0 && !strings.Contains(a.unit.text, "/") && a.unit.text != "%" {
			if b.first-a.last <= 1 && a.last < len(toks) && (toks[a.last].low == "và" || toks[a.last].raw == ",") {
				a.unit.text += b.unit.text[k:]
			}
		}
	}
}

// tgSharedBound gives a quantity with no comparator of its own the bound
// of the one right before it when they are joined by "và", "hoặc" or a
// comma and count things or share a unit: "xét tối đa 2 tập thể và 4 cá
// nhân", "không quá 02 tập thể, 05 cá nhân", "lần lượt xấp xỉ 139 tỷ đồng
// và 111 tỷ đồng".
func tgSharedBound(toks []tgTok, items []tgPending) {
	for i := 0; i+1 < len(items); i++ {
		a, b := items[i].q, &items[i+1].q
		if b.cmp != "=" || b.first != b.numTok || a.max != nil || b.max != nil || b.first <= a.last || a.last >= len(toks) {
			continue
		}
		if j := toks[b.first-1]; j.low != "và" && j.low != "hoặc" && j.raw != "," {
			continue
		}
		if b.first-a.last == 1 {
			if !(a.unit.count && b.unit.count || a.unit.text == b.unit.text) {
				continue
			}
		} else if between := toks[a.last : b.first-1]; a.unit.text == b.unit.text && !tgNounsOnly(between) && !tgYearOnly(between) ||
			a.unit.text != b.unit.text && !(a.unit.count && b.unit.count && tgNounsOnly(between)) {
			// "ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh
			// nghiệp khoa học công nghệ": the first item's noun phrase
			// stands between, and the unit is the same; or the first
			// item's year ("tối thiểu 4 phòng/căn hộ vào năm 2010 và 3
			// phòng/căn hộ vào năm 2020"); or two counted things, the
			// first one's noun between ("có ít nhất 6.000 nghiên cứu
			// sinh, 20.000 người học")
			continue
		}
		switch a.cmp {
		case ">=", "<=", "~":
			b.cmp = a.cmp
			b.bound = a.cmp != "~"
		}
	}
}

// tgYearOnly reports whether toks are the first item's year with its
// preposition, after the rest of its noun or per-unit if any: "vào năm
// 2025", "đến hết năm 2030", "/căn hộ vào năm 2010".
func tgYearOnly(toks []tgTok) bool {
	i := 0
	for i < len(toks) && (toks[i].raw == "/" || toks[i].kind == tgWord && !tgClauseWords[toks[i].low] && !tgYearWords[toks[i].low]) {
		i++
	}
	years := 0
	for _, t := range toks[i:] {
		switch {
		case t.kind == tgNum && tgYearNumber(t.raw):
			years++
		case tgYearWords[t.low] || t.low == "trong":
		default:
			return false
		}
	}
	return years == 1
}

// tgYearWords come before a year in a time frame.
var tgYearWords = map[string]bool{"vào": true, "năm": true, "đến": true, "hết": true}

// record decides the candidates of the sentence and records the accepted
// ones as mentions (f.found), a candidate after "trong đó" with the
// target before as its parent; it returns the index in f.found of the
// sentence's last target, -1 when none. With collect set, every candidate
// is kept with its roles (f.cands).
func (f *targetFinder) record(sc *tgScan) int {
	toks, s0, s1 := sc.toks, sc.s0, sc.s1
	lastTarget := -1 // index in f.found of the last target of this sentence
	parentOf := -1
	if sc.trongDoSentence && len(f.found) > 0 {
		// "Trong đó, …" opening a sentence: the parent is the last target of
		// the sentence before, in the same paragraph or the one before.
		parentOf = len(f.found) - 1
	}
	subParent := -1
	var sentWords map[string]bool
	itemFound, itemScore := make([]int, len(sc.items)), make([]float64, len(sc.items))
	for i, it := range sc.items {
		itemFound[i] = -1
		nextFirst := s1
		if i+1 < len(sc.items) {
			nextFirst = sc.items[i+1].q.first
		}
		if !it.sub {
			subParent = -1
		} else if subParent < 0 {
			if lastTarget >= 0 {
				subParent = lastTarget
			} else {
				subParent = parentOf
			}
		}
		accept, score := f.decide(it.isTarget, it.feats)
		if tgHardVetoes[it.q.veto] {
			// what the annotation guide rules out by definition is out
			// whatever the model weighs
			accept = false
		} else {
			var total *tgFound
			if it.sub && subParent >= 0 {
				total = &f.found[subParent]
			}
			if it.leadOf > 0 {
				total = &f.found[it.leadOf-1]
			}
			accept, score = partDecision(sc.items, i, itemFound, itemScore, total, accept, score, f.threshold())
		}
		itemScore[i] = score
		f.noteLast(sc, i, nextFirst, accept, score)
		if f.collect {
			ct := f.roles(sc.p, toks, it.q, it.clauseStart, it.markStart, it.markEd, nextFirst, s0, s1, sc.dates)
			ct.Sentence = tgSpaces(sc.text)
			f.cands = append(f.cands, TargetCandidate{Target: ct, Offset: toks[it.q.numTok].start,
				Start: toks[it.q.first].start, End: toks[it.q.last-1].end, Features: it.feats, Rule: it.isTarget})
		}
		if !accept {
			continue
		}
		parent := -1
		if it.sub && subParent >= 0 {
			parent = subParent
		}
		if it.leadOf > 0 {
			parent = it.leadOf - 1
		}
		if it.partOf > 0 && itemFound[it.partOf-1] >= 0 {
			parent = itemFound[it.partOf-1]
		}
		t := f.mention(sc, it, nextFirst, parent, lastTarget)
		if it.partOf > 0 && parent >= 0 {
			f.bracketPartRoles(toks, it.q, &t, f.found[parent].t)
		} else if it.sub && parent >= 0 {
			f.subPeriod(toks, it.clauseStart, nextFirst, sc.dates, &t, f.found[parent].t)
		} else if it.leadOf > 0 {
			// an item line measures what its total does, in its frame
			t.Indicator = f.found[parent].t.Indicator
			f.subPeriod(toks, it.clauseStart, nextFirst, sc.dates, &t, f.found[parent].t)
		}
		if t.Subject == "" && i > 0 && sc.items[i-1].q.veto == tgGrowthVeto {
			// "tín dụng tăng 10%, đạt hơn 815 nghìn tỷ đồng": the level
			// measures what its growth rate, no target itself, does
			pr := sc.items[i-1]
			pt := f.roles(sc.p, toks, pr.q, pr.clauseStart, pr.markStart, pr.markEd, it.q.first, s0, s1, sc.dates)
			t.Subject = tgSpaces(pt.Subject)
			t.SubjectExpanded = NullString(Expand(t.Subject, f.c.Abbreviations))
			if t.Indicator == "" {
				t.Indicator = pt.Indicator
			}
		}
		if i > 0 && tgComparison(t.Subject) {
			// "… đạt 12%/năm, cao hơn mục tiêu 10%": the goal a figure
			// is compared with measures what the figure before it does
			pr := sc.items[i-1]
			if ps := f.roles(sc.p, toks, pr.q, pr.clauseStart, pr.markStart, pr.markEd, it.q.first, s0, s1, sc.dates).Subject; ps != "" && !tgComparison(ps) {
				t.Subject = tgSpaces(ps)
				t.SubjectExpanded = NullString(Expand(t.Subject, f.c.Abbreviations))
			}
		}
		if sentWords == nil {
			sentWords = tgTokWords(toks[s0:s1]) // shared by the sentence's targets
		}
		fd := tgFound{t: t, score: score, part: it.partOf > 0 && parent >= 0, offset: toks[it.q.numTok].start, parent: parent, prio: sc.p.prio, enum: sc.p.enum, sentence: sc.start,
			para: sc.pi, section: f.section, label: tgRowLabel(toks, it.q.first), listItem: sc.p.enum != "" || tgBulleted(toks),
			sentToks: sentWords, textToks: tgWordSet(t.Text)}
		f.found = append(f.found, fd)
		lastTarget = len(f.found) - 1
		itemFound[i] = lastTarget
		total := lastTarget
		for k, bt := range f.breakdownTargets(toks, it.parts, t) {
			f.found = append(f.found, tgFound{t: bt, score: math.Max(score, tgPartScore), part: true, offset: toks[it.parts[k].num].start, parent: total, prio: sc.p.prio,
				enum: sc.p.enum, sentence: sc.start, para: sc.pi, section: f.section, label: fd.label, listItem: fd.listItem,
				sentToks: sentWords, textToks: tgWordSet(bt.Text)})
		}
	}
	return lastTarget
}

// afterSentence sets the context a sentence leaves to what follows: the
// last time frame and term, the last document number, a list intro's time
// frame and targets, and how long target context carries over.
func (f *targetFinder) afterSentence(sc *tgScan, lastTarget int) {
	// context for what follows
	for _, d := range sc.dates {
		if d.usable && !f.baseDate(sc.toks, sc.s0, &d) {
			// "tăng 13% so với năm 2019": a base of comparison frames
			// nothing that follows
			pp := d.p
			f.running, f.runningPara = &pp, f.curPara
			if d.term {
				f.lastTerm = &pp
			}
		}
	}
	if sc.number != "" {
		f.lastNumber, f.lastNumberPara = sc.number, sc.pi
	}
	f.listIntro(sc)
	f.carryOn(sc, lastTarget)
}

// listIntro opens a list at a sentence that ends its paragraph with a
// colon: its time frame holds for the items below, and a target marker in
// it makes every item a target.
func (f *targetFinder) listIntro(sc *tgScan) {
	p := sc.p
	// "Các chỉ tiêu chủ yếu đến năm 2020:": the items below share the
	// intro's time frame, whatever year one of them names
	if strings.HasSuffix(strings.TrimRight(f.text[sc.start:p.span.end], " *_\r\n"), ":") && sc.end >= p.span.end-3 {
		set := false
		for _, d := range sc.dates {
			if !d.usable || set && strings.HasSuffix(strings.ToLower(strings.TrimSpace(tgBefore(f.text, d.start, 40))), "tầm nhìn đến năm") {
				continue // "đến năm 2030, tầm nhìn đến năm 2045": the targets' horizon is 2030
			}
			pp := d.p
			f.listFrame, f.listEnum, f.listOpen = &pp, p.enum, true
			set = true
		}
		if sc.state == tgTarget && sc.marker {
			// "Các chỉ tiêu chủ yếu …:": every item of the list below
			f.listTarget, f.listEnum, f.listOpen = true, p.enum, true
		}
	}
}

// carryOn sets how many sentences the target context of this one still
// lasts (f.carry).
func (f *targetFinder) carryOn(sc *tgScan, lastTarget int) {
	defer func() {
		// the spelling out of targets goes on while their context does
		f.elabCarry = f.carry > 0 && (f.elabCarry || sc.elab && sc.state == tgTarget)
	}()
	switch sc.state {
	case tgTarget:
		// target context carries over to the next sentences only from a
		// sentence that set targets itself or introduces a list (":"),
		// or when it was carried in and still holds
		intro := strings.HasSuffix(strings.TrimRight(sc.text, " *_"), ":")
		switch {
		case lastTarget >= 0 || intro || sc.criteria:
			f.carry, f.carryCriteria = 2, sc.criteria
		case f.carry > 0 && len(sc.qs) == 0:
			f.carry--
		default:
			f.carry = 0
		}
	case tgNotTarget:
		f.carry = 0
	default:
		if f.carry > 0 && len(sc.qs) == 0 {
			f.carry--
		} else if len(sc.qs) > 0 {
			f.carry = 0
		}
	}
}

// tgQty is a quantity found in a sentence.
type tgQty struct {
	first, last int // token range [first, last) of comparator, number and unit
	numTok      int // token of the (first) number
	value       float64
	max         *float64
	cmp         string
	unit        tgUnit
	veto        string // why it cannot be a target, if it cannot
	after       int    // token after "trở lên"/"trở xuống" when they follow
	bound       bool   // a written lower or upper bound ("từ … trở lên", "không vượt quá")
	planShare   bool   // a share of a plan or budget ("52% dự toán")
	relYear     bool   // a change against a year ("tăng 8% so với năm 2024")
	quoted      bool   // a goal quoted in brackets ("chỉ tiêu giao (57.100 tỷ đồng)")
}

// tgInSubject is the veto of a count inside a subject ("kinh tế của 28
// tỉnh"): the clause goes on past it.
const tgInSubject = "part of a noun phrase"

// quantityAt reads the quantity whose number starts at toks[j] (digits or
// number words), with the comparator words around it and its unit.
func (f *targetFinder) quantityAt(p paraInfo, j, s0, s1 int) (q tgQty, ok bool) {
	toks := p.toks[:s1]
	var k int
	switch toks[j].kind {
	case tgNum:
		q, k, ok = f.digitQuantity(toks, j, s0)
	case tgWord:
		q, k, ok = f.wordQuantity(toks, j, s0)
	}
	if !ok {
		return q, false
	}
	q.numTok = j
	q.first, q.last = j, k
	f.comparator(toks, &q, j, k, s0)
	tgRatePerYear(toks, &q, j, k, s0)
	// vetoes local to the quantity
	tgVetoBefore(toks, &q, s0)
	tgVetoCompared(toks, &q, k)
	// "giảm 50% số thuế phải nộp", "30% lệ phí": a tax or fee relief
	if q.unit.text == "%" {
		if _, ok := tgTaxAfter.at(toks, k); ok {
			q.veto = "a tax or fee rate"
		}
	}
	tgVetoOutcome(toks, &q, k)
	if q.veto == "" && q.unit.text == "%" && tgQuorum(toks, k) {
		q.veto = "a voting or quorum rule"
	}
	if q.veto == "" && tgFormulaTerm(toks, s0, q) {
		q.veto = tgFormulaVeto
	}
	return q, true
}

// tgFormulaVeto is the veto of a term of a calculation.
const tgFormulaVeto = "a term of a formula"

// tgFormulaOps are the operators of a calculation written in a text.
var tgFormulaOps = map[string]bool{"x": true, "×": true, "*": true, "=": true, "+": true}

// tgFormulaTerm reports whether q is a term of a calculation ("[16] =
// [12] * 10%", "Thuế = 525.000 x 50%"): an operator stands right before
// or after it, and its sentence (from s0) holds another operator or a
// bracketed reference ("[12]", a form's cell). A rate in a formula is a
// rule of the calculation, never a target.
func tgFormulaTerm(toks []tgTok, s0 int, q tgQty) bool {
	op := func(i int) bool { return i >= s0 && i < len(toks) && tgFormulaOps[toks[i].low] && !tgEmphasis(toks, i) }
	if !op(q.first-1) && !op(q.last) {
		return false
	}
	ops, refs := 0, false
	for i := s0; i < len(toks) && i < s0+200; i++ {
		if toks[i].raw == "." && i > s0 && toks[i-1].kind != tgNum {
			break // the sentence ends
		}
		if op(i) {
			ops++
		}
		if toks[i].raw == "[" && i+2 < len(toks) && toks[i+1].kind == tgNum && toks[i+2].raw == "]" {
			refs = true
		}
	}
	return refs || ops >= 2
}

// tgEmphasis reports whether the asterisk at toks[i] is markdown emphasis,
// glued to another asterisk ("**1. **100% đội ngũ cán bộ"), not a sign
// of multiplication.
func tgEmphasis(toks []tgTok, i int) bool {
	if toks[i].raw != "*" {
		return false
	}
	return i > 0 && toks[i-1].raw == "*" && toks[i-1].end == toks[i].start ||
		i+1 < len(toks) && toks[i+1].raw == "*" && toks[i+1].start == toks[i].end
}

// digitQuantity reads the number in digits at toks[j], with its range and
// its unit, and returns the token after them. A number glued to a word, a
// list label, an index ("Điều 5"), a name's number or a denominator is no
// quantity.
func (f *targetFinder) digitQuantity(toks []tgTok, j, s0 int) (q tgQty, k int, ok bool) {
	t := toks[j]
	if tgGluedOrLabel(toks, j) {
		return q, j, false
	}
	_, isIdx := tgIndexWords.endingAt(toks, j)
	isIdx = isIdx && j > s0 && !tgUpgradeVerb(toks, j)
	v, okv := ParseNumber(t.raw, f.conv)
	if !okv {
		return q, j, false
	}
	q.value = v
	k = j + 1
	// fraction "16/18 xã": the numerator counts
	frac := false
	if k+1 < len(toks) && toks[k].raw == "/" && toks[k].start == t.end && toks[k+1].kind == tgNum && toks[k+1].start == toks[k].end {
		k += 2
		frac = true
	}
	if k < len(toks) && toks[k].kind == tgWord && toks[k].start == toks[k-1].end {
		// glued letters: "5G", "3D" are names; "20ha", "100km" are units
		if _, unit := unitSpelling[toks[k].low]; !unit {
			return q, j, false
		}
	}
	if !frac {
		if max, next, ok := f.rangeEnd(toks, k, v); ok {
			q.max, k = max, next
		}
	}
	u, oku := tgMatchUnit(toks, k)
	if !oku && q.max == nil && !frac && tgIndexValue(toks, j, k, s0, v) {
		u, oku = tgUnit{text: "điểm", next: k}, true // "HDI đạt trên 0,8"
	}
	if !oku || !tgCountedAs(toks, j, s0, v, u, isIdx, frac, q.max != nil) {
		return q, j, false
	}
	q.unit = u
	if q.max == nil && !frac {
		// "từ 50 điểm đến 80 điểm": the unit written at both ends
		if max, next, ok := f.rangeAfterUnit(toks, u, v); ok {
			q.max = max
			return q, next, true
		}
	}
	return q, u.next, true
}

// tgGluedOrLabel reports whether the number at toks[j] is part of a word
// or a code ("COVID-19", "F0", "4541_OCB") or a list label opening the
// paragraph ("1.", "(5)", "2-").
func tgGluedOrLabel(toks []tgTok, j int) bool {
	t := toks[j]
	// glued to a word or code on the left: "COVID-19", "F0", "4541_OCB"
	if j > 0 && toks[j-1].end == t.start {
		pv := toks[j-1]
		if pv.kind == tgWord || pv.raw == "_" || pv.raw == "/" || pv.raw == "." || pv.raw == "#" || pv.raw == "@" {
			return true
		}
		if tgIsDash(pv.raw) && j > 1 && toks[j-2].end == pv.start && toks[j-2].kind != tgPunct {
			return true
		}
	}
	// list labels: "1.", "(5)", "2-" opening the paragraph
	if j == 0 || (j == 1 && (toks[0].raw == "(" || toks[0].raw == "*" || toks[0].raw == "-")) {
		if j+1 < len(toks) && (toks[j+1].raw == "." || toks[j+1].raw == ")" || tgIsDash(toks[j+1].raw) || toks[j+1].raw == "/") {
			return true
		}
	}
	return false
}

// rangeEnd reads the upper end of a range whose lower number ends before
// toks[k]: "7,5 - 8%", "8.300- 8.500 USD", "từ 12 đến 13%". It returns the
// upper value, greater than v, and the token after it; a document number
// or a date is no upper end.
func (f *targetFinder) rangeEnd(toks []tgTok, k int, v float64) (*float64, int, bool) {
	// range: "7,5 - 8%", "8.300- 8.500 USD", "từ 12 đến 13%"
	k2 := k
	if k2 < len(toks) && toks[k2].raw == "%" {
		k2++
	}
	if k2+1 < len(toks) && (tgIsDash(toks[k2].raw) || toks[k2].low == "đến" || toks[k2].low == "tới") {
		k3 := k2 + 1
		if toks[k2].kind == tgWord {
			// "từ 70 đến dưới 90 điểm", "từ trên 15% đến không quá 30%"
			if c, ok := tgRangeBound.at(toks, k3); ok {
				k3 = c
			}
		}
		if k3 < len(toks) && toks[k3].kind == tgNum {
			if _, isDate := f.numberOrDate(toks[k3].start); !isDate {
				if v2, ok2 := ParseNumber(toks[k3].raw, f.conv); ok2 && v2 > v {
					return &v2, k3 + 1, true
				}
			}
		}
	}
	return nil, k, false
}

// tgCountedAs reports whether the number v at toks[j] with unit u is a
// quantity: not one open-class thing ("01 bộ hồ sơ"), not a name's or a
// label's number ("Ban Chỉ đạo 389"), not an index after an index word
// (isIdx: "Điều 5"), not a share written as a fraction ("2/3 diện tích")
// and not a denominator ("trên 1 vạn dân").
func tgCountedAs(toks []tgTok, j, s0 int, v float64, u tgUnit, isIdx, frac, ranged bool) bool {
	if u.open && v == 1 && !tgFloorBefore(toks, j, s0) {
		return false // "01 bộ hồ sơ", "1 cửa": one thing is no quantity to reach
	}
	if u.open && j-1 > s0 && toks[j-1].kind == tgWord && (toks[j-1].raw != toks[j-1].low || toks[j-1].low == "tiêu") {
		// "Ban Chỉ đạo 389 quốc gia", "Hội nghị Trung ương 15 sắp tới",
		// "Chỉ tiêu 11": a name's or a label's number
		return false
	}
	if isIdx && (u.count || ranged || toks[j-1].low != "cấp") {
		// "Điều 5", "khoản 2", "xã 3": a label, not a quantity; but
		// "nâng cấp 120 km": a measure after "cấp" is measured
		return false
	}
	if frac && (!u.count || u.open) {
		// "16/18 xã" counts; "2/3 diện tích" is a share
		return false
	}
	if tgDenominator(toks, j, v, u) {
		return false // "giường bệnh trên 1 vạn dân": a denominator
	}
	return true
}

// threshold returns the model's threshold, 0 without a model.
func (f *targetFinder) threshold() float64 {
	if f.model == nil {
		return 0
	}
	return f.model.Threshold
}

// tgUpgradeVerb reports whether the "cấp" before toks[j] ends the verb
// "nâng cấp" (to upgrade): "nâng cấp 04 cửa hàng", "Cải tạo nâng cấp 65
// chợ" count what is upgraded, where "cấp 3" alone is a rank.
func tgUpgradeVerb(toks []tgTok, j int) bool {
	return j >= 2 && toks[j-1].low == "cấp" && toks[j-2].low == "nâng"
}

// tgDenominator reports whether the number v at toks[j] with unit u is
// the base of a rate per inhabitants: "trên 1 vạn dân", "/1 vạn dân", or
// a power of ten right after another figure ("12 người trên một vạn dân",
// "2,5 bác sĩ trên 1.000 dân"); "trên" there means "per", not "more than".
func tgDenominator(toks []tgTok, j int, v float64, u tgUnit) bool {
	if j == 0 || !(strings.HasSuffix(u.text, "dân") || strings.HasSuffix(u.text, "người")) {
		return false
	}
	if p := toks[j-1]; p.low != "trên" && p.low != "mỗi" && p.raw != "/" {
		return false
	}
	if v == 1 {
		return true
	}
	if v < 10 || v > 1e6 || v != math.Pow(10, math.Round(math.Log10(v))) {
		return false
	}
	for m := j - 2; m >= 0 && m >= j-4; m-- {
		if toks[m].kind == tgNum {
			return true // "12 người trên …": the figure the rate is of
		}
		if toks[m].kind == tgPunct {
			break
		}
	}
	return false
}

// wordQuantity reads a number in words at toks[j] ("ba mươi", "hai
// trăm") with its unit, a count or a percentage, and returns the token
// after them. A word that is also a common other word ("năm", "một")
// counts only a listed counted noun.
func (f *targetFinder) wordQuantity(toks []tgTok, j, s0 int) (q tgQty, k int, ok bool) {
	t := toks[j]
	if !IsNumberWord(t.low) {
		return q, j, false
	}
	if _, isScale := numberScaleWords[t.low]; isScale {
		return q, j, false
	}
	switch t.low {
	case "mươi", "linh", "lẻ", "rưỡi", "chục", "lăm", "nhăm", "mốt", "tư", "không":
		return q, j, false
	}
	if j > 0 && toks[j-1].kind == tgNum {
		return q, j, false
	}
	var words []string
	for m := j; m < len(toks) && toks[m].kind == tgWord && IsNumberWord(toks[m].low) && len(words) < 12; m++ {
		words = append(words, toks[m].low)
	}
	v, n := ParseNumberWords(words)
	if n == 0 {
		return q, j, false
	}
	// scale words inside a count are the number's ("một nghìn hai trăm hộ"
	// is 1200 hộ); a last scale word before a measure or a currency stays
	// in the unit ("năm triệu đồng" is 5 triệu đồng)
	u, oku := tgMatchUnit(toks, j+n)
	scaled := false
	if sw := words[n-1]; n > 1 && sw != "trăm" && numberScaleWords[sw] > 0 && (!oku || !u.count) {
		if v2, n2 := ParseNumberWords(words[:n-1]); n2 == n-1 {
			if u2, ok2 := tgMatchUnit(toks, j+n-1); ok2 && !u2.count {
				v, n, u, oku, scaled = v2, n2, u2, true, true
			}
		}
	}
	// "hai tỷ rưỡi đồng" is 2.5 tỷ đồng, as "2,5 tỷ đồng" would be: the
	// half goes with the scale word, which stays in a measure's or a
	// currency's unit (a count keeps its whole number: "hai nghìn rưỡi
	// đảng viên" is 2500)
	if n >= 3 && words[n-1] == "rưỡi" && !scaled {
		sw, isScale := scaleUnitWords[words[n-2]]
		if v0, n0 := ParseNumberWords(words[:n-2]); isScale && sw != "trăm" && n0 == n-2 {
			if u3, ok3 := tgMatchUnit(toks, j+n); ok3 && !u3.count && u3.text != "%" && countScale(strings.Fields(u3.text)) == 0 {
				u3.text = sw + " " + u3.text
				v, u, oku, scaled = v0+0.5, u3, true, true
			}
		}
	}
	// a measure after a number of two words or more is read too ("năm
	// nghìn mét kênh mương", "hai mươi lăm héc-ta"); after one word it
	// may be no number ("năm mét" beside "năm 2020")
	if !oku || !(u.count || u.text == "%" || scaled || n > 1) {
		return q, j, false
	}
	if u.open && !scaled {
		for _, w := range words[:n] {
			if w != "trăm" && numberScaleWords[w] > 0 {
				return q, j, false // "hằng năm tỷ lệ …": no number, only a listed noun counts after a scale
			}
		}
	}
	if tgDenominator(toks, j, v, u) {
		return q, j, false // "12 người trên một vạn dân": a rate's base
	}
	if n == 1 && !scaled && tgAmbiguousNumberWord[t.low] {
		if k, isCount := countUnits.at(toks, j+n); !isCount || k != u.next {
			// "hằng năm tỷ lệ …", "một số …": a word that is no number
			// here; only a listed counted noun makes it one
			return q, j, false
		}
	}
	if _, isIdx := tgIndexWords.endingAt(toks, j); isIdx && j > s0 {
		return q, j, false
	}
	q.value = v
	q.unit = u
	return q, u.next, true
}

// comparator sets the comparator of q, whose number is toks[j] and whose
// unit ends before toks[k]: the words before the number (cmpBeforeNumber),
// else "trở lên"/"trở xuống" after it; "range" for a range. A written
// bound ("từ … trở lên", "không vượt quá …", "từ 70 đến 90") is q.bound.
func (f *targetFinder) comparator(toks []tgTok, q *tgQty, j, k, s0 int) {
	cmp, from := f.cmpBeforeNumber(toks, q, j, s0)
	// "trở lên" / "trở xuống" after the number, its unit or its subject
	if c, nx, ok := tgBoundAfter(toks, k); ok {
		q.after = nx
		if !(cmp == ">" && c == ">=" || cmp == "<" && c == "<=") {
			// "trên 90 điểm trở lên" stays "more than 90" (the gold's
			// reading): a strict word before the number wins
			cmp = c
		}
	}
	if from && cmp == "=" && q.max == nil && q.after == 0 && tgLoneFrom(toks, j, k) {
		cmp = ">=" // "phát triển từ 05 bộ dữ liệu mở": a floor
	}
	if cmp == "<" && tgNegatedFloor(toks, s0, tgQty{cmp: cmp, first: q.first}) {
		cmp = ">=" // "không có tỉnh, thành phố đạt dưới 60%": a floor
	}
	// a written bound: "từ … trở lên", "không vượt quá …", "từ 70 đến 90"
	q.bound = cmp == ">=" || cmp == "<=" || from && q.max != nil
	if q.max != nil {
		cmp = "range"
	}
	q.cmp = cmp
}

// cmpBeforeNumber returns the comparator written before the number at
// toks[j] ("=" when none), over fillers ("đạt bình quân trên"), and
// whether "từ" opens the quantity; q.first moves to the first word of
// "từ" or of the comparator. A bound written before a time frame ("ít
// nhất vào năm 2025 đạt 40%") counts too (cmpAcrossTime).
func (f *targetFinder) cmpBeforeNumber(toks []tgTok, q *tgQty, j, s0 int) (cmp string, from bool) {
	// comparator before the number, over fillers ("đạt bình quân trên")
	b := j
	for {
		if i, ok := cmpFiller.endingAt(toks[:b], b); ok && i >= s0 && b-i < 3 {
			if _, isCmp := tgAnyCmp(toks[:i], i); isCmp {
				b = i
				continue
			}
		}
		break
	}
	cmp = "="
	if i, ok := cmpFrom.endingAt(toks[:b], b); ok && i >= s0 {
		from = true
		q.first = i
		b = i
	}
	if c, i, ok := tgCmpBefore(toks[:b], b); ok && i >= s0 {
		cmp = c
		if !from {
			q.first = i
		} else if c == ">" || c == "<" {
			q.first = i
		}
	} else if c, ok := f.cmpAcrossTime(toks, s0, b); ok && !from {
		cmp = c
	} else if c, ok := tgLabelBound(toks, s0, b); ok && !from {
		cmp = c
	}
	return cmp, from
}

// tgLabelBound returns the bound a label written just before the number
// sets: "Số phòng tối thiểu mỗi căn hộ: 4 phòng", "Diện tích tối đa: 30
// m2". The label runs from the sentence's start s0 to a colon at toks[b-1]
// and holds "tối thiểu" or "tối đa" (not "ít nhất", which a label does
// not use).
func tgLabelBound(toks []tgTok, s0, b int) (string, bool) {
	if b < 1 || b-1 <= s0 || toks[b-1].raw != ":" {
		return "", false
	}
	cmp := ""
	for i := s0; i < b-1 && i >= 0; i++ {
		if i+1 < b-1 && toks[i].low == "tối" {
			switch toks[i+1].low {
			case "thiểu":
				cmp = ">="
			case "đa":
				cmp = "<="
			}
		}
		if toks[i].raw == ":" {
			cmp = "" // only the last label counts
		}
	}
	return cmp, cmp != ""
}

// tgBoundAfter finds "trở lên" or "trở xuống" within 7 tokens from
// toks[k], after a number, its unit or its subject but before the next
// number, a clause break or a verb: the comparator and the token after
// the words.
func tgBoundAfter(toks []tgTok, k int) (cmp string, after int, ok bool) {
	for m := k; m < len(toks) && m < k+7; m++ {
		tm := toks[m]
		if tm.kind == tgNum || tm.raw == ";" || tm.raw == ":" || tm.raw == "," || tm.raw == "(" {
			break
		}
		if nx, ok := tgPhraseAt(toks, m, []string{"trở", "lên"}); ok {
			return ">=", nx, true
		}
		if nx, ok := tgPhraseAt(toks, m, []string{"trở", "xuống"}); ok {
			return "<=", nx, true
		}
		if _, isVerb := tgVerbs.at(toks, m); isVerb && m > k {
			break
		}
	}
	return "", 0, false
}

// tgAnyCmp reports whether a comparator word ends just before toks[j].
func tgAnyCmp(toks []tgTok, j int) (string, bool) {
	c, _, ok := tgCmpBefore(toks, j)
	return c, ok
}

// tgCmpBefore returns the comparator written just before toks[j] and the
// index where its words start.
func tgCmpBefore(toks []tgTok, j int) (string, int, bool) {
	if j > 0 {
		// a comparator sign: "≥ 30%", "< 4/100.000", and its ASCII
		// spelling in two tokens ("| >= 30", "<= 5%")
		if j > 1 && toks[j-1].raw == "=" && toks[j-2].end == toks[j-1].start {
			switch toks[j-2].raw {
			case ">":
				return ">=", j - 2, true
			case "<":
				return "<=", j - 2, true
			}
		}
		switch toks[j-1].raw {
		case "≥":
			return ">=", j - 1, true
		case "≤":
			return "<=", j - 1, true
		case ">":
			if j > 1 && toks[j-2].raw == "<" {
				break
			}
			return ">", j - 1, true
		case "<":
			return "<", j - 1, true
		}
	}
	best, bestI := "", j
	for _, c := range []struct {
		op string
		l  *tgPhraseList
	}{{">=", cmpGE}, {"<=", cmpLE}, {"~", cmpApprox}, {"<", cmpLT}, {">", cmpGT}} {
		if i, ok := c.l.endingAt(toks, j); ok && i < bestI {
			best, bestI = c.op, i
		}
	}
	if best == "" {
		return "", j, false
	}
	return best, bestI, true
}

// cmpAcrossTime finds a bound written before a time frame and the verb of
// its number: "ít nhất vào năm 2025 đạt 40%", "tối thiểu đến năm 2030 là
// 50%". Only dates and a few time and linking words may stand between.
func (f *targetFinder) cmpAcrossTime(toks []tgTok, s0, b int) (string, bool) {
	i := b
	crossed := false
	for n := 0; i > s0 && n < 8; n++ {
		t := toks[i-1]
		if end, ok := f.numberOrDate(t.start); ok && end > 0 {
			if _, isNum := f.numberAt(t.start); isNum {
				return "", false // a document number: another phrase
			}
			for i > s0 && toks[i-1].start >= f.dateStartAt(t.start) {
				i--
			}
			crossed = true
			continue
		}
		switch t.low {
		case "vào", "năm", "đến", "tới", "đạt", "là", "ở", "mức", "trong", "hết", "cuối", ",":
			i--
			continue
		}
		break
	}
	if !crossed {
		return "", false
	}
	c, _, ok := tgCmpBefore(toks[:i], i)
	return c, ok && (c == ">=" || c == "<=")
}

// tgRatePerYear makes a percentage q a rate per year ("%/năm"): "mỗi
// năm" or "một năm" after it (or after its "trở lên"), or both "bình
// quân" and "hằng năm" in the 8 tokens before its number toks[j].
func tgRatePerYear(toks []tgTok, q *tgQty, j, k, s0 int) {
	// a rate per year: "%", "bình quân … mỗi năm", "hằng năm"
	if q.unit.text != "%" {
		return
	}
	if _, ok := tgPhraseAt(toks, k, []string{"mỗi", "năm"}); ok {
		q.unit.text = "%/năm"
	} else if _, ok := tgPhraseAt(toks, k, []string{"một", "năm"}); ok {
		q.unit.text = "%/năm"
	} else if q.after > 0 {
		if _, ok := tgPhraseAt(toks, q.after, []string{"mỗi", "năm"}); ok {
			q.unit.text = "%/năm"
		}
	}
	if q.unit.text == "%" {
		lo := j - 8
		if lo < s0 {
			lo = s0
		}
		rate, yearly := false, false
		for m := lo; m < j; m++ {
			if _, ok := tgPhraseAt(toks, m, []string{"bình", "quân"}); ok {
				rate = true
			}
			if _, ok := tgPhraseAt(toks, m, []string{"hằng", "năm"}); ok {
				yearly = true
			}
			if _, ok := tgPhraseAt(toks, m, []string{"hàng", "năm"}); ok {
				yearly = true
			}
		}
		if rate && yearly {
			q.unit.text = "%/năm"
		}
	}
}

// tgAgedGroup lists the groups of people an age bracket after them
// narrows ("trẻ em dưới 5 tuổi").
var tgAgedGroup = newPhraseList("trẻ", "trẻ em", "em", "bé", "người", "người dân", "dân số", "công dân",
	"học sinh", "sinh viên", "lao động", "phụ nữ", "nam", "nữ", "thanh niên", "thiếu niên", "trẻ sơ sinh")

// tgWorkSpec are the words of a work specification's frequency or sample
// size.
var tgWorkSpec = newPhraseList("tần suất", "định kỳ", "quan trắc", "lấy mẫu", "lượng mẫu", "số mẫu", "số lần")

// tgSampling are the words of tgWorkSpec before which any count (points,
// sites, samples) is part of a monitoring specification.
var tgSampling = map[string]bool{"quan trắc": true, "lấy mẫu": true}

// tgPerTime reports whether a unit counts times, rounds or samples, per
// period or alone ("lần/tháng", "02 lần/năm", "mẫu/năm", "đợt", "lần").
func tgPerTime(unit string) bool {
	head, per, ok := strings.Cut(strings.ToLower(unit), "/")
	if head != "lần" && head != "mẫu" && head != "đợt" {
		return false
	}
	if !ok {
		return true
	}
	switch strings.TrimSpace(per) {
	case "năm", "tháng", "quý", "tuần", "ngày", "đợt", "kỳ":
		return true
	}
	return false
}

// tgVetoBefore vetoes q for the words before it: a tax, fee or interest
// rate (tgRates), a count inside a subject ("của 28 tỉnh"), a multiple of
// a base ("gấp"), a restatement ("tương đương") or what is replaced
// ("thay vì").
func tgVetoBefore(toks []tgTok, q *tgQty, s0 int) {
	lo := q.first - 3
	if lo < s0 {
		lo = s0
	}
	for m := q.first - 6; m < q.first; m++ {
		if m < s0 {
			continue
		}
		if _, ok := tgRates.at(toks, m); ok && !(toks[m].low == "phí" && m > 0 && tgNotAFee[toks[m-1].low]) {
			q.veto = "a tax, fee or interest rate"
		}
	}
	if q.first > s0 && (toks[q.first-1].low == "của" || toks[q.first-1].low == "cho" && q.unit.text == "%") && q.unit.count {
		// "kinh tế của 28 tỉnh ven biển đạt …": the count names who is
		// measured, inside the subject
		q.veto = tgInSubject
	}
	if q.first > s0 && strings.EqualFold(q.unit.text, "tuổi") {
		if _, ok := tgAgedGroup.endingAt(toks, q.first); ok {
			// "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng …", "người từ 65
			// tuổi trở lên": an age bracket names who is measured
			q.veto = tgInSubject
		}
	}
	if tgPerTime(q.unit.text) || q.unit.count && !strings.HasPrefix(q.unit.text, "%") {
		for m := max(q.first-8, s0); m < q.first; m++ {
			if n, ok := tgWorkSpec.at(toks, m); ok && (tgPerTime(q.unit.text) || n-m == 2 && tgSampling[toks[m].low+" "+toks[m+1].low]) {
				// "quan trắc với tần suất 2 lần/tháng", "lượng mẫu quan
				// trắc 240 mẫu/năm", "thực hiện quan trắc tại 07 cửa
				// sông": how the work is done, not a goal
				q.veto = tgWorkSpecVeto
			}
		}
	}
	if tgPermitted(toks, q, s0) {
		q.veto = tgPermitVeto
	}
	if tgPhysicalNorm(toks, q, s0) {
		q.veto = "a physical norm"
	}
	if tgDesignNorm(toks, q, s0) {
		q.veto = tgDesignNormVeto
	}
	for m := lo; m < q.first; m++ {
		if toks[m].low == "gấp" {
			q.veto = "a multiple of a base"
		}
		if _, ok := tgRestate.at(toks, m); ok {
			q.veto = "a restatement of another figure"
		}

		if _, ok := tgPhraseAt(toks, m, []string{"thay", "vì"}); ok {
			q.veto = "what is replaced (thay vì)"
		}
	}
}

// tgPermitVeto is the veto of what a body is allowed or entitled to.
const tgPermitVeto = "a permission or entitlement"

// tgPermits are the verbs that, after "được", say what a body is allowed
// or entitled to take, keep, spend or borrow: "được vay … không vượt quá
// 120%", "được thu và sử dụng 100%", "Mỗi ha rừng được hỗ trợ …",
// "được hưởng 70%".
var tgPermits = newPhraseList("vay", "cho vay", "thu", "sử dụng", "hưởng", "giữ lại", "trích",
	"chi", "hỗ trợ", "miễn", "giảm", "tài trợ", "bố trí", "phân bổ", "nhận", "cấp")

// tgPermitted reports whether "được" and a verb of tgPermits come before
// q in its clause with no verb to reach between ("tỷ lệ dân số được sử
// dụng nước sạch đạt 95%" names who is measured, and stays): a
// permission or an entitlement is a rule, not a goal (ANNOTATING.md:
// norms and policy parameters). "được cấp có thẩm quyền giao" and "được
// cấp trên giao" are a goal given, not a grant.
func tgPermitted(toks []tgTok, q *tgQty, s0 int) bool {
	for m := q.first - 1; m > s0 && m >= q.first-16; m-- {
		switch toks[m].raw {
		case ";", ":", ".":
			return false
		}
		if toks[m].low == "đạt" || toks[m].low == "phấn" {
			return false
		}
		if toks[m-1].low != "được" {
			continue
		}
		n, ok := tgPermits.at(toks, m)
		if !ok {
			continue
		}
		if toks[m].low == "cấp" && n < len(toks) && (toks[n].low == "có" || toks[n].low == "trên") {
			continue
		}
		return true
	}
	return false
}

// tgPhysicalMeasures name a physical quantity a specification sets: "có
// độ ẩm từ 40% đến 70%", "đường kính ≥ 1,5 lần", "nhiệt độ từ 18°C".
var tgPhysicalMeasures = newPhraseList("độ ẩm", "nhiệt độ", "đường kính", "chiều cao", "chiều rộng",
	"kích thước", "khoảng cách", "tiết diện", "độ dày", "áp suất", "điện áp", "độ sâu", "bán kính",
	"tải trọng", "độ dốc")

// tgPhysicalNorm reports whether a physical measure (tgPhysicalMeasures)
// ends right before q, or before a link word ("là", "đạt", "bằng"): a
// physical norm of a specification, a rule and not a goal (ANNOTATING.md:
// norms and policy parameters).
func tgPhysicalNorm(toks []tgTok, q *tgQty, s0 int) bool {
	j := q.first
	if j-1 >= s0 {
		switch toks[j-1].low {
		case "là", "đạt", "bằng", "ở":
			j--
		}
	}
	k, ok := tgPhysicalMeasures.endingAt(toks, j)
	return ok && k >= s0
}

// tgDesignNormVeto is the veto of a design norm of a planning document.
const tgDesignNormVeto = "a design norm"

// tgDesignServices are the services and land uses whose "chỉ tiêu" (or
// "tiêu chuẩn", "định mức") per head or per hectare is a design norm of a
// construction or land-use plan, the figure its networks are sized by
// (the planning standard's "chỉ tiêu cấp nước sinh hoạt", "chỉ tiêu cấp
// điện", "chỉ tiêu đất xây dựng đô thị"): "chỉ tiêu cấp nước … khoảng 120
// lít/người/ngày đêm", "chỉ tiêu cấp điện công nghiệp khoảng 100 - 200
// kW/ha", "chỉ tiêu rác thải 0,8 kg/người ngày", "Chỉ tiêu đất xây dựng
// đô thị bình quân … khoảng 180 m2/người".
var tgDesignServices = newPhraseList("cấp nước", "cấp điện", "thoát nước", "rác thải", "chất thải rắn",
	"đất xây dựng", "đất ở", "đất cây xanh", "đất công cộng", "đất dân dụng")

// tgNormNouns name a norm before the service it sets it for.
var tgNormNouns = newPhraseList("chỉ tiêu", "tiêu chuẩn", "định mức")

// tgDesignNorm reports whether q, a quantity per person, household or
// hectare, is a design norm (ANNOTATING.md: physical norms such as
// m2/người are rules, not goals): a consumption per person per day
// ("120 lít/người/ngày đêm", "0,8 kg/người ngày"), or a quantity whose
// sentence names, last before it, the norm of a service or land use
// (tgDesignServices). A rate on the way ("Tỷ lệ cấp nước đạt 80% dân
// số") is an outcome, and the per-head outcomes of a housing or economic
// plan ("Diện tích sàn bình quân đầu người … 12m2/người", "GRDP bình quân
// đầu người … USD/người") name no such norm.
func tgDesignNorm(toks []tgTok, q *tgQty, s0 int) bool {
	_, per, ok := strings.Cut(strings.ToLower(q.unit.text), "/")
	if !ok {
		return false
	}
	perHead, perRest, _ := strings.Cut(strings.TrimSpace(per), "/")
	switch perHead {
	case "người", "hộ", "ha":
	default:
		return false
	}
	if perHead == "người" && (strings.HasPrefix(perRest, "ngày") || q.last < len(toks) && toks[q.last].low == "ngày") {
		return true
	}
	for m := q.first - 1; m >= s0; m-- {
		if _, ok := tgPhraseAt(toks, m, []string{"tỷ", "lệ"}); ok {
			return false
		}
		if _, ok := tgPhraseAt(toks, m, []string{"tỉ", "lệ"}); ok {
			return false
		}
		if n, ok := tgNormNouns.at(toks, m); ok {
			_, svc := tgDesignServices.at(toks, n)
			return svc
		}
	}
	return false
}

// tgVotes are the words after a share that make it a voting or quorum
// rule: "phải có ít nhất 80% tổng số Ủy viên Hội đồng tham dự", "được
// trên 50% số phiếu tán thành".
var tgVotes = newPhraseList("tham dự", "tán thành", "có mặt", "biểu quyết", "số phiếu", "đồng ý")

// tgQuorum reports whether the clause after toks[k] (up to ";", "." or
// "(", twelve tokens at most) makes q a voting or quorum rule (tgVotes):
// a procedural limit, not a goal (ANNOTATING.md).
func tgQuorum(toks []tgTok, k int) bool {
	for m := k; m < len(toks) && m < k+12; m++ {
		switch toks[m].raw {
		case ";", ".", "(":
			return false
		}
		if _, ok := tgVotes.at(toks, m); ok {
			return true
		}
	}
	return false
}

// tgVetoCompared reads the words after q (from toks[k], up to the next
// quantity): a change against a year ("so với năm 2024") marks q.relYear,
// a share of a plan right after it ("52% dự toán") q.planShare, and a
// comparison with a base or a plan ("so với", "cùng kỳ") vetoes it.
func tgVetoCompared(toks []tgTok, q *tgQty, k int) {
	if _, ok := tgGoalShare.at(toks, k); ok && q.unit.text == "%" && !tgCompleting(toks, q.first) {
		// "đạt 51,83% chỉ tiêu phấn đấu", "15,4% chỉ tiêu UBND tỉnh
		// giao": a share of a goal, as of a plan
		q.planShare = true
		return
	}
	for m := k; m < len(toks) && m < k+12; m++ {
		tm := toks[m]
		if tm.raw == ";" || tm.raw == "." {
			break
		}
		if tm.kind == tgNum && m > k {
			// the next quantity, unless it closes a range with this one
			// ("từ trên 15% đến không quá 30% so với …")
			if p := toks[m-1].low; p != "đến" && p != "tới" && p != "quá" && !tgIsDash(p) {
				break
			}
		}
		if _, ok := tgPhraseAt(toks, m, []string{"so", "với", "năm"}); ok && m+3 < len(toks) &&
			(toks[m+3].kind == tgNum || toks[m+3].low == "trước") && strings.HasPrefix(q.unit.text, "%") {
			// "tăng 8% so với năm 2024", "so với năm trước": the usual way
			// to state a year's growth; a target only where the sentence
			// or its section sets targets
			q.relYear = true
			break
		}
		if tgRelNow(toks, m) && strings.HasPrefix(q.unit.text, "%") {
			// "giảm khoảng 60 - 70% số lượng đơn vị hành chính cấp xã so
			// với hiện nay": a change against now, read as one against a
			// year
			q.relYear = true
			break
		}
		if _, ok := tgShareOf.at(toks, m); ok {
			if m == k && toks[m].low != "so" && toks[m].low != "cùng" {
				// "đạt 52% dự toán": a share of a plan, an outturn unless
				// the sentence itself sets it ("phấn đấu giải ngân trên 80%
				// kế hoạch vốn")
				q.planShare = true
				break
			}
			if toks[m].low == "so" || toks[m].low == "cùng" {
				q.veto = "relative to a base or a plan"
				break
			}
		}
		if toks[m].low == "so" && (m+1 == len(toks) || toks[m+1].low == "với" || toks[m+1].low == "cùng") {
			q.veto = "relative to a base or a plan"
			break
		}
	}
}

// tgRelNow reports whether toks[m:] reads "so với hiện nay" or "so với
// hiện tại" (compared with now): the base of a change set to reach, as
// "so với năm 2020" is.
func tgRelNow(toks []tgTok, m int) bool {
	for _, now := range [][]string{{"so", "với", "hiện", "nay"}, {"so", "với", "hiện", "tại"}} {
		if _, ok := tgPhraseAt(toks, m, now); ok {
			return true
		}
	}
	return false
}

// tgVetoOutcome vetoes q, when nothing vetoed it yet, for the rest of its
// clause after toks[k]: it points back ("3 đơn vị này") or reports an
// outcome or a forecast.
func tgVetoOutcome(toks []tgTok, q *tgQty, k int) {
	// the rest of the clause reports an outcome: "… đã hoàn thành", "…
	// chưa đạt được", "thu đạt 5.396 tỷ đồng, đạt 105% dự toán"; or points
	// back ("3 đơn vị này")
	if k < len(toks) && (toks[k].low == "này" || toks[k].low == "trên" && k+1 < len(toks) && toks[k+1].raw == ",") {
		q.veto = "a reference back"
	}
	depth := 0 // brackets opened after the quantity
	for m := k; m < len(toks) && q.veto == ""; m++ {
		tm := toks[m]
		if tm.raw == ";" || tm.raw == "." || tm.raw == ":" {
			break
		}
		if _, ok := tgPhraseAt(toks, m, []string{"trong", "đó"}); ok && depth == 0 {
			// "phát triển 39 siêu thị, trong đó hiện có 7 siêu thị": what
			// follows breaks the total down; its words are the parts'
			break
		}
		switch tm.raw {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		}
		if tm.kind == tgNum && m > k {
			// the next quantity is another figure's business, unless it
			// restates this one against a plan ("5.396 tỷ đồng, đạt 105%
			// dự toán")
			if tgOnlyLinks(toks[k:m]) && m+1 < len(toks) && toks[m+1].raw == "%" {
				if _, ok := tgPlanShare.at(toks, m+2); ok {
					q.veto = "an outcome against a plan"
				}
			}
			break
		}
		if tgRelNow(toks, m) {
			m += 3 // "so với hiện nay": a base of now, not a report of it
			continue
		}
		switch tm.low {
		case "đã", "chưa":
			q.veto = "an outcome"
		case "%":
			if _, ok := tgPlanShare.at(toks, m+1); ok {
				q.veto = "an outcome against a plan"
			}
		}
		if _, ok := tgPhraseAt(toks, m, []string{"đạt", "được"}); ok {
			q.veto = "an outcome"
		}
		if mk, e, ok := tgMarkerAt(toks, m); ok && (mk.kind == mkPast || mk.kind == mkForecast && !tgPlacesAt(toks, mk, e)) && depth == 0 {
			// a marker in brackets ("151 chợ (kể cả … chợ tạm hiện có)")
			// explains the figure; it reports nothing of it, as the
			// sentence scan passes over markers in brackets
			q.veto = "an outcome or a forecast"
		}
	}
}

// tgPlaceWords are the words after "dự kiến" that say where a thing is
// to be placed: "xây dựng 02 cơ sở chế biến … dự kiến đặt tại xã Nậm
// Tăm".
var tgPlaceWords = newPhraseList("đặt tại", "tại", "bố trí tại", "xây dựng tại", "đặt ở", "ở", "đặt trụ sở tại")

// tgPlacesAt reports whether marker m, ending before toks[k], is "dự
// kiến" followed by a place (tgPlaceWords): the plan expects where a thing
// goes, it forecasts no figure.
func tgPlacesAt(toks []tgTok, m tgMarker, k int) bool {
	if len(m.words) != 2 || m.words[0] != "dự" || m.words[1] != "kiến" {
		return false
	}
	_, ok := tgPlaceWords.at(toks, k)
	return ok
}

// tgOnlyLinks reports whether toks hold only words that link a figure to
// its restatement: "," "đạt", "bằng", "tương đương", "vượt".
func tgOnlyLinks(toks []tgTok) bool {
	for _, t := range toks {
		switch t.low {
		case ",", "(", "đạt", "bằng", "tương", "đương", "ứng", "vượt", "và", "là":
		default:
			return false
		}
	}
	return true
}

// Comparator words before a number, and after it.
var (
	cmpGE = newPhraseList("tối thiểu", "ít nhất", "không dưới", "không thấp hơn",
		"không ít hơn", "tối thiểu là", "ít nhất là", "tối thiểu đạt", "ít nhất đạt",
		"tối thiểu có", "ít nhất có",
		// the verb of duty between ("thu ngân sách tối thiểu phải đạt
		// 312.000 tỷ đồng") and the tone often mistyped ("tối thiếu")
		"tối thiểu phải đạt", "ít nhất phải đạt", "tối thiểu cần đạt", "ít nhất cần đạt",
		"tối thiếu", "tối thiếu là", "tối thiếu đạt", "tối thiếu có", "tối thiếu phải đạt")
	cmpGT = newPhraseList("trên", "hơn", "vượt", "cao hơn", "lớn hơn", "vượt trên", "hơn mức")
	cmpLT = newPhraseList("dưới", "thấp hơn", "nhỏ hơn", "ít hơn")
	cmpLE = newPhraseList("tối đa", "không quá", "không vượt quá", "không vượt",
		"không cao hơn", "không lớn hơn", "tối đa là", "không nhiều hơn")
	cmpApprox = newPhraseList("khoảng", "xấp xỉ", "gần", "trên dưới", "chừng",
		"khoảng gần", "vào khoảng", "độ", "ước khoảng", "xấp xỉ bằng")
	cmpFrom = newPhraseList("từ")
	// fillers between a comparator or verb and its number: "đạt bình quân
	// trên 8,5%", "ở mức khoảng 50%".
	cmpFiller = newPhraseList("ở mức", "mức", "bình quân", "đạt mức", "là", "bằng", "ở")
)

// Comparator words that may stand before the upper end of a range.
var tgRangeBound = newPhraseList("dưới", "không quá", "không vượt quá", "trên", "khoảng")

// Words right before a number that make it an index, a name or a rank,
// not a quantity ("Điều 11", "lần thứ 3", "nhóm 3 nước", "Nghị định 73").
var tgIndexWords = newPhraseList("số", "điều", "khoản", "mục", "chương", "phần",
	"điểm", "lần thứ", "thứ", "nhóm", "top", "hạng", "khóa", "khoá", "phụ lục",
	"trang", "tiểu mục", "quyết định", "nghị định", "nghị quyết", "thông tư",
	"luật", "quy định", "hướng dẫn", "chỉ thị", "kết luận", "công văn",
	"tờ trình", "văn bản", "đề án", "ngày", "tháng", "năm", "quý", "giai đoạn",
	"nhiệm kỳ", "kỳ", "đợt", "lô", "tuyến", "quốc lộ", "tỉnh lộ", "phòng",
	"mã", "covid", "đường", "khu", "tổ", "ấp", "phường", "quận", "xã", "lớp", "cấp độ", "mức độ",
	"cấp", "bậc", "loại", "hệ", "giải", "vòng", "tầng", "block", "tập", "bài",
	"câu", "chặng", "vị trí", "đứng thứ", "xếp thứ", "top", "hạng", "mẫu",
	"biểu", "form", "iso", "tcvn", "qcvn", "hotline", "điện thoại", "fax", "ban chỉ đạo")

// Number words that are also common other words ("năm" year, "một" a,
// "ba" father): alone before a noun they count only a listed unit.
var tgAmbiguousNumberWord = map[string]bool{"năm": true, "một": true, "ba": true, "bảy": true, "tám": true, "chín": true, "sáu": true}

// Words after a number that make it a share of a plan or budget, an
// outturn ("đạt 52% dự toán", "đạt 98% kế hoạch").
var tgShareOf = newPhraseList("dự toán", "kế hoạch", "kế hoạch năm",
	"so với", "so cùng kỳ", "cùng kỳ")

// tgCompleting reports whether "hoàn thành" ends right before toks[i]:
// "hoàn thành 100% chỉ tiêu, nhiệm vụ được giao" states the goal of
// meeting every target, not a share of one.
func tgCompleting(toks []tgTok, i int) bool {
	return i >= 2 && toks[i-1].low == "thành" && toks[i-2].low == "hoàn"
}

// Words right after "X%" that make it a share of a goal.
var tgGoalShare = newPhraseList("chỉ tiêu", "mục tiêu")

// Words after "X%" that make it a share of a plan: an outturn.
var tgPlanShare = newPhraseList("dự toán", "kế hoạch", "so với chỉ tiêu",
	"so với kế hoạch", "so với dự toán", "chỉ tiêu", "mục tiêu")

// Words before a number that restate another figure ("tương đương 29%").
var tgRestate = newPhraseList("tương đương", "tương ứng", "lần lượt", "tương đương với")

// Rates set by rule, not targets: taxes, fees, interest ("khấu trừ thuế
// TNCN 10%", "lãi suất 6%").
var tgRates = newPhraseList("thuế suất", "mức thuế", "thuế thu nhập cá nhân", "thuế tncn",
	"thuế giá trị gia tăng", "thuế gtgt", "thuế nhập khẩu", "thuế xuất khẩu", "mức phí",
	"phí", "lệ phí", "lãi suất", "khấu trừ", "trích lập", "chiết khấu", "hoa hồng")

// Words before "phí" that make it no fee: "miễn phí" (free of charge),
// "chi phí" (costs), "kinh phí" (funds).
var tgNotAFee = map[string]bool{"miễn": true, "chi": true, "kinh": true}

// Words after "X%" that make it a tax or fee relief or rate, or a share of
// a pay, a contribution or a benefit ("Bằng 4,5% mức lương cơ sở", "Hỗ
// trợ tối thiểu 70% mức đóng bảo hiểm y tế"): norms, not goals.
var tgTaxAfter = newPhraseList("số thuế", "tiền thuế", "thuế", "lệ phí", "phí", "mức phí",
	"mức thu", "tiền phạt", "lãi suất", "mức lương", "tiền lương", "lương", "lương hưu",
	"mức đóng", "mức hỗ trợ", "trợ cấp", "tiền trợ cấp", "học phí", "viện phí")
