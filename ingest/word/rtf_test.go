package word

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"

	"vanban/ingest/vntext"
	"vanban/internal/testshared"
)

func init() {
	// Other test files of the package may define -update too.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// updateGolden reports whether -update was given.
func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func tokString(t rtfToken) string {
	switch t.kind {
	case rtfOpen:
		return "{"
	case rtfClose:
		return "}"
	case rtfWord:
		if t.hasParam {
			return fmt.Sprintf(`\%s%d`, t.word, t.param)
		}
		return `\` + t.word
	case rtfSymbol:
		return `\` + t.word + "(sym)"
	case rtfHex:
		return fmt.Sprintf("x%02x", t.b)
	case rtfText:
		return fmt.Sprintf("%q", t.text)
	case rtfBin:
		return fmt.Sprintf("bin%q", t.text)
	}
	return "EOF"
}

func TestRTFLexer(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`{\rtf1 Hi}`, `{ \rtf1 "Hi" }`},
		{`\b0\i-5 x`, `\b0 \i-5 "x"`},
		{`\par\pard`, `\par \pard`},
		{"a\r\nb", `"a" "b"`},
		{`\'e9\'AB\'zz`, `xe9 xab \'(sym) "zz"`},
		{`\{\}\\`, `\{(sym) \}(sym) \\(sym)`},
		{`\~\-\_\*`, `\~(sym) \-(sym) \_(sym) \*(sym)`},
		{"\\\npar", `\par "par"`},
		{`\u7871?`, `\u7871 "?"`},
		{`\u-3913 x`, `\u-3913 "x"`},
		{`\bin3 a{}b`, `bin"a{}" "b"`},
		{`\bin99 ab`, `bin"ab"`},
		{`\bin-4 ab`, `bin"" "ab"`},
		{`\f12345678901234 x`, `\f1234567890 "x"`},
		{`\`, ``},
		{`\'`, `\'(sym)`},
		{`\'4`, `\'(sym) "4"`},
		{"\\-x", `\-(sym) "x"`},
		{`\abc-x`, `\abc "-x"`},
	}
	for _, tt := range tests {
		l := rtfLexer{data: []byte(tt.in)}
		var got []string
		for i := 0; i < 100; i++ {
			tok := l.next()
			if tok.kind == rtfEOF {
				break
			}
			got = append(got, tokString(tok))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("lex(%q) = %s; want %s", tt.in, g, tt.want)
		}
	}
}

// rtfFonts is a font table for the tests: f0 Arial, f1 .VnTime (TCVN3),
// f2 .VnTimeH (TCVN3 capitals), f3 VNI-Times, f4 Symbol, f5 cp1258.
const rtfFonts = `{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fcharset0{\*\panose 020b7200000000000000}.VnTime;}` +
	`{\f2\fcharset0 .VnTimeH;}{\f3\fcharset0 VNI-Times;}{\f4\fcharset2 Symbol;}{\f5\fcharset163 Times New Roman;}}`

func TestParseRTFText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", `{\rtf1 Hello\par World}`, "Hello\nWorld"},
		{"line and tab", `{\rtf1 a\line b\tab c}`, "a\nb\tc"},
		{"escaped braces", `{\rtf1 \{x\}\\}`, `{x}\`},
		{"skipped tables", `{\rtf1{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}Body}`, "Body"},
		{"ignorable destination", `{\rtf1{\*\generator Msftedit;}{\*\unknownthing text}Body}`, "Body"},
		{"pict and bin", `{\rtf1 a{\pict\wmetafile8 0102ff}b{\pict\bin2 {}}c}`, "abc"},
		{"header and footer", `{\rtf1{\header hdr\par}{\footerf ftr}Body}`, "Body"},
		{"field result kept", `{\rtf1 Page {\field{\*\fldinst { PAGE }}{\fldrslt {3}}} end}`, "Page 3 end"},
		{"field without star", `{\rtf1 {\field{\fldinst HYPERLINK "x"}{\fldrslt link}}}`, "link"},
		{"unicode uc1", `{\rtf1 a\u7871?b}`, "aếb"},
		{"unicode uc2", `{\rtf1\uc2 \u7871\'3f\'3fb}`, "ếb"},
		{"unicode uc0", `{\rtf1\uc0 \u7871 b}`, "ếb"},
		{"unicode negative", `{\rtf1 \u-1?}`, "\uffff"},
		{"unicode skip ends at group", `{\rtf1 {\uc3 \u7871?}x}`, "ếx"},
		{"surrogate pair", `{\rtf1 \u-10179?\u-8704?}`, "😀"},
		{"lone low surrogate", `{\rtf1 \u-8704?}`, "\ufffd"},
		{"hidden text", `{\rtf1 a{\v hidden}b\v x\v0 c}`, "abc"},
		{"table", `{\rtf1\trowd\cellx1\cellx2 a\cell b\cell\row c\cell d\cell\row}`, "a | b\nc | d\n"},
		{"footnote after body", `{\rtf1 Body{\footnote Note}.\par}`, "Body.\nNote"},
		{"specials", `{\rtf1 \emdash\endash\lquote\rquote\ldblquote\rdblquote\bullet}`, "—–‘’“”•"},
		{"nbsp and hyphens", `{\rtf1 a\~b\-c\_d}`, "a\u00a0bc-d"},
		{"object result", `{\rtf1 {\object{\*\objclass Excel}{\objdata 0101}{\result shown}}}`, "shown"},
		{"object without result", `{\rtf1 x{\object{\*\objclass Excel}{\objdata 0101}}y}`, "xy"},
		{"shape text", `{\rtf1 {\shp{\*\shpinst{\sp{\sn x}{\sv 1}}{\shptxt box}}{\shprslt dup}}}`, "box"},
		{"tcvn3 font", `{\rtf1` + rtfFonts + `\f1 Vi\'d6t Nam}`, "Việt Nam"},
		{"tcvn3 u-with-horn is not a soft hyphen", `{\rtf1` + rtfFonts + `\f1 n\'ad\'edc}`, "nước"},
		{"tcvn3 capital font typed in capitals", `{\rtf1` + rtfFonts + `\f2 VI\'d6T NAM}`, "VIỆT NAM"},
		{"tcvn3 capital font typed in lowercase", `{\rtf1` + rtfFonts + `\f2 c\'e9ng ho\'b5}`, "cộng hoà"},
		{"tcvn3 cp1252 punctuation", `{\rtf1` + rtfFonts + `\f1 v\'b5\'85 \'93a\'94}`, "và… “a”"},
		{"vni font", `{\rtf1` + rtfFonts + `\f3 Vie\'e4t Nam}`, "Việt Nam"},
		{"cp1258 font", `{\rtf1` + rtfFonts + `\f5 Vi\'f2\'eat}`, "V\u1ecbêt"},
		{"symbol bullet", `{\rtf1` + rtfFonts + `{\f4 \'b7}\f0  item}`, "• item"},
		{"symbol unicode", `{\rtf1` + rtfFonts + `{\f4 \u-3913?}}`, "•"},
		{"fonts switch inside a word", `{\rtf1` + rtfFonts + `\f1 Vi{\f1 \'d6}t}`, "Việt"},
		{"plain resets font", `{\rtf1\deff5` + rtfFonts + `\f1 \'b5\plain \'e9}`, "àé"},
	}
	for _, tt := range tests {
		d, err := parseRTF([]byte(tt.in))
		if err != nil {
			t.Errorf("%s: parseRTF(%q) error: %v", tt.name, tt.in, err)
			continue
		}
		if d.text != tt.want {
			t.Errorf("%s: parseRTF(%q) = %q; want %q", tt.name, tt.in, d.text, tt.want)
		}
	}
}

func TestParseRTFInfo(t *testing.T) {
	in := `{\rtf1\deff1` + rtfFonts + `{\info{\title Ngh\'de \'ae\'denh}{\author Vi\'d6t}{\operator Op}` +
		`{\*\company ISA}{\creatim\yr2002\mo7\dy5\hr11\min3}{\revtim\yr2002\mo7\dy6}{\nofpages5}}Body}`
	d, err := parseRTF([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.title != "Nghị định" {
		t.Errorf("title = %q; want %q", d.title, "Nghị định")
	}
	if d.published != "2002-07-05T11:03" {
		t.Errorf("published = %q; want %q", d.published, "2002-07-05T11:03")
	}
	want := map[string]string{"author": "Việt", "last_author": "Op", "company": "ISA", "modified": "2002-07-06"}
	for k, v := range want {
		if d.meta[k] != v {
			t.Errorf("meta[%q] = %q; want %q", k, d.meta[k], v)
		}
	}
	if d.text != "Body" {
		t.Errorf("text = %q; want %q", d.text, "Body")
	}
	if d.encoding != "" {
		t.Errorf("encoding = %q; want \"\" for an ASCII body", d.encoding)
	}
}

func TestParseRTFErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"not rtf", "hello"},
		{"empty", ""},
		{"too deep", `{\rtf1 ` + strings.Repeat("{", rtfMaxDepth+1)},
	}
	for _, tt := range tests {
		if _, err := parseRTF([]byte(tt.in)); err == nil {
			t.Errorf("%s: parseRTF(%.20q) = nil error; want an error", tt.name, tt.in)
		}
	}
	// Unbalanced and truncated files still give their text.
	for _, in := range []string{`{\rtf1 a}}}b`, `{\rtf1 {{a`, `{\rtf1 a\`, `{\rtf1 a\'e`} {
		d, err := parseRTF([]byte(in))
		if err != nil || !strings.HasPrefix(d.text, "a") {
			t.Errorf("parseRTF(%q) = %q, %v; want text starting with a", in, d.text, err)
		}
	}
}

func TestFontEncoding(t *testing.T) {
	tests := []struct {
		name    string
		charset int
		want    string
		upper   bool
	}{
		{".VnTime", 0, encTCVN3, false},
		{".VnTimeH", 0, encTCVN3, true},
		{".VnTimeH Tur", 162, encTCVN3, true},
		{".VnArial NarrowH", 0, encTCVN3, true},
		{".VnArial Narrow", 0, encTCVN3, false},
		{".vnCentury Schoolbook", 0, encTCVN3, false},
		{"VNI-Times", 0, encVNI, false},
		{"VNI-Helve-Condense", 0, encVNI, false},
		{"VPS Times", 0, encVPS, false},
		{"VI Times", 0, encVISCII, false},
		{"Times New Roman", 163, encCP1258, false},
		{"Times New Roman", 0, "", false},
		{"Times New Roman CE", 238, "cp1250", false},
		{"Times New Roman Cyr", 204, "cp1251", false},
		{"Symbol", 2, encSymbol, false},
		{"Wingdings", 2, encSymbol, false},
		{"Wingdings", -1, encSymbol, false},
		{"Arial", -1, "", false},
		{"", 0, "", false},
		// names that say their encoding
		{"VNSTCVN3", 0, encTCVN3, false},
		{"TCVN3 Times", 0, encTCVN3, false},
		{"VNSVNI2", 0, encVNI, false},
		{"VNItimes", 0, encVNI, false},
		{"VNI Times", 0, encVNI, false},
		// TCVN3 packs without the dot, with a parenthesised tag
		{"VnTimeH(Ds)", 0, encTCVN3, true},
		{"VnArialH(Ds)", 0, encTCVN3, true},
		{"VnSouthern(Ds)", 0, encTCVN3, false},
		{"VnTime", 0, encTCVN3, false},
		{".VnTime (Vietnamese)", 0, encTCVN3, false},
		// Unicode families say nothing
		{"SVNtimes new roman", 0, "", false},
		{"SVN-Arial", 0, "", false},
		{"Univers", 0, "", false},
		{"Verdana", 0, "", false},
		{"Arial (W1)", 0, "", false},
	}
	for _, tt := range tests {
		got := fontRunEnc(tt.name, tt.charset)
		if got.name != tt.want || got.upper != tt.upper {
			t.Errorf("fontRunEnc(%q, %d) = %+v; want {%s %v}", tt.name, tt.charset, got, tt.want, tt.upper)
		}
	}
}

func TestCodepageEncoding(t *testing.T) {
	tests := []struct {
		cp   int
		want string
	}{{1258, encCP1258}, {1252, ""}, {1251, "cp1251"}, {874, "cp874"}, {0, ""}, {65001, ""}}
	for _, tt := range tests {
		if got := codepageEncoding(tt.cp); got != tt.want {
			t.Errorf("codepageEncoding(%d) = %q; want %q", tt.cp, got, tt.want)
		}
	}
}

func TestDecodeLegacy(t *testing.T) {
	tests := []struct {
		in   string
		enc  string
		want string
	}{
		{"Vi\xd6t Nam", encTCVN3, "Việt Nam"},
		{"\xa7i\xd2u", encTCVN3, "Điều"},
		{"\x85\x96\x97", encTCVN3, "…–—"},
		{"Vie\xe4t", encVNI, "Việt"},
		{"ASCII", encVNI, "ASCII"},
		{"caf\xe9", encCP1252, "café"},
		{"\xb7x\xfc", encSymbol, "•✓"},
		{"\xe0\xe1", "cp1251", "аб"},
		{"", encTCVN3, ""},
	}
	for _, tt := range tests {
		got := decodeLegacy([]byte(tt.in), tt.enc)
		if got != tt.want {
			t.Errorf("decodeLegacy(%q, %q) = %q; want %q", tt.in, tt.enc, got, tt.want)
		}
		if !utf8.ValidString(got) {
			t.Errorf("decodeLegacy(%q, %q) = %q: invalid UTF-8", tt.in, tt.enc, got)
		}
	}
}

// seg is one run for TestLegacyBuilder: bytes in a font, or Unicode text.
type seg struct {
	enc   string
	upper bool
	text  string
	uni   bool
}

func TestLegacyBuilder(t *testing.T) {
	tests := []struct {
		name     string
		segs     []seg
		want     string
		encoding string
	}{
		{"tcvn3 run", []seg{{enc: encTCVN3, text: "Vi\xd6t"}}, "Việt", encTCVN3},
		{"unknown font detected as tcvn3",
			[]seg{{text: "Ngh\xde \xae\xdenh c\xf1a Ch\xddnh ph\xf1 v\xd2 vi\xd6c"}}, "Nghị định của Chính phủ về việc", encTCVN3},
		{"unknown font detected as vni",
			[]seg{{text: "Quy\xf8eát \xf1\xf6\xf4\xefc ban ha\xf8nh ve\xe0 vie\xe4c"}}, "", encVNI},
		{"mixed paragraphs",
			[]seg{{text: "Ngh\xde \xae\xdenh c\xf1a Ch\xddnh ph\xf1 v\xd2 vi\xd6c"}, {uni: true, text: "\n"},
				{text: "Vie\xe4t Nam cu\xfba chu\xf9ng ta\xf8"}}, "Nghị định của Chính phủ về việc\nViệt Nam của chúng tà", ""},
		{"unicode untouched", []seg{{uni: true, text: "Điều 1."}}, "Điều 1.", ""},
		{"maybe-unicode stays", []seg{{enc: encMaybe, text: "caf\xe9 cr\xe8me"}}, "café crème", ""},
		{"maybe-unicode is tcvn3",
			[]seg{{enc: encMaybe, text: "Ngh\xde \xae\xdenh c\xf1a Ch\xddnh ph\xf1 v\xd2 vi\xd6c"}}, "Nghị định của Chính phủ về việc", encTCVN3},
		{"capitals in normal font", []seg{{enc: encTCVN3, text: "QUY\xd5T \xa7\xdeNH"}}, "QUYẾT ĐỊNH", encTCVN3},
		{"title case in normal font", []seg{{enc: encTCVN3, text: "B\xe9 t\xb5i ch\xddnh"}}, "Bộ tài chính", encTCVN3},
		{"short title-case line kept", []seg{{enc: encTCVN3, text: "H\xb5 N\xe9i"}}, "Hà Nội", encTCVN3},
		{"capital font, capitals typed", []seg{{enc: encTCVN3, upper: true, text: "B\xe9 T\xb5I CH\xddNH"}}, "BỘ TÀI CHÍNH", encTCVN3},
		{"capital font, lowercase typed", []seg{{enc: encTCVN3, upper: true, text: "c\xe9ng ho\xb5"}}, "cộng hoà", encTCVN3},
	}
	for _, tt := range tests {
		var lb legacyBuilder
		for _, s := range tt.segs {
			if s.uni {
				lb.addString(s.text)
				continue
			}
			for i := 0; i < len(s.text); i++ {
				lb.addByte(runEnc{name: s.enc, upper: s.upper}, s.text[i])
			}
		}
		got, enc := lb.text("")
		if tt.want != "" && got != tt.want {
			t.Errorf("%s: text = %q; want %q", tt.name, got, tt.want)
		}
		if tt.encoding != "" && enc != tt.encoding {
			t.Errorf("%s: encoding = %q; want %q", tt.name, enc, tt.encoding)
		}
		if !utf8.ValidString(got) {
			t.Errorf("%s: invalid UTF-8 %q", tt.name, got)
		}
	}
}

func TestIsoTime(t *testing.T) {
	tests := []struct {
		y, mo, d, h, mi int
		want            string
	}{
		{2002, 7, 5, 11, 3, "2002-07-05T11:03"},
		{2002, 7, 5, 0, 0, "2002-07-05"},
		{2002, 13, 5, 0, 0, ""},
		{0, 0, 0, 0, 0, ""},
		{2002, 7, 5, 25, 0, "2002-07-05"},
	}
	for _, tt := range tests {
		if got := isoTime(tt.y, tt.mo, tt.d, tt.h, tt.mi); got != tt.want {
			t.Errorf("isoTime(%d,%d,%d,%d,%d) = %q; want %q", tt.y, tt.mo, tt.d, tt.h, tt.mi, got, tt.want)
		}
	}
}

// legacyGoldenText renders what a reader found, for golden files.
func legacyGoldenText(p parsed) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "encoding: %s\ntitle: %s\npublished: %s\n", p.encoding, p.title, p.published)
	keys := make([]string, 0, len(p.meta))
	for k := range p.meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&sb, "meta %s: %s\n", k, p.meta[k])
	}
	sb.WriteString("---\n")
	sb.WriteString(strings.Join(p.pages, "\f"))
	sb.WriteString("\n")
	return sb.String()
}

