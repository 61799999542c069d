package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"vanban/internal/testshared"
)

// tgWant is what a test expects of one target.
type tgWant struct {
	cmp     string
	value   float64
	max     float64 // 0: no value_max
	unit    string
	subject string // a phrase the subject (or its expansion) contains
	period  string // "start..end", "" for none, "-" not checked
	parent  int    // -1: no parent
}

func (w tgWant) String() string {
	return fmt.Sprintf("%s %v-%v %s subj~%q period %s parent %d", w.cmp, w.value, w.max, w.unit, w.subject, w.period, w.parent)
}

func tgPeriodString(p *Period) string {
	if p == nil {
		return ""
	}
	return p.Start + ".." + p.End
}

// checkTargets compares the targets the rule machine finds in text with
// want, in order. These tests pin the candidate finder, the roles and the
// rules' verdict, which the trained model weighs as features; what the
// model decides is tested on the corpus (cmd/vanban TestTargetsCV) and in
// TestTargetModelDecisions.
func checkTargets(t *testing.T, text string, c TargetContext, want []tgWant) {
	t.Helper()
	got, _ := FindTargetsWith(text, c, nil)
	if len(got) != len(want) {
		var b strings.Builder
		for _, g := range got {
			fmt.Fprintf(&b, "\n  %s %v %s: %q", g.Comparator, g.Value, g.Unit, g.Text)
		}
		t.Errorf("FindTargets(%q) = %d targets; want %d%s", text, len(got), len(want), b.String())
		return
	}
	for i, w := range want {
		g := got[i]
		max := 0.0
		if g.ValueMax != nil {
			max = *g.ValueMax
		}
		parent := -1
		if g.Parent != nil {
			parent = *g.Parent
		}
		subj := strings.ToLower(g.Subject + " | " + string(g.SubjectExpanded))
		ok := g.Comparator == w.cmp && g.Value == w.value && max == w.max && g.Unit == w.unit &&
			strings.Contains(subj, strings.ToLower(w.subject)) && parent == w.parent &&
			(w.period == "-" || tgPeriodString(g.Period) == w.period)
		if !ok {
			t.Errorf("FindTargets(%q)[%d] = %s %v-%v %s subj %q period %s parent %d; want %v",
				text, i, g.Comparator, g.Value, max, g.Unit, g.Subject, tgPeriodString(g.Period), parent, w)
		}
		if !utf8.ValidString(g.Text) || !strings.Contains(g.Sentence, g.Text) {
			t.Errorf("FindTargets(%q)[%d].Text = %q; want a span of its sentence %q", text, i, g.Text, g.Sentence)
		}
	}
}

