package extract

import (
	"testing"
	"unicode/utf8"
)

func TestFoldKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA", "cong hoa xa hoi chu nghia"},
		{"NGHị QUYếT", "nghi quyet"},
		{"Đảng  ủy", "dang uy"},
		{"ngh\u0306i", "nghi"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := foldKey(tt.in); got != tt.want {
			t.Errorf("foldKey(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPageOf(t *testing.T) {
	text := "một\fhai\fba"
	tests := []struct{ off, want int }{{0, 1}, {5, 1}, {6, 2}, {9, 2}, {10, 3}, {-5, 1}, {999, 3}}
	for _, tt := range tests {
		if got := PageOf(text, tt.off); got != tt.want {
			t.Errorf("PageOf(%q, %d) = %d; want %d", text, tt.off, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Năm 2025 đạt 2.500 tỷ đồng. Tỷ lệ 4.7.2011 là ngày. TP. Cần Thơ tăng 1,5%; dòng hai\fTrang hai."
	want := []string{"Năm 2025 đạt 2.500 tỷ đồng.", "Tỷ lệ 4.7.2011 là ngày.", "TP.", "Cần Thơ tăng 1,5%; dòng hai", "Trang hai."}
	got := Sentences(text)
	if len(got) != len(want) {
		var s []string
		for _, sp := range got {
			s = append(s, text[sp.Start:sp.End])
		}
		t.Fatalf("Sentences(%q) = %q; want %q", text, s, want)
	}
	for i, sp := range got {
		if text[sp.Start:sp.End] != want[i] {
			t.Errorf("Sentences(%q)[%d] = %q; want %q", text, i, text[sp.Start:sp.End], want[i])
		}
	}
}

func TestParseDayDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"ngày 04 tháng 7 năm 2011", "2011-07-04"},
		{"ngày 25 tháng 12 năm1998 Hướng dẫn", "1998-12-25"},
		{"4-7-2011", "2011-07-04"},
		{"04/7/2011", "2011-07-04"},
		{"4.7.2011", "2011-07-04"},
		{"4-7/2011", ""},
		{"31/2/2011", ""},
		{"29/2/2012", "2012-02-29"},
		{"16/18 xã", ""},
		{"ngày 32 tháng 1 năm 2011", ""},
	}
	for _, tt := range tests {
		if got, _ := parseDayDate(tt.in); got != tt.want {
			t.Errorf("parseDayDate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Năm 2025. Tăng 2.500 tỷ; TP. Hà Nội\fx")
	f.Add("...\n\f. A")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, sp := range Sentences(text) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("Sentences(%q): bad span %+v after %d", text, sp, prev)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[sp.Start:sp.End]) {
				t.Errorf("Sentences(%q): span %+v splits a character", text, sp)
			}
			prev = sp.End
		}
	})
}
