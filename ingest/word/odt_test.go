package word

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"vanban/ingest/vntext"
)

// odtContent wraps body XML (office:text children) and automatic styles
// in a content.xml.
func odtContent(styles, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb" xmlns:style="s" xmlns:fo="fo" xmlns:svg="svg">` +
		`<office:font-face-decls><style:font-face style:name=".VnTime" svg:font-family=".VnTime"/><style:font-face style:name="VNI1" svg:font-family="'VNI-Times', serif"/><style:font-face style:name=".VnTimeH" svg:font-family=".VnTimeH"/></office:font-face-decls>` +
		`<office:automatic-styles>` + styles + `</office:automatic-styles><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`
}

func odtOf(t testing.TB, content string, extra map[string]string) []byte {
	parts := map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}
	for k, v := range extra {
		parts[k] = v
	}
	return zipOf(t, parts)
}

func TestReadODTText(t *testing.T) {
	styles := `<style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name=".VnTime"/></style:style>` +
		`<style:style style:name="P2" style:family="paragraph" style:parent-style-name="P1"/>` +
		`<style:style style:name="T1" style:family="text"><style:text-properties style:font-name="VNI1"/></style:style>` +
		`<style:style style:name="T2" style:family="text"><style:text-properties style:font-name=".VnTimeH"/></style:style>` +
		`<style:style style:name="T3" style:family="text"><style:text-properties fo:font-family="Times New Roman"/></style:style>` +
		`<style:style style:name="T4" style:family="text"><style:text-properties fo:font-family="Symbol"/></style:style>` +
		`<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/><text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="1" text:display-levels="2"/></text:list-style>` +
		`<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-prefix="Phần " style:num-suffix="." style:num-format="I" text:start-value="4"/><text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a" text:start-value="2"/><text:list-level-style-bullet text:level="3" text:bullet-char="-"/></text:list-style>` +
		`<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-prefix="Chương " style:num-format="I"/><text:outline-level-style text:level="2" style:num-prefix="Điều " style:num-suffix="." style:num-format="1"/></text:outline-style>`
	tests := []struct {
		name, body, want, enc string
	}{
		{"heading and paragraphs", `<text:h text:outline-level="3">NGHỊ QUYẾT</text:h><text:p>Điều 1. <text:span>Phê duyệt</text:span> kế hoạch</text:p>`, "NGHỊ QUYẾT\nĐiều 1. Phê duyệt kế hoạch", ""},
		{"spaces, tabs, line breaks", `<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d<text:s/>e</text:p>`, "a   b\tc\nd e", ""},
		{"list items", `<text:list><text:list-item><text:p>- một</text:p></text:list-item><text:list-item><text:p>- hai</text:p><text:list><text:list-item><text:p>+ ba</text:p></text:list-item></text:list></text:list-item></text:list>`, "- một\n- hai\n+ ba", ""},
		{"data table", `<table:table><table:table-column/><table:table-row><table:table-cell><text:p>Tỷ lệ hộ nghèo</text:p></table:table-cell><table:table-cell><text:p>%</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>1,5</text:p></table:table-cell></table:table-row></table:table>`, "Tỷ lệ hộ nghèo | % | 1,5", ""},
		{"heading table", `<table:table><table:table-row><table:table-cell><text:p>ĐẢNG BỘ<text:line-break/>Số 07-NQ/ĐU</text:p></table:table-cell><table:table-cell><text:p>ĐẢNG CỘNG SẢN VIỆT NAM</text:p></table:table-cell></table:table-row></table:table>`, "ĐẢNG BỘ\nSố 07-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM", ""},
		{"footnote after the body", `<text:p>Căn cứ Luật<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Luật số 80/2015/QH13.</text:p></text:note-body></text:note> năm 2015.</text:p><text:p>Điều 2.</text:p>`, "Căn cứ Luật năm 2015.\nĐiều 2.\nLuật số 80/2015/QH13.", ""},
		{"deletions and comments left out", `<text:tracked-changes><text:changed-region><text:deletion><text:p>đã xoá</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>giữ<office:annotation><text:p>ý kiến</text:p></office:annotation> lại</text:p>`, "giữ lại", ""},
		{"TCVN3 paragraph style through its parent", `<text:p text:style-name="P2">Môc tiªu</text:p>`, "Mục tiêu", "tcvn3"},
		{"VNI span, Unicode span in a TCVN3 paragraph", `<text:p text:style-name="P1"><text:span text:style-name="T1">Muïc tieâu</text:span> <text:span text:style-name="T3">năm</text:span></text:p>`, "Mục tiêu năm", "vni"},
		{"TCVN3 capitals font", `<text:p><text:span text:style-name="T2">nghÞ quyÕt</text:span></text:p>`, "NGHỊ QUYẾT", "tcvn3"},
		{"Unicode in a legacy font kept", `<text:p text:style-name="P1">Mục tiêu</text:p>`, "Mục tiêu", ""},
		{"symbol font bullet", `<text:p><text:span text:style-name="T4">` + "\uF0B7" + `</text:span> một (a)</text:p>`, "• một (a)", ""},
		{"numbered list with levels", `<text:list text:style-name="L1"><text:list-item><text:p>Mục tiêu</text:p><text:list><text:list-item><text:p>kinh tế</text:p></text:list-item><text:list-item><text:p>xã hội</text:p><text:p>tiếp</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Nhiệm vụ</text:p></text:list-item></text:list>`, "1. Mục tiêu\n1.1) kinh tế\n1.2) xã hội\ntiếp\n2. Nhiệm vụ", ""},
		{"list restarts, or continues", `<text:list text:style-name="L1"><text:list-item><text:p>a</text:p></text:list-item></text:list><text:p>x</text:p><text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>b</text:p></text:list-item></text:list><text:list text:style-name="L1"><text:list-item><text:p>c</text:p></text:list-item></text:list>`, "1. a\nx\n2. b\n1. c", ""},
		{"roman, letters, bullets, start value", `<text:list text:style-name="L2"><text:list-item><text:p>một</text:p><text:list><text:list-item><text:p>hai</text:p><text:list><text:list-item><text:p>ba</text:p></text:list-item></text:list></text:list-item></text:list></text:list-item><text:list-header><text:p>đầu</text:p></text:list-header></text:list>`, "Phần IV. một\nb) hai\n- ba\nđầu", ""},
		{"outline-numbered headings", `<text:h text:outline-level="1">Chương</text:h><text:h text:outline-level="2">Điều</text:h><text:h text:outline-level="2">Điều</text:h><text:h text:outline-level="1">Chương</text:h>`, "Chương I Chương\nĐiều 1. Điều\nĐiều 2. Điều\nChương II Chương", ""},
	}
	for _, tt := range tests {
		r, err := ReadODT(odtOf(t, odtContent(styles, tt.body), nil))
		if err != nil {
			t.Errorf("%s: ReadODT error %v", tt.name, err)
			continue
		}
		if r.Text != tt.want || r.Encoding != tt.enc {
			t.Errorf("%s: ReadODT = %q (encoding %q); want %q (%q)", tt.name, r.Text, r.Encoding, tt.want, tt.enc)
		}
	}
}

