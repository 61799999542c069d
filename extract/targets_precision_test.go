package extract

import (
	"testing"
)

// precisionCase is a sentence and the values the rule machine must keep
// as targets (want) and must not (not).
type precisionCase struct {
	text      string
	want, not []float64
}

// checkPrecisionCases runs the rule machine over each case in context c.
func checkPrecisionCases(t *testing.T, c TargetContext, cases []precisionCase) {
	t.Helper()
	for _, tc := range cases {
		ts, _ := FindTargetsWith(tc.text, c, nil)
		got := map[float64]bool{}
		for _, tg := range ts {
			got[tg.Value] = true
		}
		for _, v := range tc.want {
			if !got[v] {
				t.Errorf("FindTargets(%q): no target %g in %+v", tc.text, v, ts)
			}
		}
		for _, v := range tc.not {
			if got[v] {
				t.Errorf("FindTargets(%q): target %g; want none", tc.text, v)
			}
		}
	}
}

// TestGrowthOfLevel: a level and its growth rate in one clause are one
// target, stated by the level (ANNOTATING.md, "growth and level of one
// target in one clause"); a growth rate of its own stays.
func TestGrowthOfLevel(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "decision"}, []precisionCase{
		{"Mục tiêu đến năm 2030: tổng giá trị xuất khẩu đạt 400 triệu USD, tăng bình quân hàng năm trong giai đoạn này đạt 10 - 13%/năm.",
			[]float64{400}, []float64{10}},
		{"Phấn đấu đến năm 2030, giá trị sản phẩm xoài xuất khẩu đạt 10 triệu USD, tốc độ tăng bình quân 05%/năm.",
			[]float64{10}, []float64{5}},
		{"Năm 2025, ngân hàng đặt mục tiêu dư nợ tín dụng tăng 10%, đạt hơn 815 nghìn tỷ đồng.",
			[]float64{815}, []float64{10}},
		// a rate of another measure, or with no level beside it, stays
		{"Mục tiêu năm 2025: doanh thu đạt 500 tỷ đồng, lợi nhuận tăng 20%.", []float64{500, 20}, nil},
		{"Mục tiêu năm 2025: tổng kim ngạch xuất khẩu tăng 12%.", []float64{12}, nil},
		{"Mục tiêu năm 2025: GRDP tăng 8%, thu nhập bình quân đầu người đạt 90 triệu đồng.", []float64{8, 90}, nil},
	})
}

// TestTableRatioColumn: a column that compares two others ("KH 2026 so
// với UTH 2025 (%)", "DT 2026 với UTH 2025 (%)", a formula "4=3/2") holds
// no target, even in a table of plans; the plan's own column does.
func TestTableRatioColumn(t *testing.T) {
	c := TargetContext{Issued: "2025-12-10", Kind: "plan"}
	checkPrecisionCases(t, c, []precisionCase{
		{"KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026\n" +
			"| STT | Chỉ tiêu | ĐVT | Ước thực hiện 2025 | Kế hoạch 2026 | KH 2026 so với UTH 2025 (%) |\n" +
			"| 1 | Tổng vốn đầu tư toàn xã hội | Tỷ đồng | 72.000 | 80.000 | 111,1 |\n",
			[]float64{80000}, []float64{111.1, 72000}},
		{"KẾ HOẠCH TÀI CHÍNH NGÂN SÁCH NĂM 2026\n" +
			"| STT | Nội dung | ĐVT | Kế hoạch 2026 | DT 2026 với UTH 2025 (%) |\n" +
			"| 1 | Thu nội địa | Tỷ đồng | 5.200 | 104,5 |\n",
			[]float64{5200}, []float64{104.5}},
	})
	for _, tc := range []struct {
		h    string
		want bool
	}{{"4=3/2", true}, {"*(5)=(4)/(3)*", true}, {"6 = 5/3 (%)", true}, {"2025", false}, {"1/2", false}, {"Kế hoạch", false}} {
		if got := tgRatioFormula(tc.h); got != tc.want {
			t.Errorf("tgRatioFormula(%q) = %v; want %v", tc.h, got, tc.want)
		}
	}
}

// TestWorkSpecification: a frequency or sample size of the work a plan
// lays out ("quan trắc với tần suất 2 lần/tháng") is no target; a count of
// times to reach stays.
func TestWorkSpecification(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "plan"}, []precisionCase{
		{"Mục tiêu năm 2025: các chỉ tiêu pH, độ mặn, độ kiềm quan trắc với tần suất 2 lần/tháng.", nil, []float64{2}},
		{"Mục tiêu năm 2025: lượng mẫu quan trắc 240 mẫu/năm; tỷ lệ mẫu đạt quy chuẩn trên 90%.", []float64{90}, []float64{240}},
		{"Mục tiêu năm 2025: tổ chức 4 lần/năm các đợt ra quân tuyên truyền.", []float64{4}, nil},
	})
	for _, tc := range []struct {
		unit string
		want bool
	}{{"lần/tháng", true}, {"mẫu/năm", true}, {"lần", false}, {"%/năm", false}, {"lượt/năm", false}} {
		if got := tgPerTime(tc.unit); got != tc.want {
			t.Errorf("tgPerTime(%q) = %v; want %v", tc.unit, got, tc.want)
		}
	}
}

// TestLexiconNormsAndConsequences: the words of a physical norm or a work
// specification are of the norm class, and the consequence of a condition
// met ("… thì lập đảng bộ", "… được tính 1 điểm") of the condition class,
// wherever the model sees them.
func TestLexiconNormsAndConsequences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"Phòng máy phải có độ ẩm từ 40% đến 70%.", "lx<norm"},
		{"Các chỉ tiêu quan trắc với tần suất 2 lần/tháng.", "lx<norm"},
		{"Tổ chức cơ sở đảng có từ 30 đảng viên trở lên thì lập đảng bộ cơ sở.", "lx>cond"},
		{"Có từ 20% đến 30% dân số là người dân tộc thiểu số được tính 1 điểm.", "lx>cond"},
	} {
		cands := TargetCandidates(tc.text, TargetContext{Issued: "2025-03-10", Kind: "decision"})
		if len(cands) == 0 {
			t.Errorf("%q: no candidate", tc.text)
			continue
		}
		found := false
		for _, f := range cands[0].Features {
			found = found || f == tc.want
		}
		if !found {
			t.Errorf("%q: no feature %q in %v", tc.text, tc.want, cands[0].Features)
		}
	}
}
