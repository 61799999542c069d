package slides

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipOf builds a zip archive of the named parts, in the order given.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// sld wraps shapes in a slide part.
func sld(shapes string) string {
	return `<?xml version="1.0"?><p:sld xmlns:a="a" xmlns:p="p" xmlns:r="r"><p:cSld><p:spTree>` + shapes + `</p:spTree></p:cSld></p:sld>`
}

// sp is a text shape with the given paragraphs; ph is its placeholder
// type ("" for none).
func sp(ph string, paras ...string) string {
	nv := `<p:nvSpPr><p:cNvPr id="2" name="x"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>`
	if ph != "" {
		nv = `<p:nvSpPr><p:cNvPr id="2" name="x"/><p:cNvSpPr/><p:nvPr><p:ph type="` + ph + `"/></p:nvPr></p:nvSpPr>`
	}
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(`<a:p>` + p + `</a:p>`)
	}
	return `<p:sp>` + nv + `<p:txBody><a:bodyPr/>` + b.String() + `</p:txBody></p:sp>`
}

// ar is a run of text in font ("" for none).
func ar(font, text string) string {
	rpr := `<a:rPr lang="vi-VN"/>`
	if font != "" {
		rpr = `<a:rPr lang="vi-VN"><a:latin typeface="` + font + `"/></a:rPr>`
	}
	return `<a:r>` + rpr + `<a:t>` + text + `</a:t></a:r>`
}

func TestDrawingMLText(t *testing.T) {
	cell := func(paras ...string) string {
		var b strings.Builder
		for _, p := range paras {
			b.WriteString(`<a:p>` + ar("", p) + `</a:p>`)
		}
		return `<a:tc><a:txBody>` + b.String() + `</a:txBody></a:tc>`
	}
	tbl := func(rows ...string) string {
		return `<p:graphicFrame><a:graphic><a:graphicData><a:tbl>` + strings.Join(rows, "") + `</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`
	}
	tests := []struct {
		name, xml, want, enc string
	}{
		{"paragraphs", sld(sp("title", ar("", "NGHỊ QUYẾT")) + sp("", ar("", "Điều 1. ")+ar("", "Phê duyệt")+ar("", " kế hoạch"), ar("", "Điều 2."))), "NGHỊ QUYẾT\nĐiều 1. Phê duyệt kế hoạch\nĐiều 2.\n", ""},
		{"line break and tab", sld(sp("", ar("", "a")+`<a:br/>`+ar("", "b"), ar("", "c")+`<a:r><a:t>x</a:t><a:tab/></a:r>`)), "a\nb\ncx\t\n", ""},
		{"chrome placeholders dropped", sld(sp("body", ar("", "nội dung")) + sp("sldNum", `<a:fld type="slidenum"><a:t>3</a:t></a:fld>`) + sp("dt", ar("", "15/3/2024")) + sp("ftr", ar("", "Đảng ủy"))), "nội dung\n", ""},
		{"field text kept outside chrome", sld(sp("", ar("", "Trang ")+`<a:fld type="slidenum"><a:t>3</a:t></a:fld>`)), "Trang 3\n", ""},
		{"empty paragraphs dropped", sld(sp("", "", ar("", " "), ar("", "x"))), "x\n", ""},
		{"data table", sld(tbl(`<a:tr>`+cell("Tỷ lệ hộ nghèo")+cell("%")+cell("1,5")+`</a:tr>`, `<a:tr>`+cell("Nước sạch")+cell("")+cell("95")+`</a:tr>`)), "Tỷ lệ hộ nghèo | % | 1,5\nNước sạch | 95\n", ""},
		{"heading table", sld(tbl(`<a:tr>` + cell("ĐẢNG BỘ TỈNH", "Số 07-NQ/ĐU") + cell("ĐẢNG CỘNG SẢN VIỆT NAM") + `</a:tr>`)), "ĐẢNG BỘ TỈNH\nSố 07-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n", ""},
		{"VNI run", sld(sp("", ar("VNI-Times", "Muïc tieâu")+ar("Arial", " 2026"))), "Mục tiêu 2026\n", "vni"},
		{"TCVN3 run", sld(sp("", ar(".VnTime", "Môc tiªu"))), "Mục tiêu\n", "tcvn3"},
		{"TCVN3 capital font", sld(sp("", ar(".VnTimeH", "nghÞ quyÕt"))), "NGHỊ QUYẾT\n", "tcvn3"},
		{"Unicode text in a legacy font kept", sld(sp("", ar("VNI-Times", "Mục tiêu"))), "Mục tiêu\n", ""},
		{"fallback skipped", sld(`<mc:AlternateContent><mc:Choice>` + sp("", ar("", "một")) + `</mc:Choice><mc:Fallback>` + sp("", ar("", "một")) + `</mc:Fallback></mc:AlternateContent>`), "một\n", ""},
		{"damaged part keeps what was read", `<p:sld><a:p><a:r><a:t>đầu</a:t></a:r></a:p><a:p><a:r><a:t>x</a:t></a:r`, "đầu\nx\n", ""},
	}
	for _, tt := range tests {
		encs := encCounter{}
		got, err := drawingMLText(strings.NewReader(tt.xml), encs)
		if err != nil {
			t.Errorf("%s: drawingMLText error %v", tt.name, err)
			continue
		}
		if got != tt.want || encs.Most() != tt.enc {
			t.Errorf("%s: drawingMLText = %q (encoding %q); want %q (%q)", tt.name, got, encs.Most(), tt.want, tt.enc)
		}
	}
}

