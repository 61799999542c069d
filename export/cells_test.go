package export

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Nghị quyết", "Nghị quyết"},
		{"a\x00b\x01c\x1fd", "abcd"},
		{"tab\tline\nret\r", "tab\tline\nret\r"},
		{"x\uFFFEy\uFFFFz", "xyz"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
		{"Nghi\u0323 quyê\u0301t", "Nghị quyết"}, // NFD → NFC
		{"=1+1", "=1+1"},                         // CleanText does not escape
	} {
		if got := CleanText(tc.in, "…"); got != tc.want {
			t.Errorf("CleanText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestTruncateUnits(t *testing.T) {
	for _, tc := range []struct {
		in     string
		limit  int
		marker string
		want   string
	}{
		{"abcdef", 6, "…", "abcdef"},
		{"abcdefg", 6, "…", "abcde…"},
		{"😀😀😀", 6, "", "😀😀😀"},   // 6 units
		{"😀😀😀a", 6, "!", "😀😀!"}, // an astral char is 2 units
		{"ạạạạ", 3, "…", "ạạ…"},
		{"abc", 2, "…long", "…long"}, // the marker alone
	} {
		if got := truncateUnits(tc.in, tc.limit, tc.marker); got != tc.want {
			t.Errorf("truncateUnits(%q, %d, %q) = %q; want %q", tc.in, tc.limit, tc.marker, got, tc.want)
		}
	}
	long := strings.Repeat("😀", MaxCellUnits)
	got := CleanText(long, " …[cut]")
	if n := utf16Units(got); n > MaxCellUnits || n < MaxCellUnits-2 || !strings.HasSuffix(got, " …[cut]") {
		t.Errorf("CleanText(%d emoji) = %d units, suffix %q; want ≤ %d with the marker", MaxCellUnits, n, got[len(got)-10:], MaxCellUnits)
	}
}

func TestCSVText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"=1+1", "'=1+1"},
		{"+SUM(A1)", "'+SUM(A1)"},
		{"-2+3", "'-2+3"},
		{"@cmd", "'@cmd"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{" =1", " =1"},
		{"Nghị quyết", "Nghị quyết"},
		{"'quoted", "'quoted"},
	} {
		if got := CSVText(tc.in); got != tc.want {
			t.Errorf("CSVText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseISO(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in    string
		end   bool
		want  time.Time
		grain int
	}{
		{"2011", false, day(2011, 1, 1), grainYear},
		{"2011", true, day(2011, 12, 31), grainYear},
		{"2011-07", false, day(2011, 7, 1), grainMonth},
		{"2011-02", true, day(2011, 2, 28), grainMonth},
		{"2012-02", true, day(2012, 2, 29), grainMonth},
		{"2011-07-04", true, day(2011, 7, 4), grainDay},
		{"2011-07-10T19:35", false, time.Date(2011, 7, 10, 19, 35, 0, 0, time.UTC), grainMinute},
		{"2011-07-10T19:35:00+07:00", true, time.Date(2011, 7, 10, 19, 35, 0, 0, time.UTC), grainMinute},
		{"1899", false, time.Time{}, grainInvalid},
		{"2011-13", false, time.Time{}, grainInvalid},
		{"=1", false, time.Time{}, grainInvalid},
		{"", false, time.Time{}, grainInvalid},
		{"năm 2011", false, time.Time{}, grainInvalid},
	} {
		got, g := parseISO(tc.in, tc.end)
		if !got.Equal(tc.want) || g != tc.grain {
			t.Errorf("parseISO(%q, %v) = %v, %d; want %v, %d", tc.in, tc.end, got, g, tc.want, tc.grain)
		}
	}
}

func TestHyperlinkFormula(t *testing.T) {
	for _, tc := range []struct {
		path, text, want string
		ok               bool
	}{
		{"/a/b.pdf", "/a/b.pdf", `HYPERLINK("file:///a/b.pdf","/a/b.pdf")`, true},
		{`/a/"x".txt`, `/a/"x".txt`, `HYPERLINK("file:///a/%22x%22.txt","/a/""x"".txt")`, true},
		{"/a/nghị quyết #5.txt", "nghị quyết", `HYPERLINK("file:///a/ngh%E1%BB%8B%20quy%E1%BA%BFt%20%235.txt","nghị quyết")`, true},
		{"/a/" + strings.Repeat("x", 300), "x", "", false},
		{"/a/b", "", "", false},
	} {
		got, ok := hyperlinkFormula(tc.path, tc.text)
		if got != tc.want || ok != tc.ok {
			t.Errorf("hyperlinkFormula(%q, %q) = %q, %v; want %q, %v", tc.path, tc.text, got, ok, tc.want, tc.ok)
		}
	}
}

func TestContext(t *testing.T) {
	body := "Đầu văn bản. Nghị quyết ngày 4-7-2011 đề ra chỉ tiêu giai đoạn 2011-2015 cho toàn Đảng bộ."
	for _, tc := range []struct {
		m    string
		off  int
		n    int
		want string
	}{
		{"ngày 4-7-2011", strings.Index(body, "ngày"), 1000, "Đầu văn bản. Nghị quyết ngày 4-7-2011 đề ra chỉ tiêu giai đoạn 2011-2015 cho toàn Đảng bộ."},
		{"ngày 4-7-2011", strings.Index(body, "ngày"), 12, "…quyết ngày 4-7-2011 đề ra…"},
		{"ngày 4-7-2011", 0, 12, "…quyết ngày 4-7-2011 đề ra…"}, // wrong offset: found
		{"2011", 0, 4, "…4-7-2011…"}, // nearest mention to 0
		{"không có", 3, 10, ""},
		{"", 0, 10, ""},
	} {
		if got := Context(body, tc.m, tc.off, tc.n); got != tc.want {
			t.Errorf("Context(%q, %d, %d) = %q; want %q", tc.m, tc.off, tc.n, got, tc.want)
		}
	}
}

func TestParseSheet(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Sheet
		ok   bool
	}{
		{"Chỉ tiêu", SheetTargets, true},
		{"chitieu", SheetTargets, true},
		{"chi tieu", SheetTargets, true},
		{"targets", SheetTargets, true},
		{"Văn bản", SheetDocuments, true},
		{"documents", SheetDocuments, true},
		{"nghị quyết", SheetResolutions, true},
		{"resolutions", SheetResolutions, true},
		{"Mốc thời gian", SheetDates, true},
		{"moc-thoi-gian", SheetDates, true},
		{"dates", SheetDates, true},
		{"4", SheetDates, true},
		{"bảng", 0, false},
		{"", 0, false},
	} {
		got, err := ParseSheet(tc.in)
		if (err == nil) != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("ParseSheet(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestLabels(t *testing.T) {
	for _, tc := range []struct {
		c    string
		lang Lang
		want string
	}{
		{"=", Vietnamese, "bằng"}, {"=", English, "equal"}, {">=", Vietnamese, "≥"}, {"<=", English, "≤"},
		{"range", Vietnamese, "từ … đến"}, {"~", English, "about"}, {"?", Vietnamese, "?"},
	} {
		if got := comparatorLabel(tc.c, tc.lang); got != tc.want || dangerous(got) {
			t.Errorf("comparatorLabel(%q, %s) = %q; want %q", tc.c, tc.lang, got, tc.want)
		}
	}
	for _, tc := range []struct{ kind, want string }{{"resolution", "Nghị quyết"}, {"official-letter", "Công văn"}, {"xyz", "xyz"}} {
		if got := kindLabel(tc.kind, Vietnamese); got != tc.want {
			t.Errorf("kindLabel(%q) = %q; want %q", tc.kind, got, tc.want)
		}
	}
	for _, s := range AllSheets {
		if len(s.Headers(Vietnamese)) != len(s.Headers(English)) {
			t.Errorf("sheet %s: headers differ in number", s)
		}
		seen := map[string]bool{}
		for _, h := range s.Headers(Vietnamese) {
			if seen[h] {
				t.Errorf("sheet %s: header %q twice (table columns must be unique)", s, h)
			}
			seen[h] = true
		}
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range append(hostile, "Nghị quyết", "\xed\xa0\x80", strings.Repeat("😀", 20000)) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := CleanText(s, " …")
		if !utf8.ValidString(got) {
			t.Fatalf("CleanText(%q) = %q: invalid UTF-8", s, got)
		}
		if strings.IndexFunc(got, badXML) >= 0 {
			t.Fatalf("CleanText(%q) = %q: holds a character XML cannot", s, got)
		}
		if n := utf16Units(got); n > MaxCellUnits {
			t.Fatalf("CleanText(%q): %d units", s, n)
		}
		if c := CSVText(got); dangerous(c) {
			t.Fatalf("CSVText(%q) = %q: dangerous", got, c)
		}
	})
}

func FuzzContext(f *testing.F) {
	f.Add("Nghị quyết ngày 4-7-2011 đề ra", "ngày 4-7-2011", 11, 5)
	f.Add("ạạạạạ", "ạ", 1, 1)
	f.Fuzz(func(t *testing.T, body, m string, off, n int) {
		if n < 0 || n > 1<<16 {
			return
		}
		got := Context(body, m, off, n)
		if !utf8.ValidString(got) {
			t.Fatalf("Context(%q, %q, %d, %d) = %q: invalid UTF-8", body, m, off, n, got)
		}
		valid := utf8.ValidString(body) && utf8.ValidString(m)
		if valid && got != "" && !strings.Contains(got, strings.Join(strings.Fields(m), " ")) {
			t.Fatalf("Context(%q, %q, %d, %d) = %q: lost the mention", body, m, off, n, got)
		}
	})
}
