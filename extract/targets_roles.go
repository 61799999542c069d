package extract

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Roles: what the target of an accepted quantity says besides its number:
// the subject and indicator, from the words before the number (leftRoles),
// after it (rightRoles) or a row label (labelRolesSplit); the text span; the
// source number; and the period (periodFor).

// Predicate verbs: the verb of a target clause, between its subject and
// its number ("GRDP tăng 7,5%") or before an object ("hoàn thành 100%
// nhiệm vụ").
var tgVerbs = newPhraseList("đạt", "tăng", "giảm", "tăng thêm", "tăng lên",
	"giảm xuống", "giảm xuống còn", "giảm còn", "chiếm", "là", "duy trì",
	"duy trì ổn định", "duy trì mức", "giữ", "giữ vững", "giữ ổn định",
	"hoàn thành", "khắc phục", "kết nạp", "có", "đạt chuẩn",
	"thu hút", "giải quyết", "tạo", "tạo việc làm cho", "trồng", "xây dựng",
	"phát triển", "đưa", "chia", "nâng", "nâng lên", "vượt", "thu", "huy động", "giải ngân",
	"đào tạo", "tiếp nhận", "đầu tư", "cắt giảm", "phấn đấu có",
	"không vượt quá", "không quá", "cung cấp", "tham gia", "sử dụng", "xử lý",
	"tuyển", "tuyển sinh", "xuất khẩu", "sản xuất", "kiểm soát",
	"giới thiệu", "hình thành", "thành lập", "nâng cấp", "cải tạo", "sửa chữa",
	"mở", "mở mới", "đón", "thực hiện", "hỗ trợ", "vận động", "bồi dưỡng",
	"trao", "tặng", "bàn giao", "lắp đặt", "kiên cố hóa", "kiên cố hoá", "bê tông hóa",
	"bê tông hoá", "nhựa hóa", "nhựa hoá", "trồng mới", "xây dựng mới",
	"bố trí", "tiết kiệm", "đơn giản hóa", "đơn giản hoá", "triển khai", "triệt phá", "lựa chọn",
	"tiêm chủng", "giữ nguyên", "mở rộng", "di dời", "giải toả", "giải tỏa",
	"phát triển thêm", "xây dựng thêm", "quy hoạch phát triển", "quy hoạch phát triển thêm",
	"quy hoạch xây dựng", "quy hoạch xây dựng mới")

// Words that open a clause of purpose or means after a comma: the
// criterion before them ends there ("… hoàn thành tốt nhiệm vụ, thực hiện
// Nghị quyết số …").
var tgClauseOpeners = newPhraseList("thực hiện", "góp phần", "nhằm", "để", "tạo", "tạo điều kiện",
	"bảo đảm", "đảm bảo", "theo", "qua đó", "từ đó", "phục vụ")

// Words stripped from the start of a subject.
var tgLeadWords = newPhraseList("và", "còn", "thì", "đồng thời", "trong đó",
	"riêng", "đặc biệt", "cụ thể", "như", "gồm", "bao gồm", "với", "theo đó",
	"ngoài ra", "trong", "cả", "vào", "đến", "tới", "hết", "đến hết", "hằng năm",
	"hàng năm", "mỗi năm", "các", "những", "số", "tổng số", "phấn đấu", "để",
	"nhằm", "bảo đảm", "đảm bảo", "cơ bản", "tiếp tục", "mục tiêu", "chỉ tiêu",
	"là", "ở", "cả nhiệm kỳ", "nhiệm kỳ", "đã", "sẽ", "phải", "nhưng", "tuy nhiên", "song", "đơn cử", "ước", "ước tính")

// Words stripped from the end of a subject.
var tgTrailWords = newPhraseList("ở mức", "mức", "ở", "bình quân", "đạt mức",
	"vào", "lên", "xuống", "còn", "đến", "tới", "trong", "của", "với", "và",
	"cả", "hằng năm", "hàng năm", "mỗi năm", "từ", "khoảng", "tổng", "với tỷ lệ",
	"tỷ lệ", "tỉ lệ", "sẽ", "dự kiến", "lần lượt", "đều", "cũng", "cần", "vẫn")

// Quantifiers before a noun.
var tgQuantifiers = newPhraseList("các", "những", "số", "tổng số", "số lượng")

// mention fills the target of an accepted candidate: its roles, each on
// one line, its page and its source number. A part ("trong đó") with no
// subject of its own takes its parent's; a figure with no subject takes
// that of the sentence's target before it in the same unit.
func (f *targetFinder) mention(sc *tgScan, it tgPending, nextFirst, parent, lastTarget int) Target {
	toks := sc.toks
	t := f.roles(sc.p, toks, it.q, it.clauseStart, it.markStart, it.markEd, nextFirst, sc.s0, sc.s1, sc.dates)
	t.Sentence = tgSpaces(sc.text)
	t.Text = tgSpaces(t.Text)
	t.Subject = tgSpaces(t.Subject)
	t.Indicator = tgSpaces(t.Indicator)
	t.Page = f.pageOf(toks[it.q.numTok].start)
	if parent >= 0 {
		pt := f.found[parent].t
		if tgStartsWithHave(t.Subject) || t.Subject == "" {
			// "trong đó có bằng cấp, chứng chỉ đạt 30%": the clause has
			// no subject of its own; it is the parent's.
			t.Indicator = t.Subject
			t.Subject = pt.Subject
		}
	}
	t.SourceNumber = NullString(f.sourceNumber(sc.number, sc.pi))
	if parent < 0 || t.Subject != f.found[parent].t.Subject {
		// "Có tổng điểm đánh giá đạt …": "có" is no part of the subject
		if low := strings.ToLower(t.Subject); strings.HasPrefix(low, "có ") {
			t.Subject = strings.TrimSpace(t.Subject[len("có "):])
		}
	}
	holder, quota := f.quotaHolder(toks, it.q, sc.s0, t.Subject, sc.dates)
	if quota {
		// "… được Bộ Tài chính giao chỉ tiêu thu ngân sách nhà nước là
		// 12.000 tỷ đồng, Tổng cục Hải quan giao 12.600 tỷ đồng": the giver
		// of a quota is no subject; the quota is the same as the one
		// before, else the holder's
		t.Subject = ""
	}
	if t.Subject == "" && lastTarget >= 0 && parent < 0 && (f.found[lastTarget].t.Unit == t.Unit ||
		tgMeasureVerb(t.Indicator) && tgRightAfter(toks, f.found[lastTarget].offset, it.q.first)) {
		// "GRDP bình quân đầu người năm 2025 đạt 4.500 USD, đến năm
		// 2030 đạt khoảng 6.000 USD": the same subject at a later time;
		// "tín dụng tăng 10%, đạt hơn 815 nghìn tỷ đồng": the level the
		// same subject reaches
		t.Subject = f.found[lastTarget].t.Subject
		if t.Indicator == "" {
			t.Indicator = f.found[lastTarget].t.Indicator
		}
	}
	if t.Subject == "" {
		t.Subject = holder
	}
	if exp := Expand(t.Subject, f.c.Abbreviations); exp != "" {
		t.SubjectExpanded = NullString(exp)
	}
	return t
}

// tgComparison reports whether a subject is the words of a comparison
// ("cao hơn", "thấp hơn khá nhiều so", "so với kế hoạch"): what stands
// before a goal that a figure is compared with, not what it measures.
func tgComparison(subj string) bool {
	ws := strings.Fields(strings.ToLower(subj))
	for i, w := range ws {
		if w == "so" && (i+1 == len(ws) || ws[i+1] == "với") {
			return true
		}
	}
	if len(ws) > 0 && ws[0] == "mức" {
		ws = ws[1:]
	}
	return len(ws) >= 2 && ws[1] == "hơn" && tgComparativeAdj[ws[0]] || len(ws) > 0 && ws[0] == "hơn"
}

// tgComparativeAdj are the adjectives of "… hơn" comparisons.
var tgComparativeAdj = map[string]bool{"cao": true, "thấp": true, "lớn": true, "nhỏ": true, "nhiều": true, "ít": true, "nhanh": true, "chậm": true}

// tgRightAfter reports whether the quantity whose first token is first
// follows the number at byte offset prev within its clause and a few words
// ("tăng 10%, đạt hơn 815 nghìn tỷ đồng"), with no ";" or ":" between.
func tgRightAfter(toks []tgTok, prev, first int) bool {
	n := 0
	for i := first - 1; i >= 0 && toks[i].start > prev; i-- {
		n++
		if toks[i].raw == ";" || toks[i].raw == ":" || n > 6 {
			return false
		}
	}
	return true
}

// sourceNumber returns the source_number of a target in paragraph pi: the
// document number its sentence quotes (number), else the document's own,
// else the last one quoted within 12 paragraphs before, else the one
// resolution the text cites.
func (f *targetFinder) sourceNumber(number string, pi int) string {
	switch {
	case number != "":
		return number
	case f.c.Number != "":
		return f.c.Number
	case f.lastNumber != "" && pi-f.lastNumberPara <= 12:
		return f.lastNumber
	default:
		return f.onlyResolution()
	}
}

// onlyResolution returns the one resolution the text cites by number, or
// "" when it cites none or several.
func (f *targetFinder) onlyResolution() string {
	one := ""
	for _, n := range f.nums {
		num := normalizeNumber(n.number)
		if !strings.Contains(num, "NQ") {
			continue
		}
		if one != "" && one != num {
			return ""
		}
		one = num
	}
	return one
}

// roles fills the Target of quantity q: text, comparator, value, unit,
// subject, indicator and period.
func (f *targetFinder) roles(p paraInfo, toks []tgTok, q tgQty, clauseStart, markStart, markEnd, nextFirst, s0, s1 int, dates []tgDate) Target {
	t := Target{Comparator: q.cmp, Value: q.value, ValueMax: q.max, Unit: q.unit.text}
	r := f.leftPart(toks, q, clauseStart, markStart, markEnd, s0, dates)
	textFrom := q.first
	if r.subjFrom >= 0 && r.subjFrom < textFrom {
		textFrom = r.subjFrom
	}
	if r.verbFrom >= 0 && r.verbFrom < textFrom {
		textFrom = r.verbFrom
	}
	r.textTo = q.last
	if q.after > r.textTo {
		r.textTo = q.after
	}
	// the right part: subject after a percentage or a count, indicator
	// with no verb before the number, a passive after it starts the
	// criterion ("100% hộ dân được cung cấp nước sạch")
	r.rs, r.ri, r.rEnd = f.rightRoles(toks, q, nextFirst, s1, r.ind == "" || tgCopula(r.ind) || r.labelRow, dates)
	if tgWholeObject(q, r) {
		// "cắt giảm 30% chi phí xã hội thực hiện thủ tục hành chính":
		// the share is the object of the verb before it; the verbs
		// after it qualify the object's noun
		r.rs, r.ri = r.rs+" "+r.ri, ""
	}
	if r.labelRow {
		if r.rs != "" && !q.unit.count || r.ri != "" {
			// "Đối với cha mẹ: phấn đấu 100% cha mẹ được …": the words
			// after the number say what is measured; the label only
			// groups the row
			r.subj, r.ind, r.subjFrom = "", "", -1
		} else {
			r.rs, r.ri = "", ""
		}
	}
	if r.subj != "" && r.verbFrom < 0 && q.unit.count && !r.labelRow && tgOwnShare(toks, q) {
		// "22 - 23 triệu lượt khách du lịch quốc tế, 120 - 130 triệu
		// lượt khách du lịch nội địa": the words before are the item
		// before's; the count names its own
		r.subj, r.subjFrom = "", -1
	}
	if r.verbFrom >= 0 && q.unit.text != "%" && f.objectAfter(toks, q) {
		f.verbObject(toks, q, &r, nextFirst, dates)
	} else if r.subj == "" && r.verbFrom < 0 && r.rs == "" && !q.unit.count && f.objectAfter(toks, q) {
		// "Mục tiêu 1 triệu ha cao su": with no verb, the nouns after an
		// amount name what it measures
		if ox := tgMeasuredNouns(toks, q, nextFirst); len(ox) > 0 {
			r.subj, r.subjFrom = tgJoin(toks, ox), -1
			if end := ox[len(ox)-1] + 1; end > r.textTo {
				r.textTo = end
			}
		}
	}
	if r.subj != "" && strings.HasPrefix(q.unit.text, "%") && r.rs != "" && tgNounAfter(toks, q.last) && (!tgMeasureVerb(r.ind) || r.ri != "" && !tgProperNoun(toks[q.last])) &&
		(r.adjacent || tgOwnShare(toks, q)) {
		// (after a verb of level, the words after the share are its base
		// unless they have a predicate of their own: "đạt 30% doanh
		// nghiệp | thực hiện …", not "đạt 6,5-7% | Quốc hội đề ra")
		// "… hoàn thành 100% nhiệm vụ được giao": the percentage is of
		// the words after it; the words before the verb only say who acts.
		r.subj, r.subjFrom = "", -1
		if r.verbFrom >= 0 {
			r.ind = tgJoin(toks, []int{r.verbFrom})
			if n, ok := tgVerbs.at(toks, r.verbFrom); ok {
				var ix []int
				for m := r.verbFrom; m < n; m++ {
					ix = append(ix, m)
				}
				r.ind = tgJoin(toks, ix)
			}
		}
	}
	if of, end := f.growthOf(toks, q, r.subj, dates); of != "" {
		// "tăng trưởng bình quân 8-9% về tấn hàng hóa và lượt hành
		// khách": what grows follows the rate
		r.ind, r.subj, r.subjFrom = strings.TrimSpace(r.subj+" "+r.ind), of, -1
		if end > r.textTo {
			r.textTo = end
		}
	}
	r.rightPart(q)
	subj, ind := f.finishRoles(toks, q, r, textFrom, s0, markStart, dates)
	t.Subject = tgCleanPhrase(subj)
	t.Indicator = tgWithBase(toks, q, tgGoalIndicator(toks, tgCleanPhrase(ind), clauseStart, q.first), s1)
	if g := tgForGroup(toks, q.first); g != "" {
		t.Subject = tgWithGroup(t.Subject, g)
	}
	textTo := r.textTo
	if textTo > len(toks) {
		textTo = len(toks)
	}
	if textFrom < textTo {
		t.Text = strings.TrimSpace(f.text[toks[textFrom].start:toks[textTo-1].end])
		t.Text = strings.TrimRight(t.Text, " ,;:.…")
	}
	t.Period = f.periodFor(toks, q, clauseStart, nextFirst, s0, dates)
	return t
}

