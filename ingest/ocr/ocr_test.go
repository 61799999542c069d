package ocr

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFix(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"sửa đối, bố sung", "sửa đổi, bổ sung"},
		{"VỀ VIỆC SỬA ĐỐI, BỐ SUNG", "VỀ VIỆC SỬA ĐỔI, BỔ SUNG"},
		{"Chỉ tiết như sau", "Chi tiết như sau"},
		{"các chỉ tiêu chủ yếu", "các chỉ tiêu chủ yếu"}, // a real word stays
		{"ĐẲNG CỘNG SẲN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"},
		{"bình đẳng giới", "bình đẳng giới"},
		{"Ðiều 1. Ðảng ủy", "Điều 1. Đảng ủy"},
		{"sửa  đối", "sửa đổi"},  // Clean collapses the spaces first
		{"sửa\nđối", "sửa\nđối"}, // only within a line
		{"kiếm tra", "kiểm tra"},
		{"xkiếm tra", "xkiếm tra"}, // whole words only
		{"hoà bình", "hoà bình"},   // tone placement left as the page has it
		{"", ""},
		// Labels that open a paragraph.
		{"lll- Giao Ban Chấp hành", "III- Giao Ban Chấp hành"},
		{"|- Tán thành báo cáo", "I- Tán thành báo cáo"},
		{"văn bản.\nli- MỤC TIÊU", "văn bản.\nII- MỤC TIÊU"},
		{"Vl. Tổ chức thực hiện", "VI. Tổ chức thực hiện"},
		{"**IIl. Điều khoản", "**III. Điều khoản"},
		{"lx- ngoài", "lx- ngoài"}, // "Ix" is no numeral
		{"**1, Đơn vị tổ chức thu", "**1. Đơn vị tổ chức thu"},
		{"12, Thời gian áp dụng", "12. Thời gian áp dụng"},
		{"**A, BỔ SUNG QUY ĐỊNH", "**A. BỔ SUNG QUY ĐỊNH"},
		{"B, Sửa đổi", "B, Sửa đổi"},       // a letter wants a heading in capitals
		{"1,5% dân số", "1,5% dân số"},     // a decimal comma
		{"3, các chi bộ", "3, các chi bộ"}, // no capital after
		{"Năm 1, Hai", "Năm 1, Hai"},       // not at the start
		{"I, II và III", "I, II và III"},   // "II" is capitals but a numeral, a list in prose
		{"li, ngoài", "li, ngoài"},
	} {
		if got := Fix(tc.in); got != tc.want {
			t.Errorf("Fix(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	for k, v := range confusions {
		if strings.Count(k, " ") != 1 || strings.Count(v, " ") != 1 || utf8.RuneCountInString(k) != utf8.RuneCountInString(v) {
			t.Errorf("confusion %q -> %q: want two words of the same length", k, v)
		}
	}
}

// tsv builds tesseract TSV rows: each line is "block par line left top
// width height text" with words spread over the width.
func tsv(rows ...string) []byte {
	var b strings.Builder
	b.WriteString("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n")
	b.WriteString("1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n")
	for _, r := range rows {
		f := strings.SplitN(r, " ", 8)
		words := strings.Fields(f[7])
		left, width := atoi(f[3]), atoi(f[5])
		n := utf8.RuneCountInString(f[7])
		x := left
		for i, w := range words {
			ww := width * utf8.RuneCountInString(w) / n
			b.WriteString(strings.Join([]string{"5", "1", f[0], f[1], f[2], itoa(i + 1), itoa(x), f[4], itoa(ww), f[6], "95.5", w}, "\t"))
			b.WriteByte('\n')
			x += ww + width/n
		}
	}
	return []byte(b.String())
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestParseTSV(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want string
	}{
		{"full lines join", []string{
			"1 1 1 100 100 2000 40 Thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, Đảng ủy xã thống nhất ban",
			"1 1 2 100 150 1200 40 hành nghị quyết về phát triển kinh tế.",
		}, "Thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, Đảng ủy xã thống nhất ban hành nghị quyết về phát triển kinh tế."},
		{"a short line ends its paragraph", []string{
			"1 1 1 100 100 2000 40 Thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, Đảng ủy xã thống nhất ban",
			"1 1 2 100 150 600 40 hành nghị quyết.",
			"1 1 3 100 200 2000 40 Các chi bộ căn cứ nghị quyết này xây dựng kế hoạch cụ thể để thực hiện ngay.",
		}, "Thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, Đảng ủy xã thống nhất ban hành nghị quyết.\nCác chi bộ căn cứ nghị quyết này xây dựng kế hoạch cụ thể để thực hiện ngay."},
		{"list items", []string{
			"1 1 1 100 100 2000 40 1. Mục tiêu đến năm 2026 của Đảng bộ xã An Bình trong nhiệm kỳ tới đây",
			"1 1 2 100 150 2000 40 - Tỷ lệ hộ nghèo giảm xuống dưới 1,5% trong toàn xã vào cuối năm 2026.",
		}, "1. Mục tiêu đến năm 2026 của Đảng bộ xã An Bình trong nhiệm kỳ tới đây\n- Tỷ lệ hộ nghèo giảm xuống dưới 1,5% trong toàn xã vào cuối năm 2026."},
		{"blocks and paragraphs never join", []string{
			"1 1 1 100 100 2000 40 ĐẢNG BỘ TỈNH HÀ NAM ĐẢNG ỦY XÃ AN BÌNH ĐẢNG CỘNG SẢN VIỆT NAM",
			"2 1 1 100 150 2000 40 NGHỊ QUYẾT VỀ PHÁT TRIỂN KINH TẾ - XÃ HỘI XÃ AN BÌNH GIAI ĐOẠN",
		}, "ĐẢNG BỘ TỈNH HÀ NAM ĐẢNG ỦY XÃ AN BÌNH ĐẢNG CỘNG SẢN VIỆT NAM\nNGHỊ QUYẾT VỀ PHÁT TRIỂN KINH TẾ - XÃ HỘI XÃ AN BÌNH GIAI ĐOẠN"},
		{"a signature block far right", []string{
			"1 1 1 100 100 2000 40 Các chi bộ căn cứ nghị quyết này xây dựng kế hoạch cụ thể để thực hiện ngay.",
			"1 1 2 1500 150 600 40 T/M ĐẢNG ỦY",
			"1 1 3 1650 200 300 40 BÍ THƯ",
		}, "Các chi bộ căn cứ nghị quyết này xây dựng kế hoạch cụ thể để thực hiện ngay.\nT/M ĐẢNG ỦY\nBÍ THƯ"},
		{"a two-column heading: left column first, then right", []string{
			"1 1 1 100 100 500 40 ĐẢNG BỘ TỈNH HÀ NAM",
			"1 1 1 1400 100 700 40 ĐẢNG CỘNG SẢN VIỆT NAM",
			"1 1 2 120 150 460 40 ĐẢNG ỦY XÃ AN BÌNH",
			"1 1 3 200 200 300 40 Số 07-NQ/ĐU",
			"1 1 3 1300 200 900 40 An Bình, ngày 15 tháng 3 năm 2024",
		}, "ĐẢNG BỘ TỈNH HÀ NAM\nĐẢNG ỦY XÃ AN BÌNH\nSố 07-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Bình, ngày 15 tháng 3 năm 2024"},
		{"one wide gap in body text is no gutter", []string{
			"1 1 1 100 100 2000 40 Tỷ lệ nội địa hoá được xác định theo công thức sau đây, áp dụng cho mọi",
			"1 1 2 100 150 300 40 Z - I",
			"1 1 2 1500 150 400 40 x 100%",
			"1 1 3 100 200 2000 40 sản phẩm và phụ tùng do doanh nghiệp sản xuất, lắp ráp trong nước.",
		}, "Tỷ lệ nội địa hoá được xác định theo công thức sau đây, áp dụng cho mọi Z - I x 100%\nsản phẩm và phụ tùng do doanh nghiệp sản xuất, lắp ráp trong nước."},
		{"labels read as a column of their own go back to their items", []string{
			"6 1 1 256 1321 40 38 10.",
			"7 1 1 259 1552 40 37 11.",
			"8 1 1 262 1781 40 37 A1,",
			"15 1 1 345 1320 1200 40 Vụ Kiểm sát giam giữ và thi hành án hình sự;",
			"16 1 1 348 1551 500 40 Vụ Kiểm sát án dân sự;",
			"16 1 2 348 1600 500 40 kinh doanh thương mại;",
			"9 1 1 262 2010 40 37 In?",
			"17 1 1 351 1780 600 40 Vụ Pháp chế;",
			"18 1 1 351 2010 600 40 Vụ Tổ chức cán bộ;",
		}, "10. Vụ Kiểm sát giam giữ và thi hành án hình sự;\n11. Vụ Kiểm sát án dân sự;\nkinh doanh thương mại;\nA1, Vụ Pháp chế;\nIn? Vụ Tổ chức cán bộ;"},
		{"a word alone is no label, a far column is no item", []string{
			"1 1 1 100 100 200 40 nay.",
			"2 1 1 320 100 1200 40 Các chi bộ căn cứ nghị quyết này xây dựng kế hoạch.",
			"3 1 1 100 300 40 40 1.",
			"4 1 1 600 300 1200 40 Mục tiêu đến năm 2026.",
		}, "nay.\nCác chi bộ căn cứ nghị quyết này xây dựng kế hoạch.\n1.\nMục tiêu đến năm 2026."},
		{"a wrapped number keeps its hyphen", []string{
			"1 1 1 100 100 2000 40 Căn cứ Nghị quyết số 02-NQ/ĐUK ngày 4 tháng 7 năm 2011 của Đảng ủy Khối 05-",
			"1 1 2 100 150 2000 40 NQ/TW về xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh giai đoạn tới.",
		}, "Căn cứ Nghị quyết số 02-NQ/ĐUK ngày 4 tháng 7 năm 2011 của Đảng ủy Khối 05-NQ/TW về xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh giai đoạn tới."},
		{"a typed rule wrapped at the margin is one rule", []string{
			"1 1 1 100 100 2000 40 Thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, Đảng ủy xã thống nhất ban",
			"20000 1 1 100 150 2000 20 " + strings.Repeat("-", 150),
			"20001 1 1 100 200 1000 20 " + strings.Repeat("-", 75),
			"20002 1 1 100 250 1000 20 " + strings.Repeat("-", 75),
		}, "Thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, Đảng ủy xã thống nhất ban\n" + strings.Repeat("-", 225) + "\n" + strings.Repeat("-", 75)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseTSV(tsv(tc.rows...))
			if len(got) != 1 {
				t.Fatalf("ParseTSV: %d pages; want 1", len(got))
			}
			if got[0].Text != tc.want {
				t.Errorf("ParseTSV text =\n%s\nwant\n%s", got[0].Text, tc.want)
			}
			if got[0].Confidence != 95.5 {
				t.Errorf("confidence = %v; want 95.5", got[0].Confidence)
			}
		})
	}
	if got := ParseTSV([]byte("garbage\n5\tx\n")); got != nil {
		t.Errorf("ParseTSV(garbage) = %v; want nil", got)
	}
	// A page with no words (a blank scan) is an empty page.
	blank := ParseTSV([]byte("1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n1\t2\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n5\t2\t1\t1\t1\t1\t0\t0\t5\t5\t90\tchữ\n"))
	if len(blank) != 2 || blank[0].Text != "" || blank[0].Confidence != -1 || blank[1].Text != "chữ" {
		t.Errorf("ParseTSV(blank page, page) = %+v", blank)
	}
}