func TestFindTargetsComparators(t *testing.T) {
	tests := []struct {
		text string
		want []tgWant
	}{
		{"Phấn đấu đến năm 2025 tỷ lệ lao động qua đào tạo đạt 70%.",
			[]tgWant{{"=", 70, 0, "%", "lao động qua đào tạo", "..2025", -1}}},
		{"Mục tiêu: có từ 90% chi bộ trở lên đạt trong sạch, vững mạnh.",
			[]tgWant{{">=", 90, 0, "%", "chi bộ", "-", -1}}},
		{"Mục tiêu đến năm 2030, tỷ lệ đô thị hóa đạt trên 45%.",
			[]tgWant{{">", 45, 0, "%", "tỷ lệ đô thị hóa", "..2030", -1}}},
		{"Chỉ tiêu năm 2026: tỷ lệ thất nghiệp dưới 3%.",
			[]tgWant{{"<", 3, 0, "%", "tỷ lệ thất nghiệp", "2026..2026", -1}}},
		{"Phấn đấu tỷ lệ che phủ rừng tối thiểu 42%.",
			[]tgWant{{">=", 42, 0, "%", "che phủ rừng", "", -1}}},
		{"Phấn đấu đến năm 2030 tối thiểu có 5 doanh nghiệp công nghệ số lớn.",
			[]tgWant{{">=", 5, 0, "doanh nghiệp", "doanh nghiệp", "..2030", -1}}},
		{"Chỉ tiêu: nợ xấu không vượt quá 2%.",
			[]tgWant{{"<=", 2, 0, "%", "nợ xấu", "", -1}}},
		{"Chỉ tiêu: tỷ lệ nợ công tối đa 60% GDP.",
			[]tgWant{{"<=", 60, 0, "%", "nợ công", "", -1}}},
		{"Mục tiêu năm 2027 kim ngạch xuất khẩu đạt khoảng 5 tỷ USD.",
			[]tgWant{{"~", 5, 0, "tỷ USD", "kim ngạch xuất khẩu", "2027..2027", -1}}},
		{"Phấn đấu tốc độ tăng trưởng kinh tế đạt 6,5 - 7%/năm.",
			[]tgWant{{"range", 6.5, 7, "%/năm", "kinh tế", "", -1}}},
		{"Phấn đấu thu nhập bình quân đầu người đạt từ 60 đến 65 triệu đồng/người/năm.",
			[]tgWant{{"range", 60, 65, "triệu đồng/người/năm", "thu nhập bình quân đầu người", "", -1}}},
		{"Mục tiêu tổng vốn đầu tư xã hội giai đoạn 2026-2030 khoảng 12.500 tỷ đồng.",
			[]tgWant{{"~", 12500, 0, "tỷ đồng", "vốn đầu tư xã hội", "2026..2030", -1}}},
		{"Phấn đấu hằng năm tỷ lệ hộ nghèo giảm bình quân từ 1,5% trở lên mỗi năm.",
			[]tgWant{{">=", 1.5, 0, "%/năm", "tỷ lệ hộ nghèo", "", -1}}},
		{"Chỉ tiêu đến năm 2030: trồng mới ba nghìn ha rừng.",
			[]tgWant{{"=", 3, 0, "nghìn ha", "rừng", "..2030", -1}}}, // the last scale word stays in the unit
		{"Chỉ tiêu đến năm 2030: kết nạp mười lăm đảng viên mới.",
			[]tgWant{{"=", 15, 0, "đảng viên mới", "đảng viên", "..2030", -1}}},
	}
	for _, tt := range tests {
		checkTargets(t, tt.text, TargetContext{}, tt.want)
	}
}

// TestSharedBound: a quantity joined to the one before by "và", "hoặc"
// or a comma takes its bound when it writes none of its own; one with its
// own comparator, another unit or a word between keeps "=".
func TestSharedBound(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the comparator of the last quantity
	}{
		{"Xét tối đa 15 tập thể và 30 cá nhân.", "<="},
		{"Mỗi đơn vị đề nghị không quá 02 tập thể, 05 cá nhân.", "<="},
		{"Lãi trước thuế và lãi sau thuế lần lượt xấp xỉ 139 tỷ đồng và 111 tỷ đồng.", "~"},
		{"Kết nạp ít nhất 10 đảng viên hoặc 12 đảng viên.", ">="},
		{"Xét tối đa 15 tập thể và trên 30 cá nhân.", ">"},      // its own comparator
		{"Tối đa 15 tập thể và 30% kinh phí.", "="},             // another unit
		{"Xét tối đa 15 tập thể, khen thưởng 30 cá nhân.", "="}, // a verb between
		{"Tối thiểu 4 phòng/căn hộ vào năm 2010 và 3 phòng/căn hộ vào năm 2020.", ">="},
		{"Tỷ lệ nữ đạt ít nhất 40% vào năm 2025, 50% vào năm 2030.", ">="},
		{"Tỷ lệ nữ đạt ít nhất 40% vào năm 2025 và 50 cán bộ.", "="},        // another unit
		{"Tỷ lệ nữ đạt ít nhất 40% vào tháng 5/2025 và 50% năm 2030.", "="}, // more than a year
	} {
		f := newTargetFinder(tc.text, TargetContext{})
		toks := tgTokenize(tc.text, 0, len(tc.text))
		var items []tgPending
		for j := 0; j < len(toks); j++ {
			if q, ok := f.quantityAt(paraInfo{toks: toks}, j, 0, len(toks)); ok {
				items = append(items, tgPending{q: q})
				j = q.last - 1
			}
		}
		tgSharedBound(toks, items)
		if len(items) != 2 {
			t.Errorf("%q: %d quantities; want 2", tc.text, len(items))
			continue
		}
		if got := items[1].q.cmp; got != tc.want {
			t.Errorf("%q: comparator %q; want %q", tc.text, got, tc.want)
		}
	}
}

