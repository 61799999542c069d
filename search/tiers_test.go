package search

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestQueryWords(t *testing.T) {
	for _, c := range []struct {
		text            string
		content, phrase string
	}{
		{"tỷ lệ hộ nghèo", "tỷ lệ hộ nghèo", "tỷ lệ hộ nghèo"},
		{"quy định về kết nạp đảng viên như thế nào", "quy định kết nạp đảng viên", "quy định về kết nạp đảng viên"},
		{"hòa giải là gì", "hòa giải", "hòa giải"},
		{"của các", "của các", "của các"},
		// Without diacritics only unambiguous stop words: "co" may be cơ.
		{"co so cua dang", "co so dang", "co so cua dang"},
		{"không khí", "khí", "không khí"},
		// Typed with diacritics, a word without any is as written: "ai"
		// and "cho" are stop words here, not in a query typed plain.
		{"ai có thẩm quyền cho thuê nhà", "thẩm quyền thuê nhà", "ai có thẩm quyền cho thuê nhà"},
		{"ai co tham quyen", "ai co tham quyen", "ai co tham quyen"},
		{"trong sach vung manh", "trong sach vung manh", "trong sach vung manh"},
	} {
		ws := queryWords(c.text)
		join := func(ws []qword) string {
			var out []string
			for _, w := range ws {
				out = append(out, w.exact)
			}
			return strings.Join(out, " ")
		}
		if got := join(contentWords(ws)); got != c.content {
			t.Errorf("contentWords(%q) = %q; want %q", c.text, got, c.content)
		}
		if got := join(phraseSpan(ws)); got != c.phrase {
			t.Errorf("phraseSpan(%q) = %q; want %q", c.text, got, c.phrase)
		}
	}
}

// TestRequiredWords checks which words a document must hold: content
// words, without the words that frame what is asked ("tỷ lệ", "chỉ tiêu",
// "mục tiêu", "quy định"), unless nothing else is left.
func TestRequiredWords(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"chỉ tiêu tỷ lệ hộ nghèo", "hộ nghèo"},
		{"tỉ lệ hộ nghèo", "hộ nghèo"},
		{"ty le ho ngheo", "ho ngheo"},
		{"mục tiêu tăng trưởng 8%", "tăng trưởng 8"},
		{"giờ bán hàng được quy định thế nào", "giờ bán hàng"},
		// Alone, a frame phrase is what is asked for.
		{"tỷ lệ", "tỷ lệ"},
		{"quy định", "quy định"},
		// Only the phrase frames: "lệ phí", "tiêu chuẩn" are content.
		{"lệ phí trước bạ", "lệ phí trước bạ"},
		{"tiêu chuẩn định mức", "tiêu chuẩn định mức"},
		// Diacritics as typed: "tý lễ" is no frame.
		{"tý lễ hộ nghèo", "tý lễ hộ nghèo"},
	} {
		var got []string
		for _, w := range requiredWords(queryWords(c.text)) {
			got = append(got, w.exact)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("requiredWords(%q) = %q; want %q", c.text, g, c.want)
		}
	}
}

