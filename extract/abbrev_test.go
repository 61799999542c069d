package extract

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestInlineAbbreviations(t *testing.T) {
	tests := []struct {
		in   string
		want []Abbreviation
	}{
		{"kết quả của các tổ chức cơ sở đảng (TCCSĐ) và", []Abbreviation{{"TCCSĐ", "tổ chức cơ sở đảng", "inline"}}},
		{"Đảng bộ Khối cơ quan Dân chính Đảng thành phố (KCQ DCĐ) mang đặc thù", []Abbreviation{{"KCQ DCĐ", "Khối cơ quan Dân chính Đảng", "inline"}}},
		{"cổng thông tin của Công an TP.HCM (CATP), mục", []Abbreviation{{"CATP", "Công an TP.HCM", "inline"}}},
		{"Bộ Kế hoạch và Đầu tư (BKHĐT) chủ trì", []Abbreviation{{"BKHĐT", "Bộ Kế hoạch và Đầu tư", "inline"}}},
		{"năm 2020. Chỉ số hiệu suất cạnh tranh công nghiệp (CIP) nằm trong nhóm", []Abbreviation{{"CIP", "Chỉ số hiệu suất cạnh tranh công nghiệp", "inline"}}},
		{"tại Đại hội của Ngân hàng TMCP Phương Đông (OCB), ông", []Abbreviation{{"OCB", "Ngân hàng TMCP Phương Đông", "inline"}}},
		{"gồm Tập đoàn Dầu khí Việt Nam (PVN), và Ngân hàng Đầu tư và Phát triển Việt Nam (BIDV)", []Abbreviation{
			{"PVN", "Tập đoàn Dầu khí Việt Nam", "inline"}, {"BIDV", "Ngân hàng Đầu tư và Phát triển Việt Nam", "inline"}}},
		{"Quy mô tổng sản phẩm trong nước (GDP) năm nay", []Abbreviation{{"GDP", "tổng sản phẩm trong nước", "inline"}}},
		{"nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức (CBCCVC) của xã", []Abbreviation{{"CBCCVC", "cán bộ, công chức, viên chức", "inline"}}},
		{"kim ngạch xuất khẩu đạt khoảng 12 tỷ đô la Mỹ (USD) trong năm", []Abbreviation{{"USD", "đô la Mỹ", "inline"}}},
		{"Đội chỉ huy giao thông (PC67) cho biết", []Abbreviation{}},
		{"Đại hội Đảng bộ lần thứ (XI) và more(HDDTVN)", []Abbreviation{}},
		{"tỷ lệ (%) và (Đã ký)", []Abbreviation{}},
	}
	for _, tt := range tests {
		got := InlineAbbreviations(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("InlineAbbreviations(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestFindAbbreviationsBuiltin(t *testing.T) {
	text := "UBND TP.HCM và HĐND họp; Nghị quyết số 12/2020/NQ-HĐND; chữ UBNDX không tính; CT và TT thì mơ hồ."
	got := FindAbbreviations(text)
	want := []Abbreviation{
		{"UBND", "Ủy ban nhân dân", "builtin"},
		{"TP.HCM", "Thành phố Hồ Chí Minh", "builtin"},
		{"HĐND", "Hội đồng nhân dân", "builtin"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindAbbreviations(%q) = %v; want %v", text, got, want)
	}
	// An inline definition wins over the glossary.
	got = FindAbbreviations("Ban Dân nguyện (DN) và DN lớn")
	want = []Abbreviation{{"DN", "Dân nguyện", "inline"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindAbbreviations(inline DN) = %v; want %v", got, want)
	}
}

func TestGlossary(t *testing.T) {
	g := Glossary()
	if len(g) < 80 {
		t.Fatalf("Glossary() has %d entries; want the domain.md §3 table (80+)", len(g))
	}
	seen := map[string]bool{}
	for _, a := range g {
		if a.Short == "" || a.Long == "" || a.Source != "builtin" {
			t.Errorf("Glossary() entry %+v: want short, long and source builtin", a)
		}
		if seen[a.Short] {
			t.Errorf("Glossary() repeats %q", a.Short)
		}
		seen[a.Short] = true
	}
	for _, s := range []string{"TCCSĐ", "HĐND", "UBND", "KT-XH", "CNH"} {
		if !seen[s] {
			t.Errorf("Glossary() lacks %q", s)
		}
	}
	g[0].Long = "changed"
	if Glossary()[0].Long == "changed" {
		t.Error("Glossary() returns shared storage; want a copy")
	}
}

func TestExpand(t *testing.T) {
	abbrs := []Abbreviation{
		{"TCCSĐ", "tổ chức cơ sở đảng", "inline"},
		{"TCĐ", "tổ chức đảng", "builtin"},
		{"KCQ DCĐ", "Khối cơ quan Dân chính Đảng", "inline"},
		{"KCQ", "khối cơ quan", "builtin"},
	}
	tests := []struct {
		in, want string
	}{
		{"TCCSĐ", "tổ chức cơ sở đảng"},
		{"90% TCCSĐ trực thuộc", "90% tổ chức cơ sở đảng trực thuộc"},
		{"Đảng bộ KCQ DCĐ", "Đảng bộ Khối cơ quan Dân chính Đảng"},
		{"TCCSĐX", ""},
		{"đảng viên", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Expand(tt.in, abbrs); got != tt.want {
			t.Errorf("Expand(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzInlineAbbreviations(f *testing.F) {
	f.Add("các tổ chức cơ sở đảng (TCCSĐ) và Công an TP.HCM (CATP)")
	f.Add("( A) (AB) x (ĐĐ) (KCQ DCĐ)")
	f.Fuzz(func(t *testing.T, text string) {
		for _, a := range FindAbbreviations(text) {
			if a.Short == "" || a.Long == "" {
				t.Errorf("FindAbbreviations(%q): empty entry %+v", text, a)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(a.Short) || !utf8.ValidString(a.Long)) {
				t.Errorf("FindAbbreviations(%q): invalid UTF-8 in %+v", text, a)
			}
		}
		_ = Expand(text, Glossary())
	})
}
