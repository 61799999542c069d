package index

import (
	"context"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"vanban/extract"
)

// TestRecordsInDocumentOrder stores documents in a shuffled order and
// checks that Records gives them kind by kind in the contract's order,
// then by issue date (else publication date; undated last), number
// (unnumbered last) and hash, also across pages and through a selection.
func TestRecordsInDocumentOrder(t *testing.T) {
	type doc struct{ sha, kind, issued, number string }
	published := map[string]string{"a1": "2024-02-02"} // an article: dated by its publication
	// In the order Records must give them.
	want := []doc{
		{"l1", "law", "2015-06-19", "80/2015/QH13"},
		{"r1", "resolution", "2011-07-04", "02-NQ/ĐUK"},
		{"r2", "resolution", "2021-03-12", "05-NQ/ĐU"},
		{"r3", "resolution", "2021-03-12", "07-NQ/ĐU"},
		{"r4", "resolution", "2021-03-12", ""},
		{"r5", "resolution", "", "01-NQ/TW"},
		{"r6", "resolution", "", ""},
		{"r7", "resolution", "", ""},
		{"d1", "decision", "2023-05-01", "123/QĐ-UBND"},
		{"p1", "plan", "2023-01-10", "45/KH-VHTT"},
		{"a0", "article", "2023-01-01", ""},
		{"a1", "article", "", ""},
		{"a2", "article", "", ""},
		{"o1", "other", "2020", ""},
		{"o2", "other", "", ""},
		{"x1", "not-a-kind", "2000-01-01", ""},
	}
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	defer ix.Close()
	w := ix.NewWriter(3)
	shuffled := append([]doc(nil), want...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, d := range shuffled {
		rec, text, st := testDoc(d.sha+".txt", d.sha, "Văn bản "+d.sha, "Nội dung "+d.sha)
		rec.Kind, rec.Issued, rec.Number = d.kind, extract.NullString(d.issued), extract.NullString(d.number)
		rec.Published = extract.NullString(published[d.sha])
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	order := func(sel *Selection, page int) string {
		var got []string
		err := ix.inDocumentOrder(context.Background(), selectionQuery(sel), []string{FieldRecord, FieldPath}, page, func(id string, f map[string]interface{}) error {
			rec, err := recordFromFields(f)
			got = append(got, rec.SHA256)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(got, " ")
	}
	var all []string
	for _, d := range want {
		all = append(all, d.sha)
	}
	for _, page := range []int{recordPage, 1, 2, 5} {
		if got := order(nil, page); got != strings.Join(all, " ") {
			t.Errorf("documents in pages of %d: %s; want %s", page, got, strings.Join(all, " "))
		}
	}
	var viaRecords []string
	if err := ix.Records(context.Background(), nil, func(r extract.Record) error { viaRecords = append(viaRecords, r.SHA256); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(viaRecords, " "); got != strings.Join(all, " ") {
		t.Errorf("Records: %s; want %s", got, strings.Join(all, " "))
	}
	sel := NewSelection(false)
	for _, sha := range []string{"o1", "r5", "x1", "l1", "r2"} {
		sel.AddDocument(sha)
	}
	if got, want := order(sel, 2), "l1 r2 r5 o1 x1"; got != want {
		t.Errorf("selected documents: %s; want %s", got, want)
	}
	n := 0
	if err := ix.Records(context.Background(), NewSelection(false), func(extract.Record) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("Records(empty selection) = %d records, %v; want none", n, err)
	}
}
