package word

import (
	"encoding/binary"
	"reflect"
	"testing"
)

// testSTD builds a style definition: StdfBase (10 bytes), the name, and
// the UPXs of a paragraph (stk 1) or character (stk 2) style whose
// character properties set font ftc (-1: none).
func testSTD(stk, istdBase int, name string, ftc int) []byte {
	le := binary.LittleEndian
	b := make([]byte, 10)
	le.PutUint16(b[2:], uint16(stk)|uint16(istdBase)<<4)
	cupx := 2
	if stk == 2 {
		cupx = 1
	}
	le.PutUint16(b[4:], uint16(cupx))
	b = le.AppendUint16(b, uint16(len(name)))
	for _, c := range name {
		b = le.AppendUint16(b, uint16(c))
	}
	b = le.AppendUint16(b, 0)
	var chpx []byte
	if ftc >= 0 {
		chpx = le.AppendUint16(chpx, sprmCRgFtc0)
		chpx = le.AppendUint16(chpx, uint16(ftc))
	}
	if stk == 1 {
		b = le.AppendUint16(b, 2) // UpxPapx: istd only
		b = le.AppendUint16(b, 0)
	}
	b = le.AppendUint16(b, uint16(len(chpx)))
	b = append(b, chpx...)
	if len(b)%2 != 0 {
		b = append(b, 0)
	}
	return b
}

// testSTSH builds a style sheet with default font def and the given
// STDs (nil: an empty slot).
func testSTSH(def int, stds ...[]byte) []byte {
	le := binary.LittleEndian
	stshi := make([]byte, 18)
	le.PutUint16(stshi, uint16(len(stds)))
	le.PutUint16(stshi[2:], 10)
	le.PutUint16(stshi[12:], uint16(def))
	b := le.AppendUint16(nil, uint16(len(stshi)))
	b = append(b, stshi...)
	for _, std := range stds {
		b = le.AppendUint16(b, uint16(len(std)))
		b = append(b, std...)
	}
	return b
}

func TestStyleFonts(t *testing.T) {
	tests := []struct {
		name string
		stsh []byte
		want []int
	}{
		{"Normal sets a font", testSTSH(0, testSTD(1, 0xFFF, "Normal", 3)), []int{3}},
		{"Normal sets none: the default", testSTSH(5, testSTD(1, 0xFFF, "Normal", -1)), []int{5}},
		{"heading inherits from Normal",
			testSTSH(0, testSTD(1, 0xFFF, "Normal", 3), testSTD(1, 0, "heading 1", -1)), []int{3, 3}},
		{"heading overrides Normal",
			testSTSH(0, testSTD(1, 0xFFF, "Normal", 3), testSTD(1, 0, "heading 1", 4)), []int{3, 4}},
		{"chain of two",
			testSTSH(0, testSTD(1, 0xFFF, "Normal", 3), testSTD(1, 0, "Body", 6), testSTD(1, 1, "Body 2", -1)), []int{3, 6, 6}},
		{"empty slot", testSTSH(1, testSTD(1, 0xFFF, "Normal", -1), nil, testSTD(2, 0xFFF, "Emphasis", 2)), []int{1, 1, 2}},
		{"a loop ends", testSTSH(7, testSTD(1, 1, "A", -1), testSTD(1, 0, "B", -1)), []int{7, 7}},
		{"truncated", testSTSH(0, testSTD(1, 0xFFF, "Normal", 3))[:30], []int{0}},
		{"too short", []byte{1}, nil},
	}
	for _, tt := range tests {
		if got := styleFonts(tt.stsh); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("styleFonts(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// TestParsePAPXParas builds a PAPX FKP page with two paragraph runs (one
// PAPX with cb, one with cb 0 and cb') and reads their styles back.
func TestParsePAPXParas(t *testing.T) {
	le := binary.LittleEndian
	wd := make([]byte, 1024)
	page := wd[512:]
	page[511] = 2 // crun
	le.PutUint32(page[0:], 100)
	le.PutUint32(page[4:], 200)
	le.PutUint32(page[8:], 300)
	bx := 3 * 4
	page[bx] = 200 / 2 // PAPX of run 0 at 200
	page[bx+13] = 220 / 2
	page[200] = 2 // cb: grpprl of 3 bytes
	le.PutUint16(page[201:], 15)
	page[220] = 0 // cb 0, cb' 2: 4 bytes
	page[221] = 2
	le.PutUint16(page[222:], 16)
	plc := le.AppendUint32(nil, 100)
	plc = le.AppendUint32(plc, 300)
	plc = le.AppendUint32(plc, 1) // page 1
	want := []docPara{{100, 200, 15}, {200, 300, 16}}
	if got := parsePAPXParas(wd, plc); !reflect.DeepEqual(got, want) {
		t.Errorf("parsePAPXParas = %+v; want %+v", got, want)
	}
	for _, bad := range [][]byte{nil, {1, 2, 3}, append(le.AppendUint32(le.AppendUint32(nil, 0), 10), 0xFF, 0xFF, 0, 0)} {
		if got := parsePAPXParas(wd, bad); len(got) != 0 {
			t.Errorf("parsePAPXParas(%x) = %+v; want none", bad, got)
		}
	}
}

// TestParaFont checks the font of text whose run names none: its
// paragraph style's, else the Normal style's.
func TestParaFont(t *testing.T) {
	f := &docFile{
		runs:     []docRun{{0, 10, 1}, {10, 20, -1}, {20, 30, -1}},
		paras:    []docPara{{0, 15, 0}, {15, 25, 2}},
		styles:   []int{4, 5, 6},
		styleFtc: 4,
	}
	tests := []struct {
		fc   uint32
		want int
	}{
		{5, 1},  // the run's own font
		{12, 4}, // Normal paragraph
		{17, 6}, // heading paragraph
		{27, 4}, // no paragraph known: Normal
		{40, 4}, // outside every run
		{22, 6}, // again, out of order
		{11, 4}, // and back
	}
	for _, tt := range tests {
		if got := f.runFont(tt.fc); got != tt.want {
			t.Errorf("runFont(%d) = %d; want %d", tt.fc, got, tt.want)
		}
	}
}
