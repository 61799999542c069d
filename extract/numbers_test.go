package extract

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		conv NumberConvention
		want float64
		ok   bool
	}{
		{"2011", ConventionVN, 2011, true},
		{"2.500", ConventionVN, 2500, true},          // dot groups thousands
		{"1,5", ConventionVN, 1.5, true},             // comma is the decimal mark
		{"7,5", ConventionVN, 7.5, true},             // comma is the decimal mark
		{"1.234,5", ConventionVN, 1234.5, true},      // both: the last one is decimal
		{"150.000", ConventionVN, 150000, true},      // one dot, three digits
		{"1.000.000", ConventionVN, 1000000, true},   // two dots group
		{"1,024", ConventionVN, 1.024, true},         // VN: a comma is decimal
		{"1,024", ConventionEN, 1024, true},          // EN: a comma groups
		{"2.500", ConventionEN, 2.5, true},           // EN: a dot is decimal
		{"7.5", ConventionVN, 7.5, true},             // one digit after a dot: decimal
		{"13.62", ConventionVN, 13.62, true},         // two digits after a dot: decimal
		{"1,234,567", ConventionVN, 1234567, true},   // two commas group
		{"1,234.5", ConventionEN, 1234.5, true},      // EN mixed
		{"12.3456", ConventionVN, 12.3456, true},     // four digits: not grouping
		{"1234.567", ConventionVN, 1234.567, true},   // four digits before: not grouping
		{"1.23.4", ConventionVN, 0, false},           // bad grouping
		{"", ConventionVN, 0, false},                 // empty
		{"12a", ConventionVN, 0, false},              // letters
		{".5", ConventionVN, 0, false},               // no leading digit
		{"5,", ConventionVN, 0, false},               // trailing separator
		{"1.234,5,6", ConventionVN, 0, false},        // two decimal marks
		{"0", ConventionVN, 0, true},                 // zero
		{"99,99", ConventionVN, 99.99, true},         // two decimals
		{"8.300", ConventionVN, 8300, true},          // GRDP per head in USD
		{"11.275", ConventionVN, 11275, true},        // billions of dong
		{"133,270", ConventionVN, 133.27, true},      // VN decimal with three digits
		{"1.000,25", ConventionVN, 1000.25, true},    // grouped with decimals
		{"1,000.25", ConventionVN, 1000.25, true},    // EN form in a VN text still reads
		{"10,000,000", ConventionEN, 10000000, true}, // EN millions
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in, tt.conv)
		if ok != tt.ok || ok && math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v, %v", tt.in, tt.conv, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDetectConvention(t *testing.T) {
	tests := []struct {
		in   string
		want NumberConvention
	}{
		{"tăng trưởng 7,5%/năm, đạt 8.300 USD", ConventionVN},
		{"growth of 7.5% and 8,300 USD", ConventionEN},
		{"GDP tăng 6.5% năm 2019", ConventionEN},
		{"dân số 1,234,567 người", ConventionEN},
		{"không có số nào", ConventionVN},
		{"vốn 150.000 tỷ đồng", ConventionVN},
		{"tỷ lệ 1,5% và 2.5%", ConventionVN}, // one VN decimal decides
	}
	for _, tt := range tests {
		if got := DetectConvention(tt.in); got != tt.want {
			t.Errorf("DetectConvention(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseNumberWords(t *testing.T) {
	tests := []struct {
		in    string
		want  float64
		wantN int
	}{
		{"ba", 3, 1},
		{"mười", 10, 1},
		{"mười một", 11, 2},
		{"mười lăm", 15, 2},
		{"mười năm", 15, 2},
		{"hai mươi", 20, 2},
		{"hai mươi mốt", 21, 3},
		{"hai mươi tư", 24, 3},
		{"hai mươi lăm", 25, 3},
		{"ba mươi", 30, 2},
		{"một trăm", 100, 2},
		{"một trăm linh năm", 105, 4},
		{"một trăm lẻ năm", 105, 4},
		{"hai trăm ba mươi", 230, 4},
		{"hai nghìn không trăm linh một", 2001, 6},
		{"hai ngàn", 2000, 2},
		{"ba chục", 30, 2},
		{"hai triệu rưỡi", 2.5e6, 3},
		{"một trăm rưỡi", 150, 3},
		{"năm trăm nghìn", 500000, 3},
		{"một nghìn tỷ", 1e12, 3},
		{"ba xã", 3, 1},          // stops before the noun
		{"mốt", 0, 0},            // "mốt" only after "mươi"
		{"lăm", 0, 0},            // "lăm" only after "mười/mươi"
		{"xã", 0, 0},             // not a number
		{"", 0, 0},               // nothing
		{"ba bốn", 3, 1},         // two digits in a row are two numbers
		{"mươi", 0, 0},           // "mươi" needs a digit before it
		{"rưỡi", 0, 0},           // nothing to add a half to
		{"bảy mươi phần", 70, 2}, // stops at the unit
		// Scale words (issue 9, class 5) and their relatives.
		{"một nghìn hai trăm hộ", 1200, 4},
		{"năm nghìn", 5000, 2},
		{"năm nghìn người", 5000, 2},
		{"một tỷ", 1e9, 2},
		{"một tỉ đồng", 1e9, 2},
		{"hai mươi mốt nghìn không trăm mười một", 21011, 8},
		{"hai mươi mốt nghìn không trăm linh một", 21001, 8},
		{"mười hai nghìn", 12000, 3},
		{"mười lăm nghìn", 15000, 3},
		{"một trăm hai mươi lăm triệu", 125e6, 6},
		{"ba trăm nghìn", 300000, 3},
		{"một triệu hai trăm nghìn", 1.2e6, 5},
		{"hai tỷ ba trăm triệu", 2.3e9, 5},
		{"một nghìn chín trăm chín mươi lăm", 1995, 7},
		{"hai nghìn hai mươi lăm", 2025, 5},
		{"hai nghìn linh năm", 2005, 4},
		{"ba vạn", 30000, 2},
		{"một triệu rưỡi", 1.5e6, 3},
		{"hai triệu rưỡi", 2.5e6, 3},
		{"hai tỷ rưỡi", 2.5e9, 3},
		{"nghìn", 0, 0}, // a scale needs a number before it
		{"một trăm năm mươi", 150, 4},
		{"năm mươi lăm", 55, 3},
		{"bốn mươi tư", 44, 3},
		{"chín mươi chín phần trăm", 99, 3},
		// Decimals spoken with "phẩy".
		{"ba phẩy năm", 3.5, 3},
		{"ba phẩy năm phần trăm", 3.5, 3},
		{"hai phẩy hai lăm", 2.25, 4},
		{"hai phẩy không năm", 2.05, 4},
		{"bảy phẩy hai mươi lăm", 7.25, 5},
		{"một phẩy năm triệu", 1.5e6, 4},
		{"mười hai phẩy tám tỷ", 12.8e9, 5},
		{"ba phẩy", 3, 1},  // no decimals after the comma
		{"phẩy năm", 0, 0}, // nothing before it
		{"ba phẩy xã", 3, 1},
	}
	for _, tt := range tests {
		var words []string
		if tt.in != "" {
			words = strings.Fields(tt.in)
		}
		got, n := ParseNumberWords(words)
		if n != tt.wantN || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("ParseNumberWords(%q) = %v, %d; want %v, %d", tt.in, got, n, tt.want, tt.wantN)
		}
	}
}

func TestIsNumberWord(t *testing.T) {
	for w, want := range map[string]bool{"ba": true, "mươi": true, "vạn": true, "rưỡi": true, "xã": false, "người": false} {
		if got := IsNumberWord(w); got != want {
			t.Errorf("IsNumberWord(%q) = %v; want %v", w, got, want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"2.500", "1,5", "1.234,5", "", "1,,2", "9999999999999999999999", "1.2.3", "0,000001"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, en bool) {
		c := ConventionVN
		if en {
			c = ConventionEN
		}
		v, ok := ParseNumber(s, c)
		if ok && (math.IsNaN(v) || v < 0) {
			t.Errorf("ParseNumber(%q) = %v", s, v)
		}
		if !ok && v != 0 {
			t.Errorf("ParseNumber(%q) failed with %v", s, v)
		}
		DetectConvention(s)
	})
}

func FuzzParseNumberWords(f *testing.F) {
	for _, s := range []string{"hai mươi mốt", "một trăm linh năm", "rưỡi", "nghìn tỷ triệu", "mươi mươi",
		"hai mươi mốt nghìn không trăm mười một", "một phẩy năm triệu", "ba phẩy hai mươi lăm phẩy", "phẩy phẩy",
		"hai nghìn linh năm", "một nghìn tỷ rưỡi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		words := strings.Fields(strings.ToLower(s))
		v, n := ParseNumberWords(words)
		if n < 0 || n > len(words) {
			t.Errorf("ParseNumberWords(%q) used %d of %d words", s, n, len(words))
		}
		if n == 0 && v != 0 || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Errorf("ParseNumberWords(%q) = %v, %d", s, v, n)
		}
		// The words it used read the same alone: a number does not depend
		// on the words after it.
		if v2, n2 := ParseNumberWords(words[:n]); n > 0 && (n2 != n || v2 != v) {
			t.Errorf("ParseNumberWords(%q) = %v, %d but its first %d words alone = %v, %d", s, v, n, n, v2, n2)
		}
	})
}
