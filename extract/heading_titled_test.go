package extract

import "testing"

// TestParseHeadingTitledOpening reads texts cut down to their subject
// line, or whose heading lost its capitals in a crawl (written for the
// test): official when what follows is an official text's own (a lone
// type name in lower case too), an article otherwise; a lower-cased number
// gets its standard capitals.
func TestParseHeadingTitledOpening(t *testing.T) {
	tests := []struct {
		name, text     string
		kind, title    string
		issuer, issued string
		number         string
	}{
		{
			name:   "resolution with its body line and recitals, passed on a date",
			text:   "Nghị quyết về phát triển chè tỉnh Yên Bái đến năm 2020 \nHội đồng nhân dân tỉnh Yên Bái \nKhoá XVI, kỳ họp thứ 12 \nCăn cứ Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 26 tháng 11 năm 2003; \nQuyết nghị: \nĐiều 1. Phấn đấu đến năm 2020 đạt 10.000 ha chè.\nNghị quyết này đã được Hội đồng nhân dân tỉnh Yên Bái khoá XVI, kỳ họp thứ 12 thông qua ngày 10 tháng 12 năm 2009.\n",
			kind:   "resolution",
			title:  "Nghị quyết về phát triển chè tỉnh Yên Bái đến năm 2020",
			issuer: "Hội đồng nhân dân tỉnh Yên Bái", issued: "2009-12-10",
		},
		{
			name:  "decision with recitals right under the title",
			text:  "Quyết định phê duyệt kế hoạch phát triển hợp tác xã 5 năm 2006 - 2010 \nCăn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003; \nCăn cứ Quyết định số 12/2005/QĐ-TTg ngày 10/01/2005 của Thủ tướng Chính phủ; \nĐiều 1. Phê duyệt kế hoạch.\n",
			kind:  "decision",
			title: "Quyết định phê duyệt kế hoạch phát triển hợp tác xã 5 năm 2006 - 2010",
		},
		{
			name:  "announcement that ends as the office's",
			text:  "Thông báo kết luận của Bộ trưởng tại hội nghị tổng kết năm 2009 \nNgày 11/01/2010 tại Hà Nội, Bộ đã tổ chức hội nghị tổng kết.\nBộ trưởng kết luận như sau.\nVăn phòng Bộ xin thông báo để các cơ quan, đơn vị biết, thực hiện.\n",
			kind:  "announcement",
			title: "Thông báo kết luận của Bộ trưởng tại hội nghị tổng kết năm 2009",
		},
		{
			name:  "recitals set as a list, the body line joined to the title by a PDF reader",
			text:  "Nghị quyết về chương trình phát triển cây cao su đến năm 2015 Hội đồng nhân dân tỉnh Lai Châu\nKhoá XII, kỳ họp thứ 13\n- Căn cứ Luật Tổ chức HĐND và UBND ban hành năm 2003;\n- Căn cứ Quyết định số 12/2005/QĐ-TTg;\nQuyết nghị:\n",
			kind:  "resolution",
			title: "Nghị quyết về chương trình phát triển cây cao su đến năm 2015 Hội đồng nhân dân tỉnh Lai Châu",
		},
		{
			name:  "type line first, subject, body and recitals",
			text:  "**nghị quyết**\n\nvề phát động phong trào toàn dân bảo vệ môi trường\n\n**chính phủ**\n\n*căn cứ luật tổ chức chính phủ ngày 18 tháng 02 năm 2025;*\n\n**quyết nghị:**\n\nđiều 1. phát động phong trào.\n",
			kind:  "resolution",
			title: "về phát động phong trào toàn dân bảo vệ môi trường",
		},
		{
			name:   "columns, number on the line under số:",
			text:   "|\n**ủy ban nhân dân\n**\nthành phố huế\n-------\n|\n**cộng hòa xã hội\nchủ nghĩa việt nam**\nđộc lập - tự do - hạnh phúc\n|\n|\nsố:\n125/2025/qđ-ubnd\n|\n*huế, ngày 24\ntháng 11 năm 2025 *\n|\n\n**quyết định**\n\nban hành quy trình rà soát đối tượng\n\n*căn cứ luật tổ chức chính quyền địa phương;*\n",
			kind:   "decision",
			number: "125/2025/QĐ-UBND",
			// the place under the body, in lower case, is not read as
			// part of the issuer (issuerLines takes capitals)
			issuer: "Ủy ban nhân dân",
			issued: "2025-11-24",
			title:  "ban hành quy trình rà soát đối tượng",
		},
		{
			name: "a section label over a news story",
			text: "nghị quyết\n\nsáng nay, hội đồng nhân dân tỉnh đã họp và thông qua nhiều nghị quyết quan trọng về phát triển kinh tế.\n\ncác đại biểu thảo luận sôi nổi.\n",
			kind: "article",
		},
		{
			name: "Q&A headline answered by a clause",
			text: "Quy định về chi phí tiền lương hợp lý, các khoản phụ cấp\nCăn cứ tại khoản 2 Điều 4 Thông tư 96/2015/TT-BTC quy định như sau;\nChi phí tiền lương được trừ khi có hợp đồng.\n",
			kind: "article",
		},
		{
			name: "headline citing a document by its number",
			text: "Chỉ thị số 45-CT/TW về đại hội đảng bộ các cấp\nỦy ban nhân dân tỉnh\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
			kind: "article",
		},
		{
			name: "news headline without an official body, recital or closing",
			text: "Nghị quyết về phát triển kinh tế tư nhân tạo động lực mới\nHà Nội - Sáng nay, Bộ Chính trị ban hành nghị quyết quan trọng.\nCác doanh nghiệp kỳ vọng nhiều đổi mới.\n",
			kind: "article",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := headingOf(tt.text)
			if h.Kind != tt.kind {
				t.Fatalf("kind = %q, want %q (%+v)", h.Kind, tt.kind, h)
			}
			if tt.kind == "article" {
				return
			}
			if h.Title != tt.title || h.Issuer != tt.issuer || h.Issued != tt.issued || h.Number != tt.number {
				t.Errorf("got title %q issuer %q issued %q number %q; want %q, %q, %q, %q", h.Title, h.Issuer, h.Issued, h.Number, tt.title, tt.issuer, tt.issued, tt.number)
			}
		})
	}
}

