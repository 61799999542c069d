package search

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"vanban/extract"
)

func TestIsNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"18-NQ/TW", true},
		{"02-NQ/ĐUK", true},
		{"15/2011/NQ-HĐND", true},
		{"123/QĐ-UBND", true},
		{"08-QĐi/TW", true},
		{"(18-NQ/TW),", true},
		{"2011-2015", false},
		{"4.110", false},
		{"15/2011", false},
		{"nghị", false},
		{"KT-XH", false},
		{"", false},
	} {
		if got := IsNumber(c.in); got != c.want {
			t.Errorf("IsNumber(%q) = %v; want %v", c.in, got, c.want)
		}
	}
}

func TestPrepareQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"cổ tức 25 – 27%", "cổ tức 25   27%"},
		{"năm 2020 - 2025", "năm 2020  2025"},
		{"nghị quyết -đất", "nghị quyết -đất"},
		{"+TCCSĐ - -", "+TCCSĐ"},
		{"KT-XH", "KT-XH"},
		{"hoà bình", "hòa bình"},
		{"đảng -", "đảng"},
	} {
		if got := strings.Join(strings.Fields(prepareQuery(c.in)), " "); got != strings.Join(strings.Fields(c.want), " ") {
			t.Errorf("prepareQuery(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestKindCode(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"resolution", "resolution"},
		{"Resolution", "resolution"},
		{"nghị quyết", "resolution"},
		{"NGHI QUYET", "resolution"},
		{"NQ", "resolution"},
		{"quyết định", "decision"},
		{"công văn", "official-letter"},
		{"official-letter", "official-letter"},
		{"thông tư liên tịch", "circular"},
		{"quy định", "rules"}, // "quy" folds to "qui": the old map never matched
		{"quy chế", "regulation"},
		{"QĐ", "decision"},
	} {
		if got := KindCode(c.in); got != c.want {
			t.Errorf("KindCode(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestParseUserDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		end  bool
		want string
	}{
		{"2020", false, "2020-01-01"},
		{"2020", true, "2020-12-31"},
		{"2020-05", true, "2020-05-31"},
		{"17/5/2020", false, "2020-05-17"},
		{"17-05-2020", false, "2020-05-17"},
		{"5/2020", true, "2020-05-31"},
		{"29/2/2024", false, "2024-02-29"},
	} {
		got, ok := ParseUserDate(c.in, c.end)
		if !ok || got.Format("2006-01-02") != c.want {
			t.Errorf("ParseUserDate(%q, %v) = %v, %v; want %s", c.in, c.end, got.Format("2006-01-02"), ok, c.want)
		}
	}
	for _, bad := range []string{"", "hôm qua", "32/1/2020", "29/2/2023", "2020-13-01", "1/2/20"} {
		if got, ok := ParseUserDate(bad, false); ok {
			t.Errorf("ParseUserDate(%q) = %v, true; want false", bad, got)
		}
	}
}

func TestShortAllowed(t *testing.T) {
	for _, c := range []struct {
		raw, fold string
		want      bool
	}{
		{"TW", "tw", true},
		{"tw", "tw", false}, // a two-letter short form must be in capitals
		{"CT", "ct", true},
		{"ct", "ct", false},
		{"TCCSĐ", "tccsd", true},
		{"tccsd", "tccsd", true},
		{"bch", "bch", true}, // no vowel: not a syllable
		{"tin", "tin", false},
		{"ubnd", "ubnd", true},
	} {
		if got := shortAllowed(c.raw, c.fold); got != c.want {
			t.Errorf("shortAllowed(%q, %q) = %v; want %v", c.raw, c.fold, got, c.want)
		}
	}
}

func TestAbbrevExpand(t *testing.T) {
	glossary := []extract.Abbreviation{
		{Short: "TCCSĐ", Long: "tổ chức cơ sở đảng", Source: "builtin"},
		{Short: "HĐND", Long: "Hội đồng nhân dân", Source: "builtin"},
		{Short: "KT-XH", Long: "kinh tế - xã hội", Source: "builtin"},
		{Short: "BTC", Long: "Ban Tổ chức", Source: "builtin"},
		{Short: "BTC", Long: "Bộ Tài chính", Source: "builtin"},
		{Short: "CT", Long: "chỉ thị", Source: "builtin"},
		{Short: "CT", Long: "công ty", Source: "builtin"},
		{Short: "V/v", Long: "về việc", Source: "builtin"},
	}
	corpus := map[[2]string]uint64{
		{"KCQ DCĐ", "Khối cơ quan Dân chính Đảng"}: 2,
		{"BTC", "Ban Tổ chức"}:                     1,
	}
	tab := newAbbrevs(glossary, corpus)
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"TCCSĐ trong sạch", []string{"to chuc co so dang"}},
		{"tccsd", []string{"to chuc co so dang"}},
		{"xây dựng tổ chức cơ sở đảng", []string{"tccsd"}},
		{"HĐND tỉnh", []string{"hoi dong nhan dan"}},
		{"kinh tế xã hội", []string{"kt xh"}},
		{"KT-XH", []string{"kinh te xa hoi"}},
		{"KCQ DCĐ", []string{"khoi co quan dan chinh dang"}},
		{"BTC", []string{"ban to chuc"}}, // ambiguous: only the meaning the archive defines
		{"CT", nil},                      // ambiguous and never defined: not expanded
		{"tw", nil},
		{"nghị quyết", nil},
		{"V/V", []string{"ve viec"}},
		{"về việc sửa đổi", nil}, // a formula of single letters is not searched for
	} {
		var got []string
		for _, e := range tab.expand(c.q) {
			got = append(got, e.also...)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("expand(%q) = %q; want %q", c.q, got, c.want)
		}
	}
}

func TestMakeSnippets(t *testing.T) {
	text := "Mở đầu.\fTrang hai nói về tổ chức cơ sở đảng trong sạch, vững mạnh và các chi bộ.\fTrang ba."
	h := &highlight{terms: map[string]bool{"trong": true, "sach": true}, phrases: [][]string{{"to", "chuc", "co", "so", "dang"}}}
	sn := makeSnippets(text, h, 2)
	if len(sn) != 1 {
		t.Fatalf("makeSnippets = %+v; want one snippet", sn)
	}
	got := sn[0].Marked("[", "]")
	want := "Mở đầu. Trang hai nói về [tổ] [chức] [cơ] [sở] [đảng] [trong] [sạch], vững mạnh và các chi bộ. Trang ba."
	if got != want || sn[0].Page != 2 {
		t.Errorf("snippet = %q (page %d); want %q (page 2, where the match is)", got, sn[0].Page, want)
	}
	// A phrase is marked only where its words follow each other.
	h = &highlight{terms: map[string]bool{}, phrases: [][]string{{"co", "so"}}}
	sn = makeSnippets("cơ quan sở tại; cơ sở", h, 1)
	if len(sn) != 1 || sn[0].Marked("[", "]") != "cơ quan sở tại; [cơ] [sở]" {
		t.Errorf("phrase snippet = %+v; want only the adjacent \"cơ sở\" marked", sn)
	}
	// Long text: the passage starts on the page of the match.
	long := strings.Repeat("Nội dung không liên quan. ", 40) + "\f" + strings.Repeat("x ", 10) + "chuyển đổi số"
	sn = makeSnippets(long, &highlight{terms: map[string]bool{"chuyen": true, "doi": true, "so": true}}, 1)
	if len(sn) != 1 || sn[0].Page != 2 || !strings.HasPrefix(sn[0].Text, "…") {
		t.Errorf("long snippet = %+v; want page 2 with a leading ellipsis", sn)
	}
	// A match far into a long text is found.
	far := strings.Repeat("Nội dung không liên quan đến truy vấn. ", 3000) + "Cuối cùng là chuyển đổi số."
	sn = makeSnippets(far, &highlight{terms: map[string]bool{"chuyen": true}}, 1)
	if len(sn) != 1 || !strings.Contains(sn[0].Marked("[", "]"), "[chuyển]") {
		t.Errorf("snippet of a match at byte %d = %+v; want it marked", len(far)-30, sn)
	}
	if sn := makeSnippets("không có gì", &highlight{terms: map[string]bool{"dang": true}}, 2); sn != nil {
		t.Errorf("makeSnippets(no match) = %+v; want nil", sn)
	}
}

func TestMarked(t *testing.T) {
	text := "đảng viên mới"
	i := strings.Index(text, "viên")
	s := Snippet{Text: text, Marks: [][2]int{{0, i - 1}, {i, i + len("viên")}}}
	if got, want := s.Marked("<", ">"), "<đảng> <viên> mới"; got != want {
		t.Errorf("Marked = %q; want %q", got, want)
	}
	bad := Snippet{Text: "abc", Marks: [][2]int{{2, 9}, {0, 1}}}
	if got := bad.Marked("[", "]"); got != "[a]bc" {
		t.Errorf("Marked(bad marks) = %q; want the mark past the end skipped", got)
	}
}

// FuzzSnippets checks that snippets of any text never panic, are valid
// UTF-8 and mark ranges inside their text.
func FuzzSnippets(f *testing.F) {
	f.Add("Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh.", "trong sach")
	f.Add("a\fb\f\xff\xfe đảng", "dang")
	f.Add("Đ\u0300\u0301 x", "d")
	f.Fuzz(func(t *testing.T, text, q string) {
		h := &highlight{terms: map[string]bool{}}
		for _, w := range strings.Fields(q) {
			h.terms[foldPhrase(w)] = true
		}
		h.phrases = append(h.phrases, strings.Fields(foldPhrase(q)))
		for _, s := range makeSnippets(text, h, 2) {
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("snippet %q of valid text is not valid UTF-8", s.Text)
			}
			for _, m := range s.Marks {
				if m[0] < 0 || m[1] > len(s.Text) || m[0] > m[1] {
					t.Fatalf("mark %v outside %q", m, s.Text)
				}
			}
			s.Marked("[", "]")
		}
	})
}

