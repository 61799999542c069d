package extract

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/internal/lazyregexp"
)

// The target finder in steps, a file each: the document walk and its
// section context (this file); candidates, the sentence scan that finds
// each quantity and the state around it (targets_candidates.go); their
// features (targets_features.go) and the model that decides
// (targets_model.go, trained by targets_train.go); the roles of an
// accepted quantity (targets_roles.go), with whose figure it is — a
// company's, a quota's holder — apart (targets_owner.go); and the merging of restatements
// (targets_merge.go). Tables are read apart (targets_table.go); tokens and
// word classes are shared (targets_text.go, targets_lexicon.go).

// TargetContext is what the target extractor knows of the document beyond
// its text.
type TargetContext struct {
	// Number is the document's own number (its targets' source_number when
	// it is a resolution).
	Number string
	// Kind is the document's kind.
	Kind string
	// Issued is the document's issue or publication date (ISO), if known.
	Issued string
	// Dates are the document's dates, as FindDates found them. When nil,
	// FindTargets finds them itself.
	Dates []Date
	// Abbreviations are the document's abbreviations, for subject_expanded.
	Abbreviations []Abbreviation
	// Title is the document's title (trích yếu): a resolution or decision
	// that sets norms says so there (tgNormTitle).
	Title string
}

// MarshalJSON encodes p with null for an open start or end
// ({"start": null, "end": "2030"} for "đến năm 2030").
func (p Period) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Start NullString `json:"start"`
		End   NullString `json:"end"`
	}{NullString(p.Start), NullString(p.End)})
}

