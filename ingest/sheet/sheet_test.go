package sheet

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// chitieuText is what every format of testdata/chitieu gives: cells in
// VNI-Times, .VnTime and .VnTimeH decoded, numbers the Vietnamese way.
// The .xlsx was written by excelize (its formula has no cached value);
// LibreOffice made the .xls and .ods from it.
const chitieuText = `Chỉ tiêu
KẾ HOẠCH NĂM 2005
Chỉ tiêu | Đơn vị | Kế hoạch
Tỷ lệ hộ nghèo | % | 3,5
Thu nhập bình quân | triệu đồng | 72
Tỷ lệ trường đạt chuẩn | 85,5%
Ngày ban hành | 01/01/2005
Gấp đôi | 144

Trang thứ hai`

func TestReadFixtures(t *testing.T) {
	for _, tc := range []struct {
		file string
		read func([]byte) (Book, error)
		want string
	}{
		{"chitieu.xlsx", ReadXLSX, strings.Replace(chitieuText, "Gấp đôi | 144", "Gấp đôi", 1)},
		{"chitieu.xls", ReadXLS, chitieuText},
		{"chitieu.ods", ReadODS, chitieuText},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			b, err := tc.read(data)
			if err != nil {
				t.Fatalf("read %s: %v", tc.file, err)
			}
			if got := b.Text(); got != tc.want {
				t.Errorf("%s text =\n%s\nwant\n%s", tc.file, got, tc.want)
			}
			if b.Encoding != "vni" || len(b.Sheets) != 2 || len(b.Warnings) != 0 {
				t.Errorf("%s: encoding %q, %d sheets, warnings %q; want vni, 2, none", tc.file, b.Encoding, len(b.Sheets), b.Warnings)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		f    numFmt
		want string
	}{
		{3.5, fmtGeneral, "3,5"},
		{5900000, fmtGeneral, "5900000"},
		{-12, fmtGeneral, "-12"},
		{33.746687251234, fmtGeneral, "33,74668725"},
		{0.035, fmtPercent, "3,5%"},
		{1, fmtPercent, "100%"},
		{38353, fmtDate, "01/01/2005"},
		{38353.75, fmtDateTime, "01/01/2005 18:00"},
		{-5, fmtDate, "-5"}, // no date before 1900: the number
		{math.NaN(), fmtGeneral, ""},
	} {
		if got := formatNumber(tc.v, tc.f, false); got != tc.want {
			t.Errorf("formatNumber(%v, %v) = %q; want %q", tc.v, tc.f, got, tc.want)
		}
	}
	if got := formatNumber(0, fmtDate, true); got != "0" {
		t.Errorf("formatNumber(0, date, 1904) = %q; want 0", got)
	}
	if got := formatNumber(1, fmtDate, true); got != "02/01/1904" {
		t.Errorf("formatNumber(1, date, 1904) = %q; want 02/01/1904", got)
	}
}

func TestClassifyFormat(t *testing.T) {
	for code, want := range map[string]numFmt{
		"0.0%":                      fmtPercent,
		"dd/mm/yyyy":                fmtDate,
		"d/m/yy h:mm":               fmtDateTime,
		"#,##0":                     fmtGeneral,
		`#,##0" đ"`:                 fmtGeneral,
		`[Red]#,##0.00;-#,##0.00`:   fmtGeneral,
		`[$-42A]dd/mm/yyyy`:         fmtDate,
		`0" ngày"`:                  fmtGeneral,
		"mm:ss":                     fmtDateTime,
		`_(* #,##0_);_(* (#,##0);_`: fmtGeneral,
	} {
		if got := classifyFormat(code); got != want {
			t.Errorf("classifyFormat(%q) = %v; want %v", code, got, want)
		}
	}
}

func TestFontText(t *testing.T) {
	for _, tc := range []struct{ in, font, want, enc string }{
		{"TyÛ leÄ hoÄ ngheØo", "VNI-Times", "Tỷ lệ hộ nghèo", "vni"},
		{"Thu nhËp b×nh qu©n", ".VnTime", "Thu nhập bình quân", "tcvn3"},
		{"kÕ ho¹ch", ".VnTimeH", "KẾ HOẠCH", "tcvn3"},
		{"Tỷ lệ hộ nghèo", ".VnTime", "Tỷ lệ hộ nghèo", ""}, // Unicode typed in a legacy font: kept
		{"Thu nhËp", "Arial", "Thu nhËp", ""},               // no legacy font: left to the mojibake repair
		{"“Tæng” – kÕt", ".VnTime", "“Tổng” – kết", "tcvn3"},
	} {
		got, enc := fontText(tc.in, tc.font)
		if got != tc.want || enc != tc.enc {
			t.Errorf("fontText(%q, %q) = %q, %q; want %q, %q", tc.in, tc.font, got, enc, tc.want, tc.enc)
		}
	}
}

func TestDefaultSheetName(t *testing.T) {
	for name, want := range map[string]bool{"Sheet1": true, "Trang tính2": true, "Feuil3": true, "Chỉ tiêu": false, "Biểu 1": false, "Sheet": false} {
		if got := defaultSheetName(name); got != want {
			t.Errorf("defaultSheetName(%q) = %v; want %v", name, got, want)
		}
	}
}

// biffRec writes one BIFF record.
func biffRec(typ uint16, data []byte) []byte {
	b := binary.LittleEndian.AppendUint16(nil, typ)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(data)))
	return append(b, data...)
}

func u16(v ...uint16) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, x)
	}
	return b
}

func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