// pptxOf builds a presentation whose presentation.xml lists the slides in
// the order given by order (slide part numbers), with notes for slide 1.
func pptxOf(t testing.TB, order []int, slides ...string) []byte {
	var ids, rels strings.Builder
	parts := []string{}
	for i, s := range slides {
		n := itoa(i + 1)
		parts = append(parts, "ppt/slides/slide"+n+".xml", s)
	}
	for _, k := range order {
		n := itoa(k)
		ids.WriteString(`<p:sldId id="` + itoa(255+k) + `" r:id="rId` + n + `"/>`)
		rels.WriteString(`<Relationship Id="rId` + n + `" Type="` + relNS + `/slide" Target="slides/slide` + n + `.xml"/>`)
	}
	parts = append(parts,
		"_rels/.rels", `<Relationships><Relationship Id="rId1" Type="`+relNS+`/officeDocument" Target="ppt/presentation.xml"/></Relationships>`,
		"ppt/presentation.xml", `<p:presentation xmlns:p="p" xmlns:r="r"><p:sldIdLst>`+ids.String()+`</p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels", `<Relationships>`+rels.String()+`</Relationships>`,
		"ppt/slides/_rels/slide1.xml.rels", `<Relationships><Relationship Id="rId2" Type="`+relNS+`/notesSlide" Target="../notesSlides/notesSlide1.xml"/></Relationships>`,
		"ppt/notesSlides/notesSlide1.xml", `<p:notes xmlns:a="a" xmlns:p="p"><p:cSld><p:spTree>`+sp("sldImg")+sp("body", ar("", "Ghi chú của slide một"))+sp("sldNum", ar("", "1"))+`</p:spTree></p:cSld></p:notes>`,
		"docProps/core.xml", `<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc" xmlns:dcterms="dcterms"><dc:title>Báo cáo</dc:title><dc:creator>Văn phòng</dc:creator><dcterms:created>2024-03-15T08:30:00Z</dcterms:created></cp:coreProperties>`,
	)
	return zipOf(t, parts...)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestReadPPTXOrderNotesMeta(t *testing.T) {
	data := pptxOf(t, []int{2, 1, 10}, sld(sp("", ar("", "một"))), sld(sp("", ar("", "hai"))), sld(""), sld(""), sld(""), sld(""), sld(""), sld(""), sld(""), sld(sp("", ar("", "mười"))))
	d, err := ReadPPTX(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"hai", "một\nGhi chú của slide một", "mười"}
	if strings.Join(d.Slides, "|") != strings.Join(want, "|") {
		t.Errorf("ReadPPTX slides = %q; want %q (presentation order, notes after their slide)", d.Slides, want)
	}
	if d.Title != "Báo cáo" || d.Published != "2024-03-15T08:30" || d.Meta["author"] != "Văn phòng" {
		t.Errorf("ReadPPTX metadata = %q, %q, %v; want Báo cáo, 2024-03-15T08:30, author Văn phòng", d.Title, d.Published, d.Meta)
	}
	// Without a slide list, slides are taken by part number (10 after 2).
	data = zipOf(t, "ppt/slides/slide10.xml", sld(sp("", ar("", "mười"))), "ppt/slides/slide2.xml", sld(sp("", ar("", "hai"))))
	if d, err = ReadPPTX(data); err != nil || strings.Join(d.Slides, "|") != "hai|mười" {
		t.Errorf("ReadPPTX without presentation.xml = %q, %v; want [hai mười]", d.Slides, err)
	}
}

func TestReadPPTXErrors(t *testing.T) {
	old := maxPart
	defer func() { maxPart = old }()
	big := sld(sp("", ar("", strings.Repeat("nổ ", 50000))))
	tests := []struct {
		name  string
		data  []byte
		limit int64
		err   error
	}{
		{"not a zip", []byte("PK\x03\x04garbage"), old, ErrCorrupt},
		{"no presentation", zipOf(t, "ppt/media/a.png", "x"), old, ErrCorrupt},
		{"part over the limit", zipOf(t, "ppt/slides/slide1.xml", big), 64 << 10, ErrTooLarge},
	}
	for _, tt := range tests {
		maxPart = tt.limit
		_, err := ReadPPTX(tt.data)
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: ReadPPTX error = %v; want %v", tt.name, err, tt.err)
		}
	}
	maxPart = old
	// A damaged slide is a warning, not the end of the deck.
	d, err := ReadPPTX(zipOf(t, "ppt/slides/slide1.xml", "\x00<<", "ppt/slides/slide2.xml", sld(sp("", ar("", "hai")))))
	if err != nil || len(d.Slides) != 2 || d.Slides[1] != "hai" || len(d.Warnings) != 1 {
		t.Errorf("ReadPPTX with a damaged slide = %q, %q, %v; want two slides and one warning", d.Slides, d.Warnings, err)
	}
}

