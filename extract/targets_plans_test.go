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
		// the step after a step: its own time frame, not one carried
		{"- Giai đoạn 1 (2009-2010) trồng mới 5.000 ha.\n- Giai đoạn 2 (2011-2015) trồng mới 12.000 ha.", []float64{5000, 12000}, nil},
		{"- Năm 2007 trồng mới 900 ha.", nil, []float64{900}},
		{"Toàn tỉnh có 900 ha cao su, năm 2010 trồng mới.", nil, []float64{900}},
	})
	checkPrecisionCases(t, TargetContext{Issued: "2008-12-01", Kind: "article"}, []precisionCase{
		{"- Năm 2012 trồng mới 3.000 ha.", nil, []float64{3000}},
	})
}

// TestOwnHorizon: in a list carried on from a target sentence, a clause
// with a horizon ahead of its own sets its figure for that horizon: a
// target of its own shape, with no verb to reach.
func TestOwnHorizon(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2008-12-01", Kind: "resolution"}, []precisionCase{
		{"Mục tiêu về sản phẩm: đến năm 2015 sản lượng mủ đạt 500 tấn. Đến năm 2020 có 11.000 ha cao su được khai thác mủ.",
			[]float64{500, 11000}, nil},
	})
}

// TestEmphasisNoFormula: asterisks of markdown emphasis around a list
// label are no signs of multiplication; a product still is a formula.
func TestEmphasisNoFormula(t *testing.T) {
	checkPrecisionCases(t, TargetContext{Issued: "2025-03-10", Kind: "plan"}, []precisionCase{
		{"**II. MỤC TIÊU CHỦ YẾU**\n\n**1. **100% cán bộ làm công tác pháp chế có trình độ đại học luật.", []float64{100}, nil},
		{"Mục tiêu: thuế phải nộp = 525.000 x 50% x 2.", nil, []float64{50}},
	})
}
