package extract

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

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

type tgMarker struct {
	words []string
	kind  int
}

var tgMarkers = func() []tgMarker {
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
	// longest first
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && len(ms[j].words) > len(ms[j-1].words); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	return ms
}()

// tgMarkersByFirst indexes tgMarkers by their first word.
var tgMarkersByFirst = func() map[string][]tgMarker {
	m := map[string][]tgMarker{}
	for _, mk := range tgMarkers {
		m[mk.words[0]] = append(m[mk.words[0]], mk)
	}
	return m
}()

// Comparator words that may stand before the upper end of a range.
var tgRangeBound = newPhraseList("dưới", "không quá", "không vượt quá", "trên", "khoảng")

// Words opening a condition, and quantifiers before a noun.
var (
	tgConditions  = newPhraseList("trường hợp", "nếu", "khi", "đối với trường hợp")
	tgQuantifiers = newPhraseList("các", "những", "số", "tổng số", "số lượng")
)

// tgMarkerAt returns the marker starting at toks[i].
func tgMarkerAt(toks []tgTok, i int) (tgMarker, int, bool) {
	if i >= len(toks) || toks[i].kind != tgWord {
		return tgMarker{}, i, false
	}
	for _, m := range tgMarkersByFirst[toks[i].low] {
		if j, ok := tgPhraseAt(toks, i, m.words); ok {
			return m, j, true
		}
	}
	return tgMarker{}, i, false
}

// Comparator words before a number, and after it.
var (
	cmpGE = newPhraseList("tối thiểu", "ít nhất", "không dưới", "không thấp hơn",
		"không ít hơn", "tối thiểu là", "ít nhất là", "tối thiểu đạt", "ít nhất đạt")
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
	"biểu", "form", "iso", "tcvn", "qcvn", "hotline", "điện thoại", "fax")

// Words after a number that make it a share of a plan or budget, an
// outturn ("đạt 52% dự toán", "đạt 98% kế hoạch").
var tgShareOf = newPhraseList("dự toán", "kế hoạch", "kế hoạch năm",
	"so với", "so cùng kỳ", "cùng kỳ")

// Words after "X%" that make it a share of a plan: an outturn.
var tgPlanShare = newPhraseList("dự toán", "kế hoạch", "so với chỉ tiêu",
	"so với kế hoạch", "so với dự toán")

// Words before a number that restate another figure ("tương đương 29%").
var tgRestate = newPhraseList("tương đương", "tương ứng", "lần lượt", "tương đương với")

// Rates set by rule, not targets: taxes, fees, interest ("khấu trừ thuế
// TNCN 10%", "lãi suất 6%").
var tgRates = newPhraseList("thuế suất", "mức thuế", "thuế thu nhập cá nhân", "thuế tncn",
	"thuế giá trị gia tăng", "thuế gtgt", "thuế nhập khẩu", "thuế xuất khẩu", "mức phí",
	"phí", "lệ phí", "lãi suất", "khấu trừ", "trích lập", "chiết khấu", "hoa hồng")

// Number words that are also common other words ("năm" year, "một" a,
// "ba" father): alone before a noun they count only a listed unit.
var tgAmbiguousNumberWord = map[string]bool{"năm": true, "một": true, "ba": true, "bảy": true, "tám": true, "chín": true, "sáu": true}

// Words before "phí" that make it no fee: "miễn phí" (free of charge),
// "chi phí" (costs), "kinh phí" (funds).
var tgNotAFee = map[string]bool{"miễn": true, "chi": true, "kinh": true}

// Words after "X%" that make it a tax or fee relief or rate.
var tgTaxAfter = newPhraseList("số thuế", "tiền thuế", "thuế", "lệ phí", "phí", "mức phí",
	"mức thu", "tiền phạt", "lãi suất")

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
	"bê tông hoá", "nhựa hóa", "nhựa hoá", "trồng mới", "xây dựng mới")

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
	"là", "ở", "cả nhiệm kỳ", "nhiệm kỳ", "đã", "sẽ", "phải")

// Words stripped from the end of a subject.
var tgTrailWords = newPhraseList("ở mức", "mức", "ở", "bình quân", "đạt mức",
	"vào", "lên", "xuống", "còn", "đến", "tới", "trong", "của", "với", "và",
	"cả", "hằng năm", "hàng năm", "mỗi năm", "từ", "khoảng", "tổng", "với tỷ lệ",
	"tỷ lệ", "tỉ lệ")

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
}

