package export

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestWrappedLines(t *testing.T) {
	for _, tt := range []struct {
		s     string
		width float64
		want  int
	}{
		{"Nghị quyết", 40, 1},
		{"", 40, 1},
		{"một\nhai\nba", 40, 3},
		{strings.Repeat("chi bộ ", 10), 40, 2}, // 70 narrow-ish characters in 39
		{strings.Repeat("chi bộ ", 30), 60, 4}, // 210 characters in 59
		{strings.Repeat("x", 100), 20, 6},      // one long word broken where it runs out
		{"/work/shared/corpus/hostile/deep-nesting-10000.html — Tổng hợp văn bản chỉ đạo", 60, 2},
		{strings.Repeat("ĐẢNG BỘ ", 10), 40, 3}, // capitals are wider
		{strings.Repeat("dòng\n", 100), 40, 28}, // stops counting past the tallest row
	} {
		if got := wrappedLines(tt.s, tt.width, false); got != tt.want {
			t.Errorf("wrappedLines(%q, %v) = %d; want %d", tt.s, tt.width, got, tt.want)
		}
	}
}

func TestRowHeight(t *testing.T) {
	cols := []column{{width: 40, kind: colWrap}, {width: 10, kind: colText}, {width: 20, kind: colWrap}}
	for _, tt := range []struct {
		cells []any
		want  float64
	}{
		{[]any{"ngắn", "x", nil}, 0},                                        // one line: the default height
		{[]any{nil, strings.Repeat("long text ", 20), nil}, 0},              // not a wrapped column
		{[]any{"một\nhai", nil, "một\nhai\nba"}, 3*lineHeight + rowPadding}, // the tallest cell
		{[]any{strings.Repeat("x\n", 200), nil, nil}, maxRowHeight},
		{[]any{90.0, 3, Date{ISO: "2011"}}, 0},
	} {
		if got := rowHeight(cols, tt.cells, false); got != tt.want {
			t.Errorf("rowHeight(%q) = %v; want %v", tt.cells, got, tt.want)
		}
	}
}

// TestXLSXRowHeights reads the workbook back: a row whose wrapped text
// takes several lines has the height of those lines, a row of one line
// has the default height, and the header fits its wrapped labels.
func TestXLSXRowHeights(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, filepath.Join(dir, "idx"), sampleArchive(dir))
	f, _, _ := exportXLSX(t, ix, nil, Options{})
	for _, s := range AllSheets {
		name := s.Name(Vietnamese)
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			h, err := f.GetRowHeight(name, i+1)
			if err != nil {
				t.Fatal(err)
			}
			lines, bold := 1, i == 0
			for j, c := range s.columns() {
				if j < len(row) && (c.kind == colWrap || bold) {
					lines = max(lines, wrappedLines(row[j], c.width, bold))
				}
			}
			if bold {
				lines = max(lines, 2)
			}
			want := min(float64(lines)*lineHeight+rowPadding, maxRowHeight)
			if lines == 1 {
				want = lineHeight // the default
			}
			if h != want {
				t.Errorf("%s row %d: height %v; want %v for %d lines", name, i+1, h, want, lines)
			}
		}
	}
	// The sample's sentences and titles wrap: some rows are taller.
	if h, _ := f.GetRowHeight(SheetTargets.Name(Vietnamese), 2); h <= lineHeight {
		t.Errorf("first target row: height %v; want more than one line (its sentence wraps)", h)
	}
}
