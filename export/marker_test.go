package export

import (
	"path/filepath"
	"strings"
	"testing"

	"vanban/extract"
)

func TestWithoutListMarker(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"- Đến năm 2025, đạt 10 bác sĩ;", "Đến năm 2025, đạt 10 bác sĩ;"},
		{"+ Tỷ lệ hộ nghèo giảm 1,5%/năm.", "Tỷ lệ hộ nghèo giảm 1,5%/năm."},
		{"• 100% trạm y tế xã có bác sĩ.", "100% trạm y tế xã có bác sĩ."},
		{"– Kết nạp 15 đảng viên.", "Kết nạp 15 đảng viên."},
		{"  -  Hai khoảng trắng.", "Hai khoảng trắng."},
		{"-\tTab.", "Tab."},
		{"- ", ""},
		{"Không có dấu.", "Không có dấu."},
		{"-3% so với năm trước", "-3% so với năm trước"}, // a sign, not a marker
		{"+5% mỗi năm", "+5% mỗi năm"},
		{"--- gạch", "--- gạch"},
		{"=1+1", "=1+1"},
		{"a) Phấn đấu 90%.", "a) Phấn đấu 90%."},
		{"", ""},
	} {
		if got := WithoutListMarker(tt.in); got != tt.want {
			t.Errorf("WithoutListMarker(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestSentenceCells checks that sentence cells carry no list marker, so
// that the CSV guard fires only for text a spreadsheet would compute.
func TestSentenceCells(t *testing.T) {
	dir := t.TempDir()
	sentences := []string{"- Đến năm 2025, đạt 10 bác sĩ/1 vạn dân;", "+ 95% người dân tham gia bảo hiểm y tế;", "=1+1 đạt 100%", "-5% chi thường xuyên"}
	body := strings.Join(sentences, "\n")
	rec := extract.Record{Path: filepath.Join(dir, "a.txt"), Format: "txt", Kind: "plan", Title: "Kế hoạch", Authors: []string{},
		References: []extract.Reference{}, Dates: []extract.Date{}, Warnings: []string{}}
	for _, s := range sentences {
		rec.Targets = append(rec.Targets, extract.Target{Text: s, Comparator: "=", Value: 1, Sentence: s})
	}
	ix := buildIndex(t, filepath.Join(dir, "idx"), []fixture{{paths: []string{rec.Path}, pages: []string{body}, rec: rec}})
	recs := csvRows(t, ix, SheetTargets)
	want := []string{"Đến năm 2025, đạt 10 bác sĩ/1 vạn dân;", "95% người dân tham gia bảo hiểm y tế;", "'=1+1 đạt 100%", "'-5% chi thường xuyên"}
	if got := columnOf(t, recs, "Sentence"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentence cells %q; want %q", got, want)
	}
}