// UnmarshalJSON decodes a period whose start or end may be null.
func (p *Period) UnmarshalJSON(b []byte) error {
	var v struct {
		Start NullString `json:"start"`
		End   NullString `json:"end"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	p.Start, p.End = string(v.Start), string(v.End)
	return nil
}

// FindTargets returns the numeric targets that text sets out to reach.
//
// It is a pipeline of small rules, each explained where it is written:
//
//  1. paragraphs (lines) and sentences; headings and list intros set a
//     section context (a heading with "mục tiêu"/"chỉ tiêu" makes the list
//     under it targets, "đến năm 2025" in it is the list's horizon);
//  2. quantities: a number in digits or words with Vietnamese separators,
//     an optional range ("7,5 - 8%", "từ 12 đến 13%"), and a unit (per-unit
//     and scale words kept: "triệu đồng/người/năm"); dates, document
//     numbers, article numbers, ranks and durations are not quantities;
//  3. a left-to-right state over each sentence decides whether a quantity
//     is set out to be reached: target markers ("mục tiêu", "chỉ tiêu",
//     "phấn đấu", "đề ra", "kế hoạch", "kỳ vọng") switch it on, past and
//     forecast markers ("đã", "ước đạt", "năm qua", "dự báo", "dự kiến",
//     "có thể") switch it off, and weak markers ("đến năm 2025", "trở lên",
//     "không vượt quá", "duy trì") switch it on only from neutral; target
//     context carries over a few following sentences. A quantity compared
//     with a base ("so với", "cùng kỳ", "gấp"), after "thay vì", in
//     brackets, or a share of a plan ("52% dự toán") is never a target;
//  4. roles: comparator from the words around the number, subject and
//     indicator from the clause (subject–verb or verb–object order), period
//     from the clause, the sentence, the section heading or the text
//     before, source_number from the resolution the paragraph quotes (else
//     the document's own number), parent from "trong đó";
//  5. one record per distinct target: restatements (headline, lead,
//     caption, conclusion) merge into the body mention.
func FindTargets(text string, c TargetContext) []Target {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	f := newTargetFinder(text, c)
	if m, err := DefaultTargetModel(); err == nil && len(m.Weights) > 0 {
		f.model = m
	}
	f.run()
	return f.result()
}

// tgDate is a time frame mentioned in the text.
type tgDate struct {
	start, end int // byte span
	p          Period
	horizon    bool
	term       bool // a "nhiệm kỳ" period
	usable     bool // a time frame a target can belong to
	past       bool // a year, month or period before the document's time
	namesDoc   bool // the year in a document's name
}

// targetFinder is the state of one run of FindTargets: the text and what
// is known of it, the mentions found, the context carried along the text
// and the decision.
type targetFinder struct {
	text    string
	c       TargetContext
	conv    NumberConvention
	docYear int
	// textYear is docYear, or for an undated text the year it dates
	// most (dominantYear): what the date features weigh a year against.
	// Time frames keep docYear: a target quoted from a past year keeps
	// that year as its frame.
	textYear int
	dates    []tgDate
	nums     []citedNumber

	// failing: inside the failing level of a rating (trackFailingLevel),
	// opened by an item of label style failStyle or a heading of level
	// failHead
	failing   bool
	failStyle string
	failHead  int

	found []tgFound
	// leadTotal: 1 + the index in found of the total a lead-in line
	// ("Trong đó:") opened a list of item lines for, 0 none; leadPara
	// the paragraph of the last line of that list (leadInLine)
	leadTotal, leadPara int
	// lastCand: the last candidate decided, when rejected (noteLast);
	// leadPending: that candidate as the total of a list a lead-in line
	// opened, decided with the list's first item (markLeadItem)
	lastCand, leadPending *tgPendingTotal

	// context carried along the text
	sectionTarget   int     // heading level that made a target section, 0 none
	sectionPast     int     // heading level of a part reviewing results, 0 none
	sectionNorm     int     // heading level of a part setting norms or eligibility, 0 none
	normDoc         bool    // the document's title says it sets norms (tgNormTitle)
	listFrame       *Period // time frame of a list's intro ("… đến năm 2020:")
	listEnum        string  // label of the paragraph that set listFrame
	listTarget      bool    // the list's intro sets targets ("Các chỉ tiêu …:")
	listOpen        bool    // a list intro was seen and its list goes on
	sectionCriteria bool
	sectionHorizon  *Period
	horizonLevel    int
	lastTerm        *Period
	running         *Period // last time frame seen
	runningPara     int     // paragraph where running was set
	curPara         int     // paragraph being read
	carry           int     // sentences that target context still lasts
	carryCriteria   bool
	elabCarry       bool   // the carried context is that of targets spelt out ("Cụ thể, …")
	lastNumber      string // last document number seen
	lastNumberPara  int
	pageBreaks      []int       // byte offsets of the form feeds, in order
	heads           [3][]string // words of the current headings, by level
	headEnums       [3]string   // list labels of the current headings, by level
	headPara        int         // paragraph of the last heading, and its level
	headLevel       int
	section         int // paragraph of the last heading or labelled item ("(2)", "1."), -1 none

	// the decision: the model weighs each quantity's features; without
	// one, the rule machine's verdict stands
	model      *TargetModel
	collect    bool               // keep every candidate (training)
	cands      []TargetCandidate  // the candidates kept when collect is set
	scores     []float64          // the score of each target result returned
	cellCache  map[tgCell][]tgTok // tokens of the cells of the table being read
	tabSense   tgColumn           // what the caption of the table being read says of it
	tabUnit    *tgUnit            // the unit a caption gives the whole table ("ĐVT: tỷ đồng"), nil none
	tabUnitCol int                // the table's column headed "Đơn vị tính", -1 none
	tabPastCol bool               // a column of the table being read holds outturns ("Ước thực hiện", a past year)
	headFeats  []string           // features of the current headings (headFeatures)
	lex        [][]tgLexHit       // word classes of the paragraph being read
	lexFor     *tgTok             // the paragraph lex was made for
	companies  map[string]bool    // short names of the text's companies (companyShortNames), nil until read
}

// pageOf returns the 1-based page of offset (PageOf in O(log pages)).
func (f *targetFinder) pageOf(offset int) int {
	return sort.SearchInts(f.pageBreaks, offset) + 1
}

// newTargetFinder prepares the finder of text: its number convention, page
// breaks, cited document numbers, and its dates as time frames (tgDate).
func newTargetFinder(text string, c TargetContext) *targetFinder {
	f := &targetFinder{text: text, c: c, conv: DetectConvention(text), docYear: yearOf(c.Issued), section: -1}
	f.normDoc = tgNormTitle(c.Kind, c.Title)
	ds := c.Dates
	if ds == nil {
		ds = FindDates(text, f.docYear)
	}
	f.textYear = f.docYear
	if f.textYear == 0 {
		// an undated text (most news articles): the year it dates most
		f.textYear = dominantYear(text, ds)
	}
	for i := 0; ; {
		k := strings.IndexByte(text[i:], '\f')
		if k < 0 {
			break
		}
		f.pageBreaks = append(f.pageBreaks, i+k)
		i += k + 1
	}
	f.nums = findNumbers(text)
	sort.SliceStable(f.nums, func(i, j int) bool { return f.nums[i].start < f.nums[j].start })
	for _, d := range ds {
		if d.Offset < 0 || d.Offset+len(d.Text) > len(text) {
			continue
		}
		f.dates = append(f.dates, f.timeFrame(d))
	}
	sort.SliceStable(f.dates, func(i, j int) bool { return f.dates[i].start < f.dates[j].start })
	return f
}

// timeFrame describes date d as a time frame: a day frames no target; a
// year, month or period does unless it names a document ("Nghị định 73
// năm 2025") or lies before the document's year; a horizon ("đến năm
// 2030") has no start; a term ("nhiệm kỳ") ending in the document's year
// is the term under review.
func (f *targetFinder) timeFrame(d Date) tgDate {
	text := f.text
	td := tgDate{start: d.Offset, end: d.Offset + len(d.Text)}
	switch d.Grain {
	case GrainDay, GrainDatetime:
		td.p = Period{Start: yearPart(d.Start), End: yearPart(d.End)}
	default:
		td.usable = true
		td.p = Period{Start: yearPart(d.Start), End: yearPart(d.End)}
		if d.Grain == GrainYear && IsHorizon(text, d) {
			td.horizon = true
			td.p.Start = ""
		}
		if d.Grain == GrainYear && tgOnward(text[td.end:]) {
			// "từ năm 2025 trở đi": from that year on, with no end
			td.horizon = false
			td.p = Period{Start: yearPart(d.Start)}
		}
		if d.Grain == GrainPeriod && strings.Contains(strings.ToLower(tgBefore(text, td.start, 24)+d.Text), "nhiệm kỳ") {
			td.term = true
		}
		if f.namesDocument(td.start) {
			td.usable, td.namesDoc = false, true
		}
		if f.docYear > 0 && !td.horizon && td.p.End != "" {
			if y, err := strconv.Atoi(td.p.End); err == nil && y < f.docYear {
				td.usable = false // a past year frames no target
				td.past = !td.namesDoc
			}
			// a term ending in the document's year, begun before it, is
			// the term under review ("nhiệm kỳ 2010 - 2015" in 2015)
			if y, err := strconv.Atoi(td.p.End); err == nil && td.term && y == f.docYear {
				if y0, err := strconv.Atoi(td.p.Start); err == nil && y0 < f.docYear {
					td.past, td.usable = true, false
				}
			}
		}
	}
	return td
}

// tgOnward reports whether the text after a year says "from then on":
// "trở đi", "trở về sau".
func tgOnward(after string) bool {
	after = strings.TrimLeft(after, " *_")
	if len(after) > 24 {
		after = strings.ToValidUTF8(after[:24], "") // the words right after the year only
	}
	f := strings.Fields(strings.ToLower(after))
	return len(f) >= 2 && f[0] == "trở" && (strings.TrimRight(f[1], ",.;:") == "đi" || f[1] == "về" && len(f) >= 3 && strings.TrimRight(f[2], ",.;:") == "sau")
}

// tgBefore returns up to n bytes of text before offset, cut at a rune start.
func tgBefore(text string, offset, n int) string {
	s := offset - n
	if s < 0 {
		s = 0
	}
	for s < offset && !utf8.RuneStart(text[s]) {
		s++
	}
	return text[s:offset]
}

// namesDocument reports whether the date at offset is the year in a
// document's name ("Quy định 366-QĐ/TW năm 2025", "Nghị định 73 năm
// 2025"), not a time frame.
func (f *targetFinder) namesDocument(offset int) bool {
	before := strings.ToLower(strings.TrimRight(tgBefore(f.text, offset, 60), " "))
	// a number ending right before the date (f.nums is sorted by start)
	if i := sort.Search(len(f.nums), func(i int) bool { return f.nums[i].start >= offset }) - 1; i >= 0 {
		if n := f.nums[i]; n.end <= offset && offset-n.end <= 2 {
			return true
		}
	}
	ws := strings.Fields(before)
	if len(ws) >= 2 {
		last, prev := ws[len(ws)-1], ws[len(ws)-2]
		if last == "năm" {
			if len(ws) < 3 {
				return false
			}
			last, prev = ws[len(ws)-2], ws[len(ws)-3]
		}
		if last != "" && last[0] >= '0' && last[0] <= '9' {
			switch prev {
			case "định", "quyết", "tư", "luật", "thị", "dẫn", "luận", "số":
				return true
			}
		}
	}
	return false
}

// paraInfo describes one paragraph.
type paraInfo struct {
	span    tgSpan
	toks    []tgTok
	heading int    // heading level (1 top), 0 when not a heading
	enum    string // list label ("1.2", "(5)", "II"), "" when none
	prio    int
	title   bool // the document's title: it sets no section context
}

// run walks the paragraphs of the text: a table is read apart, once;
// another paragraph gets its label, heading level and rank, updates the
// section and list context, and has its sentences scanned.
func (f *targetFinder) run() {
	paras := tgParagraphs(f.text)
	tables := tgFindTables(f.text)
	ti := 0
	sawHeading := false
	for pi, ps := range paras {
		for ti < len(tables) && tables[ti].end < ps.start {
			ti++
		}
		if ti < len(tables) && ps.start >= tables[ti].start {
			// a table: read apart, once, at its first line
			if ps.start == tables[ti].start || pi == 0 || paras[pi-1].end < tables[ti].start {
				f.table(tables[ti])
			}
			continue
		}
		p := paraInfo{span: ps, toks: tgTokenize(f.text, ps.start, ps.end)}
		if len(p.toks) == 0 {
			continue
		}
		var next string
		if pi+1 < len(paras) {
			next = f.text[paras[pi+1].start:paras[pi+1].end]
		}
		p.enum = tgEnumLabel(p.toks)
		p.heading = tgHeadingLevel(f.text[ps.start:ps.end], p.toks, p.enum, next)
		if pi == 0 && p.heading == 0 && tgTitleLike(f.text[ps.start:ps.end], p.toks) {
			p.heading = 1 // the first line of a text is its title
		}
		p.heading = f.outlineLevel(p)
		if p.heading > 0 && !sawHeading {
			// the first heading of an article is its headline: what it
			// says is restated below, and it heads no section
			p.title = p.enum == "" && !strings.HasSuffix(strings.TrimRight(f.text[ps.start:ps.end], " *_"), ":") && !tgAllCaps(p.toks)
			sawHeading = true
		}
		p.prio = 0
		if p.heading > 0 {
			p.prio = 2
		} else if tgIsLeadOrCaption(f.text[ps.start:ps.end]) {
			p.prio = 1
		}
		if tgIsRule(f.text[ps.start:ps.end]) {
			continue
		}
		f.curPara = pi
		if p.heading > 0 || p.enum != "" {
			f.section = pi
		}
		f.enterList(p)
		f.enterParagraph(p)
		f.trackFailingLevel(p)
		f.leadInLine(p, pi)
		prevState := tgNeutral
		for _, se := range tgSentences(p.toks) {
			prevState = f.sentence(p, pi, se[0], se[1], prevState)
		}
		if p.heading > 0 {
			f.carry = 0
		}
	}
}

// outlineLevel returns the heading level of p in the outline above it: a
// heading labelled with a letter under one labelled with a number ("a) Về
// kinh tế:" under "2- Các chỉ tiêu chủ yếu đến năm 2020:") is one level
// deeper, not its sibling.
func (f *targetFinder) outlineLevel(p paraInfo) int {
	if p.heading == 2 && tgSubLabel(p.enum, f.headEnums[1]) {
		return 3
	}
	return p.heading
}

// tgSubLabel reports whether list label l is one level below label up: a
// letter under a number ("a" under "2"), a number with more parts under
// one with fewer ("2.1" under "2").
func tgSubLabel(l, up string) bool {
	if tgLabelKind(up) != 1 {
		return false
	}
	switch tgLabelKind(l) {
	case 2:
		return true
	case 1:
		return strings.Count(strings.Trim(l, "()"), ".") > strings.Count(strings.Trim(up, "()"), ".")
	}
	return false
}

// enterList ends the time frame of a list's intro at a paragraph that is
// no item of that list: a heading, a plain paragraph, or a sibling of the
// intro ("3-" after "2- Các chỉ tiêu chủ yếu đến năm 2020:").
func (f *targetFinder) enterList(p paraInfo) {
	if !f.listOpen {
		return
	}
	item := p.enum != "" || tgBulleted(p.toks)
	// a labelled group header ("a) Về kinh tế:") is part of the list
	group := p.enum != "" && strings.HasSuffix(strings.TrimRight(f.text[p.span.start:p.span.end], " *_\r\n"), ":")
	if !item || p.heading > 0 && !group || tgIsRomanLabel(p.enum) || p.enum != "" && tgSameLabelKind(p.enum, f.listEnum) {
		f.listFrame, f.listEnum, f.listTarget, f.listOpen = nil, "", false, false
	}
}

// tgSameLabelKind reports whether two list labels are of one kind: both
// numbers ("2", "3"), both letters ("a", "b") or both Roman numerals.
func tgSameLabelKind(a, b string) bool {
	return tgLabelKind(a) != 0 && tgLabelKind(a) == tgLabelKind(b)
}

// tgLabelKind sorts a list label: 1 a number ("2", "(3)"), 2 a letter
// ("a", "đ"), 3 a Roman numeral of two letters or more, 0 none.
func tgLabelKind(l string) int {
	l = strings.Trim(l, "()")
	switch {
	case l == "":
		return 0
	case l[0] >= '0' && l[0] <= '9':
		return 1
	case isRomanNumeral(l) && len(l) > 1:
		return 3
	}
	return 2
}

// enterParagraph updates the section context at a heading or a list item
// with a Roman numeral.
func (f *targetFinder) enterParagraph(p paraInfo) {
	level := p.heading
	if level == 0 && tgIsRomanLabel(p.enum) {
		level = 1 // "III- Giao Ban Chấp hành …": a new top-level part
	}
	if level == 0 {
		return
	}
	htoks := p.toks
	if p.heading == 0 {
		// a labelled paragraph ("I- Thông qua đánh giá kết quả …. Tốc độ
		// tăng trưởng …"): its first sentence is the heading
		if ss := tgSentences(p.toks); len(ss) > 0 {
			htoks = p.toks[ss[0][0]:ss[0][1]]
		}
	}
	f.setHead(level, htoks, p.enum)
	strong, criteria := tgHeadMarkers(htoks)
	// a group header ("Về kinh tế:") inside a list keeps the list's
	// context; a heading of tasks, solutions or results ends it
	line := strings.ToLower(strings.TrimLeft(f.text[p.span.start:p.span.end], " *_#-+"))
	if p.heading == 0 && len(htoks) > 0 && len(htoks) < len(p.toks) {
		line = strings.ToLower(strings.TrimLeft(f.text[p.span.start:htoks[len(htoks)-1].end], " *_#-+"))
	}
	bare := tgListLabel.ReplaceAllString(line, "") // "a) về kinh tế:"
	groupHeader := level == 3 && strings.HasSuffix(strings.TrimRight(line, " *_"), ":") &&
		(strings.HasPrefix(bare, "về ") || strings.HasPrefix(bare, "lĩnh vực") || strings.HasPrefix(bare, "nhóm"))
	if f.sectionPast > 0 && (level <= f.sectionPast || strong || criteria) && !groupHeader {
		f.sectionPast = 0
	}
	if tgForecastHeading(line) {
		// "II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM …": a part
		// that forecasts sets no targets, whatever its words; its figures
		// are treated as a review's
		strong, criteria = false, false
		f.sectionTarget, f.sectionCriteria, f.carry = 0, false, 0
		if f.sectionPast == 0 || level < f.sectionPast {
			f.sectionPast = level
		}
	}
	if f.sectionNorm > 0 && (level <= f.sectionNorm || strong) && !groupHeader {
		f.sectionNorm = 0
	}
	if !strong && !criteria {
		f.plainHeading(line, level)
		if tgNormHeading(line) && (f.sectionNorm == 0 || level < f.sectionNorm) {
			f.sectionNorm = level
		}
	}
	if f.sectionTarget > 0 && level <= f.sectionTarget && !strong && !criteria && !groupHeader {
		f.sectionTarget = 0
		f.sectionCriteria = false
	}
	if f.sectionHorizon != nil && level <= f.horizonLevel && !groupHeader {
		f.sectionHorizon = nil
	}
	if p.heading > 0 && (strong || criteria) && !p.title {
		if f.sectionTarget == 0 || level < f.sectionTarget {
			f.sectionTarget = level
		}
		f.sectionCriteria = criteria && !strong
	}
	if p.heading > 0 {
		f.headingHorizon(p, level, strong)
	}
}

// tgListLabel matches a list label opening a heading: "ii.", "1.2.",
// "a)", "3-".
var tgListLabel = lazyregexp.New(`^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-–]\s*`)

// tgNormHeadings are the words of a heading over a part that sets norms,
// support or eligibility rather than goals: how units are classified or
// delimited ("Tiêu chí phân định …", "phân loại đơn vị hành chính",
// "Tiêu chuẩn của xã hình thành sau sắp xếp", "thôn đặc biệt khó khăn"),
// what is paid, lent or funded ("Mức hỗ trợ", "Chính sách hỗ trợ",
// "Điều kiện cho vay", "lãi suất", "tài trợ", "kinh phí"), budget norms
// and splits ("Định mức phân bổ chi", "Tỷ lệ phần trăm (%) phân chia nguồn
// thu giữa các cấp ngân sách") and to what a text applies ("Phạm vi điều
// chỉnh"). Their figures are rules, not goals
// (ANNOTATING.md: norms and policy parameters, eligibility standards).
var tgNormHeadings = []string{"phân định", "phân loại", "sắp xếp", "đặc biệt khó khăn", "hỗ trợ",
	"cho vay", "lãi suất", "tài trợ", "kinh phí", "phạm vi", "định mức", "phân chia"}

// tgNormTitleWords, in the title of a resolution, decision or legal text,
// say that it sets norms: amounts, rates, prices, budget norms and splits
// ("Quy định mức thu học phí", "Về định mức phân bổ ngân sách và tỷ lệ
// phần trăm (%) đối với các khoản thu phân chia …", "Quy định chế độ …",
// "Quyết định về việc ban hành đơn giá thuê đất, thuê mặt nước": prices
// in a tariff are no targets, annotation.md).
// Its figures are rules, not goals (ANNOTATING.md), wherever they stand.
var tgNormTitleWords = []string{"định mức", "phân chia", "mức thu", "mức chi", "mức hỗ trợ", "mức phụ cấp",
	"lệ phí", "mức phí", "học phí", "giá dịch vụ", "bảng giá", "khung giá", "đơn giá", "chế độ"}

// tgNormTitle reports whether a document of kind with title sets norms
// (tgNormTitleWords): resolutions, decisions and legal texts only, since a
// plan or a report names its subject, not what it sets.
func tgNormTitle(kind, title string) bool {
	if kind != "resolution" && kind != "decision" && kindFamily(kind) != "legal" {
		return false
	}
	return tgContainsAny(strings.ToLower(title), tgNormTitleWords)
}

// tgNormHeading reports whether a heading's line (in lower case) names a
// part of norms or eligibility (tgNormHeadings).
func tgNormHeading(line string) bool {
	return tgContainsAny(line, tgNormHeadings)
}

// tgContainsAny reports whether s contains one of words.
func tgContainsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// tgForecastHeading reports whether a heading's line (in lower case)
// opens with "dự báo": "II. DỰ BÁO CÁC CHỈ TIÊU …", "1. Dự báo tình hình".
func tgForecastHeading(line string) bool {
	line = strings.Join(strings.Fields(line), " ")
	line = strings.TrimLeft(line, " *_#-+")
	line = tgListLabel.ReplaceAllString(line, "")
	line = strings.TrimLeft(line, " *_")
	return strings.HasPrefix(line, "dự báo ")
}

// tgHeadMarkers reports whether a heading's words hold a strong target
// marker ("mục tiêu", "chỉ tiêu") and a marker of criteria ("tiêu chí
// sau").
func tgHeadMarkers(htoks []tgTok) (strong, criteria bool) {
	for i := 0; i < len(htoks); {
		m, j, ok := tgMarkerAt(htoks, i)
		if !ok {
			i++
			continue
		}
		if m.kind == mkStrong {
			strong = true
		}
		if m.kind == mkCriteria {
			criteria = true
		}
		i = j
	}
	return strong, criteria
}

// plainHeading reads a heading without target markers (line, in lower
// case): one of tasks, solutions or results ends the target section, and
// one that reviews what was done opens a part of results at its level.
func (f *targetFinder) plainHeading(line string, level int) {
	for _, w := range []string{"nhiệm vụ", "giải pháp", "tổ chức thực hiện", "kết quả", "đánh giá", "tình hình", "kinh phí"} {
		if strings.Contains(line, w) {
			f.sectionTarget, f.sectionCriteria, f.carry = 0, false, 0
		}
	}
	// a part that reviews what was done ("I. TÌNH HÌNH …", "Đánh giá
	// kết quả thực hiện nhiệm kỳ …", "Kết quả đạt được"): its figures
	// are results until the next part of its level
	ahead := false // "… phương hướng, nhiệm vụ 6 tháng cuối năm": work ahead too
	// ("… phương hướng …") or criteria to assess by ("tiêu chí đánh
	// giá kết quả …") make no review
	for _, w := range []string{"phương hướng", "định hướng", "dự báo", " tới", "sắp tới", "cuối năm",
		"tiếp theo", "tiêu chí", "tiêu chuẩn", "xếp loại", "khung", "quy định", "hướng dẫn", "mẫu"} {
		ahead = ahead || strings.Contains(line, w)
	}
	for _, w := range []string{"kết quả thực hiện", "kết quả đạt", "đánh giá kết quả", "tình hình", "nhìn lại",
		"thành tựu", "kết quả công tác", "kết quả lãnh đạo", "kết quả năm", "kết quả nhiệm kỳ",
		"kết quả 6 tháng", "kết quả sáu tháng", "kết quả triển khai", "kết quả phát triển"} {
		at := strings.Index(line, w)
		if !ahead && at >= 0 && len(strings.Fields(line[:at])) <= 6 && !strings.HasPrefix(strings.TrimLeft(line, "0123456789.-)( "), "việc") &&
			(f.sectionPast == 0 || level < f.sectionPast) {
			f.sectionPast = level
		}
	}
}

// headingHorizon sets the section's horizon from a heading's time frame:
// a horizon, a period, or any time frame of a target heading; a plain
// year frames no list.
func (f *targetFinder) headingHorizon(p paraInfo, level int, strong bool) {
	set := false
	for _, d := range f.datesIn(p.span.start, p.span.end) {
		if !d.usable || !(strong || d.horizon || d.p.Start != d.p.End) {
			continue // a plain year in a heading frames no list
		}
		if set && strings.HasSuffix(strings.ToLower(strings.TrimSpace(tgBefore(f.text, d.start, 40))), "tầm nhìn đến năm") {
			continue // "đến năm 2030, tầm nhìn đến năm 2045": the targets' horizon is 2030
		}
		set = true
		pp := d.p
		f.sectionHorizon = &pp
		f.horizonLevel = level
		if d.term {
			f.lastTerm = &pp
		}
	}
}

// datesIn returns the dates inside [start, end).
func (f *targetFinder) datesIn(start, end int) []tgDate {
	var out []tgDate
	i := sort.Search(len(f.dates), func(i int) bool { return f.dates[i].start >= start })
	for ; i < len(f.dates) && f.dates[i].start < end; i++ {
		if d := f.dates[i]; d.end <= end {
			out = append(out, d)
		}
	}
	return out
}

// futureYear reports whether the year y is not before the document's year
// (true when either is unknown).
func (f *targetFinder) futureYear(y string) bool {
	if f.docYear == 0 {
		return true
	}
	n, err := strconv.Atoi(y)
	return err != nil || n >= f.docYear
}

// dateAt returns the date of dates that holds offset.
func (f *targetFinder) dateAt(dates []tgDate, offset int) (tgDate, bool) {
	for _, d := range dates {
		if d.start <= offset && offset < d.end {
			return d, true
		}
	}
	return tgDate{}, false
}

// numberAt returns the cited document number that holds offset.
func (f *targetFinder) numberAt(offset int) (citedNumber, bool) {
	// the last number starting at or before offset
	i := sort.Search(len(f.nums), func(i int) bool { return f.nums[i].start > offset }) - 1
	if i >= 0 && f.nums[i].start <= offset && offset < f.nums[i].end {
		return f.nums[i], true
	}
	return citedNumber{}, false
}

// numberOrDate reports whether a document number or a date starts at offset.
func (f *targetFinder) numberOrDate(offset int) (int, bool) {
	if n, ok := f.numberAt(offset); ok {
		return n.end, true
	}
	i := sort.Search(len(f.dates), func(i int) bool { return f.dates[i].start > offset }) - 1
	if i >= 0 && f.dates[i].start <= offset && offset < f.dates[i].end {
		return f.dates[i].end, true
	}
	return 0, false
}

// tgEnumLabel returns the list label opening a paragraph: "1.2", "(5)",
// "II", "a", "-".
func tgEnumLabel(toks []tgTok) string {
	// emphasis before the label ("**2. Mục tiêu cụ thể**", "*2.1. Đến
	// năm 2030*") hides no label
	for len(toks) > 2 && (toks[0].raw == "*" || toks[0].raw == "_") {
		toks = toks[1:]
	}
	if len(toks) < 2 {
		return ""
	}
	t0 := toks[0]
	if t0.raw == "(" && len(toks) > 2 && toks[2].raw == ")" {
		return "(" + toks[1].raw + ")"
	}
	nx := toks[1].raw
	if t0.kind == tgNum && (nx == "." || nx == ")" || tgIsDash(nx)) {
		return t0.raw
	}
	if t0.kind == tgWord && (nx == "." || nx == ")" || tgIsDash(nx)) && !toks[0].spaceAfter {
		if isRomanNumeral(t0.raw) || utf8.RuneCountInString(t0.raw) == 1 {
			return t0.raw
		}
	}
	return ""
}

// tgIsRomanLabel reports whether a list label is a Roman numeral.
func tgIsRomanLabel(l string) bool {
	return l != "" && isRomanNumeral(l) && strings.ToUpper(l) == l
}

// tgHeadingLevel returns 1 for a title or a top-level heading (Markdown
// "#", a line underlined with "===" or "---", a line in capitals, a Roman
// numeral), 2 for a numbered heading, 3 for another short line that ends
// with a colon or without a full stop ("Về kinh tế:"), and 0 for prose.
func tgHeadingLevel(line string, toks []tgTok, enum, next string) int {
	if len(toks) > 80 {
		return 0 // far too long for a heading
	}
	words := 0
	upper, letters := 0, 0
	for _, t := range toks {
		if t.kind == tgWord {
			words++
			for _, r := range t.raw {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						upper++
					}
				}
			}
		}
	}
	trim := strings.TrimRight(line, " *_")
	if words == 0 || words > 30 {
		return 0
	}
	if strings.HasPrefix(line, "#") || tgIsRule(next) && !tgIsRule(line) {
		return 1
	}
	endsColon := strings.HasSuffix(trim, ":")
	endsStop := strings.HasSuffix(trim, ".") || strings.HasSuffix(trim, ";") || strings.HasSuffix(trim, "…")
	if letters >= 6 && upper*10 >= letters*9 && words >= 2 {
		return 1
	}
	if tgIsRomanLabel(enum) && words <= 20 && !endsStop {
		return 1
	}
	if enum != "" && (endsColon || (!endsStop && words <= 15)) {
		return 2
	}
	if endsColon && words <= 20 {
		return 3
	}
	if strings.HasPrefix(line, "**") && strings.HasSuffix(trim+"**", "**") && words <= 20 && !endsStop {
		return 3
	}
	if !endsStop && words <= 8 && !strings.ContainsAny(line, ",;") {
		return 3
	}
	return 0
}

// tgIsRule reports whether line is a Markdown rule or underline.
func tgIsRule(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) < 3 {
		return false
	}
	return strings.Trim(line, "=-_*") == ""
}

// tgIsLeadOrCaption reports whether a paragraph is a lead excerpt (a
// Markdown link opening it, a line cut with "…") or a picture caption.
func tgIsLeadOrCaption(line string) bool {
	return strings.HasPrefix(line, "[") || strings.HasPrefix(line, "!") ||
		strings.Contains(line, "Ảnh:") || strings.Contains(line, "ảnh:") || strings.HasSuffix(strings.TrimSpace(line), "…") ||
		strings.HasPrefix(line, "*") && !strings.HasPrefix(line, "**")
}

// tgTitleLike reports whether a first line reads as a title: short, with
// no full stop at its end.
func tgTitleLike(line string, toks []tgTok) bool {
	words := 0
	for _, t := range toks {
		if t.kind == tgWord {
			words++
		}
	}
	trim := strings.TrimRight(line, " *_")
	return words > 0 && words <= 25 && !strings.HasSuffix(trim, ".") && !strings.HasSuffix(trim, ";")
}

// tgAllCaps reports whether the words of toks are all in capitals (a
// section heading of an official document, "II- MỤC TIÊU, CHỈ TIÊU").
func tgAllCaps(toks []tgTok) bool {
	letters, upper := 0, 0
	for _, t := range toks {
		if t.kind != tgWord {
			continue
		}
		for _, r := range t.raw {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	return letters >= 6 && upper*10 >= letters*9
}

// tgBulleted reports whether a paragraph's tokens open with a bullet.
func tgBulleted(toks []tgTok) bool {
	if len(toks) == 0 || toks[0].kind != tgPunct {
		return false
	}
	switch toks[0].raw {
	case "-", "+", "•", "–", "*", "●", "○", "▪":
		return len(toks) > 1 && toks[1].raw != toks[0].raw
	}
	return false
}

// dateStartAt returns the start of the date that holds offset, or offset.
func (f *targetFinder) dateStartAt(offset int) int {
	i := sort.Search(len(f.dates), func(i int) bool { return f.dates[i].start > offset }) - 1
	if i >= 0 && f.dates[i].start <= offset && offset < f.dates[i].end {
		return f.dates[i].start
	}
	return offset
}
