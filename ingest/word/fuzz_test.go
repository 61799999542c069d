package word

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzDOCX(f *testing.F) {
	f.Add(zipOf(f, map[string]string{"word/document.xml": wdoc(wp(wr("Điều 1.")) + `<w:tbl><w:tr><w:tc>` + wp(wr("a")) + `</w:tc></w:tr></w:tbl>`), "docProps/core.xml": coreXML}))
	f.Add(zipOf(f, map[string]string{"word/document.xml": "<w:p><w:t>x"}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := docxReader("f.docx", data)
		if err == nil {
			for _, pg := range p.pages {
				if !utf8.ValidString(pg) && utf8.Valid(data) {
					t.Errorf("docxReader: page not valid UTF-8")
				}
			}
		}
	})
}

func FuzzWordML(f *testing.F) {
	f.Add(wdoc(wp(wr("Điều 1.")) + `<w:tbl><w:tr><w:tc>` + wp(wr("a")) + `<w:tbl><w:tr><w:tc>` + wp(wr("b")) + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`))
	f.Add(`<w:p><w:r><w:sym w:char="F0B3" w:font="Symbol"/><w:t>x</w:t></w:r>`)
	f.Fuzz(func(t *testing.T, xml string) {
		text, err := wordMLText(strings.NewReader(xml))
		if err == nil && !utf8.ValidString(text) && utf8.ValidString(xml) {
			t.Errorf("wordMLText(%q) = %q; not valid UTF-8", xml, text)
		}
	})
}
