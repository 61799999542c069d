package extract

import "testing"

// TestForecastStockRows: in a forecast table ("DỰ BÁO MỘT SỐ CHỈ TIÊU"),
// the plan column's counts of people and facilities are the statistics
// the budget is reckoned on; its rates and levels, and a count its label
// says is reached, stay targets.
func TestForecastStockRows(t *testing.T) {
	text := "**DỰ BÁO MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU GIAI ĐOẠN 2026 - 2028**\n\n" +
		"| STT | Nội dung | Đơn vị tính | Kế hoạch 2025 | Năm 2026 |\n" +
		"|---|---|---|---|---|\n" +
		"| 1 | Tốc độ tăng trưởng GRDP | % | 8,00 | 10,00 |\n" +
		"| 2 | Dân số | Triệu người | 2,607 | 2,150 |\n" +
		"| 3 | Số giường bệnh | Giường | 4.157 | 7.060 |\n" +
		"| 4 | Số xã đạt chuẩn nông thôn mới | Xã | 52 | 60 |\n"
	checkPrecisionCases(t, TargetContext{Issued: "2025-11-24", Kind: "plan"}, []precisionCase{
		{text, []float64{8, 52}, []float64{2.607, 4157}},
	})
}

// TestStockRow: a bare count without a verb of achievement is a stock; a
// count per head, a level in money or a label that says "đạt" is not.
func TestStockRow(t *testing.T) {
	for _, tc := range []struct {
		unit  tgUnit
		ind   string
		label string
		want  bool
	}{
		{tgUnit{text: "giường", count: true}, "đạt", "- Số giường bệnh", true},
		{tgUnit{text: "người", count: true}, "đạt", "+ Học sinh bán trú", true},
		{tgUnit{text: "xã", count: true}, "đạt", "Số xã đạt chuẩn", false},
		{tgUnit{text: "doanh nghiệp", count: true}, "thành lập mới", "Số doanh nghiệp thành lập mới", false},
		{tgUnit{text: "giường/vạn dân"}, "đạt", "Số giường bệnh/vạn dân", false},
		{tgUnit{text: "tỷ đồng"}, "đạt", "Vốn đầu tư", false},
		{tgUnit{text: "%"}, "đạt", "Tỷ lệ hộ nghèo", false},
	} {
		if got := tgStockRow(tc.unit, tc.ind, tc.label); got != tc.want {
			t.Errorf("tgStockRow(%q, %q, %q) = %v, want %v", tc.unit.text, tc.ind, tc.label, got, tc.want)
		}
	}
}

// TestMarkerTypos: a misspelt "ước" ("Uớc thực hiện", "ứơc tính") reads
// as the marker of an estimate.
func TestMarkerTypos(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Uớc", "ước"}, {"uớc", "ước"}, {"ứơc", "ước"}, {"Ước", "ước"}, {"Ngân", "ngân"}, {"đạt", "đạt"},
	} {
		if got := tgLower(tc.in); got != tc.want {
			t.Errorf("tgLower(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	c := TargetContext{Issued: "2025-11-24", Kind: "plan"}
	checkPrecisionCases(t, c, []precisionCase{
		{"Chi thường xuyên: Ước thực hiện cả năm là 15.942 tỷ đồng.", nil, []float64{15942}},
		{"Chi thường xuyên: Uớc thực hiện cả năm là 15.942 tỷ đồng.", nil, []float64{15942}},
	})
}

// TestUnalignedOutturnCell: a row shorter than the table, under a heading
// of targets, has cells no header stands over; when a column of the table
// holds estimates they may be estimates, and are no targets by rule. In a
// table without such a column, the heading still makes them targets.
func TestUnalignedOutturnCell(t *testing.T) {
	head := "**II. MỤC TIÊU VAY VÀ TRẢ NỢ GIAI ĐOẠN 2026 - 2028**\n\nChi tiết như biểu sau.\n\n*(Kèm theo Kế hoạch số 204/KH-UBND của Ủy ban nhân dân tỉnh)*\n\n*Đơn vị: tỷ đồng.*\n\n"
	body := "| 1 | Tổng dư nợ đầu năm (tỷ đồng) | 311 | 292 | 240 | 250 |\n" +
		"| 2 | Tỷ lệ dư nợ cuối kỳ (%) | 16,20 | 13,74 |\n" +
		"| 3 | Bội chi ngân sách (tỷ đồng) | 41 | 21 | 18 | 19 |\n"
	c := TargetContext{Issued: "2025-11-24", Kind: "plan"}
	checkPrecisionCases(t, c, []precisionCase{
		{head + "| STT | Nội dung | Dự toán 2025 | Ước thực hiện 2025 | Dự toán 2026 | Dự kiến 2027 |\n|---|---|---|---|---|---|\n" + body,
			nil, []float64{16.2, 13.74}},
		{head + "| STT | Nội dung | Năm 2025 | Năm 2026 | Năm 2027 | Năm 2028 |\n|---|---|---|---|---|---|\n" + body,
			[]float64{16.2, 13.74}, nil},
	})
}
