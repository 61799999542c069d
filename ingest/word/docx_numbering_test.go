package word

import (
	"strings"
	"testing"
)

const numberingXML = `<w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/><w:suff w:val="space"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Chương %1"/><w:pStyle w:val="Chuong"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uF0B7" + `"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`

const stylesXML = `<w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="Chuong"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ChuongDam"><w:basedOn w:val="Chuong"/></w:style>
<w:style w:type="paragraph" w:styleId="Normal"/>
</w:styles>`

// np is a numbered paragraph.
func np(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + wr(text) + `</w:p>`
}

// sp is a paragraph with a style.
func sp(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/><w:rPr><w:b/></w:rPr></w:pPr>` + wr(text) + `</w:p>`
}

func TestDOCXNumbering(t *testing.T) {
	body := sp("Chuong", "QUY ĐỊNH CHUNG") +
		np("1", "0", "Phạm vi điều chỉnh") +
		np("1", "1", "Khoản một") +
		np("1", "2", "điểm một") +
		np("1", "2", "điểm hai") +
		np("1", "1", "Khoản hai") +
		np("1", "2", "điểm một lại") +
		np("1", "0", "Đối tượng áp dụng") +
		sp("ChuongDam", "ĐIỀU KHOẢN THI HÀNH") +
		np("3", "0", "gạch đầu dòng") +
		np("4", "0", "từ năm") +
		np("0", "0", "không đánh số") +
		sp("Normal", "thường")
	data := zipOf(t, map[string]string{
		"word/document.xml":  wdoc(body),
		"word/numbering.xml": numberingXML,
		"word/styles.xml":    stylesXML,
	})
	p, err := docxReader("n.docx", data)
	if err != nil {
		t.Fatalf("docxReader(numbered) error: %v", err)
	}
	want := []string{
		"Chương I QUY ĐỊNH CHUNG",
		"Điều 1. Phạm vi điều chỉnh",
		"1. Khoản một",
		"a) điểm một",
		"b) điểm hai",
		"2. Khoản hai",
		"a) điểm một lại",
		"Điều 2. Đối tượng áp dụng",
		"Chương II ĐIỀU KHOẢN THI HÀNH",
		"• gạch đầu dòng",
		"Điều 5. từ năm",
		"không đánh số",
		"thường",
	}
	got := strings.Split(p.pages[0], "\n")
	if len(got) != len(want) {
		t.Fatalf("docxReader(numbered) = %q; want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("docxReader(numbered) line %d = %q; want %q", i+1, got[i], want[i])
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v      int
		format string
		want   string
	}{
		{3, "decimal", "3"}, {3, "decimalZero", "03"}, {1, "lowerLetter", "a"}, {27, "lowerLetter", "aa"},
		{2, "upperLetter", "B"}, {4, "lowerRoman", "iv"}, {1994, "upperRoman", "MCMXCIV"}, {5, "none", ""},
		{7, "ordinal", "7"}, {0, "upperRoman", "0"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %q) = %q; want %q", tt.v, tt.format, got, tt.want)
		}
	}
}
