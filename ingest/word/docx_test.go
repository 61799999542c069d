package word

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// wdoc wraps body XML in a w:document.
func wdoc(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`
}

func wp(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func wr(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func TestWordMLText(t *testing.T) {
	tests := []struct {
		name, xml, want string
	}{
		{"paragraphs", wdoc(wp(wr("Điều 1.")) + wp(wr("Phạm vi"), wr(" điều chỉnh"))), "Điều 1.\nPhạm vi điều chỉnh\n"},
		{"empty paragraph kept as blank line", wdoc(wp(wr("a")) + wp() + wp(wr("b"))), "a\n\nb\n"},
		{"tab and break", wdoc(wp(wr("a"), `<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>`)), "a\tb\nc\n"},
		{"tab stops are not tabs", wdoc(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` + wr("x") + `</w:p>`), "x\n"},
		{"symbol", wdoc(wp(wr("a"), `<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>`, wr("b"))), "a≥b\n"},
		{"wingdings bullet", wdoc(wp(`<w:r><w:sym w:font="Wingdings" w:char="F0A7"/></w:r>`, wr(" mục"))), "• mục\n"},
		{"no-break hyphen", wdoc(wp(wr("NQ"), `<w:r><w:noBreakHyphen/></w:r>`, wr("HĐND"))), "NQ-HĐND\n"},
		{"field code dropped, result kept", wdoc(wp(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, wr("3"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`)), "3\n"},
		{"simple field", wdoc(wp(`<w:fldSimple w:instr="DATE">` + wr("01/01/2020") + `</w:fldSimple>`)), "01/01/2020\n"},
		{"deleted text dropped", wdoc(wp(wr("giữ "), `<w:del><w:r><w:delText>xóa</w:delText></w:r></w:del>`, `<w:ins>`+wr("thêm")+`</w:ins>`)), "giữ thêm\n"},
		{"fallback not doubled", wdoc(wp(`<mc:AlternateContent><mc:Choice>` + wr("hộp") + `</mc:Choice><mc:Fallback>` + wr("hộp") + `</mc:Fallback></mc:AlternateContent>`)), "hộp\n"},
		{"data table row per line", wdoc(`<w:tbl><w:tr><w:tc>` + wp(wr("1")) + `</w:tc><w:tc>` + wp(wr("GRDP")) + `</w:tc><w:tc>` + wp(wr("7,5%")) + `</w:tc></w:tr><w:tr><w:tc>` + wp(wr("2")) + `</w:tc><w:tc>` + wp(wr("Thu ngân sách")) + `</w:tc></w:tr></w:tbl>` + wp(wr("sau"))),
			"1 | GRDP | 7,5%\n2 | Thu ngân sách\nsau\n"},
		{"heading table cell by cell", wdoc(`<w:tbl><w:tr><w:tc>` + wp(wr("CHÍNH PHỦ")) + wp(wr("Số: 19/2019/NĐ-CP")) + `</w:tc><w:tc>` + wp(wr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + wp(wr("Hà Nội, ngày 19 tháng 02 năm 2019")) + `</w:tc></w:tr></w:tbl>`),
			"CHÍNH PHỦ\nSố: 19/2019/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 19 tháng 02 năm 2019\n"},
		{"line break in cell", wdoc(`<w:tbl><w:tr><w:tc>` + wp(wr("QUỐC HỘI"), `<w:r><w:br/></w:r>`, wr("-----")) + `</w:tc></w:tr></w:tbl>`), "QUỐC HỘI\n-----\n"},
		{"empty cells skipped", wdoc(`<w:tbl><w:tr><w:tc>` + wp() + `</w:tc><w:tc>` + wp(wr("x")) + `</w:tc></w:tr></w:tbl>`), "x\n"},
		{"nested table into cell", wdoc(`<w:tbl><w:tr><w:tc>` + wp(wr("ngoài")) + `<w:tbl><w:tr><w:tc>` + wp(wr("a")) + `</w:tc><w:tc>` + wp(wr("b")) + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`), "ngoài\na | b\n"},
		{"text box before its paragraph", wdoc(wp(wr("neo"), `<w:r><w:txbxContent>`+wp(wr("trong hộp"))+`</w:txbxContent></w:r>`)), "trong hộp\nneo\n"},
		{"truncated part keeps what was read", `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>Điều 1</w:t></w:r></w:p><w:p><w:r><w:t>Điều`, "Điều 1\nĐiều\n"},
		{"entities", wdoc(wp(wr("A &amp; B &lt;C&gt;"))), "A & B <C>\n"},
	}
	for _, tt := range tests {
		got, err := wordMLText(strings.NewReader(tt.xml))
		if err != nil {
			t.Errorf("wordMLText(%s) error: %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("wordMLText(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestWordMLTextGarbage(t *testing.T) {
	if _, err := wordMLText(strings.NewReader("not xml at all <<<")); err == nil {
		t.Errorf("wordMLText(garbage) error = nil; want an error")
	}
}

const coreXML = `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Nghị định 19/2019/NĐ-CP</dc:title><dc:creator>Văn phòng Chính phủ</dc:creator><dcterms:created>2019-02-19T08:30:00Z</dcterms:created><dcterms:modified>2019-02-20T00:00:00Z</dcterms:modified></cp:coreProperties>`

func TestDOCXErrors(t *testing.T) {
	defer func(part, total int64) { maxDOCXPart, maxDOCXTotal = part, total }(maxDOCXPart, maxDOCXTotal)
	maxDOCXPart, maxDOCXTotal = 1<<20, 3<<19
	tests := []struct {
		name string
		data []byte
		err  error
		msg  string
	}{
		{"missing document.xml", zipOf(t, map[string]string{"word/styles.xml": "<x/>", "[Content_Types].xml": "<Types/>"}), ErrCorrupt, "DOCX without word/document.xml"},
		{"declared too large", bombZip(t, int(maxDOCXPart)+1, false), ErrTooLarge, "part word/document.xml is 1 MiB decompressed (limit 1 MiB)"},
		// archive/zip itself stops at the declared size; either way
		// nothing past it is inflated.
		{"lying header", bombZip(t, int(maxDOCXPart)+1, true), ErrCorrupt, "word/document.xml"},
	}
	for _, tt := range tests {
		_, err := docxReader("x.docx", tt.data)
		if !errors.Is(err, tt.err) || err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("docxReader(%s) error = %v; want %v containing %q", tt.name, err, tt.err, tt.msg)
		}
	}
	// Parts within the per-part limit but over the total: the optional
	// part is skipped with a warning, the body is kept.
	data := zipOf(t, map[string]string{
		"word/document.xml":  wdoc(strings.Repeat(wp(wr("Điều")), 14000)),
		"word/footnotes.xml": wdoc(strings.Repeat(wp(wr("Điều")), 14000)),
	})
	p, err := docxReader("x.docx", data)
	if err != nil || len(p.warnings) != 1 || !strings.Contains(p.warnings[0], "skipped DOCX part word/footnotes.xml") || !strings.Contains(p.warnings[0], "in all") {
		t.Errorf("docxReader(over total) = %v, warnings %q; want the body and a skipped-part warning", err, p.warnings)
	}
}

// bombZip builds a DOCX whose word/document.xml inflates to n bytes of
// a repeated paragraph. With lie set, the headers claim 100 bytes.
func bombZip(t testing.TB, n int, lie bool) []byte {
	t.Helper()
	para := []byte(wp(wr("Nghị quyết")))
	var raw, comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	crc := crc32.NewIEEE()
	w := io.MultiWriter(fw, crc)
	io.WriteString(w, `<w:document `+wordNS+`><w:body>`)
	written := 0
	for written < n {
		k, _ := w.Write(para)
		written += k
	}
	fw.Close()
	zw := zip.NewWriter(&raw)
	size := uint64(written + len(`<w:document `+wordNS+`><w:body>`))
	hdr := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc.Sum32(), CompressedSize64: uint64(comp.Len()), UncompressedSize64: size}
	if lie {
		hdr.UncompressedSize64 = 100
	}
	pw, err := zw.CreateRaw(hdr)
	if err != nil {
		t.Fatal(err)
	}
	pw.Write(comp.Bytes())
	zw.Close()
	return raw.Bytes()
}

// TestRealDOCX reads the real documents in corpus/docx: no error, text in
// NFC, no broken diacritics (U+FFFD, stray combining marks, C1 controls).
func TestSymbolChar(t *testing.T) {
	tests := []struct{ hex, font, want string }{
		{"F0B3", "Symbol", "≥"},
		{"F061", "Symbol", "α"},
		{"F041", "Symbol", "A"},
		{"F0FC", "Wingdings", "•"},
		{"00E9", "Times New Roman", "é"},
		{"F0E9", "Times New Roman", "é"},
		{"E000", "Arial", ""},
		{"zz", "Arial", ""},
		{"", "Symbol", ""},
	}
	for _, tt := range tests {
		if got := symbolChar(tt.hex, tt.font); got != tt.want {
			t.Errorf("symbolChar(%q, %q) = %q; want %q", tt.hex, tt.font, got, tt.want)
		}
	}
}

func TestOnlyPageNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"3", true}, {"Trang 3", true}, {"- 12 -", true}, {"3/10", true},
		{"CÔNG BÁO/Số 123", false}, {"Nghị định 19", false},
	}
	for _, tt := range tests {
		if got := onlyPageNumbers(tt.in); got != tt.want {
			t.Errorf("onlyPageNumbers(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

// BenchmarkDOCX reads the largest real DOCX (Bộ luật dân sự, 315 KB).

func TestDOCXReader(t *testing.T) {
	data := zipOf(t, map[string]string{
		"[Content_Types].xml":  "<Types/>",
		"word/document.xml":    wdoc(wp(wr("NGHỊ ĐỊNH")) + wp(wr("Điều 1. Phạm vi"))),
		"word/footnotes.xml":   `<w:footnotes ` + wordNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">` + wp(wr("Chú thích một")) + `</w:footnote></w:footnotes>`,
		"word/header1.xml":     `<w:hdr ` + wordNS + `>` + wp(wr("CÔNG BÁO")) + `</w:hdr>`,
		"word/header2.xml":     `<w:hdr ` + wordNS + `>` + wp(wr("CÔNG BÁO")) + `</w:hdr>`,
		"word/footer1.xml":     `<w:ftr ` + wordNS + `>` + wp(wr("Trang 3")) + `</w:ftr>`,
		"docProps/core.xml":    coreXML,
		"docProps/app.xml":     `<Properties><Application>Microsoft Office Word</Application></Properties>`,
		"word/media/image.png": "\x89PNG",
	})
	doc, err := ReadDOCX(data)
	if err != nil {
		t.Fatalf("ReadDOCX error: %v", err)
	}
	want := "NGHỊ ĐỊNH\nĐiều 1. Phạm vi\nChú thích một\nCÔNG BÁO"
	if got := doc.Text; got != want {
		t.Errorf("ReadDOCX text = %q; want %q", got, want)
	}
	if doc.Encoding != "" {
		t.Errorf("ReadDOCX encoding = %q; want \"\"", doc.Encoding)
	}
	if doc.Title != "Nghị định 19/2019/NĐ-CP" || doc.Published != "2019-02-19T08:30" {
		t.Errorf("ReadDOCX Title, Published = %q, %q; want core properties", doc.Title, doc.Published)
	}
	if doc.Meta["author"] != "Văn phòng Chính phủ" || doc.Meta["producer"] != "Microsoft Office Word" || doc.Meta["modified"] != "2019-02-20T00:00" {
		t.Errorf("ReadDOCX.Meta = %v; want author, producer, modified", doc.Meta)
	}
}