// odtStylesXML wraps master-page XML in a styles.xml with a TCVN3 style.
func odtStylesXML(masters string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="o" xmlns:text="t" xmlns:style="s" xmlns:svg="svg">` +
		`<office:font-face-decls><style:font-face style:name=".VnTime" svg:font-family=".VnTime"/></office:font-face-decls>` +
		`<office:styles><style:style style:name="H1" style:family="paragraph"><style:text-properties style:font-name=".VnTime"/></style:style></office:styles>` +
		`<office:master-styles>` + masters + `</office:master-styles></office:document-styles>`
}

func TestReadODTHeaders(t *testing.T) {
	body := `<text:p>Điều 1. Phê duyệt kế hoạch.</text:p><text:p>Căn cứ Luật<text:note><text:note-body><text:p>Luật số 80/2015/QH13.</text:p></text:note-body></text:note></text:p>`
	tests := []struct {
		name, masters, want, enc string
	}{
		{"header and footer after the body and notes",
			`<style:master-page style:name="Standard"><style:header><text:p>ỦY BAN NHÂN DÂN TỈNH HÀ NAM</text:p></style:header><style:footer><text:p>Số 12/KH-UBND</text:p></style:footer></style:master-page>`,
			"Điều 1. Phê duyệt kế hoạch.\nCăn cứ Luật\nLuật số 80/2015/QH13.\nỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố 12/KH-UBND", ""},
		{"a page number alone is left out",
			`<style:master-page style:name="Standard"><style:footer><text:p>Trang <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>`,
			"Điều 1. Phê duyệt kế hoạch.\nCăn cứ Luật\nLuật số 80/2015/QH13.", ""},
		{"the same header on several master pages once",
			`<style:master-page style:name="Standard"><style:header><text:p>BÁO CÁO</text:p></style:header><style:header-left><text:p>BÁO CÁO</text:p></style:header-left></style:master-page><style:master-page style:name="First"><style:header-first><text:p>BÁO CÁO</text:p></style:header-first><style:footer-first><text:p>Lưu hành nội bộ</text:p></style:footer-first></style:master-page>`,
			"Điều 1. Phê duyệt kế hoạch.\nCăn cứ Luật\nLuật số 80/2015/QH13.\nBÁO CÁO\nLưu hành nội bộ", ""},
		{"a header in a legacy font",
			`<style:master-page style:name="Standard"><style:header><text:p text:style-name="H1">Môc tiªu</text:p></style:header></style:master-page>`,
			"Điều 1. Phê duyệt kế hoạch.\nCăn cứ Luật\nLuật số 80/2015/QH13.\nMục tiêu", "tcvn3"},
		{"no master pages", ``, "Điều 1. Phê duyệt kế hoạch.\nCăn cứ Luật\nLuật số 80/2015/QH13.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ReadODT(odtOf(t, odtContent("", body), map[string]string{"styles.xml": odtStylesXML(tt.masters)}))
			if err != nil {
				t.Fatalf("ReadODT: %v", err)
			}
			if r.Text != tt.want || r.Encoding != tt.enc {
				t.Errorf("ReadODT = %q (encoding %q); want %q (%q)", r.Text, r.Encoding, tt.want, tt.enc)
			}
		})
	}
}

func TestReadODTMetaAndErrors(t *testing.T) {
	meta := `<office:document-meta xmlns:office="o" xmlns:meta="m" xmlns:dc="dc"><office:meta><dc:title>Nghị quyết 07</dc:title><meta:initial-creator>Văn phòng</meta:initial-creator><meta:creation-date>2024-03-15T08:30:00</meta:creation-date><meta:generator>LibreOffice</meta:generator></office:meta></office:document-meta>`
	r, err := ReadODT(odtOf(t, odtContent("", `<text:p>x</text:p>`), map[string]string{"meta.xml": meta}))
	if err != nil || r.Title != "Nghị quyết 07" || r.Published != "2024-03-15T08:30" || r.Meta["author"] != "Văn phòng" || r.Meta["producer"] != "LibreOffice" {
		t.Errorf("ReadODT meta = %q, %q, %v, %v; want the meta.xml properties", r.Title, r.Published, r.Meta, err)
	}

	defer func(part, total int64) { maxDOCXPart, maxDOCXTotal = part, total }(maxDOCXPart, maxDOCXTotal)
	maxDOCXPart, maxDOCXTotal = 64<<10, 96<<10
	big := odtContent("", strings.Repeat(`<text:p>Điều 1.</text:p>`, 5000))
	tests := []struct {
		name string
		data []byte
		err  error
		msg  string
	}{
		{"not a zip", []byte("PK\x03\x04garbage"), ErrCorrupt, "not a ZIP"},
		{"no content", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}), ErrCorrupt, "no content.xml"},
		{"encrypted", odtOf(t, odtContent("", ""), map[string]string{"META-INF/manifest.xml": `<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>`}), ErrEncrypted, "password-protected"},
		{"content over the part limit", odtOf(t, big, nil), ErrTooLarge, "part content.xml"},
		{"styles and content over the total", odtOf(t, odtContent("", strings.Repeat(`<text:p>Điều 1.</text:p>`, 2000)), map[string]string{"styles.xml": "<x>" + strings.Repeat("<y/>", 12000) + "</x>"}), ErrTooLarge, "in all"},
	}
	for _, tt := range tests {
		_, err := ReadODT(tt.data)
		if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: ReadODT error = %v; want %v containing %q", tt.name, err, tt.err, tt.msg)
		}
	}
}

// TestODTFixtures reads the LibreOffice conversions in testdata/odt: the
// scanned fixture's HTML source (ingest/testdata/scan) and the legacy
// sample.doc (TCVN3 and VNI runs, a footnote, a table), against the text
// the other readers give.
func TestODTFixtures(t *testing.T) {
	tests := []struct {
		file, enc string
		want      []string
	}{
		{"nghiquyet-xa.odt", "", []string{"ĐẢNG BỘ TỈNH HÀ NAM\nĐẢNG ỦY XÃ AN BÌNH\n*\nSố 07-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Bình, ngày 15 tháng 3 năm 2024", "NGHỊ QUYẾT\nvề phát triển kinh tế - xã hội xã An Bình giai đoạn 2024 - 2026", "- Tỷ lệ hộ nghèo giảm xuống dưới 1,5%.", "T/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn Thành"}},
		{"header-footer.odt", "", []string{"KẾ HOẠCH\nThực hiện Nghị quyết về phát triển kinh tế - xã hội năm 2025.\n- Tỷ lệ hộ nghèo giảm xuống dưới 1,5%.\nỦY BAN NHÂN DÂN TỈNH HÀ NAM – Kế hoạch số 12/KH-UBND"}},
		{"legacy-sample.odt", "tcvn3", []string{"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ QUYẾT\nNghị quyết về công tác cán bộ.\nThủ trưởng cơ quan", "A1 | B1\nA2 | B2", "Footnote text."}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", "odt", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		r, err := ReadODT(data)
		if err != nil {
			t.Errorf("ReadODT(%s): %v", tt.file, err)
			continue
		}
		if r.Encoding != tt.enc {
			t.Errorf("ReadODT(%s).Encoding = %q; want %q", tt.file, r.Encoding, tt.enc)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.Text, w) {
				t.Errorf("ReadODT(%s) lacks %q in\n%s", tt.file, w, r.Text)
			}
		}
	}
}

func FuzzODT(f *testing.F) {
	f.Add(odtOf(f, odtContent(`<style:style style:name="P1"><style:text-properties style:font-name=".VnTime"/></style:style>`, `<text:p text:style-name="P1">Môc<text:note><text:note-body><text:p>x</text:p></text:note-body></text:note></text:p><table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row></table:table>`), nil))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadODT(data)
		if err == nil && !utf8.ValidString(r.Text) {
			t.Errorf("ReadODT: text not valid UTF-8: %q", r.Text)
		}
	})
}

// FuzzODTContent fuzzes the content.xml walk below ReadODT's recover.
func FuzzODTContent(f *testing.F) {
	f.Add(odtContent(`<style:style style:name="P1"><style:text-properties style:font-name="VNI1"/></style:style>`, `<text:p text:style-name="P1">Muïc<text:s text:c="99999999"/></text:p>`))
	f.Fuzz(func(t *testing.T, xml string) {
		st := odtStyles{font: map[string]string{}, style: map[string]odtStyle{}}
		st.read([]byte(xml))
		text, _, err := odtText([]byte(xml), &st)
		if err == nil && !utf8.ValidString(text) && utf8.ValidString(xml) {
			t.Errorf("odtText(%q) = %q; not valid UTF-8", xml, text)
		}
	})
}

// TestLegacyFontTextLyingFont: a run's font names one legacy encoding but
// its bytes are in the other ("VNSTCVN3" over VNI bytes in a .doc saved
// again as .odt); the encoding that reads as Vietnamese wins, and a short
// run that reads either way keeps the font's.
func TestLegacyFontTextLyingFont(t *testing.T) {
	for _, tc := range []struct{ in, font, want, enc string }{
		{"Coâng taùc cô yeáu cuûa Vaên phoøng", "VNSTCVN3", "Công tác cơ yếu của Văn phòng", vntext.EncVNI},
		{"C«ng t¸c c¬ yÕu cña V¨n phßng", "VNSTCVN3", "Công tác cơ yếu của Văn phòng", vntext.EncTCVN3},
		{"C«ng t¸c c¬ yÕu cña V¨n phßng", "VNI-Times", "Công tác cơ yếu của Văn phòng", vntext.EncTCVN3},
		{"Coâng taùc cô yeáu cuûa Vaên phoøng", "VNI-Times", "Công tác cơ yếu của Văn phòng", vntext.EncVNI},
	} {
		got, enc := legacyFontText(tc.in, tc.font)
		if got != tc.want || enc != tc.enc {
			t.Errorf("legacyFontText(%q, %q) = %q, %q; want %q, %q", tc.in, tc.font, got, enc, tc.want, tc.enc)
		}
	}
}