func TestCacheRoundTrip(t *testing.T) {
	e := New(Options{CacheDir: t.TempDir()})
	in := tsv("1 1 1 100 100 2000 40 Nghị quyết")
	e.cachePut("ab12", in)
	got, ok := e.cacheGet("ab12")
	if !ok || string(got) != string(in) {
		t.Errorf("cacheGet = %q, %v; want the TSV back", got, ok)
	}
	if _, ok := e.cacheGet("cd34"); ok {
		t.Error("cacheGet of a missing key succeeded")
	}
	if k1, k2 := e.cacheKey([]byte("a"), 0), e.cacheKey([]byte("b"), 0); k1 == k2 || len(k1) != 64 {
		t.Errorf("cacheKey: %q, %q; want distinct hex digests", k1, k2)
	}
	if pages := textOf(nil); len(pages) != 1 || pages[0].Text != "" || pages[0].Confidence != -1 {
		t.Errorf("textOf(nothing) = %+v; want one empty page", pages)
	}
}

func FuzzParseTSV(f *testing.F) {
	f.Add(tsv("1 1 1 100 100 2000 40 Thực hiện Nghị quyết", "1 1 2 100 150 600 40 hành nghị quyết."))
	f.Add([]byte("5\t1\t1\t1\t1\t1\t-5\t0\t0\t0\t-1\t\xff\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, p := range ParseTSV(b) {
			_ = Fix(p.Text)
		}
	})
}

