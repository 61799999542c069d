package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestTgPartLists: runs of "Name (N)" joined by commas, semicolons or
// "và" are lists of parts; a bracket that is no count, a lower-case name,
// a single part are none.
func TestTgPartLists(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the values of each list, "" for none
	}{
		{"cụ thể: Việt Trì (12), thị xã Phú Thọ (08), Đoan Hùng (22)", "[[12 8 22]]"},
		{"gồm: Hà Nội (3); Huế (2) và Đà Nẵng (1)", "[[3 2 1]]"},
		{"cụ thể: Việt Trì (12)", ""},
		{"theo công thức (2), hệ số (3)", ""},
		{"các xã Việt Trì (kể cả chợ tạm), Đoan Hùng (4)", ""},
		{"Việt Trì (1,5), Đoan Hùng (2,5)", ""},
		{"A (2), B (3) và C (4); D (5)", "[[2 3 4 5]]"},
		{"A (2), B (3), các xã (4), D (5), E (6)", "[[2 3] [5 6]]"},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		var vals [][]float64
		for _, l := range tgPartLists(toks, 0, len(toks), ConventionVN) {
			var vs []float64
			for _, p := range l {
				vs = append(vs, p.value)
			}
			vals = append(vals, vs)
		}
		got := ""
		if len(vals) > 0 {
			got = fmt.Sprint(vals)
		}
		if got != tc.want {
			t.Errorf("tgPartLists(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestFindTargetsBreakdown: a list of "Name (N)" whose counts add up to a
// target count before it gives one sub-target per name, with the total's
// unit and period; a list that does not add up, or follows no target,
// gives none.
func TestFindTargetsBreakdown(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []tgWant
	}{
		{"Đến năm 2020 phấn đấu xây dựng mới 20 chợ tại các huyện cụ thể: Việt Trì (12), thị xã Phú Thọ (08).",
			[]tgWant{{"=", 20, 0, "chợ", "chợ", "..2020", -1}, {"=", 12, 0, "chợ", "Việt Trì", "..2020", 0}, {"=", 8, 0, "chợ", "thị xã Phú Thọ", "..2020", 0}}},
		// the counts add up to another figure than the one before them
		{"Đến năm 2020 phấn đấu xây dựng mới 20 chợ tại các huyện cụ thể: Việt Trì (12), thị xã Phú Thọ (09).",
			[]tgWant{{"=", 20, 0, "chợ", "chợ", "..2020", -1}}},
		// the total is no target: its parts are none
		{"Năm 2008 đã xây dựng 20 chợ tại các huyện: Việt Trì (12), thị xã Phú Thọ (08).", nil},
	} {
		checkTargets(t, tc.text, TargetContext{Issued: "2009-12-11"}, tc.want)
	}
}

// TestFindTargetsFrameAfter: in "đạt A vào năm X, B vào năm Y", each
// figure's time frame is the date right after it; a single year of a
// later clause frames no clause after it, the sentence's lead does.
func TestFindTargetsFrameAfter(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []tgWant
	}{
		{"Mục tiêu: sản phẩm barit đạt 40.000 tấn/năm vào năm 2010, 130.000 tấn/năm vào năm 2015 và 230.000 tấn/năm vào năm 2020.",
			[]tgWant{{"=", 40000, 0, "tấn/năm", "barit", "2010..2010", -1}, {"=", 130000, 0, "tấn/năm", "", "2015..2015", -1},
				{"=", 230000, 0, "tấn/năm", "", "2020..2020", -1}}},
		{"Phấn đấu tốc độ tăng trưởng bình quân 5 năm 2011-2015 đạt 13%/năm; GDP bình quân đầu người năm 2015 là 41 triệu đồng/người/năm; tỷ lệ hộ nghèo dưới 3%.",
			[]tgWant{{"=", 13, 0, "%/năm", "", "2011..2015", -1}, {"=", 41, 0, "triệu đồng/người/năm", "GDP", "2015..2015", -1},
				{"<", 3, 0, "%", "hộ nghèo", "2011..2015", -1}}},
		{"Phấn đấu tăng tỷ lệ doanh nghiệp vừa và lớn lên khoảng 6% vào năm 2015, phấn đấu đạt 8% vào năm 2020.",
			[]tgWant{{"~", 6, 0, "%", "", "2015..2015", -1}, {"=", 8, 0, "%", "", "2020..2020", -1}}},
		{"Kế hoạch giai đoạn 2016-2020 đặt chỉ tiêu kim ngạch xuất khẩu đạt khoảng 340 tỷ USD vào năm 2020; tốc độ tăng trưởng xuất khẩu của doanh nghiệp trong nước tăng 5%.",
			[]tgWant{{"~", 340, 0, "tỷ USD", "", "-", -1}, {"=", 5, 0, "%", "", "2016..2020", -1}}},
	} {
		checkTargets(t, tc.text, TargetContext{Issued: "2009-06-01"}, tc.want)
	}
}

// TestOwnFrameAfter: a date linked right after a quantity is its own
// frame and wins over a date before it only across a clause boundary.
func TestOwnFrameAfter(t *testing.T) {
	for _, tc := range []struct {
		text, fig, before, after string
		want                     bool
	}{
		{"đạt 6% vào năm 2015, phấn đấu đạt 8% vào năm 2020", "8%", "2015", "năm 2020", true},
		{"đạt 6% vào năm 2015; tỷ lệ đạt 8% đến năm 2020", "8%", "2015", "năm 2020", true},
		{"đến năm 2015 phấn đấu đạt 8% vào năm 2020", "8%", "2015", "năm 2020", false},
		{"đạt 6% vào năm 2015, phấn đấu đạt 8% cho giai đoạn 2016-2020", "8%", "2015", "giai đoạn", false},
		{"đạt 6% vào năm 2015, phấn đấu đạt 8% trong tổng số vào năm 2020", "8%", "2015", "năm 2020", false},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		fig := strings.Index(tc.text, tc.fig)
		first := -1
		for i, tk := range toks {
			if tk.start == fig {
				first = i
			}
		}
		if first < 0 {
			t.Fatalf("%q: no token at %q", tc.text, tc.fig)
		}
		q := tgQty{first: first, last: first + 2}
		beforeEnd := strings.Index(tc.text, tc.before) + len(tc.before)
		after := strings.LastIndex(tc.text, tc.after)
		if got := tgOwnFrameAfter(toks, q, beforeEnd, after); got != tc.want {
			t.Errorf("tgOwnFrameAfter(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestFigureFrame: a date after a figure and frame links only is that
// figure's frame; one after a word or a punctuation mark is not.
func TestFigureFrame(t *testing.T) {
	for _, tc := range []struct {
		text, date string
		want       bool
	}{
		{"kim ngạch đạt khoảng 340 tỷ USD vào năm 2025; tăng 5%", "năm 2025", true},
		{"tỷ trọng tăng lên 85,3% vào năm 2025", "năm 2025", true},
		{"đạt 40.000 tấn vào năm 2010", "năm 2010", true},
		{"Kế hoạch giai đoạn 2021-2025 của ngành", "giai đoạn", false},
		{"tăng 5%, đến năm 2025 tỷ lệ đạt", "năm 2025", false},
		{"GDP bình quân đầu người đến năm 2025 đạt", "năm 2025", false},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		if got := tgFigureFrame(toks, strings.Index(tc.text, tc.date)); got != tc.want {
			t.Errorf("tgFigureFrame(%q, %q) = %v, want %v", tc.text, tc.date, got, tc.want)
		}
	}
}

// TestFindTargetsBracketParts: the quantities in the bracket after a
// target that add up to it, in its unit, are its parts; a bracket that
// does not add up keeps its figures out.
func TestFindTargetsBracketParts(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []tgWant
	}{
		{"Phấn đấu đến năm 2010 cải tạo 20 chợ (1 chợ đầu mối nông sản, 19 chợ dân sinh).",
			[]tgWant{{"=", 20, 0, "chợ", "chợ", "..2010", -1}, {"=", 1, 0, "chợ", "chợ đầu mối nông sản", "..2010", 0},
				{"=", 19, 0, "chợ", "chợ dân sinh", "..2010", 0}}},
		{"Phấn đấu đến năm 2010 cải tạo 20 chợ (1 chợ đầu mối nông sản, 18 chợ dân sinh).",
			[]tgWant{{"=", 20, 0, "chợ", "chợ", "..2010", -1}}},
		{"Kế hoạch giai đoạn 2011-2015 trồng mới 5.000 ha cao su chủ yếu tại vùng I (năm 2011 trồng mới 3.000 ha; năm 2012 trồng mới 2.000 ha).",
			[]tgWant{{"=", 5000, 0, "ha", "cao su", "2011..2015", -1}, {"=", 3000, 0, "ha", "cao su", "2011..2011", 0},
				{"=", 2000, 0, "ha", "cao su", "2012..2012", 0}}},
	} {
		checkTargets(t, tc.text, TargetContext{Issued: "2009-06-01"}, tc.want)
	}
}

// TestSubPeriod: a "trong đó" sub-target without a date in its own
// clause takes its parent's time frame; one with a date keeps its own.
func TestSubPeriod(t *testing.T) {
	for _, tc := range []struct {
		text, clause string // the sub-target's clause starts at clause
		dated        bool   // a date lies in the clause
		want         string
	}{
		{"(trong đó đào tạo nghề đạt 40%); 50% trường", "đào tạo nghề", false, "2015..2015"},
		{"(trong đó năm 2013 đào tạo nghề đạt 40%); 50% trường", "năm 2013", true, "2013..2013"},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		from := 0
		for i, tk := range toks {
			if tk.start == strings.Index(tc.text, tc.clause) {
				from = i
			}
		}
		next := len(toks) - 3 // "50% trường": the next quantity
		var dates []tgDate
		if tc.dated {
			k := strings.Index(tc.text, "năm 2013")
			dates = append(dates, tgDate{start: k, end: k + len("năm 2013"), p: Period{Start: "2013", End: "2013"}, usable: true})
		}
		tg := Target{Period: &Period{Start: "2011", End: "2015"}}
		if tc.dated {
			tg.Period = &Period{Start: "2013", End: "2013"}
		}
		f := &targetFinder{text: tc.text}
		f.subPeriod(toks, from, next, dates, &tg, Target{Period: &Period{Start: "2015", End: "2015"}})
		if got := tgPeriodString(tg.Period); got != tc.want {
			t.Errorf("subPeriod(%q) = %s; want %s", tc.text, got, tc.want)
		}
	}
}

// TestBreakdownPartConfidence: a part of a breakdown is no surer than
// its total, whatever score keeps it above the threshold (tgPartScore).
func TestBreakdownPartConfidence(t *testing.T) {
	for _, text := range []string{
		"Quy hoạch đến năm 2020 có 20 chợ tại các huyện: Việt Trì (12), thị xã Phú Thọ (08).",
		"Đến năm 2020 phấn đấu xây dựng mới 20 chợ tại các huyện cụ thể: Việt Trì (12), thị xã Phú Thọ (08).",
		"Phấn đấu đến năm 2010 cải tạo 20 chợ (1 chợ đầu mối nông sản, 19 chợ dân sinh).",
	} {
		got := FindTargets(text, TargetContext{Issued: "2009-12-11", Kind: "resolution"})
		parts := 0
		for _, tg := range got {
			if tg.Parent == nil {
				continue
			}
			parts++
			if total := got[*tg.Parent]; tg.Confidence > total.Confidence {
				t.Errorf("%q: part %v %s has confidence %.3f, its total %v %s %.3f", text, tg.Value, tg.Unit, tg.Confidence, total.Value, total.Unit, total.Confidence)
			}
		}
		if parts != 2 {
			t.Errorf("%q: %d parts, want 2 (%+v)", text, parts, got)
		}
	}
}

// TestFindTargetsNewWork: after a past marker ("hiện có", "đã"), a
// clause joined by "và" or a comma that adds new work ("quy hoạch", "xây
// dựng mới") is set as the sentence was before the marker; a clause that
// adds none stays a result, and a sentence that set nothing stays none.
func TestFindTargetsNewWork(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []tgWant
	}{
		{"Đến năm 2020 phát triển 39 siêu thị, trong đó hiện có 7 siêu thị (thành phố Việt Trì) và quy hoạch phát triển thêm 32 siêu thị.",
			[]tgWant{{"=", 39, 0, "siêu thị", "siêu thị", "..2020", -1}, {"=", 32, 0, "siêu thị", "siêu thị", "..2020", 0}}},
		{"Đến năm 2020 có 30 chợ, trong đó đã có 10 chợ, xây dựng mới 20 chợ.",
			[]tgWant{{"=", 30, 0, "chợ", "chợ", "..2020", -1}, {"=", 20, 0, "chợ", "chợ", "..2020", 0}}},
		// the clause after the marker adds no new work
		{"Đến năm 2020 phát triển 39 siêu thị, trong đó hiện có 7 siêu thị và 32 siêu thị khác.",
			[]tgWant{{"=", 39, 0, "siêu thị", "siêu thị", "..2020", -1}}},
		// nothing set targets before the marker
		{"Toàn tỉnh hiện có 7 siêu thị và quy hoạch 32 siêu thị.", nil},
	} {
		checkTargets(t, tc.text, TargetContext{Issued: "2011-06-01", Kind: "resolution"}, tc.want)
	}
}

// TestTgPlacesAt: "dự kiến" before a place says where a thing goes; before
// a figure or a verb of outcome it forecasts.
func TestTgPlacesAt(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"dự kiến đặt tại xã Nậm Tăm", true},
		{"dự kiến tại thị trấn", true},
		{"dự kiến bố trí tại khu công nghiệp", true},
		{"dự kiến đạt 50%", false},
		{"dự kiến hoàn thành năm 2025", false},
		{"dự báo tại thị trấn", false},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		m, k, ok := tgMarkerAt(toks, 0)
		if got := ok && tgPlacesAt(toks, m, k); got != tc.want {
			t.Errorf("tgPlacesAt(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestFindTargetsPlannedPlace: a planned figure followed by where it is to
// be placed ("dự kiến đặt tại") is a target; one followed by "dự kiến
// đạt" is a forecast.
func TestFindTargetsPlannedPlace(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []tgWant
	}{
		{"Đến năm 2015 xây dựng 02 cơ sở chế biến mủ cao su dự kiến đặt tại xã Nậm Tăm.",
			[]tgWant{{"=", 2, 0, "cơ sở", "cơ sở", "..2015", -1}}},
		{"Năm 2010 sản lượng 200 tấn, dự kiến đạt 300 tấn.", nil},
	} {
		checkTargets(t, tc.text, TargetContext{Issued: "2011-06-01", Kind: "resolution"}, tc.want)
	}
}

// TestPartDecision: the parts of a breakdown and their total are decided
// together. A part in brackets stands with its accepted total; a total
// that named parts add up to stands when the rules take it for a target;
// a "trong đó" part the rules take for a target is weighed by the mean of
// its score and its total's, in the total's unit only, and so is an item
// line under a lead-in, whatever the rules say; what else the rules
// reject, or a part of a rejected total, keeps the model's verdict.
func TestPartDecision(t *testing.T) {
	chợ := tgQty{unit: tgUnit{text: "chợ"}}
	parts := []tgPart{{value: 12}, {value: 8}}
	totalChợ := func(s float64) *tgFound { return &tgFound{t: Target{Unit: "chợ"}, score: s} }
	const th = -0.6
	for _, tc := range []struct {
		name       string
		items      []tgPending
		found      []int // itemFound of the items before the last
		scores     []float64
		total      *tgFound
		accept     bool
		score      float64
		wantAccept bool
		wantScore  float64
	}{
		{"part in brackets of an accepted total", []tgPending{{q: chợ}, {q: chợ, partOf: 1}}, []int{4}, []float64{0.3}, nil, false, -3, true, tgPartScore},
		{"part in brackets of a rejected total", []tgPending{{q: chợ}, {q: chợ, partOf: 1}}, []int{-1}, []float64{-2}, nil, false, -3, false, -3},
		{"total of named parts, rules say target", []tgPending{{q: chợ, isTarget: true, parts: parts}}, nil, nil, nil, false, -1, true, tgPartScore},
		{"total of named parts, rules say no", []tgPending{{q: chợ, parts: parts}}, nil, nil, nil, false, -1, false, -1},
		{"trong đó part near its total", []tgPending{{q: chợ, isTarget: true, sub: true}}, nil, nil, totalChợ(-0.2), false, -0.8, true, -0.5},
		{"trong đó part far below its total", []tgPending{{q: chợ, isTarget: true, sub: true}}, nil, nil, totalChợ(0.3), false, -5.4, false, -5.4},
		{"trong đó part in another unit", []tgPending{{q: chợ, isTarget: true, sub: true}}, nil, nil, &tgFound{t: Target{Unit: "%"}, score: -0.2}, false, -0.8, false, -0.8},
		{"trong đó part the rules reject", []tgPending{{q: chợ, sub: true}}, nil, nil, totalChợ(-0.2), false, -0.8, false, -0.8},
		{"trong đó part with no total", []tgPending{{q: chợ, isTarget: true, sub: true}}, nil, nil, nil, false, -0.8, false, -0.8},
		{"item line near its total, rules say no", []tgPending{{q: chợ, leadOf: 1}}, nil, nil, totalChợ(-0.2), false, -0.8, true, -0.5},
		{"item line far below its total", []tgPending{{q: chợ, leadOf: 1}}, nil, nil, totalChợ(0.3), false, -5.4, false, -5.4},
		{"item line in another unit", []tgPending{{q: chợ, leadOf: 1}}, nil, nil, &tgFound{t: Target{Unit: "%"}, score: -0.2}, false, -0.8, false, -0.8},
		{"accepted by the model alone", []tgPending{{q: chợ, isTarget: true}}, nil, nil, nil, true, 1.2, true, 1.2},
	} {
		i := len(tc.items) - 1
		found := append(append([]int{}, tc.found...), -1)
		scores := append(append([]float64{}, tc.scores...), 0)
		gotA, gotS := partDecision(tc.items, i, found, scores, tc.total, tc.accept, tc.score, th)
		if gotA != tc.wantAccept || gotS != tc.wantScore {
			t.Errorf("%s: partDecision = %v, %.2f; want %v, %.2f", tc.name, gotA, gotS, tc.wantAccept, tc.wantScore)
		}
	}
}

// TestTgUpgradeVerb: "nâng cấp N …" counts what is upgraded; "cấp N"
// alone is a rank.
func TestTgUpgradeVerb(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"nâng cấp 04 cửa hàng", true},
		{"Cải tạo nâng cấp 65 chợ", true},
		{"trường cấp 3", false},
		{"cấp 100 giấy chứng nhận", false},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		j := 0
		for j < len(toks) && toks[j].kind != tgNum {
			j++
		}
		if got := tgUpgradeVerb(toks, j); got != tc.want {
			t.Errorf("tgUpgradeVerb(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestFindTargetsUpgradeCount: a count after "nâng cấp" is a candidate
// like any other count of a plan.
func TestFindTargetsUpgradeCount(t *testing.T) {
	text := "Giai đoạn 2026 - 2030 phấn đấu xây dựng mới 107 chợ, cải tạo nâng cấp 65 chợ."
	var got []float64
	for _, c := range TargetCandidates(text, TargetContext{Kind: "plan", Issued: "2025-12-01"}) {
		got = append(got, c.Target.Value)
	}
	if fmt.Sprint(got) != "[107 65]" {
		t.Errorf("candidates of %q = %v; want [107 65]", text, got)
	}
}

// TestTgItemLine: "Label: N …" and "- Label N …" are item lines, their
// figure at the index given; a sentence, a lead-in, a label with no
// figure after it are none.
func TestTgItemLine(t *testing.T) {
	for _, tc := range []struct {
		text string
		at   string // the token the figure starts at, "" for no item line
	}{
		{"- Loại 1: 20 chợ (1 chợ chuyên doanh, 19 chợ tổng hợp).", "20"},
		{"Huyện Đoan Hùng: 12 chợ", "12"},
		{"+ Thị xã Phú Thọ 8 chợ", "8"},
		{"Trong đó:", ""},
		{"- Phát triển mạng lưới chợ nông thôn để tiêu thụ sản phẩm cho nông dân.", ""},
		{"- Loại 1: chợ đầu mối", ""},
		{"a) Tổng số chợ nâng cấp cải tạo và xây dựng mới: 401 chợ", ""},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		at, ok := tgItemLine(toks)
		got := ""
		if ok {
			got = toks[at].raw
		}
		if got != tc.at {
			t.Errorf("tgItemLine(%q) = %q; want %q", tc.text, got, tc.at)
		}
	}
}

// TestTgLeadInOnly: a lead-in word and a colon alone on a line open a
// list; a lead-in with more after it does not.
func TestTgLeadInOnly(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Trong đó:", true},
		{"Cụ thể :", true},
		{"- Bao gồm:", true},
		{"Trong đó", false},
		{"Trong đó: Loại 1: 20 chợ", false},
		{"Trong đó, vốn ngân sách:", false},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		if got := tgLeadInOnly(toks); got != tc.want {
			t.Errorf("tgLeadInOnly(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestFindTargetsItemLines: the item lines under a lead-in line after a
// target total are its sub-targets, with its indicator and time frame;
// under a past total, or after a line of another shape, they are none of
// its parts.
func TestFindTargetsItemLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []tgWant
	}{
		{"Đến năm 2010 phấn đấu xây dựng mới 80 chợ.\nTrong đó:\n- Loại 1: 20 chợ.\n- Loại 2: 60 chợ.",
			[]tgWant{{"=", 80, 0, "chợ", "chợ", "..2010", -1}, {"=", 20, 0, "chợ", "", "..2010", 0}, {"=", 60, 0, "chợ", "", "..2010", 0}}},
		// the list ends at a line of another shape
		{"Đến năm 2010 phấn đấu xây dựng mới 80 chợ.\nTrong đó:\n- Loại 1: 20 chợ.\nPhấn đấu năm 2012 cải tạo 60 chợ.",
			[]tgWant{{"=", 80, 0, "chợ", "chợ", "..2010", -1}, {"=", 20, 0, "chợ", "", "..2010", 0}, {"=", 60, 0, "chợ", "chợ", "2012..2012", -1}}},
		// results: the total is no target, its items no parts
		{"Năm 2008 toàn tỉnh đã xây dựng 80 chợ.\nTrong đó:\n- Loại 1: 20 chợ.\n- Loại 2: 60 chợ.", nil},
	} {
		checkTargets(t, tc.text, TargetContext{Issued: "2009-06-01"}, tc.want)
	}
}