// FuzzPlan checks that no query string makes the planner panic: it gives a
// query or ErrBadQuery.
func FuzzPlan(f *testing.F) {
	for _, s := range []string{`nghi quyet`, `+TCCSĐ -"chi bộ" kind:resolution`, `05-CT/TW: về`, `"abc`, `đả*`,
		`year:>=2019`, `issued:>="2020-01-01"`, `value:>90`, `đảng~1`, `/re/`, `a:b:c`, `period:2025`, `title:"x"`} {
		f.Add(s)
	}
	s := &Searcher{abbrev: newAbbrevs([]extract.Abbreviation{{Short: "TCCSĐ", Long: "tổ chức cơ sở đảng"}}, nil)}
	f.Fuzz(func(t *testing.T, q string) {
		for _, targets := range []bool{false, true} {
			p, err := s.plan(Query{Text: q, Targets: targets})
			if err == nil && p.query == nil {
				t.Fatalf("plan(%q) = nil query, nil error", q)
			}
		}
	})
}

func TestIndexOfRun(t *testing.T) {
	terms := []string{"to", "chuc", "co", "so", "dang", "to"}
	for _, c := range []struct {
		run  []string
		want int
	}{
		{[]string{"co", "so"}, 2},
		{[]string{"to"}, 0},
		{[]string{"dang", "to"}, 4},
		{[]string{"so", "to"}, -1},
		{[]string{"to", "chuc", "co", "so", "dang", "to", "x"}, -1},
		{nil, -1},
	} {
		if got := indexOfRun(terms, c.run); got != c.want {
			t.Errorf("indexOfRun(%q) = %d; want %d", c.run, got, c.want)
		}
	}
}