// checkLegacyGolden compares got with testdata/legacy/NAME.golden, or rewrites it
// under -update.
func checkLegacyGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "legacy", name+".golden")
	if updateGolden() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s: output differs from %s:\ngot:\n%s\nwant:\n%s", name, path, got, want)
	}
}

func TestReadRTFGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "legacy", "sample.rtf"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := readRTFFile("sample.rtf", data)
	if err != nil {
		t.Fatal(err)
	}
	checkLegacyGolden(t, "sample.rtf", legacyGoldenText(p))
}

func FuzzParseRTF(f *testing.F) {
	f.Add([]byte(`{\rtf1 Hello\par World}`))
	f.Add([]byte(`{\rtf1` + rtfFonts + `\f1 Vi\'d6t{\f3 Vie\'e4t}\u7871?{\field{\*\fldinst X}{\fldrslt Y}}\cell\row}`))
	f.Add([]byte(`{\rtf1{\info{\title T}{\creatim\yr2002\mo7\dy5}}\bin5 {}{}x\uc3\u-10179\'ff}`))
	if data, err := os.ReadFile(filepath.Join("testdata", "legacy", "sample.rtf")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := readRTFFile("fuzz.rtf", data)
		if err != nil {
			if errors.Is(err, ErrCorrupt) {
				t.Fatalf("parser panicked: %v", err)
			}
			return
		}
		for _, s := range append(p.pages, p.title, p.published) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
		for k, v := range p.meta {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Fatalf("invalid UTF-8 meta: %q=%q", k, v)
			}
		}
	})
}

