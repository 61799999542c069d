package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"vanban/extract"
	"vanban/index"
)

// csvRows exports one sheet of ix as CSV (English headers) and returns its
// rows, the header first.
func csvRows(t *testing.T, ix *index.Index, s Sheet) [][]string {
	t.Helper()
	var buf bytes.Buffer
	opts := Options{Sheets: []Sheet{s}, Lang: English}
	if _, err := Export(context.Background(), ix, nil, NewCSV(&buf, opts), opts); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// column returns the values of the column named h (an English header).
func columnOf(t *testing.T, recs [][]string, h string) []string {
	t.Helper()
	for i, x := range recs[0] {
		if x == h {
			var out []string
			for _, r := range recs[1:] {
				out = append(out, r[i])
			}
			return out
		}
	}
	t.Fatalf("no column %q in %q", h, recs[0])
	return nil
}

// TestRowOrder checks that rows follow the documents (kind by kind in the
// contract's order, then by date and number), not their content hashes,
// and within a document the order of its text, whatever order the record
// lists targets and dates in.
func TestRowOrder(t *testing.T) {
	dir := t.TempDir()
	fx := sampleArchive(dir)
	// A second resolution, older: it comes before 05-NQ/ĐU. Its targets
	// and dates are listed out of text order.
	body := "NGHỊ QUYẾT 02-NQ/ĐUK ngày 4/7/2011. Đến năm 2013 đạt 80% chi bộ vững mạnh. Đến năm 2015 có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh."
	p2 := "Trang hai: đến cuối năm 2015 kết nạp 100 đảng viên."
	sent1, sent2 := "Đến năm 2013 đạt 80% chi bộ vững mạnh.", "Đến năm 2015 có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh."
	old := extract.Record{
		Path: filepath.Join(dir, "nq-02.pdf"), Format: "pdf", Kind: "resolution", Title: "Xây dựng TCCSĐ trong sạch, vững mạnh",
		Number: "02-NQ/ĐUK", Issued: "2011-07-04", Pages: ptr(2), Authors: []string{}, References: []extract.Reference{}, Warnings: []string{},
		Targets: []extract.Target{
			{Text: "100 đảng viên", Comparator: "=", Value: 100, Subject: "đảng viên", Sentence: p2, Page: 2},
			{Text: "80% chi bộ", Comparator: "=", Value: 80, Unit: "%", Subject: "chi bộ", Sentence: sent1, Page: 1},
			{Text: "90% TCCSĐ", Comparator: ">=", Value: 90, Unit: "%", Subject: "TCCSĐ", Sentence: sent2, Page: 1},
			{Text: "trong đó 50 nữ", Comparator: "=", Value: 50, Subject: "đảng viên nữ", Sentence: p2, Page: 2, Parent: ptr(0)},
		},
		Dates: []extract.Date{
			dateAt(p2, "cuối năm 2015", "2015", "2015", "year", 2),
			dateAt(body, "năm 2015", "2015", "2015", "year", 1),
			dateAt(body, "ngày 4/7/2011", "2011-07-04", "2011-07-04", "day", 1),
			dateAt(body, "năm 2013", "2013", "2013", "year", 1),
		},
	}
	fx = append(fx, fixture{paths: []string{old.Path}, pages: []string{body, p2}, rec: old})
	ix := buildIndex(t, filepath.Join(dir, "idx"), fx)

	docs := csvRows(t, ix, SheetDocuments)
	if got, want := strings.Join(columnOf(t, docs, "Number"), " "), "02-NQ/ĐUK 05-NQ/ĐU 123/QĐ-UBND "; got != want {
		t.Errorf("documents in order %q; want %q (resolutions by date, the decision, the article)", got, want)
	}
	if got := columnOf(t, docs, "Kind"); strings.Join(got, " ") != "resolution resolution decision article" {
		t.Errorf("kinds in order %q", got)
	}

	targets := csvRows(t, ix, SheetTargets)
	if got, want := strings.Join(columnOf(t, targets, "Value"), " "), "80 90 100 50 100 80 55 90"; got != want {
		t.Errorf("target values in order %q; want %q", got, want)
	}
	// "trong đó 50 nữ" belongs to the 100 on page 2, which is now row 4.
	if got := columnOf(t, targets, "Parent row")[3]; got != "4" {
		t.Errorf("parent row of the sub-target = %q; want 4", got)
	}

	dates := csvRows(t, ix, SheetDates)
	if got, want := strings.Join(columnOf(t, dates, "Mention")[:4], " | "), "ngày 4/7/2011 | năm 2013 | năm 2015 | cuối năm 2015"; got != want {
		t.Errorf("dates of 02-NQ/ĐUK in order %q; want %q", got, want)
	}
}