// tgFound is one target mention before de-duplication.
type tgFound struct {
	t        Target
	score    float64 // the model's raw score (0 without a model)
	offset   int
	parent   int // index in finder.found, or -1
	prio     int // 0 body, 1 lead or caption, 2 heading
	enum     string
	sentence int  // byte offset of the sentence
	para     int  // paragraph index
	listItem bool // the paragraph is an item of a list ("1.", "a)", "-")
	sentToks map[string]bool
	textToks map[string]bool
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

type targetFinder struct {
	text    string
	c       TargetContext
	conv    NumberConvention
	docYear int
	dates   []tgDate
	nums    []citedNumber

	found []tgFound

	// context carried along the text
	sectionTarget   int     // heading level that made a target section, 0 none
	sectionPast     int     // heading level of a part reviewing results, 0 none
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
	lastNumber      string // last document number seen
	lastNumberPara  int
	pageBreaks      []int       // byte offsets of the form feeds, in order
	heads           [3][]string // words of the current headings, by level
	headPara        int         // paragraph of the last heading, and its level
	headLevel       int

	// the decision: the model weighs each quantity's features; without
	// one, the rule machine's verdict stands
	model     *TargetModel
	collect   bool               // keep every candidate (training)
	cands     []TargetCandidate  // the candidates kept when collect is set
	scores    []float64          // the score of each target result returned
	cellCache map[tgCell][]tgTok // tokens of the cells of the table being read
	headFeats []string           // features of the current headings (headFeatures)
	lex       [][]tgLexHit       // word classes of the paragraph being read
	lexFor    *tgTok             // the paragraph lex was made for
}

// pageOf returns the 1-based page of offset (PageOf in O(log pages)).
func (f *targetFinder) pageOf(offset int) int {
	return sort.SearchInts(f.pageBreaks, offset) + 1
}

func newTargetFinder(text string, c TargetContext) *targetFinder {
	f := &targetFinder{text: text, c: c, conv: DetectConvention(text), docYear: yearOf(c.Issued)}
	ds := c.Dates
	if ds == nil {
		ds = FindDates(text, f.docYear)
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
		f.dates = append(f.dates, td)
	}
	sort.SliceStable(f.dates, func(i, j int) bool { return f.dates[i].start < f.dates[j].start })
	return f
}

// tgInSubject is the veto of a count inside a subject ("kinh tế của 28
// tỉnh"): the clause goes on past it.
const tgInSubject = "part of a noun phrase"

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

// tgBaseBefore reports whether the words before toks[j] make the date at j
// a base of comparison or a starting point ("so với năm 2020", "gấp 2 lần
// năm 2010", "từ năm 2020", "kể từ"), not the time of the figure.
func tgBaseBefore(toks []tgTok, s0, j int) bool {
	for m := j - 1; m >= s0 && m >= j-4; m-- {
		switch toks[m].low {
		case "so", "gấp", "từ", "kể", "sau", "trước", "với", "lần":
			return true
		case ",", ";", ":":
			return false
		}
	}
	return false
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
		f.enterList(p)
		f.enterParagraph(p)
		prevState := tgNeutral
		for _, se := range tgSentences(p.toks) {
			prevState = f.sentence(p, pi, se[0], se[1], prevState)
		}
		if p.heading > 0 {
			f.carry = 0
		}
	}
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
	kind := func(l string) int {
		l = strings.Trim(l, "()")
		switch {
		case l == "":
			return 0
		case l[0] >= '0' && l[0] <= '9':
			return 1
		case isRomanNumeral(l) && len(l) > 1:
			return 3
		default:
			return 2
		}
	}
	return kind(a) != 0 && kind(a) == kind(b)
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
	strong, criteria := false, false
	htoks := p.toks
	f.setHead(level, htoks)
	if p.heading == 0 {
		// a labelled paragraph ("I- Thông qua đánh giá kết quả …. Tốc độ
		// tăng trưởng …"): its first sentence is the heading
		if ss := tgSentences(p.toks); len(ss) > 0 {
			htoks = p.toks[ss[0][0]:ss[0][1]]
		}
	}
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
	// a group header ("Về kinh tế:") inside a list keeps the list's
	// context; a heading of tasks, solutions or results ends it
	line := strings.ToLower(strings.TrimLeft(f.text[p.span.start:p.span.end], " *_#-+"))
	if p.heading == 0 && len(htoks) > 0 && len(htoks) < len(p.toks) {
		line = strings.ToLower(strings.TrimLeft(f.text[p.span.start:htoks[len(htoks)-1].end], " *_#-+"))
	}
	groupHeader := level == 3 && strings.HasSuffix(strings.TrimRight(line, " *_"), ":") &&
		(strings.HasPrefix(line, "về ") || strings.HasPrefix(line, "lĩnh vực") || strings.HasPrefix(line, "nhóm"))
	if f.sectionPast > 0 && (level <= f.sectionPast || strong || criteria) && !groupHeader {
		f.sectionPast = 0
	}
	if !strong && !criteria {
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

// sentence classifies and records the targets of toks[s0:s1] of paragraph p.
func (f *targetFinder) sentence(p paraInfo, pi, s0, s1, prevState int) int {
	toks := p.toks
	start, end := toks[s0].start, toks[s1-1].end
	sentText := f.text[start:end]
	question := strings.HasSuffix(strings.TrimRight(sentText, " *_\"”)"), "?")

	state := tgNeutral
	criteria := false
	// carried: the target state comes only from the sentences before; a
	// quantity then needs the shape of a target of its own.
	carried := false
	switch {
	case prevState == tgNotTarget:
		state = tgNotTarget
	case f.sectionTarget > 0:
		state, criteria = tgTarget, f.sectionCriteria
	case f.listTarget:
		state = tgTarget
	case f.carry > 0:
		state, criteria = tgTarget, f.carryCriteria
		carried = !criteria
	}
	startState := state
	conditional := false
	markerInSentence := false
	if s0 < s1 {
		if _, ok := tgConditions.at(toks, s0); ok {
			conditional = true
		}
	}
	dates := f.datesIn(start, end)
	// document numbers quoted in this sentence
	sentNumber := ""
	for i := sort.Search(len(f.nums), func(i int) bool { return f.nums[i].start >= start }); i < len(f.nums) && f.nums[i].start < end; i++ {
		if f.nums[i].end <= end {
			sentNumber = normalizeNumber(f.nums[i].number)
		}
	}

	var qs []tgQty
	clauseStart := s0
	lastMarkerEnd, lastMarkerStart := -1, -1
	trongDo := -1 // token after the "trong đó" of the current sub-target scope
	trongDoSentence := false
	type pending struct {
		q                 tgQty
		clauseStart       int
		markStart, markEd int
		isTarget          bool
		sub               bool
		feats             []string
	}
	var items []pending
	depth := 0
	for j := s0; j < s1; {
		t := toks[j]
		if d, ok := f.dateAt(dates, t.start); ok {
			for j < s1 && toks[j].start < d.end {
				j++
			}
			if d.usable {
				if state == tgNeutral && d.horizon && f.futureYear(d.p.End) {
					state = tgTarget
				}
			}
			if d.past && depth == 0 && !tgBaseBefore(toks, s0, j) {
				// "năm 2014 đạt 24 triệu đồng", "nhiệm kỳ 2010 - 2015" in a
				// text of 2015: what a past time frame reached is a result
				state = tgNotTarget
			}
			continue
		}
		if n, ok := f.numberAt(t.start); ok {
			for j < s1 && toks[j].start < n.end {
				j++
			}
			continue
		}
		switch t.raw {
		case "(", "[":
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
			}
		case ";", ":":
			if depth == 0 {
				clauseStart = j + 1
				if _, ok := tgConditions.at(toks, j+1); ok {
					conditional, startState = true, state
				}
				lastMarkerEnd, lastMarkerStart = -1, -1
				if t.raw == ";" && !trongDoSentence {
					trongDo = -1
				}
			}
		}
		if k, ok := tgPhraseAt(toks, j, []string{"trong", "đó"}); ok {
			trongDo = k
			if j == s0 || (j == s0+1 && toks[s0].kind == tgPunct) {
				trongDoSentence = true
			}
			clauseStart = k
			lastMarkerEnd, lastMarkerStart = -1, -1
			j = k
			continue
		}
		// "Trường hợp …, thì …": the condition is hypothetical; its markers
		// do not hold for the main clause.
		if t.low == "thì" && conditional {
			state, conditional = startState, false
		}
		// "kết nạp được 836 đảng viên": a verb with "được" before a number
		// reports what was achieved.
		if t.low == "được" && j+1 < s1 && toks[j+1].kind == tgNum {
			state = tgNotTarget
		}
		if m, k, ok := tgMarkerAt(toks, j); ok && depth == 0 {
			if m.kind != mkNone {
				carried = false
			}
			switch m.kind {
			case mkStrong:
				state = tgTarget
				markerInSentence = true
				lastMarkerStart, lastMarkerEnd = j, k
			case mkCriteria:
				state, criteria = tgTarget, true
			case mkWeak:
				if state == tgNeutral {
					state = tgTarget
				}
			case mkPast:
				if !(criteria && m.words[0] == "đã") {
					state = tgNotTarget
				}
			case mkForecast:
				state = tgNotTarget
			case mkWeakPast:
				if state == tgNeutral {
					state = tgNotTarget
				}
			}
			if m.kind != mkWeak || m.words[0] == "duy" || m.words[0] == "giữ" || m.words[0] == "bảo" || m.words[0] == "đảm" {
				j = k
				continue
			}
		}
		q, ok := f.quantityAt(p, j, s0, s1)
		if !ok {
			j++
			continue
		}
		if depth > 0 {
			q.veto = "in brackets"
		}
		sub := trongDo >= 0
		shaped := !carried || sub || q.bound || tgReachVerbBefore(toks, clauseStart, q.first)
		// a quantity inside a condition ("Trường hợp … hai đơn vị trở
		// lên, …") states when a rule applies, not what to reach
		rule := q.veto == "" && !question && !conditional && f.sectionPast == 0 && (!q.planShare || state == tgTarget && (markerInSentence || q.cmp != "=" && !carried)) &&
			(!q.relYear || state == tgTarget && !carried && !tgAfterFigure(toks, qs, q)) &&
			(state == tgTarget && shaped || state == tgNeutral && q.bound && tgReachVerbBefore(toks, clauseStart, q.first))
		cs := candState{state: state, startState: startState, criteria: criteria, carried: carried,
			conditional: conditional, question: question, marker: markerInSentence, shaped: shaped, sub: sub,
			rule: rule, clauseStart: clauseStart, markStart: lastMarkerStart, s0: s0, s1: s1,
			labelRow: clauseStart > s0+1 && clauseStart <= len(toks) && toks[clauseStart-1].raw == ":"}
		var feats []string
		if f.model != nil || f.collect {
			feats = f.candFeatures(p, q, cs, dates)
		}
		items = append(items, pending{q: q, clauseStart: clauseStart, markStart: lastMarkerStart, markEd: lastMarkerEnd, isTarget: rule, sub: sub, feats: feats})
		qs = append(qs, q)
		if q.veto != tgInSubject {
			clauseStart = q.last
			if q.after > clauseStart {
				clauseStart = q.after
			}
		}
		lastMarkerEnd, lastMarkerStart = -1, -1
		j = q.last
	}

	// shared per-unit: "10 bác sĩ và 30 giường bệnh/1 vạn dân"
	for i := 0; i+1 < len(items); i++ {
		a, b := &items[i].q, items[i+1].q
		if k := strings.IndexByte(b.unit.text, '/'); k > 0 && !strings.Contains(a.unit.text, "/") && a.unit.text != "%" {
			if b.first-a.last <= 1 && a.last < len(toks) && (toks[a.last].low == "và" || toks[a.last].raw == ",") {
				a.unit.text += b.unit.text[k:]
			}
		}
	}

	lastTarget := -1 // index in f.found of the last target of this sentence
	parentOf := -1
	if trongDoSentence && len(f.found) > 0 {
		// "Trong đó, …" opening a sentence: the parent is the last target of
		// the sentence before, in the same paragraph or the one before.
		parentOf = len(f.found) - 1
	}
	subParent := -1
	var sentWords map[string]bool
	for i, it := range items {
		nextFirst := s1
		if i+1 < len(items) {
			nextFirst = items[i+1].q.first
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
		if f.collect {
			ct := f.roles(p, toks, it.q, it.clauseStart, it.markStart, it.markEd, nextFirst, s0, s1, dates)
			ct.Sentence = tgSpaces(sentText)
			f.cands = append(f.cands, TargetCandidate{Target: ct, Offset: toks[it.q.numTok].start,
				Start: toks[it.q.first].start, End: toks[it.q.last-1].end, Features: it.feats, Rule: it.isTarget})
		}
		if !accept {
			continue
		}
		t := f.roles(p, toks, it.q, it.clauseStart, it.markStart, it.markEd, nextFirst, s0, s1, dates)
		if sentWords == nil {
			sentWords = tgTokWords(toks[s0:s1]) // shared by the sentence's targets
		}
		t.Sentence = tgSpaces(sentText)
		t.Text = tgSpaces(t.Text)
		t.Subject = tgSpaces(t.Subject)
		t.Indicator = tgSpaces(t.Indicator)
		t.Page = f.pageOf(toks[it.q.numTok].start)
		parent := -1
		if it.sub && subParent >= 0 {
			parent = subParent
			pt := f.found[parent].t
			if tgStartsWithHave(t.Subject) || t.Subject == "" {
				// "trong đó có bằng cấp, chứng chỉ đạt 30%": the clause has
				// no subject of its own; it is the parent's.
				t.Indicator = t.Subject
				t.Subject = pt.Subject
			}
		}
		// source number
		switch {
		case sentNumber != "":
			t.SourceNumber = NullString(sentNumber)
		case f.c.Number != "":
			t.SourceNumber = NullString(f.c.Number)
		case f.lastNumber != "" && pi-f.lastNumberPara <= 12:
			t.SourceNumber = NullString(f.lastNumber)
		default:
			t.SourceNumber = NullString(f.onlyResolution())
		}
		if parent < 0 || t.Subject != f.found[parent].t.Subject {
			// "Có tổng điểm đánh giá đạt …": "có" is no part of the subject
			if low := strings.ToLower(t.Subject); strings.HasPrefix(low, "có ") {
				t.Subject = strings.TrimSpace(t.Subject[len("có "):])
			}
		}
		if t.Subject == "" && lastTarget >= 0 && parent < 0 && f.found[lastTarget].t.Unit == t.Unit {
			// "GRDP bình quân đầu người năm 2025 đạt 4.500 USD, đến năm
			// 2030 đạt khoảng 6.000 USD": the same subject at a later time
			t.Subject = f.found[lastTarget].t.Subject
			if t.Indicator == "" {
				t.Indicator = f.found[lastTarget].t.Indicator
			}
		}
		if exp := Expand(t.Subject, f.c.Abbreviations); exp != "" {
			t.SubjectExpanded = NullString(exp)
		}
		fd := tgFound{t: t, score: score, offset: toks[it.q.numTok].start, parent: parent, prio: p.prio, enum: p.enum, sentence: start,
			para: pi, listItem: p.enum != "" || tgBulleted(toks),
			sentToks: sentWords, textToks: tgWordSet(t.Text)}
		f.found = append(f.found, fd)
		lastTarget = len(f.found) - 1
	}

	// context for what follows
	for _, d := range dates {
		if d.usable {
			pp := d.p
			f.running, f.runningPara = &pp, f.curPara
			if d.term {
				f.lastTerm = &pp
			}
		}
	}
	if sentNumber != "" {
		f.lastNumber, f.lastNumberPara = sentNumber, pi
	}
	// "Các chỉ tiêu chủ yếu đến năm 2020:": the items below share the
	// intro's time frame, whatever year one of them names
	if strings.HasSuffix(strings.TrimRight(f.text[start:p.span.end], " *_\r\n"), ":") && end >= p.span.end-3 {
		set := false
		for _, d := range dates {
			if !d.usable || set && strings.HasSuffix(strings.ToLower(strings.TrimSpace(tgBefore(f.text, d.start, 40))), "tầm nhìn đến năm") {
				continue // "đến năm 2030, tầm nhìn đến năm 2045": the targets' horizon is 2030
			}
			pp := d.p
			f.listFrame, f.listEnum, f.listOpen = &pp, p.enum, true
			set = true
		}
		if state == tgTarget && markerInSentence {
			// "Các chỉ tiêu chủ yếu …:": every item of the list below
			f.listTarget, f.listEnum, f.listOpen = true, p.enum, true
		}
	}
	switch state {
	case tgTarget:
		// target context carries over to the next sentences only from a
		// sentence that set targets itself or introduces a list (":"),
		// or when it was carried in and still holds
		intro := strings.HasSuffix(strings.TrimRight(sentText, " *_"), ":")
		switch {
		case lastTarget >= 0 || intro || criteria:
			f.carry, f.carryCriteria = 2, criteria
		case f.carry > 0 && len(qs) == 0:
			f.carry--
		default:
			f.carry = 0
		}
	case tgNotTarget:
		f.carry = 0
	default:
		if f.carry > 0 && len(qs) == 0 {
			f.carry--
		} else if len(qs) > 0 {
			f.carry = 0
		}
	}
	return state
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

func (f *targetFinder) dateAt(dates []tgDate, offset int) (tgDate, bool) {
	for _, d := range dates {
		if d.start <= offset && offset < d.end {
			return d, true
		}
	}
	return tgDate{}, false
}

func (f *targetFinder) numberAt(offset int) (citedNumber, bool) {
	// the last number starting at or before offset
	i := sort.Search(len(f.nums), func(i int) bool { return f.nums[i].start > offset }) - 1
	if i >= 0 && f.nums[i].start <= offset && offset < f.nums[i].end {
		return f.nums[i], true
	}
	return citedNumber{}, false
}

// quantityAt reads the quantity whose number starts at toks[j] (digits or
// number words), with the comparator words around it and its unit.
func (f *targetFinder) quantityAt(p paraInfo, j, s0, s1 int) (q tgQty, ok bool) {
	toks := p.toks[:s1]
	t := toks[j]
	q.numTok = j
	k := j
	switch t.kind {
	case tgNum:
		// glued to a word or code on the left: "COVID-19", "F0", "4541_OCB"
		if j > 0 && toks[j-1].end == t.start {
			pv := toks[j-1]
			if pv.kind == tgWord || pv.raw == "_" || pv.raw == "/" || pv.raw == "." || pv.raw == "#" || pv.raw == "@" {
				return q, false
			}
			if tgIsDash(pv.raw) && j > 1 && toks[j-2].end == pv.start && toks[j-2].kind != tgPunct {
				return q, false
			}
		}
		// list labels: "1.", "(5)", "2-" opening the paragraph
		if j == 0 || (j == 1 && (toks[0].raw == "(" || toks[0].raw == "*" || toks[0].raw == "-")) {
			if j+1 < len(toks) && (toks[j+1].raw == "." || toks[j+1].raw == ")" || tgIsDash(toks[j+1].raw) || toks[j+1].raw == "/") {
				return q, false
			}
		}
		_, isIdx := tgIndexWords.endingAt(toks, j)
		isIdx = isIdx && j > s0
		v, okv := ParseNumber(t.raw, f.conv)
		if !okv {
			return q, false
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
				return q, false
			}
		}
		// range: "7,5 - 8%", "8.300- 8.500 USD", "từ 12 đến 13%"
		k2 := k
		if k2 < len(toks) && toks[k2].raw == "%" {
			k2++
		}
		if !frac && k2+1 < len(toks) && (tgIsDash(toks[k2].raw) || toks[k2].low == "đến" || toks[k2].low == "tới") {
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
						q.max = &v2
						k = k3 + 1
					}
				}
			}
		}
		u, oku := tgMatchUnit(toks, k)
		if !oku {
			return q, false
		}
		if u.open && v == 1 {
			return q, false // "01 bộ hồ sơ", "1 cửa": one thing is no quantity to reach
		}
		if u.open && j-1 > s0 && toks[j-1].kind == tgWord && (toks[j-1].raw != toks[j-1].low || toks[j-1].low == "tiêu") {
			// "Ban Chỉ đạo 389 quốc gia", "Hội nghị Trung ương 15 sắp tới",
			// "Chỉ tiêu 11": a name's or a label's number
			return q, false
		}
		if isIdx && (u.count || q.max != nil || toks[j-1].low != "cấp") {
			// "Điều 5", "khoản 2", "xã 3": a label, not a quantity; but
			// "nâng cấp 120 km": a measure after "cấp" is measured
			return q, false
		}
		if frac && (!u.count || u.open) {
			// "16/18 xã" counts; "2/3 diện tích" is a share
			return q, false
		}
		if v == 1 && (strings.HasSuffix(u.text, "dân") || strings.HasSuffix(u.text, "người")) && j > 0 &&
			(toks[j-1].low == "trên" || toks[j-1].low == "mỗi" || toks[j-1].raw == "/") {
			return q, false // "giường bệnh trên 1 vạn dân": a denominator
		}
		q.unit = u
		k = u.next
	case tgWord:
		if !IsNumberWord(t.low) {
			return q, false
		}
		if _, isScale := numberScaleWords[t.low]; isScale {
			return q, false
		}
		switch t.low {
		case "mươi", "linh", "lẻ", "rưỡi", "chục", "lăm", "nhăm", "mốt", "tư", "không":
			return q, false
		}
		if j > 0 && toks[j-1].kind == tgNum {
			return q, false
		}
		var words []string
		for m := j; m < len(toks) && toks[m].kind == tgWord && len(words) < 8; m++ {
			if _, sc := numberScaleWords[toks[m].low]; sc && toks[m].low != "trăm" {
				break
			}
			words = append(words, toks[m].low)
		}
		v, n := ParseNumberWords(words)
		if n == 0 {
			return q, false
		}
		u, oku := tgMatchUnit(toks, j+n)
		if !oku || !(u.count || u.text == "%") {
			return q, false
		}
		if n == 1 && tgAmbiguousNumberWord[t.low] {
			if k, isCount := countUnits.at(toks, j+n); !isCount || k != u.next {
				// "hằng năm tỷ lệ …", "một số …": a word that is no number
				// here; only a listed counted noun makes it one
				return q, false
			}
		}
		if _, isIdx := tgIndexWords.endingAt(toks, j); isIdx && j > s0 {
			return q, false
		}
		q.value = v
		q.unit = u
		k = u.next
	default:
		return q, false
	}
	q.first, q.last = j, k

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
	cmp := "="
	from := false
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
	}
	// "trở lên" / "trở xuống" after the number, its unit or its subject
	for m := k; m < len(toks) && m < k+7; m++ {
		tm := toks[m]
		if tm.kind == tgNum || tm.raw == ";" || tm.raw == ":" || tm.raw == "," || tm.raw == "(" {
			break
		}
		if nx, ok := tgPhraseAt(toks, m, []string{"trở", "lên"}); ok {
			cmp = ">="
			q.after = nx
			break
		}
		if nx, ok := tgPhraseAt(toks, m, []string{"trở", "xuống"}); ok {
			cmp = "<="
			q.after = nx
			break
		}
		if _, isVerb := tgVerbs.at(toks, m); isVerb && m > k {
			break
		}
	}
	// a written bound: "từ … trở lên", "không vượt quá …", "từ 70 đến 90"
	q.bound = cmp == ">=" || cmp == "<=" || from && q.max != nil
	if q.max != nil {
		cmp = "range"
	}
	q.cmp = cmp

	// a rate per year: "%", "bình quân … mỗi năm", "hằng năm"
	if q.unit.text == "%" {
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

	// vetoes local to the quantity
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
	// "giảm 50% số thuế phải nộp", "30% lệ phí": a tax or fee relief
	if q.unit.text == "%" {
		if _, ok := tgTaxAfter.at(toks, k); ok {
			q.veto = "a tax or fee rate"
		}
	}
	// the rest of the clause reports an outcome: "… đã hoàn thành", "…
	// chưa đạt được", "thu đạt 5.396 tỷ đồng, đạt 105% dự toán"; or points
	// back ("3 đơn vị này")
	if k < len(toks) && (toks[k].low == "này" || toks[k].low == "trên" && k+1 < len(toks) && toks[k+1].raw == ",") {
		q.veto = "a reference back"
	}
	for m := k; m < len(toks) && q.veto == ""; m++ {
		tm := toks[m]
		if tm.raw == ";" || tm.raw == "." || tm.raw == ":" {
			break
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
		if mk, _, ok := tgMarkerAt(toks, m); ok && (mk.kind == mkPast || mk.kind == mkForecast) {
			q.veto = "an outcome or a forecast"
		}
	}
	return q, true
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

// tgAnyCmp reports whether a comparator word ends just before toks[j].
func tgAnyCmp(toks []tgTok, j int) (string, bool) {
	c, _, ok := tgCmpBefore(toks, j)
	return c, ok
}

// tgCmpBefore returns the comparator written just before toks[j] and the
// index where its words start.
func tgCmpBefore(toks []tgTok, j int) (string, int, bool) {
	if j > 0 {
		// a comparator sign: "≥ 30%", "< 4/100.000"
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
		l  tgPhraseList
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

// roles fills the Target of quantity q: text, comparator, value, unit,
// subject, indicator and period.
func (f *targetFinder) roles(p paraInfo, toks []tgTok, q tgQty, clauseStart, markStart, markEnd, nextFirst, s0, s1 int, dates []tgDate) Target {
	t := Target{Comparator: q.cmp, Value: q.value, ValueMax: q.max, Unit: q.unit.text}
	// the left part of the clause: [a, q.first)
	a := clauseStart
	if markEnd > a && markEnd <= q.first {
		a = markEnd
	}
	subj, ind, subjFrom, verbFrom, adjacent := f.leftRolesAdj(toks, a, q.first, dates)
	labelRow := false
	if subj == "" && ind == "" && clauseStart > s0+1 && clauseStart <= len(toks) && toks[clauseStart-1].raw == ":" {
		// "Tỷ lệ văn bản đi được ký số: trên 95%", "Số tài khoản … mở
		// mới: 12.000 tài khoản": the label before the colon names what is
		// measured
		if ls, li, from := f.labelRoles(toks, s0, clauseStart-1, dates); ls != "" {
			subj, ind, subjFrom, labelRow = ls, li, from, true
		}
	}
	if subj == "" && markEnd > clauseStart && markStart >= clauseStart && !strings.HasPrefix(strings.ToLower(ind), "có") &&
		!(ind == "" && strings.HasPrefix(q.unit.text, "%") && tgNounAfter(toks, q.last)) &&
		!(ind != "" && verbFrom >= 0 && f.objectAfter(toks, q)) {
		// ("Hội nghị thống nhất mục tiêu kết nạp từ 150 đảng viên": what
		// is counted after the verb is the subject, not the meeting)
		// ("… mục tiêu đến năm 2027, khoảng 40% doanh nghiệp …": the
		// share's noun after it is the subject)
		// "Quy mô tổng tài sản năm 2020 mục tiêu đạt 150.000 tỷ đồng": the
		// subject stands before the marker.
		s2, _, sf2, _ := f.leftRoles(toks, clauseStart, markStart, dates)
		if s2 != "" {
			subj, subjFrom = s2, sf2
		}
	}
	textFrom := q.first
	if subjFrom >= 0 && subjFrom < textFrom {
		textFrom = subjFrom
	}
	if verbFrom >= 0 && verbFrom < textFrom {
		textFrom = verbFrom
	}
	textTo := q.last
	if q.after > textTo {
		textTo = q.after
	}
	// the right part: subject after a percentage or a count, indicator
	// with no verb before the number, a passive after it starts the
	// criterion ("100% hộ dân được cung cấp nước sạch")
	rs, ri, rEnd := f.rightRoles(toks, q, nextFirst, s1, ind == "")
	if labelRow {
		if rs != "" && !q.unit.count || ri != "" {
			// "Đối với cha mẹ: phấn đấu 100% cha mẹ được …": the words
			// after the number say what is measured; the label only
			// groups the row
			subj, ind, subjFrom = "", "", -1
		} else {
			rs, ri = "", ""
		}
	}
	if verbFrom >= 0 && q.unit.text != "%" && f.objectAfter(toks, q) {
		// "Trồng mới 3.500 ha rừng tập trung", "Tạo việc làm cho 18.000
		// lao động": what is counted or measured stands after the number;
		// the words from the verb to the number say what is done with it
		var ix []int
		for m := verbFrom; m < q.first; m++ {
			if _, isDate := f.dateAt(dates, toks[m].start); !isDate && toks[m].kind != tgPunct {
				ix = append(ix, m)
			}
		}
		ix = tgTrimTrail(toks, ix)
		obj := rs
		if q.unit.count {
			obj = strings.TrimSpace(tgUnitHead(q.unit.text) + " " + rs)
		} else if obj == "" {
			// "3.500 ha rừng tập trung": the measured thing
			var ox []int
			for m := q.last; m < len(toks) && m < nextFirst && tgNounWord(toks[m]); m++ {
				ox = append(ox, m)
			}
			obj = tgJoin(toks, ox)
			if tgUnitHead(q.unit.text) == "điểm" && obj != "" {
				obj = "điểm " + obj // "40 điểm truy cập": points counted, not scored
			}
			if len(ox) > 0 {
				rEnd = ox[len(ox)-1] + 1
			}
		}
		verbFirst := subjFrom > verbFrom || subjFrom < 0
		if !verbFirst && subjFrom >= 0 {
			if _, ok := tgVerbs.at(toks, subjFrom); ok && !tgFalseVerb(toks, subjFrom) {
				// "Xây dựng mới và nâng cấp 120 km …": two verbs joined
				verbFirst = true
				ix = nil
				for m := subjFrom; m < q.first; m++ {
					if _, isDate := f.dateAt(dates, toks[m].start); !isDate && toks[m].kind != tgPunct {
						ix = append(ix, m)
					}
				}
				ix = tgTrimTrail(toks, ix)
			}
		}
		switch {
		case obj == "":
		case verbFirst && ri == "":
			// verb first: the object is the subject
			subj, subjFrom = obj, -1
			ind = tgJoin(toks, ix)
			if rEnd > textTo {
				textTo = rEnd
			}
			rs, ri = "", ""
		case q.unit.count && rs != "" && ri == "":
			// "Mỗi huyện đoàn thành lập 15 đội hình thanh niên": the
			// criterion is the verb with its object
			ind = strings.TrimSpace(tgJoin(toks, ix) + " " + obj)
			if rEnd > textTo {
				textTo = rEnd
			}
		}
	}
	if subj != "" && adjacent && strings.HasPrefix(q.unit.text, "%") && rs != "" && tgNounAfter(toks, q.last) && !tgMeasureVerb(ind) {
		// "… hoàn thành 100% nhiệm vụ được giao": the percentage is of
		// the words after it; the words before the verb only say who acts.
		subj, subjFrom = "", -1
		if verbFrom >= 0 {
			ind = tgJoin(toks, []int{verbFrom})
			if n, ok := tgVerbs.at(toks, verbFrom); ok {
				var ix []int
				for m := verbFrom; m < n; m++ {
					ix = append(ix, m)
				}
				ind = tgJoin(toks, ix)
			}
		}
	}
	if subj == "" {
		subj = rs
		if q.unit.count {
			subj = strings.TrimSpace(strings.Split(q.unit.text, "/")[0] + " " + rs)
		}
		if ri != "" && (ind == "" || ind == subj || tgCopula(ind)) {
			ind = ri
		}
		if rEnd > textTo {
			textTo = rEnd
		}
	} else if ri != "" && q.unit.count && ind == "" {
		ind = ri
		if rEnd > textTo {
			textTo = rEnd
		}
	}
	if subj == "" && q.unit.count {
		subj = strings.Split(q.unit.text, "/")[0]
	}
	if low := strings.ToLower(subj); (ind == "đạt" || ind == "Đạt") && (strings.HasPrefix(low, "tỷ lệ ") || strings.HasPrefix(low, "tỉ lệ ")) {
		// "Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%": the
		// criterion is in the rate's name
		ind = subj[len("tỷ lệ "):]
	}
	subj, ind = tgGrowthRoles(subj, ind)
	if ind == "" {
		ind = subj
	}
	t.Subject = tgCleanPhrase(subj)
	t.Indicator = tgCleanPhrase(ind)
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

// tgBracketAbbrev reports whether toks[i] is an abbreviation alone in
// brackets: "(GRDP)", "(CBCCVC)".
func tgBracketAbbrev(toks []tgTok, i int) bool {
	t := toks[i]
	return i > 0 && i+1 < len(toks) && toks[i-1].raw == "(" && toks[i+1].raw == ")" &&
		t.kind == tgWord && utf8.RuneCountInString(t.raw) > 1 && strings.ToUpper(t.raw) == t.raw
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

// labelRoles reads the subject and indicator of a row label toks[a:b]
// ("Tỷ lệ hộ gia đình sử dụng Internet", "Số người dân có tài khoản định
// danh"): without its list label and its "tỷ lệ"/"số", the words before the
// first predicate ("được", "có", a verb) are the subject and the rest the
// indicator; without a predicate the subject is the label's noun and the
// indicator the whole label. A bracketed abbreviation stays in the subject.
func (f *targetFinder) labelRoles(toks []tgTok, a, b int, dates []tgDate) (subj, ind string, from int) {
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
		if t.kind == tgPunct || t.kind == tgNum && keep[0] == 0 ||
			keep[0] == 0 && len(toks) > 1 && t.kind == tgWord && (utf8.RuneCountInString(t.raw) == 1 || isRomanNumeral(t.raw)) &&
				(toks[1].raw == ")" || toks[1].raw == "." || tgIsDash(toks[1].raw)) {
			keep = keep[1:]
			continue
		}
		break
	}
	if len(keep) == 0 {
		return "", "", -1
	}
	all := tgCleanPhrase(tgJoin(toks, keep))
	body := keep
	for _, lead := range [][]string{{"tỷ", "lệ"}, {"tỉ", "lệ"}, {"số", "lượng"}, {"tổng", "số"}, {"số"}} {
		if n, ok := tgPhraseAt(toks, body[0], lead); ok && n-body[0] < len(body) && tgContiguous(body, n-body[0]) {
			body = body[n-body[0]:]
			break
		}
	}
	split := -1
	for x := 1; x < len(body); x++ {
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
		return tgCleanPhrase(tgJoin(toks, body)), all, body[0]
	}
	return tgCleanPhrase(tgJoin(toks, body[:split])), tgCleanPhrase(tgJoin(toks, body[split:])), body[0]
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
	case "ha", "km", "m", "m²", "m³", "km²", "tấn", "tạ", "kg", "lít", "MW", "kW", "GW", "kWh", "điểm":
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
	subjFrom, verbFrom = -1, -1
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
	// drop time words left by the dates ("đến", "trong", "năm nay") and
	// leading connectives and punctuation
	for len(keep) > 0 {
		t := toks[keep[0]]
		if t.kind == tgPunct || t.kind == tgNum && keep[0] == 0 {
			keep = keep[1:]
			continue
		}
		// a list label opening the paragraph: "a)", "b.", "II-"
		if keep[0] == 0 && len(toks) > 1 && t.kind == tgWord && (utf8.RuneCountInString(t.raw) == 1 || isRomanNumeral(t.raw)) &&
			(toks[1].raw == ")" || toks[1].raw == "." || tgIsDash(toks[1].raw)) {
			keep = keep[1:]
			continue
		}
		if n, ok := tgLeadWords.at(toks, keep[0]); ok && n-keep[0] <= len(keep) && tgContiguous(keep, n-keep[0]) {
			keep = keep[n-keep[0]:]
			continue
		}
		break
	}
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
	if len(keep) == 0 {
		return "", "", -1, -1, false
	}
	// the last predicate verb
	v, vEnd := -1, -1
	for x := 0; x < len(keep); x++ {
		i := keep[x]
		if n, ok := tgVerbs.at(toks, i); ok && tgContiguous(keep[x:], n-i) && !tgFalseVerb(toks, i) {
			v, vEnd = x, x+(n-i)
			x = vEnd - 1
		}
	}
	join := func(ix []int) string { return tgJoin(toks, ix) }
	if v < 0 {
		keep = tgTrimTrail(toks, keep)
		if len(keep) == 0 {
			return "", "", -1, -1, false
		}
		return join(keep), "", keep[0], -1, false
	}
	before, verb, between := keep[:v], keep[v:vEnd], keep[vEnd:]
	for len(before) > 0 && tgTimeWord(toks[before[len(before)-1]].low) {
		before = before[:len(before)-1]
	}
	before = tgTrimTrail(toks, before)
	between = tgTrimTrail(toks, between)
	adjacent = len(between) == 0 || tgAllFiller(toks, between)
	// verb–object when nothing stands before the verb, or the words before
	// it end with a comma (another clause: "Tiếp tục kiểm soát …, duy trì
	// tỷ lệ … dưới 37%")
	commaBefore := len(before) > 0 && keep[v] > 0 && toks[keep[v]-1].raw == ","
	if len(between) > 0 && (len(before) == 0 || commaBefore) && !tgAllFiller(toks, between) {
		return join(between), join(verb), between[0], keep[v], false
	}
	ind = join(keep[v:])
	if len(before) == 0 {
		return "", ind, -1, keep[v], adjacent
	}
	// a comma splits the words before the verb only when the part before
	// the comma is a clause of its own (it has a verb)
	cut := 0
	for x := len(before) - 1; x > 0 && !tgStartsWithHave(tgJoin(toks, before)); x-- {
		if toks[before[x]-1].raw == "," {
			hasVerb := false
			for y := 0; y < x; y++ {
				if _, ok := tgVerbs.at(toks, before[y]); ok && !tgFalseVerb(toks, before[y]) {
					hasVerb = true
				}
			}
			if hasVerb {
				cut = x
			}
			break
		}
	}
	before = before[cut:]
	return join(before), ind, before[0], keep[v], adjacent
}

// rightRoles reads the subject and indicator after a quantity: "90%
// TCCSĐ trở lên đạt trong sạch, vững mạnh" is subject "TCCSĐ", indicator
// "đạt trong sạch, vững mạnh". rEnd is the token after the last word used.
func (f *targetFinder) rightRoles(toks []tgTok, q tgQty, nextFirst, s1 int, splitPassive bool) (subj, ind string, rEnd int) {
	i := q.last
	end := s1
	if nextFirst < end {
		end = nextFirst
	}
	// the clause ends at ";", ":", a bracket, "…", ", trong đó" or a comma
	// before the next number
	stop := end
	for m := i; m < end; m++ {
		r := toks[m].raw
		if r == ";" || r == ":" || r == "(" || r == "…" || r == "." || r == "!" || r == "?" {
			stop = m
			break
		}
		if r == "," {
			if m+1 < end && toks[m+1].kind == tgNum {
				stop = m
				break
			}
			if _, ok := tgClauseOpeners.at(toks, m+1); ok && m > i {
				// ", thực hiện Nghị quyết …", ", góp phần …": a new clause
				stop = m
				break
			}
			if _, ok := tgPhraseAt(toks, m+1, []string{"trong", "đó"}); ok {
				stop = m
				break
			}
			if _, ok := tgShareOf.at(toks, m+1); ok {
				stop = m
				break
			}
		}
		if _, ok := tgShareOf.at(toks, m); ok && !(m == i && q.planShare) {
			stop = m
			break
		}
		if _, ok := tgPhraseAt(toks, m, []string{"trong", "đó"}); ok {
			stop = m
			break
		}
	}
	var sIx, iIx []int
	inInd := false
	for m := i; m < stop; m++ {
		t := toks[m]
		if t.raw == "*" || t.raw == "\"" || t.raw == "“" || t.raw == "”" {
			continue
		}
		if !inInd {
			if nx, ok := tgPhraseAt(toks, m, []string{"trở", "lên"}); ok {
				m = nx - 1
				continue
			}
			if _, ok := tgVerbs.at(toks, m); ok && !tgFalseVerb(toks, m) && (toks[m].low != "có" || len(sIx) > 0 && q.unit.text == "%") && toks[m].low != "là" ||
				splitPassive && (toks[m].low == "được" || toks[m].low == "bị") && len(sIx) > 0 {
				inInd = true
			}
		}
		if inInd {
			iIx = append(iIx, m)
		} else {
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
	if before == nil {
		// a time frame named earlier in the sentence holds for the
		// clauses after it ("… giai đoạn 2021-2025 từ 7,5-8%; tỷ trọng …")
		sStart := toks[s0].start
		for i := range dates {
			d := &dates[i]
			if d.usable && d.end <= qStart && d.start >= sStart && !f.baseDate(toks, s0, d) {
				before = d
			}
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

// baseDate reports whether date d is a base of comparison (tgBaseBefore).
func (f *targetFinder) baseDate(toks []tgTok, s0 int, d *tgDate) bool {
	j := sort.Search(len(toks), func(i int) bool { return toks[i].start >= d.start })
	return j < len(toks) && tgBaseBefore(toks, s0, j)
}

func (f *targetFinder) result() []Target {
	n := len(f.found)
	if n == 0 {
		return nil
	}
	// merge restatements into one representative
	rep := make([]int, n)
	for i := range rep {
		rep[i] = i
	}
	// only mentions with the same comparator, value and unit can be the
	// same target: compare within those buckets (linear in the common case)
	buckets := map[string][]int{}
	var keys []string
	for i := 0; i < n; i++ {
		k := tgSameKey(f.found[i].t)
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
				if rep[j] != j || !tgSameTarget(f.found[i], f.found[j]) {
					continue
				}
				rep[j] = i
			}
		}
	}
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
	outIndex := map[int]int{}
	for k, i := range order {
		outIndex[rep[i]] = k
	}
	// a group's score is its best mention's
	groupScore := map[int]float64{}
	for i := 0; i < n; i++ {
		if s, ok := groupScore[rep[i]]; !ok || f.found[i].score > s {
			groupScore[rep[i]] = f.found[i].score
		}
	}
	out := make([]Target, 0, len(order))
	for k, i := range order {
		t := f.found[i].t
		if f.model != nil {
			t.Confidence = math.Round(1000*f.model.Confidence(groupScore[rep[i]])) / 1000
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

// tgSameKey is what two mentions of one target share for tgSameTarget:
// value, upper value and the unit before any "/" (comparators may differ
// between a headline and its body).
func tgSameKey(t Target) string {
	k := strconv.FormatFloat(t.Value, 'g', -1, 64) + "|"
	if t.ValueMax != nil {
		k += strconv.FormatFloat(*t.ValueMax, 'g', -1, 64)
	}
	return k + "|" + strings.Split(t.Unit, "/")[0]
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
		// words are the same (a caption run into a lead)
		return len(a.textToks) == len(b.textToks) && tgOverlap(a.textToks, b.textToks) == 1
	}
	if a.enum != "" && b.enum != "" && a.enum != b.enum && a.prio == 0 && b.prio == 0 {
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

// tgFalseVerb reports whether the verb at toks[i] is part of a noun
// ("tăng trưởng", "gia tăng", "có thể").
func tgFalseVerb(toks []tgTok, i int) bool {
	w := toks[i].low
	if i > 0 && (toks[i-1].low == "lệ" || toks[i-1].low == "độ") {
		return true // "tỷ lệ hoàn thành", "tốc độ tăng": a noun
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
		return next == "nhập" || prev == "doanh" || prev == "nguồn" || prev == "khoản" || prev == "tổng"
	case "tạo":
		return prev == "chế" || prev == "đào"
	case "đào":
		return prev == "qua"
	case "sản":
		return true
	}
	return false
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

// tgEnumLabel returns the list label opening a paragraph: "1.2", "(5)",
// "II", "a", "-".
func tgEnumLabel(toks []tgTok) string {
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

// tgCopula reports whether a verb phrase only links ("có", "là").
func tgCopula(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "có", "là", "có từ", "đạt", "":
		return true
	}
	return false
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

// tgSpaces collapses every run of white space (line and page breaks
// included) into one space and trims the ends.
func tgSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
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

// dateStartAt returns the start of the date that holds offset, or offset.
func (f *targetFinder) dateStartAt(offset int) int {
	i := sort.Search(len(f.dates), func(i int) bool { return f.dates[i].start > offset }) - 1
	if i >= 0 && f.dates[i].start <= offset && offset < f.dates[i].end {
		return f.dates[i].start
	}
	return offset
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
