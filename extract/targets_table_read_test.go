package extract

import (
	"strings"
	"testing"
)

// cellTable writes rows as a cell-per-line table ("|" between cells, two
// between rows), the form Markdown converted from HTML has.
func cellTable(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("|\n")
	for k, r := range rows {
		if k > 0 {
			b.WriteString("|\n")
		}
		for _, c := range r {
			b.WriteString(c + "\n|\n")
		}
	}
	return b.String()
}

// TestCellTableBounds: a cell-per-line table ends at its last bar, also
// where the reader kept no blank line after it (PDF text), where a
// caption or an article runs into the next table, and where a page break
// or a reader joined a bar to its cell.
func TestCellTableBounds(t *testing.T) {
	heading := cellTable([]string{"ỦY BAN NHÂN DÂN\nTỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, []string{"Số: 12/KH-UBND", "X, ngày 1 tháng 2 năm 2026"})
	body := "KẾ HOẠCH\nPhát triển kinh tế số\nI. MỤC TIÊU\n(1) Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP;\n"
	targets := []tgWant{{">=", 30, 0, "%", "kinh tế số", "-", -1}}
	ctx := TargetContext{Kind: "plan", Issued: "2026-02-01"}
	for _, c := range []struct {
		name, text string
		want       []tgWant
	}{
		{"blank line after the heading's table", heading + "\n" + body, targets},
		{"no blank line after it", heading + body, targets},
		{"no blank line at all", strings.ReplaceAll(heading+"\n"+body, "\n\n", "\n"), targets},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkTargets(t, c.text, ctx, c.want)
		})
	}

	// two tables with a caption between them and no blank line
	t1 := cellTable([]string{"TT", "Chỉ tiêu", "Đơn vị", "Năm 2030"}, []string{"1", "Tỷ lệ hộ nghèo", "%", "2"})
	t2 := cellTable([]string{"TT", "Sản phẩm", "Đơn vị", "Năm 2030"}, []string{"1", "Cà phê", "Tấn", "39.000"})
	text := t1 + "PHỤ LỤC 02\n(Kèm theo Kế hoạch số 12/KH-UBND)\n" + t2
	tables := tgFindTables(text)
	if len(tables) != 2 {
		t.Fatalf("found %d tables in two tables with a caption between, want 2", len(tables))
	}
	if got := text[tables[0].end:tables[1].start]; !strings.Contains(got, "PHỤ LỤC 02") {
		t.Errorf("the caption %q is not between the tables", got)
	}
	if c := (&targetFinder{text: text}).captionAbove(tables[1]); !strings.HasPrefix(text[c.start:c.end], "PHỤ LỤC 02") {
		t.Errorf("the second table's caption is %q, want the text between the tables", text[c.start:c.end])
	}

	// a page break between two bars, a bar joined to a cell
	joined := strings.Replace(strings.Replace(t1, "|\n|\n", "|\f|\n", 1), "\n|\n%", " |\n%", 1)
	if tables := tgFindTables(joined); len(tables) != 1 || len(tables[0].rows) != 2 {
		t.Errorf("joined bars: %d tables, want 1 of 2 rows (%q)", len(tables), joined)
	}
}

