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
