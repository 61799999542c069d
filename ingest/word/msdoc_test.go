package word

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// plcPcd builds a PlcPcd from CPs and (fc, compressed) pairs.
func plcPcd(cps []uint32, fcs []uint32, compressed []bool) []byte {
	var b []byte
	le := binary.LittleEndian
	for _, cp := range cps {
		b = le.AppendUint32(b, cp)
	}
	for i, fc := range fcs {
		b = le.AppendUint16(b, 0)
		if compressed[i] {
			fc = fc*2 | 0x40000000
		}
		b = le.AppendUint32(b, fc)
		b = le.AppendUint16(b, 0)
	}
	return b
}

func TestParsePlcPcd(t *testing.T) {
	got, err := parsePlcPcd(plcPcd([]uint32{0, 5, 8}, []uint32{1024, 2048}, []bool{true, false}))
	if err != nil {
		t.Fatal(err)
	}
	want := []docPiece{{0, 5, 1024, true}, {5, 8, 2048, false}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parsePlcPcd = %v; want %v", got, want)
	}
	bad := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"not 4+12n", make([]byte, 10)},
		{"ends before start", plcPcd([]uint32{5, 2}, []uint32{0}, []bool{false})},
	}
	for _, tt := range bad {
		if _, err := parsePlcPcd(tt.b); err == nil {
			t.Errorf("parsePlcPcd(%s) = nil error; want an error", tt.name)
		}
	}
}

func TestParseCLX(t *testing.T) {
	plc := plcPcd([]uint32{0, 3}, []uint32{512}, []bool{true})
	pcdt := append([]byte{0x02}, binary.LittleEndian.AppendUint32(nil, uint32(len(plc)))...)
	pcdt = append(pcdt, plc...)
	prc := []byte{0x01, 0x02, 0x00, 0xAA, 0xBB}
	tests := []struct {
		name    string
		clx     []byte
		pieces  int
		wantErr bool
	}{
		{"pcdt only", pcdt, 1, false},
		{"prc then pcdt", append(append([]byte{}, prc...), pcdt...), 1, false},
		{"two prcs", append(append(append([]byte{}, prc...), prc...), pcdt...), 1, false},
		{"bad record type", append([]byte{0x03}, pcdt...), 0, true},
		{"no pcdt", prc, 0, true},
		{"truncated prc", []byte{0x01, 0x05}, 0, true},
		{"negative prc size", []byte{0x01, 0xFF, 0xFF}, 0, true},
		{"pcdt out of bounds", []byte{0x02, 0xFF, 0xFF, 0x00, 0x00, 0x00}, 0, true},
	}
	for _, tt := range tests {
		got, err := parseCLX(tt.clx)
		if (err != nil) != tt.wantErr || len(got) != tt.pieces {
			t.Errorf("parseCLX(%s) = %d pieces, %v; want %d pieces, error %v", tt.name, len(got), err, tt.pieces, tt.wantErr)
		}
	}
}

func TestSprmOperandSize(t *testing.T) {
	tests := []struct {
		sprm uint16
		g    []byte
		want int
	}{
		{0x0835, nil, 1},                // sprmCFBold, spra 0
		{0x2A42, nil, 1},                // spra 1
		{0x4A4F, nil, 2},                // sprmCRgFtc0, spra 2
		{0x6815, nil, 4},                // spra 3
		{0xE800, nil, 3},                // spra 7
		{0xCA71, []byte{3}, 4},          // spra 6: size byte + 3
		{0xD608, []byte{0x05, 0x00}, 6}, // sprmTDefTable: 2-byte size
		{0xCA71, nil, -1},               // spra 6 without its size
		{0xD608, []byte{0x05}, -1},      // truncated 2-byte size
		{0xA413, nil, 2},                // spra 5
		{0x8840, nil, 2},                // spra 4
		{0xC615, []byte{0x00, 0x00}, 1}, // spra 6, size 0
		{0xFFFF, []byte{0x10, 0x00}, 3}, // spra 7
	}
	for _, tt := range tests {
		if got := sprmOperandSize(tt.sprm, tt.g, 0); got != tt.want {
			t.Errorf("sprmOperandSize(%#04x, %v) = %d; want %d", tt.sprm, tt.g, got, tt.want)
		}
	}
}

