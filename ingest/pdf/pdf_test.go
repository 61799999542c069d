package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestPDFContentStreams checks the text of one-page PDFs whose content
// streams exercise the text operators: each line move must break the line,
// kerning gaps must make spaces, wrapped lines must join into paragraphs.
func TestPDFContentStreams(t *testing.T) {
	v := vietEnc
	tests := []struct {
		name, content, want string
	}{
		{"Td moves and a paragraph gap",
			"BT /F1 10 Tf 72 700 Td (The first line of a paragraph that runs to the) Tj 0 -12 Td (right margin, and its second line.) Tj 0 -24 Td (A new paragraph after a gap.) Tj ET",
			"The first line of a paragraph that runs to the right margin, and its second line.\nA new paragraph after a gap."},
		{"T* ' and \" break lines",
			"BT /F1 10 Tf 14 TL 72 700 Td (alpha) Tj T* (beta) Tj (gamma) ' 1 0 (delta) \" ET",
			"alpha beta gamma delta"},
		{"TJ kerning makes a space only when wide",
			"BT /F1 10 Tf 72 700 Td [(Hel) 20 (lo) -600 (world)] TJ ET",
			"Hello world"},
		{"Tm moves to a far line",
			"BT /F1 10 Tf 1 0 0 1 72 700 Tm (one) Tj 1 0 0 1 72 650 Tm (two) Tj ET",
			"one\ntwo"},
		{"two text objects on one baseline",
			"BT /F1 10 Tf 72 700 Td (left) Tj ET BT /F1 10 Tf 200 700 Td (right) Tj ET",
			"left right"},
		{"runs that touch make one word",
			"BT /F1 10 Tf 72 700 Td (Nghi) Tj ET BT /F1 10 Tf 92 700 Td (quyet) Tj ET",
			"Nghiquyet"},
		{"cm scales the text",
			"q 2 0 0 2 0 0 cm BT /F1 10 Tf 36 350 Td [(big) -300 (text)] TJ ET Q",
			"big text"},
		{"ASCII word split by a hyphen is joined",
			"BT /F1 10 Tf 72 700 Td (a long line that ends with inter-) Tj 0 -12 Td (national cooperation.) Tj ET",
			"a long line that ends with international cooperation."},
		{"Vietnamese compound keeps its hyphen",
			"BT /F2 10 Tf 72 700 Td " + v("Tỉnh Bà Rịa-") + " Tj 0 -12 Td " + v("Vũng Tàu") + " Tj ET",
			"Tỉnh Bà Rịa-Vũng Tàu"},
		{"number split after its hyphen keeps it",
			"BT /F2 10 Tf 72 700 Td " + v("Nghị quyết số 05-") + " Tj 0 -12 Td " + v("NQ/TW ngày") + " Tj ET",
			"Nghị quyết số 05-NQ/TW ngày"},
		{"spaced dash at line end",
			"BT /F2 10 Tf 72 700 Td " + v("phát triển kinh tế -") + " Tj 0 -12 Td " + v("xã hội") + " Tj ET",
			"phát triển kinh tế - xã hội"},
		{"combining mark drawn apart joins its letter",
			"BT /F2 10 Tf 72 700 Td " + v("Nghi") + " Tj 1 0 0 1 95 700 Tm " + v("\u0323") + " Tj ET",
			"Nghị"},
		{"list items start paragraphs",
			"BT /F2 10 Tf 72 700 Td " + v("Điều 1. Phạm vi") + " Tj 0 -12 Td " + v("a) Điểm một") + " Tj 0 -12 Td " + v("- Gạch đầu dòng") + " Tj ET",
			"Điều 1. Phạm vi\na) Điểm một\n- Gạch đầu dòng"},
		{"a centered title ends before a full-width line",
			"BT /F1 10 Tf 72 700 Td (a full line of body text running to the margin) Tj 0 -12 Td (and a second full line of text up to the margin) Tj 0 -12 Td (and on.) Tj ET " +
				"BT /F1 10 Tf 124 664 Td (A Centered Title Line Here) Tj ET BT /F1 10 Tf 72 652 Td (Body again from the left margin to the right one) Tj ET",
			"a full line of body text running to the margin and a second full line of text up to the margin and on.\nA Centered Title Line Here\nBody again from the left margin to the right one"},
		{"indented first line starts a paragraph",
			"BT /F1 10 Tf 72 700 Td (a full line of body text running to the margin) Tj 0 -12 Td (and on.) Tj 20 -12 Td (Indented start of the next paragraph.) Tj ET",
			"a full line of body text running to the margin and on.\nIndented start of the next paragraph."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePDF(pagesPDF(tt.content), testMaxPages)
			if err != nil {
				t.Fatalf("parsePDF error: %v", err)
			}
			if len(p.pages) != 1 {
				t.Fatalf("parsePDF gave %d pages; want 1", len(p.pages))
			}
			if got := norm.NFC.String(p.pages[0]); got != tt.want {
				t.Errorf("page text of %q = %q; want %q", tt.content, got, tt.want)
			}
			if len(p.warnings) != 0 {
				t.Errorf("warnings = %q; want none", p.warnings)
			}
		})
	}
}

