package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFindReferences(t *testing.T) {
	tests := []struct {
		name string
		text string
		own  string
		want []Reference
	}{
		{
			name: "party resolution with date and subject",
			text: "Thực hiện Nghị quyết số 03-NQ/ĐUK ngày 4-7-2011, về tăng cường công tác dân vận giai đoạn 2011-2015, nhằm xây dựng khối đoàn kết.",
			want: []Reference{{Number: "03-NQ/ĐUK", Kind: "resolution", Issued: "2011-07-04", Title: "tăng cường công tác dân vận giai đoạn 2011-2015"}},
		},
		{
			name: "issue date before the number, linked by ban hành",
			text: "Ngày 4-7-2011 Đảng ủy Khối đã ban hành Nghị quyết số 02-NQ/ĐUK về xây dựng tổ chức cơ sở đảng, với mục tiêu chính là nâng cao chất lượng.",
			want: []Reference{{Number: "02-NQ/ĐUK", Kind: "resolution", Issued: "2011-07-04", Title: "xây dựng tổ chức cơ sở đảng"}},
		},
		{
			name: "a list inherits the type word",
			text: "Căn cứ các Công văn số 4830/KTTH ngày 24/9/1997, số 1440/CP-KTTH ngày 07/11/1998 của Chính phủ;",
			want: []Reference{
				{Number: "4830/KTTH", Kind: "official-letter", Issued: "1997-09-24"},
				{Number: "1440/CP-KTTH", Kind: "official-letter", Issued: "1998-11-07"},
			},
		},
		{
			name: "a citation opening the sentence: the title ends where the main clause starts (a body that acts)",
			text: "Căn cứ Kế hoạch số 31-KH/TWĐ ngày 2/3/2025 của Ban Bí thư Trung ương Đoàn về tổ chức Ngày hội thiếu nhi năm 2025, Ban Thường vụ Huyện đoàn xây dựng Kế hoạch như sau:",
			want: []Reference{{Number: "31-KH/TWĐ", Kind: "plan", Issued: "2025-03-02", Title: "tổ chức Ngày hội thiếu nhi năm 2025"}},
		},
		{
			name: "main clause with a tense marker after a fronted citation; commas inside the title stay",
			text: "Sau ba năm thực hiện Nghị quyết số 07-NQ/HU ngày 5-1-2022 của Huyện ủy về phát triển chăn nuôi giai đoạn 2022 - 2025, định hướng đến năm 2030, đời sống người dân đã được nâng lên.",
			want: []Reference{{Number: "07-NQ/HU", Kind: "resolution", Issued: "2022-01-05", Title: "phát triển chăn nuôi giai đoạn 2022 - 2025, định hướng đến năm 2030"}},
		},
		{
			name: "main clause with a lowercase subject and a verb of deciding",
			text: "Thực hiện Quyết định số 88/QĐ-UBND ngày 4/1/2025 của UBND tỉnh về phát triển du lịch cộng đồng, toàn huyện đặt mục tiêu đón 20.000 lượt khách.",
			want: []Reference{{Number: "88/QĐ-UBND", Kind: "decision", Issued: "2025-01-04", Title: "phát triển du lịch cộng đồng"}},
		},
		{
			name: "a list of bodies as the main clause's subject",
			text: "Theo Kết luận số 15-KL/TU ngày 9/9/2024 của Tỉnh ủy về sắp xếp đơn vị hành chính cấp xã, Ủy ban nhân dân tỉnh, Ủy ban Mặt trận Tổ quốc tỉnh triển khai ngay.",
			want: []Reference{{Number: "15-KL/TU", Kind: "conclusion", Issued: "2024-09-09", Title: "sắp xếp đơn vị hành chính cấp xã"}},
		},
		{
			name: "bodies listed inside a title do not end it",
			text: "Căn cứ Thông tư số 05/2025/TT-BNV ngày 10/3/2025 của Bộ Nội vụ hướng dẫn chức năng, nhiệm vụ của Sở Nội vụ, Phòng Nội vụ thuộc Ủy ban nhân dân cấp huyện;",
			want: []Reference{{Number: "05/2025/TT-BNV", Kind: "circular", Issued: "2025-03-10", Title: "hướng dẫn chức năng, nhiệm vụ của Sở Nội vụ, Phòng Nội vụ thuộc Ủy ban nhân dân cấp huyện"}},
		},
		{
			name: "a program's subject carries out what it lists",
			text: "Ngày 2/4/2021, Ban Thường vụ Huyện ủy ban hành Chương trình hành động số 09-CTr/HU thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX và Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI.",
			want: []Reference{{Number: "09-CTr/HU", Kind: "program", Issued: "2021-04-02", Title: "thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX và Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI"}},
		},
		{
			name: "an amendment clause is no subject",
			text: "Căn cứ Nghị quyết số 09/2021/NQ-HĐND ngày 15 tháng 7 năm 2021 của Hội đồng nhân dân tỉnh, được sửa đổi, bổ sung bởi Nghị quyết số 21/2024/NQ-HĐND;",
			want: []Reference{
				{Number: "09/2021/NQ-HĐND", Kind: "resolution", Issued: "2021-07-15"},
				{Number: "21/2024/NQ-HĐND", Kind: "resolution"},
			},
		},
		{
			name: "law named before its number",
			text: "*Căn cứ Luật Ban\nhành văn bản quy phạm pháp luật số 64/2025/QH15;*",
			want: []Reference{{Number: "64/2025/QH15", Kind: "law", Title: "Luật Ban hành văn bản quy phạm pháp luật"}},
		},
		{
			name: "own number, fractions, dates and counts are not references",
			text: "Nghị quyết số 15/2011/NQ-HĐND có hiệu lực; 16/18 xã đạt chuẩn; ngày 24/7 và 4-7-2011; 10 bác sĩ/1 vạn dân.",
			own:  "15/2011/NQ-HĐND",
			want: []Reference{},
		},
		{
			name: "same number twice merges; a different date is another document",
			text: "Theo Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Nghị quyết số 18-NQ/TW. Nghị quyết số 18-NQ/TW ngày 16/6/2022 về đất đai.",
			want: []Reference{
				{Number: "18-NQ/TW", Kind: "resolution", Issued: "2017-10-25"},
				{Number: "18-NQ/TW", Kind: "resolution", Issued: "2022-06-16", Title: "đất đai"},
			},
		},
		{
			name: "number cut by a PDF line break",
			text: "theo Nghị quyết số 66/2025/NQ\nHĐND của Hội đồng nhân dân",
			want: []Reference{{Number: "66/2025/NQ-HĐND", Kind: "resolution"}},
		},
		{
			name: "form codes and untyped unknown symbols are not documents",
			text: "Kê khai theo mẫu số 05/QTT-TNCN và tờ khai 01/MBAI; mã 03/TNDN; Công văn số 4706/TCT-DNL ngày 26/11/2018.",
			want: []Reference{{Number: "4706/TCT-DNL", Kind: "official-letter", Issued: "2018-11-26"}},
		},
		{
			name: "spaces inside a symbol are dropped",
			text: "Quy định 366-QĐ/TW năm 2025 quy định như sau:",
			want: []Reference{{Number: "366-QĐ/TW", Kind: "rules"}},
		},
		{
			name: "a space after a symbol's hyphen",
			text: "Quyết định số 227/QĐ- TTg ngày 12/3/2024; Thông tư số 94/2024/TT- BTC; Thông tư liên tịch số 07/2016/TTTLT-BYT-BTC- BLĐTBXH của Bộ Y tế.",
			want: []Reference{
				{Number: "227/QĐ-TTg", Kind: "decision", Issued: "2024-03-12"},
				{Number: "94/2024/TT-BTC", Kind: "circular"},
				{Number: "07/2016/TTTLT-BYT-BTC-BLĐTBXH", Kind: "circular"},
			},
		},
		{
			name: "spaces on both sides of a symbol's hyphens",
			text: "Quyết định số 210/2006/QĐ - TTg ngày 12/9/2006 và Quyết định 12/QĐ - UBND - TC giai đoạn 2011 - 2015 của Sở - Ngành.",
			want: []Reference{
				{Number: "210/2006/QĐ-TTg", Kind: "decision", Issued: "2006-09-12"},
				{Number: "12/QĐ-UBND-TC", Kind: "decision"},
			},
		},
		{
			name: "a type name and số vouch for codes no issuer table knows",
			text: "Tờ trình số 695/TM-QLTM ngày 10 tháng 3 năm 2008; theo mẫu số 05/TM-QL; Nghị định số 71/NQ; Hướng dẫn 12/TM-QLTM.",
			want: []Reference{
				{Number: "695/TM-QLTM", Kind: "submission", Issued: "2008-03-10"},
			},
		},
		{
			name: "a hyphen before a word is not a symbol's",
			text: "Nghị quyết số 05/NQ-CP- Chính phủ giao.",
			want: []Reference{{Number: "05/NQ-CP", Kind: "resolution"}},
		},
		{
			name: "number glued to số, cut from its symbol by Markdown and line breaks",
			text: "Tờ trình số372/TTr-CP và Báo cáo thẩm tra số *\n\n*412*\n\n*/BC-UBPLTP15 ngày 09 tháng 5 năm 2025; Tờ trình số 409\n/TTr-SVHTTDL.",
			want: []Reference{
				{Number: "372/TTr-CP", Kind: "submission"},
				{Number: "412/BC-UBPLTP15", Kind: "report", Issued: "2025-05-09"},
				{Number: "409/TTr-SVHTTDL", Kind: "submission"},
			},
		},
		{
			name: "codes joined by & or a dot, a sub-number, a lowercase mark",
			text: "Công văn số 8935/BNV-CTTN&BĐG; Văn bản số 6721/VPCP-V.I; quyết định số 101/QĐ.BQL-TC ngày 21/7/2005 và 41/QĐ.BQL-TC ngày 30/3/2006; Nghị quyết số 66.2/2025/NQ-CP; Báo cáo số 154/BC-UBPL15-m ngày 05 tháng 02 năm 2025. Xem 123/QĐ-UBND.Tiếp",
			want: []Reference{
				{Number: "8935/BNV-CTTN&BĐG", Kind: "official-letter"},
				{Number: "6721/VPCP-V.I", Kind: "official-letter"},
				{Number: "101/QĐ.BQL-TC", Kind: "decision", Issued: "2005-07-21"},
				{Number: "41/QĐ.BQL-TC", Kind: "decision", Issued: "2006-03-30"},
				{Number: "66.2/2025/NQ-CP", Kind: "resolution"},
				{Number: "154/BC-UBPL15-m", Kind: "report", Issued: "2025-02-05"},
				{Number: "123/QĐ-UBND", Kind: "decision"},
			},
		},
		{
			name: "an action plan's own code, a document without its type",
			text: "triển khai Kế hoạch hành động số 459-KHHĐ/TU ngày 21 tháng 5 năm 2025 và Văn bản số 6934/SNNMT-TCCB ngày 10/11/2025.",
			want: []Reference{
				{Number: "459-KHHĐ/TU", Kind: "plan", Issued: "2025-05-21"},
				{Number: "6934/SNNMT-TCCB", Kind: "official-letter", Issued: "2025-11-10"},
			},
		},
		{
			name: "numbers sharing one symbol",
			text: "nhằm thực hiện các Nghị định 87,88,31/CP và Chỉ thị 814/TTg của Chính phủ.",
			want: []Reference{
				{Number: "87/CP", Kind: "decree"},
				{Number: "88/CP", Kind: "decree"},
				{Number: "31/CP", Kind: "decree"},
				{Number: "814/TTg", Kind: "directive"},
			},
		},
		{
			name: "numbers written the pre-2000 way, only after a type word",
			text: "Thông tư số 04 TC/TCT ngày 23/4/1997 và Thông tư số 90TC/TCT; Quyết định số 1141 TC/QĐ/CĐKT ngày 01/11/1995. Có 45 TC/TCT khác.",
			want: []Reference{
				{Number: "04 TC/TCT", Kind: "circular", Issued: "1997-04-23"},
				{Number: "90TC/TCT", Kind: "circular"},
				{Number: "1141 TC/QĐ/CĐKT", Kind: "decision", Issued: "1995-11-01"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindReferences(tt.text, tt.own)
			if got == nil {
				got = []Reference{}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindReferences(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Số 02-NQ/ĐUK ngày", []string{"02-NQ/ĐUK"}},
		{"số 176/1998/TTLT-BTC-BCN-TCHQ", []string{"176/1998/TTLT-BTC-BCN-TCHQ"}},
		{"16/18 xã, 24/7, 4-7-2011, 7,5-8%", nil},
		{"biển số 30S-087 và PC67", nil},
		{"USD/người/năm, 5-Ab", nil},
		{"4021/VPCP-CN và 80/2015/QH13", []string{"4021/VPCP-CN", "80/2015/QH13"}},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range findNumbers(tt.in) {
			got = append(got, n.number)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findNumbers(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFindReferences(f *testing.F) {
	f.Add("Nghị quyết số 02-NQ/ĐUK ngày 4-7-2011 về Xây dựng", "")
	f.Add("các Công văn số 4830/KTTH ngày 24/9/1997, số 1440/CP-KTTH", "4830/KTTH")
	f.Add("66/2025/NQ\nHĐND 02\nNQ/ĐUK", "")
	f.Add("Quyết định số 227/QĐ- TTg, số*\n\n*412*\n\n*/BC, 87,88,31/CP, 66.2/2025/NQ-CP, 41/QĐ.BQL-TC.Tiếp, 154/BC-X-m", "")
	f.Add("Thông tư số 04 TC/TCT và 90TC/TCT, 8935/BNV-CTTN&BĐG", "")
	f.Fuzz(func(t *testing.T, text, own string) {
		for _, r := range FindReferences(text, own) {
			// A space only in a number written the pre-2000 way ("04 TC/TCT").
			if r.Number == "" || strings.Contains(r.Number, "\n") || strings.Contains(r.Number, " ") && !reOldNumber.MatchString(r.Number) {
				t.Errorf("FindReferences(%q): bad number %q", text, r.Number)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(r.Number) || !utf8.ValidString(string(r.Title))) {
				t.Errorf("FindReferences(%q): invalid UTF-8 in %+v", text, r)
			}
			if r.Kind == "" {
				t.Errorf("FindReferences(%q): empty kind for %q", text, r.Number)
			}
		}
	})
}

func TestNumberCandidatesMatchesRegexp(t *testing.T) {
	texts := []string{
		"Số 02-NQ/ĐUK ngày 4-7-2011, 15/2011/NQ-HĐND và 123/QĐ-UBND; 16/18 xã; 12a/QĐ-UB",
		"2020/2021/NQ-HĐND 12345/QĐ-X 5-a 7/ 8- 9/Đ 10/2020/",
		"66.2/2025/NQ-CP 1.5/2025/ 7.25/NQ 41/QĐ.BQL-TC 8935/BNV-CTTN&BĐG 6721/VPCP-V.I 3.4.2020/X",
		"",
	}
	for _, text := range texts {
		got := numberCandidates(text)
		want := reNumber.FindAllStringIndex(text, -1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("numberCandidates(%q) = %v; want %v", text, got, want)
		}
	}
}
