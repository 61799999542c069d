package slides

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// odpContent wraps draw:page elements and automatic styles in a
// content.xml.
func odpContent(styles, pages string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:draw="d" xmlns:text="t" xmlns:table="tb" xmlns:style="s" xmlns:svg="svg" xmlns:presentation="p" xmlns:fo="fo">` +
		`<office:font-face-decls><style:font-face style:name="VNI1" svg:font-family="VNI-Times"/></office:font-face-decls>` +
		`<office:automatic-styles>` + styles + `</office:automatic-styles><office:body><office:presentation>` + pages + `</office:presentation></office:body></office:document-content>`
}

func odpOf(t testing.TB, content string, extra ...string) []byte {
	return zipOf(t, append([]string{"mimetype", "application/vnd.oasis.opendocument.presentation", "content.xml", content}, extra...)...)
}

// frame is a text frame of class class holding paragraphs.
func frame(class string, paras ...string) string {
	var b strings.Builder
	b.WriteString(`<draw:frame presentation:class="` + class + `"><draw:text-box>`)
	for _, p := range paras {
		b.WriteString(`<text:p>` + p + `</text:p>`)
	}
	b.WriteString(`</draw:text-box></draw:frame>`)
	return b.String()
}

func TestReadODP(t *testing.T) {
	styles := `<style:style style:name="T1" style:family="text"><style:text-properties style:font-name="VNI1"/></style:style>` +
		`<text:list-style style:name="L1"><text:list-level-style-bullet text:bullet-char="●"><style:text-properties style:font-name="StarSymbol"/></text:list-level-style-bullet></text:list-style>`
	tests := []struct {
		name, pages string
		want        []string
		enc         string
	}{
		{"slides in order, chrome left out",
			`<draw:page>` + frame("title", "NGHỊ QUYẾT") + frame("outline", "- Tỷ lệ hộ nghèo giảm 1,5%.") + frame("page-number", "3") + frame("footer", "Đảng ủy xã") + frame("date-time", "15/3/2024") + `</draw:page>` +
				`<draw:page>` + frame("outline", "Nhiệm vụ") + `</draw:page>`,
			[]string{"NGHỊ QUYẾT\n- Tỷ lệ hộ nghèo giảm 1,5%.", "Nhiệm vụ"}, ""},
		{"notes after the slide, alternative text left out",
			`<draw:page>` + frame("title", "Mục tiêu") + `<draw:frame><svg:title>Ảnh</svg:title><svg:desc>mô tả</svg:desc></draw:frame><presentation:notes><draw:page-thumbnail/>` + frame("notes", "Ghi chú: tổng hợp.") + `</presentation:notes></draw:page>`,
			[]string{"Mục tiêu\nGhi chú: tổng hợp."}, ""},
		{"a table row on one line",
			`<draw:page><draw:frame><table:table><table:table-row><table:table-cell><text:p>Tỷ lệ hộ nghèo</text:p></table:table-cell><table:table-cell><text:p>%</text:p></table:table-cell><table:table-cell><text:p>1,5</text:p></table:table-cell></table:table-row></table:table></draw:frame></draw:page>`,
			[]string{"Tỷ lệ hộ nghèo | % | 1,5"}, ""},
		{"spaces, tabs, line breaks, spans",
			`<draw:page>` + frame("outline", `a<text:s text:c="2"/>b<text:tab/>c<text:line-break/><text:span>d</text:span>`) + `</draw:page>`,
			[]string{"a  b\tc\nd"}, ""},
		{"a VNI span, the list style's bullet font not taken for it",
			`<draw:page>` + frame("outline", `<text:span text:style-name="T1">Muïc tieâu</text:span> năm 2026`) + `</draw:page>`,
			[]string{"Mục tiêu năm 2026"}, "vni"},
		{"an empty page", `<draw:page/>`, []string{""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadODP(odpOf(t, odpContent(styles, tt.pages)))
			if err != nil {
				t.Fatalf("ReadODP: %v", err)
			}
			if strings.Join(d.Slides, "\f") != strings.Join(tt.want, "\f") || d.Encoding != tt.enc {
				t.Errorf("ReadODP = %q (encoding %q); want %q (%q)", d.Slides, d.Encoding, tt.want, tt.enc)
			}
		})
	}
}

func TestReadODPErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		err  error
	}{
		{"not a zip", []byte("hello"), ErrCorrupt},
		{"no content.xml", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.presentation"), ErrCorrupt},
		{"encrypted", odpOf(t, odpContent("", ""), "META-INF/manifest.xml", `<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>`), ErrEncrypted},
		{"damaged before any page", odpOf(t, `<office:document-content><office:body><office:presentation><draw:page><text:p>x</text:p></draw:pa`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadODP(tt.data)
			if tt.err == nil {
				if err != nil {
					t.Errorf("ReadODP: %v; want what was read", err)
				}
				return
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("ReadODP error = %v; want %v", err, tt.err)
			}
		})
	}
}

// TestODPFixtures reads the LibreOffice conversions of the .fodp sources
// and compares them with the .pptx conversions of the same sources.
func TestODPFixtures(t *testing.T) {
	for _, name := range []string{"nghiquyet", "legacy"} {
		t.Run(name, func(t *testing.T) {
			odp, err := os.ReadFile(filepath.Join("testdata", name+".odp"))
			if err != nil {
				t.Fatal(err)
			}
			pptx, err := os.ReadFile(filepath.Join("testdata", name+".pptx"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := ReadODP(odp)
			if err != nil {
				t.Fatalf("ReadODP: %v", err)
			}
			b, err := ReadPPTX(pptx)
			if err != nil {
				t.Fatalf("ReadPPTX: %v", err)
			}
			if strings.Join(a.Slides, "\f") != strings.Join(b.Slides, "\f") {
				t.Errorf("ReadODP slides =\n%q\nthe .pptx gives\n%q", a.Slides, b.Slides)
			}
			if a.Encoding != b.Encoding || a.Title != "Nghị quyết 07-NQ/ĐU" || a.Published != "2024-03-15T08:00" {
				t.Errorf("ReadODP encoding %q, title %q, published %q; want %q, the title and date of meta.xml", a.Encoding, a.Title, a.Published, b.Encoding)
			}
		})
	}
}

// FuzzODPContent calls the content.xml parsers below ReadODP's recover,
// so that a panic fails the target.
func FuzzODPContent(f *testing.F) {
	f.Add(odpContent(`<style:style style:name="T1"><style:text-properties style:font-name="VNI1"/></style:style>`,
		`<draw:page>`+frame("title", `<text:span text:style-name="T1">Muïc</text:span>`)+frame("page-number", "3")+
			`<draw:frame><table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row></table:table></draw:frame><presentation:notes>`+frame("notes", "n")+`</presentation:notes></draw:page>`))
	f.Add(`<draw:page><text:p>x`)
	f.Add(`<office:meta><meta:creation-date>2024-03-15T08:00:00</meta:creation-date><dc:title>T</dc:title></office:meta>`)
	f.Fuzz(func(t *testing.T, xml string) {
		st := odpStyles{face: map[string]string{}, style: map[string]odpStyle{}}
		st.read([]byte(xml))
		slides, err := odpSlides([]byte(xml), &st, encCounter{})
		if err == nil && utf8.ValidString(xml) {
			for _, s := range slides {
				if !utf8.ValidString(s) {
					t.Errorf("odpSlides(%q): %q not valid UTF-8", xml, s)
				}
			}
		}
		var d Deck
		odpMeta([]byte(xml), &d)
	})
}