func TestFindTargetsNotTargets(t *testing.T) {
	tests := []string{
		// past results
		"Trong 5 năm qua, tỷ lệ hộ nghèo giảm từ 11,4% xuống còn 4,1%.",
		"Năm 2024, toàn huyện đã kết nạp được 836 đảng viên mới.",
		"Ước thực hiện 6 tháng đầu năm, thu ngân sách đạt 52% dự toán.",
		"Theo báo cáo, lợi nhuận trước thuế đạt 3.232 tỷ đồng.",
		// relative changes and multiples
		"Kim ngạch xuất khẩu tăng 12% so với cùng kỳ năm trước.",
		"GRDP bình quân đầu người gấp 1,9 lần cả nước.",
		// forecasts and possibilities
		"Các chuyên gia dự báo GDP có thể đạt 8-9% mỗi năm.",
		"Dự kiến đến năm 2030, diện tích đất nông nghiệp còn khoảng 165 nghìn ha.",
		// counts of tasks, documents, dates, ranks
		"Chương trình đề ra 9 nhiệm vụ, giải pháp chủ yếu.",
		"Nghị quyết số 15/2011/NQ-HĐND ngày 4-7-2011 đề ra mục tiêu chung.",
		"Mục tiêu nằm trong nhóm 3 nước dẫn đầu khu vực.",
		"Phấn đấu hoàn thành trong 5 năm.",
		// brackets, questions
		"Mục tiêu tăng thuế suất (có thuế suất từ 30% trở lên).",
		"Tỷ lệ đảng viên xuất sắc không vượt quá 20% đúng không?",
		// tax and fee rates
		"Kế hoạch khấu trừ thuế thu nhập cá nhân 10% trước khi trả.",
		// no unit
		"Mục tiêu đạt 1 triệu vào năm 2030.",
	}
	for _, text := range tests {
		checkTargets(t, text, TargetContext{}, nil)
	}
}

func TestFindTargetsInsteadOf(t *testing.T) {
	// the figure after "thay vì" is what the target replaces
	checkTargets(t, "Chỉ tiêu tăng trưởng được điều chỉnh thành 5%/năm thay vì 7%/năm.", TargetContext{}, []tgWant{
		{"=", 5, 0, "%/năm", "tăng trưởng", "", -1},
	})
}

func TestFindTargetsLists(t *testing.T) {
	text := "Về y tế: Đến năm 2030, có 10 bác sĩ và 30 giường bệnh/1 vạn dân; tỷ lệ xã đạt chuẩn quốc gia về y tế tối thiểu 90%, trong đó ít nhất 20% đạt chuẩn kiểu mẫu, 10% đạt chuẩn xuất sắc; tỷ lệ tiêm chủng đạt 98%."
	checkTargets(t, text, TargetContext{}, []tgWant{
		{"=", 10, 0, "bác sĩ/1 vạn dân", "bác sĩ", "..2030", -1},
		{"=", 30, 0, "giường bệnh/1 vạn dân", "giường bệnh", "..2030", -1},
		{">=", 90, 0, "%", "xã", "..2030", -1},
		{">=", 20, 0, "%", "", "..2030", 2},
		{"=", 10, 0, "%", "", "..2030", 2},
		{"=", 98, 0, "%", "tiêm chủng", "..2030", -1},
	})
}

func TestFindTargetsSubTargetSentence(t *testing.T) {
	text := "Kế hoạch năm 2026, tổng tài sản đạt 150.000 tỷ đồng. Trong đó, dư nợ tín dụng tăng 15%; huy động vốn tăng 12%."
	checkTargets(t, text, TargetContext{}, []tgWant{
		{"=", 150000, 0, "tỷ đồng", "tổng tài sản", "2026..2026", -1},
		{"=", 15, 0, "%", "dư nợ tín dụng", "2026..2026", 0},
		{"=", 12, 0, "%", "huy động vốn", "2026..2026", 0},
	})
}

