package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Nghị quyết", "Nghị quyết"},
		{"Nghi\u0323 quyê\u0301t", "Nghị quyết"},              // NFD → NFC
		{"a\r\nb\rc\n", "a\nb\nc"},                            // CRLF, CR, trailing LF
		{"a\t\tb   c", "a b c"},                               // tabs, runs
		{"  lead and trail  \nnext ", "lead and trail\nnext"}, // line ends
		{"a\n\n\n\n b", "a\n\nb"},                             // blank lines
		{"\n\n\nstart", "start"},                              // leading blank lines
		{"Điều\u00A01", "Điều 1"},                             // NBSP
		{"50\u202F%", "50 %"},                                 // narrow NBSP
		{"Nghị\u200B quyết\uFEFF", "Nghị quyết"},              // zero width
		{"\uFEFFBOM", "BOM"},                                  // BOM
		{"kinh\u00ADtế", "kinhtế"},                            // soft hyphen
		{"a\u2060b\u200Cc\u200Dd", "abcd"},                    // joiners
		{"page 1  \f  page 2", "page 1\fpage 2"},              // page break kept
		{"p1\n\f\np2", "p1\n\f\np2"},                          // page break on its own line
		{"x\x00y\x1bz", "xyz"},                                // controls
		{"a\u2028b\u2029c", "a\nb\nc"},                        // line/paragraph separators
		{"a\u2003b\u3000c", "a b c"},                          // em space, ideographic space
		{"ca\u200B\u0301", "cá"},                              // mark reattached after removal
		{"bad\xffbyte", "bad\uFFFDbyte"},                      // invalid UTF-8
		{"Số: 12/2024/NĐ-CP\n", "Số: 12/2024/NĐ-CP"},
	}
	for _, tt := range tests {
		got := Clean(tt.in)
		if got != tt.want {
			t.Errorf("Clean(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if again := Clean(got); again != got {
			t.Errorf("Clean(Clean(%q)) = %q; want %q (idempotent)", tt.in, again, got)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hoà", "hòa"},
		{"hòa", "hòa"},
		{"CỘNG HOÀ", "CỘNG HÒA"},
		{"khoẻ", "khỏe"},
		{"thuỷ", "thủy"},
		{"Uỷ ban", "Ủy ban"},
		{"luỹ kế", "lũy kế"},
		{"văn hoá", "văn hóa"},
		{"hoàn thành", "hoàn thành"},   // coda: unchanged
		{"kế hoạch", "kế hoạch"},       // coda
		{"huỳnh", "huỳnh"},             // coda
		{"ngoài", "ngoài"},             // triphthong
		{"khuỷu", "khuỷu"},             // triphthong
		{"đọan", "đoạn"},               // misplaced mark mended
		{"họat động", "hoạt động"},     // misplaced mark mended
		{"thuở", "thuở"},               // marked vowel
		{"người", "người"},             // ươ
		{"quý", "quý"},                 // qu onset
		{"giữ", "giữ"},                 // gi onset
		{"mía lúa dừa", "mía lúa dừa"}, // ia ua ưa
		{"“Nghị quyết” – ‘số’ — 5−3", `"Nghị quyết" - 'số' - 5-3`},
		{"«trích»", `"trích"`},
		{"Hoà  Bình\r\n", "Hòa Bình"},
		{"HOÀ", "HÒA"},
		{"hoà-bình", "hòa-bình"},
		{"Café hoà", "Café hòa"},             // non-Vietnamese word untouched
		{"thu\u0309y", "thủy"},               // NFD input
		{"Trần Ðức Lương", "Trần Đức Lương"}, // eth for Đ
		{"ðoàn", "đoàn"},
		{"Ðð Ðx", "Ðð Ðx"}, // not Vietnamese words: kept
	}
	for _, tt := range tests {
		got := Normalize(tt.in)
		if got != tt.want {
			t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if again := Normalize(got); again != got {
			t.Errorf("Normalize(Normalize(%q)) = %q; want %q (idempotent)", tt.in, again, got)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nghị quyết", "nghi quyet"},
		{"NGHỊ QUYẾT", "nghi quyet"},
		{"nghi quyet", "nghi quyet"},
		{norm.NFD.String("nghị quyết"), "nghi quyet"},
		{"Đảng", "dang"},
		{"ĐẢNG CỘNG SẢN", "dang cong san"},
		{"hoà", "hoa"},
		{"hòa", "hoa"},
		{"kỹ thuật", "ki thuat"},
		{"kĩ thuật", "ki thuat"},
		{"lý luận", "li luan"},
		{"lí luận", "li luan"},
		{"Mỹ", "mi"},
		{"tỷ lệ", "ti le"},
		{"tỉ lệ", "ti le"},
		{"sỹ quan", "si quan"},
		{"hy vọng", "hi vong"},
		{"quy định", "qui dinh"},
		{"qui định", "qui dinh"},
		{"quý", "qui"},
		{"y tế", "y te"},         // y alone stays
		{"ý kiến", "y kien"},     // y alone stays
		{"huy động", "huy dong"}, // uy stays
		{"tay", "tay"},           // ay stays
		{"yêu", "yeu"},           // yê stays
		{"quyết", "quyet"},       // uyê stays
		{"quỳnh", "quynh"},       // y + coda stays
		{"thủy", "thuy"},
		{"ưu tiên", "uu tien"},
		{"Ơn", "on"},
		{"ăn", "an"},
		{"Hà Nội, 5/2024", "ha noi, 5/2024"},
		{"tyre", "tyre"}, // y inside a longer word
		{"ky2", "ky2"},   // not a word of its own
		{"Straße", "straße"},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%q)) = %q; want %q (idempotent)", tt.in, again, got)
		}
		if tok := string(FoldToken([]byte(tt.in))); tok != tt.want {
			t.Errorf("FoldToken(%q) = %q; want %q", tt.in, tok, tt.want)
		}
	}
}

