package index

import (
	"context"
	"path/filepath"
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