// finishRoles turns the parts roles read (r) into the target's subject and
// indicator: the criterion a share's name holds, the base of a share, a
// yearly rise, a growth rate's name, a measure the subject has, the level
// an amount reaches, whose quota a bracketed goal is and whose amount a
// company's goal is. textFrom is the first token of the target's text.
func (f *targetFinder) finishRoles(toks []tgTok, q tgQty, r tgRoleParts, textFrom, s0, markStart int, dates []tgDate) (subj, ind string) {
	subj, ind = r.subj, r.ind
	if low := strings.ToLower(subj); (ind == "đạt" || ind == "Đạt") && (strings.HasPrefix(low, "tỷ lệ ") || strings.HasPrefix(low, "tỉ lệ ")) {
		// "Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%": the
		// criterion is in the rate's name; "Tỷ lệ che phủ rừng đạt
		// 48%": a name without a predicate leaves the level
		if pred := tgSharePredicate(subj[len("tỷ lệ "):]); pred != "" {
			ind = pred
		}
	}
	if base := f.shareBase(toks, q, r, dates); base != "" && subj != "" && tgLevelVerb(ind) {
		// "Kinh tế số chiếm 45% GRDP tỉnh", "thu ngân sách đạt 100% dự
		// toán": the criterion is the level with what the share is of
		ind += " " + base
	}
	if yearly := tgYearlyBefore(toks, s0, q.first); yearly != "" && (ind == "tăng" || ind == "giảm" || ind == "Tăng" || ind == "Giảm") {
		// "Hằng năm, số vụ … được phát hiện, bắt giữ tăng trên 3%": a
		// yearly rise
		ind += " " + yearly
	}
	if r.verbFrom >= 0 && r.verbFrom < q.first {
		// "Kết nạp bình quân mỗi năm từ 250 đảng viên": the average goes
		// with the verb
		if n, ok := tgVerbs.at(toks, r.verbFrom); ok && n < q.first && strings.EqualFold(ind, tgJoin(toks, tgSeq(r.verbFrom, n))) {
			avg := true
			for m := n; m < q.first; m++ {
				switch toks[m].low {
				case "bình", "quân", "mỗi", "năm", "hằng", "hàng":
				default:
					avg = false
				}
			}
			if avg && toks[n].low != "năm" {
				ind = tgJoin(toks, tgSeq(r.verbFrom, q.first))
			}
		}
	}
	subj, ind = tgGrowthRoles(subj, ind)
	if strings.HasPrefix(ind, "tốc độ tăng") && !strings.Contains(ind, "bình quân") {
		// "tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025 đạt
		// 7,2%/năm": the average went with the subject's trailing words
		for m := textFrom; m+1 < q.first; m++ {
			if toks[m].low == "bình" && toks[m+1].low == "quân" {
				ind += " bình quân"
				break
			}
		}
	}
	if low := strings.ToLower(ind); (low == "có" || low == "có thêm" || low == "phấn đấu có") && subj != "" {
		// "Có ≥ 95% DNNVV, HTX, HKD trên địa bàn Tỉnh | ứng dụng công nghệ
		// số": after "có", the predicate of what is counted is the
		// criterion
		if pred := tgSharePredicate(subj); pred != "" && pred != subj {
			subj, ind = strings.TrimSpace(strings.TrimSuffix(subj, pred)), pred
		}
	}
	if tgLevelVerb(ind) {
		// "Cá nhân có tổng điểm đánh giá đạt từ 90 điểm trở lên": what
		// reaches the level is the measure the subject has
		if who, measure := tgHasMeasure(subj); measure != "" {
			subj, ind = who, measure
		}
	}
	if ind == "" || strings.EqualFold(ind, "là") || strings.EqualFold(ind, "đạt") && strings.HasPrefix(strings.ToLower(subj), "tăng trưởng ") {
		// "lợi nhuận trước thuế 2.007 tỷ đồng", "doanh thu năm 2020 là
		// 12.500 tỷ đồng": a level named with no verb, or with a copula,
		// is a level to reach; "tăng trưởng GDP năm 2021 là 6,5%": a
		// growth's name holds its verb
		ind = tgLevelIndicator(subj, ind)
		if strings.EqualFold(ind, "là") {
			// "Diện tích sàn bình quân đầu người đến năm 2020 là 15m2/người":
			// the copula states the level to reach
			ind = "đạt"
		}
	}
	if st := f.structureLabel(toks, s0, q.first, dates); st != "" && strings.HasPrefix(q.unit.text, "%") && !tgLevelVerb(ind) {
		// "Cơ cấu kinh tế đến năm 2020: công nghiệp - xây dựng 35%, dịch
		// vụ 40%": each item's share in the structure
		ind = "tỷ trọng trong " + st
	}
	if ind == "" {
		ind = subj
	}
	if q.unit.count {
		// "Ủy ban nhân dân xã, phường: | Xét tối đa 15 tập thể": a count
		// in a row of a breakdown by organisation is that organisation's
		if org := f.orgRowLabel(toks, q, s0); org != "" {
			subj = org
		}
	}
	if owner := f.quotaOwner(toks, q, s0, dates); owner != "" {
		// "khu vực Hải Phòng thu được …, đạt 54% so với chỉ tiêu Bộ Tài
		// chính giao (57.100 tỷ đồng)": the quota is the sentence
		// subject's
		subj = owner
	}
	if actor := f.actorBefore(toks, s0, markStart, dates); actor != "" && tgLevelIndicator(subj, "") == "đạt" &&
		!strings.Contains(strings.ToLower(subj), " của ") && !strings.Contains(strings.ToLower(subj), strings.ToLower(actor)) {
		// "MWG đặt mục tiêu doanh thu 86.390 tỷ đồng": whose revenue
		subj += " của " + actor
	}
	subj = f.unitReference(toks, s0, q.first, subj, dates)
	return f.companyOwner(toks, q, subj), ind
}

// tgWholeObject reports whether the words after share q, read as
// subject r.rs and predicate r.ri, are one object: an action verb (no
// verb of level, no copula) stands before the share ("tiết kiệm 10% chi
// thường xuyên tăng thêm …"), not a row label, and no passive follows
// (one after the object is its predicate: "… 100% diện tích trồng trái
// phép cây | được phát hiện và triệt phá").
func tgWholeObject(q tgQty, r tgRoleParts) bool {
	return q.unit.text == "%" && r.rs != "" && r.ri != "" && !r.labelRow &&
		r.verbFrom >= 0 && !tgCopula(r.ind) && !tgMeasureVerb(r.ind) && !tgPassiveStart(r.ri)
}

// tgRoleParts are the pieces roles puts together: the subject and
// indicator with where they start, the words after the quantity, and the
// end of the target's text.
type tgRoleParts struct {
	subj, ind          string
	subjFrom, verbFrom int  // token indexes, -1 when absent
	adjacent           bool // the verb stands right before the quantity
	labelRow           bool // the subject is a row label ("label: value")
	rs, ri             string
	rEnd               int // token after the words after the quantity, -1 when none
	textTo             int // token after the target's text
}

// tgClauseEndsAt reports whether the clause ends at toks[i]: nothing but
// punctuation (or the end) follows a quantity that ends at i.
func tgClauseEndsAt(toks []tgTok, i int) bool {
	return i >= len(toks) || toks[i].kind == tgPunct && toks[i].raw != "("
}

// tgGroupLabel reports whether toks[a:b] labels a group of targets rather
// than what one measures: a goal's name ("Chỉ tiêu năm 2026", "Mục tiêu")
// or a field ("Về y tế", "Đối với tập thể").
func tgGroupLabel(toks []tgTok, a, b int) bool {
	for a < b && toks[a].kind != tgWord {
		a++ // list label, bullet
	}
	if a < b && tgLabelWord(toks, a) {
		a++
		for a < b && toks[a].kind != tgWord {
			a++
		}
	}
	if a >= b {
		return true
	}
	if _, ok := tgGoalNouns.at(toks, a); ok {
		return true
	}
	w := toks[a].low
	return w == "về" || w == "đối" || w == "riêng" || w == "trong"
}

// leftPart reads the subject and indicator before quantity q: from the
// left part of its clause (after its marker), else from a row label
// before a colon, else from the words before the marker.
func (f *targetFinder) leftPart(toks []tgTok, q tgQty, clauseStart, markStart, markEnd, s0 int, dates []tgDate) tgRoleParts {
	var r tgRoleParts
	// the left part of the clause: [a, q.first)
	a := clauseStart
	if markEnd > a && markEnd <= q.first {
		a = markEnd
	}
	r.subj, r.ind, r.subjFrom, r.verbFrom, r.adjacent = f.leftRolesAdj(toks, a, q.first, dates)
	// the label's item: "…; tỷ lệ huy động GDP vào ngân sách: 10-10,5%"
	lab := tgItemStart(toks, s0, clauseStart-1)
	if r.subj == "" && (r.ind == "" || (tgClauseEndsAt(toks, q.last) || tgAmountUnit(q)) && !tgGroupLabel(toks, lab, clauseStart-1)) &&
		clauseStart > lab+1 && clauseStart <= len(toks) && toks[clauseStart-1].raw == ":" &&
		!tgOnlyLeadWords(toks, lab, clauseStart-1) {
		// "Tỷ lệ văn bản đi được ký số: trên 95%", "Số tài khoản … mở
		// mới: 12.000 tài khoản": the label before the colon names what is
		// measured; "Xuất khẩu nông sản: phấn đấu đạt 60 tỷ USD": the
		// clause's verb stays its indicator; "Vàng cốm: đạt 40-50 kg vào
		// năm 2010": the words after an amount never name what it measures
		if ls, li, from, verb := f.labelRolesSplit(toks, lab, clauseStart-1, dates); ls != "" {
			if r.ind == "" || verb {
				r.ind = li // the label's own predicate ("trồng mới") says more than "đạt"
			}
			r.subj, r.subjFrom, r.labelRow = ls, from, true
		}
	}
	if !r.labelRow && a == clauseStart {
		if from := tgQtyClauseStart(toks, clauseStart, q.first, s0); from >= 0 {
			// "tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%": the clause
			// began before a quantity that qualifies the subject
			if s2, _, sf2, _, _ := f.leftRolesAdj(toks, from, q.first, dates); s2 != "" {
				r.subj, r.subjFrom = s2, sf2
			}
		}
	}
	if r.subj == "" && !r.labelRow && a == clauseStart {
		if s2, sf2 := f.levelAfterGrowth(toks, clauseStart, s0, dates); s2 != "" {
			// "Lợi nhuận trước thuế tăng 36%, đạt 4.400 tỷ đồng": the
			// level reached is the same subject's
			r.subj, r.subjFrom = s2, sf2
		}
	}
	if r.subj == "" && markEnd > clauseStart && markStart >= clauseStart && !strings.HasPrefix(strings.ToLower(r.ind), "có") &&
		!(r.ind == "" && strings.HasPrefix(q.unit.text, "%") && tgNounAfter(toks, q.last)) &&
		!(r.ind != "" && r.verbFrom >= 0 && f.objectAfter(toks, q)) {
		// ("Hội nghị thống nhất mục tiêu kết nạp từ 150 đảng viên": what
		// is counted after the verb is the subject, not the meeting)
		// ("… mục tiêu đến năm 2027, khoảng 40% doanh nghiệp …": the
		// share's noun after it is the subject)
		// "Quy mô tổng tài sản năm 2020 mục tiêu đạt 150.000 tỷ đồng": the
		// subject stands before the marker.
		s2, _, sf2, _ := f.leftRoles(toks, clauseStart, markStart, dates)
		if s2 != "" {
			r.subj, r.subjFrom = f.beforeMarker(toks, s2, sf2, markStart, dates)
		}
	}
	return r
}