// TestFoldMeets checks that every spelling of a phrase meets the same key.
func TestFoldMeets(t *testing.T) {
	groups := [][]string{
		{"Nghị quyết", "nghi quyet", "NGHỊ QUYẾT", "nghị quyết", norm.NFD.String("nghị quyết"), "Nghi\u0323 quyê\u0301t"},
		{"hoà", "hòa", "HOÀ", "HÒA", "hoa"},
		{"kỹ", "kĩ", "KỸ", "ki"},
		{"thuỷ lợi", "thủy lợi", "THUỶ LỢI"},
		{"uỷ ban", "ủy ban", "Ủy ban", "UỶ BAN"},
		{"quy chế", "qui chế", "QUY CHẾ"},
	}
	for _, g := range groups {
		want := Fold(g[0])
		for _, s := range g[1:] {
			if got := Fold(s); got != want {
				t.Errorf("Fold(%q) = %q; want %q (as Fold(%q))", s, got, want, g[0])
			}
		}
	}
}

func TestFoldTokenNoAlias(t *testing.T) {
	in := []byte("Việt")
	orig := string(in)
	_ = FoldToken(in)
	if string(in) != orig {
		t.Errorf("FoldToken modified its input: %q; want %q", in, orig)
	}
	in = []byte("hy")
	out := FoldToken(in)
	if string(in) != "hy" || string(out) != "hi" {
		t.Errorf("FoldToken(%q) = %q (input now %q); want \"hi\", input unchanged", "hy", out, in)
	}
}

func TestValidSyllable(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"nghị", true}, {"quyết", true}, {"Đảng", true}, {"người", true},
		{"nghiêng", true}, {"khuỷu", true}, {"ngoài", true}, {"xoong", true},
		{"hòa", true}, {"hoà", true}, {"thủy", true}, {"thuỷ", true},
		{"gì", true}, {"gìn", true}, {"giữ", true}, {"giường", true},
		{"quốc", true}, {"quý", true}, {"quỳnh", true}, {"khuya", true},
		{"chuyện", true}, {"yêu", true}, {"yến", true}, {"ý", true},
		{"oanh", true}, {"huých", true}, {"ếch", true}, {"ánh", true},
		{"hoặc", true}, {"xuân", true}, {"thuở", true}, {"muối", true},
		{"VIỆT", true}, {"NAM", true}, {"a", true}, {"ở", true},
		{"tiến", true}, {"bước", true}, {"rượu", true}, {"gửi", true},
		{"nghi\u0323", true}, // NFD
		// invalid
		{"", false},
		{"Quy®Þnh", false},     // mojibake
		{"cña", false},         // ñ is not Vietnamese
		{"tr\u00adëng", false}, // soft hyphen, ë
		{"Vieät", false},       // VNI as cp1252
		{"Cáº¥p", false},       // UTF-8 as cp1252
		{"hàt", false},         // stop coda with huyền
		{"mảc", false},         // stop coda with hỏi
		{"tiên", true},
		{"tiê", false}, // iê needs a coda
		{"ăn", true},
		{"ă", false},  // ă needs a coda
		{"ka", false}, // k before a
		{"ghe", true},
		{"gha", false}, // gh before a
		{"nghe", true},
		{"nga", true},
		{"nge", false},      // ng before e
		{"ce", false},       // c before e
		{"film", false},     // f
		{"the", true},       // th + e
		{"strength", false}, // no such cluster
		{"xyz", false},
		{"hóà", false}, // two tones
		{"qúa", false}, // tone on the u of qu
		{"uch", false}, // ch after u
		{"inh", true},
		{"ing", false},
		{"aaa", false},
		{"12", false},
	}
	for _, tt := range tests {
		if got := ValidSyllable(tt.in); got != tt.want {
			t.Errorf("ValidSyllable(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "a\r\n\r\n\r\nb", "x\u00A0\u200B\f  y", "ca\u0301", "\xff\xfe", "  \n\f\n "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Clean(%q) = %q: invalid UTF-8", s, got)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Fatalf("Clean(%q) = %q: not NFC", s, got)
		}
		if again := Clean(got); again != got {
			t.Fatalf("Clean not idempotent on %q: %q then %q", s, got, again)
		}
		if strings.Contains(got, "\n\n\n") || strings.Contains(got, "  ") {
			t.Fatalf("Clean(%q) = %q: blank-line or space run left", s, got)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"hoà", "Uỷ ban “x” – y", "đọan", "q\u0301ua", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, got)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize not idempotent on %q: %q then %q", s, got, again)
		}
		if Fold(got) != Fold(Clean(s)) && !strings.ContainsAny(s, "“”„‟«»″‶‘’‚‛′‵‹›‐‑‒–—―−﹘﹣－") {
			t.Fatalf("Normalize(%q) = %q changed the search key: %q vs %q", s, got, Fold(got), Fold(Clean(s)))
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Nghị quyết", "KỸ", "quy", "y", "\xff", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, got, again)
		}
	})
}

func FuzzValidSyllable(f *testing.F) {
	for _, s := range []string{"nghiêng", "gìn", "qu", "gi", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = ValidSyllable(s)
	})
}
