package index

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestBlankMarkup(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text unchanged", "Nghị quyết số 05-NQ/ĐU ngày 12/3/2021.", "Nghị quyết số 05-NQ/ĐU ngày 12/3/2021."},
		{"bold", "**NGHỊ QUYẾT** về chi bộ", "  NGHỊ QUYẾT   về chi bộ"},
		{"italic", "*Hà Nội, ngày 5 tháng 1 năm 2026*", " Hà Nội, ngày 5 tháng 1 năm 2026 "},
		{"link keeps its text", "xem [Nghị quyết 21](https://x.vn/a_b) tại đây", "xem  Nghị quyết 21                    tại đây"},
		{"image goes", "ảnh ![Hội nghị](https://x.vn/a.jpg) trên", "ảnh " + strings.Repeat(" ", len("![Hội nghị](https://x.vn/a.jpg)")) + " trên"},
		{"HTML tags", "dòng<br>dòng <b>đậm</b>", "dòng    dòng    đậm    "},
		{"heading hashes", "## MỤC TIÊU\nI. Chung", "   MỤC TIÊU\nI. Chung"},
		{"setext underline and rule", "Tiêu đề\n=======\nnội dung\n-----", "Tiêu đề\n       \nnội dung\n     "},
		{"hyphen inside text kept", "2021 - 2025, 02-NQ/ĐUK, x < 5", "2021 - 2025, 02-NQ/ĐUK, x < 5"},
		{"underscore in a word kept", "tệp ke_hoach.pdf", "tệp ke_hoach.pdf"},
	}
	for _, tt := range tests {
		got := blankMarkup(tt.in)
		if got != tt.want {
			t.Errorf("%s: blankMarkup(%q) = %q; want %q", tt.name, tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) || strings.Count(got, "\n") != strings.Count(tt.in, "\n") {
			t.Errorf("%s: length %d, %d lines; want %d, %d (offsets must hold)", tt.name, len(got), strings.Count(got, "\n"), len(tt.in), strings.Count(tt.in, "\n"))
		}
	}
}

// TestStoredTextPlain checks that the text snippets are cut from is stored
// without markup, at the offsets of the original.
func TestStoredTextPlain(t *testing.T) {
	ix := mustOpen(t, filepath.Join(t.TempDir(), "ix"))
	text := "**KẾ HOẠCH**\n\nXem [Nghị quyết 21-NQ/TW](https://x.vn/nq21) ![ảnh](https://x.vn/a.png) về **chi bộ**."
	rec, _, st := testDoc("a.md", "aa", "Kế hoạch", text)
	w := ix.NewWriter(1)
	if err := w.Add(rec, text, st); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Text(context.Background(), "aa")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(text) {
		t.Fatalf("stored text is %d bytes; want %d, the original's", len(got), len(text))
	}
	for _, bad := range []string{"**", "](", "![", "https"} {
		if strings.Contains(got, bad) {
			t.Errorf("stored text %q holds %q", got, bad)
		}
	}
	if i := strings.Index(text, "chi bộ"); got[i:i+len("chi bộ")] != "chi bộ" {
		t.Errorf("offset of %q moved in %q", "chi bộ", got)
	}
	ix.Close()
}

// The regexps markupHeaders, markupRules and markupEmphasis scan for.
var (
	reMarkupHeader = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]`)
	reMarkupRule   = regexp.MustCompile(`(?m)^[ \t]*(?:[=\-_*—–]){3,}[ \t]*$`)
	reMarkupEmph   = regexp.MustCompile(`\*{1,3}|_{2,3}`)
)

// diffMarkupScans returns how the markup scans differ from their regexps
// on text, "" when they find the same ranges.
func diffMarkupScans(text string) string {
	for _, c := range []struct {
		name string
		scan func(string, func(int, int))
		re   *regexp.Regexp
	}{
		{"headers", markupHeaders, reMarkupHeader},
		{"rules", markupRules, reMarkupRule},
		{"emphasis", markupEmphasis, reMarkupEmph},
	} {
		var got [][]int
		c.scan(text, func(from, to int) { got = append(got, []int{from, to}) })
		want := c.re.FindAllStringIndex(text, -1)
		if !reflect.DeepEqual(got, want) {
			return fmt.Sprintf("%s: got %v; want %v", c.name, got, want)
		}
	}
	return ""
}

var markupCases = []string{
	"", "#", "# a", "#a", "####### a", "###### a", "   # a", "    # a", "\t\t\t#\tb", " \t \t# a",
	"x\n## b\n#c\n  ### d", "a # b", "#\n# \n##",
	"---", "--", "- - -", "  ***  ", "===\n", "x\n___\ny", "—–—", "——", "-–-\t", "--- x", "---\r\n", "\n\n-=_*\n",
	"*", "**b**", "****", "*****", "_", "__", "___", "____", "_____", "______", "_______", "a_b", "a__b", "**_x_**",
	"\xff---", "#\xff a", "*\xff*",
}

func TestMarkupScans(t *testing.T) {
	for _, s := range markupCases {
		if d := diffMarkupScans(s); d != "" {
			t.Errorf("%q: %s", s, d)
		}
	}
}

// TestMarkupScansCorpus compares the scans with their regexps on every
// text file of the shared corpus.
func TestMarkupScansCorpus(t *testing.T) {
	for p, b := range corpusTexts(t) {
		if d := diffMarkupScans(string(b)); d != "" {
			t.Errorf("%s: %s", p, d)
		}
	}
}

func FuzzMarkupScans(f *testing.F) {
	for _, s := range markupCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := diffMarkupScans(s); d != "" {
			t.Fatalf("%q: %s", s, d)
		}
	})
}