// tgItemStart returns where the item that ends at toks[end] starts: after
// the last ";" from s0 on, else s0 ("…; tỷ lệ huy động GDP vào ngân sách:
// 10-10,5%").
func tgItemStart(toks []tgTok, s0, end int) int {
	for i := end - 1; i > s0 && i < len(toks); i-- {
		if toks[i].raw == ";" {
			return i + 1
		}
	}
	return s0
}

// tgAmountUnit reports whether q is an amount (neither a percentage nor a
// count): the words after it never name its subject ("40.000 tấn/năm vào
// năm 2010").
func tgAmountUnit(q tgQty) bool {
	return !q.unit.count && !strings.HasPrefix(q.unit.text, "%") && q.unit.text != ""
}

// verbObject reads a verb before the number and an object after it: with
// the verb first, the object is the subject and the verb the indicator
// ("Trồng mới 3.500 ha rừng tập trung"); a count after a subject makes the
// verb with its object the indicator ("Mỗi huyện đoàn thành lập 15 đội
// hình thanh niên").
func (f *targetFinder) verbObject(toks []tgTok, q tgQty, r *tgRoleParts, nextFirst int, dates []tgDate) {
	// "Trồng mới 3.500 ha rừng tập trung", "Tạo việc làm cho 18.000
	// lao động": what is counted or measured stands after the number;
	// the words from the verb to the number say what is done with it
	ix := f.undatedWords(toks, r.verbFrom, q.first, dates)
	obj, riEnd := r.rs, r.rEnd
	if q.unit.count {
		obj = strings.TrimSpace(tgUnitHead(q.unit.text) + " " + r.rs)
	} else if obj == "" {
		// "3.500 ha rừng tập trung": the measured thing
		ox := tgMeasuredNouns(toks, q, nextFirst)
		obj = tgJoin(toks, ox)
		if tgUnitHead(q.unit.text) == "điểm" && obj != "" {
			obj = "điểm " + obj // "40 điểm truy cập": points counted, not scored
		}
		if len(ox) > 0 {
			r.rEnd = ox[len(ox)-1] + 1
		}
	}
	verbFirst := r.subjFrom > r.verbFrom || r.subjFrom < 0
	if !verbFirst && r.subjFrom >= 0 {
		if _, ok := tgVerbs.at(toks, r.subjFrom); ok && !tgFalseVerb(toks, r.subjFrom) {
			// "Xây dựng mới và nâng cấp 120 km …": two verbs joined
			verbFirst = true
			ix = f.undatedWords(toks, r.subjFrom, q.first, dates)
		}
	}
	switch {
	case obj == "":
	case verbFirst && r.ri == "":
		// verb first: the object is the subject
		r.subj, r.subjFrom = obj, -1
		r.ind = tgJoin(toks, ix)
		if r.rEnd > r.textTo {
			r.textTo = r.rEnd
		}
		r.rs, r.ri = "", ""
	case verbFirst && q.unit.count && r.subj != "" && !tgCopula(r.ind):
		// "Tạo việc làm, thu nhập ổn định cho trên 10.000 lao động trong
		// tỉnh, trực tiếp trồng …": the words between the verb and the
		// count are the verb's; what is counted is the subject
		r.subj, r.subjFrom = obj, -1
		r.ind = tgJoin(toks, ix)
		r.rs, r.ri = "", ""
	case verbFirst && !q.unit.count && tgCopula(r.ind) && tgPassiveStart(r.ri):
		// "có 1.000 ha cao su được khai thác mủ": the measured thing is
		// the subject, its passive the criterion
		r.subj, r.subjFrom, r.ind = obj, -1, r.ri
		if riEnd > r.textTo {
			r.textTo = riEnd
		}
		r.rs, r.ri = "", ""
	case verbFirst && !q.unit.count && tgTailOverlap(obj, r.ri):
		// "Duy trì mức 5-10 nghìn tấn tinh quặng chì kẽm hợp cách xuất
		// khẩu/năm": the verb after the amount is part of its object
		r.subj, r.subjFrom = obj, -1
		r.ind = tgJoin(toks, ix)
		if r.rEnd > r.textTo {
			r.textTo = r.rEnd
		}
		r.rs, r.ri = "", ""
	case q.unit.count && r.rs != "" && r.ri == "":
		// "Mỗi huyện đoàn thành lập 15 đội hình thanh niên": the
		// criterion is the verb with its object
		r.ind = strings.TrimSpace(tgJoin(toks, ix) + " " + obj)
		if r.rEnd > r.textTo {
			r.textTo = r.rEnd
		}
	}
}

// tgMeasuredNouns returns the nouns right after quantity q, up to the
// next quantity: what an amount measures ("3.500 ha rừng tập trung").
func tgMeasuredNouns(toks []tgTok, q tgQty, nextFirst int) []int {
	var ox []int
	for m := q.last; m < len(toks) && m < nextFirst && tgNounWord(toks[m]); m++ {
		ox = append(ox, m)
	}
	return ox
}