// TestSplitBar splits a bar a reader joined to its cell, and nothing else.
func TestSplitBar(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"|Ha", []string{"|", "Ha"}},
		{"Tổng sản phẩm (GRDP) |", []string{"Tổng sản phẩm (GRDP) ", "|"}},
		{"||", []string{"|", "|"}},
		{"|", []string{"|"}},
		{"| a | b |", []string{"| a | b |"}},
		{"a | b", []string{"a | b"}},
		{"Tỷ lệ hộ nghèo", []string{"Tỷ lệ hộ nghèo"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range tgSplitBar(tt.line, nil, tgLine{0, len(tt.line)}) {
			got = append(got, tt.line[l.start:l.end])
		}
		if strings.Join(got, "¶") != strings.Join(tt.want, "¶") {
			t.Errorf("tgSplitBar(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestOutsideTable tells the text between two tables from a cell.
func TestOutsideTable(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"**PHỤ LỤC 02**", true},
		{"*(Ban hành kèm theo Quyết định số 2954/QĐ-UBND)*", true},
		{"*Căn cứ Luật Tổ chức chính quyền địa phương;*", true},
		{"**QUYẾT ĐỊNH:**", true},
		{"**Điều 1. **Ban hành kèm theo", true},
		{"**QUYẾT ĐỊNH**", true},
		{"Tỷ lệ hộ nghèo", false},
		{"Điều kiện", false},
		{"39.000", false},
		{"Nơi nhận:", false},
	}
	for _, tt := range tests {
		if got := tgOutsideTable(tt.line); got != tt.want {
			t.Errorf("tgOutsideTable(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestTableRestatement merges a body target that an appendix table
// restates row by row, and keeps apart what differs.
func TestTableRestatement(t *testing.T) {
	per := func(s, e string) *Period { return &Period{Start: s, End: e} }
	body := tgFound{t: Target{Comparator: "=", Value: 100, Unit: "%", Text: "100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", Period: per("2028", "2030")}}
	row := tgFound{table: true, t: Target{Comparator: "=", Value: 100, Unit: "%", Text: "Tỉ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa | % | 100%", Period: per("2028", "2030")}}
	other := row
	other.t.Period = per("2025", "2027")
	otherThing := row
	otherThing.t.Text = "Tỉ lệ người dân hài lòng khi sử dụng dịch vụ công | % | 100%"
	// an appendix in "nghìn USD" and one-word rows ("Xoài") restating the body
	mango := tgFound{t: Target{Comparator: "=", Value: 10, Unit: "triệu USD", Subject: "tổng giá trị sản phẩm Xoài tham gia xuất khẩu",
		Text: "tổng giá trị sản phẩm Xoài tham gia xuất khẩu đến năm 2030 dự kiến đạt 10 triệu USD", Period: per("", "2030")}}
	mangoRow := tgFound{table: true, t: Target{Comparator: "=", Value: 10000, Unit: "nghìn USD", Subject: "Xoài", Text: "Xoài | 9.300 | 18.000 | 10.000", Period: per("2030", "2030")}}
	mangoTons := mangoRow
	mangoTons.t.Value, mangoTons.t.Unit = 10000, "tấn"
	cornRow := mangoRow
	cornRow.t.Subject, cornRow.t.Text = "Sản phẩm ngô ngọt", "Sản phẩm ngô ngọt | 2.800 | 10.000"
	above := mango
	above.t.Comparator = ">"
	rowAbove := mangoRow
	rowAbove.t.Comparator = ">"
	mangoBelow := mango
	mangoBelow.t.Comparator = "<"
	tests := []struct {
		name string
		a, b tgFound
		want bool
	}{
		{"body and its row", body, row, true},
		{"row and body", row, body, true},
		{"another period", body, other, false},
		{"another thing", body, otherThing, false},
		{"two rows", row, row, false},
		{"two sentences", body, body, false},
		{"scaled unit, one-word row", mango, mangoRow, true},
		{"row first", mangoRow, mango, true},
		{"another unit", mango, mangoTons, false},
		{"another row", mango, cornRow, false},
		{"cell restates trên", above, mangoRow, true},
		{"comparators differ", mangoBelow, rowAbove, false},
	}
	for _, tt := range tests {
		if got := tgTableRestatement(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCaptionAbove: the caption written over a Markdown table says what
// its "Kết quả" column holds: targets under "DANH MỤC CÁC CHỈ TIÊU",
// forecasts under "DỰ BÁO MỘT SỐ CHỈ TIÊU", results without a caption.
func TestCaptionAbove(t *testing.T) {
	table := "| TT | Chỉ tiêu | Đơn vị | Kết quả |\n|---|---|---|---|\n| I | Đến năm 2030 | | |\n| 1 | Tỷ lệ doanh nghiệp ứng dụng nền tảng số | % | 80% |\n"
	ctx := TargetContext{Kind: "resolution", Issued: "2025-01-01"}
	want := []tgWant{{"=", 80, 0, "%", "doanh nghiệp", "..2030", -1}}
	for _, c := range []struct {
		name, caption string
		want          []tgWant
	}{
		{"caption of targets", "PHỤ LỤC I\n\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ\n\n(Kèm theo Nghị quyết số 03/NQ-CP)\n\n", want},
		{"caption of forecasts", "Mẫu biểu số 01\n\nDỰ BÁO MỘT SỐ CHỈ TIÊU CHỦ YẾU\n\n", nil},
		{"the caption names the plan it is attached to", "PHỤ LỤC\n\n(Kèm theo Kế hoạch số 12/KH-UBND)\n\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkTargets(t, "NGHỊ QUYẾT\n\nCác bộ, ngành triển khai thực hiện.\n\n"+c.caption+table, ctx, c.want)
		})
	}
}

// TestUnitColumn: the column headed "Đơn vị tính" ("ĐVT", "Đơn vị") gives
// its row's numbers their unit whatever its words: a share of a base
// ("% GDP") is "%", other words are the unit as written, lower case but for
// acronyms, without "Số" before a count; a long description is no unit.
func TestUnitColumn(t *testing.T) {
	ctx := TargetContext{Kind: "resolution", Issued: "2025-01-10"}
	caption := "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030\n\n"
	row := func(header, unit, value string) string {
		return caption + "| TT | Chỉ tiêu | " + header + " | Mục tiêu năm 2030 |\n| --- | --- | --- | --- |\n" +
			"| 1 | Xếp hạng đổi mới sáng tạo | " + unit + " | " + value + " |\n"
	}
	for _, c := range []struct {
		name, text string
		want       []tgWant
	}{
		{"a share of GDP", row("Đơn vị", "% GDP", "≥ 30"), []tgWant{{">=", 30, 0, "%", "xếp hạng", "-", -1}}},
		{"a rank", row("Đơn vị tính", "Thứ bậc", "≤ 30"), []tgWant{{"<=", 30, 0, "thứ bậc", "xếp hạng", "-", -1}}},
		{"an acronym", row("ĐVT", "Km đường GTNT", "350"), []tgWant{{"=", 350, 0, "km đường GTNT", "xếp hạng", "-", -1}}},
		{"a count of", row("Đơn vị", "Số doanh nghiệp/1000 dân", "1"), []tgWant{{"=", 1, 0, "doanh nghiệp/1000 dân", "xếp hạng", "-", -1}}},
		{"two nouns", row("Đơn vị", "Thành phố, Tỉnh", "≥ 6"), []tgWant{{">=", 6, 0, "thành phố, tỉnh", "xếp hạng", "-", -1}}},
		{"a description is no unit", row("Đơn vị", "Chỉ số phát triển con người (HDI)", "> 0,7"), nil},
		{"no unit header", row("Ghi chú", "Thứ bậc", "≤ 30"), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkTargets(t, c.text, ctx, c.want)
		})
	}
}

// TestCmpTyped: a comparator typed as two signs (">=", "<=") bounds the
// number as "≥" and "≤" do.
func TestCmpTyped(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"tối thiểu >= 30", ">="},
		{"<= 10", "<="},
		{"≥ 30", ">="},
		{"> = 30", ""},
		{"= 30", ""},
	} {
		toks := tgTokenize(c.text, 0, len(c.text))
		j := len(toks) - 1
		got, _, ok := tgCmpBefore(toks, j)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("tgCmpBefore(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCellBounds: a cell of several bounds split by semicolons, each with
// a short scope ("≤ 3 Đông Nam Á; ≤ 50 Thế giới"), holds one value each;
// a cell of words with numbers in it holds none.
func TestCellBounds(t *testing.T) {
	ctx := TargetContext{Kind: "resolution", Issued: "2025-01-10"}
	table := func(value string) string {
		return "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030\n\n| TT | Chỉ tiêu | Đơn vị | Mục tiêu |\n| --- | --- | --- | --- |\n" +
			"| 1 | Xếp hạng năng lực cạnh tranh số | Thứ bậc | " + value + " |\n"
	}
	for _, c := range []struct {
		name, value string
		want        []tgWant
	}{
		{"two scopes", "≤ 3 Đông Nam Á; ≤ 50 Thế giới", []tgWant{
			{"<=", 3, 0, "thứ bậc", "xếp hạng", "-", -1}, {"<=", 50, 0, "thứ bậc", "xếp hạng", "-", -1}}},
		{"one scope", "≤ 3 Đông Nam Á", []tgWant{{"<=", 3, 0, "thứ bậc", "xếp hạng", "-", -1}}},
		{"a long scope is words", "≤ 3 trong khu vực Đông Nam Á; ≤ 50 Thế giới", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkTargets(t, table(c.value), ctx, c.want)
		})
	}
}

// TestLeadValue: in a column of numbers, a cell that opens with a value
// and goes on with a comment after a conjunction or a bracket holds that
// value; a cell of words, or one whose number goes on as a phrase, none.
func TestLeadValue(t *testing.T) {
	ctx := TargetContext{Kind: "resolution", Issued: "2025-01-10"}
	table := func(value string) string {
		return "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030\n\n| TT | Chỉ tiêu | Đơn vị | Mục tiêu |\n| --- | --- | --- | --- |\n" +
			"| 1 | Tỷ lệ giao dịch không dùng tiền mặt | % | ≥ 80 |\n" +
			"| 2 | Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo | % | ≥ 40 |\n" +
			"| 3 | Chi ngân sách cho khoa học, công nghệ | % tổng chi NSNN | " + value + " |\n"
	}
	two := []tgWant{{">=", 80, 0, "%", "giao dịch", "-", -1}, {">=", 40, 0, "%", "doanh nghiệp", "-", -1}}
	for _, c := range []struct {
		name, value string
		want        []tgWant
	}{
		{"a value and a trend", "≥ 3% và tăng dần theo yêu cầu phát triển", append(two[:2:2], tgWant{">=", 3, 0, "%", "chi ngân sách", "-", -1})},
		{"a value and a bracket", "3 (tăng dần theo yêu cầu phát triển hằng năm)", append(two[:2:2], tgWant{"=", 3, 0, "%", "chi ngân sách", "-", -1})},
		{"a phrase", "tăng dần đến 3 lần mức hiện nay của cả nước", two},
		{"a number that goes on", "3 lần mức hiện nay của cả nước", two},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkTargets(t, table(c.value), ctx, c.want)
		})
	}
}

// TestScaledKey: scale words set aside, "10 triệu USD" and "10.000 nghìn
// USD" share a key; other units and values do not.
func TestScaledKey(t *testing.T) {
	vmax := 8.0
	tests := []struct {
		a, b Target
		same bool
	}{
		{Target{Value: 10, Unit: "triệu USD"}, Target{Value: 10000, Unit: "nghìn USD"}, true},
		{Target{Value: 30.2, Unit: "triệu USD"}, Target{Value: 30200, Unit: "nghìn USD"}, true},
		{Target{Value: 1.5, Unit: "nghìn tỷ đồng"}, Target{Value: 1500, Unit: "tỷ đồng"}, true},
		{Target{Value: 5, Unit: "%/năm"}, Target{Value: 5, Unit: "%"}, true},
		{Target{Value: 10, Unit: "triệu USD"}, Target{Value: 10, Unit: "USD"}, false},
		{Target{Value: 10, Unit: "tấn"}, Target{Value: 10, Unit: "ha"}, false},
		{Target{Value: 7, Unit: "%", ValueMax: &vmax}, Target{Value: 7, Unit: "%"}, false},
		{Target{Value: 2, Unit: "triệu"}, Target{Value: 2, Unit: "triệu"}, true},
	}
	for _, tt := range tests {
		if got := tgScaledKey(tt.a) == tgScaledKey(tt.b); got != tt.same {
			t.Errorf("%v %q / %v %q: same key %v, want %v", tt.a.Value, tt.a.Unit, tt.b.Value, tt.b.Unit, got, tt.same)
		}
	}
}

func TestTgFalseRowSplit(t *testing.T) {
	tests := []struct {
		subj  string
		opens bool
		want  bool
	}{
		{"Tỉ trọng", false, true},
		{"Xếp hạng chỉ số", false, true},
		{"Chi ngân sách hàng năm cho", false, true},
		{"thanh toán trực tuyến trong", false, true},
		{"khai thác, sử dụng lại thông tin, dữ liệu đã", false, true},
		{"người", false, true},
		{"Hoàn thành", true, true},
		{"hồ sơ công việc tại cấp bộ, tỉnh, cấp xã", false, false},
		{"xã", false, false},
		{"các cơ quan nhà nước", false, false},
		{"", true, false},
	}
	for _, tc := range tests {
		if got := tgFalseRowSplit(tc.subj, tc.opens); got != tc.want {
			t.Errorf("tgFalseRowSplit(%q, %v) = %v, want %v", tc.subj, tc.opens, got, tc.want)
		}
	}
}

func TestTgFalseVerbInvestment(t *testing.T) {
	tests := []struct {
		text string
		want bool // whether "phát" in text is no verb
	}{
		{"Vốn đầu tư phát triển toàn xã hội", true},
		{"chi đầu tư phát triển", true},
		{"doanh nghiệp phát triển thêm", false},
		{"phát triển", false},
	}
	for _, tc := range tests {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		got, seen := false, false
		for i, tk := range toks {
			if tk.low == "phát" {
				got, seen = tgFalseVerb(toks, i), true
			}
		}
		if !seen || got != tc.want {
			t.Errorf("tgFalseVerb(%q at phát) = %v (seen %v), want %v", tc.text, got, seen, tc.want)
		}
	}
}