func TestGrpprlFont(t *testing.T) {
	le := binary.LittleEndian
	sprm := func(op uint16, operand ...byte) []byte { return append(le.AppendUint16(nil, op), operand...) }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name string
		g    []byte
		want int
	}{
		{"none", nil, -1},
		{"ftc0", sprm(sprmCRgFtc0, 4, 0), 4},
		{"ftc2 only", sprm(sprmCRgFtc2, 3, 0), 3},
		{"ftc0 wins over ftc2", cat(sprm(sprmCRgFtc2, 3, 0), sprm(sprmCRgFtc0, 5, 0)), 5},
		{"after bold", cat(sprm(0x0835, 1), sprm(sprmCRgFtc0, 7, 0)), 7},
		{"after variable sprm", cat(sprm(0xCA71, 3, 1, 2, 3), sprm(sprmCRgFtc0, 2, 1)), 258},
		{"truncated operand", sprm(sprmCRgFtc0, 4), -1},
		{"garbage", []byte{0xFF}, -1},
	}
	for _, tt := range tests {
		if got := grpprlFont(tt.g); got != tt.want {
			t.Errorf("grpprlFont(%s % x) = %d; want %d", tt.name, tt.g, got, tt.want)
		}
	}
}

// ffn builds an FFN of the font table: flags, weight, charset, name.
func ffn(name string, charset byte) []byte {
	b := make([]byte, 39)
	b[3] = charset
	for _, u := range utf16.Encode([]rune(name)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	b = append(b, 0, 0)
	return append([]byte{byte(len(b))}, b...)
}

func TestParseFontTable(t *testing.T) {
	tbl := binary.LittleEndian.AppendUint16(nil, 3)
	tbl = binary.LittleEndian.AppendUint16(tbl, 0)
	tbl = append(tbl, ffn("Times New Roman", 0)...)
	tbl = append(tbl, ffn(".VnTimeH", 0)...)
	tbl = append(tbl, ffn("VNI-Times", 163)...)
	got := parseFontTable(tbl)
	want := []docFont{{"Times New Roman", 0}, {".VnTimeH", 0}, {"VNI-Times", 163}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parseFontTable = %v; want %v", got, want)
	}
	// Truncated tables keep the fonts read so far.
	if got := parseFontTable(tbl[:len(tbl)-5]); len(got) != 2 {
		t.Errorf("parseFontTable(truncated) = %v; want 2 fonts", got)
	}
	if got := parseFontTable([]byte{1}); got != nil {
		t.Errorf("parseFontTable(1 byte) = %v; want nil", got)
	}
}

func TestDocWriter16(t *testing.T) {
	tests := []struct {
		name string
		in   []rune
		want string
	}{
		{"paragraphs", []rune("a\rb\vc\fd"), "a\nb\nc\nd"},
		{"field result kept", []rune("p \x13 PAGE \x143\x15 q"), "p 3 q"},
		{"field without result", []rune("a\x13 TOC \\o \x15b"), "ab"},
		{"nested field", []rune("\x13 IF \x13 PAGE \x141\x15 = 1 \x14yes\x15"), "yes"},
		{"nested result", []rune("\x13 HYPERLINK \x14see \x13 PAGE \x142\x15\x15."), "see 2."},
		{"unbalanced field end", []rune("a\x15b\x14c"), "abc"},
		{"table", []rune("A\aB\a\aC\aD\a\a"), "A | B\nC | D\n"},
		{"objects dropped", []rune("a\x01b\x08c\x02d\x05e"), "abcde"},
		{"hyphens", []rune("a\x1eb\x1fc"), "a-bc"},
		{"unicode", []rune("Việt Nam “x”"), "Việt Nam “x”"},
		{"surrogates", []rune{0xD83D, 0xDE00}, "😀"},
		{"lone low surrogate", []rune{0xDE00}, "\ufffd"},
	}
	for _, tt := range tests {
		var lb legacyBuilder
		w := docWriter{lb: &lb, f: &docFile{styleFtc: -1}}
		for _, r := range tt.in {
			w.char16(r, 0)
		}
		got, _ := lb.text("")
		if got != tt.want {
			t.Errorf("%s: text of %q = %q; want %q", tt.name, string(tt.in), got, tt.want)
		}
	}
}

func TestDocWriterFonts(t *testing.T) {
	f := &docFile{
		fonts: []docFont{{"Times New Roman", 0}, {".VnTime", 0}, {".VnTimeH", 0}, {"VNI-Times", 0}, {"Symbol", 2}},
		runs: []docRun{
			{0, 10, 1},  // .VnTime
			{10, 20, 2}, // .VnTimeH
			{20, 30, 3}, // VNI-Times
			{30, 40, 4}, // Symbol
			{40, 50, -1},
		},
		styleFtc: 0,
	}
	tests := []struct {
		name string
		fc   uint32
		in   string
		wide bool
		want string
	}{
		{"tcvn3 8-bit", 0, "Vi\xd6t", false, "Việt"},
		{"tcvn3 16-bit look-alikes", 0, "Vi\u00d6t", true, "Việt"},
		{"tcvn3 cp1252 punctuation", 0, "\u2026\u201ca\u201d", true, "…“a”"},
		{"tcvn3 capital font", 10, "VI\xd6T", false, "VIỆT"},
		{"vni 8-bit", 20, "Vie\xe4t", false, "Việt"},
		{"symbol bullet 8-bit", 30, "\xb7", false, "•"},
		{"symbol private use", 30, "\uf0b7", true, "•"},
		{"style font: Western", 40, "caf\xe9", false, "café"},
		{"real unicode in legacy font kept", 0, "ệ", true, "ệ"},
	}
	for _, tt := range tests {
		var lb legacyBuilder
		w := docWriter{lb: &lb, f: f}
		fc := tt.fc
		if tt.wide {
			for _, r := range tt.in {
				w.char16(r, fc)
				fc++
			}
		} else {
			for i := 0; i < len(tt.in); i++ {
				w.char8(tt.in[i], fc)
				fc++
			}
		}
		got, _ := lb.text("")
		if got != tt.want {
			t.Errorf("%s: text of %q = %q; want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestRunFont(t *testing.T) {
	f := &docFile{runs: []docRun{{0, 10, 1}, {10, 20, -1}, {30, 40, 2}}, styleFtc: 7}
	tests := []struct {
		fc   uint32
		want int
	}{{0, 1}, {9, 1}, {10, 7}, {25, 7}, {30, 2}, {45, 7}}
	for _, tt := range tests {
		if got := f.runFont(tt.fc); got != tt.want {
			t.Errorf("runFont(%d) = %d; want %d", tt.fc, got, tt.want)
		}
	}
}

func TestNotWordError(t *testing.T) {
	tests := []struct {
		stream string
		want   string
		is     error
	}{
		{"Workbook", "unsupported: Excel 97-2003 workbook (.xls)", ErrUnsupported},
		{"Book", "unsupported: Excel 5.0/95 workbook (.xls)", ErrUnsupported},
		{"PowerPoint Document", "unsupported: PowerPoint 97-2003 presentation (.ppt)", ErrUnsupported},
		{"EncryptedPackage", "doc: encrypted: password-protected Office document", ErrEncrypted},
		{"Other", "unsupported: OLE2 compound file without a WordDocument stream (not a Word document)", ErrUnsupported},
	}
	for _, tt := range tests {
		err := notWordError(func(name string) bool { return name == tt.stream })
		if err.Error() != tt.want || !errors.Is(err, tt.is) {
			t.Errorf("notWordError(%q) = %q; want %q wrapping %v", tt.stream, err, tt.want, tt.is)
		}
	}
}

func readSampleDOC(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "legacy", "sample.doc"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReadDOCGolden reads sample.doc, made by LibreOffice from sample.rtf:
// UTF-16 pieces in .VnTime, .VnTimeH and VNI-Times fonts, a field, a
// table, a footnote and a header.
func TestReadDOCGolden(t *testing.T) {
	p, err := readDOCFile("sample.doc", readSampleDOC(t))
	if err != nil {
		t.Fatal(err)
	}
	checkLegacyGolden(t, "sample.doc", legacyGoldenText(p))
}

// fibOffset finds the FIB of the WordDocument stream in a small .doc
// (its stream starts on a sector boundary with the FIB signature).
func fibOffset(data []byte) int {
	for off := 512; off+0x20 <= len(data); off += 512 {
		if binary.LittleEndian.Uint16(data[off:]) == fibIdent && binary.LittleEndian.Uint16(data[off+2:]) >= 101 {
			return off
		}
	}
	return -1
}

func TestReadDOCErrors(t *testing.T) {
	sample := readSampleDOC(t)
	fib := fibOffset(sample)
	if fib < 0 {
		t.Fatal("no FIB in sample.doc")
	}
	patch := func(off int, b ...byte) []byte {
		d := append([]byte{}, sample...)
		copy(d[fib+off:], b)
		return d
	}
	flags := binary.LittleEndian.Uint16(sample[fib+0x0A:])
	enc := binary.LittleEndian.AppendUint16(nil, flags|fibFlagEncrypt)
	xor := binary.LittleEndian.AppendUint16(nil, flags|fibFlagEncrypt|fibFlagObfusc)
	which := binary.LittleEndian.AppendUint16(nil, flags^fibFlagWhichTbl)
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"not OLE", []byte("not an OLE file at all, just text"), ErrCorrupt, "not a readable OLE2"},
		{"truncated OLE", sample[:600], ErrCorrupt, ""},
		{"encrypted", patch(0x0A, enc...), ErrEncrypted, "password-protected"},
		{"obfuscated", patch(0x0A, xor...), ErrEncrypted, "obfuscated"},
		{"bad signature", patch(0, 0, 0), ErrCorrupt, "bad FIB signature"},
		{"word 95", patch(2, 100, 0), ErrUnsupported, "Word 6.0/95"},
		{"missing table stream", patch(0x0A, which...), ErrCorrupt, "Table stream"},
	}
	for _, tt := range tests {
		_, err := readDOCFile(tt.name, tt.data)
		if err == nil || !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: readDOCFile error = %v; want %v containing %q", tt.name, err, tt.is, tt.msg)
		}
	}
}

func FuzzReadDOC(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "legacy", "sample.doc"))
	if err == nil {
		f.Add(sample)
		if fib := fibOffset(sample); fib > 0 {
			// Seeds that send the parser into the FIB, CLX and FKPs with
			// damaged values.
			for _, off := range []int{0x0A, 0x20, 0x22, 0x5C, 0x9A, 0x1A2, 0x1A6} {
				d := append([]byte{}, sample...)
				if fib+off+4 <= len(d) {
					binary.LittleEndian.PutUint32(d[fib+off:], 0xFFFF0FFF)
					f.Add(d)
				}
			}
		}
	}
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := readDOCFile("fuzz.doc", data)
		if err != nil {
			if strings.Contains(err.Error(), "parser panic") {
				t.Logf("recovered: %v", err) // mscfb may panic; the reader must not
			}
			return
		}
		for _, s := range p.pages {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
	})
}