func TestMendDashes(t *testing.T) {
	// Words of one line: text, width, height.
	type w struct {
		text string
		wd   int
		h    int
	}
	tests := []struct {
		name  string
		words []w
		want  string
	}{
		{"a tilde for an en dash", []w{{"giai", 60, 30}, {"đoạn", 70, 36}, {"2020", 70, 30}, {"~", 22, 3}, {"2025", 70, 30}}, "giai đoạn 2020 – 2025"},
		{"an em dash for an en dash", []w{{"cổ", 40, 36}, {"tức", 50, 36}, {"25", 40, 30}, {"—", 21, 4}, {"27%", 50, 30}}, "cổ tức 25 – 27%"},
		{"a true em dash is an em long", []w{{"Hà", 40, 36}, {"Nội", 50, 36}, {"—", 40, 4}, {"Huế", 50, 36}}, "Hà Nội — Huế"},
		{"a true tilde is taller", []w{{"khoảng", 90, 36}, {"~", 22, 7}, {"30%", 50, 30}}, "khoảng ~ 30%"},
		{"hyphens stay", []w{{"kinh", 60, 36}, {"tế", 30, 36}, {"-", 17, 4}, {"xã", 30, 30}, {"hội", 40, 36}}, "kinh tế - xã hội"},
		{"no letters to measure", []w{{"2020", 70, 30}, {"~", 22, 3}, {"2025", 70, 30}}, "2020 ~ 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			x := 100
			for i, w := range tt.words {
				b.WriteString(strings.Join([]string{"5", "1", "1", "1", "1", itoa(i + 1), itoa(x), "100", itoa(w.wd), itoa(w.h), "95", w.text}, "\t") + "\n")
				x += w.wd + 15
			}
			got := ParseTSV([]byte(b.String()))
			if len(got) != 1 || got[0].Text != tt.want {
				t.Errorf("text = %+v; want %q", got, tt.want)
			}
		})
	}
}

