package extract

import (
	"strings"
	"testing"
)

func TestDefaultTargetModel(t *testing.T) {
	m, err := DefaultTargetModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != featureVersion || len(m.Weights) == 0 {
		t.Fatalf("embedded model: version %q, %d weights; want %q and weights", m.Version, len(m.Weights), featureVersion)
	}
	if m.Weights["rule"] <= 0 {
		t.Errorf("embedded model weighs the rules' verdict %.2f; want it positive", m.Weights["rule"])
	}
	if _, err := ParseTargetModel([]byte(`{"version":"old","weights":{}}`)); err == nil {
		t.Error("ParseTargetModel accepted a model trained on another feature set")
	}
}

// TestTargetModelDecisions: sentences whose answer no careful reader
// doubts, decided by the embedded model.
func TestTargetModelDecisions(t *testing.T) {
	c := TargetContext{Issued: "2024-03-01", Kind: "resolution", Number: "05-NQ/HU"}
	for _, tt := range []struct {
		text string
		want []float64 // the values of the targets, in order
	}{
		{"Mục tiêu đến năm 2030: tỷ lệ hộ nghèo giảm xuống dưới 2%; thu nhập bình quân đầu người đạt 120 triệu đồng.", []float64{2, 120}},
		{"Phấn đấu đến năm 2025 có từ 90% tổ chức cơ sở đảng trở lên hoàn thành tốt nhiệm vụ.", []float64{90}},
		{"II. CHỈ TIÊU CHỦ YẾU NĂM 2025\n1. Tốc độ tăng trưởng kinh tế đạt 8%.\n2. Tỷ lệ che phủ rừng đạt 45%.", []float64{8, 45}},
		{"Năm 2023, tỷ lệ hộ nghèo giảm còn 3,2%; kim ngạch xuất khẩu đạt 5 tỷ USD, tăng 12% so với cùng kỳ.", nil},
		{"Theo dự báo của ADB, GDP năm 2025 có thể tăng 6,5%.", nil},
		{"Mức hỗ trợ là 500.000 đồng/người/tháng, thời gian hỗ trợ tối đa 6 tháng.", nil},
		{"I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM KỲ 2015 - 2020\nTỷ lệ hộ nghèo giảm còn 2,1%; có 9 xã đạt chuẩn nông thôn mới.", nil},
	} {
		got := FindTargets(tt.text, c)
		var vals []float64
		var b strings.Builder
		for _, g := range got {
			vals = append(vals, g.Value)
			b.WriteString("\n  " + g.Text)
			if g.Confidence <= 0 || g.Confidence > 1 {
				t.Errorf("FindTargets(%q): confidence %v of %q; want in (0, 1]", tt.text, g.Confidence, g.Text)
			}
		}
		if len(vals) != len(tt.want) {
			t.Errorf("FindTargets(%q) = %v; want %v%s", tt.text, vals, tt.want, b.String())
			continue
		}
		for i := range vals {
			if vals[i] != tt.want[i] {
				t.Errorf("FindTargets(%q) = %v; want %v", tt.text, vals, tt.want)
				break
			}
		}
	}
}

// TestSigDigits: the precision feature counts significant digits.
func TestSigDigits(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{100, "1"}, {5, "1"}, {0.5, "1"}, {95, "2"}, {7.5, "2"}, {2000, "1"},
		{125, "3"}, {3.85, "3"}, {5396, "4+"}, {187.55, "4+"}, {0, "1"},
	} {
		if got := sigDigits(tc.v); got != tc.want {
			t.Errorf("sigDigits(%g) = %s; want %s", tc.v, got, tc.want)
		}
	}
}