// TestPDFRunningHeaders checks that a header and a "Trang N/M" footer
// repeated on every page are dropped and the body kept.
func TestPDFRunningHeaders(t *testing.T) {
	var contents []string
	for i := 1; i <= 4; i++ {
		contents = append(contents, fmt.Sprintf(
			"BT /F1 9 Tf 72 800 Td (CONG BAO SO 12 NGAY 0%d) Tj ET BT /F1 10 Tf 72 700 Td (Body text of page %d.) Tj ET BT /F1 9 Tf 280 40 Td (Trang %d/4) Tj ET", i, i, i))
	}
	p, err := parsePDF(pagesPDF(contents...), testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	for i, pg := range p.pages {
		if want := fmt.Sprintf("Body text of page %d.", i+1); pg != want {
			t.Errorf("page %d = %q; want %q", i+1, pg, want)
		}
	}
}

// TestPDFLonePageNumber checks that a bare page number at the bottom of a
// single page goes, while a number inside the text stays.
func TestPDFLonePageNumber(t *testing.T) {
	p, err := parsePDF(pagesPDF("BT /F1 10 Tf 72 700 Td (Article 12 of the law.) Tj ET BT /F1 10 Tf 300 40 Td (- 1 -) Tj ET"), testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Article 12 of the law."; p.pages[0] != want {
		t.Errorf("page = %q; want %q", p.pages[0], want)
	}
}

// treePDF builds a PDF whose page tree is given by kids, a function that
// receives the object numbers of the Pages node and of two pages and
// returns the Pages node's /Kids and /Count.
func treePDF(kids func(pages, p1, p2 int) (string, string)) []byte {
	var b testPDF
	catalog := b.add("")
	pages := b.add("")
	f1 := b.add(simpleFont)
	c1 := b.add(stream("", "BT /F1 10 Tf 72 700 Td (first page) Tj ET"))
	c2 := b.add(stream("", "BT /F1 10 Tf 72 700 Td (second page) Tj ET"))
	p1 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c1))
	p2 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c2))
	k, count := kids(pages, p1, p2)
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %s /Resources << /Font << /F1 %d 0 R >> >> >>", k, count, f1))
	return b.bytes(catalog, 0)
}

// TestPDFPageTree checks the page tree walk against hostile trees: cyclic
// /Kids, a huge /Count, a direct page dictionary in /Kids, the page cap.
func TestPDFPageTree(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		maxPages int
		want     []string
		warning  string
	}{
		{"plain", treePDF(func(_, p1, p2 int) (string, string) { return fmt.Sprintf("%d 0 R %d 0 R", p1, p2), "2" }),
			10, []string{"first page", "second page"}, ""},
		{"cyclic kids", treePDF(func(pages, p1, p2 int) (string, string) {
			return fmt.Sprintf("%d 0 R %d 0 R %d 0 R", p1, pages, p2), "3"
		}), 10, []string{"first page", "second page"}, "cyclic"},
		{"huge count", treePDF(func(_, p1, p2 int) (string, string) { return fmt.Sprintf("%d 0 R %d 0 R", p1, p2), "2000000000" }),
			10, []string{"first page", "second page"}, ""},
		{"page cap", treePDF(func(_, p1, p2 int) (string, string) { return fmt.Sprintf("%d 0 R %d 0 R", p1, p2), "2" }),
			1, []string{"first page"}, "more than 1 pages"},
		{"direct page in kids", treePDF(func(pages, p1, _ int) (string, string) {
			return fmt.Sprintf("%d 0 R << /Type /Page /Contents 5 0 R >>", p1), "2"
		}), 10, []string{"first page", "second page"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var p parsed
			var err error
			go func() {
				defer close(done)
				p, err = parsePDF(tt.data, tt.maxPages)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("parsePDF did not return")
			}
			if err != nil {
				t.Fatalf("parsePDF error: %v", err)
			}
			if strings.Join(p.pages, "|") != strings.Join(tt.want, "|") {
				t.Errorf("pages = %q; want %q", p.pages, tt.want)
			}
			if tt.warning != "" && !containsAny(p.warnings, tt.warning) {
				t.Errorf("warnings = %q; want one containing %q", p.warnings, tt.warning)
			}
			if tt.warning == "" && len(p.warnings) > 0 {
				t.Errorf("warnings = %q; want none", p.warnings)
			}
		})
	}
}

