package index

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestAnalyzers(t *testing.T) {
	for _, c := range []struct {
		analyzer, in string
		want         []string
	}{
		{AnalyzerFold, "Nghị quyết TRONG SẠCH", []string{"nghi", "quyet", "trong", "sach"}},
		{AnalyzerFold, norm.NFD.String("Đảng viên"), []string{"dang", "vien"}},
		{AnalyzerFold, "hoà hòa", []string{"hoa", "hoa"}},
		{AnalyzerFold, "kỹ kĩ", []string{"ki", "ki"}},
		{AnalyzerFold, "02-NQ/ĐUK", []string{"02", "nq", "duk"}},
		{AnalyzerExact, "Hoà bình", []string{"hòa", "bình"}},
		{AnalyzerExact, norm.NFD.String("Đảng"), []string{"đảng"}},
		{AnalyzerExact, "lúa lừa", []string{"lúa", "lừa"}},
		{AnalyzerShingle, "trong sạch, vững mạnh", []string{"trong sach", "sach vung", "vung manh"}},
		{AnalyzerKeyword, "  18-NQ/TW ", []string{"18-nq/tw"}},
		{AnalyzerKeyword, "Ủy ban  nhân dân", []string{"uy ban nhan dan"}},
		{AnalyzerKeyword, "", []string{}},
	} {
		got, err := Analyze(c.analyzer, c.in)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Analyze(%s, %q) = %q; want %q", c.analyzer, c.in, got, c.want)
		}
	}
}

// TestFoldKeepsOffsets checks that folded tokens point at the original,
// accented text, which is what keeps highlighting right.
func TestFoldKeepsOffsets(t *testing.T) {
	text := "Xây dựng Đảng bộ trong sạch, vững mạnh"
	var got []string
	for _, tok := range Tokens(AnalyzerFold, text) {
		got = append(got, text[tok.Start:tok.End])
	}
	want := []string{"Xây", "dựng", "Đảng", "bộ", "trong", "sạch", "vững", "mạnh"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens(fold) spans = %q; want %q", got, want)
	}
}

// FuzzAnalyzers checks that every analyzer takes any input without
// panicking, gives valid UTF-8 terms for valid input, and token offsets
// inside the input.
func FuzzAnalyzers(f *testing.F) {
	for _, s := range []string{"Nghị quyết 02-NQ/ĐUK", norm.NFD.String("Đảng ủy"), "\xff\xfe", "a\u0301\u0301", "kỹ thuật, hoà bình", strings.Repeat("ư", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range []string{AnalyzerExact, AnalyzerFold, AnalyzerShingle, AnalyzerKeyword} {
			for _, tok := range Tokens(a, s) {
				if tok.Start < 0 || tok.End > len(s) || tok.Start > tok.End {
					t.Fatalf("%s: token %+v outside %q", a, tok, s)
				}
				if utf8.ValidString(s) && !utf8.ValidString(tok.Term) {
					t.Fatalf("%s: term %q of valid input is not UTF-8", a, tok.Term)
				}
				if tok.Term == "" {
					t.Fatalf("%s: empty term from %q", a, s)
				}
			}
		}
	})
}
