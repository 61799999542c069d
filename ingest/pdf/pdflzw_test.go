package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// lzwEncode is a PDF (TIFF-style, early change 1) LZW encoder for tests;
// its width switches agree with pdf.js's decoder, which lzwDecode follows.
func lzwEncode(src []byte) []byte {
	var out []byte
	var acc uint64
	nbits := 0
	width := 9
	emit := func(code int) {
		acc = acc<<width | uint64(code)
		nbits += width
		for nbits >= 8 {
			out = append(out, byte(acc>>(nbits-8)))
			nbits -= 8
		}
	}
	dict := make(map[string]int)
	next := 258
	emit(256)
	var w []byte
	for _, c := range src {
		wc := append(append([]byte(nil), w...), c)
		if len(wc) == 1 {
			w = wc
			continue
		}
		if _, ok := dict[string(wc)]; ok {
			w = wc
			continue
		}
		if len(w) == 1 {
			emit(int(w[0]))
		} else {
			emit(dict[string(w)])
		}
		dict[string(wc)] = next
		next++
		// The decoder adds each entry one code later than the encoder,
		// so "early change" (decoder: next+1 == 1<<width) is next ==
		// 1<<width here.
		switch {
		case next >= 4094:
			emit(256)
			dict = make(map[string]int)
			next, width = 258, 9
		case next >= 1<<width:
			width++
		}
		w = []byte{c}
	}
	if len(w) == 1 {
		emit(int(w[0]))
	} else if len(w) > 1 {
		emit(dict[string(w)])
	}
	emit(257)
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}

func TestLZWDecode(t *testing.T) {
	long := strings.Repeat("BT /F1 10 Tf 72 700 Td (Nghị quyết số 05-NQ/TW) Tj ET\n", 400)
	tests := []string{"", "a", "TOBEORNOTTOBEORTOBEORNOT", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", long}
	for _, in := range tests {
		got, err := lzwDecode(lzwEncode([]byte(in)), 1)
		if err != nil || string(got) != in {
			t.Errorf("lzwDecode(lzwEncode(%.30q)) = %.30q, %v; want the input", in, got, err)
		}
	}
	// The classic example from the PDF reference (7.4.4.2): 45 45 45 45
	// 45 65 45 45 45 66 encodes to 80 0B 60 50 22 0C 0C 85 01.
	got, err := lzwDecode([]byte{0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01}, 1)
	if want := []byte{45, 45, 45, 45, 45, 65, 45, 45, 45, 66}; err != nil || !bytes.Equal(got, want) {
		t.Errorf("lzwDecode(reference example) = %v, %v; want %v", got, err, want)
	}
	if _, err := lzwDecode([]byte{0xFF, 0xFF, 0xFF}, 1); err == nil {
		t.Error("lzwDecode(garbage) = nil error; want one")
	}
}

// TestPDFLZWContent reads a page whose content stream is LZW-compressed,
// with the full and the abbreviated filter name.
func TestPDFLZWContent(t *testing.T) {
	content := "BT /F1 10 Tf 72 700 Td (text behind LZW compression, long enough to make codes grow past nine bits) Tj ET"
	for _, filter := range []string{"/LZWDecode", "/LZW", "[/LZWDecode]"} {
		var b testPDF
		catalog := b.add("")
		pages := b.add("")
		f1 := b.add(simpleFont)
		c := b.add(stream("/Filter "+filter, string(lzwEncode([]byte(content)))))
		page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c))
		b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
		b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /Resources << /Font << /F1 %d 0 R >> >> >>", page, f1))
		p, err := parsePDF(b.bytes(catalog, 0), testMaxPages)
		if err != nil {
			t.Fatalf("filter %s: %v", filter, err)
		}
		want := "text behind LZW compression, long enough to make codes grow past nine bits"
		if len(p.pages) != 1 || p.pages[0] != want || len(p.warnings) > 0 {
			t.Errorf("filter %s: pages %q, warnings %q; want [%q]", filter, p.pages, p.warnings, want)
		}
	}
}

// FuzzLZWDecode feeds arbitrary bytes to the LZW decoder: it must not
// panic, and what it decodes from an encoding must be the input.
func FuzzLZWDecode(f *testing.F) {
	f.Add([]byte("TOBEORNOTTOBEORTOBEORNOT"), []byte{0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01})
	f.Fuzz(func(t *testing.T, plain, junk []byte) {
		if got, err := lzwDecode(lzwEncode(plain), 1); err != nil || !bytes.Equal(got, plain) {
			t.Fatalf("lzwDecode(lzwEncode(%q)) = %q, %v", plain, got, err)
		}
		_, _ = lzwDecode(junk, 1)
		_, _ = lzwDecode(junk, 0)
	})
}

// TestPDFDamagedLZW checks that an LZW stream that breaks off gives the
// text decoded before the damage and a warning.
func TestPDFDamagedLZW(t *testing.T) {
	enc := lzwEncode([]byte("BT /F1 10 Tf 72 700 Td (kept) Tj ET " + strings.Repeat("BT ET ", 300)))
	enc = append(enc[:len(enc)-40], 0xFF, 0xFF, 0xFF, 0xFF) // break the end
	var b testPDF
	catalog := b.add("")
	pages := b.add("")
	f1 := b.add(simpleFont)
	c := b.add(stream("/Filter /LZWDecode", string(enc)))
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /Resources << /Font << /F1 %d 0 R >> >> >>", page, f1))
	p, err := parsePDF(b.bytes(catalog, 0), testMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.pages) != 1 || !strings.HasPrefix(p.pages[0], "kept") {
		t.Errorf("pages = %q; want the text before the damage", p.pages)
	}
	if !containsAny(p.warnings, "damaged LZW data") {
		t.Errorf("warnings = %q; want the damaged LZW stream reported", p.warnings)
	}
}