// tgTailOverlap reports whether phrase b starts with the last words of
// phrase a: "quặng sắt cục hợp cách xuất khẩu" and "xuất khẩu/năm".
func tgTailOverlap(a, b string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '/' || r == ',' })
	}
	aw, bw := split(a), split(b)
	for k := 1; k <= len(aw) && k <= len(bw); k++ {
		same := true
		for j := 0; j < k; j++ {
			if aw[len(aw)-k+j] != bw[j] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// tgPassiveStart reports whether a phrase opens with a passive ("được
// khai thác mủ", "bị thu hồi").
func tgPassiveStart(s string) bool {
	low := strings.ToLower(s)
	return strings.HasPrefix(low, "được ") || strings.HasPrefix(low, "bị ")
}

// undatedWords returns the tokens of toks[a:b] that are neither in a date
// nor punctuation, without trailing fillers (tgTrimTrail).
func (f *targetFinder) undatedWords(toks []tgTok, a, b int, dates []tgDate) []int {
	var ix []int
	for m := a; m < b; m++ {
		if _, isDate := f.dateAt(dates, toks[m].start); !isDate && toks[m].kind != tgPunct {
			ix = append(ix, m)
		}
	}
	return tgTrimTrail(toks, ix)
}

// rightPart takes the subject, and the indicator where the words before
// give none, from the words after the quantity when nothing before it
// named the subject; a count's unit heads its subject ("15 đội hình").
func (r *tgRoleParts) rightPart(q tgQty) {
	if r.subj == "" {
		r.subj = r.rs
		if q.unit.count {
			r.subj = strings.TrimSpace(strings.Split(q.unit.text, "/")[0] + " " + r.rs)
		}
		if r.ri != "" && (r.ind == "" || r.ind == r.subj || tgCopula(r.ind)) {
			r.ind = r.ri
		}
		if r.rEnd > r.textTo {
			r.textTo = r.rEnd
		}
	} else if r.ri != "" && q.unit.count && r.ind == "" {
		r.ind = r.ri
		if r.rEnd > r.textTo {
			r.textTo = r.rEnd
		}
	}
	if r.subj == "" && q.unit.count {
		r.subj = strings.Split(q.unit.text, "/")[0]
	}
}

// leftRoles reads the subject and indicator of toks[a:b], the words before
// a quantity's comparator: "Tỷ lệ hộ nghèo giảm bình quân" is subject
// "Tỷ lệ hộ nghèo", indicator "giảm bình quân"; "duy trì tỷ lệ … (CIR)" is
// verb then object; "hoàn thành" alone has its subject after the number.
// subjFrom and verbFrom are token indexes, -1 when absent.
func (f *targetFinder) leftRoles(toks []tgTok, a, b int, dates []tgDate) (subj, ind string, subjFrom, verbFrom int) {
	subj, ind, subjFrom, verbFrom, _ = f.leftRolesAdj(toks, a, b, dates)
	return
}

// leftRolesAdj is leftRoles that also tells whether the verb stands right
// before the quantity ("hoàn thành 100% …").
func (f *targetFinder) leftRolesAdj(toks []tgTok, a, b int, dates []tgDate) (subj, ind string, subjFrom, verbFrom int, adjacent bool) {
	keep := f.roleWords(toks, a, b, dates)
	// drop time words left by the dates ("đến", "trong", "năm nay") and
	// leading connectives and punctuation
	keep = tgTrimLead(toks, keep)
	// a measure's name ("tỷ lệ thu gom, xử lý rác thải tại các bãi biển,
	// khu du lịch …", "số vụ … được phát hiện, bắt giữ", its "số" trimmed
	// as a lead word) is one noun phrase, commas and verbs and all
	measure := tgMeasureNoun(toks, keep) || len(keep) > 1 && keep[0] > a && toks[keep[0]-1].low == "số"
	keep = tgTrimTime(toks, keep)
	if len(keep) == 0 {
		return "", "", -1, -1, false
	}
	// the last predicate verb
	v, vEnd := tgLastVerb(toks, keep)
	join := func(ix []int) string { return tgJoin(toks, ix) }
	if v < 0 {
		keep = tgTrimTrail(toks, keep)
		if len(keep) == 0 {
			return "", "", -1, -1, false
		}
		return join(keep), "", keep[0], -1, false
	}
	before, verb, between := keep[:v], keep[v:vEnd], keep[vEnd:]
	before = tgTrimTrail(toks, tgTrimTime(toks, before))
	between = tgTrimTrail(toks, between)
	adjacent = len(between) == 0 || tgAllFiller(toks, between)
	// verb–object when nothing stands before the verb, or the words before
	// it end with a comma (another clause: "Tiếp tục kiểm soát …, duy trì
	// tỷ lệ … dưới 37%")
	commaBefore := len(before) > 0 && keep[v] > 0 && toks[keep[v]-1].raw == ","
	// "bình quân hàng năm đào tạo nghề cho …": an average before the
	// verb is no subject
	if len(between) > 0 && (len(before) == 0 || commaBefore || tgAverageWords(toks, before)) && !tgAllFiller(toks, between) {
		return join(between), join(verb), between[0], keep[v], false
	}
	if measure && len(before) > 0 && !adjacent {
		// "tỷ lệ cán bộ có trình độ khoa học, công nghệ | khoảng 5%":
		// no verb states the level; the verb is the measure's own
		keep = tgTrimTrail(toks, keep)
		return join(keep), "", keep[0], -1, false
	}
	ind = join(keep[v:])
	if len(before) == 0 {
		return "", ind, -1, keep[v], adjacent
	}
	if !measure {
		before = before[tgOwnClause(toks, before):]
	}
	return join(before), ind, before[0], keep[v], adjacent
}

// roleWords returns the content tokens of toks[a:b]: no dates, no
// brackets' insides (but an abbreviation alone in brackets), no quotes or
// emphasis; after "thì" only the main clause.
func (f *targetFinder) roleWords(toks []tgTok, a, b int, dates []tgDate) []int {
	// keep the content tokens: no dates, no brackets' insides
	for i := b - 1; i > a; i-- {
		if toks[i].low == "thì" {
			a = i + 1 // "Trường hợp …, thì …": the main clause
			break
		}
	}
	var keep []int
	depth := 0
	for i := a; i < b; i++ {
		t := toks[i]
		if _, ok := f.dateAt(dates, t.start); ok {
			continue
		}
		if f.dateFrame(toks, i, dates) {
			continue // "Từ năm 2025 trở đi": the words of the time frame go with its date
		}
		if t.raw == "(" {
			depth++
			continue
		}
		if t.raw == ")" {
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 && tgBracketAbbrev(toks, i) {
			keep = append(keep, i) // "tổng sản phẩm trên địa bàn (GRDP)": the short name stays
			continue
		}
		if depth > 0 || t.raw == "*" || t.raw == "\"" || t.raw == "“" || t.raw == "”" || t.raw == "_" {
			continue
		}
		keep = append(keep, i)
	}
	return keep
}

// dateFrame reports whether toks[i] frames a date of dates: "từ", "kể
// từ" right before it, "trở đi", "trở về sau" right after it.
func (f *targetFinder) dateFrame(toks []tgTok, i int, dates []tgDate) bool {
	isDate := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		_, ok := f.dateAt(dates, toks[k].start)
		return ok
	}
	switch toks[i].low {
	case "từ":
		// "từ năm 2020", and "từ nay đến năm 2030", "từ nay tới 2030"
		return isDate(i+1) || i+3 < len(toks) && toks[i+1].low == "nay" &&
			(toks[i+2].low == "đến" || toks[i+2].low == "tới") && isDate(i+3)
	case "nay", "đến", "tới":
		// the rest of "từ nay đến <date>"
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if toks[k].low == "từ" {
				return f.dateFrame(toks, k, dates)
			}
		}
	case "kể":
		return i+1 < len(toks) && toks[i+1].low == "từ" && isDate(i+2)
	case "trở":
		return isDate(i-1) && i+1 < len(toks) && (toks[i+1].low == "đi" || toks[i+1].low == "về")
	case "đi", "về":
		return i >= 2 && toks[i-1].low == "trở" && isDate(i-2)
	case "sau":
		return i >= 3 && toks[i-1].low == "về" && toks[i-2].low == "trở" && isDate(i-3)
	}
	return false
}

// tgTrimLead drops from the start of keep punctuation, a list label
// opening the paragraph and leading connectives (tgLeadWords).
func tgTrimLead(toks []tgTok, keep []int) []int {
	for len(keep) > 0 {
		t := toks[keep[0]]
		if t.kind == tgPunct || t.kind == tgNum && keep[0] == 0 {
			keep = keep[1:]
			continue
		}
		// a list label opening the paragraph: "a)", "b.", "II-"
		if tgLabelWord(toks, keep[0]) {
			keep = keep[1:]
			continue
		}
		if n, ok := tgLeadWords.at(toks, keep[0]); ok && n-keep[0] <= len(keep) && tgContiguous(keep, n-keep[0]) {
			keep = keep[n-keep[0]:]
			continue
		}
		break
	}
	return keep
}

// tgLabelWord reports whether toks[i] is a list label of letters opening
// the paragraph: "a)", "b.", "II-".
func tgLabelWord(toks []tgTok, i int) bool {
	t := toks[i]
	return i == 0 && len(toks) > 1 && t.kind == tgWord && (utf8.RuneCountInString(t.raw) == 1 || isRomanNumeral(t.raw)) &&
		(toks[1].raw == ")" || toks[1].raw == "." || tgIsDash(toks[1].raw))
}

// tgTrimTime drops from the end of keep punctuation, time words left by
// the dates and a duration's number ("5 năm (2026 - 2030)").
func tgTrimTime(toks []tgTok, keep []int) []int {
	for len(keep) > 0 {
		last := keep[len(keep)-1]
		t := toks[last]
		if t.kind == tgPunct {
			keep = keep[:len(keep)-1]
			continue
		}
		if tgTimeWord(t.low) {
			keep = keep[:len(keep)-1]
			continue
		}
		if t.kind == tgNum && last+1 < len(toks) && durationWords[toks[last+1].low] {
			keep = keep[:len(keep)-1] // "5 năm (2026 - 2030)": a duration
			continue
		}
		break
	}
	return keep
}

// tgLastVerb returns the positions in keep of the last predicate verb
// (tgVerbs, not part of a noun) and the position after it; -1, -1 when
// there is none.
func tgLastVerb(toks []tgTok, keep []int) (v, vEnd int) {
	v, vEnd = -1, -1
	for x := 0; x < len(keep); x++ {
		i := keep[x]
		if n, ok := tgVerbs.at(toks, i); ok && tgContiguous(keep[x:], n-i) && !tgFalseVerb(toks, i) {
			v, vEnd = x, x+(n-i)
			x = vEnd - 1
		}
	}
	return v, vEnd
}

// tgOwnClause returns where the subject starts in before, the words
// before a verb: after the last comma when the part before that comma is
// a clause of its own (it has a verb), else at 0.
func tgOwnClause(toks []tgTok, before []int) int {
	// a comma splits the words before the verb only when the part before
	// the comma is a clause of its own (it has a verb)
	cut := 0
	for x := len(before) - 1; x > 0 && !tgStartsWithHave(tgJoin(toks, before)); x-- {
		if toks[before[x]-1].raw == "," {
			hasVerb := false
			for y := 0; y < x; y++ {
				// ("Ngân sách chi cho đào tạo, bồi dưỡng": a verb after a
				// preposition names an activity)
				if _, ok := tgVerbs.at(toks, before[y]); ok && !tgFalseVerb(toks, before[y]) && !tgAfterPreposition(toks, before[y]) {
					hasVerb = true
				}
			}
			if hasVerb {
				cut = x
			}
			break
		}
	}
	return cut
}

// tgMeasureNoun reports whether the words ix open with the name of a
// measure ("tỷ lệ", "số", "tổng số", "tốc độ", "số lượng"): the phrase
// is a noun phrase, whatever verbs its complement holds.
func tgMeasureNoun(toks []tgTok, ix []int) bool {
	if len(ix) < 2 {
		return false
	}
	for _, lead := range tgMeasureLeads {
		if n, ok := tgPhraseAt(toks, ix[0], lead); ok && n-ix[0] < len(ix) && tgContiguous(ix, n-ix[0]) {
			return true
		}
	}
	return false
}

// tgShareLeads are the words that open the name of a share or a count:
// "tỷ lệ hộ nghèo", "số lượng", "tổng số", "số".
var tgShareLeads = [][]string{{"tỷ", "lệ"}, {"tỉ", "lệ"}, {"số", "lượng"}, {"tổng", "số"}, {"số"}}

// tgMeasureLeads open the name of any measure: a share, a count or a rate
// ("tốc độ tăng …").
var tgMeasureLeads = append(tgShareLeads[:len(tgShareLeads):len(tgShareLeads)], []string{"tốc", "độ"},
	[]string{"giá", "trị"}, []string{"kim", "ngạch"}, []string{"quy", "mô"}, []string{"sản", "lượng"})

// tgBracketAbbrev reports whether toks[i] is an abbreviation alone in
// brackets: "(GRDP)", "(CBCCVC)".
func tgBracketAbbrev(toks []tgTok, i int) bool {
	t := toks[i]
	return i > 0 && i+1 < len(toks) && toks[i-1].raw == "(" && toks[i+1].raw == ")" &&
		t.kind == tgWord && utf8.RuneCountInString(t.raw) > 1 && strings.ToUpper(t.raw) == t.raw
}

// labelRolesSplit reads the subject and indicator of a row label toks[a:b]
// ("Tỷ lệ hộ gia đình sử dụng Internet", "Số người dân có tài khoản định
// danh"): without its list label and its "tỷ lệ"/"số", the words before the
// first predicate ("được", "có", a verb) are the subject and the rest the
// indicator; without a predicate the subject is the label's noun and the
// indicator the whole label. A bracketed abbreviation stays in the subject.
// It also reports whether a verb or a passive split the label.
func (f *targetFinder) labelRolesSplit(toks []tgTok, a, b int, dates []tgDate) (subj, ind string, from int, verb bool) {
	var keep []int
	depth := 0
	for i := a; i < b; i++ {
		t := toks[i]
		if _, ok := f.dateAt(dates, t.start); ok {
			continue
		}
		switch t.raw {
		case "(":
			depth++
			continue
		case ")":
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 && !(t.kind == tgWord && len(t.raw) > 1 && strings.ToUpper(t.raw) == t.raw) {
			continue // "(trừ văn bản mật)"; "(TTHC)" stays
		}
		if t.raw == "*" || t.raw == "_" || t.raw == "\"" || t.raw == "“" || t.raw == "”" {
			continue
		}
		keep = append(keep, i)
	}
	// list label and bullet
	for len(keep) > 0 {
		t := toks[keep[0]]
		if t.kind == tgPunct || t.kind == tgNum && keep[0] == 0 || tgLabelWord(toks, keep[0]) {
			keep = keep[1:]
			continue
		}
		break
	}
	timeOnly := true // "Đến hết năm 2045: 100% …": a time frame labels nothing
	for _, i := range keep {
		timeOnly = timeOnly && (tgTimeWord(toks[i].low) || toks[i].kind == tgPunct)
	}
	// "Số trạm sạc xây mới trong năm 2024": the time words its date left
	if keep = tgTrimTime(toks, keep); timeOnly || len(keep) == 0 {
		return "", "", -1, false
	}
	all := tgCleanPhrase(tgJoin(toks, keep))
	body := keep
	for _, lead := range tgShareLeads {
		if n, ok := tgPhraseAt(toks, body[0], lead); ok && n-body[0] < len(body) && tgContiguous(body, n-body[0]) {
			body = body[n-body[0]:]
			break
		}
	}
	split := -1
	for x := 1; x < len(body); x++ {
		// a passive predicate ends the subject even after a verb of a
		// noun phrase ("hồ sơ giải quyết thủ tục hành chính | được số
		// hóa")
		if w := toks[body[x]].low; w == "được" || w == "bị" {
			split = x
			break
		}
	}
	for x := 1; x < len(body) && split < 0; x++ {
		i := body[x]
		w := toks[i].low
		if w == "được" || w == "bị" || w == "có" {
			split = x
			break
		}
		if _, ok := tgVerbs.at(toks, i); ok && !tgFalseVerb(toks, i) {
			split = x
			break
		}
	}
	if split < 0 {
		return tgCleanPhrase(tgJoin(toks, body)), all, body[0], false
	}
	return tgCleanPhrase(tgJoin(toks, body[:split])), tgCleanPhrase(tgJoin(toks, body[split:])), body[0], true
}

// rightRoles reads the subject and indicator after a quantity: "90%
// TCCSĐ trở lên đạt trong sạch, vững mạnh" is subject "TCCSĐ", indicator
// "đạt trong sạch, vững mạnh". rEnd is the token after the last word used.
func (f *targetFinder) rightRoles(toks []tgTok, q tgQty, nextFirst, s1 int, splitPassive bool, dates []tgDate) (subj, ind string, rEnd int) {
	i := q.last
	end := s1
	if nextFirst < end {
		end = nextFirst
	}
	stop := tgRightClauseEnd(toks, q, end)
	var sIx, iIx []int
	inInd := false
	passive := -1
	if splitPassive {
		passive = tgLastPassive(toks, i, stop)
	} else if p := tgLastPassive(toks, i, stop); p >= 0 && q.unit.text == "%" && tgVerbBefore(toks, i, p) {
		// "đạt … 100% diện tích trồng trái phép cây … | được phát hiện và
		// triệt phá": a verb before the last passive qualifies the noun
		passive = p
	}
	if passive < 0 {
		passive = tgRightPredicate(toks, q, stop, splitPassive)
	}
	for m := i; m < stop; m++ {
		t := toks[m]
		if t.raw == "*" || t.raw == "\"" || t.raw == "“" || t.raw == "”" {
			continue
		}
		if passive >= 0 {
			// "80% người bị bạo lực gia đình được phát hiện | được tiếp
			// cận …": the last passive is the predicate; the verbs before
			// it qualify the noun
			if nx, ok := tgPhraseAt(toks, m, []string{"trở", "lên"}); ok && m < passive {
				m = nx - 1
				continue
			}
			inInd = m >= passive
		} else if nx, ok := tgPhraseAt(toks, m, []string{"trở", "lên"}); ok {
			m = nx - 1
			continue
		}
		if inInd {
			iIx = append(iIx, m)
		} else if _, isDate := f.dateAt(dates, t.start); len(sIx) > 0 || !isDate && !f.dateFrame(toks, m, dates) && !tgTimeWord(t.low) {
			// ("15% giai đoạn 2016 - 2020": a time frame right after the
			// number is no subject)
			sIx = append(sIx, m)
		}
	}
	// a subject after a percentage: "100% cơ quan, đơn vị"; drop "các", "số"
	for len(sIx) > 0 {
		if n, ok := tgQuantifiers.at(toks, sIx[0]); ok && n-sIx[0] <= len(sIx) {
			sIx = sIx[n-sIx[0]:]
			continue
		}
		if toks[sIx[0]].kind == tgPunct {
			sIx = sIx[1:]
			continue
		}
		break
	}
	for len(sIx) > 0 && (toks[sIx[len(sIx)-1]].kind == tgPunct || toks[sIx[len(sIx)-1]].low == "và" || toks[sIx[len(sIx)-1]].low == "hoặc") {
		sIx = sIx[:len(sIx)-1]
	}
	for len(iIx) > 0 && toks[iIx[len(iIx)-1]].kind == tgPunct {
		iIx = iIx[:len(iIx)-1]
	}
	if q.unit.text != "%" && !q.unit.count {
		// an amount ("4.400 tỷ đồng"): words after it are no subject
		sIx = nil
	}
	rEnd = -1
	if len(sIx) > 0 {
		rEnd = sIx[len(sIx)-1] + 1
	}
	if len(iIx) > 0 {
		rEnd = iIx[len(iIx)-1] + 1
	}
	return tgJoin(toks, sIx), tgJoin(toks, iIx), rEnd
}

// tgRightPredicate returns where the predicate of the words after
// quantity q starts, up to stop, -1 when they have none: the first verb
// (not "là", not "có" right after the number of a count), or with
// splitPassive a passive after a noun ("được", "bị", not "được giao").
// A verb right after "người" or "đối tượng" names them ("người sử dụng
// trái phép chất ma túy"); a later "có" is the predicate when the first
// verb is not ("đội ngũ cán bộ, công chức xây dựng chính sách | có trình
// độ đại học").
func tgRightPredicate(toks []tgTok, q tgQty, stop int, splitPassive bool) int {
	start, words := -1, 0
	for m := q.last; m < stop; m++ {
		t := toks[m]
		if t.raw == "*" || t.raw == "\"" || t.raw == "“" || t.raw == "”" {
			continue
		}
		if nx, ok := tgPhraseAt(toks, m, []string{"trở", "lên"}); ok {
			m = nx - 1
			continue
		}
		prev := ""
		if m > 0 {
			prev = toks[m-1].low
		}
		agent := prev == "người" || prev == "tượng" && m > 1 && toks[m-2].low == "đối"
		_, verb := tgVerbs.at(toks, m)
		verb = verb && !tgFalseVerb(toks, m) && !agent && t.low != "là" && (t.low != "có" || words > 0 && q.unit.text == "%" && !tgSubordinate[prev])
		passive := splitPassive && (t.low == "được" || t.low == "bị") && words > 0 && !(m+1 < stop && toks[m+1].low == "giao")
		switch {
		case start < 0 && (verb || passive):
			start = m
			if passive {
				return start
			}
		case start >= 0 && verb && t.low == "có" && prev != "không" && prev != "chưa" && toks[start].low != "có":
			return m // (not "… và không có cá nhân bị kỷ luật": another clause)
		case start >= 0 && verb && tgLaterPredicate(toks, start, m, stop):
			// "100% số chương trình đào tạo giáo viên | đạt tiêu chuẩn",
			// "70% xã, phường có người nghiện ma túy | bố trí điểm tư
			// vấn": the first verb with its object qualifies the noun
			return m
		}
		words++
	}
	return start
}

// tgNoLaterPredicate are the words that keep a later verb out of the
// predicate of a share's noun: before it, a conjunction ("xây dựng và
// triển khai"), a negation or an auxiliary; between the two verbs, a
// purpose ("… để thực thi …").
var tgNoLaterPredicate = map[string]bool{"và": true, "hoặc": true, "không": true, "chưa": true,
	"để": true, "nhằm": true, "mà": true, "đã": true, "sẽ": true, "đang": true, "cùng": true,
	"cho": true, "được": true, "bị": true, "phải": true, "cần": true}

// tgLaterPredicate reports whether the verb at toks[m] is the predicate of
// a share's noun whose first verb, at toks[start], with its object only
// qualifies it: a few words of one noun phrase stand between them, with no
// mark or purpose ("chương trình đào tạo giáo viên | đạt tiêu chuẩn", not
// "… hoàn thành cấp trung học, không có tỉnh … đạt"); the later verb has
// an object of two words or more before stop (not "đạt chuẩn nông thôn
// mới nâng cao"), neither
// continues the first predicate ("xây dựng và triển khai", "đạt danh
// hiệu và không có") nor opens a clause of purpose ("triển khai kế hoạch
// thực hiện Đề án").
func tgLaterPredicate(toks []tgTok, start, m, stop int) bool {
	if m-start < 3 || toks[m].low == "có" && toks[start].low != "có" {
		return false
	}
	if tgNoLaterPredicate[toks[m-1].low] {
		return false
	}
	if _, ok := tgClauseOpeners.at(toks, m); ok {
		return false
	}
	if n, _ := tgVerbs.at(toks, m); n+1 >= stop || toks[n].kind != tgWord || toks[n+1].kind != tgWord {
		return false // (an object of two words at least)
	}
	for k := start + 1; k < m; k++ {
		if toks[k].kind != tgWord || toks[k].low == "để" || toks[k].low == "nhằm" {
			return false
		}
	}
	return true
}

// tgSubordinate are the words before a "có" that is no predicate of a
// share's noun: a condition ("khi có yêu cầu") or an adjective ("kỹ
// thuật hiện có").
var tgSubordinate = map[string]bool{"khi": true, "nếu": true, "hiện": true, "sẵn": true}

// tgRightClauseEnd returns where the clause after quantity q ends (end
// at the latest): at a sentence or clause mark, a bracket, "trong đó", a
// share of a plan (tgShareOf), or a comma before the next number, a new
// clause (tgClauseOpeners), "trong đó" or a share of a plan.
func tgRightClauseEnd(toks []tgTok, q tgQty, end int) int {
	i := q.last
	// the clause ends at ";", ":", a bracket, "…", ", trong đó" or a comma
	// before the next number
	for m := i; m < end; m++ {
		r := toks[m].raw
		if r == ";" || r == ":" || r == "(" || r == "…" || r == "." || r == "!" || r == "?" {
			return m
		}
		if r == "," {
			if m+1 < end && (toks[m+1].kind == tgNum || toks[m+1].low == "là") {
				// (", là Đề án quy mô lớn …": a new clause)
				return m
			}
			if _, ok := tgClauseOpeners.at(toks, m+1); ok && m > i {
				// ", thực hiện Nghị quyết …", ", góp phần …": a new clause
				return m
			}
			if _, ok := tgPhraseAt(toks, m+1, []string{"trong", "đó"}); ok {
				return m
			}
			if _, ok := tgShareOf.at(toks, m+1); ok {
				return m
			}
		}
		if _, ok := tgShareOf.at(toks, m); ok && !(m == i && q.planShare) {
			return m
		}
		if _, ok := tgPhraseAt(toks, m, []string{"trong", "đó"}); ok {
			return m
		}
	}
	return end
}

// objectAfter reports whether a noun follows the quantity q: a counted
// noun ("15 đội hình thanh niên") or a measure with the measured thing
// ("3.500 ha rừng", "120 km đường").
func (f *targetFinder) objectAfter(toks []tgTok, q tgQty) bool {
	if q.unit.count {
		return true
	}
	u := tgUnitHead(q.unit.text)
	switch u {
	case "ha", "km", "m", "m²", "m³", "km²", "m2", "m3", "km2", "tấn", "tạ", "kg", "lít", "MW", "kW", "GW", "kWh", "điểm":
	default:
		return false // money, rates, points: no object
	}
	return q.last < len(toks) && tgNounWord(toks[q.last])
}

// tgUnitHead returns the unit before any per-unit part and without its
// scale words: "triệu lượt khách/năm" is "lượt khách".
func tgUnitHead(u string) string {
	u = strings.Split(u, "/")[0]
	ws := strings.Fields(u)
	for len(ws) > 1 {
		if _, sc := scaleUnitWords[ws[0]]; !sc {
			break
		}
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// tgGrowthRoles splits a growth rate's name: in "Tốc độ tăng trưởng giá
// trị sản xuất bình quân hằng năm đạt 7,5%" the subject is what grows
// ("giá trị sản xuất") and the indicator the rate ("tốc độ tăng trưởng bình
// quân hằng năm"), when the verb says nothing more ("đạt", "đạt bình quân").
func tgGrowthRoles(subj, ind string) (string, string) {
	low := strings.ToLower(subj)
	prefix := ""
	for _, p := range []string{"tốc độ tăng trưởng ", "tốc độ tăng ", "mức tăng trưởng ", "tỷ lệ tăng trưởng "} {
		if strings.HasPrefix(low, p) {
			prefix = p
			break
		}
	}
	if prefix == "" {
		return subj, ind
	}
	var mods []string
	for _, w := range strings.Fields(strings.ToLower(ind)) {
		switch w {
		case "đạt", "ở", "mức", "từ", "là":
		case "bình", "quân", "hằng", "hàng", "năm", "mỗi":
			mods = append(mods, w)
		default:
			return subj, ind // the verb says more ("giảm", "duy trì")
		}
	}
	rest := strings.Fields(subj[len(prefix):])
	var tail []string
	for len(rest) > 1 {
		last := strings.ToLower(rest[len(rest)-1])
		if last == "năm" && len(rest) > 2 {
			if p := strings.ToLower(rest[len(rest)-2]); p == "hằng" || p == "hàng" || p == "mỗi" {
				tail = append([]string{p, last}, tail...)
				rest = rest[:len(rest)-2]
				continue
			}
		}
		if (last == "hằng" || last == "hàng" || last == "mỗi") && len(rest) > 1 {
			tail = append([]string{last, "năm"}, tail...) // "năm" went with the dates
			rest = rest[:len(rest)-1]
			continue
		}
		if last == "quân" && len(rest) > 2 && strings.ToLower(rest[len(rest)-2]) == "bình" {
			tail = append([]string{"bình", last}, tail...)
			rest = rest[:len(rest)-2]
			continue
		}
		break
	}
	if len(rest) == 0 {
		return subj, ind
	}
	rate := strings.TrimSpace(strings.ToLower(prefix) + strings.Join(append(tail, mods...), " "))
	return strings.Join(rest, " "), rate
}

// periodFor returns the time frame of quantity q: a time frame in its
// clause, else one earlier in its sentence, else the section heading's,
// else the last one the text named before.
func (f *targetFinder) periodFor(toks []tgTok, q tgQty, clauseStart, nextFirst, s0 int, dates []tgDate) *Period {
	qStart := toks[q.first].start
	cStart := toks[clauseStart%len(toks)].start
	if clauseStart >= len(toks) {
		cStart = toks[len(toks)-1].end
	}
	cEnd := toks[len(toks)-1].end
	if nextFirst < len(toks) {
		cEnd = toks[nextFirst].start
	}
	// "nhiệm kỳ" without years: the last term named
	for m := clauseStart; m < q.first && m < len(toks); m++ {
		if _, ok := tgPhraseAt(toks, m, []string{"nhiệm", "kỳ"}); ok && f.lastTerm != nil {
			if _, dated := f.dateAt(dates, toks[m].start); !dated {
				p := *f.lastTerm
				return &p
			}
		}
	}
	var before, after *tgDate
	for i := range dates {
		d := &dates[i]
		if !d.usable || f.baseDate(toks, s0, d) {
			continue // "so với năm 2023": a base, not the time frame
		}
		if d.end <= qStart && d.start >= cStart {
			before = d
		}
		if d.start >= toks[q.last-1].end && d.end <= cEnd && after == nil {
			after = d
		}
	}
	if before == nil && after != nil {
		// only a date right after the quantity in its clause
		before = after
	}
	if before != nil && after != nil && tgTrailingFrame(toks, clauseStart, q, before.start, after.start) {
		// "đạt 5.500 tấn/năm vào năm 2010, 10.000 tấn/năm vào năm 2015":
		// the date before is the previous figure's
		before = after
	}
	if before != nil && after != nil && tgOwnFrameAfter(toks, q, before.end, after.start) {
		// "… chiếm khoảng 5-6% vào năm 2025, phấn đấu đạt 8% vào năm
		// 2030": the figure's own frame wins over an earlier clause's
		before = after
	}
	if before == nil {
		// a time frame named earlier in the sentence holds for the
		// clauses after it ("… giai đoạn 2021-2025 từ 7,5-8%; tỷ trọng …")
		sStart := toks[s0].start
		lead := tgFirstSemicolon(toks, s0, q.first)
		var trailing *tgDate
		for i := range dates {
			d := &dates[i]
			if d.usable && d.end <= qStart && d.start >= sStart && !f.baseDate(toks, s0, d) && !tgOtherClauseYear(d, lead) {
				if d.p.Start != "" && d.p.Start == d.p.End && tgFigureFrame(toks, d.start) {
					// "đạt khoảng 340 tỷ USD vào năm 2025;": that
					// figure's own frame, not the sentence's
					trailing = d
					continue
				}
				before = d
			}
		}
		if before == nil {
			before = trailing
		}
	}
	if before != nil {
		p := before.p
		return &p
	}
	if f.running != nil && f.runningPara == f.curPara && f.curPara > 0 {
		// a time frame set earlier in the same paragraph ("Đến năm 2030,
		// …. Diện tích … đạt tối thiểu 6%.")
		p := *f.running
		return &p
	}
	if f.listFrame != nil {
		p := *f.listFrame
		return &p
	}
	if f.sectionHorizon != nil {
		p := *f.sectionHorizon
		return &p
	}
	if f.running != nil {
		p := *f.running
		return &p
	}
	return nil
}

// baseDate reports whether date d is a base of comparison (tgBaseBefore),
// not a time frame from a year on.
func (f *targetFinder) baseDate(toks []tgTok, s0 int, d *tgDate) bool {
	if d.p.End == "" && d.p.Start != "" {
		return false // "từ năm 2025 trở đi": a time frame from then on
	}
	j := sort.Search(len(toks), func(i int) bool { return toks[i].start >= d.start })
	return j < len(toks) && tgBaseBefore(toks, s0, j)
}

// tgJoin returns the words of toks at ix, spaced as written.
func tgJoin(toks []tgTok, ix []int) string {
	var b strings.Builder
	for k, i := range ix {
		if k > 0 {
			prev := ix[k-1]
			if prev+1 != i || toks[prev].spaceAfter {
				if !(toks[i].kind == tgPunct && (toks[i].raw == "," || toks[i].raw == "." || toks[i].raw == ")" || toks[i].raw == "%")) {
					b.WriteByte(' ')
				}
			}
		}
		b.WriteString(toks[i].raw)
	}
	return b.String()
}

// tgContiguous reports whether the first n indexes of ix follow each other.
func tgContiguous(ix []int, n int) bool {
	if n > len(ix) {
		return false
	}
	for k := 1; k < n; k++ {
		if ix[k] != ix[k-1]+1 {
			return false
		}
	}
	return true
}

// tgTrimTrail drops fillers, comparator leftovers and punctuation from the
// end of ix.
func tgTrimTrail(toks []tgTok, ix []int) []int {
	for len(ix) > 0 {
		last := ix[len(ix)-1]
		if toks[last].kind == tgPunct {
			ix = ix[:len(ix)-1]
			continue
		}
		if toks[last].low == "lên" && last > 0 && toks[last-1].low == "trở" {
			break // "người từ 65 tuổi trở lên": the qualifier ends there
		}
		if i, ok := tgTrailWords.endingAt(toks, last+1); ok && last+1-i <= len(ix) {
			ix = ix[:len(ix)-(last+1-i)]
			continue
		}
		break
	}
	return ix
}

// tgAllFiller reports whether ix holds only fillers ("ổn định", "bình quân").
func tgAllFiller(toks []tgTok, ix []int) bool {
	for _, i := range ix {
		switch toks[i].low {
		case "ổn", "định", "bình", "quân", "ở", "mức", "thêm":
		default:
			return false
		}
	}
	return true
}

// tgAfterPreposition reports whether toks[i] follows a preposition that
// makes a verb a noun ("chi cho đào tạo", "công tác về xử lý").
func tgAfterPreposition(toks []tgTok, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].low {
	case "cho", "về", "của":
		return true
	}
	return false
}

// tgAverageWords reports whether the words ix only say that a figure is
// an average or yearly ("bình quân hàng năm", "mỗi năm").
func tgAverageWords(toks []tgTok, ix []int) bool {
	for _, i := range ix {
		switch toks[i].low {
		case "bình", "quân", "hằng", "hàng", "mỗi", "năm", "trung":
		default:
			return false
		}
	}
	return len(ix) > 0
}

// tgFalseVerb reports whether the verb at toks[i] is part of a noun
// ("tăng trưởng", "gia tăng", "có thể").
func tgFalseVerb(toks []tgTok, i int) bool {
	w := toks[i].low
	if i > 1 && toks[i-1].low == "lệ" && (toks[i-2].low == "tỷ" || toks[i-2].low == "tỉ") || i > 0 && toks[i-1].low == "độ" {
		return true // "tỷ lệ hoàn thành", "tốc độ tăng": a noun ("vốn điều lệ | tăng" is none)
	}
	if i > 0 && (toks[i-1].low == "bị" || toks[i-1].low == "được") && w != "có" {
		return true // "đảng viên bị xử lý": a passive inside a noun phrase
	}
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].low
	}
	prev := ""
	if i > 0 {
		prev = toks[i-1].low
	}
	switch w {
	case "tăng":
		return next == "trưởng" || next == "cường" || prev == "gia" || next == "ca"
	case "giảm":
		return prev == "suy" || next == "nghèo" || prev == "cắt"
	case "có":
		return next == "thẩm" || next == "thể" || next == "sức" || next == "tính" || prev == "sở" || next == "hiệu"
	case "đầu":
		return true
	case "thu":
		return next == "nhập" || prev == "doanh" || prev == "nguồn" || prev == "khoản" || prev == "tổng" || prev == "số"
	case "tạo":
		return prev == "chế" || prev == "đào"
	case "đào":
		return prev == "qua"
	case "sản":
		return true
	case "xuất":
		return prev == "ngạch" || prev == "hàng" // "kim ngạch xuất khẩu": a noun
	case "phát":
		// "vốn đầu tư phát triển", "chi đầu tư phát triển": a noun
		return prev == "tư" && i > 1 && toks[i-2].low == "đầu"
	}
	return false
}

// tgShareVerbs are predicates of the people or things a share counts,
// besides tgVerbs ("lao động | qua đào tạo", "dân số | tiếp cận dịch vụ
// số").
var tgShareVerbs = newPhraseList("qua", "ứng dụng", "áp dụng", "tiếp cận", "theo học", "phủ sóng",
	"kết nối", "truy cập", "hài lòng", "hưởng", "thụ hưởng", "tốt nghiệp", "đi học", "biết",
	"mắc", "nhiễm", "chuyển đổi", "đăng ký", "thanh toán", "đóng vai trò", "trở thành", "chưa", "bảo đảm", "đảm bảo")

// tgSharePredicate returns the predicate inside the name of a share (the
// words after "tỷ lệ"): from its first verb ("dân số | tham gia bảo hiểm
// y tế", "người dân | được định danh số"), the whole name when it opens
// with one ("hoàn thành cấp trung học cơ sở"), "" when it has none ("che
// phủ rừng", "trẻ em dưới 15 tuổi").
func tgSharePredicate(name string) string {
	toks := tgTokenize(name, 0, len(name))
	for i, t := range toks {
		if t.kind != tgWord {
			continue
		}
		pred := t.low == "được" || t.low == "bị" || t.low == "có" && !tgFalseVerb(toks, i)
		if _, ok := tgVerbs.at(toks, i); ok && !tgFalseVerb(toks, i) {
			pred = true
		}
		if _, ok := tgShareVerbs.at(toks, i); ok {
			pred = true
		}
		if i > 0 && toks[i-1].low == "người" {
			pred = false // "người hưởng trợ cấp", "người sử dụng": a noun
		}
		if pred {
			return strings.TrimSpace(name[t.start:])
		}
	}
	return ""
}

// tgStartsWithHave reports whether phrase starts with the verb "có"
// ("có bằng cấp, chứng chỉ"): a predicate, not a subject.
func tgStartsWithHave(phrase string) bool {
	toks := tgTokenize(phrase, 0, len(phrase))
	return len(toks) > 1 && toks[0].low == "có" && !tgFalseVerb(toks, 0)
}

// tgTimeWord reports whether w is a time word left at the end of a subject
// once its date is gone.
func tgTimeWord(w string) bool {
	switch w {
	case "năm", "đến", "tới", "trong", "vào", "giai", "đoạn", "nay", "hết", "cuối", "đầu":
		return true
	}
	return false
}

// tgCleanPhrase trims punctuation and spaces and keeps NFC text.
func tgCleanPhrase(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, " ,;:.*_-–\"“”'")
	return strings.TrimSpace(s)
}