func TestDecodeByWord(t *testing.T) {
	tests := []struct {
		in, enc, want string
	}{
		{"Vi\xd6t Nam", encTCVN3, "Việt Nam"},
		// VNI words in a TCVN3 paragraph.
		{"m\xb9ng c\xb8c S\xd4\xdb, NGA\xd8NH", encTCVN3, "mạng các SỞ, NGÀNH"},
		{"ta\xe2m ta\xefi", encTCVN3, "tâm tại"},
		// TCVN3 words in a VNI paragraph.
		{"Vie\xe4t Nam v\xb5 c\xb8c", encVNI, "Việt Nam và các"},
		{"", encTCVN3, ""},
		{"123 ,.;", encVNI, "123 ,.;"},
	}
	for _, tt := range tests {
		if got := decodeByWord([]byte(tt.in), tt.enc); got != tt.want {
			t.Errorf("decodeByWord(%q, %s) = %q; want %q", tt.in, tt.enc, got, tt.want)
		}
	}
}

func TestInnerCapital(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"vƯi", true}, {"Việt", false}, {"VIỆT", false}, {"QUYếT", false}, {"iPhone", false}, {"aĐ", true}, {"", false}}
	for _, tt := range tests {
		if got := innerCapital(tt.in); got != tt.want {
			t.Errorf("innerCapital(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

// BenchmarkReadRTF reads the legacy corpus's RTF files (skipped without
// ../shared); b.SetBytes makes -bench report MB/s of RTF.
func BenchmarkReadRTF(b *testing.B) {
	benchLegacy(b, ".rtf", readRTFFile)
}

// TestClearlyBetterEncoding checks the per-paragraph check of text in a
// font named TCVN3 or VNI: the font's encoding stays unless another one
// reads the bytes clearly better.
func TestClearlyBetterEncoding(t *testing.T) {
	enc := func(e encoding.Encoding, s string) string {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	text := "Máy lưu điện, các thiết bị phụ trợ và phần mềm hệ thống"
	tests := []struct {
		in, def, want string
	}{
		{enc(vntext.TCVN3, text), encTCVN3, encTCVN3},                                // right font
		{enc(vntext.VNI, text), encVNI, encVNI},                                      // right font
		{enc(vntext.VNI, text), encTCVN3, encVNI},                                    // VNI text pasted in a TCVN3 font
		{enc(vntext.TCVN3, text), encVNI, encTCVN3},                                  // and the other way round
		{enc(vntext.TCVN3, text) + " " + enc(vntext.VNI, "Máy"), encTCVN3, encTCVN3}, // one pasted word does not move the paragraph
		{"\t- Truy\xden th\xabng trao \xae\xd8i th\xabng tin", encTCVN3, encTCVN3},   // damaged TCVN3 stays TCVN3
		{"Windows NT, Lotus Notes", encTCVN3, encTCVN3},                              // ASCII
	}
	for _, tt := range tests {
		if got := clearlyBetterEncoding([]byte(tt.in), tt.def); got != tt.want {
			t.Errorf("clearlyBetterEncoding(%q, %q) = %q; want %q", tt.in, tt.def, got, tt.want)
		}
	}
}

func benchLegacy(b *testing.B, ext string, read func(string, []byte) (parsed, error)) {
	legacy := testshared.Dir(b, "corpus/legacy")
	var files [][]byte
	size := 0
	for _, enc := range []string{"tcvn3", "vni"} {
		paths, _ := filepath.Glob(filepath.Join(legacy, enc, "*"+ext))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, data)
			size += len(data)
		}
	}
	if len(files) == 0 {
		b.Skipf("no %s files in the legacy corpus", ext)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			if _, err := read("bench"+ext, data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