// TestPPTXTotalBudget checks the cap on all parts together (a zip bomb
// of many parts each under the part limit).
func TestPPTXTotalBudget(t *testing.T) {
	oldTotal := maxTotal
	defer func() { maxTotal = oldTotal }()
	maxTotal = 256 << 10
	var parts []string
	for i := 1; i <= 8; i++ {
		parts = append(parts, "ppt/slides/slide"+itoa(i)+".xml", sld(sp("", ar("", strings.Repeat("a", 64<<10)))))
	}
	if _, err := ReadPPTX(zipOf(t, parts...)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadPPTX over the total budget: error = %v; want ErrTooLarge", err)
	}
}

// fixtureText is the text the fixtures were made from (testdata/gen), in
// reading order.
const fixtureText = `ĐẢNG BỘ TỈNH HÀ NAM
ĐẢNG ỦY XÃ AN BÌNH
*
Số 07-NQ/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
An Bình, ngày 15 tháng 3 năm 2024
NGHỊ QUYẾT
về phát triển kinh tế - xã hội xã An Bình giai đoạn 2024 - 2026
Căn cứ Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, nhiệm kỳ 2020 - 2025; Đảng ủy xã thống nhất ban hành nghị quyết về phát triển kinh tế - xã hội với các mục tiêu chủ yếu sau đây.
1. Mục tiêu đến năm 2026
- Tốc độ tăng trưởng giá trị sản xuất bình quân đạt 8,5%/năm.
- Tỷ lệ hộ nghèo giảm xuống dưới 1,5%.
- Có 95% số hộ gia đình được sử dụng nước sạch.
- Thu nhập bình quân đầu người đạt 72 triệu đồng/năm.
- 100% chi bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên.
Ghi chú: các chỉ tiêu do Văn phòng Đảng ủy tổng hợp.
2. Nhiệm vụ và giải pháp
Đẩy mạnh chuyển đổi cơ cấu cây trồng, vật nuôi; khuyến khích thành lập hợp tác xã kiểu mới; kiểm tra, giám sát việc thực hiện chi phí đầu tư xây dựng; bổ sung quy hoạch khu dân cư mới; tổ chức học tập, quán triệt nghị quyết đến toàn thể cán bộ, đảng viên.
Các chi bộ căn cứ nghị quyết này xây dựng kế hoạch cụ thể để thực hiện.
T/M ĐẢNG ỦY
BÍ THƯ
Nguyễn Văn Thành`

// TestFixtures reads the LibreOffice-made presentations of testdata and
// compares them with the source text, character for character.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file  string
		read  func([]byte) (Deck, error)
		enc   string
		slide int // slides
	}{
		{"nghiquyet.pptx", ReadPPTX, "", 3},
		{"legacy.pptx", ReadPPTX, "vni", 3},
		{"legacy.ppt", ReadPPT, "vni", 3},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := tt.read(data)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		got := strings.Join(d.Slides, "\n")
		if acc := charAccuracy(fixtureText, got); acc < 1 {
			t.Errorf("%s: character accuracy %.4f against the source; want 1\n%s", tt.file, acc, got)
		}
		if len(d.Slides) != tt.slide || d.Encoding != tt.enc {
			t.Errorf("%s: %d slides, encoding %q; want %d, %q", tt.file, len(d.Slides), d.Encoding, tt.slide, tt.enc)
		}
		if d.Title != "Nghị quyết 07-NQ/ĐU" || !strings.HasPrefix(d.Published, "2024-03-15") || d.Meta["author"] != "Văn phòng Đảng ủy" {
			t.Errorf("%s: title %q, published %q, meta %v; want the fixture's properties", tt.file, d.Title, d.Published, d.Meta)
		}
		if !strings.HasSuffix(d.Slides[1], "\nGhi chú: các chỉ tiêu do Văn phòng Đảng ủy tổng hợp.") {
			t.Errorf("%s: slide 2 = %q; want its notes at the end", tt.file, d.Slides[1])
		}
	}
}

// charAccuracy is 1 - (edit distance / length of want), over runes.
func charAccuracy(want, got string) float64 {
	a, b := []rune(want), []rune(got)
	if len(a) == 0 {
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(b)])/float64(len(a))
}

func TestCharAccuracy(t *testing.T) {
	tests := []struct {
		want, got string
		acc       float64
	}{
		{"abcd", "abcd", 1}, {"abcd", "abed", 0.75}, {"abcd", "", 0}, {"Việt", "Viet", 0.75},
	}
	for _, tt := range tests {
		if got := charAccuracy(tt.want, tt.got); got != tt.acc {
			t.Errorf("charAccuracy(%q, %q) = %v; want %v", tt.want, tt.got, got, tt.acc)
		}
	}
}