// tgNounAfter reports whether a noun phrase of its own follows a
// percentage at toks[i]: a word right after it that is neither a
// preposition ("trên cơ sở", "theo", "so với") nor a whole ("tổng số").
func tgNounAfter(toks []tgTok, i int) bool {
	if i >= len(toks) || toks[i].kind != tgWord {
		return false
	}
	switch toks[i].low {
	case "trên", "theo", "trong", "tại", "vào", "để", "nhằm", "do", "với", "so",
		"cho", "từ", "đến", "tới", "mỗi", "hằng", "hàng", "một", "tổng", "trở",
		"và", "hoặc", "nhưng", "thì", "là", "khi", "nếu", "sau", "trước":
		return false
	}
	return true
}

// tgHasMeasure splits a subject "X có M" whose M names a measure
// ("cá nhân có tổng điểm đánh giá", "tập thể có kết quả tổng điểm đánh
// giá") into X and M; "" when subj is none.
func tgHasMeasure(subj string) (who, measure string) {
	i := strings.Index(subj, " có ")
	if i <= 0 {
		return "", ""
	}
	m := subj[i+len(" có "):]
	low := strings.ToLower(m)
	for _, lead := range []string{"tổng điểm", "điểm", "kết quả", "số điểm", "tổng số điểm"} {
		if low == lead || strings.HasPrefix(low, lead+" ") {
			return strings.TrimSpace(subj[:i]), m
		}
	}
	return "", ""
}

