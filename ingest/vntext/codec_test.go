package vntext

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// sample holds every Vietnamese letter in both cases.
var sample = func() string {
	var b strings.Builder
	for _, v := range vowelBases {
		for tone := uint8(0); tone < 6; tone++ {
			b.WriteRune(composeLetter(v, tone, false))
		}
	}
	b.WriteString(" đ ")
	for _, v := range vowelBases {
		for tone := uint8(0); tone < 6; tone++ {
			b.WriteRune(composeLetter(v, tone, true))
		}
	}
	b.WriteString(" Đ")
	return b.String()
}()

func TestDecodeBytes(t *testing.T) {
	tests := []struct {
		enc  encoding.Encoding
		in   string
		want string
	}{
		{TCVN3, "Quy\xae\xdenh c\xf1a B\xe9 tr\xad\xebng", "Quyđịnh của Bộ trưởng"},
		{TCVN3, "\xa7\xb6ng c\xe9ng s\xb6n Vi\xd6t Nam", "Đảng cộng sản Việt Nam"},
		{TCVN3, "C\xe9NG HO\xb5 X\xb7 H\xe9I", "CỘNG HOÀ XÃ HỘI"},            // capital font
		{TCVN3, "QUY\xd5T \xa7\xdeNH\nV\xd2 vi\xd6c", "QUYẾT ĐỊNH\nVề việc"}, // case state resets per line
		{TCVN3, "\x93tr\xadng\x94 \x96 \x85", "“trưng” – …"},
		{TCVN3, "Tuy nhi\xean b\xe0i", "Tuy nhiờn bỔi"},                         // strict: byte for byte
		{TCVN3Mixed, "Tuy nhi\xean b\xe0i", "Tuy nhiên bài"},                    // Windows-1252 words inside TCVN3
		{TCVN3Mixed, "S\xe8 l\xad\xeeng", "Số lượng"},                           // TCVN3 words stay TCVN3
		{TCVN3, "SXTN \xae\xb7 k\xaa khai", "SXTN đã kê khai"},                  // an abbreviation does not capitalise
		{TCVN3, "UBND,S\xeb T\xb5i ch\xddnh", "UBND,Sở Tài chính"},              // the next word is lowercase: not a heading
		{TCVN3, "III/ T\xe9 ch\xf8c th\xf9c hi\xd6n", "III/ Tộ chức thực hiện"}, // nor here
		{TCVN3, "UBND T\xd8NH S\xeb T\xb5I CH\xddNH", "UBND TỈNH SỞ TÀI CHÍNH"}, // heading: the next word is capitals
		{TCVN3, "UBND T\xd8NH S\xeb", "UBND TỈNH SỞ"},                           // heading: the line ends
		{TCVN3, "UBND S\xeb\nT\xb5i", "UBND SỞ\nTài"},                           // a line end is no next word
		{VNI, "Vie\xe4t Nam", "Việt Nam"},
		{VNI, "Xin cha\xf8o ca\xf9c ba\xefn", "Xin chào các bạn"},
		{VNI, "ng\xf6\xf4\xf8i \xf1a\xfbng", "người đảng"},
		{VNI, "A\xd9 O\xc2 \xd1A\xd9NG", "Á Ô ĐÁNG"},
		{VNI, "kha\xfang \xf2 \xe6 \xf3 \xee", "khẳng ị ỉ ĩ ỵ"},
		{VNI, "\x93Vie\xe4t Nam\x94 \x96 \x85 \x91a\x92", "“Việt Nam” – … ‘a’"}, // Windows-1252 punctuation at 0x80–0x9F
		{VNI, "vie\xe2\xefc ca\xea\xf9t", "việc cắt"},                           // tone byte after a circumflex or breve byte
		{VNI, "VIE\xc2\xcfC", "VIỆC"},                                           // capitals
		{VNI, "vie\xe2", "viê"},                                                 // circumflex at the end of input
		{VNI, "c\xf4 s\xf4 \xfbba\xe8ng", "cơ sở bằng"},                         // tone byte after the space: on the vowel before
		{VNI, "05 gi\xf4)\xf8 . Ca\xf9c", "05 giờ) . Các"},                      // after a parenthesis
		{VNI, "CO\xc2 \xd9", "CỐ "},                                             // capitals
		{VNI, "ca\xf9 \xf8", "cá ø"},                                            // a toned vowel takes no second tone
		{VNI, "a b", "a b"},                                                     // no tone byte
		{VNI, "ca", "ca"},                                                       // base vowel at the end of input
		{VNI, "u\xea", "uê"},                                                    // breve after u: not a letter, kept as read
		{VISCII, "Vi\xaet Nam", "Việt Nam"},
		{VISCII, "\x02\x05\x06\x14\x19\x1e", "ẲẴẪỶỸỴ"},
		{CP1258, "Nghi\xf2 quy\xea\xect", "Nghị quyết"},
	}
	for _, tt := range tests {
		got := decodeWith(tt.enc, []byte(tt.in))
		if got != tt.want {
			t.Errorf("%v.Decode(%q) = %q; want %q", tt.enc, tt.in, got, tt.want)
		}
	}
}

