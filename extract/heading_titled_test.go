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
			name:  "directive that opens by carrying out a higher one",
			text:  "Chỉ thị về việc tăng cường phòng, chống tác hại thuốc lá \nThực hiện Chỉ thị số 23/2009/CT-UBND ngày 30 tháng 12 năm 2009 của Uỷ ban nhân dân thành phố về việc tăng cường phòng, chống tác hại thuốc lá. \nĐể nâng cao nhận thức của người dân, yêu cầu các sở, ngành thực hiện tốt các việc sau.\n",
			kind:  "directive",
			title: "Chỉ thị về việc tăng cường phòng, chống tác hại thuốc lá",
		},
		{
			name:  "resolution adopted at a meeting, as follows",
			text:  "Nghị quyết hội nghị lần thứ 4 ban chấp hành về đào tạo cán bộ công đoàn \nHội nghị lần thứ 4 Ban Chấp hành (Khoá X) họp ngày 20 tháng 01 năm 2010, tại Hà Nội, đã thảo luận Đề án và thông qua Nghị quyết như sau: \nI. Tình hình đội ngũ cán bộ\n",
			kind:  "resolution",
			title: "Nghị quyết hội nghị lần thứ 4 ban chấp hành về đào tạo cán bộ công đoàn",
		},
		{
			name:  "report whose first part follows its title",
			text:  "Báo cáo tình hình thực hiện nhiệm vụ công tác tháng 02 năm 2010 \nA. \nThực hiện nhiệm vụ công tác tháng 02 năm 2010 \nI. \nXây dựng văn bản quy phạm pháp luật \n",
			kind:  "report",
			title: "Báo cáo tình hình thực hiện nhiệm vụ công tác tháng 02 năm 2010",
		},
		{
			name:  "decision amending rules, its body line under it",
			text:  "Quyết định sửa đổi, bổ sung một số điều của quy chế hoạt động \nThủ tướng chính phủ \nĐiều 1. Sửa đổi Điều 3.\n",
			kind:  "decision",
			title: "Quyết định sửa đổi, bổ sung một số điều của quy chế hoạt động",
			// the body's only copy is the heading's own; the issuer
			// table gives the capitals
			issuer: "Thủ tướng Chính phủ",
		},
		{
			name: "news headline over a lead that starts with its agency",
			text: "Kế hoạch hỗ trợ hộ nghèo xây nhà ở được triển khai sớm\n(HNM) - Thực hiện tốt công tác an sinh, thành phố đã hỗ trợ 1.200 hộ nghèo.\nCác hộ dân phấn khởi.\n",
			kind: "article",
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
	openings := []struct {
		in                          string
		implementing, adoption, out bool
	}{
		{"Thực hiện Quyết định số 167/2008/QĐ-TTg ngày 12/12/2008 của Thủ tướng Chính phủ", true, false, false},
		{"Quán triệt và thực hiện sự lãnh đạo, chỉ đạo của Đảng uỷ Quân sự Trung ương", true, false, false},
		{"Thực hiện chỉ đạo của Thủ tướng Chính phủ tại văn bản số 2600/TTg-KTTH", true, false, false},
		{"- Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh;", true, false, false},
		{"Thực hiện tốt công tác an sinh xã hội, thành phố đã hỗ trợ 1.200 hộ nghèo xây nhà", false, false, false},
		{"Hà Nội - Thực hiện Nghị quyết, thành phố hỗ trợ 1.200 hộ", false, false, false},
		{"Hội nghị đã thảo luận Đề án và thông qua Nghị quyết như sau:", false, true, false},
		{"Các đại biểu thông qua nghị quyết với tỷ lệ tán thành cao", false, false, false},
		{"A.", false, false, true},
		{"**I.**", false, false, true},
		{"Phần thứ nhất", false, false, true},
		{"A. Kết quả", false, false, false},
	}
	for _, tt := range openings {
		if got := isImplementing(tt.in); got != tt.implementing {
			t.Errorf("isImplementing(%q) = %v, want %v", tt.in, got, tt.implementing)
		}
		if got := isAdoption(tt.in); got != tt.adoption {
			t.Errorf("isAdoption(%q) = %v, want %v", tt.in, got, tt.adoption)
		}
		if got := outlineLabel(tt.in); got != tt.out {
			t.Errorf("outlineLabel(%q) = %v, want %v", tt.in, got, tt.out)
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
