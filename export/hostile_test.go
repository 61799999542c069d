package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"vanban/extract"
)

// hostile are texts that a spreadsheet could run or choke on.
var hostile = []string{
	"=1+1",
	"+SUM(A1)",
	"@cmd",
	"-2+3",
	"=HYPERLINK(\"http://example.com/x\",\"bấm vào\")",
	"=cmd|' /C calc'!A0",
	"\t=1+1",
	"\r=1+1",
	"_x0041_ không phải A",
	"a\x01b\x1fc\x00d",
	"x\uFFFEy\uFFFFz",
	"nửa\xffhỏng",
}

// longText is longer than a cell holds, with characters of two UTF-16
// units.
var longText = strings.Repeat("😀 chỉ tiêu ", 4000)

// hostileArchive is one document with hostile text in every field.
func hostileArchive(dir string) []fixture {
	h := func(i int) string { return hostile[i%len(hostile)] }
	body := strings.Join(hostile, " ") + " ngày 1/2/2020 " + longText
	rec := extract.Record{
		Path: filepath.Join(dir, "=cmd|'calc'!A0 \"trích\".txt"), Format: "txt", Encoding: "utf-8", Kind: "resolution",
		Title: extract.NullString(h(0)), Number: extract.NullString(h(1)), Issuer: extract.NullString(h(2)),
		Issued: "2020-02-01", Authors: []string{h(3), h(4)},
		References: []extract.Reference{{Number: "=2-NQ/TW", Kind: "resolution", Issued: "2019-01-01", Title: extract.NullString(h(5))}},
		Dates:      []extract.Date{dateAt(body, "ngày 1/2/2020", "2020-02-01", "2020-02-01", "day", 0), {Text: h(6), Start: "=1", End: "@2", Grain: "day"}},
		Warnings:   []string{h(7), h(8), longText},
		Error:      extract.NullString(h(9)),
	}
	for i := range hostile {
		rec.Targets = append(rec.Targets, extract.Target{
			Text: h(i), Comparator: ">=", Value: -float64(i) - 0.5, Unit: h(i + 1), Subject: h(i + 2),
			SubjectExpanded: extract.NullString(h(i + 3)), Indicator: h(i + 4), SourceNumber: extract.NullString(h(i + 5)),
			Period: &extract.Period{Start: h(i + 6), End: "2025"}, Sentence: h(i) + " " + longText,
		})
	}
	return []fixture{{paths: []string{rec.Path}, pages: []string{body}, rec: rec}}
}

func TestXLSXHostile(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, dir+"/idx", hostileArchive(dir))
	f, data, stats := exportXLSX(t, ix, nil, Options{})
	if stats[SheetTargets] != len(hostile) {
		t.Fatalf("%d target rows; want %d", stats[SheetTargets], len(hostile))
	}
	marker := cutMarker(Vietnamese)
	formulas := 0
	values := map[string]bool{}
	for _, s := range AllSheets {
		name := s.Name(Vietnamese)
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				values[v] = true
				if !utf8.ValidString(v) || strings.IndexFunc(v, badXML) >= 0 {
					t.Errorf("%s!%s = %q: invalid text", name, ref, v)
				}
				if n := utf16Units(v); n > MaxCellUnits {
					t.Errorf("%s!%s: %d UTF-16 units", name, ref, n)
				}
				if strings.Contains(v, "😀 chỉ tiêu") && utf16Units(v) > 1000 && !strings.HasSuffix(v, marker) {
					t.Errorf("%s!%s: long text cut without the marker: …%q", name, ref, v[len(v)-40:])
				}
				form, err := f.GetCellFormula(name, ref)
				if err != nil {
					t.Fatal(err)
				}
				if form == "" {
					continue
				}
				formulas++
				if s.columns()[c].kind != colLink || !strings.HasPrefix(form, `HYPERLINK("file://`) {
					t.Errorf("%s!%s is a formula: %q", name, ref, form)
				}
			}
		}
	}
	if formulas == 0 {
		t.Errorf("no HYPERLINK formula at all")
	}
	if n := strings.Count(zipFile(t, data, "xl/worksheets/sheet1.xml"), "<f>"); n != len(hostile) {
		t.Errorf("targets sheet XML has %d formulas; want %d (one link per row)", n, len(hostile))
	}
	// Hostile texts are shown literally (cleaned of what XML cannot hold).
	for _, h := range hostile {
		want := CleanText(h, marker)
		if !values[want] {
			t.Errorf("no cell shows %q literally", want)
		}
	}
	rows, _ := f.GetRows(SheetTargets.Name(Vietnamese))
	for i, r := range rows[1:] {
		if r[0] != "=1+1" {
			t.Errorf("Chỉ tiêu!A%d = %q; want =1+1", i+2, r[0])
		}
	}

	sofficeCheck(t, data)
}

// utf16Units counts the UTF-16 code units of s.
func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

