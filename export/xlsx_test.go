package export

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"vanban/extract"
	"vanban/index"
	"vanban/search"
)

// exportXLSX exports sel of ix as a workbook and opens it again.
func exportXLSX(t *testing.T, ix *index.Index, sel *index.Selection, opts Options) (*excelize.File, []byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	x, err := NewXLSX(&buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := Export(context.Background(), ix, sel, x, opts)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes(), stats
}

// col returns the column letter of header h in sheet s.
func col(t *testing.T, s Sheet, h string) string {
	t.Helper()
	for i, x := range s.Headers(Vietnamese) {
		if x == h {
			n, _ := excelize.ColumnNumberToName(i + 1)
			return n
		}
	}
	t.Fatalf("sheet %s has no column %q", s.Name(Vietnamese), h)
	return ""
}

// zipFile returns one part of a workbook.
func zipFile(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("workbook has no %s", name)
	return ""
}

// countRecords counts the documents, targets and date mentions of ix.
func countRecords(t *testing.T, ix *index.Index) (docs, targets, dates int) {
	t.Helper()
	err := ix.Records(context.Background(), nil, func(r extract.Record) error {
		docs++
		targets += len(r.Targets)
		dates += len(r.Dates)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return
}

func TestXLSXReadBack(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, dir+"/idx", sampleArchive(dir))
	f, data, stats := exportXLSX(t, ix, nil, Options{})

	// Sheet names, in order.
	var want []string
	for _, s := range AllSheets {
		want = append(want, s.Name(Vietnamese))
	}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets = %q; want %q", got, want)
	}

	// Row counts equal the index's record counts.
	docs, targets, dates := countRecords(t, ix)
	nt, err := ix.CountTargets()
	if err != nil || nt != targets {
		t.Fatalf("CountTargets = %d, %v; records hold %d", nt, err, targets)
	}
	regs, err := ix.Resolutions(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantRows := map[Sheet]int{SheetTargets: targets, SheetDocuments: docs, SheetResolutions: len(regs), SheetDates: dates}
	for s, n := range wantRows {
		rows, err := f.GetRows(s.Name(Vietnamese))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != n || stats[s] != n {
			t.Errorf("sheet %s: %d data rows (stats %d); want %d", s.Name(Vietnamese), len(rows)-1, stats[s], n)
		}
		// Headers, bold; frozen panes; table with its autofilter.
		name := s.Name(Vietnamese)
		if got, want := rows[0], s.Headers(Vietnamese); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("sheet %s headers = %q; want %q", name, got, want)
		}
		sid, _ := f.GetCellStyle(name, "A1")
		st, err := f.GetStyle(sid)
		if err != nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("sheet %s: header A1 is not bold (style %d, %v)", name, sid, err)
		}
		p, err := f.GetPanes(name)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("sheet %s panes = %+v, %v; want the header row frozen", name, p, err)
		}
		tables, err := f.GetTables(name)
		if err != nil || len(tables) != 1 {
			t.Fatalf("sheet %s tables = %v, %v; want 1", name, tables, err)
		}
		last, _ := excelize.ColumnNumberToName(len(s.columns()))
		wantRange := "A1:" + last + strconv.Itoa(max(n+1, 2))
		if tables[0].Range != wantRange {
			t.Errorf("sheet %s table range = %s; want %s", name, tables[0].Range, wantRange)
		}
		w, _ := f.GetColWidth(name, "A")
		if w != s.columns()[0].width {
			t.Errorf("sheet %s column A width = %v; want %v", name, w, s.columns()[0].width)
		}
	}
	for i := 1; i <= 4; i++ {
		x := zipFile(t, data, "xl/tables/table"+strconv.Itoa(i)+".xml")
		if !regexp.MustCompile(`<autoFilter ref="A1:[A-Z]+\d+"`).MatchString(x) {
			t.Errorf("table%d has no autofilter: %.300s", i, x)
		}
	}

	// The targets sheet: find the resolution's rows.
	ts := SheetTargets.Name(Vietnamese)
	rows, _ := f.GetRows(ts)
	row := map[string]int{} // indicator → row number
	for i, r := range rows[1:] {
		ind := r[8]
		row[ind] = i + 2
	}
	r100, r80, rRange := row["sinh hoạt định kỳ"], row["đạt chất lượng tốt"], row["đạt"]
	if r100 == 0 || r80 == 0 || rRange == 0 {
		t.Fatalf("targets rows missing: %v", row)
	}
	cell := func(sheet string, c string, r int) string {
		v, err := f.GetCellValue(sheet, c+strconv.Itoa(r))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	raw := func(sheet string, c string, r int) string {
		v, err := f.GetCellValue(sheet, c+strconv.Itoa(r), excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	numeric := func(sheet, c string, r int, want float64) {
		t.Helper()
		ref := c + strconv.Itoa(r)
		typ, _ := f.GetCellType(sheet, ref)
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s type = %v; want a number", sheet, ref, typ)
		}
		v, err := strconv.ParseFloat(raw(sheet, c, r), 64)
		if err != nil || v != want {
			t.Errorf("%s!%s = %q; want the number %v", sheet, ref, raw(sheet, c, r), want)
		}
	}
	dateCell := func(sheet, c string, r int, shown string, want time.Time) {
		t.Helper()
		if got := cell(sheet, c, r); got != shown {
			t.Errorf("%s!%s%d shows %q; want %q", sheet, c, r, got, shown)
		}
		serial, err := strconv.ParseFloat(raw(sheet, c, r), 64)
		if err != nil {
			t.Errorf("%s!%s%d = %q; want a date serial", sheet, c, r, raw(sheet, c, r))
			return
		}
		got, err := excelize.ExcelDateToTime(serial, false)
		if err != nil || !got.Equal(want) {
			t.Errorf("%s!%s%d = %v; want %v", sheet, c, r, got, want)
		}
	}
	numeric(ts, col(t, SheetTargets, "Giá trị"), r100, 100)
	numeric(ts, col(t, SheetTargets, "Giá trị"), rRange, 55)
	numeric(ts, col(t, SheetTargets, "Giá trị tối đa"), rRange, 60)
	if v := cell(ts, col(t, SheetTargets, "Giá trị tối đa"), r100); v != "" {
		t.Errorf("value max of a single value = %q; want an empty cell", v)
	}
	numeric(ts, col(t, SheetTargets, "Dòng chỉ tiêu cha"), r80, float64(r100))
	numeric(ts, col(t, SheetTargets, "Trang"), r100, 2)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	dateCell(ts, col(t, SheetTargets, "Ngày ban hành"), r100, "12/03/2021", day(2021, 3, 12))
	dateCell(ts, col(t, SheetTargets, "Thời hạn từ"), r100, "2021", day(2021, 1, 1))
	dateCell(ts, col(t, SheetTargets, "Thời hạn đến"), r100, "2025", day(2025, 12, 31))
	dateCell(ts, col(t, SheetTargets, "Thời hạn từ"), rRange, "07/2021", day(2021, 7, 1))
	dateCell(ts, col(t, SheetTargets, "Thời hạn đến"), rRange, "06/2025", day(2025, 6, 30))
	if got := cell(ts, col(t, SheetTargets, "So sánh"), r80); got != "≥" {
		t.Errorf("comparator = %q; want ≥", got)
	}
	if got := cell(ts, col(t, SheetTargets, "Loại văn bản"), r80); got != "Nghị quyết" {
		t.Errorf("kind = %q; want Nghị quyết", got)
	}

	// Hyperlinks: our HYPERLINK() formula to the file.
	fc := col(t, SheetTargets, "Tệp")
	form, err := f.GetCellFormula(ts, fc+strconv.Itoa(r100))
	if err != nil {
		t.Fatal(err)
	}
	if want := `HYPERLINK("file://` + dir + `/nghi-quyet-05.pdf","` + dir + `/nghi-quyet-05.pdf")`; form != want {
		t.Errorf("file cell formula = %q; want %q", form, want)
	}
	if got := cell(ts, fc, r100); got != dir+"/nghi-quyet-05.pdf" {
		t.Errorf("file cell shows %q; want the path", got)
	}

	// Documents: counts, copies, warnings, a date-time.
	ds := SheetDocuments.Name(Vietnamese)
	drows, _ := f.GetRows(ds)
	seen := 0
	for i, r := range drows[1:] {
		n := i + 2
		seen++
		switch r[2] {
		case "123/QĐ-UBND":
			if got := cell(ds, col(t, SheetDocuments, "Bản sao khác"), n); got != dir+"/b/ban-sao.docx" {
				t.Errorf("other copies = %q", got)
			}
			if got := cell(ds, col(t, SheetDocuments, "Cảnh báo"), n); got != "bảng 2 không đọc được\ntrang 3 trống" {
				t.Errorf("warnings = %q", got)
			}
			numeric(ds, col(t, SheetDocuments, "Số chỉ tiêu"), n, 0)
		case "05-NQ/ĐU":
			numeric(ds, col(t, SheetDocuments, "Số chỉ tiêu"), n, 3)
			numeric(ds, col(t, SheetDocuments, "Số trang"), n, 2)
		case "":
			dateCell(ds, col(t, SheetDocuments, "Ngày đăng"), n, "10/07/2011 19:35", time.Date(2011, 7, 10, 19, 35, 0, 0, time.UTC))
			numeric(ds, col(t, SheetDocuments, "Số văn bản dẫn chiếu"), n, 2)
		default:
			seen--
		}
	}
	if seen != 3 {
		t.Errorf("documents sheet: %d of the 3 documents found: %q", seen, drows)
	}

	// Resolutions: 05-NQ/ĐU is stored and cited; 02-NQ/ĐUK only cited.
	rs := SheetResolutions.Name(Vietnamese)
	rrows, _ := f.GetRows(rs)
	found := 0
	for i, r := range rrows[1:] {
		n := i + 2
		switch r[0] {
		case "05-NQ/ĐU":
			found++
			numeric(rs, "F", n, 1)
			if form, _ := f.GetCellFormula(rs, "E"+strconv.Itoa(n)); !strings.Contains(form, "nghi-quyet-05.pdf") {
				t.Errorf("resolution file formula = %q", form)
			}
			if !strings.Contains(cell(rs, "G", n), "bai-bao.txt") {
				t.Errorf("citing documents = %q", cell(rs, "G", n))
			}
		case "02-NQ/ĐUK":
			found++
			dateCell(rs, "B", n, "04/07/2011", day(2011, 7, 4))
			if got := cell(rs, "E", n); got != "" {
				t.Errorf("only cited resolution has file %q", got)
			}
		}
	}
	if found != 2 {
		t.Errorf("resolutions sheet: %d of 05-NQ/ĐU and 02-NQ/ĐUK found: %q", found, rrows)
	}

	// Dates, with their context.
	ms := SheetDates.Name(Vietnamese)
	mrows, _ := f.GetRows(ms)
	seen = 0
	for i, r := range mrows[1:] {
		n := i + 2
		if r[2] == "tháng 7/2011" {
			seen++
			dateCell(ms, "D", n, "07/2011", day(2011, 7, 1))
			dateCell(ms, "E", n, "07/2011", day(2011, 7, 31))
			if got := cell(ms, "F", n); got != "tháng" {
				t.Errorf("grain = %q; want tháng", got)
			}
			if got := cell(ms, "G", n); !strings.Contains(got, "Trong tháng 7/2011 các chi bộ") {
				t.Errorf("context = %q", got)
			}
		}
	}
	if seen != 1 {
		t.Errorf("dates sheet: %d rows of tháng 7/2011; want 1", seen)
	}

	// Nowhere "null".
	for _, s := range f.GetSheetList() {
		rows, _ := f.GetRows(s)
		for _, r := range rows {
			for _, c := range r {
				if c == "null" || c == "<nil>" {
					t.Errorf("sheet %s has a %q cell", s, c)
				}
			}
		}
	}
}

func TestXLSXEnglish(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, dir+"/idx", sampleArchive(dir))
	f, _, _ := exportXLSX(t, ix, nil, Options{Lang: English, Sheets: []Sheet{SheetDocuments, SheetTargets}})
	if got := f.GetSheetList(); strings.Join(got, "|") != "Documents|Targets" {
		t.Fatalf("sheets = %q; want Documents|Targets", got)
	}
	rows, _ := f.GetRows("Targets")
	if strings.Join(rows[0], "|") != strings.Join(SheetTargets.Headers(English), "|") {
		t.Errorf("headers = %q", rows[0])
	}
	if rows[1][2] != "resolution" && rows[1][2] != "article" {
		t.Errorf("English kind = %q; want the code", rows[1][2])
	}
}

