package ingest

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeNewlines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb\r\n", "a\nb\n"},
		{"a\rb", "a\nb"},
		{"a\r\r\nb", "a\n\nb"},
		{"a\nb", "a\nb"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalizeNewlines(tt.in); got != tt.want {
			t.Errorf("normalizeNewlines(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestReplaceInvalidUTF8(t *testing.T) {
	tests := []struct{ in, want, warn string }{
		{"a\xffb", "a\uFFFDb", "invalid UTF-8 at byte 1; replaced with U+FFFD"},
		{"Nghị \xe1\xba quyết", "Nghị \uFFFD quyết", "invalid UTF-8 at byte 7;"},
		{"x\x80\x80y\xffz", "x\uFFFDy\uFFFDz", "at byte 1, 4;"},
	}
	for _, tt := range tests {
		got, w := replaceInvalidUTF8(tt.in)
		if got != tt.want || !strings.Contains(w, tt.warn) {
			t.Errorf("replaceInvalidUTF8(%q) = %q, %q; want %q, %q", tt.in, got, w, tt.want, tt.warn)
		}
	}
}

func TestControlHeavy(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Nghị quyết số 15\n\tĐiều 1.", false},
		{strings.Repeat("\x01\x02\x03a", 50), true},
		{strings.Repeat("\x00a", 50), true},
		{"", false},
	}
	for _, tt := range tests {
		if got := controlHeavy(tt.in) != ""; got != tt.want {
			t.Errorf("controlHeavy(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestTextReader(t *testing.T) {
	p, err := textReader("a.txt", []byte("Nghị quyết\r\nsố 15\r\n"))
	if err != nil {
		t.Fatalf("textReader error: %v", err)
	}
	if len(p.pages) != 1 || p.pages[0] != "Nghị quyết\nsố 15\n" || p.paged {
		t.Errorf("textReader pages = %q, paged %v; want one LF page", p.pages, p.paged)
	}
	if p.encoding == "" {
		t.Errorf("textReader encoding = %q; want the detected source encoding", p.encoding)
	}
	_, err = textReader("a.txt", []byte(strings.Repeat("\x01\x02\x03\x04", 100)))
	if !errors.Is(err, ErrNotDocument) {
		t.Errorf("textReader(control bytes) error = %v; want ErrNotDocument", err)
	}
	p, err = textReader("a.txt", []byte("Nghị quyết \xff số 15"))
	if err != nil {
		t.Fatalf("textReader(invalid) error: %v", err)
	}
	if !utf8.ValidString(p.pages[0]) {
		t.Errorf("textReader(invalid) page = %q; want valid UTF-8", p.pages[0])
	}
}

// TestUnescapeMarkdown drops the backslashes of Markdown escapes only.
func TestUnescapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{`có từ 40 \- 50 tổ chức`, "có từ 40 - 50 tổ chức"},
		{`Số 57\-NQ/TW`, "Số 57-NQ/TW"},
		{`\*\*không đậm\*\* \[1\] a\_b`, "**không đậm** [1] a_b"},
		{`C:\Users\vanban`, `C:\Users\vanban`},
		{`a \\ b`, `a \ b`},
		{`cuối \`, `cuối \`},
		{"không có gì", "không có gì"},
	}
	for _, tt := range tests {
		if got := unescapeMarkdown(tt.in); got != tt.want {
			t.Errorf("unescapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