func TestFindTargetsHeadingContext(t *testing.T) {
	text := strings.Join([]string{
		"I- KẾT QUẢ NHIỆM KỲ 2020 - 2025",
		"Tỷ lệ trường đạt chuẩn quốc gia đạt 75%, kết nạp được 900 đảng viên.",
		"II- MỤC TIÊU, CHỈ TIÊU NHIỆM KỲ 2025 - 2030",
		"Các chỉ tiêu chủ yếu đến năm 2030:",
		"(1) Tỷ lệ trường đạt chuẩn quốc gia từ 90% trở lên.",
		"(2) Cả nhiệm kỳ kết nạp từ 1.000 đảng viên mới trở lên.",
		"III- TỔ CHỨC THỰC HIỆN",
		"Giao các chi bộ xây dựng kế hoạch, báo cáo kết quả 100% đơn vị.",
	}, "\n")
	checkTargets(t, text, TargetContext{Number: "01-NQ/ĐH", Kind: "resolution"}, []tgWant{
		{">=", 90, 0, "%", "trường", "..2030", -1},
		{">=", 1000, 0, "đảng viên mới", "đảng viên mới", "2025..2030", -1},
	})
	for _, g := range FindTargets(text, TargetContext{Number: "01-NQ/ĐH", Kind: "resolution"}) {
		if g.SourceNumber != "01-NQ/ĐH" {
			t.Errorf("FindTargets(...).SourceNumber = %q; want the document's own number", g.SourceNumber)
		}
	}
}

func TestFindTargetsCarry(t *testing.T) {
	// target context carries to the next sentences that have a target's
	// shape ("đạt …"), and not to a report after it
	text := "Mục tiêu đến năm 2030, tỷ trọng dịch vụ trong GRDP đạt trên 50%.\n\n" +
		"Tỷ lệ lao động qua đào tạo đạt 80%.\n\n" +
		"Năm 2024, toàn tỉnh đã thu hút 120 dự án."
	checkTargets(t, text, TargetContext{}, []tgWant{
		{">", 50, 0, "%", "dịch vụ", "..2030", -1},
		{"=", 80, 0, "%", "lao động", "..2030", -1},
	})
}

func TestFindTargetsRestated(t *testing.T) {
	// the headline and the body state one target: one record, from the body
	text := "Đến năm 2030, tỷ lệ đô thị hóa đạt trên 50%\n=====\n\n" +
		"Nghị quyết số 06-NQ/TU đề ra mục tiêu đến năm 2030, tỷ lệ đô thị hóa của tỉnh đạt trên 50%, thu nhập bình quân đạt 120 triệu đồng/người/năm."
	got := FindTargets(text, TargetContext{})
	if len(got) != 2 {
		t.Fatalf("FindTargets(%q) = %d targets; want 2", text, len(got))
	}
	if !strings.Contains(got[0].Sentence, "Nghị quyết") {
		t.Errorf("FindTargets(...)[0].Sentence = %q; want the body's", got[0].Sentence)
	}
	if got[0].SourceNumber != "06-NQ/TU" {
		t.Errorf("FindTargets(...)[0].SourceNumber = %q; want 06-NQ/TU", got[0].SourceNumber)
	}
}

// TestFindTargetsSameValueByYear: one table row that keeps a level over
// several years sets one target a year, not one merged target; the same
// level in two sentences of the same words is still one.
func TestFindTargetsSameValueByYear(t *testing.T) {
	text := "KẾ HOẠCH\n\nCÁC CHỈ TIÊU SẢN XUẤT GIAI ĐOẠN 2026 - 2030\n\n" +
		"| STT | Chỉ tiêu | Đơn vị | Năm 2026 | Năm 2027 | Năm 2028 | Năm 2029 | Năm 2030 |\n" +
		"| 1 | Diện tích | Ha | 19.600 | 19.800 | 20.000 | 20.000 | 20.000 |\n"
	var years []string
	for _, g := range FindTargets(text, TargetContext{Issued: "2025-11-20", Kind: "plan"}) {
		if g.Value == 20000 && g.Period != nil {
			years = append(years, g.Period.End)
		}
	}
	if strings.Join(years, ",") != "2028,2029,2030" {
		t.Errorf("targets of 20.000 ha by year: %v; want 2028, 2029, 2030", years)
	}
	if got := FindTargets("Đến năm 2030, tỷ lệ đô thị hóa đạt trên 50%\n=====\n\nMục tiêu đến năm 2030, tỷ lệ đô thị hóa đạt trên 50%.", TargetContext{}); len(got) != 1 {
		t.Errorf("a headline restated in the body: %d targets; want 1", len(got))
	}
}