// TestParseBIFF builds a BIFF8 stream by hand: a shared string table whose
// second string is split over a CONTINUE record (changing from 8-bit to
// UTF-16 characters there), a rich string with a run in a VNI font, RK and
// MULRK numbers, a formula with a string result, and a sheet to find them.
func TestParseBIFF(t *testing.T) {
	fontRec := func(name string) []byte {
		d := make([]byte, 14)
		d = append(d, byte(len(name)), 0)
		return append(d, name...)
	}
	xfRec := func(font, fmtID uint16) []byte { return append(u16(font, fmtID), make([]byte, 16)...) }
	// SST: "Chỉ tiêu" (UTF-16), "Tỷ lệ " + "hộ nghèo" split with a new
	// flags byte, rich "x TyÛ" with a run from char 2 in font 5 (VNI).
	s1 := append(u16(8), 1)
	for _, r := range utf16.Encode([]rune("Chỉ tiêu")) {
		s1 = append(s1, u16(r)...)
	}
	whole := []rune("Tỷ lệ hộ nghèo")
	s2 := append(u16(uint16(len(whole))), 1)
	for _, r := range utf16.Encode(whole[:8]) {
		s2 = append(s2, u16(r)...)
	}
	cont := []byte{0} // the rest in 8-bit characters
	for _, r := range whole[8:] {
		cont = append(cont, byte(r)) // ASCII and è only
	}
	s3 := append(u16(5), 0x08)
	s3 = append(s3, u16(1)...)
	s3 = append(s3, 'x', ' ', 'T', 'y', 0xDB) // "TyÛ" is VNI for "Tỷ"
	s3 = append(s3, u16(2, 5)...)
	sst := append(append(u32(3), u32(3)...), s1...)
	sst = append(sst, s2...)
	var stream []byte
	stream = append(stream, biffRec(recBOF, u16(0x0600, 5))...)
	stream = append(stream, biffRec(recFont, fontRec("Arial"))...)
	for range 3 {
		stream = append(stream, biffRec(recFont, fontRec("Arial"))...)
	}
	stream = append(stream, biffRec(recFont, fontRec("VNI-Times"))...) // index 5
	stream = append(stream, biffRec(recXF, xfRec(0, 0))...)
	stream = append(stream, biffRec(recXF, xfRec(0, 10))...) // percent
	bs := append(u32(0), 0, 0, 6, 0)
	bs = append(bs, "Sheet1"...)
	bsPos := len(stream)
	stream = append(stream, biffRec(recBoundsheet, bs)...)
	stream = append(stream, biffRec(recSST, sst)...)
	stream = append(stream, biffRec(recContinue, append(cont, s3...))...)
	stream = append(stream, biffRec(recEOF, nil)...)
	sheetPos := len(stream)
	binary.LittleEndian.PutUint32(stream[bsPos+4:], uint32(sheetPos))
	stream = append(stream, biffRec(recBOF, u16(0x0600, 0x10))...)
	stream = append(stream, biffRec(recLabelSST, append(u16(0, 0, 0), u32(0)...))...)
	stream = append(stream, biffRec(recLabelSST, append(u16(1, 0, 0), u32(1)...))...)
	stream = append(stream, biffRec(recRK, append(u16(1, 2, 0), u32(350<<2|2|1)...))...) // 3.5
	mulrk := u16(2, 0)
	mulrk = append(mulrk, u16(1)...)
	mulrk = append(mulrk, u32(0x3FB00000)...) // 0.0625, percent format
	mulrk = append(mulrk, u16(0)...)
	mulrk = append(mulrk, u32(7<<2|2)...) // 7
	mulrk = append(mulrk, u16(1)...)
	stream = append(stream, biffRec(recMulRK, mulrk)...)
	stream = append(stream, biffRec(recLabelSST, append(u16(3, 0, 0), u32(2)...))...)
	f := append(u16(4, 0, 0), 0, 0, 0, 0, 0, 0, 0xFF, 0xFF)
	stream = append(stream, biffRec(recFormula, append(f, make([]byte, 8)...))...)
	stream = append(stream, biffRec(recString, append(u16(3), append([]byte{0}, "144"...)...))...)
	stream = append(stream, biffRec(recEOF, nil)...)

	b, err := parseBIFF(stream)
	if err != nil {
		t.Fatal(err)
	}
	want := "Chỉ tiêu\nTỷ lệ hộ nghèo | 3,5\n6,25% | 7\nx Tỷ\n144"
	if got := b.Text(); got != want {
		t.Errorf("parseBIFF text =\n%s\nwant\n%s", got, want)
	}
}

func TestParseBIFFDamaged(t *testing.T) {
	if _, err := parseBIFF([]byte("garbage")); err == nil {
		t.Error("parseBIFF(garbage) succeeded")
	}
	enc := append(biffRec(recBOF, u16(0x0600, 5)), biffRec(recFilepass, u16(1))...)
	if _, err := parseBIFF(enc); err == nil || !strings.Contains(err.Error(), "password") {
		t.Errorf("parseBIFF(FILEPASS) = %v; want a password error", err)
	}
}

func FuzzParseBIFF(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "chitieu.xls")); err == nil {
		f.Add(data)
	}
	f.Add(append(biffRec(recBOF, u16(0x0600, 5)), biffRec(recSST, append(u32(5), u32(5)...))...))
	f.Fuzz(func(t *testing.T, data []byte) {
		if b, err := ReadXLS(data); err == nil {
			_ = b.Text()
		}
		if b, err := parseBIFF(data); err == nil {
			_ = b.Text()
		}
	})
}

func FuzzReadODS(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "chitieu.ods")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if b, err := ReadODS(data); err == nil {
			_ = b.Text()
		}
	})
}