// TestRoundTrip encodes every letter and decodes it back.
func TestRoundTrip(t *testing.T) {
	for _, enc := range []encoding.Encoding{VNI, VISCII, CP1258, TCVN3} {
		b, _, err := transform.Bytes(enc.NewEncoder(), []byte(sample))
		if err != nil {
			t.Fatalf("%v encode: %v", enc, err)
		}
		got := decodeWith(enc, b)
		want := sample
		if enc == TCVN3 {
			got, want = strings.ToLower(got), strings.ToLower(want)
		}
		if got != want {
			t.Errorf("%v round trip = %q; want %q", enc, got, want)
		}
	}
}

// TestStreaming decodes through a transform.Reader fed one byte at a time,
// so that every VNI pair and every TCVN3 word is split across reads.
func TestStreaming(t *testing.T) {
	text := strings.Repeat("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc\n", 50)
	for _, enc := range []encoding.Encoding{VNI, VISCII, CP1258, TCVN3, TCVN3Mixed} {
		b, _, err := transform.Bytes(enc.NewEncoder(), []byte(text))
		if err != nil {
			t.Fatalf("%v encode: %v", enc, err)
		}
		r := transform.NewReader(iotest.OneByteReader(bytes.NewReader(b)), enc.NewDecoder())
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%v stream decode: %v", enc, err)
		}
		if enc == TCVN3 || enc == TCVN3Mixed {
			got = bytes.ToLower(got)
			text = strings.ToLower(text)
		}
		if string(got) != text {
			t.Errorf("%v stream decode differs: %s", enc, firstDiff(string(got), text))
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want encoding.Encoding
	}{
		{"tcvn3", TCVN3}, {"TCVN", TCVN3}, {"ABC", TCVN3}, {"vni", VNI},
		{"VNI-Windows", VNI}, {"viscii", VISCII}, {"cp1258", CP1258},
		{"windows-1258", CP1258}, {"vps", nil}, {"", nil}, {"klingon", nil},
	}
	for _, tt := range tests {
		if got := Lookup(tt.name); got != tt.want {
			t.Errorf("Lookup(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
	for _, name := range []string{"utf-8", "UTF8", "utf-16le", "utf-16be", "utf-16", "cp1252", "latin1"} {
		if Lookup(name) == nil {
			t.Errorf("Lookup(%q) = nil; want an encoding", name)
		}
	}
	got, err := Lookup("utf-16le").NewDecoder().Bytes([]byte{0xFF, 0xFE, 'a', 0, 0xA1, 0x1E})
	if err != nil || string(got) != "aạ" {
		t.Errorf("Lookup(utf-16le) decode = %q, %v; want \"aạ\"", got, err)
	}
}

func TestDecode(t *testing.T) {
	enc := func(e encoding.Encoding, s string) string {
		b, _, err := transform.Bytes(e.NewEncoder(), []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	utf16be := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	text := "Quyết định về việc ban hành quy chế quản lý tài chính của Bộ trưởng Bộ Tài chính"
	tests := []struct {
		in, want, enc string
		warn          bool
	}{
		{"", "", "utf-8", false},
		{"plain ASCII text", "plain ASCII text", "utf-8", false},
		{text, text, "utf-8", false},
		{norm.NFD.String(text), text, "utf-8", false},
		{"\xEF\xBB\xBF" + text, text, "utf-8", false},
		{"\xFF\xFE" + enc(utf16le, text), text, "utf-16le", false},
		{"\xFE\xFF" + enc(utf16be, text), text, "utf-16be", false},
		{enc(utf16le, text), text, "utf-16le", false}, // BOM-less
		{enc(TCVN3, text), text, "tcvn3", false},
		{enc(VNI, text), text, "vni", false},
		{enc(VISCII, text), text, "viscii", false},
		{enc(CP1258, text), text, "cp1258", false},
		{text + "\xff" + text, text + "\uFFFD" + text, "utf-8", true},
		{"na\xefve caf\xe9", "naïve café", "cp1252", true}, // no Vietnamese: Western text
		{enc(TCVN3, text) + "\n" + enc(TCVN3, text) + "\n" + enc(VNI, text) + "\n", text + "\n" + text + "\n" + text + "\n", "tcvn3", true}, // mixed
	}
	for _, tt := range tests {
		got, e, warnings := Decode([]byte(tt.in))
		if got != tt.want || e != tt.enc || (len(warnings) > 0) != tt.warn {
			t.Errorf("Decode(%q) = %q, %q, %q; want %q, %q, warnings %v", tt.in, got, e, warnings, tt.want, tt.enc, tt.warn)
		}
	}
}

// TestDecodeInvalidWarning checks that the warning for damaged UTF-8 or
// UTF-16 says how many sequences were replaced and where the first is.
func TestDecodeInvalidWarning(t *testing.T) {
	text := strings.Repeat("Quyết định về việc ban hành quy chế quản lý tài chính. ", 3)
	tests := []struct {
		in   string
		want string
	}{
		{text + "\xff" + text, fmt.Sprintf("replaced 1 invalid UTF-8 sequence (first at byte %d)", len(text))},
		{text + "\x80\x80 " + text + " \xe1\xba " + text + " \xff" + text,
			fmt.Sprintf("replaced 3 invalid UTF-8 sequences (first at byte %d)", len(text))},
		{"\xEF\xBB\xBF" + text + "\xff" + text, fmt.Sprintf("replaced 1 invalid UTF-8 sequence (first at byte %d)", len(text))},
		{"\xFF\xFEa\x00\x00\xdcb\x00", "replaced 1 invalid UTF-16 sequence (first at byte 2)"},
	}
	for _, tt := range tests {
		_, _, warnings := Decode([]byte(tt.in))
		if len(warnings) != 1 || warnings[0] != tt.want {
			t.Errorf("Decode(%q) warnings = %q; want [%q]", tt.in, warnings, tt.want)
		}
	}
}

func TestRepair(t *testing.T) {
	tests := []struct{ in, want, from string }{
		{"Quy®Þnh cña Bé tr\u00adëng", "Quyđịnh của Bộ trưởng", "tcvn3"},
		{"Quy®Þnh cña Bé tr−ëng", "Quyđịnh của Bộ trưởng", "tcvn3"}, // PDF U+2212
		{"Ban ChÊp hµnh Trung \u00ad¬ng ®¶ng", "Ban Chấp hành Trung ương đảng", "tcvn3"},
		{"Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh", "tcvn3"},
		{"CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tcvn3"},
		{"§¶ng bé", "Đảng bộ", "tcvn3"},
		{"Vieät Nam", "Việt Nam", "vni"},
		{"Xin chaøo caùc baïn", "Xin chào các bạn", "vni"},
		{"Cáº¥p Tá»‰nh", "Cấp Tỉnh", "utf-8"},
		{"NghÃ¡Â»â€¹ quyÃ¡ÂºÂ¿t", "NghÃ¡Â»â€¹ quyÃ¡ÂºÂ¿t", ""}, // double mojibake: left alone
		{"line one ok\nQuy®Þnh cña Bé\nViệt Nam", "line one ok\nQuyđịnh của Bộ\nViệt Nam", "tcvn3"},
		// mojibake that reads as valid words is repaired with its run
		{"T×nh h×nh thùc hiÖn nhiÖm vô kÕ ho¹ch", "Tình hình thực hiện nhiệm vụ kế hoạch", "tcvn3"},
		// a signature block: one ® glued to a word is mojibake enough
		{"KT. Thèng ®èc\nPhã Thèng ®èc", "KT. Thống đốc\nPhó Thống đốc", "tcvn3"},
		{"- Thêi ®iÓm thõa kÕ;", "- Thời điểm thừa kế;", "tcvn3"},
		{"(®· ký)", "(đã ký)", "tcvn3"}, // symbols only, glued: no invalid word to lose
		// never touched
		{"Microsoft® Word và ® bản quyền", "Microsoft® Word và ® bản quyền", ""},
		{"rd = DF × rd,F + DD × rd,D", "rd = DF × rd,F + DD × rd,D", ""},
		{"Việt Nam và các nước", "Việt Nam và các nước", ""},
		{"Café au lait, naïve résumé, Ærø", "Café au lait, naïve résumé, Ærø", ""},
		{"Điều 5 § 2, giá 20° ± 1, © 2024", "Điều 5 § 2, giá 20° ± 1, © 2024", ""},
		{"Giá trị «đặc biệt» đạt 1½ lần", "Giá trị «đặc biệt» đạt 1½ lần", ""},
		{"plain ASCII", "plain ASCII", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		got, from := Repair(tt.in)
		if got != tt.want || from != tt.from {
			t.Errorf("Repair(%q) = %q, %q; want %q, %q", tt.in, got, from, tt.want, tt.from)
		}
	}
}

func TestScoreText(t *testing.T) {
	tests := []struct {
		in   string
		want Score
	}{
		{"Việt Nam", Score{Valid: 1}},
		{"Quy®Þnh cña Bé", Score{Valid: 1, Invalid: 2}},
		{"“Đ.” – QĐ-TTg …", Score{}},
		{"plain text", Score{}},
		{"khuỷu ngoẹo", Score{}},           // rare clusters: no evidence either way
		{"Coọng goòng", Score{Invalid: 2}}, // oo: VNI misread as TCVN3
		{"Đ QĐ", Score{}},                  // no vowel: abbreviations
		{"Ærø naïve", Score{Invalid: 2}},   // letters outside Vietnamese
		{"×÷ Việt", Score{Valid: 1}},       // signs are no letters
	}
	// twice: the second pass reads the word verdicts from the cache
	for pass := 0; pass < 2; pass++ {
		for _, tt := range tests {
			if got := ScoreText(tt.in); got != tt.want {
				t.Errorf("pass %d: ScoreText(%q) = %+v; want %+v", pass, tt.in, got, tt.want)
			}
		}
	}
}

func fuzzDecoder(f *testing.F, enc encoding.Encoding) {
	f.Add([]byte("Vie\xe4t Nam \xa7\xb6ng"))
	f.Add([]byte{0xF6, 0xF4, 0xF8, 'a'})
	f.Add([]byte("s\xf4 \xfbba\xe8ng vie\xe2\xefc gi\xf4)\xf8 UBND,S\xeb T\xb5i"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		out, _, err := transform.Bytes(enc.NewDecoder(), b)
		if err != nil {
			t.Fatalf("%v decode %q: %v", enc, b, err)
		}
		if !utf8.Valid(out) {
			t.Fatalf("%v decode %q = %q: invalid UTF-8", enc, b, out)
		}
		r := transform.NewReader(iotest.HalfReader(bytes.NewReader(b)), enc.NewDecoder())
		streamed, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%v stream decode %q: %v", enc, b, err)
		}
		if !bytes.Equal(streamed, out) {
			t.Fatalf("%v stream decode %q = %q; want %q", enc, b, streamed, out)
		}
	})
}

func FuzzTCVN3(f *testing.F)      { fuzzDecoder(f, TCVN3) }
func FuzzTCVN3Mixed(f *testing.F) { fuzzDecoder(f, TCVN3Mixed) }
func FuzzVNI(f *testing.F)        { fuzzDecoder(f, VNI) }
func FuzzVISCII(f *testing.F)     { fuzzDecoder(f, VISCII) }
func FuzzCP1258(f *testing.F)     { fuzzDecoder(f, CP1258) }

func FuzzDecode(f *testing.F) {
	f.Add([]byte("Vie\xe4t Nam"))
	f.Add([]byte("\xff\xfea\x00"))
	f.Add([]byte("Quy\xae\xdenh"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, enc, _ := Decode(b)
		if !utf8.ValidString(text) {
			t.Fatalf("Decode(%q) = %q: invalid UTF-8", b, text)
		}
		if enc == "" {
			t.Fatalf("Decode(%q): no encoding name", b)
		}
		if utf8.Valid(b) && enc != "utf-8" && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.Contains(b, []byte{0}) {
			t.Fatalf("Decode(%q): valid UTF-8 reported as %s", b, enc)
		}
	})
}

func FuzzRepair(f *testing.F) {
	f.Add("Quy®Þnh cña Bé tr−ëng")
	f.Add("Vieät Nam")
	f.Add("Cáº¥p Tá»‰nh")
	f.Add("Việt Nam")
	f.Fuzz(func(t *testing.T, s string) {
		got, from := Repair(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Repair(%q) = %q: invalid UTF-8", s, got)
		}
		if from == "" && got != s {
			t.Fatalf("Repair(%q) = %q with no encoding; want the input back", s, got)
		}
	})
}

// TestScoreTextConcurrent scores texts from several goroutines, so that
// -race checks the word verdict cache.
func TestScoreTextConcurrent(t *testing.T) {
	texts := []string{"Quyết định của Bộ trưởng", "Quy®Þnh cña Bé tr\u00adëng", "Vieät Nam", "Cộng hoà xã hội"}
	want := make([]Score, len(texts))
	for i, s := range texts {
		want[i] = ScoreText(s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 200; n++ {
				i := (g + n) % len(texts)
				if got := ScoreText(texts[i]); got != want[i] {
					t.Errorf("ScoreText(%q) = %+v; want %+v", texts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