// TestSpellings checks the i/y spelling variants that count as typed.
func TestSpellings(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"kỹ", "kỹ kĩ"},
		{"kĩ", "kĩ kỹ"},
		{"lý", "lý lí"},
		{"tỉ", "tỉ tỷ"},
		{"quy", "quy qui"},
		{"quyết", "quyết"},
		{"huy", "huy"},
		{"yêu", "yêu"},
		{"ý", "ý"},
		{"nghị", "nghị"},
		{"đảng", "đảng"},
	} {
		if got := strings.Join(spellings(c.in), " "); got != c.want {
			t.Errorf("spellings(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// TestTiersAndPaging checks that the words as typed rank above folded
// matches, that the any-word fallback is decided once and said, and that
// pages are slices of one order with the total of the whole set.
func TestTiersAndPaging(t *testing.T) {
	ix := buildIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		text     string
		first    string
		anyWords bool
	}{
		{"lừa", "tin-luadao", false},
		{"lúa", "tin-gialua", false},
		{"phát triển thủy lợi xyzzyqua", "nq-thuyloi", true},
	} {
		for _, limit := range []int{1, 5, 50} {
			res, err := s.Search(ctx, Query{Text: c.text, Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || hitName(res.Hits[0]) != c.first {
				t.Errorf("Search(%q, limit %d) first = %v; want %s", c.text, limit, names(res.Hits), c.first)
			}
			if res.AnyWords != c.anyWords {
				t.Errorf("Search(%q, limit %d).AnyWords = %v; want %v", c.text, limit, res.AnyWords, c.anyWords)
			}
		}
	}
	for _, text := range []string{"lua", "nghị quyết", "đảng viên", "phát triển thủy lợi xyzzyqua", "tổ chức"} {
		one, err := s.Search(ctx, Query{Text: text, Limit: 30, Snippets: -1})
		if err != nil {
			t.Fatal(err)
		}
		var paged []Hit
		for off := 0; off < 30; off += 3 {
			res, err := s.Search(ctx, Query{Text: text, Limit: 3, Offset: off, Snippets: -1})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != one.Total {
				t.Errorf("%q at %d: total %d; want %d", text, off, res.Total, one.Total)
			}
			paged = append(paged, res.Hits...)
		}
		if fmt.Sprint(names(paged)) != fmt.Sprint(names(one.Hits)) {
			t.Errorf("%q: pages of 3 = %v; one list = %v", text, names(paged), names(one.Hits))
		}
		if uint64(len(one.Hits)) != min(one.Total, 30) {
			t.Errorf("%q: %d hits, total %d: the total counts what is shown", text, len(one.Hits), one.Total)
		}
	}
}

func names(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, hitName(h))
	}
	return out
}

func TestUnder(t *testing.T) {
	ix := buildIndex(t)
	docs := filepath.Join(corpusDir, "docs")
	for _, c := range []struct {
		under []string
		hits  bool
	}{
		{[]string{docs}, true},
		{[]string{corpusDir}, true},
		{[]string{docs + "/"}, true},
		{[]string{filepath.Join(docs, "nq-thuyloi.txt")}, true},
		{[]string{"/nowhere", docs}, true},
		{[]string{"/nowhere"}, false},
		{[]string{filepath.Join(corpusDir, "doc")}, false}, // a prefix of a name is no folder
	} {
		res, err := Search(context.Background(), ix, Query{Text: "thủy lợi", Under: c.under})
		if err != nil {
			t.Fatal(err)
		}
		if (len(res.Hits) > 0) != c.hits {
			t.Errorf("--under %v: %v; want hits %v", c.under, names(res.Hits), c.hits)
		}
	}
}

func TestInputErrors(t *testing.T) {
	ix := buildIndex(t)
	for _, c := range []struct {
		q    Query
		want []string // in the message
	}{
		{Query{Text: "+"}, []string{`"+"`}},
		{Query{Text: "- … !"}, []string{"no word"}},
		{Query{Text: "thuế", Kind: "xyz"}, []string{`"xyz"`, "resolution", "directive"}},
		{Query{Text: "kind:xyz thuế"}, []string{`"xyz"`, "resolution"}},
		{Query{Text: "thuế", From: "2020-13"}, []string{`"2020-13"`, "YYYY-MM-DD"}},
		{Query{Text: "thuế", To: "31/02/x"}, []string{`"31/02/x"`}},
		{Query{Text: "foo:bar thuế"}, []string{`"foo"`, "title", "kind"}},
	} {
		_, err := Search(context.Background(), ix, c.q)
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%+v) error = %v; want ErrBadQuery", c.q, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Search(%+v) error = %q; want it to name %s", c.q, err, w)
			}
		}
	}
	// Not fields: a number with a colon, a URL.
	for _, text := range []string{"05-CT/TW: về", "https://example.vn"} {
		if _, err := Search(context.Background(), ix, Query{Text: text}); err != nil {
			t.Errorf("Search(%q): %v; want no error", text, err)
		}
	}
}

func TestNumberLookup(t *testing.T) {
	ix := buildIndex(t)
	ctx := context.Background()
	// Held: the document first, nothing said.
	res, err := Search(ctx, ix, Query{Text: "15/2020/NQ-HĐND"})
	if err != nil {
		t.Fatal(err)
	}
	if res.NumberMissing != "" || len(res.Hits) == 0 || hitName(res.Hits[0]) != "nq-hdnd-giaoduc" {
		t.Errorf("15/2020/NQ-HĐND: missing %q, hits %v; want nq-hdnd-giaoduc first", res.NumberMissing, names(res.Hits))
	}
	// Not held, cited: said, the citing documents only.
	res, err = Search(ctx, ix, Query{Text: "10-NQ/TU"})
	if err != nil {
		t.Fatal(err)
	}
	if res.NumberMissing != "10-NQ/TU" || !res.CitedBy || fmt.Sprint(names(res.Hits)) != "[tin-dangvien]" {
		t.Errorf("10-NQ/TU: missing %q, cited %v, hits %v; want missing, cited by tin-dangvien", res.NumberMissing, res.CitedBy, names(res.Hits))
	}
	// Not held, nothing cites it: said, no hit, close numbers suggested.
	res, err = Search(ctx, ix, Query{Text: "15/2021/NQ-HĐND"})
	if err != nil {
		t.Fatal(err)
	}
	if res.NumberMissing != "15/2021/NQ-HĐND" || res.CitedBy || len(res.Hits) != 0 {
		t.Errorf("15/2021/NQ-HĐND: missing %q, cited %v, hits %v; want missing, no hit", res.NumberMissing, res.CitedBy, names(res.Hits))
	}
	if len(res.Similar) == 0 || res.Similar[0] != "15/2020/NQ-HĐND" {
		t.Errorf("15/2021/NQ-HĐND: similar %v; want 15/2020/NQ-HĐND first", res.Similar)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "abc", 0}, {"02-nq/duk", "05-nq/du", 2}, {"đảng", "dang", 2}, {"", "ab", 2}} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", c.a, c.b, got, c.want)
		}
	}
}
