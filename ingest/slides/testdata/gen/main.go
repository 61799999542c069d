// Command gen writes the flat OpenDocument presentations from which the
// slide fixtures are made with LibreOffice (see ../README.md):
//
//	go run ./ingest/slides/testdata/gen DIR
//
// nghiquyet.fodp is the resolution of ingest/testdata/scan in Unicode
// (Liberation Serif), laid out on three slides with a heading table and
// speaker notes; legacy.fodp is the same text typed in legacy fonts: the
// first slide in TCVN3 (.VnTimeH capitals, .VnTime), the others in VNI
// (VNI-Times), their bytes stored as Windows-1252 characters as the old
// fonts require.
package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"vanban/ingest/vntext"
)

// para is one paragraph in a font ("" = the default Unicode font).
type para struct {
	font, text string
}

type slide struct {
	title  []para
	table  [2][]para // heading table (two columns), empty for none
	body   []para
	notes  []para
	legacy bool
}

func main() {
	dir := os.Args[1]
	for _, legacy := range []bool{false, true} {
		name := "nghiquyet.fodp"
		if legacy {
			name = "legacy.fodp"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(fodp(slides(legacy))), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func slides(legacy bool) []slide {
	tc, tcH, vni := "", "", ""
	if legacy {
		tc, tcH, vni = ".VnTime", ".VnTimeH", "VNI-Times"
	}
	p := func(font, s string) para { return para{font, s} }
	return []slide{
		{
			table: [2][]para{
				{p(tcH, "ĐẢNG BỘ TỈNH HÀ NAM"), p(tcH, "ĐẢNG ỦY XÃ AN BÌNH"), p(tc, "*"), p(tc, "Số 07-NQ/ĐU")},
				{p(tcH, "ĐẢNG CỘNG SẢN VIỆT NAM"), p(tc, "An Bình, ngày 15 tháng 3 năm 2024")},
			},
			title: []para{p(tcH, "NGHỊ QUYẾT"), p(tc, "về phát triển kinh tế - xã hội xã An Bình giai đoạn 2024 - 2026")},
			body:  []para{p(tc, "Căn cứ Nghị quyết Đại hội Đảng bộ xã lần thứ XXIII, nhiệm kỳ 2020 - 2025; Đảng ủy xã thống nhất ban hành nghị quyết về phát triển kinh tế - xã hội với các mục tiêu chủ yếu sau đây.")},
		},
		{
			title: []para{p(vni, "1. Mục tiêu đến năm 2026")},
			body: []para{
				p(vni, "- Tốc độ tăng trưởng giá trị sản xuất bình quân đạt 8,5%/năm."),
				p(vni, "- Tỷ lệ hộ nghèo giảm xuống dưới 1,5%."),
				p(vni, "- Có 95% số hộ gia đình được sử dụng nước sạch."),
				p(vni, "- Thu nhập bình quân đầu người đạt 72 triệu đồng/năm."),
				p(vni, "- 100% chi bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên."),
			},
			notes: []para{p(vni, "Ghi chú: các chỉ tiêu do Văn phòng Đảng ủy tổng hợp.")},
		},
		{
			title: []para{p(vni, "2. Nhiệm vụ và giải pháp")},
			body: []para{
				p(vni, "Đẩy mạnh chuyển đổi cơ cấu cây trồng, vật nuôi; khuyến khích thành lập hợp tác xã kiểu mới; kiểm tra, giám sát việc thực hiện chi phí đầu tư xây dựng; bổ sung quy hoạch khu dân cư mới; tổ chức học tập, quán triệt nghị quyết đến toàn thể cán bộ, đảng viên."),
				p(vni, "Các chi bộ căn cứ nghị quyết này xây dựng kế hoạch cụ thể để thực hiện."),
				p(vni, "T/M ĐẢNG ỦY"),
				p(vni, "BÍ THƯ"),
				p(vni, "Nguyễn Văn Thành"),
			},
		},
	}
}

// fontText returns the characters to store for s in font: Unicode as is,
// a legacy font's bytes as the Windows-1252 characters they are shown as.
func fontText(font, s string) string {
	enc := vntext.FontEncoding(font, -1)
	if enc == "" {
		return s
	}
	if vntext.CapitalFont(font) {
		s = strings.ToLower(s) // .VnTimeH draws the lowercase codes as capitals
	}
	b, err := vntext.LookupEncoding(enc).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(fmt.Sprintf("%s: %q: %v", font, s, err))
	}
	u, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		panic(err)
	}
	return string(u)
}

var styleOf = map[string]string{"": "T0", ".VnTime": "T1", ".VnTimeH": "T2", "VNI-Times": "T3"}

func paras(ps []para) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, `<text:p><text:span text:style-name="%s">%s</text:span></text:p>`, styleOf[p.font], html.EscapeString(fontText(p.font, p.text)))
	}
	return b.String()
}

func fodp(ss []slide) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:meta><dc:title>Nghị quyết 07-NQ/ĐU</dc:title><meta:initial-creator>Văn phòng Đảng ủy</meta:initial-creator><meta:creation-date>2024-03-15T08:00:00</meta:creation-date></office:meta>
<office:font-face-decls>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
<style:font-face style:name=".VnTime" svg:font-family=".VnTime"/>
<style:font-face style:name=".VnTimeH" svg:font-family=".VnTimeH"/>
<style:font-face style:name="VNI-Times" svg:font-family="VNI-Times"/>
</office:font-face-decls>
<office:styles/>
<office:automatic-styles>
<style:style style:name="T0" style:family="text"><style:text-properties style:font-name="Liberation Serif" fo:font-size="18pt"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties style:font-name=".VnTime" fo:font-size="18pt"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties style:font-name=".VnTimeH" fo:font-size="18pt"/></style:style>
<style:style style:name="T3" style:family="text"><style:text-properties style:font-name="VNI-Times" fo:font-size="18pt"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default"/></office:master-styles>
<office:body><office:presentation>
`)
	for i, s := range ss {
		fmt.Fprintf(&b, `<draw:page draw:name="page%d" draw:master-page-name="Default">`+"\n", i+1)
		y := 1.0
		if len(s.table[0]) > 0 {
			fmt.Fprintf(&b, `<draw:frame svg:x="1cm" svg:y="%.1fcm" svg:width="24cm" svg:height="4cm"><table:table><table:table-column/><table:table-column/><table:table-row><table:table-cell>%s</table:table-cell><table:table-cell>%s</table:table-cell></table:table-row></table:table></draw:frame>`+"\n", y, paras(s.table[0]), paras(s.table[1]))
			y += 5
		}
		if len(s.title) > 0 {
			fmt.Fprintf(&b, `<draw:frame svg:x="1cm" svg:y="%.1fcm" svg:width="24cm" svg:height="3cm"><draw:text-box>%s</draw:text-box></draw:frame>`+"\n", y, paras(s.title))
			y += 3.5
		}
		if len(s.body) > 0 {
			fmt.Fprintf(&b, `<draw:frame svg:x="1cm" svg:y="%.1fcm" svg:width="24cm" svg:height="8cm"><draw:text-box>%s</draw:text-box></draw:frame>`+"\n", y, paras(s.body))
		}
		if len(s.notes) > 0 {
			fmt.Fprintf(&b, `<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm" svg:height="10cm"><draw:text-box>%s</draw:text-box></draw:frame></presentation:notes>`+"\n", paras(s.notes))
		}
		b.WriteString("</draw:page>\n")
	}
	b.WriteString("</office:presentation></office:body></office:document>\n")
	return b.String()
}
