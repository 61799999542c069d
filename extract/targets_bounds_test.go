package extract

import "testing"

// boundCase is a sentence, the value of one of its quantities, and the
// comparator and unit its candidate should have ("" unit: no candidate).
type boundCase struct {
	text string
	v    float64
	cmp  string
	unit string
}

// checkBoundCases runs the candidate finder on each case and checks the
// candidate of value v.
func checkBoundCases(t *testing.T, c TargetContext, cases []boundCase) {
	t.Helper()
	for _, tc := range cases {
		var got *TargetCandidate
		cands := TargetCandidates(tc.text, c)
		for i := range cands {
			if cands[i].Target.Value == tc.v {
				got = &cands[i]
				break
			}
		}
		switch {
		case tc.unit == "" && got != nil:
			t.Errorf("%q: candidate %s %g %s; want none", tc.text, got.Target.Comparator, tc.v, got.Target.Unit)
		case tc.unit == "":
		case got == nil:
			t.Errorf("%q: no candidate %g; want %s %g %s", tc.text, tc.v, tc.cmp, tc.v, tc.unit)
		case got.Target.Comparator != tc.cmp || got.Target.Unit != tc.unit:
			t.Errorf("%q: candidate %s %g %s; want %s %g %s", tc.text, got.Target.Comparator, tc.v, got.Target.Unit, tc.cmp, tc.v, tc.unit)
		}
	}
}

// TestNegatedFloor: "không có X đạt dưới Y" sets a floor (>=) on every X;
// a "dưới" no "đạt" follows a "không có" to stays a ceiling.
func TestNegatedFloor(t *testing.T) {
	checkBoundCases(t, TargetContext{Issued: "2025-08-22", Kind: "resolution"}, []boundCase{
		{"Mục tiêu đến năm 2030: ít nhất 85% người trong độ tuổi hoàn thành cấp trung học phổ thông, không có tỉnh, thành phố đạt dưới 60%.", 60, ">=", "%"},
		{"Mục tiêu đến năm 2030: không có huyện nào đạt dưới 50%.", 50, ">=", "%"},
		{"Mục tiêu đến năm 2030: tỷ lệ hộ nghèo dưới 3%.", 3, "<", "%"},
		{"Mục tiêu đến năm 2030: không có xã nào có tỷ lệ hộ nghèo; tỷ lệ thất nghiệp đạt dưới 4%.", 4, "<", "%"},
	})
	toks := tgTokenize("không có giấy tờ để xác định dưới 16 tuổi", 0, 44)
	if tgNegatedFloor(toks, 0, tgQty{cmp: "<", first: 6}) {
		t.Errorf("tgNegatedFloor: a condition on age read as a floor")
	}
}

// TestIndexValue: a unitless value of a named index after a comparator
// or "đạt" is a quantity in "điểm"; a bare number elsewhere is none.
func TestIndexValue(t *testing.T) {
	checkBoundCases(t, TargetContext{Issued: "2025-08-22", Kind: "resolution"}, []boundCase{
		{"Mục tiêu đến năm 2030: chỉ số phát triển con người (HDI) duy trì trên 0,7.", 0.7, ">", "điểm"},
		{"Mục tiêu đến năm 2030: chỉ số giáo dục đóng góp vào chỉ số HDI đạt trên 0,85; tỷ lệ nhập học đạt 90%.", 0.85, ">", "điểm"},
		{"Mục tiêu đến năm 2030: chỉ số năng lực cạnh tranh đạt 0,65, trong đó chỉ số thành phần tăng.", 0.65, "=", "điểm"},
		{"Mục tiêu đến năm 2030: hệ số sử dụng đất đạt trên 0,8.", 0.8, "", ""},
		{"Mục tiêu đến năm 2030: chỉ số HDI tăng 0,5 điểm.", 0.5, "=", "điểm"},
		{"Chỉ số giá tiêu dùng tháng 5 là 1,25 so với cùng kỳ.", 1.25, "", ""},
		{"Mục tiêu đến năm 2030: chỉ số phát triển con người đạt trên 7.", 7, "", ""},
	})
}

// TestFloorOfOne: "ít nhất 01" or "tối thiểu 01" of a counted thing no
// unit list names is a quantity; a bare "01" of it is not.
func TestFloorOfOne(t *testing.T) {
	checkBoundCases(t, TargetContext{Issued: "2025-08-22", Kind: "plan"}, []boundCase{
		{"Mục tiêu đến năm 2030: hình thành ít nhất 01 trung tâm logistics hiện đại.", 1, ">=", "trung tâm"},
		{"Mục tiêu đến năm 2030: phát triển và triển khai tối thiểu 01 sàn giao dịch dữ liệu.", 1, ">=", "sàn giao"},
		{"Mục tiêu đến năm 2030: mỗi hồ sơ gồm 01 bộ hồ sơ gốc.", 1, "", ""},
		{"Xã đáp ứng ít nhất 01 trong 02 tiêu chí sau đây.", 1, "", ""},
	})
}

// TestSharedBoundCounts: a bound before a list of counts of different
// things, each with its noun, bounds each of them.
func TestSharedBoundCounts(t *testing.T) {
	checkBoundCases(t, TargetContext{Issued: "2025-08-22", Kind: "resolution"}, []boundCase{
		{"Mục tiêu đến năm 2030: có ít nhất 6.000 nghiên cứu sinh, 20.000 người học các chương trình tài năng.", 20000, ">=", "người"},
		{"Mục tiêu đến năm 2030: có ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp khoa học công nghệ.", 50, ">=", "doanh nghiệp"},
		{"Mục tiêu đến năm 2030: tỷ lệ đô thị hóa đạt tối thiểu 50%, 20.000 người học các chương trình tài năng.", 20000, "=", "người"},
	})
}

// TestOpenUpward: "hoặc có thể cao hơn" after a figure leaves it open
// upward and is no forecast: the sentence's targets stay targets.
func TestOpenUpward(t *testing.T) {
	text := "Mục tiêu cụ thể đến năm 2030: tổng công suất các nguồn điện khoảng 183 - 236 GW hoặc có thể cao hơn tuỳ thuộc vào nhu cầu; tổng sản lượng điện khoảng 560 - 624 tỉ KWh."
	found := false
	for _, c := range TargetCandidates(text, TargetContext{Issued: "2025-08-22", Kind: "resolution"}) {
		if c.Target.Value == 560 {
			found = c.Rule
		}
	}
	if !found {
		t.Errorf("%q: 560 - 624 tỉ KWh is no target by the rules; want one", text)
	}
}