// tgSeq returns the indexes a, a+1, …, b-1.
func tgSeq(a, b int) []int {
	ix := make([]int, 0, max(0, b-a))
	for i := a; i < b; i++ {
		ix = append(ix, i)
	}
	return ix
}

// tgLevelNouns name amounts a target sets a level of ("doanh thu",
// "lợi nhuận", "kim ngạch", "GDP bình quân đầu người").
var tgLevelNouns = []string{"doanh thu", "doanh số", "lợi nhuận", "lãi", "gdp", "grdp", "kim ngạch",
	"cung", "sản lượng", "công suất", "tiêu thụ", "lạm phát", "giá trị", "dư nợ", "thu nhập", "năng suất"}

// tgLevelIndicator returns the indicator of a target whose subject subj
// comes with no verb, with the copula ind ("là") or with "đạt": "tăng
// trưởng" when subj names a growth ("tăng trưởng GDP"), "đạt" when it
// names an amount (tgLevelNouns, with or without "tổng"), else ind.
func tgLevelIndicator(subj, ind string) string {
	low := strings.ToLower(strings.TrimSpace(subj))
	if strings.EqualFold(ind, "đạt") {
		// "tăng trưởng kinh tế đạt trên 8%": the growth is the criterion
		if strings.HasPrefix(low, "tăng trưởng ") {
			return "tăng trưởng"
		}
		return ind
	}
	if strings.HasPrefix(low, "tăng trưởng ") || low == "tăng trưởng" {
		return "tăng trưởng"
	}
	low = strings.TrimPrefix(low, "tổng ")
	for _, n := range tgLevelNouns {
		if low == n || strings.HasPrefix(low, n+" ") || strings.HasPrefix(low, n+",") {
			return "đạt"
		}
	}
	return ind
}

