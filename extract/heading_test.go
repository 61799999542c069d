package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func headingOf(text string) Heading {
	return ParseHeading(Source{Path: "t.txt", Format: FormatText, Pages: []string{text}})
}

func TestParseHeading(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Heading
	}{
		{
			name: "party resolution",
			text: "ĐẢNG BỘ TỈNH HÒA BÌNH\nHUYỆN ỦY LẠC SƠN\n*\nSố 04-NQ/HU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nLạc Sơn, ngày 09 tháng 3 năm 2016\n\nNGHỊ QUYẾT\nvề phát triển nông nghiệp hàng hóa giai đoạn 2016 - 2020\n\nHuyện ủy Lạc Sơn đã họp và thống nhất.\n\nT/M HUYỆN ỦY\nBÍ THƯ\nĐinh Công Sứ\n",
			want: Heading{Kind: "resolution", Number: "04-NQ/HU", Issuer: "Huyện ủy Lạc Sơn", Issued: "2016-03-09",
				Title: "về phát triển nông nghiệp hàng hóa giai đoạn 2016 - 2020", Authors: []string{"Đinh Công Sứ"}},
		},
		{
			name: "a law's number line",
			text: "QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\nLuật số: 60/2024/QH15 |\n|\n\n**LUẬT**\n\n**DỮ LIỆU**\n\n*Căn cứ Hiến pháp;*\n",
			want: Heading{Kind: "law", Number: "60/2024/QH15", Issuer: "Quốc hội", Title: "DỮ LIỆU", Authors: []string{}},
		},
		{
			name: "state decision in a crawled table layout",
			text: "|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH NAM ĐỊNH\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố:\n123/QĐ-UBND\n|\n*Nam Định, ngày 05\ntháng 02 năm 2024*\n|\n\n**QUYẾT ĐỊNH**\n\nVỀ VIỆC THÀNH LẬP\nBAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ\n\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n\nỦy ban nhân dân tỉnh Nam Định quyết định.\n\n**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n**Trần Văn Hải**\n",
			want: Heading{Kind: "decision", Number: "123/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh Nam Định", Issued: "2024-02-05",
				Title: "VỀ VIỆC THÀNH LẬP BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", Authors: []string{"Trần Văn Hải"}},
		},
		{
			name: "web copy: the motto wrapped after XÃ is no part of the issuer",
			text: "|\n**ỦY BAN NHÂN\nDÂN **\nTHÀNH PHỐ HẢI PHÒNG\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\nSố:\n218/2025/QĐ-UBND\n|\n*Hải Phòng, ngày 26 tháng 11 năm 2025*\n|\n\n**QUYẾT ĐỊNH**\n\nPHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH TIÊU CHUẨN\n\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n",
			want: Heading{Kind: "decision", Number: "218/2025/QĐ-UBND", Issuer: "Ủy ban nhân dân thành phố Hải Phòng", Issued: "2025-11-26",
				Title: "PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH TIÊU CHUẨN", Authors: []string{}},
		},
		{
			name: "type line in a legacy encoding that lost its toned capitals",
			text: "BỘ Y TẾ\nSố: 15/2011/QĐ-BYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 19 tháng 4 năm 2011\n\nQUYếT ĐịNH\nQuy định về tổ chức và hoạt động\n\nCăn cứ Nghị định.\n",
			want: Heading{Kind: "decision", Number: "15/2011/QĐ-BYT", Issuer: "Bộ Y tế", Issued: "2011-04-19",
				Title: "Quy định về tổ chức và hoạt động", Authors: []string{}},
		},
		{
			name: "official letter has no type line: kind from the number",
			text: "VĂN PHÒNG CHÍNH PHỦ\nSố: 4021/VPCP-CN\nV/v triển khai dự án\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 12 tháng 6 năm 2019\n\nKính gửi: Bộ Giao thông vận tải.\n",
			want: Heading{Kind: "official-letter", Number: "4021/VPCP-CN", Issuer: "Văn phòng Chính phủ", Issued: "2019-06-12",
				Title: "V/v triển khai dự án", Authors: []string{}},
		},
		{
			name: "gazette opening",
			text: "Nghị định của Chính phủ số 12/2005/NĐ-CP ngày 03 tháng 2 năm 2005 Quy định chi tiết thi hành Luật Thủy sản\n\nChính phủ quyết định.\n",
			want: Heading{Kind: "decree", Number: "12/2005/NĐ-CP", Issuer: "Chính phủ", Issued: "2005-02-03",
				Title: "Quy định chi tiết thi hành Luật Thủy sản", Authors: []string{}},
		},
		{
			name: "two columns flattened into one line, older type line naming the issuer, lost capitals",
			text: "bộ tài chính                 cộng hoà xã hội chủ nghĩa Việt nam\n -0-                          Độc lập - Tự do - Hạnh phúc\nSố:  144 /2002/QĐ-BTC\n                   Hà nội, ngày  22  tháng 11 năm 2002\n\n   quyết định của bộ trưởng bộ tài chính\nvề việc sửa đổi mức thuế suất\n\nbộ trưởng bộ tài chính\n\nCăn cứ Nghị định số 86/2002/NĐ-CP;\n",
			want: Heading{Kind: "decision", Number: "144/2002/QĐ-BTC", Issuer: "Bộ trưởng Bộ Tài chính", Issued: "2002-11-22",
				Title: "về việc sửa đổi mức thuế suất", Authors: []string{}},
		},
		{
			name: "issuer name broken by a markup-only line",
			text: "|\n**ỦY BAN NHÂN DÂN\n**\nTỈNH QUẢNG TRỊ\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n|\nSố: 06/CT-UBND\n|\n*Quảng Trị, ngày\n25 tháng 11 năm 2025*\n\n**CHỈ THỊ**\n\nVỀ TĂNG CƯỜNG BẢO VỆ RỪNG\n\nTrong những năm qua.\n",
			want: Heading{Kind: "directive", Number: "06/CT-UBND", Issuer: "Ủy ban nhân dân tỉnh Quảng Trị", Issued: "2025-11-25",
				Title: "VỀ TĂNG CƯỜNG BẢO VỆ RỪNG", Authors: []string{}},
		},
		{
			name: "type and subject on one line",
			text: "UỶ BAN NHÂN DÂN TỈNH SƠN LA\nSố: 07/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSơn La, ngày 10 tháng 4 năm 2023\n\nCHỈ THỊ VỀ TĂNG CƯỜNG PHÒNG CHÁY RỪNG\nNĂM 2023\n\nTrong những năm qua.\n",
			want: Heading{Kind: "directive", Number: "07/CT-UBND", Issuer: "Ủy ban nhân dân tỉnh Sơn La", Issued: "2023-04-10",
				Title: "VỀ TĂNG CƯỜNG PHÒNG CHÁY RỪNG NĂM 2023", Authors: []string{}},
		},
		{
			name: "a web page's chrome before the heading",
			text: "Bản quyền thuộc Thư viện.\nX\nCÁC NỘI DUNG ĐƯỢC SỬA ĐỔI\nĐang tải văn bản...\nSố hiệu:\n11306/VPCP-NN\nLoại văn bản:\nCông văn\nNơi ban hành:\nVăn phòng Chính phủ\nNgười ký:\nPhạm Mạnh Cường\nNgày ban hành:\n12/12/2025\nTình trạng:\nĐã biết\nLĩnh vực:\nNông nghiệp\nTải về\nIn\nChia sẻ\nLưu\n\n**VĂN PHÒNG CHÍNH PHỦ**\n-------\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 11306/VPCP-NN\nV/v xử lý kiến nghị\nHà Nội, ngày 12 tháng 12 năm 2025\n\nKính gửi: Bộ Nông nghiệp và Môi trường.\n",
			want: Heading{Kind: "official-letter", Number: "11306/VPCP-NN", Issuer: "Văn phòng Chính phủ", Issued: "2025-12-12",
				Title: "V/v xử lý kiến nghị", Authors: []string{}},
		},
		{
			name: "page chrome, then a heading with the motto, the number line and the issuer all wrapped",
			text: strings.Repeat("Mục menu\n", 25) + "Chia sẻ\nTải về\n\n**ỦY\nBAN NHÂN DÂN **\nTỈNH KON TUM\n-------\n|\n**CỘNG\nHÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố:\n415/QĐ-UBND\n|\n*Kon Tum, ngày 08 tháng 5 năm 2025*\n\n**QUYẾT ĐỊNH**\nPHÊ DUYỆT DANH MỤC DỰ ÁN KÊU GỌI ĐẦU TƯ\n**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM**\n*Căn cứ Luật Đầu tư;*\n",
			want: Heading{Kind: "decision", Number: "415/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh Kon Tum", Issued: "2025-05-08",
				Title: "PHÊ DUYỆT DANH MỤC DỰ ÁN KÊU GỌI ĐẦU TƯ", Authors: []string{}},
		},
		{
			name: "emphasis marks inside a wrapped subject",
			text: "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 12/2025/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBình Phước, ngày 03 tháng 3 năm 2025\n\n**QUYẾT ĐỊNH**\n\nQUY ĐỊNH MỨC THU PHÍ*\n(THEO ĐIỂM A KHOẢN 1 ĐIỀU 5)*\n\nCăn cứ Luật Phí và lệ phí;\n",
			want: Heading{Kind: "decision", Number: "12/2025/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh Bình Phước", Issued: "2025-03-03",
				Title: "QUY ĐỊNH MỨC THU PHÍ (THEO ĐIỂM A KHOẢN 1 ĐIỀU 5)", Authors: []string{}},
		},
		{
			name: "a type word opening prose is not a gazette heading",
			text: "Theo kế hoạch mới.\n\nKế hoạch nêu rõ, thực hiện Nghị quyết số 60-NQ/TW, ngày 12/4/2025 của Ban Chấp hành Trung ương.\n",
			want: Heading{Kind: "article", Title: "Theo kế hoạch mới", Authors: []string{}},
		},
		{
			name: "gazette opening after an issuer line",
			text: "Chính phủ\n\nNghị định của Chính phủ số 114/2003/NĐ-CP\nngày 10/10/2003 về cán bộ, công chức xã\n\nChính phủ\n\nCăn cứ Luật Tổ chức Chính phủ;\n",
			want: Heading{Kind: "decree", Number: "114/2003/NĐ-CP", Issuer: "Chính phủ", Issued: "2003-10-10",
				Title: "về cán bộ, công chức xã", Authors: []string{}},
		},
		{
			name: "crawled table row with issuer and motto on one line",
			text: "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |\nSố: 158/2025/NĐ-CP |\n|\n\n**NGHỊ ĐỊNH**\n\n**Quy định chi tiết Luật Bảo hiểm xã hội**\n\n*Căn cứ Luật Tổ chức Chính phủ;*\n",
			want: Heading{Kind: "decree", Number: "158/2025/NĐ-CP", Issuer: "Chính phủ",
				Title: "Quy định chi tiết Luật Bảo hiểm xã hội", Authors: []string{}},
		},
		{
			name: "the issuing body on a CỦA line under the type line",
			text: "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 12-NQ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Nội, ngày 03 tháng 6 năm 2025\n\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề phát triển văn hóa đọc trong thanh niên\n\nBộ Chính trị yêu cầu các cấp ủy thực hiện.\n",
			want: Heading{Kind: "resolution", Number: "12-NQ/TW", Issuer: "Bộ Chính trị", Issued: "2025-06-03",
				Title: "về phát triển văn hóa đọc trong thanh niên", Authors: []string{}},
		},
		{
			name: "a /TW document told apart by its signature block",
			text: "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 41-CT/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Nội, ngày 09 tháng 1 năm 2025\n\nCHỈ THỊ\nvề tăng cường công tác dân vận ở cơ sở\n\nCác cấp ủy tổ chức quán triệt.\n\nT/M BAN BÍ THƯ\nLê Minh Châu\n",
			want: Heading{Kind: "directive", Number: "41-CT/TW", Issuer: "Ban Bí thư", Issued: "2025-01-09",
				Title: "về tăng cường công tác dân vận ở cơ sở", Authors: []string{"Lê Minh Châu"}},
		},
		{
			name: "Youth Union heading: executive committee under the Union, the Union's name heading the right column",
			text: "ĐOÀN TNCS HỒ CHÍ MINH\nBCH HUYỆN THANH SƠN\n***\nSố: 18-KH/HĐTN\n\nĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH\n\nThanh Sơn, ngày 02 tháng 3 năm 2025\n\nKẾ HOẠCH\nTổ chức Tháng Thanh niên năm 2025\n\nI. MỤC ĐÍCH\nNâng cao vai trò của đoàn viên.\n",
			want: Heading{Kind: "plan", Number: "18-KH/HĐTN", Issuer: "Ban Chấp hành Huyện đoàn Thanh Sơn", Issued: "2025-03-02",
				Title: "Tổ chức Tháng Thanh niên năm 2025", Authors: []string{}},
		},
		{
			name: "two-line state issuer: the office under its parent council",
			text: "UBND THỊ XÃ AN NHƠN\nPHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 21/BC-TNMT\nAn Nhơn, ngày 14 tháng 10 năm 2024\n\nBÁO CÁO\nKết quả cấp giấy chứng nhận quý III\n\nTrong quý, đã cấp 320 giấy chứng nhận.\n",
			want: Heading{Kind: "report", Number: "21/BC-TNMT", Issuer: "Phòng Tài nguyên và Môi trường", Issued: "2024-10-14",
				Title: "Kết quả cấp giấy chứng nhận quý III", Authors: []string{}},
		},
		{
			name: "article with dateline, kicker and byline",
			text: "05/09/2012 - 08:15\n\nHUYỆN ỦY PHONG ĐIỀN:\n\nNâng chất sinh hoạt chi bộ\n\n* NGUYỄN VĂN BA\nPhó Bí thư Huyện ủy\n\nNăm nay, huyện phấn đấu có 95% chi bộ đạt trong sạch, vững mạnh.\n",
			want: Heading{Kind: "article", Title: "Nâng chất sinh hoạt chi bộ", Published: "2012-09-05T08:15", Authors: []string{"Nguyễn Văn Ba"}},
		},
		{
			name: "section label above the headline, weekday dateline under it, credit byline in capitals",
			text: "VĂN HÓA - XÃ HỘI\n\nPhú Lâm: Năm 2026 có thêm 12 nhà văn hóa thôn\n\nThứ Ba, 03/02/2026 - 14:05\n\nSáng 2/2, huyện Phú Lâm tổ chức hội nghị.\n\nBài và ảnh: LÊ HOÀNG YẾN\n",
			want: Heading{Kind: "article", Title: "Phú Lâm: Năm 2026 có thêm 12 nhà văn hóa thôn", Published: "2026-02-03T14:05", Authors: []string{"Lê Hoàng Yến"}},
		},
		{
			name: "a page label and a masthead above the headline",
			text: "Tải ứng dụng:\n\nTẠP CHÍ XÂY DỰNG ĐẢNG\n\nChi bộ khu phố 3 sinh hoạt chuyên đề\n\n12/03/2025 07:10\n\nChi bộ khu phố 3 vừa tổ chức sinh hoạt chuyên đề quý I.\n",
			want: Heading{Kind: "article", Title: "Chi bộ khu phố 3 sinh hoạt chuyên đề", Published: "2025-03-12T07:10", Authors: []string{}},
		},
		{
			name: "headline in capitals above a lead sentence is no section label",
			text: "NÔNG DÂN GIỎI\n\nNăm nay huyện có thêm 40 hộ đạt danh hiệu nông dân giỏi.\n\nẢnh: VŨ NAM\n",
			want: Heading{Kind: "article", Title: "NÔNG DÂN GIỎI", Authors: []string{}},
		},
		{
			name: "markdown article with a closing byline",
			text: "Hà Tĩnh đặt mục tiêu tăng trưởng 8%\n===================================\n\nNăm 2021, tỉnh đặt mục tiêu tăng trưởng 8%.\n\n\n**T.Hương (ghi)**\n",
			want: Heading{Kind: "article", Title: "Hà Tĩnh đặt mục tiêu tăng trưởng 8%", Authors: []string{"T. Hương"}},
		},
		{
			name: "an article quoting a heading further down stays an article",
			text: "# Mẫu kế hoạch kiểm tra của chi bộ năm 2025\n\nHiện nay chưa có mẫu chung; tham khảo mẫu dưới đây được nhiều chi bộ sử dụng trong công tác kiểm tra, giám sát hằng năm, có điều chỉnh cho phù hợp với tình hình thực tế của từng cơ quan, đơn vị.\n\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 01-KH/CB\n\nKẾ HOẠCH\nkiểm tra năm 2025\n",
			want: Heading{Kind: "article", Title: "Mẫu kế hoạch kiểm tra của chi bộ năm 2025", Authors: []string{}},
		},
		// Crawled and converted headings (issue 9, class 8).
		{
			name: "Party resolution in a Markdown table, cells broken by <br>",
			text: "| ĐẢNG BỘ TỈNH BÌNH ĐỊNH<br>BAN THƯỜNG VỤ TỈNH ỦY<br>* | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| Số 35-NQ/TU | Bình Định, ngày 10 tháng 3 năm 2025 |\n\n**NGHỊ QUYẾT**\n\n**về phát triển kinh tế tập thể đến năm 2030**\n\nBan Thường vụ Tỉnh ủy quyết nghị.\n",
			want: Heading{Kind: "resolution", Number: "35-NQ/TU", Issuer: "Ban Thường vụ Tỉnh ủy", Issued: "2025-03-10",
				Title: "về phát triển kinh tế tập thể đến năm 2030", Authors: []string{}},
		},
		{
			name: "lower-cased heading: the number's codes in capitals, the issuer from them",
			text: "đảng bộ tỉnh bình định\nban thường vụ tỉnh ủy\n*\nsố 35-nq/tu\nđảng cộng sản việt nam\nbình định, ngày 10 tháng 3 năm 2025\n\nnghị quyết\nvề phát triển kinh tế tập thể\n\nThực hiện Nghị quyết số 20-NQ/TW.\n",
			want: Heading{Kind: "resolution", Number: "35-NQ/TU", Issuer: "Tỉnh ủy", Issued: "2025-03-10",
				Title: "về phát triển kinh tế tập thể", Authors: []string{}},
		},
		{
			name: "spaced punctuation and an en dash in the number",
			text: "ĐẢNG BỘ TỈNH BÌNH ĐỊNH\nBAN THƯỜNG VỤ TỈNH ỦY\n*\nSố : 35 – NQ / TU\nĐẢNG CỘNG SẢN VIỆT NAM\nBình Định , ngày 10 tháng 3 năm 2025\n\nNGHỊ QUYẾT\nvề phát triển kinh tế tập thể\n\nThực hiện Nghị quyết số 20-NQ/TW.\n",
			want: Heading{Kind: "resolution", Number: "35-NQ/TU", Issuer: "Ban Thường vụ Tỉnh ủy", Issued: "2025-03-10",
				Title: "về phát triển kinh tế tập thể", Authors: []string{}},
		},
		{
			name: "heading flattened into one paragraph",
			text: "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 123/QĐ-UBND Bình Định, ngày 5 tháng 6 năm 2025 QUYẾT ĐỊNH Về việc phê duyệt Kế hoạch phát triển du lịch năm 2025 CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; QUYẾT ĐỊNH: Điều 1. Phê duyệt Kế hoạch.\n",
			want: Heading{Kind: "decision", Number: "123/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh Bình Định", Issued: "2025-06-05",
				Title: "Về việc phê duyệt Kế hoạch phát triển du lịch năm 2025", Authors: []string{}},
		},
		{
			name: "subject going on after a line ending with a type name",
			text: "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:\n33/2025/NQ-HĐND\nThành phố Huế, ngày 18 tháng 11 năm 2025\n\nNGHỊ QUYẾT\n\nSỬA ĐỔI MỘT SỐ ĐIỀU CỦA QUY ĐỊNH KÈM THEO NGHỊ QUYẾT\nSỐ 09/2022/NQ-HĐND NGÀY 14 THÁNG 7 NĂM 2022 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
			want: Heading{Kind: "resolution", Number: "33/2025/NQ-HĐND", Issuer: "Hội đồng nhân dân thành phố Huế", Issued: "2025-11-18",
				Title: "SỬA ĐỔI MỘT SỐ ĐIỀU CỦA QUY ĐỊNH KÈM THEO NGHỊ QUYẾT SỐ 09/2022/NQ-HĐND NGÀY 14 THÁNG 7 NĂM 2022 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH", Authors: []string{}},
		},
		{
			name: "the enacting body in bold ends a subject that is not",
			text: "**ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI**\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nSố: 70/2025/QĐ-UBND\n*Hà Nội, ngày 17 tháng 11 năm 2025*\n**QUYẾT ĐỊNH**\nSỬA ĐỔI MỘT SỐ NỘI DUNG CỦA QUYẾT ĐỊNH SỐ 48/2024/QĐ-UBND\nTRONG LĨNH VỰC NGƯỜI CÓ CÔNG CỦA THÀNH PHỐ HÀ NỘI\n**ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI**\n*Căn cứ Luật Giá;*\n",
			want: Heading{Kind: "decision", Number: "70/2025/QĐ-UBND", Issuer: "Ủy ban nhân dân thành phố Hà Nội", Issued: "2025-11-17",
				Title: "SỬA ĐỔI MỘT SỐ NỘI DUNG CỦA QUYẾT ĐỊNH SỐ 48/2024/QĐ-UBND TRONG LĨNH VỰC NGƯỜI CÓ CÔNG CỦA THÀNH PHỐ HÀ NỘI", Authors: []string{}},
		},
		{
			name: "official letter whose issuer code looks like a type code",
			text: "BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:\n5680/CT-CS\n*V/v thuế TNCN từ tiền lương, tiền công.*\n*Hà Nội, ngày 01 tháng 12 năm 2025*\n\nKính gửi: Ban Tuyên giáo và Dân vận Trung ương\n",
			want: Heading{Kind: "official-letter", Number: "5680/CT-CS", Issuer: "Cục Thuế", Issued: "2025-12-01",
				Title: "V/v thuế TNCN từ tiền lương, tiền công.", Authors: []string{}},
		},
		{
			name: "Q&A page quoting a form is an article",
			text: "# Mẫu báo cáo tình hình thực hiện kỹ thuật hỗ trợ sinh sản như thế nào?\n\n**BÁO CÁO**\n\n**TÌNH HÌNH THỰC HIỆN KỸ THUẬT HỖ TRỢ SINH SẢN**\n\nKính gửi: Bộ Y tế\n",
			want: Heading{Kind: "article", Title: "Mẫu báo cáo tình hình thực hiện kỹ thuật hỗ trợ sinh sản như thế nào?", Authors: []string{}},
		},
		{
			name: "crawled copy without its type line: the bold subject under the number",
			text: "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\nSố: 21/2025/TT-BGDĐT |\n|\n\n**Quy định chế độ trả tiền lương dạy thêm giờ ****trong các cơ sở giáo dục công lập**\n\n*Căn cứ Luật Giáo dục số 43/2019/QH14;*\n",
			want: Heading{Kind: "circular", Number: "21/2025/TT-BGDĐT", Issuer: "Bộ Giáo dục và Đào tạo",
				Title: "Quy định chế độ trả tiền lương dạy thêm giờ trong các cơ sở giáo dục công lập", Authors: []string{}},
		},
		{
			name: "posting time on a labelled line under the article",
			text: "# Chỉ thị số 45-CT/TW về đại hội đảng bộ các cấp\n\nChỉ thị này thay thế Chỉ thị số 35-CT/TW.\n\n**Giờ đăng bài viết gốc: **14/04/2025 23:02\n",
			want: Heading{Kind: "article", Title: "Chỉ thị số 45-CT/TW về đại hội đảng bộ các cấp", Published: "2025-04-14T23:02", Authors: []string{}},
		},
		{
			name: "a short label in brackets before the headline",
			text: "**( Ban thanh niên ) Đảng Cộng sản Việt Nam do Chủ tịch Hồ Chí Minh sáng lập. **\n\nI- ĐẢNG CỘNG SẢN VIỆT NAM RA ĐỜI\n",
			want: Heading{Kind: "article", Title: "Đảng Cộng sản Việt Nam do Chủ tịch Hồ Chí Minh sáng lập", Authors: []string{}},
		},
		// The number and date a heading lost, from the body.
		{
			name: "number and date from an annex caption, the adoption line",
			text: "**NGHỊ QUYẾT**\n\n**Về một số cơ chế đặc biệt**\n\n**QUỐC HỘI**\n\n*Căn cứ Nội quy kỳ họp ban hành kèm theo Nghị quyết số 71/2022/QH15 ngày 15 tháng 11 năm 2022;*\n\n**QUYẾT NGHỊ:**\n\nĐiều 1.\n\n*Nghị quyết này được Quốc hội khóa XV, Kỳ họp thứ 9 thông qua **ngày** 17 tháng 5 năm 2025.*\n\n**PHỤ LỤC**\n\n*(Ban hành kèm theo\nNghị quyết số 197/2025/QH15 ngày 17/5/2025)*\n",
			want: Heading{Kind: "resolution", Number: "197/2025/QH15", Issuer: "Quốc hội", Issued: "2025-05-17",
				Title: "Về một số cơ chế đặc biệt", Authors: []string{}},
		},
		{
			name: "adoption line only",
			text: "**NGHỊ QUYẾT**\n\n**Về cơ cấu tổ chức của Chính phủ**\n\n**QUỐC HỘI**\n\n*Căn cứ Hiến pháp;*\n\nĐiều 1.\n\n*Nghị quyết này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, Kỳ họp bất thường lần thứ 9, thông qua ngày 18 tháng 02 năm 2025.*\n",
			want: Heading{Kind: "resolution", Issuer: "Quốc hội", Issued: "2025-02-18",
				Title: "Về cơ cấu tổ chức của Chính phủ", Authors: []string{}},
		},
		{
			name: "regulation issued with a decision carries the decision's number",
			text: "UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH CÀ MAU Độc lập – Tự do – Hạnh phúc\n\nQUY ĐỊNH\nVỀ CHỨC NĂNG, NHIỆM VỤ CỦA ĐỘI KIỂM TRA LIÊN NGÀNH 814\n( Ban hành kèm theo Quyết định số …05…./2006/ QĐ-UBND,\nngày …25..tháng 01 năm 2006 của UBND tỉnh Cà Mau )\n\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n",
			want: Heading{Kind: "rules", Number: "05/2006/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh Cà Mau", Issued: "2006-01-25",
				Title: "VỀ CHỨC NĂNG, NHIỆM VỤ CỦA ĐỘI KIỂM TRA LIÊN NGÀNH 814", Authors: []string{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := headingOf(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseHeading(%q)\n got %+v\nwant %+v", tt.name, got, tt.want)
			}
		})
	}
}