// TestPDFDamagedPages checks that a page the library cannot read (an
// unsupported filter panics inside it) gives a warning and the other pages
// their text, and that a page with only an image is reported as scanned.
func TestPDFDamagedPages(t *testing.T) {
	var b testPDF
	catalog := b.add("")
	pages := b.add("")
	f1 := b.add(simpleFont)
	bad := b.add(stream("/Filter /RunLengthDecode", "garbage"))
	good := b.add(stream("", "BT /F1 10 Tf 72 700 Td (still here) Tj ET"))
	img := b.add(stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80"))
	scan := b.add(stream("", "q 500 0 0 700 50 50 cm /Im1 Do Q"))
	p1 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, bad))
	p2 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, good))
	p3 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R /Resources << /XObject << /Im1 %d 0 R >> >> >>", pages, scan, img))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R %d 0 R] /Count 3 /Resources << /Font << /F1 %d 0 R >> >> >>", p1, p2, p3, f1))
	p, err := parsePDF(b.bytes(catalog, 0), testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"", "still here", ""}; strings.Join(p.pages, "|") != strings.Join(want, "|") {
		t.Errorf("pages = %q; want %q", p.pages, want)
	}
	if !containsAny(p.warnings, "page 1: ") {
		t.Errorf("warnings = %q; want one about page 1", p.warnings)
	}
	if fmt.Sprint(p.noText) != "[3]" {
		t.Errorf("noText = %v; want page 3 reported as scanned", p.noText)
	}
}

// TestPDFInfo checks the Info dictionary: a UTF-16 title, the creation
// date as ISO, author and producer in meta.
func TestPDFInfo(t *testing.T) {
	var b testPDF
	catalog := b.add("")
	pages := b.add("")
	c := b.add(stream("", ""))
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c))
	title := "<FEFF" + fmt.Sprintf("%X", utf16be("Nghị quyết số 05")) + ">"
	info := b.add("<< /Title " + title + " /Author (Van phong) /Producer (LibreOffice 7.4) /CreationDate (D:20240315093000+07'00') >>")
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p, err := parsePDF(b.bytes(catalog, info), testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if p.title != "Nghị quyết số 05" || p.published != "2024-03-15T09:30" ||
		p.meta["author"] != "Van phong" || p.meta["producer"] != "LibreOffice 7.4" {
		t.Errorf("info = title %q published %q meta %v; want Nghị quyết số 05, 2024-03-15T09:30, author and producer", p.title, p.published, p.meta)
	}
}

func utf16be(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r>>8), byte(r))
	}
	return out
}