func TestNoiseBlocks(t *testing.T) {
	row := func(block, x, y int, conf, text string) string {
		return strings.Join([]string{"5", "1", itoa(block), "1", "1", "1", itoa(x), itoa(y), "60", "36", conf, text}, "\t")
	}
	tests := []struct {
		name string
		rows []string
		want string
	}{
		{"specks in a corner", []string{row(1, 10, 10, "6.8", "g"), row(1, 80, 10, "5.2", "sĩ"), row(1, 150, 10, "43.6", "BẠN"),
			row(2, 200, 200, "96", "Đến"), row(2, 270, 200, "95", "nay")}, "Đến nay"},
		{"a poor block of text stays", []string{row(1, 100, 100, "62", "Tỷ"), row(1, 170, 100, "35", "lệ"), row(1, 240, 100, "58", "hộ")}, "Tỷ lệ hộ"},
		{"a poorly read label has its item", []string{row(1, 100, 100, "12", "In?"), row(2, 200, 100, "96", "Vụ"), row(2, 270, 100, "95", "Pháp")}, "In? Vụ Pháp"},
		{"a blank page", []string{row(1, 10, 10, "0", "kuệng"), row(1, 80, 10, "13", "HH")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseTSV([]byte(strings.Join(tt.rows, "\n")))
			if len(got) != 1 || got[0].Text != tt.want {
				t.Errorf("ParseTSV = %+v; want one page %q", got, tt.want)
			}
		})
	}
}