// tgCopula reports whether a verb phrase only links ("có", "là").
func tgCopula(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "có", "là", "có từ", "đạt", "":
		return true
	}
	return false
}

// tgMeasureVerb reports whether a verb phrase states the level a measure
// reaches ("đạt 95% dân số", "chiếm 30% GRDP"): the words after the
// percentage are then its base, not its subject.
func tgMeasureVerb(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, v := range []string{"đạt", "chiếm", "là", "bằng", "ở mức"} {
		if s == v || strings.HasPrefix(s, v+" ") {
			return true
		}
	}
	return false
}

// tgOwnShare reports whether a percentage followed by its own noun phrase
// measures that noun phrase though a subject and verb stand before it
// at a distance: the words before it end with a preposition ("điều trị
// cho 100% người nghiện …", "cho người học tại 100% nhà trường") or a
// coordinator after another item ("… nhà trường và trên 70% người lao
// động …"), so that they cannot be the share's subject.
func tgOwnShare(toks []tgTok, q tgQty) bool {
	// the word before the quantity's first token (its comparator included)
	i := q.first - 1
	for i >= 0 && (toks[i].raw == "*" || toks[i].raw == "_") {
		i--
	}
	if i < 0 {
		return false
	}
	switch toks[i].low {
	case "cho", "tại", "ở", "của", "với", "và", "hoặc", ",":
		return true
	}
	return false
}

// tgBiNoun are the words that make a word of "bị" ("thiết bị", "trang
// bị", "chuẩn bị"), which is then no passive.
var tgBiNoun = map[string]bool{"thiết": true, "trang": true, "chuẩn": true, "dự": true, "phòng": true, "sửa": true}

// tgVerbBefore reports whether toks[a:b] hold a verb (tgVerbs, not part
// of a noun) after their first word.
func tgVerbBefore(toks []tgTok, a, b int) bool {
	for m := a + 1; m < b; m++ {
		if _, ok := tgVerbs.at(toks, m); ok && !tgFalseVerb(toks, m) {
			return true
		}
	}
	return false
}

// tgLastPassive returns the last passive predicate ("được", "bị") of
// toks[a:b] with a word before it, -1 when there is none. "được giao"
// ("nhiệm vụ được giao") names a noun, it is no predicate.
func tgLastPassive(toks []tgTok, a, b int) int {
	last := -1
	for m := a + 1; m < b; m++ {
		if toks[m].raw == "," && m+1 < b && tgClauseAfterComma(toks, m+1) {
			break // "…, không có cá nhân bị kỷ luật": another clause
		}
		if (toks[m].low == "và" || toks[m].low == "hoặc") && m+1 < b && (toks[m+1].low == "không" || toks[m+1].low == "chưa") {
			break // "… và không có cá nhân bị kỷ luật"
		}
		if w := toks[m].low; w != "được" && w != "bị" {
			continue
		}
		if m+1 < b && toks[m+1].low == "giao" || toks[m-1].kind != tgWord {
			continue
		}
		if toks[m].low == "bị" && tgBiNoun[toks[m-1].low] {
			continue // "thiết bị", "trang bị": nouns and verbs of their own
		}
		last = m
	}
	return last
}

// tgClauseAfterComma reports whether toks[i], after a comma, opens a
// clause of its own rather than another item of a list of nouns: a
// negation, a predicate verb or a clause opener.
func tgClauseAfterComma(toks []tgTok, i int) bool {
	switch toks[i].low {
	case "không", "chưa", "trong", "trở":
		return true
	}
	if _, ok := tgVerbs.at(toks, i); ok && !tgFalseVerb(toks, i) {
		return true
	}
	_, ok := tgClauseOpeners.at(toks, i)
	return ok
}

// tgOnlyLeadWords reports whether toks[a:b] holds nothing but
// punctuation, a list label and leading connectives ("Cụ thể", "Theo
// đó"): a lead-in before a colon, not a row label.
func tgOnlyLeadWords(toks []tgTok, a, b int) bool {
	var ix []int
	for i := a; i < b; i++ {
		ix = append(ix, i)
	}
	return len(tgTrimLead(toks, ix)) == 0
}

// tgMarkerVerbs are the verbs that set a goal, left at the end of the
// words before a marker ("ngành gỗ Việt Nam đặt | mục tiêu …").
var tgMarkerVerbs = newPhraseList("đặt", "đặt ra", "đề ra", "dự kiến", "đưa ra", "hướng tới", "hướng đến", "nhắm", "kỳ vọng")

// beforeMarker trims the subject found before a target marker, the
// words toks[from:markStart]: a verb that sets the goal at its end ("…
// đặt | mục tiêu"), and what stands before its last comma when the words
// after the comma name something of their own ("Tuy nhiên, theo các
// chuyên gia, năm 2020, ngành gỗ Việt Nam đặt mục tiêu …").
func (f *targetFinder) beforeMarker(toks []tgTok, subj string, from, markStart int, dates []tgDate) (string, int) {
	if from < 0 || markStart > len(toks) {
		return subj, from
	}
	var ix []int
	for i := from; i < markStart; i++ {
		if _, isDate := f.dateAt(dates, toks[i].start); !isDate && toks[i].raw != "*" && toks[i].raw != "_" {
			ix = append(ix, i)
		}
	}
	trimmed := false
	for len(ix) > 0 {
		if i, ok := tgMarkerVerbs.endingAt(toks, ix[len(ix)-1]+1); ok && i >= from && i > ix[0] {
			for len(ix) > 0 && ix[len(ix)-1] >= i {
				ix = ix[:len(ix)-1]
			}
			trimmed = true
			continue
		}
		break
	}
	cut := -1
	for x := len(ix) - 1; x > 0; x-- {
		if toks[ix[x]].raw == "," {
			cut = x + 1
			break
		}
	}
	if cut > 0 && cut < len(ix) && tgNounWord(toks[ix[cut]]) || cut > 0 && cut < len(ix) && toks[ix[cut]].kind == tgWord && toks[ix[cut]].raw != toks[ix[cut]].low {
		ix = ix[cut:]
		trimmed = true
	}
	if !trimmed || len(ix) == 0 {
		return subj, from
	}
	ix = tgTrimLead(toks, ix)
	ix = tgTrimTrail(toks, ix)
	if len(ix) == 0 {
		return subj, from
	}
	return tgCleanPhrase(tgJoin(toks, ix)), ix[0]
}

// structureLabel returns the structure the last label before token upto
// names before its colon ("Cơ cấu kinh tế đến năm 2020: …" gives "cơ cấu
// kinh tế"); "" when there is none.
func (f *targetFinder) structureLabel(toks []tgTok, s0, upto int, dates []tgDate) string {
	var ix []int
	label := ""
	for i := s0; i < upto && i < len(toks); i++ {
		t := toks[i]
		if t.raw == ":" {
			// the last label before upto ("Mục tiêu: - Cơ cấu kinh tế: …")
			label = ""
			if len(ix) >= 2 && toks[ix[0]].low == "cơ" && toks[ix[1]].low == "cấu" {
				label = strings.ToLower(tgCleanPhrase(tgJoin(toks, tgTrimTime(toks, ix))))
			}
			ix = nil
			continue
		}
		if _, isDate := f.dateAt(dates, t.start); isDate || t.kind != tgWord {
			continue
		}
		ix = append(ix, i)
	}
	return label
}

// tgOrgLabelHeads open the name of a body that a breakdown lists row by
// row ("Ủy ban nhân dân xã, phường:", "Sở Nội vụ:", "Ban Chỉ đạo …:").
var tgOrgLabelHeads = newPhraseList("ủy ban", "uỷ ban", "ubnd", "ban", "sở", "cơ quan", "văn phòng", "tổ",
	"cục", "chi cục", "phòng", "trường", "bệnh viện", "hội", "đoàn", "công an", "bộ", "mặt trận",
	"liên đoàn", "đảng ủy", "đảng uỷ", "huyện ủy", "thành ủy", "tỉnh ủy", "xã", "phường", "huyện",
	"quận", "thị xã", "thành phố", "đơn vị", "trung tâm")

// orgRowLabel returns the body a row of a breakdown by organisation names
// before the quantity q: the label before a colon in q's sentence ("Cơ
// quan chuyên môn …: Chỉ tiêu xét tối đa 3 tập thể") or the line before
// the sentence when it ends with a colon ("Ban Chỉ đạo bầu cử của tỉnh:" /
// "Không quá 05 cá nhân"), with at most six words between the label and
// q; "" when there is none or it names no body.
func (f *targetFinder) orgRowLabel(toks []tgTok, q tgQty, s0 int) string {
	if q.first >= len(toks) || s0 > q.first {
		return ""
	}
	colon := -1
	// "Xét tối đa 15 tập thể và 30 cá nhân": a count joined to the one
	// before shares its row
	joined := q.first > 0 && (toks[q.first-1].low == "và" || toks[q.first-1].raw == ",")
	span := 6
	for i := q.first - 1; i >= s0; i-- {
		if toks[i].raw == ":" {
			colon = i
			break
		}
		if toks[i].kind == tgNum && !joined || toks[i].raw == ";" || toks[i].raw == "." {
			return ""
		}
		if toks[i].kind == tgNum {
			span = 10
		}
	}
	var label string
	switch {
	case colon >= 0 && q.first-colon-1 <= span:
		var ix []int
		for i := s0; i < colon; i++ {
			if t := toks[i]; t.kind != tgNum && t.raw != "*" && t.raw != "_" && !(t.kind == tgPunct && len(ix) == 0) {
				ix = append(ix, i)
			}
		}
		label = tgJoin(toks, ix)
	case colon < 0 && q.first-s0 <= span:
		// the line before the sentence
		end := strings.LastIndexByte(f.text[:toks[s0].start], '\n')
		if end < 0 {
			return ""
		}
		line := strings.TrimSpace(f.text[:end])
		line = line[strings.LastIndexByte(line, '\n')+1:]
		if !strings.HasSuffix(line, ":") {
			return ""
		}
		label = strings.Trim(line, "-+*_:•. \t")
	default:
		return ""
	}
	ltoks := tgTokenize(label, 0, len(label))
	k := 0
	for k < len(ltoks) && (ltoks[k].kind == tgNum || ltoks[k].kind == tgPunct || tgLabelWord(ltoks, k)) {
		k++ // "3. Ủy ban …", "a) Sở …"
	}
	if k == len(ltoks) || len(ltoks)-k > 30 {
		return ""
	}
	if _, ok := tgOrgLabelHeads.at(ltoks, k); !ok {
		return ""
	}
	return tgCleanPhrase(tgSpaces(label[ltoks[k].start:]))
}

