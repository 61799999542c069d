// Package pdftest builds small PDFs by hand for the tests of the PDF
// reader and of the worker that runs it: objects written in order with a
// correct cross-reference table, so that every byte is known.
package pdftest

import (
	"bytes"
	"fmt"
	"strings"
)

// Builder builds small PDFs by hand for tests: objects are written in
// order with a correct xref table, so every byte is known.
type Builder struct {
	objs []string // object bodies; object n is objs[n-1]
}

// Add appends an object body and returns its number.
func (b *Builder) Add(body string) int {
	b.objs = append(b.objs, body)
	return len(b.objs)
}

// Set replaces the body of object n.
func (b *Builder) Set(n int, body string) { b.objs[n-1] = body }

// Stream returns a stream object body holding data (unfiltered).
func Stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Bytes writes the file with root as the catalog and info (0: none) as
// the Info dictionary.
func (b *Builder) Bytes(root, info int) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(b.objs))
	for i, body := range b.objs {
		offs[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root %d 0 R", len(b.objs)+1, root)
	if info > 0 {
		fmt.Fprintf(&buf, " /Info %d 0 R", info)
	}
	fmt.Fprintf(&buf, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return buf.Bytes()
}

// SimpleFont is a WinAnsi Helvetica with every glyph 500 units wide, so
// that a run of n characters at size s is n*s/2 long.
const SimpleFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [" +
	"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
	"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
	"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
	"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
	"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
	"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 " +
	"500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500 500] >>"

// VietGlyphs are the characters VietFont maps: code 0x0001+i to Unicode: code 0x0001+i
// is the i-th rune of VietGlyphs.
const VietGlyphs = " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/.,()" +
	"ĐđăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵỊÔỘƠỜ\u0323"

// VietFont returns a Type0 font (Identity-H) whose ToUnicode CMap maps
// codes to VietGlyphs, and an encoder for test strings.
func VietFont(b *Builder) (font int, enc func(string) string) {
	runes := []rune(VietGlyphs)
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Test def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	fmt.Fprintf(&cm, "%d beginbfchar\n", len(runes))
	for i, r := range runes {
		fmt.Fprintf(&cm, "<%04X> <%04X>\n", i+1, r)
	}
	cm.WriteString("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")
	tu := b.Add(Stream("", cm.String()))
	desc := b.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>")
	font = b.Add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu))
	index := make(map[rune]int, len(runes))
	for i, r := range runes {
		index[r] = i + 1
	}
	enc = func(s string) string {
		var h strings.Builder
		h.WriteByte('<')
		for _, r := range s {
			fmt.Fprintf(&h, "%04X", index[r])
		}
		h.WriteByte('>')
		return h.String()
	}
	return font, enc
}

// Pages builds a PDF with one page per content stream, fonts /F1
// (SimpleFont) and /F2 (VietFont) available on every page.
func Pages(contents ...string) []byte {
	var b Builder
	catalog := b.Add("")
	pages := b.Add("")
	f1 := b.Add(SimpleFont)
	f2, _ := VietFont(&b)
	var kids []string
	for _, c := range contents {
		cs := b.Add(Stream("", c))
		p := b.Add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>", pages, cs))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	b.Set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>", strings.Join(kids, " "), len(kids), f1, f2))
	return b.Bytes(catalog, 0)
}

// VietEnc encodes s for font /F2 of Pages.
func VietEnc(s string) string {
	var b Builder
	_, enc := VietFont(&b)
	return enc(s)
}