// sofficeCheck converts the workbook to CSV with LibreOffice, when it is
// installed with its spreadsheet component, and checks that it opens and
// shows the hostile texts literally.
func sofficeCheck(t *testing.T, data []byte) {
	t.Helper()
	if testing.Short() {
		t.Log("short: LibreOffice check skipped")
		return
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Log("soffice not installed: LibreOffice check skipped")
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "hostile.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// UTF-8, cells as shown, no formulas, every sheet to its own file.
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", filter, "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	msg, err := cmd.CombinedOutput()
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if strings.Contains(string(msg), "source file could not be loaded") && len(files) == 0 {
		if probeSoffice(t, soffice) {
			t.Fatalf("LibreOffice cannot open the workbook: %s", msg)
		}
		t.Logf("soffice cannot convert spreadsheets here (no Calc?): LibreOffice check skipped")
		return
	}
	if err != nil || len(files) != len(AllSheets) {
		t.Fatalf("soffice: %v, %d CSV files: %s", err, len(files), msg)
	}
	fields := map[string]bool{}
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", fn, err)
		}
		for _, rec := range recs {
			for _, v := range rec {
				fields[v] = true
			}
		}
	}
	for _, h := range []string{"=1+1", "+SUM(A1)", "@cmd", "-2+3", "=cmd|' /C calc'!A0", "_x0041_ không phải A", "abcd"} {
		if !fields[h] {
			t.Errorf("LibreOffice does not show %q literally", h)
		}
	}
	for _, v := range []string{"#NAME?", "Err:508", "#VALUE!"} {
		if fields[v] {
			t.Errorf("LibreOffice shows %q: a text cell was computed", v)
		}
	}
	// The targets sheet: the title column holds =1+1 as text, never 2.
	b, err := os.ReadFile(filepath.Join(out, "hostile-"+SheetTargets.Name(Vietnamese)+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil || len(recs) != len(hostile)+1 {
		t.Fatalf("LibreOffice targets sheet: %d rows, %v; want %d", len(recs), err, len(hostile)+1)
	}
	for i, rec := range recs[1:] {
		if rec[0] != "=1+1" {
			t.Errorf("LibreOffice shows title %q in row %d; want =1+1", rec[0], i+2)
		}
	}
	var links int
	for v := range fields {
		if strings.HasSuffix(v, `"trích".txt`) {
			links++
		}
	}
	if links == 0 {
		t.Errorf("LibreOffice shows no file link text")
	}
}

// probeSoffice reports whether soffice converts a trivial spreadsheet.
func probeSoffice(t *testing.T, soffice string) bool {
	dir := t.TempDir()
	in := filepath.Join(dir, "probe.csv")
	os.WriteFile(in, []byte("a,b\n1,2\n"), 0o644)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "xlsx", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	cmd.Run()
	_, err := os.Stat(filepath.Join(dir, "probe.xlsx"))
	return err == nil
}

func TestCSVHostile(t *testing.T) {
	dir := t.TempDir()
	ix := buildIndex(t, dir+"/idx", hostileArchive(dir))
	for _, s := range AllSheets {
		var buf bytes.Buffer
		opts := Options{Sheets: []Sheet{s}}
		if _, err := Export(context.Background(), ix, nil, NewCSV(&buf, opts), opts); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		if !bytes.HasPrefix(b, []byte(bom)) {
			t.Fatalf("sheet %s: no byte order mark", s)
		}
		if !utf8.Valid(b) {
			t.Errorf("sheet %s: invalid UTF-8", s)
		}
		r := csv.NewReader(bytes.NewReader(b[len(bom):]))
		r.FieldsPerRecord = len(s.columns())
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("sheet %s: %v", s, err)
		}
		if strings.Join(recs[0], "|") != strings.Join(s.Headers(Vietnamese), "|") {
			t.Errorf("sheet %s headers = %q", s, recs[0])
		}
		for _, rec := range recs[1:] {
			for i, v := range rec {
				if k := s.columns()[i].kind; k != colNumber && k != colInt && dangerous(v) {
					t.Errorf("sheet %s column %d = %q: could run as a formula", s, i+1, v)
				}
				if strings.IndexFunc(v, badXML) >= 0 && !strings.ContainsAny(v, "\t\r") {
					t.Errorf("sheet %s column %d = %q: control characters", s, i+1, v)
				}
			}
		}
		if s == SheetTargets {
			val := col(t, SheetTargets, "Giá trị")
			n, _ := excelize.ColumnNameToNumber(val)
			for i, rec := range recs[1:] {
				if want := strconv.FormatFloat(-float64(i)-0.5, 'f', -1, 64); rec[n-1] != want {
					t.Errorf("value = %q; want the plain number %s", rec[n-1], want)
				}
			}
			if got := recs[1][0]; got != "'=1+1" {
				t.Errorf("title = %q; want '=1+1", got)
			}
		}
	}
}