func TestSelect(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, dir+"/idx", sampleArchive(dir))
	ctx := context.Background()
	for _, tc := range []struct {
		q                   search.Query
		docs, targets, regs int
	}{
		{search.Query{Kind: "nghị quyết"}, 1, 3, 1},
		{search.Query{Number: "123/QĐ-UBND"}, 1, 0, 0},
		{search.Query{Kind: "article"}, 1, 1, 2},
		{search.Query{Targets: true, Text: "TCCSĐ"}, 1, 1, 2},
		{search.Query{Targets: true, Text: "subject:\"chi bộ\""}, 1, 2, 1},
		{search.Query{Kind: "law"}, 0, 0, 0},
	} {
		sel, err := search.Select(ctx, ix, tc.q)
		if err != nil {
			t.Fatalf("Select(%+v): %v", tc.q, err)
		}
		if sel.Documents() != tc.docs {
			t.Errorf("Select(%+v) = %d documents; want %d", tc.q, sel.Documents(), tc.docs)
		}
		if tc.docs == 0 {
			continue
		}
		_, _, stats := exportXLSX(t, ix, sel, Options{})
		if stats[SheetTargets] != tc.targets || stats[SheetDocuments] != tc.docs || stats[SheetResolutions] != tc.regs {
			t.Errorf("export of %+v: %v; want %d targets, %d documents, %d resolutions", tc.q, stats, tc.targets, tc.docs, tc.regs)
		}
	}
	if _, err := search.Select(ctx, ix, search.Query{Text: "issued:notadate"}); err == nil {
		t.Errorf("Select of a bad query: no error")
	}
}

// TestXLSXSameEveryRun writes the same rows to several workbooks and
// checks that every part of them is the same: the cell styles' numbers
// once depended on a map's order, so they (and the sheets that name them)
// changed from run to run.
func TestXLSXSameEveryRun(t *testing.T) {
	parts := func() map[string]string {
		var buf bytes.Buffer
		x, err := NewXLSX(&buf, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := x.BeginSheet(SheetDates); err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{"2021", "2021-03", "2021-03-12", "2021-03-12T10:30"} {
			row := make([]any, len(dateColumns))
			row[0], row[1] = Date{ISO: d}, 1.5
			if err := x.WriteRow(row); err != nil {
				t.Fatal(err)
			}
		}
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
		z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range z.File {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			out[f.Name] = string(b)
		}
		return out
	}
	first := parts()
	for run := 1; run < 8; run++ {
		for name, b := range parts() {
			if b != first[name] {
				t.Fatalf("run %d: %s differs from the first run's", run+1, name)
			}
		}
	}
}