// TestTitledOpeningParts checks the parts of the titled opening one by one.
func TestTitledOpeningParts(t *testing.T) {
	lines := []struct {
		in   string
		kind string
	}{
		{"Chỉ thị về việc xây dựng kế hoạch 5 năm 2011 - 2015", "directive"},
		{"**Kế hoạch hỗ trợ hộ nghèo xây dựng nhà ở**", "plan"},
		{"Nghị quyết hội nghị lần thứ 4 ban chấp hành", "resolution"},
		{"Kết luận 157: hoàn tất sắp xếp cấp xã", ""},
		{"Quyết định về việc: xử lý tài sản thu hồi từ dự án kết thúc", "decision"},
		{"Quyết định bãi bỏ quyết định số 29/2007/qđ-ubnd ngày 05 tháng 6 năm 2007", "decision"},
		{"Thông tư hướng dẫn phân loại mặt hàng linh kiện, phụ tùng ô tô", "circular"},
		{"Thông tư 200/2014/TT-BTC chế độ kế toán", ""},
		{"Quyết định công nhận kết quả là mẫu nào?", ""},
		{"Nghị quyết được ban hành hôm qua", ""},
	}
	for _, tt := range lines {
		if got := titledLine(tt.in); got != tt.kind {
			t.Errorf("titledLine(%q) = %q, want %q", tt.in, got, tt.kind)
		}
	}
	recitals := map[string]bool{
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;": true,
		"Căn cứ Nghị quyết số 12/NQ-HĐND ngày 1/1/2020 của HĐND tỉnh,":         true,
		"Căn cứ khoản 2 Điều 4 Thông tư 96/2015/TT-BTC;":                       false,
		"Căn cứ theo quy định tại Điều 5 Luật Đất đai 2024 như sau:":           false,
		"Căn cứ Luật Đất đai, người sử dụng đất có quyền":                      false,
	}
	for in, want := range recitals {
		if got := isRecital(in); got != want {
			t.Errorf("isRecital(%q) = %v, want %v", in, got, want)
		}
	}
	bodies := map[string]string{
		"Ủy ban nhân dân tỉnh":                "Ủy ban nhân dân tỉnh",
		"**Hội đồng nhân dân tỉnh Phú Thọ**":  "Hội đồng nhân dân tỉnh Phú Thọ",
		"Ủy ban nhân dân tỉnh đã họp ngày 3.": "",
		"Tham dự hội nghị có lãnh đạo Bộ":     "",
	}
	for in, want := range bodies {
		if got := bodyLine(in); got != want {
			t.Errorf("bodyLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeadingNumberCase writes lower-cased numbers in standard form: codes
// in capitals, the mixed-case codes of domain.md §1.2 in mixed case.
func TestHeadingNumberCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"35-nq/tu", "35-NQ/TU"},
		{"125/2025/qđ-ubnd", "125/2025/QĐ-UBND"},
		{"2597/qđ-ttg", "2597/QĐ-TTg"},
		{"12/ttr-ubnd", "12/TTr-UBND"},
		{"05-ctr/đuk", "05-CTr/ĐUK"},
		{"3/qyđ-tu", "3/QyĐ-TU"},
		{"197/2025/qh15", "197/2025/QH15"},
		{"12/TTr-UBND", "12/TTr-UBND"}, // printed capitals stay as printed
		{"2597/QĐ-TTG", "2597/QĐ-TTG"},
	}
	for _, tt := range tests {
		if got := headingNumber(tt.in); got != tt.want {
			t.Errorf("headingNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
