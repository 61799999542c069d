package extract

import "testing"

// TestTgRelNow: "so với hiện nay/hiện tại" is a base of now; other
// bases are not.
func TestTgRelNow(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"so với hiện nay", true},
		{"so với hiện tại.", true},
		{"so với năm 2020", false},
		{"so với cùng kỳ", false},
		{"hiện nay", false},
	}
	for _, tc := range cases {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		if got := tgRelNow(toks, 0); got != tc.want {
			t.Errorf("tgRelNow(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestReductionAgainstNow: a change against now in a sentence that sets
// goals is a target, as one against a year is; in a report it is not.
func TestReductionAgainstNow(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-04-12", Kind: "resolution"}, []precisionCase{
		{"Mục tiêu đến năm 2030, cả nước giảm khoảng 60 - 70% số lượng đơn vị hành chính cấp xã so với hiện nay.",
			[]float64{60}, nil},
		{"Phấn đấu đến năm 2030 giảm 20% số đầu mối so với hiện nay.", []float64{20}, nil},
		{"Số vụ tai nạn giao thông năm 2024 giảm 12% so với cùng kỳ.", nil, []float64{12}},
	})
}

// TestRatePerInhabitants: "trên" between two figures means "per" ("12
// người trên một vạn dân"): the second figure is the rate's base, no
// bound to reach; "trên 10.000 người" alone is one.
func TestRatePerInhabitants(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-01-22", Kind: "resolution"}, []precisionCase{
		{"Mục tiêu đến năm 2030, nguồn nhân lực nghiên cứu khoa học đạt 12 người trên một vạn dân.",
			[]float64{12}, []float64{10000}},
		{"Phấn đấu đến năm 2030 đạt 35 giường bệnh trên 10.000 dân.", []float64{35}, []float64{10000}},
		{"Mục tiêu đến năm 2030 đạt 19 bác sĩ trên 1.000 dân.", []float64{19}, []float64{1000}},
		{"Phấn đấu đến năm 2030 tạo việc làm cho trên 10.000 người.", []float64{10000}, nil},
	})
}

// TestTgDenominator: the base of a rate per inhabitants, by the word
// before it and the figure it follows.
func TestTgDenominator(t *testing.T) {
	cases := []struct {
		text string
		v    float64
		want bool
	}{
		{"12 người trên 10000 dân", 10000, true},
		{"35 giường bệnh trên 1000 dân", 1000, true},
		{"giường bệnh trên 1 dân", 1, true},
		{"cho trên 10000 người", 10000, false},    // no figure before: a bound
		{"12 người trên 12000 dân", 12000, false}, // no power of ten
		{"12 người và 10000 dân", 10000, false},
	}
	for _, tc := range cases {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		j := len(toks) - 2
		u := tgUnit{text: toks[len(toks)-1].low}
		if got := tgDenominator(toks, j, tc.v, u); got != tc.want {
			t.Errorf("tgDenominator(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// TestFloorWithDuty: a floor stays a floor with a verb of duty after it
// ("tối thiểu phải đạt") and with its tone mistyped ("tối thiếu").
func TestFloorWithDuty(t *testing.T) {
	c := TargetContext{Issued: "2021-04-12", Kind: "plan"}
	cases := []struct {
		text string
		cmp  string
		v    float64
	}{
		{"Năm 2021 ngành Hải quan thu ngân sách tối thiểu phải đạt 312.000 tỷ đồng.", ">=", 312000},
		{"Năm 2021 ngành Hải quan thu ngân sách tối thiếu phải đạt 312.000 tỷ đồng.", ">=", 312000},
		{"Năm 2025 phấn đấu thu ngân sách tối thiếu 300 tỷ đồng.", ">=", 300},
		{"Năm 2025 phấn đấu tỷ lệ hộ dùng nước sạch ít nhất cần đạt 95%.", ">=", 95},
		{"Năm 2025 phấn đấu thu ngân sách đạt 300 tỷ đồng.", "=", 300},
	}
	for _, tc := range cases {
		ts, _ := FindTargetsWith(tc.text, c, nil)
		found := false
		for _, tg := range ts {
			if tg.Value == tc.v {
				found = true
				if tg.Comparator != tc.cmp {
					t.Errorf("FindTargets(%q): comparator %q; want %q", tc.text, tg.Comparator, tc.cmp)
				}
			}
		}
		if !found {
			t.Errorf("FindTargets(%q): no target %g in %+v", tc.text, tc.v, ts)
		}
	}
}