// BenchmarkReadDOC reads the legacy corpus's .doc files (skipped without
// ../shared); -bench reports MB/s of .doc.
func BenchmarkReadDOC(b *testing.B) {
	benchLegacy(b, ".doc", readDOCFile)
}

// propertySet builds a SummaryInformation stream with the given
// properties (id, type, value bytes after the type).
func propertySet(props []struct {
	id, typ uint32
	val     []byte
}) []byte {
	le := binary.LittleEndian
	var body []byte
	n := uint32(len(props))
	offs := make([]uint32, n)
	pos := 8 + 8*n
	for i, p := range props {
		offs[i] = pos
		v := le.AppendUint32(nil, p.typ)
		v = append(v, p.val...)
		for len(v)%4 != 0 {
			v = append(v, 0)
		}
		body = append(body, v...)
		pos += uint32(len(v))
	}
	set := le.AppendUint32(nil, pos)
	set = le.AppendUint32(set, n)
	for i, p := range props {
		set = le.AppendUint32(set, p.id)
		set = le.AppendUint32(set, offs[i])
	}
	set = append(set, body...)
	hdr := make([]byte, 48)
	le.PutUint16(hdr, 0xFFFE)
	le.PutUint32(hdr[24:], 1)
	le.PutUint32(hdr[44:], 48)
	return append(hdr, set...)
}