func TestNotArticle(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Phụ lục 3", true},
		{"PHỤ LỤC", true},
		{"Mẫu số 01/KK", true},
		{"MỤC LỤC", true},
		{"STT", true},
		{"Biểu số 2", true},
		{"Mẫu số 01 có bắt buộc không?", false},
		{"Mẫu chương trình kiểm tra giám sát năm 2025?", false},
		{"Mẫu giáo mầm non tăng học phí", false},
		{"Phụ lục: Danh mục dự án", true},
		{"Danh mục dự án gọi vốn", false},
		{"Bán xe không phải thông báo với công an", false},
		{"Mậu dịch biên giới tăng", false},
		{"Biểu tình ở Hồng Kông", false},
	}
	for _, tt := range tests {
		if got := notArticle(tt.in); got != tt.want {
			t.Errorf("notArticle(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseHeadingMetadataTitle(t *testing.T) {
	doc := Source{Format: FormatHTML, Title: "Tin vắn | Báo Điện tử", Published: "2020-03-01T10:00", Pages: []string{""}}
	h := ParseHeading(doc)
	if h.Title != "Tin vắn" || h.Published != "2020-03-01T10:00" {
		t.Errorf("ParseHeading(html metadata) = %q, %q; want %q, %q", h.Title, h.Published, "Tin vắn", "2020-03-01T10:00")
	}
	doc.Format = "pdf"
	if h := ParseHeading(doc); h.Published != "" {
		t.Errorf("ParseHeading(pdf metadata).Published = %q; want \"\" (a PDF's creation time is not a publication time)", h.Published)
	}
}

func TestKindOfTypeName(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"NGHỊ QUYẾT", "resolution"},
		{"Thông tư liên tịch của Bộ Tài chính", "circular"},
		{"Thông tư số 5", "circular"},
		{"NGHị QUYếT", "resolution"},
		{"quy định", "rules"},
		{"Quy chế", "regulation"},
		{"CHƯƠNG TRÌNH HÀNH ĐỘNG", "program"},
		{"Công văn", "official-letter"},
		{"Nghị", ""},
		{"Thông", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got, _ := KindOfTypeName(tt.in); got != tt.want {
			t.Errorf("KindOfTypeName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestKindOfNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"02-NQ/ĐUK", "resolution"},
		{"15/2011/NQ-HĐND", "resolution"},
		{"123/QĐ-UBND", "decision"},
		{"176/1998/TTLT-BTC-BCN-TCHQ", "circular"},
		{"4021/VPCP-CN", "official-letter"},
		{"80/2015/QH13", "law"},
		{"05-Ctr/ĐUK", "program"},
		{"419/TTr-UBND", "submission"},
		{"8011-CV/BTCTW", "official-letter"},
		{"30/2020/NĐ-CP", "decree"},
		{"35-CT/TW", "directive"},
	}
	for _, tt := range tests {
		if got := KindOfNumber(tt.in); got != tt.want {
			t.Errorf("KindOfNumber(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestIssuerOfNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"176/1998/TTLT-BTC-BCN-TCHQ", "Bộ Tài chính - Bộ Công nghiệp - Tổng cục Hải quan"},
		{"30/2020/NĐ-CP", "Chính phủ"},
		{"4021/VPCP-CN", "Văn phòng Chính phủ"},
		{"18-NQ/TW", "Ban Chấp hành Trung ương"},
		{"05-CT/BCT", "Bộ Chính trị"},
		{"12/2020/TT-BCT", "Bộ Công Thương"},
		{"12/QĐ-XYZW", ""},
	}
	for _, tt := range tests {
		if got := IssuerOfNumber(tt.in); got != tt.want {
			t.Errorf("IssuerOfNumber(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPersonName(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"MAI THANH DÂN", "Mai Thanh Dân"},
		{"Phùng Thị Hồng Hà", "Phùng Thị Hồng Hà"},
		{"D.Ngân", "D. Ngân"},
		{"D. Ngân", "D. Ngân"},
		{"Chia sẻ bài viết", ""},
		{"Nơi Nhận", ""},
		{"Hà", ""},
		{"Nguyễn Văn A1", ""},
		{"Một Hai Ba Bốn Năm Sáu", ""},
	}
	for _, tt := range tests {
		if got := personName(tt.in); got != tt.want {
			t.Errorf("personName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestCaseLike(t *testing.T) {
	body := "Hội\nđồng nhân dân thành phố Hà Nội khóa XVI đã họp."
	if got, want := caseLike("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI", body), "Hội đồng nhân dân thành phố Hà Nội"; got != want {
		t.Errorf("caseLike(body) = %q; want %q", got, want)
	}
	if got, want := caseLike("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "không nhắc lại"), "Ủy ban nhân dân tỉnh Bắc Ninh"; got != want {
		t.Errorf("caseLike(no body mention) = %q; want %q", got, want)
	}
	// A copy that lower-cased the place: the body's later copy gives the
	// capitals, the issuer table or the place rule when there is none,
	// and a name in its right case stays as it is.
	lowered := []struct{ name, body, want string }{
		{"Hội đồng nhân dân tỉnh lai châu", "Nghị quyết về cây cao su\nHội đồng nhân dân tỉnh lai châu\nNghị quyết này đã được Hội đồng nhân dân tỉnh Lai Châu thông qua.",
			"Hội đồng nhân dân tỉnh Lai Châu"},
		{"Ủy ban nhân dân tỉnh tiền giang", "Quyết định về nhà ở\nỦy ban nhân dân tỉnh tiền giang\nĐiều 1. Phê duyệt.", "Ủy ban nhân dân tỉnh Tiền Giang"},
		{"Thủ tướng chính phủ", "Quyết định\nThủ tướng chính phủ\nĐiều 1.", "Thủ tướng Chính phủ"},
		{"Ủy ban nhân dân tỉnh Sơn La", "Ủy ban nhân dân tỉnh Sơn La\nĐiều 1. Giao Ủy Ban Nhân Dân Tỉnh Sơn La.", "Ủy ban nhân dân tỉnh Sơn La"},
	}
	for _, tt := range lowered {
		if got := caseLike(tt.name, tt.body); got != tt.want {
			t.Errorf("caseLike(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzParseHeading(f *testing.F) {
	f.Add("ĐẢNG CỘNG SẢN VIỆT NAM\nSố 02-NQ/ĐUK\nCần Thơ, ngày 04 tháng 7 năm 2011\nNGHỊ QUYẾT\nvề xây dựng Đảng\n")
	f.Add("10/07/2011 - 19:35\n\nKICKER:\n\nTitle\n\n* MAI THANH DÂN\n")
	f.Add("Thông tư liên tịch số 1/1998/TTLT-BTC ngày 25 tháng 12 năm1998 Hướng dẫn")
	f.Add("**NGHỊ ĐỊNH**\n|\n*\n**")
	f.Add("ĐOÀN TNCS HỒ CHÍ MINH\nBCH TỈNH\n***\nSố: 1-KH/TĐTN\nĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH\nKẾ HOẠCH\nCỦA\nI. A")
	f.Add("KINH TẾ\nTin\nCập nhật: 08:15 | 25/02/2021 (GMT\nBài, ảnh: AN BÌNH")
	f.Add("| ĐẢNG BỘ TỈNH X<br>TỈNH ỦY<br>* | ĐẢNG CỘNG SẢN VIỆT NAM |\n| Số 35 – nq/tu | X, ngày 10 tháng 3 năm 2025 |\n**NGHỊ QUYẾT**\n")
	f.Add("ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 1/QĐ-UBND X, ngày 5 tháng 6 năm 2025 QUYẾT ĐỊNH Về việc Y CHỦ TỊCH Căn cứ")
	f.Add("**NGHỊ QUYẾT**\n**Về Y**\n**QUỐC HỘI**\nNghị quyết này được Quốc hội thông qua **ngày** 17 tháng 5 năm 2025.\n*(Ban hành kèm theo Nghị quyết số …197…/2025/QH15 ngày 17/5/2025)*")
	f.Add("UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH X Độc lập – Tự do – Hạnh phúc\nQUY ĐỊNH\n# Hỏi gì?\nSố: 5680/CT-CS\nV/v Y")
	f.Fuzz(func(t *testing.T, text string) {
		h := headingOf(text)
		for name, s := range map[string]string{"kind": h.Kind, "number": h.Number, "issuer": h.Issuer, "issued": h.Issued, "title": h.Title, "published": h.Published} {
			if utf8.ValidString(text) && !utf8.ValidString(s) {
				t.Errorf("ParseHeading(%q).%s = %q: invalid UTF-8", text, name, s)
			}
		}
		if h.Kind == "" {
			t.Errorf("ParseHeading(%q).Kind is empty", text)
		}
		if h.Issued != "" && len(h.Issued) != len("2006-01-02") {
			t.Errorf("ParseHeading(%q).Issued = %q; want ISO date", text, h.Issued)
		}
		if strings.Contains(h.Number, " ") {
			t.Errorf("ParseHeading(%q).Number = %q has a space", text, h.Number)
		}
	})
}

func TestSentenceCase(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Phòng Tài nguyên và Môi trường"},
		{"SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH LONG AN", "Sở Kế hoạch và Đầu tư tỉnh Long An"},
		{"BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"},
		{"ỦY BAN NHÂN DÂN HUYỆN TÂN PHÚ", "Ủy ban nhân dân huyện Tân Phú"},
		{"ỦY BAN KIỂM TRA HUYỆN ỦY TÂN PHÚ", "Ủy ban Kiểm tra Huyện ủy Tân Phú"},
		{"ĐẢNG ỦY XÃ MỸ LỢI", "Đảng ủy xã Mỹ Lợi"},
		{"BAN TỔ CHỨC THÀNH ỦY", "Ban Tổ chức Thành ủy"},
		{"BAN CHẤP HÀNH ĐẢNG BỘ THỊ XÃ BA ĐỒN", "Ban Chấp hành Đảng bộ thị xã Ba Đồn"},
		{"VĂN PHÒNG HĐND VÀ UBND HUYỆN", "Văn phòng HĐND và UBND huyện"},
		{"TRUNG TÂM Y TẾ QUẬN CẦU GIẤY", "Trung tâm Y tế quận Cầu Giấy"},
		{"CHI CỤC THUẾ KHU VỰC", "Chi cục Thuế khu vực"},
		{"UBND PHƯỜNG AN KHÁNH", "UBND phường An Khánh"},
		{"BỘ TRƯỞNG BỘ NỘI VỤ", "Bộ trưởng Bộ Nội vụ"},
		{"ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN CÁT HẢI LẦN THỨ XX", "Đại hội đại biểu Đảng bộ huyện Cát Hải lần thứ XX"},
	}
	for _, tt := range tests {
		if got := sentenceCase(strings.Fields(tt.in)); got != tt.want {
			t.Errorf("sentenceCase(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSubjectAfter(t *testing.T) {
	tests := []struct {
		name string
		text string // the type line first
		want string
	}{
		{"section heading under the subject (PDF text, single newlines)",
			"NGHỊ QUYẾT\nvề xây dựng chi bộ thôn vững mạnh\ngiai đoạn 2025 - 2030\nI. TÌNH HÌNH\nNhiệm kỳ qua, chi bộ đã kết nạp 12 đảng viên.",
			"về xây dựng chi bộ thôn vững mạnh giai đoạn 2025 - 2030"},
		{"Roman numeral with a hyphen", "KẾ HOẠCH\nTổ chức hội thao năm 2026\nII- MỤC ĐÍCH\nTạo sân chơi.", "Tổ chức hội thao năm 2026"},
		{"numbered section", "BÁO CÁO\nSơ kết 6 tháng đầu năm\n1. Kết quả đạt được\nTrong 6 tháng.", "Sơ kết 6 tháng đầu năm"},
		{"first article", "QUYẾT ĐỊNH\nBan hành quy chế làm việc\nĐiều 1. Ban hành kèm theo.", "Ban hành quy chế làm việc"},
		{"a line in capitals after a normal-case subject", "KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\nBAN THƯỜNG VỤ HUYỆN ỦY\nxây dựng kế hoạch như sau.", "Thực hiện công tác dân vận năm 2026"},
		{"a line after a sentence end", "CHỈ THỊ\nVề phòng chống lụt bão.\nTrong những năm qua, thiên tai xảy ra nhiều.", "Về phòng chống lụt bão."},
		{"subject in capitals wrapped over lines", "QUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT QUY HOẠCH\nCHI TIẾT KHU DÂN CƯ SỐ 3\n\nCăn cứ Luật.", "VỀ VIỆC PHÊ DUYỆT QUY HOẠCH CHI TIẾT KHU DÂN CƯ SỐ 3"},
		{"the enacting authority under the subject", "QUYẾT ĐỊNH\nPHÊ DUYỆT ĐỀ ÁN CHUYỂN ĐỔI SỐ\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật.", "PHÊ DUYỆT ĐỀ ÁN CHUYỂN ĐỔI SỐ"},
		{"a subject wrapped before a title word", "QUYẾT ĐỊNH\nTHỰC HIỆN CHỈ THỊ SỐ 05/CT-TTG CỦA\nTHỦ TƯỚNG CHÍNH PHỦ VỀ PHÒNG CHỐNG DỊCH\n\nCăn cứ Luật.", "THỰC HIỆN CHỈ THỊ SỐ 05/CT-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ PHÒNG CHỐNG DỊCH"},
		{"a term of years on its own line under a subject in capitals", "KẾ HOẠCH\nPHÁT TRIỂN ĐẢNG VIÊN GIAI ĐOẠN\n2026 - 2030\n\nThực hiện Nghị quyết.", "PHÁT TRIỂN ĐẢNG VIÊN GIAI ĐOẠN 2026 - 2030"},
		{"a year in brackets on its own line", "KẾ HOẠCH\nCông tác dân vận\n(2021–2025)\nI. MỤC ĐÍCH", "Công tác dân vận (2021–2025)"},
		{"a page number is no year", "KẾ HOẠCH\nCÔNG TÁC DÂN VẬN\n12\nThực hiện nghị quyết.", "CÔNG TÁC DÂN VẬN"},
		{"a lower-cased copy: the enacting authority", "quyết định\nvề việc phê duyệt kế hoạch du lịch năm 2022\nchủ tịch ủy ban nhân dân tỉnh quảng ninh\nquyết định:\nđiều 1. phê duyệt.", "về việc phê duyệt kế hoạch du lịch năm 2022"},
		{"a lower-cased copy: the enacting line", "quyết định\nvề việc phê duyệt kế hoạch du lịch\nquyết định :\nđiều 1. phê duyệt.", "về việc phê duyệt kế hoạch du lịch"},
		{"a subject going on into an authority's title", "QUYẾT ĐỊNH\nvề việc thực hiện ý kiến chỉ đạo của\nChủ tịch Ủy ban nhân dân tỉnh về du lịch\n\nCăn cứ Luật.", "về việc thực hiện ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh về du lịch"},
		{"V/v is no Roman numeral", "CÔNG VĂN\nV/v báo cáo số liệu\n\nKính gửi: các xã.", "V/v báo cáo số liệu"},
		{"too long to be a subject", "NGHỊ QUYẾT\nvề phát triển kinh tế\n" + strings.Repeat("nội dung dài của văn bản không có dấu ngắt câu nào ", 10), "về phát triển kinh tế"},
	}
	for _, tt := range tests {
		lines := splitLines(tt.text)
		if got := subjectAfter(lines, 0); got != tt.want {
			t.Errorf("subjectAfter(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"10/07/2011 - 19:35", "2011-07-10T19:35"},
		{"Thứ Năm, 11/07/2024 - 09:30", "2024-07-11T09:30"},
		{"Thứ hai, 3/2/2025, 14:05 (GMT+7)", "2025-02-03T14:05"},
		{"Cập nhật: 08:15 | 25/02/2021", "2021-02-25T08:15"},
		{"Ngày đăng: 12-03-2025", "2025-03-12"},
		{"07:45 Thứ Bảy, 18/03/2023", "2023-03-18T07:45"},
		{"18/03/2023 02:30 CH", "2023-03-18T14:30"},
		{"Chủ nhật, ngày 05/01/2025 lúc 20:10", "2025-01-05T20:10"},
		{"10/07/2011 - 25:35", "2011-07-10"},
		{"31/02/2024", ""},
		{"Ngày 23/02/2021, Ban Thường vụ Tỉnh ủy họp.", ""},
		{"Số 12/2025", ""},
	}
	for _, tt := range tests {
		if got := parseDateline(tt.in); got != tt.want {
			t.Errorf("parseDateline(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestCaseLikeWithoutBodyMention(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"ĐOÀN TNCS HỒ CHÍ MINH", "Đoàn TNCS Hồ Chí Minh"},
		// a Party committee of the issuer table, the place after it a name
		{"TỈNH ỦY QUẢNG TRỊ", "Tỉnh ủy Quảng Trị"},
		{"HUYỆN ỦY TÂN PHÚ", "Huyện ủy Tân Phú"},
		{"ĐẢNG ỦY XÃ AN PHÚ", "Đảng ủy xã An Phú"},
		{"SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LONG AN", "Sở Giáo dục và Đào tạo tỉnh Long An"},
		{"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "Tổng Liên đoàn Lao động Việt Nam"},
		{"HỘI LIÊN HIỆP PHỤ NỮ HUYỆN KIM SƠN", "Hội Liên hiệp Phụ nữ huyện Kim Sơn"},
		{"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH NINH THUẬN", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Thuận"},
		{"HỌC VIỆN CHÍNH TRỊ QUỐC GIA HỒ CHÍ MINH", "Học viện Chính trị quốc gia Hồ Chí Minh"},
		{"ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy Khối các cơ quan tỉnh"},
		{"HỘI NÔNG DÂN XÃ PHÚ LỘC", "Hội Nông dân xã Phú Lộc"},
		{"BAN CHẤP HÀNH ĐOÀN PHƯỜNG AN HẢI", "Ban Chấp hành Đoàn phường An Hải"},
		{"UBND THÀNH PHỐ HỒ CHÍ MINH", "UBND thành phố Hồ Chí Minh"},
		{"BAN CHẤP HÀNH HUYỆN ĐOÀN THANH SƠN", "Ban Chấp hành Huyện đoàn Thanh Sơn"},
	}
	for _, tt := range tests {
		if got := caseLike(tt.in, "văn bản không nhắc tên cơ quan"); got != tt.want {
			t.Errorf("caseLike(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlaceDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cần Thơ, ngày 04 tháng 7 năm 2011", "2011-07-04"},
		{"BÌNH ĐỊNH, NGÀY 05 THÁNG 6 NĂM 2025", "2025-06-05"},
		{"*Hà Nội, ngày* *17 tháng 11 năm 2025*", "2025-11-17"},
		{"Bình Định, ngày **05** tháng **6** năm **2025**", "2025-06-05"},
		{"Bình Định, ngày 05/6/2025", "2025-06-05"},
		{"Bình Định, ngày 05-6-2025", "2025-06-05"},
		{"Bình Định, ngày 05.6.2025", "2025-06-05"},
		{"Bình Định ngày 05 tháng 6 năm 2025", "2025-06-05"},
		{"Quy Nhơn, ngày 05 tháng Sáu năm 2025", "2025-06-05"},
		{"Tp. Hồ Chí Minh, ngày 5 tháng 6 năm 2025.", "2025-06-05"},
		{"Bắc Giang, ngày mồng 3 tháng 3 năm 2016", "2016-03-03"},
		{"Hà Nội, ngày mùng 10 tháng 10 năm 2016", "2016-10-10"},
		{"Hà Nội, 12 tháng 10 năm 2017", "2017-10-12"},
		{"Hà Nội, 12/10/2017", ""},
		{"Bình Định, ngày … tháng … năm 2025", ""},
		{"Bình Định, tháng 6 năm 2025", ""},
		{"Số: 123/QĐ-UBND", ""},
	}
	for _, tt := range tests {
		if got := placeDate(tt.in); got != tt.want {
			t.Errorf("placeDate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestReproducedDocument checks pages whose lead paragraph comes before a
// document reproduced in full (heading, legal bases, articles): the record
// is the document's. An article that quotes a heading without the
// document's body stays an article.
func TestReproducedDocument(t *testing.T) {
	heading := "**CHÍNH PHỦ**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n**Độc lập – Tự do – Hạnh phúc**\n\nSố: 12/2020/NĐ-CP\n\n*Hà Nội, ngày 3 tháng 2 năm 2020*\n\n**NGHỊ ĐỊNH**\nQUY ĐỊNH VỀ QUẢN LÝ CHỢ\n\n"
	lead := "Quản lý chợ theo nghị định mới\n===============================\n\nChính phủ vừa ban hành nghị định quy định về quản lý chợ, phân hạng chợ, ban quản lý chợ và doanh nghiệp kinh doanh, khai thác chợ, có hiệu lực từ ngày 1/4/2020.\n\n"
	tests := []struct {
		name, text     string
		kind, number   string
		issued, issuer string
	}{
		{"lead paragraph, then the decree with its legal bases", lead + heading + "*Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;*\n\n**Điều 1. Phạm vi điều chỉnh**\nNghị định này quy định về chợ.\n",
			"decree", "12/2020/NĐ-CP", "2020-02-03", "Chính phủ"},
		{"lead paragraph, then the decree opening on its first article", lead + heading + "**Điều 1. Phạm vi điều chỉnh**\nNghị định này quy định về chợ.\n",
			"decree", "12/2020/NĐ-CP", "2020-02-03", "Chính phủ"},
		{"an article quoting the heading only", lead + heading + "Theo nghị định, chợ phải có ban quản lý. Các địa phương đang triển khai thực hiện nghị định từ tháng 4.\n",
			"article", "", "", ""},
	}
	for _, tt := range tests {
		h := ParseHeading(Source{Path: "trang.md", Format: FormatText, Pages: []string{tt.text}})
		if h.Kind != tt.kind || string(h.Number) != tt.number || string(h.Issued) != tt.issued || string(h.Issuer) != tt.issuer {
			t.Errorf("%s: kind %q number %q issued %q issuer %q; want %q %q %q %q", tt.name, h.Kind, h.Number, h.Issued, h.Issuer, tt.kind, tt.number, tt.issued, tt.issuer)
		}
	}
}

// TestParseHeadingSheet: a workbook without an official heading is kind
// "other" (no news article), titled by its caption; with an official
// heading it is read like any official text; a text file with the same
// lines stays an article.
func TestParseHeadingSheet(t *testing.T) {
	caption := "DANH MỤC CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026\n| STT | Chỉ tiêu | ĐVT | Kế hoạch 2026 |\n| 1 | Tốc độ tăng trưởng GRDP | % | 8 |\n"
	official := "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNam Định, ngày 05 tháng 02 năm 2026\n\nKẾ HOẠCH\nPhát triển kinh tế năm 2026\n" + caption
	for _, tc := range []struct {
		name, format, text, kind, title string
	}{
		{"sheet with a caption", "xlsx", caption, "other", "DANH MỤC CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"},
		{"legacy sheet", "xls", caption, "other", "DANH MỤC CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"},
		{"OpenDocument sheet", "ods", caption, "other", "-"},
		{"sheet with an official heading", "xlsx", official, "plan", "-"},
		{"text with the same lines", "txt", caption, "article", "-"},
	} {
		h := ParseHeading(Source{Path: "t." + tc.format, Format: tc.format, Published: "2026-01-02", Pages: []string{tc.text}})
		if h.Kind != tc.kind || tc.title != "-" && h.Title != tc.title {
			t.Errorf("%s: kind %q title %q; want %q %q", tc.name, h.Kind, h.Title, tc.kind, tc.title)
		}
		if tc.kind == "other" && (h.Published != "" || len(h.Authors) > 0) {
			t.Errorf("%s: published %q authors %v; want none", tc.name, h.Published, h.Authors)
		}
	}
}
