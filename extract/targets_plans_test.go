package extract

import "testing"

// TestOutcomeVetoScope: the words after a total that report an outcome
// veto it only in its own clause, outside brackets and before "trong đó":
// a bracket that explains the total, or a breakdown that names what exists
// already, reports nothing of the total.
func TestOutcomeVetoScope(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2010-03-10", Kind: "resolution"}, []precisionCase{
		{"Mục tiêu đến năm 2020 phát triển 45 siêu thị, trong đó hiện có 6 siêu thị và xây mới 39 siêu thị.",
			[]float64{45}, nil},
		{"Mục tiêu đến năm 2020 xây dựng mới 120 chợ (kể cả các chợ tạm hiện có được xây lại).",
			[]float64{120}, nil},
		// an outcome in the clause itself still vetoes
		{"Mục tiêu đến năm 2020 có 45 siêu thị đã đi vào hoạt động.", nil, []float64{45}},
		{"Đến năm 2020 phát triển 45 siêu thị, hiện có 6 siêu thị.", nil, []float64{6}},
	})
}

// TestPlannedAfterHorizon: "dự kiến" right after a horizon ahead, in a
// document that sets goals, gives the document's own expected figure, a
// goal; elsewhere it stays a forecast.
func TestPlannedAfterHorizon(t *testing.T) {
	cases := []precisionCase{
		{"Tổng giá trị sản phẩm chè tham gia xuất khẩu đến năm 2030 dự kiến đạt trên 40 triệu USD.", []float64{40}, nil},
		{"Đến năm 2030 dự kiến khoảng 90 hợp tác xã.", []float64{90}, nil},
		// "dự kiến" first, or a past horizon: a forecast
		{"Dự kiến đến năm 2030 dân số khoảng 250.000 người.", nil, []float64{250000}},
	}
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "decision"}, cases)
	// an article reports others' forecasts
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "article"}, []precisionCase{
		{"Tổng giá trị sản phẩm chè tham gia xuất khẩu đến năm 2030 dự kiến đạt trên 40 triệu USD.", nil, []float64{40}},
	})
}

// TestScheduleStep: a year or a period ahead at the head of its clause, in
// a document that sets goals, opens a step of a schedule; a past one, one
// inside the clause, or an article's does not.
func TestScheduleStep(t *testing.T) {
	c := TargetContext{Issued: "2008-12-01", Kind: "resolution"}
	checkPrecisionCases(t, c, []precisionCase{
		{"- Giai đoạn 2 (2011-2015) trồng mới 12.000 ha.", []float64{12000}, nil},
		{"- Năm 2012: vùng II xây dựng 03 nhà máy chế biến.", []float64{3}, nil},
		{"- Năm 2007 trồng mới 900 ha.", nil, []float64{900}},
		{"Toàn tỉnh có 900 ha cao su, năm 2010 trồng mới.", nil, []float64{900}},
	})
	checkPrecisionCases(t, TargetContext{Issued: "2008-12-01", Kind: "article"}, []precisionCase{
		{"- Năm 2012 trồng mới 3.000 ha.", nil, []float64{3000}},
	})
}