func TestFindTargetsAbbreviations(t *testing.T) {
	text := "Chỉ tiêu phấn đấu: có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh."
	got := FindTargets(text, TargetContext{Abbreviations: []Abbreviation{{Short: "TCCSĐ", Long: "tổ chức cơ sở đảng", Source: "inline"}}})
	if len(got) != 1 || got[0].Subject != "TCCSĐ" || got[0].SubjectExpanded != "tổ chức cơ sở đảng" || got[0].Indicator != "đạt trong sạch, vững mạnh" {
		t.Errorf("FindTargets(%q) = %+v; want subject TCCSĐ expanded, indicator đạt trong sạch, vững mạnh", text, got)
	}
}

func TestFindTargetsPages(t *testing.T) {
	text := "Trang một.\fMục tiêu: tỷ lệ che phủ rừng đạt 45%."
	got := FindTargets(text, TargetContext{})
	if len(got) != 1 || got[0].Page != 2 {
		t.Errorf("FindTargets(%q) = %+v; want one target on page 2", text, got)
	}
}

func TestPeriodJSON(t *testing.T) {
	tests := []struct {
		p    Period
		want string
	}{
		{Period{Start: "2011", End: "2015"}, `{"start":"2011","end":"2015"}`},
		{Period{End: "2030"}, `{"start":null,"end":"2030"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.p)
		if err != nil || string(b) != tt.want {
			t.Errorf("json.Marshal(%+v) = %s, %v; want %s", tt.p, b, err, tt.want)
		}
		var back Period
		if err := json.Unmarshal(b, &back); err != nil || back != tt.p {
			t.Errorf("json.Unmarshal(%s) = %+v, %v; want %+v", b, back, err, tt.p)
		}
	}
}

func FuzzFindTargets(f *testing.F) {
	for _, s := range []string{
		"Phấn đấu đến năm 2025: có từ 90% TCCSĐ trở lên đạt trong sạch; 100% đảng viên hoàn thành nhiệm vụ, trong đó có 97% trở lên.",
		"Mục tiêu: 10 bác sĩ và 30 giường bệnh/1 vạn dân; GRDP đạt 8.300- 8.500 USD.",
		"Trong đó, ; : ( ) 1,5% 2.500 tỷ đồng\f trang hai 16/18 xã",
		"Chỉ tiêu: mười lăm xã, hai mươi mốt hộ, thay vì 7%",
		"(1) Tỷ lệ\n(2) 5%\n===\n# đến 2030",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for i, g := range FindTargets(s, TargetContext{Number: "01-NQ/TU"}) {
			for _, field := range []string{g.Text, g.Sentence, g.Subject, g.Indicator, g.Unit} {
				if !utf8.ValidString(field) {
					t.Fatalf("FindTargets(%q)[%d] has invalid UTF-8 %q", s, i, field)
				}
			}
			if g.Page < 1 || g.Page > strings.Count(s, "\f")+1 {
				t.Fatalf("FindTargets(%q)[%d].Page = %d", s, i, g.Page)
			}
			if g.Parent != nil && (*g.Parent < 0 || *g.Parent == i) {
				t.Fatalf("FindTargets(%q)[%d].Parent = %d", s, i, *g.Parent)
			}
			if !strings.Contains(tgSpaces(s), g.Sentence) || !strings.Contains(g.Sentence, g.Text) {
				t.Fatalf("FindTargets(%q)[%d].Sentence = %q is not in the text", s, i, g.Sentence)
			}
		}
	})
}

// TestFindTargetsBulk runs FindTargets over the bulk corpus: it must not
// panic, and every target must hold valid UTF-8 and lie in the text (a
// robustness run, skipped in -short mode and without ../shared).
func TestFindTargetsBulk(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	dir := testshared.Dir(t, "corpus/bulk")
	n, found := 0, 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc := textDocument(filepath.Base(path), b)
		text := doc.Text()
		for _, g := range FindTargets(text, TargetContext{}) {
			if !utf8.ValidString(g.Text) || !strings.Contains(tgSpaces(text), g.Sentence) {
				t.Errorf("%s: target %q is not valid text of its sentence", path, g.Text)
			}
			found++
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d targets", n, found)
}

// BenchmarkFindTargets measures target extraction over the bulk corpus
// (documents/s and MB/s).
func BenchmarkFindTargets(b *testing.B) {
	dir := testshared.Dir(b, "corpus/bulk")
	var texts []string
	size := 0
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t := textDocument(filepath.Base(path), data).Text()
		texts = append(texts, t)
		size += len(t)
		return nil
	})
	if len(texts) == 0 {
		b.Skip("no bulk documents")
	}
	dates := make([][]Date, len(texts))
	for i, t := range texts {
		dates[i] = FindDates(t, 0)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, t := range texts {
			FindTargets(t, TargetContext{Dates: dates[k]})
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestFindTargetsRanges(t *testing.T) {
	tests := []struct {
		text string
		want []tgWant
	}{
		{"Tiêu chuẩn: Là cá nhân có tổng điểm đánh giá đạt từ 70 đến dưới 90 điểm.",
			[]tgWant{{"range", 70, 90, "điểm", "cá nhân", "", -1}}},
		{"Mục tiêu đến năm 2030, GRDP bình quân đầu người đạt khoảng 8.300-8.500 USD.",
			[]tgWant{{"range", 8300, 8500, "USD", "GRDP bình quân đầu người", "..2030", -1}}},
		{"Phấn đấu tỷ lệ đô thị hóa 60 - 62%.",
			[]tgWant{{"range", 60, 62, "%", "đô thị hóa", "", -1}}},
		{"Mục tiêu tăng trưởng kinh tế đạt hai con số.", nil},
	}
	for _, tt := range tests {
		checkTargets(t, tt.text, TargetContext{}, tt.want)
	}
}

func TestFindTargetsSections(t *testing.T) {
	text := strings.Join([]string{
		"1. Mục tiêu cụ thể:",
		"- Tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số.",
		"- Tỷ lệ trạm y tế xã có bác sĩ đạt 100%.",
		"Nhiệm vụ và giải pháp:",
		"- Tăng cường kiểm tra 100% cơ sở khám chữa bệnh.",
	}, "\n")
	checkTargets(t, text, TargetContext{}, []tgWant{
		{"=", 95, 0, "%", "bảo hiểm y tế", "", -1},
		{"=", 100, 0, "%", "trạm y tế", "", -1},
	})
}

func TestFindTargetsPlanShare(t *testing.T) {
	// a share of a plan is an outturn, unless the sentence sets it
	checkTargets(t, "Năm 2025, kim ngạch xuất khẩu đạt 2.600 triệu USD, đạt 100% kế hoạch.", TargetContext{}, nil)
	checkTargets(t, "Ước thực hiện, thu ngân sách đạt 52% dự toán.", TargetContext{}, nil)
	checkTargets(t, "Đến hết quý III/2026, phấn đấu giải ngân trên 80% kế hoạch vốn đầu tư công.", TargetContext{}, []tgWant{
		{">", 80, 0, "%", "kế hoạch vốn đầu tư công", "2026..2026", -1},
	})
	// "trên 1 vạn dân" is the denominator of the count before it
	checkTargets(t, "Mục tiêu: số giường bệnh trên 1 vạn dân đạt 32 giường.", TargetContext{}, []tgWant{
		{"=", 32, 0, "giường", "giường bệnh", "", -1},
	})
}

func TestFindTargetsConditionsAndNouns(t *testing.T) {
	for _, text := range []string{
		// a condition states when a rule applies
		"Kế hoạch: trường hợp dự án thực hiện tại hai đơn vị hành chính trở lên, Ủy ban nhân dân cấp tỉnh trao đổi thống nhất.",
		// "2 trường hợp" counts cases, not schools
		"Chỉ tiêu cụ thể chia ra cho 2 trường hợp.",
		// predictions
		"Theo dự đoán, đến năm 2030, 30% doanh thu bán lẻ sẽ qua ứng dụng.",
	} {
		checkTargets(t, text, TargetContext{}, nil)
	}
}

func TestFindTargetsLetterLabels(t *testing.T) {
	text := "2. Mục tiêu cụ thể\na) 100% hồ sơ công việc được xử lý trên môi trường mạng.\nb) Tỷ lệ dịch vụ công trực tuyến toàn trình đạt tối thiểu 80%."
	checkTargets(t, text, TargetContext{}, []tgWant{
		{"=", 100, 0, "%", "hồ sơ công việc", "", -1},
		{">=", 80, 0, "%", "tỷ lệ dịch vụ công", "", -1},
	})
	for _, g := range FindTargets(text, TargetContext{}) {
		if strings.HasPrefix(g.Subject, "a") || strings.HasPrefix(g.Subject, "b ") || strings.HasPrefix(g.Text, "b)") {
			t.Errorf("FindTargets(%q) kept a list label: subject %q, text %q", text, g.Subject, g.Text)
		}
	}
}