// actorBefore returns the organisation that sets a goal in the words
// before its marker toks[markStart] ("MWG | đặt mục tiêu …", "Tập đoàn
// Xây dựng Hòa Bình cũng vừa | thông qua kế hoạch …"): a proper name
// or an abbreviation without a verb, after the last comma; "" when the
// words there are none.
func (f *targetFinder) actorBefore(toks []tgTok, s0, markStart int, dates []tgDate) string {
	if markStart <= s0 || markStart > len(toks) {
		return ""
	}
	from := s0
	for i := markStart - 1; i > s0; i-- {
		if r := toks[i].raw; r == "," || r == ";" || r == ":" || r == "(" {
			from = i + 1
			break
		}
	}
	var ix []int
	for i := from; i < markStart; i++ {
		t := toks[i]
		if _, isDate := f.dateAt(dates, t.start); isDate || t.kind != tgWord {
			if t.kind == tgNum || t.raw == "-" || t.raw == "&" {
				continue
			}
			if isDate {
				continue
			}
			return ""
		}
		switch t.low {
		case "cũng", "vừa", "đã", "sẽ", "đang", "mới", "còn", "thì", "năm", "nay", "này":
			continue
		}
		if _, ok := tgVerbs.at(toks, i); ok && !tgFalseVerb(toks, i) && t.raw == t.low {
			return "" // a verb, not a word of a name ("Xây dựng")
		}
		ix = append(ix, i)
	}
	for len(ix) > 0 {
		// "… đặt", "… đề ra", "… chỉ đặt", "… thông qua": the verb that
		// sets the goal
		if i, ok := tgMarkerVerbs.endingAt(toks, ix[len(ix)-1]+1); ok && i > ix[0] {
			for len(ix) > 0 && ix[len(ix)-1] >= i {
				ix = ix[:len(ix)-1]
			}
			continue
		}
		if w := toks[ix[len(ix)-1]].low; w == "đặt" || w == "đề" || w == "ra" || w == "chỉ" || w == "lên" || w == "dự" || w == "kiến" || w == "thông" || w == "qua" {
			ix = ix[:len(ix)-1]
			continue
		}
		break
	}
	if len(ix) == 0 || len(ix) > 10 {
		return ""
	}
	name := tgCleanPhrase(tgJoin(toks, ix))
	low := strings.ToLower(name)
	switch {
	case tgAcronym(toks[ix[0]]) && len(ix) <= 2:
		return name // "MWG", "PVT"
	case len(ix) == 1 && tgProperNoun(toks[ix[0]]) && isASCII(toks[ix[0]].raw):
		return name // "Vinacomin", "Lix"
	}
	for _, org := range []string{"tập đoàn ", "công ty ", "tổng công ty ", "ngân hàng ", "ctcp "} {
		if strings.HasPrefix(low, org) && len(ix) > 2 && tgProperNoun(toks[ix[len(ix)-1]]) {
			return name // "Tập đoàn Xây dựng Hòa Bình"
		}
	}
	return ""
}

// isASCII reports whether s has only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tgAcronym reports whether t is an abbreviation in capitals ("MWG", "DPM").
func tgAcronym(t tgTok) bool {
	return t.kind == tgWord && utf8.RuneCountInString(t.raw) > 1 && strings.ToUpper(t.raw) == t.raw && t.raw != t.low
}

// tgQtyClauseStart returns where the clause of a quantity really starts
// when the clause the scan gave it, toks[clauseStart:first], began right
// after another quantity in mid-phrase ("tỷ lệ trẻ em dưới 15 tuổi | đạt
// khoảng 22%"): after the last clause mark (";", ":", ",") before it in
// the sentence, or the sentence start. It returns -1 when the clause
// opened at a mark or with a coordinator ("…, đạt …", "và …"), or when
// the words up to the quantity before hold a predicate verb ("tín dụng
// tăng 10% đạt …": that quantity ends a clause of its own).
func tgQtyClauseStart(toks []tgTok, clauseStart, first, s0 int) int {
	if clauseStart <= s0 || clauseStart >= first || clauseStart > len(toks) {
		return -1
	}
	t := toks[clauseStart]
	if t.kind != tgWord || t.low == "và" || t.low == "hoặc" || t.low == "trong" {
		return -1
	}
	if p := toks[clauseStart-1]; p.kind == tgPunct {
		return -1
	}
	depth := 0
	from := s0
	for i := clauseStart - 1; i >= s0; i-- {
		switch toks[i].raw {
		case ")", "]":
			depth++
		case "(", "[":
			depth--
		case ";", ":", ",", ".":
			if depth <= 0 {
				from = i + 1
				i = s0
			}
		}
	}
	for i := from; i < clauseStart; i++ {
		if _, ok := tgVerbs.at(toks, i); ok && !tgFalseVerb(toks, i) {
			return -1 // "tín dụng tăng 10% | đạt …": the quantity before ends a clause
		}
	}
	// the quantity before qualifies a noun: "trẻ em dưới 15 tuổi",
	// "người từ 65 tuổi trở lên", "bình quân trên 1 ha"
	n := from
	for n < clauseStart && toks[n].kind != tgNum {
		n++
	}
	if n == clauseStart || n < from+2 || !tgQualifierWords[toks[n-1].low] || toks[n-2].kind != tgWord {
		return -1
	}
	return from
}

// tgQualifierWords stand between a noun and a quantity that qualifies it
// ("trẻ em dưới 15 tuổi", "giá trị sản xuất trên 1 ha").
var tgQualifierWords = map[string]bool{"dưới": true, "trên": true, "từ": true, "mỗi": true}

// tgLevelVerb reports whether a verb phrase only states the level a
// share reaches ("đạt", "chiếm", "bằng"), so that what the share is of
// completes it.
func tgLevelVerb(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	switch ws[0] {
	case "đạt", "chiếm", "bằng":
		return len(ws) == 1 || ws[1] == "tỷ" || ws[1] == "tỉ" || ws[1] == "khoảng"
	}
	return false
}

// shareBase returns what a percentage is a share of, the noun phrase
// right after it ("45% GRDP tỉnh", "100% dự toán", "5-6% trong tổng số
// DN"), up to a comma, a date, a verb or a connective; "" when no noun
// follows or the words after it have a predicate of their own.
func (f *targetFinder) shareBase(toks []tgTok, q tgQty, r tgRoleParts, dates []tgDate) string {
	if !strings.HasPrefix(q.unit.text, "%") || q.last >= len(toks) || r.ri != "" {
		return ""
	}
	m := q.last
	var ix []int
	if toks[m].low == "trong" && m+1 < len(toks) && toks[m+1].low == "tổng" {
		ix = append(ix, m) // "chiếm 5-6% trong tổng số DN"
		m++
	} else if !tgNounAfter(toks, m) {
		return ""
	}
scan:
	for ; m < len(toks) && len(ix) < 10; m++ {
		t := toks[m]
		if t.kind != tgWord {
			break
		}
		if _, isDate := f.dateAt(dates, t.start); isDate {
			break
		}
		if _, ok := tgVerbs.at(toks, m); ok && !tgFalseVerb(toks, m) {
			break
		}
		if t.low == "được" && m+1 < len(toks) && toks[m+1].low == "giao" {
			ix = append(ix, m) // "kế hoạch vốn được giao": a noun's
			continue
		}
		switch t.low {
		case "được", "bị", "so", "vào", "và", "hoặc", "để", "nhằm", "theo", "trở", "năm", "trong", "đến", "tới":
			break scan
		}
		ix = append(ix, m)
	}
	return tgJoin(toks, ix)
}

// tgForGroup returns the group a "Đối với X:" label opening the paragraph
// names ("- Đối với tập thể: Hoàn thành 100% …" is "tập thể"), when its
// colon comes before token upto; else "".
func tgForGroup(toks []tgTok, upto int) string {
	var ix []int
	for i := 0; i < upto && i < len(toks) && i < 60; i++ {
		t := toks[i]
		if t.raw == ":" {
			if len(ix) < 3 {
				return ""
			}
			if _, ok := tgPhraseAt(toks, ix[0], []string{"đối", "với"}); !ok || ix[1] != ix[0]+1 {
				return ""
			}
			return tgCleanPhrase(tgJoin(toks, ix[2:]))
		}
		if t.raw == "." || t.raw == ";" {
			return ""
		}
		if t.kind == tgPunct && len(ix) == 0 || t.raw == "*" || t.raw == "_" {
			continue // a bullet, emphasis
		}
		ix = append(ix, i)
	}
	return ""
}

// tgWithGroup places a subject within the group a label names: the group
// itself when the clause names none or only what it has ("có tổng số
// điểm …"), else "X của <group>" ("nhiệm vụ được giao của tập thể")
// unless the subject already names the group.
func tgWithGroup(subj, group string) string {
	low := strings.ToLower(subj)
	switch {
	case subj == "" || strings.HasPrefix(low, "có "):
		return group
	case strings.Contains(low, strings.ToLower(group)):
		return subj
	}
	return subj + " của " + group
}

// levelAfterGrowth returns the subject of the clause before a quantity's
// clause toks[clauseStart:] when that clause opens with a comma and a
// verb of level ("đạt", "lên mức", "ở mức", "bằng", "tương đương", after
// "ước" when estimated) right after another quantity ("tăng 36%, | đạt 4.400 tỷ đồng"):
// the words before that quantity, from the last ";" or ":" (or the
// sentence start), when they hold a subject.
func (f *targetFinder) levelAfterGrowth(toks []tgTok, clauseStart, s0 int, dates []tgDate) (string, int) {
	if clauseStart <= s0 || clauseStart+1 >= len(toks) || toks[clauseStart].raw != "," || toks[clauseStart-1].kind == tgPunct && toks[clauseStart-1].raw != "%" {
		return "", -1
	}
	v := clauseStart + 1
	if toks[v].low == "ước" && v+1 < len(toks) {
		v++ // "…, ước đạt 100 tỷ đồng": an estimated level
	}
	switch toks[v].low {
	case "đạt", "lên", "ở", "bằng", "tương":
	default:
		return "", -1
	}
	from := s0
	for i := clauseStart - 1; i > s0; i-- {
		if r := toks[i].raw; r == ";" || r == ":" || r == "." {
			from = i + 1
			break
		}
	}
	n := from
	for n < clauseStart && toks[n].kind != tgNum {
		n++
	}
	if n >= clauseStart {
		return "", -1
	}
	for i := n; i < clauseStart; i++ {
		if toks[i].raw == "," || toks[i].raw == ";" {
			return "", -1 // more than one quantity before
		}
	}
	subj, _, from2, _, _ := f.leftRolesAdj(toks, from, n, dates)
	return subj, from2
}

// tgProperNoun reports whether t opens a name: a capitalized word that is
// not an abbreviation ("Quốc hội", not "DNNVV").
func tgProperNoun(t tgTok) bool {
	if t.kind != tgWord || t.raw == t.low {
		return false
	}
	return strings.ToUpper(t.raw) != t.raw || utf8.RuneCountInString(t.raw) == 1
}

// growthOf returns what grows when a subject names only a growth
// ("tăng trưởng", "tốc độ tăng trưởng") and the words after quantity q
// say of what ("… 25% đối với các chỉ tiêu hoạt động", "… 8-9% về tấn
// hàng hóa"), with the token after them; "" when they do not.
func (f *targetFinder) growthOf(toks []tgTok, q tgQty, subj string, dates []tgDate) (string, int) {
	switch strings.ToLower(subj) {
	case "tăng trưởng", "tốc độ tăng trưởng", "mức tăng trưởng", "tăng":
	default:
		return "", -1
	}
	k := q.last
	if q.after > k {
		k = q.after
	}
	if k >= len(toks) {
		return "", -1
	}
	switch {
	case toks[k].low == "về" || toks[k].low == "của":
		k++
	case toks[k].low == "đối" && k+1 < len(toks) && toks[k+1].low == "với":
		k += 2
	default:
		return "", -1
	}
	var ix []int
	for ; k < len(toks) && toks[k].kind == tgWord; k++ {
		if _, isDate := f.dateAt(dates, toks[k].start); isDate {
			break
		}
		ix = append(ix, k)
	}
	ix = tgTrimTrail(toks, ix)
	if len(ix) == 0 {
		return "", -1
	}
	return tgJoin(toks, ix), ix[len(ix)-1] + 1
}

// tgYearlyBefore returns "hằng năm" (as written: "hàng năm", "mỗi năm")
// when it stands in toks[s0:first], the sentence before a quantity; else "".
func tgYearlyBefore(toks []tgTok, s0, first int) string {
	for i := s0; i+1 < first && i+1 < len(toks); i++ {
		switch toks[i].low {
		case "hằng", "hàng", "mỗi":
			if toks[i+1].low == "năm" {
				return toks[i].low + " năm"
			}
		}
	}
	return ""
}
