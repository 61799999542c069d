package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkParsed fails when a reader's output is not valid UTF-8.
func checkParsed(t *testing.T, what string, p parsed) {
	t.Helper()
	for i, pg := range p.pages {
		if !utf8.ValidString(pg) {
			t.Errorf("%s: page %d is not valid UTF-8: %q", what, i+1, pg)
		}
	}
	if !utf8.ValidString(p.title) || !utf8.ValidString(p.published) {
		t.Errorf("%s: metadata is not valid UTF-8: %q %q", what, p.title, p.published)
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"%PDF-1.4", "PK\x03\x04", "{\\rtf1", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "<!DOCTYPE html>", "\x7fELF", "\xff\xfeN\x00", "Nghị quyết", "<?xml version='1.0'?><html>", "BMxxxxxxxxxxxxxx\x28\x00\x00\x00xxxxxxxx"} {
		f.Add([]byte(s))
	}
	f.Add(zipOf(f, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`}))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := sniff(data)
		if (s.err == nil) == (s.format == "") && len(data) > 0 {
			t.Errorf("sniff(%q) = %q, %v; want exactly one of a format or an error", trunc(data), s.format, s.err)
		}
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"Nghị quyết\r\n", "\xef\xbb\xbfa\r\nb", "\xff\xfeN\x00g\x00", "a\xffb", "Ngh\xd6 quy\xd5t", "\x00\x01\x02"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := textReader("f.txt", data)
		if err != nil {
			return
		}
		checkParsed(t, "textReader", p)
		if strings.Contains(p.pages[0], "\r") {
			t.Errorf("textReader(%q) kept a CR: %q", trunc(data), p.pages[0])
		}
	})
}

func FuzzReadBytes(f *testing.F) {
	for _, s := range []string{"Nghị quyết", "<html><title>x</title><p>y</p>", "{\\rtf1 x}", "%PDF-1.4\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadBytes("f", data)
		if err != nil {
			return
		}
		for _, pg := range doc.Pages {
			if !utf8.ValidString(pg) {
				t.Errorf("ReadBytes(%q): page not valid UTF-8", trunc(data))
			}
		}
		if !utf8.ValidString(doc.Title) {
			t.Errorf("ReadBytes(%q): title not valid UTF-8", trunc(data))
		}
	})
}
