package extract

import "testing"

// TestAwardCap: a cap on commendations, ratings or prizes is a target
// whatever the sentence reports (ANNOTATING.md); a cap on an amount paid
// to a person is a norm, and a floor or a level no cap.
func TestAwardCap(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "plan"}, []precisionCase{
		{"- Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân;", []float64{5}, nil},
		{"Cơ quan Trung ương trên địa bàn thành phố: Xét tối đa 2 tập thể và 4 cá nhân.", []float64{2, 4}, nil},
		{"Trong đó, số giải Nhất không vượt quá 10% tổng số giải; số giải Nhì không vượt quá 20% tổng số giải.", []float64{10, 20}, nil},
		{"Tỷ lệ khen thưởng mỗi lớp không quá 10% số học viên có thành tích xuất sắc nhất.", []float64{10}, nil},
		// in brackets, the second share after the first one's noun
		{"Chủ tịch UBND thành phố xem xét tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc *(tỷ lệ không quá 10% tập thể, 5% cá nhân đối tượng trực tiếp tham gia phong trào)*;", []float64{10, 5}, nil},
		{"Năm 2024 tặng Bằng khen cho 12 tập thể (chiếm 10% tập thể, 5% cá nhân tham gia).", nil, []float64{10, 5}},
		{"Chi phí hỗ trợ cho mỗi cá nhân không vượt quá 100.000 đồng/năm.", nil, []float64{100000}},
		{"Năm 2024 đã khen thưởng 12 tập thể và 30 cá nhân.", nil, []float64{12, 30}},
	})
	cases := []struct {
		text string
		num  string
		want bool
	}{
		{"Ủy ban bầu cử của tỉnh: Không quá 05 cá nhân;", "05", true},
		{"tập thể, cá nhân được xếp loại hoàn thành xuất sắc nhiệm vụ không vượt quá 20% tổng số tập thể", "20", true},
		{"Tỷ lệ hộ nghèo không quá 3% vào năm 2025", "3", false},
		{"số tập thể được khen thưởng đạt 20%", "20", false},
	}
	for _, tc := range cases {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		f := newTargetFinder(tc.text, TargetContext{Issued: "2025-03-10"})
		got := false
		for j, tk := range toks {
			if tk.raw != tc.num {
				continue
			}
			if q, ok := f.quantityAt(paraInfo{toks: toks}, j, 0, len(toks)); ok {
				got = tgAwardCap(toks, 0, len(toks), q)
			}
		}
		if got != tc.want {
			t.Errorf("tgAwardCap(%q, %s) = %v; want %v", tc.text, tc.num, got, tc.want)
		}
	}
}

// TestRangeAfterUnit: a range with its unit written at both ends is one
// quantity; two figures of two units or a smaller second one are not.
func TestRangeAfterUnit(t *testing.T) {
	cases := []struct {
		text     string
		min, max float64 // max 0: no range
	}{
		{"Có tổng số điểm từ 50 điểm đến 80 điểm", 50, 80},
		{"đạt từ 85 điểm đến dưới 95 điểm", 85, 95},
		{"Có tổng số điểm trên 90 điểm đến 100 điểm", 90, 100},
		{"vốn từ 2 tỷ đồng - 3 tỷ đồng", 2, 3},
		{"đạt 80 điểm đến 50 điểm", 80, 0},
		{"đạt 50 điểm đến 80 người", 50, 0},
	}
	for _, tc := range cases {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		f := newTargetFinder(tc.text, TargetContext{Issued: "2025-03-10"})
		var q tgQty
		found := false
		for j, tk := range toks {
			if tk.kind == tgNum && !found {
				q, found = f.quantityAt(paraInfo{toks: toks}, j, 0, len(toks))
			}
		}
		switch {
		case !found || q.value != tc.min:
			t.Errorf("%q: quantity %+v; want %g", tc.text, q, tc.min)
		case tc.max == 0 && q.max != nil:
			t.Errorf("%q: range up to %g; want none", tc.text, *q.max)
		case tc.max != 0 && (q.max == nil || *q.max != tc.max || q.cmp != "range"):
			t.Errorf("%q: %+v; want range %g-%g", tc.text, q, tc.min, tc.max)
		}
	}
}

// TestWithBase: the indicator of a change names the base after it.
func TestWithBase(t *testing.T) {
	cases := []struct{ text, ind string }{
		{"Năm 2020, mục tiêu lợi nhuận trước thuế tăng 13% so với năm 2019.", "tăng so với năm 2019"},
		{"Mục tiêu năm 2021: GDP tăng khoảng 6% so với năm 2020, lạm phát dưới 4%.", "tăng so với năm 2020"},
		{"Mục tiêu năm 2021: tỷ lệ hộ nghèo giảm 1,5%.", "giảm"},
	}
	checkFirstIndicator(t, cases, TargetContext{Issued: "2020-03-10", Kind: "plan"})
}

// TestGoalIndicator: a target stated only by a copula takes the goal its
// clause names as its indicator.
func TestGoalIndicator(t *testing.T) {
	cases := []struct{ text, ind string }{
		{"Năm 2018, chỉ tiêu phấn đấu thu NSNN là 283.000 tỷ đồng.", "chỉ tiêu phấn đấu"},
		{"Năm 2020, chỉ tiêu giao lần 3 là 10.024 tỷ đồng.", "chỉ tiêu giao"},
		{"Năm 2020, ngân hàng này đặt mục tiêu lợi nhuận trước thuế cả năm là 750 tỷ đồng.", "đạt"},
		{"Mục tiêu năm 2025: tỷ lệ hộ nghèo giảm còn 2%.", "giảm còn"},
	}
	checkFirstIndicator(t, cases, TargetContext{Issued: "2018-03-10", Kind: "article"})
}

// checkFirstIndicator checks the indicator of the first target found in
// each case's text.
func checkFirstIndicator(t *testing.T, cases []struct{ text, ind string }, ctx TargetContext) {
	t.Helper()
	for _, tc := range cases {
		ts, _ := FindTargetsWith(tc.text, ctx, nil)
		if len(ts) == 0 {
			t.Errorf("%q: no target", tc.text)
			continue
		}
		if ts[0].Indicator != tc.ind {
			t.Errorf("%q: indicator %q; want %q", tc.text, ts[0].Indicator, tc.ind)
		}
	}
}

// TestLoneFrom: "từ N" with no upper end nor a new level is a floor.
func TestLoneFrom(t *testing.T) {
	cases := []struct {
		text, num, cmp string
	}{
		{"phấn đấu tốc độ tăng trưởng XK hàng hóa bình quân từ 5%/năm, kim ngạch đạt 300 tỷ USD", "5", ">="},
		{"Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao", "05", ">="},
		{"Tỷ suất sinh giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ", "23", "="},
		{"đạt từ 70 đến 90 điểm", "70", "range"},
	}
	for _, tc := range cases {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		f := newTargetFinder(tc.text, TargetContext{Issued: "2025-03-10"})
		got := ""
		for j, tk := range toks {
			if tk.raw == tc.num && got == "" {
				if q, ok := f.quantityAt(paraInfo{toks: toks}, j, 0, len(toks)); ok {
					got = q.cmp
				}
			}
		}
		if got != tc.cmp {
			t.Errorf("%q: comparator %q; want %q", tc.text, got, tc.cmp)
		}
	}
}
