package index

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"golang.org/x/text/unicode/norm"

	"vanban/internal/testshared"
)

// diffWordSpans returns how wordSpans and Bleve's unicode tokenizer differ
// on in, "" when they find the same words at the same places with the same
// positions and types.
func diffWordSpans(in []byte) string {
	want := unicode.NewUnicodeTokenizer().Tokenize(in)
	got := wordSpans(nil, in)
	for i := 0; i < len(want) || i < len(got); i++ {
		if i >= len(got) {
			return fmt.Sprintf("word %d: got none; want %q at %d-%d", i, want[i].Term, want[i].Start, want[i].End)
		}
		g := got[i]
		if i >= len(want) {
			return fmt.Sprintf("word %d: got %q at %d-%d; want none", i, in[g.start:g.end], g.start, g.end)
		}
		w := want[i]
		if int(g.start) != w.Start || int(g.end) != w.End || g.typ != w.Type || w.Position != i+1 || !bytes.Equal(w.Term, in[g.start:g.end]) {
			return fmt.Sprintf("word %d: got %q at %d-%d type %d; want %q at %d-%d type %d position %d",
				i, in[g.start:g.end], g.start, g.end, g.typ, w.Term, w.Start, w.End, w.Type, w.Position)
		}
	}
	return ""
}

// wordCases are texts whose words the two tokenizers must agree on.
var wordCases = []string{
	"",
	"Nghị quyết số 02-NQ/ĐUK ngày 4.110 tinhuy.gov.vn",
	"Ban Chấp hành Trung ương Đảng (khóa XIII); tỷ lệ 10,5% - 12,3%.",
	"a.b a..b a.1 1.a 1,2,3 1,,2 a:b 1:2 a'b 1'2 a_b _ __ _1 1_ a_1.2 a_.b",
	"“Trong sạch” ‘vững’ mạnh… – — • 3×4 ½ ¹²³ a·b 1·2 O’Neill \u00adsoft",
	"tab\tline\nCR\r\nCRLF\rend\v\f",
	"x\u0301y \u0301a a\u0301 e\u0323\u0302 \u200bzero\u200dwidth",
	"日本語のテキスト 한국어 עִבְרִית \"a\"b א\"ב א'",
	"🇻🇳 emoji 😀 a😀b",
	"end with a joiner. ", "end,", "1.", "a'", "'a", ".5", "5.",
	"\xff bad \xfe bytes",
	norm.NFD.String("Đảng bộ tỉnh Quảng Ninh, NGHỊ QUYẾT"),
}

func TestWordSpans(t *testing.T) {
	for _, s := range wordCases {
		if d := diffWordSpans([]byte(s)); d != "" {
			t.Errorf("wordSpans(%q): %s", s, d)
		}
	}
}

// TestWordSpansClasses checks the class the scan gives every character it
// knows against the unicode tokenizer: each is tried alone and between
// characters of every class, which tells any two classes apart.
func TestWordSpansClasses(t *testing.T) {
	var known []rune
	for r := rune(0); r < 0x20000; r++ {
		if r < utf8.RuneSelf || runeClass(r) != wbUnknown {
			known = append(known, r)
		}
	}
	if len(known) < 128+600 {
		t.Fatalf("only %d characters known", len(known))
	}
	ctx := []string{"a", "ạ", "Z", "1", "9", ".", ":", ",", ";", "'", "’", "·", "_", " ", "\n", "-", "\"", "\u0301"}
	for _, r := range known {
		c := string(r)
		probes := []string{c, c + c, c + c + c}
		for _, x := range ctx {
			probes = append(probes, x+c, c+x, x+c+x, x+x+c, c+x+x, x+c+c+x, "a"+x+c, c+x+"a", "1"+x+c, c+x+"1", x+c+"a", x+c+"1")
		}
		for _, p := range probes {
			if d := diffWordSpans([]byte(p)); d != "" {
				t.Fatalf("U+%04X (class %d) in %q: %s", r, runeClass(r), p, d)
			}
		}
	}
}

// corpusTexts returns the text files of ../shared/corpus (Markdown, plain
// text, TSV and HTML, as they are on disk: some are not UTF-8). With -short
// or the race detector on, it returns every tenth.
func corpusTexts(t testing.TB) map[string][]byte {
	root := testshared.Dir(t, "corpus")
	out := map[string][]byte{}
	stride, n := 1, 0
	if testing.Short() || raceEnabled {
		stride = 10
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".md", ".txt", ".tsv", ".html", ".json":
			if n++; (n-1)%stride != 0 {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[p] = b
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWordSpansCorpus compares the two tokenizers on every text file of
// the shared corpus, as it is and in NFD (combining marks, which the scan
// leaves to the unicode tokenizer).
func TestWordSpansCorpus(t *testing.T) {
	texts := corpusTexts(t)
	if len(texts) < 50 {
		t.Fatalf("only %d corpus texts", len(texts))
	}
	var words int
	for p, b := range texts {
		for _, v := range [][]byte{b, norm.NFD.Bytes(b)} {
			if d := diffWordSpans(v); d != "" {
				t.Errorf("%s: %s", p, d)
			}
		}
		words += len(wordSpans(nil, b))
	}
	t.Logf("%d texts, %d words", len(texts), words)
}

func FuzzWordSpans(f *testing.F) {
	for _, s := range wordCases {
		f.Add(s)
	}
	f.Add(strings.Repeat("Đảng ủy, 1.000; a.b_c: ", 20))
	f.Fuzz(func(t *testing.T, s string) {
		if d := diffWordSpans([]byte(s)); d != "" {
			t.Fatalf("wordSpans(%q): %s", s, d)
		}
	})
}