// TestPDFEnvelope checks files the library alone refuses: junk before the
// header, a PDF 2.0 header, bytes after %%EOF; and files that are no PDF.
func TestPDFEnvelope(t *testing.T) {
	good := pagesPDF("BT /F1 10 Tf 72 700 Td (hello) Tj ET")
	v2 := bytes.Replace(good, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1)
	tests := []struct {
		name    string
		data    []byte
		want    string // page text, or the error with err set
		err     bool
		warning string
	}{
		{"plain", good, "hello", false, ""},
		{"pdf 2.0 header", v2, "hello", false, ""},
		{"trailing garbage", append(append([]byte(nil), good...), "\x00\x00garbage after the end"...), "hello", false, ""},
		{"junk before header", append([]byte("JUNK\n"), good...), "hello", false, "junk before the PDF header"},
		{"empty", nil, "empty file", true, ""},
		{"no header", []byte("hello world, this is text"), "not a PDF: no %PDF header", true, ""},
		{"header only", []byte("%PDF-1.4\n"), "", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePDF(tt.data, testMaxPages)
			if tt.err {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("parsePDF(%s) error = %v; want one containing %q", tt.name, err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("parsePDF(%s) error: %v", tt.name, err)
			}
			if got := strings.Join(p.pages, "|"); got != tt.want {
				t.Errorf("parsePDF(%s) = %q; want %q", tt.name, got, tt.want)
			}
			if tt.warning != "" && !containsAny(p.warnings, tt.warning) {
				t.Errorf("parsePDF(%s).warnings = %q; want one containing %q", tt.name, p.warnings, tt.warning)
			}
		})
	}
}

// TestPDFRebuildXref damages a good file two ways (every xref offset
// shifted; the end cut off after the last page) and expects the text back
// with a warning.
func TestPDFRebuildXref(t *testing.T) {
	good := pagesPDF(
		"BT /F1 10 Tf 72 700 Td (page one text) Tj ET",
		"BT /F1 10 Tf 72 700 Td (page two text) Tj ET")
	// Shift: insert bytes after the header, so every offset is 17 off.
	shifted := append(append(append([]byte(nil), good[:15]...), "%%junkjunkjunk17\n"...), good[15:]...)
	// Cut: drop the xref table and trailer.
	cut := good[:bytes.LastIndex(good, []byte("xref"))]
	for _, tt := range []struct {
		name, warning string
		data          []byte
	}{
		{"shifted offsets", "cross-reference table rebuilt", shifted},
		{"truncated", "truncated PDF", cut},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := parsePDF(tt.data, testMaxPages)
			if err != nil {
				t.Fatalf("parsePDF error: %v", err)
			}
			if got, want := strings.Join(p.pages, "|"), "page one text|page two text"; got != want {
				t.Errorf("pages = %q; want %q", got, want)
			}
			if !containsAny(p.warnings, tt.warning) {
				t.Errorf("warnings = %q; want one containing %q", p.warnings, tt.warning)
			}
		})
	}
}

func TestPDFDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"D:20240315093000+07'00'", "2024-03-15T09:30"},
		{"D:20240315", "2024-03-15"},
		{"20210101120000Z", "2021-01-01T12:00"},
		{"D:2024", ""},
		{"D:20241340", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := pdfDate(tt.in); got != tt.want {
			t.Errorf("pdfDate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPDFTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nghị quyết 05", "Nghị quyết 05"},
		{"Microsoft Word - Bao cao tong ket", "Bao cao tong ket"},
		{"Microsoft Word - 43_2021_AL.docx", ""},
		{"scan0001.pdf", ""},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := pdfTitle(tt.in); got != tt.want {
			t.Errorf("pdfTitle(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsPageNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"3", true},
		{"- 3 -", true},
		{"Trang 3", true},
		{"Trang 3/10", true},
		{"trang 3 trên 10", true},
		{"3/10", true},
		{"Page 2 of 9", true},
		{"Điều 3", false},
		{"2024", false},
		{"3. Nội dung", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isPageNumber(tt.in, 10); got != tt.want {
			t.Errorf("isPageNumber(%q, 10) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestJoinHyphen(t *testing.T) {
	tests := []struct {
		prev, next   string
		joined, drop bool
	}{
		{"ends with inter-", "national law", true, true},
		{"tỉnh Bà Rịa-", "Vũng Tàu", true, false},
		{"Nghị quyết 05-", "NQ/TW", true, false},
		{"phát triển kinh tế -", "xã hội", false, false},
		{"thời kỳ Covid-", "19 vừa qua", true, false},
		{"giải pháp e-", "learning", true, false},
		{"ngày 17-7-", "2020", true, false},
		{"mềm\u00ad", "mại", true, true},
		{"no hyphen", "here", false, false},
		{"ends with", "", false, false},
	}
	for _, tt := range tests {
		joined, drop := joinHyphen(tt.prev, tt.next)
		if joined != tt.joined || drop != tt.drop {
			t.Errorf("joinHyphen(%q, %q) = %v, %v; want %v, %v", tt.prev, tt.next, joined, drop, tt.joined, tt.drop)
		}
	}
}

// TestDropRunningLines checks header, footer and page-number removal on
// line geometry alone.
func TestDropRunningLines(t *testing.T) {
	page := func(n int, header string) []textLine {
		return []textLine{
			{x0: 72, x1: 300, y: 800, size: 9, text: header},
			{x0: 72, x1: 500, y: 700, size: 10, text: fmt.Sprintf("body %d", n)},
			{x0: 72, x1: 500, y: 400, size: 10, text: "same body line"},
			{x0: 280, x1: 300, y: 40, size: 9, text: fmt.Sprint(n)},
		}
	}
	tests := []struct {
		name  string
		pages [][]textLine
		want  []string // remaining texts per page, joined by "|"
	}{
		{"header on every page",
			[][]textLine{page(1, "Công báo số 1"), page(2, "Công báo số 2"), page(3, "Công báo số 3")},
			[]string{"body 1|same body line", "body 2|same body line", "body 3|same body line"}},
		{"the number line and the motto stay on the first page",
			[][]textLine{
				append(page(1, "Số: 12/2020/NQ-HĐND"), textLine{x0: 300, x1: 500, y: 800, size: 9, text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}),
				append(page(2, "Số: 12/2020/NQ-HĐND"), textLine{x0: 300, x1: 500, y: 800, size: 9, text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}),
				append(page(3, "Số: 12/2020/NQ-HĐND"), textLine{x0: 300, x1: 500, y: 800, size: 9, text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}),
			},
			[]string{"Số: 12/2020/NQ-HĐND|body 1|same body line|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "body 2|same body line", "body 3|same body line"}},
		{"two pages keep a repeated first line",
			[][]textLine{page(1, "QUYẾT ĐỊNH"), page(2, "QUYẾT ĐỊNH")},
			[]string{"QUYẾT ĐỊNH|body 1|same body line", "QUYẾT ĐỊNH|body 2|same body line"}},
	}
	for _, tt := range tests {
		bands := make([]band, len(tt.pages))
		for i := range bands {
			bands[i] = band{0, 842}
		}
		dropRunningLines(tt.pages, bands)
		for i, lines := range tt.pages {
			var got []string
			for _, l := range lines {
				got = append(got, l.text)
			}
			if strings.Join(got, "|") != tt.want[i] {
				t.Errorf("%s: page %d = %q; want %q", tt.name, i+1, strings.Join(got, "|"), tt.want[i])
			}
		}
	}
}

// FuzzParsePDF feeds arbitrary bytes to the PDF parser: it must return
// (never panic, never hang) and any text must be valid UTF-8.
func FuzzParsePDF(f *testing.F) {
	f.Add(pagesPDF("BT /F1 10 Tf 72 700 Td [(Hel) 20 (lo) -600 (world)] TJ ET"))
	f.Add(pagesPDF("BT /F2 10 Tf 72 700 Td " + vietEnc("Nghị quyết số 05-") + " Tj 0 -12 Td " + vietEnc("NQ/TW") + " Tj ET"))
	f.Add(treePDF(func(pages, p1, p2 int) (string, string) { return fmt.Sprintf("%d 0 R %d 0 R", pages, p1), "9" }))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parsePDF(data, 20)
		if err != nil {
			return
		}
		for _, pg := range p.pages {
			if !utf8.ValidString(pg) {
				t.Fatalf("page text is not valid UTF-8: %q", pg)
			}
		}
		for _, w := range p.warnings {
			if !utf8.ValidString(w) {
				t.Fatalf("warning is not valid UTF-8: %q", w)
			}
		}
	})
}

// FuzzPDFLayout feeds arbitrary line texts and positions to the layout
// steps: they must not panic and must keep text valid UTF-8.
func FuzzPDFLayout(f *testing.F) {
	f.Add("Trang 1/2", "phát triển kinh tế -", "xã hội", 700.0, 688.0, 72.0)
	f.Add("\u00ad", "inter-", "national", 10.0, -5.0, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c string, y1, y2, x float64) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || !utf8.ValidString(c) {
			return // line texts are always valid (cleanText)
		}
		pages := [][]textLine{
			{{x0: x, x1: x + 100, y: y1, size: 10, text: a}, {x0: x, x1: x + 200, y: y2, size: 10, text: b}},
			{{x0: x, x1: x + 100, y: y1, size: 10, text: a}, {x0: x + 5, x1: x + 50, y: y2 - 12, size: 10, text: c}},
		}
		dropRunningLines(pages, []band{{0, 842}, {y2, y1}})
		lay := measureLayout(pages)
		for _, lines := range pages {
			if s := joinParagraphs(lines, lay); !utf8.ValidString(s) {
				t.Fatalf("joinParagraphs gave invalid UTF-8: %q", s)
			}
		}
	})
}

func TestReadLiteral(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{`(abc) rest`, "abc", 5},
		{`(a(b)c)`, "a(b)c", 7},
		{`(a\)b)`, "a)b", 6},
		{`(\101\60x)`, "A0x", 10},
		{"(line\\\njoined)", "linejoined", 14},
		{`(\n\t)`, "\n\t", 6},
		{`(unterminated`, "unterminated", 13},
	}
	for _, tt := range tests {
		got, n := readLiteral([]byte(tt.in))
		if string(got) != tt.want || n != tt.n {
			t.Errorf("readLiteral(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

func TestDecodeHexString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"48656C6C6F", "Hello"},
		{"48 65 6c\n6c 6f", "Hello"},
		{"414", "A@"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(decodeHexString([]byte(tt.in))); got != tt.want {
			t.Errorf("decodeHexString(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestEndsInHexString(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"BT <0041> Tj ET", false},
		{"BT <0041", true},
		{"<< /A 1 >> <00", true},
		{"(a < b) Tj", false},
		{"(a \\) <) Tj", false},
		{"% comment <\nBT", false},
		{"(nested (<) paren) <", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := endsInHexString([]byte(tt.in)); got != tt.want {
			t.Errorf("endsInHexString(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestGlyphNameText(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"uni1EA1", "ạ", true},
		{"uni00610323", "a\u0323", true},
		{"u1EA1", "ạ", true},
		{"u1F600", "\U0001F600", true},
		{"uniD800", "", true}, // a lone surrogate decodes to nothing usable
		{"aacute", "", false},
		{"uni1ea1", "", false},
		{"g123", "", false},
	}
	for _, tt := range tests {
		got, ok := glyphNameText(tt.in)
		if ok != tt.ok || ok && got != tt.want && tt.in != "uniD800" {
			t.Errorf("glyphNameText(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestPDFDifferences checks a simple font whose /Differences name glyphs
// uniXXXX (as Vietnamese fonts without ToUnicode do) and by standard names.
func TestPDFDifferences(t *testing.T) {
	var b testPDF
	catalog := b.add("")
	pages := b.add("")
	font := b.add("<< /Type /Font /Subtype /Type1 /BaseFont /VnFont /FirstChar 32 /LastChar 255 /Widths [" + strings.Repeat("500 ", 224) + "] " +
		"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [200 /uni1EA1 /uni1EC7 /u0111 /aacute] >> >>")
	c := b.add(stream("", "BT /F1 10 Tf 72 700 Td (Vi\\311t Nam \\310\\312 \\313) Tj ET"))
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /Resources << /Font << /F1 %d 0 R >> >> >>", page, font))
	p, err := parsePDF(b.bytes(catalog, 0), testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Việt Nam ạđ á"; len(p.pages) != 1 || p.pages[0] != want {
		t.Errorf("pages = %q; want [%q]", p.pages, want)
	}
}

// TestPDFAbbreviatedFilter checks a content stream whose dictionary uses
// the inline-image abbreviation /Fl for FlateDecode, as old producers did.
func TestPDFAbbreviatedFilter(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte("BT /F1 10 Tf 72 700 Td (compressed text) Tj ET"))
	zw.Close()
	for _, filter := range []string{"/Fl", "[/Fl]", "[ /A85 /Fl ]"} {
		data := z.String()
		if strings.Contains(filter, "A85") {
			var a bytes.Buffer
			enc := ascii85.NewEncoder(&a)
			enc.Write(z.Bytes())
			enc.Close()
			data = a.String() + "~>"
		}
		var b testPDF
		catalog := b.add("")
		pages := b.add("")
		f1 := b.add(simpleFont)
		c := b.add(stream("/Filter "+filter, data))
		page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c))
		b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
		b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /Resources << /Font << /F1 %d 0 R >> >> >>", page, f1))
		p, err := parsePDF(b.bytes(catalog, 0), testMaxPages)
		if err != nil {
			t.Fatalf("filter %s: %v", filter, err)
		}
		if len(p.pages) != 1 || p.pages[0] != "compressed text" || len(p.warnings) > 0 {
			t.Errorf("filter %s: pages %q, warnings %q; want [compressed text] and no warning", filter, p.pages, p.warnings)
		}
	}
}

func TestExpandFilterNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<< /Filter /Fl /Length 5 >>", "<< /Filter /FlateDecode /Length 5 >>"},
		{"<</Filter[/A85/Fl]>>", "<</Filter[/ASCII85Decode/FlateDecode]>>"},
		{"<< /Filter /FlateDecode >>", "<< /Filter /FlateDecode >>"},
		{"<< /F /Fl /Subtype /Image >>", "<< /F /Fl /Subtype /Image >>"},
	}
	for _, tt := range tests {
		got, _ := expandFilterNames([]byte(tt.in))
		if string(got) != tt.want {
			t.Errorf("expandFilterNames(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestPDFRebuildWhenNoPageReads corrupts only the xref entries of the
// content streams: the file opens and the page tree reads, but no page
// does, so the xref is rebuilt by scanning.
func TestPDFRebuildWhenNoPageReads(t *testing.T) {
	data := pagesPDF("BT /F1 10 Tf 72 700 Td (first) Tj ET", "BT /F1 10 Tf 72 700 Td (second) Tj ET")
	x := bytes.Index(data, []byte("\nxref\n")) + 1
	entries := x + bytes.IndexByte(data[x+5:], '\n') + 6 // after "xref\n0 N\n"
	entry := func(n int) []byte { return data[entries+20*n : entries+20*n+10] }
	for _, n := range []int{7, 9} { // the content streams of pagesPDF
		copy(entry(n), entry(3)) // point at the font object instead
	}
	p, err := parsePDF(data, testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.pages, "|"); got != "first|second" {
		t.Errorf("pages = %q; want first|second", got)
	}
	if !containsAny(p.warnings, "cross-reference table rebuilt") {
		t.Errorf("warnings = %q; want the rebuild reported", p.warnings)
	}
}

func TestFailureWarnings(t *testing.T) {
	few := []pageFailure{{1, "bad"}, {3, "worse"}}
	if got, want := failureWarnings(few), []string{"page 1: bad", "page 3: worse"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("failureWarnings(few) = %q; want %q", got, want)
	}
	var many []pageFailure
	for i := 1; i <= 40; i++ {
		many = append(many, pageFailure{i, "unknown filter LZWDecode"})
	}
	many = append(many, pageFailure{41, "other"})
	want := []string{"pages 1, 2, 3, ... (40 pages): unknown filter LZWDecode", "page 41: other"}
	if got := failureWarnings(many); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("failureWarnings(many) = %q; want %q", got, want)
	}
}

// TestPDFTrueTypeNoEncoding checks that a TrueType font with neither
// /Encoding nor /ToUnicode reads its codes as cp1252 (as legacy TCVN3 and
// VNI fonts were typed), so that curly quotes stay quotes.
func TestPDFTrueTypeNoEncoding(t *testing.T) {
	var b testPDF
	catalog := b.add("")
	pages := b.add("")
	font := b.add("<< /Type /Font /Subtype /TrueType /BaseFont /.VnTime /FirstChar 32 /LastChar 255 /Widths [" + strings.Repeat("500 ", 224) + "] >>")
	// TCVN3 bytes for "§¶ng" (Đảng) and cp1252 quotes 0x93 0x94.
	c := b.add(stream("", "BT /F1 10 Tf 72 700 Td (\\223\\247\\266ng\\224) Tj ET"))
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /Resources << /Font << /F1 %d 0 R >> >> >>", page, font))
	p, err := parsePDF(b.bytes(catalog, 0), testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if want := "“§¶ng”"; len(p.pages) != 1 || p.pages[0] != want {
		t.Errorf("pages = %q; want [%q]", p.pages, want)
	}
}