func TestSummaryInfo(t *testing.T) {
	le := binary.LittleEndian
	lpstr := func(s string) []byte { return append(le.AppendUint32(nil, uint32(len(s)+1)), append([]byte(s), 0)...) }
	ft := le.AppendUint64(nil, 116444736000000000+uint64(1041379200+9*3600+30*60)*10000000) // 2003-01-01 09:30 UTC
	b := propertySet([]struct {
		id, typ uint32
		val     []byte
	}{
		{0x01, vtI2, []byte{0xE4, 0x04}}, // code page 1252
		{0x02, vtLPSTR, lpstr("Ngh\xde \xae\xdenh c\xf1a Ch\xddnh ph\xf1")},
		{0x04, vtLPSTR, lpstr("Nguyen Van A")},
		{0x0C, vtFILETIME, ft},
		{0x0D, vtFILETIME, le.AppendUint64(nil, 5)}, // before 1970: dropped
		{0x05, vtLPSTR, le.AppendUint32(nil, 999)},  // length out of bounds: dropped
	})
	got := summaryInfo(b)
	want := map[string]string{"title": "Nghị định của Chính phủ", "author": "Nguyen Van A", "created": "2003-01-01T09:30"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("summaryInfo = %v; want %v", got, want)
	}
	for _, bad := range [][]byte{nil, b[:40], b[:60], append([]byte{0, 0}, b[2:]...)} {
		if got := summaryInfo(bad); len(got) != 0 {
			t.Errorf("summaryInfo(damaged %d bytes) = %v; want nothing", len(bad), got)
		}
	}
}
