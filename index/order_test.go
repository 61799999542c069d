package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
)

// TestRecordsInDocumentOrder stores documents in a shuffled order and
// checks that Records gives them kind by kind in the contract's order,
// then by issue date (else publication date; undated last), number
// (unnumbered last) and hash, also through a selection.
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
	order := func(sel *Selection) string {
		var got []string
		err := ix.inDocumentOrder(context.Background(), selectionQuery(sel), []string{FieldRecord, FieldPath}, func(id string, f map[string]interface{}) error {
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
	if got := order(nil); got != strings.Join(all, " ") {
		t.Errorf("documents: %s; want %s", got, strings.Join(all, " "))
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
	if got, want := order(sel), "l1 r2 r5 o1 x1"; got != want {
		t.Errorf("selected documents: %s; want %s", got, want)
	}
	n := 0
	if err := ix.Records(context.Background(), NewSelection(false), func(extract.Record) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("Records(empty selection) = %d records, %v; want none", n, err)
	}
}

// TestDocumentOrderAsSortedSearch checks the one-pass order against the
// way it was computed before, one sorted search of Bleve's per kind paged
// with SearchAfter (searchAfterOrder), on an index of several segments
// with deleted documents, many ties of date and of folded number, missing
// dates and numbers, kinds outside extract.Kinds, ids that are hashes and
// ids that are not, and documents stored under several paths: the same
// documents, in the same order, with the same stored fields, for the whole
// index and for a selection.
func TestDocumentOrderAsSortedSearch(t *testing.T) {
	ix, shas := orderTestIndex(t)
	rng := rand.New(rand.NewSource(8))
	type hit struct {
		id     string
		fields map[string]interface{}
	}
	list := func(q query.Query, do func(query.Query, func(string, map[string]interface{}) error) error) []hit {
		var got []hit
		if err := do(q, func(id string, f map[string]interface{}) error {
			got = append(got, hit{id, f})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	fields := []string{FieldRecord, FieldPath}
	sel := NewSelection(false)
	for _, sha := range shas[:300] {
		if rng.Intn(2) == 0 {
			sel.AddDocument(sha)
		}
	}
	for _, c := range []struct {
		name string
		sel  *Selection
	}{{"all", nil}, {"selection", sel}} {
		q := selectionQuery(c.sel)
		got := list(q, func(q query.Query, fn func(string, map[string]interface{}) error) error {
			return ix.inDocumentOrder(context.Background(), q, fields, fn)
		})
		want := list(q, func(q query.Query, fn func(string, map[string]interface{}) error) error {
			return searchAfterOrder(context.Background(), ix.idx, q, fields, 50, fn)
		})
		if len(want) < 50 {
			t.Fatalf("%s: the sorted search lists %d documents; the test needs more", c.name, len(want))
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d documents; the sorted search lists %d", c.name, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i].id != want[i].id {
				t.Errorf("%s: document %d is %s; the sorted search has %s", c.name, i, got[i].id, want[i].id)
				break
			}
			if !reflect.DeepEqual(got[i].fields, want[i].fields) {
				t.Errorf("%s: fields of %s:\n%v\nthe sorted search's:\n%v", c.name, got[i].id, got[i].fields, want[i].fields)
				break
			}
		}
	}
}

// orderTestIndex builds the index of TestDocumentOrderAsSortedSearch and
// returns it with the content hashes it was given.
func orderTestIndex(t *testing.T) (*Index, []string) {
	t.Helper()
	rng := rand.New(rand.NewSource(7))
	kinds := append(extract.Kinds(), "not-a-kind", "zzz", "")
	dates := []string{"", "", "2021-03-12", "2021-03-12", "2021-03", "2021", "2019-12-31", "1999-01-01", "2021-03-12T10:00:00Z", "garbled"}
	numbers := []string{"", "", "05-NQ/ĐU", "05-nq/đu", "05-NQ/DU", "07-NQ/ĐU", "1/2020", "10/2020", "12-KH/TU", "Số 3"}
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	t.Cleanup(func() { ix.Close() })
	w := ix.NewWriter(37) // many segments
	var shas []string
	for i := 0; i < 700; i++ {
		var sha string
		switch i % 10 {
		case 0:
			sha = fmt.Sprintf("s%03d", rng.Intn(1000)) // not a hash
		case 1:
			sum := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
			sha = strings.ToUpper(hex.EncodeToString(sum[:])) // not lowercase
		default:
			sum := sha256.Sum256([]byte{byte(i), byte(i >> 8), 1})
			sha = hex.EncodeToString(sum[:])
		}
		path := fmt.Sprintf("f%04d.txt", i)
		var targets []extract.Target
		for j := 0; j < i%3; j++ {
			targets = append(targets, extract.Target{Text: fmt.Sprintf("%d%% chi bộ", 50+j), Comparator: ">=", Value: float64(50 + j), Unit: "%", Subject: "chi bộ"})
		}
		rec, text, st := testDoc(path, sha, "Văn bản "+sha, "Nội dung "+sha, targets...)
		rec.Kind = kinds[rng.Intn(len(kinds))]
		rec.Issued = extract.NullString(dates[rng.Intn(len(dates))])
		if rng.Intn(3) == 0 {
			rec.Published = extract.NullString(dates[rng.Intn(len(dates))])
		}
		rec.Number = extract.NullString(numbers[rng.Intn(len(numbers))])
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
		shas = append(shas, sha)
		if i%13 == 0 {
			st.Path = fmt.Sprintf("copy/f%04d.txt", i)
			if err := w.AddPath(st); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i := 0; i < 700; i += 9 {
		if err := w.RemovePath(fmt.Sprintf("f%04d.txt", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return ix, shas
}

// searchAfterOrder is how inDocumentOrder listed documents before: kind by
// kind, a search sorted by docOrder per kind, paged with SearchAfter.
func searchAfterOrder(ctx context.Context, idx bleve.Index, base query.Query, fields []string, page int, fn func(id string, fields map[string]interface{}) error) error {
	sorted := func(q query.Query) error {
		var after []string
		for {
			req := bleve.NewSearchRequestOptions(q, page, 0, false)
			req.Fields = fields
			req.SortBy(docOrder)
			req.SearchAfter = after
			res, err := idx.SearchInContext(ctx, req)
			if err != nil {
				return err
			}
			n := len(res.Hits)
			if n > 0 {
				after = res.Hits[n-1].Sort
			}
			for _, h := range res.Hits {
				if err := fn(h.ID, h.Fields); err != nil {
					return err
				}
			}
			if n < page {
				return nil
			}
		}
	}
	var kinds []query.Query
	for _, k := range extract.Kinds() {
		kq := query.NewTermQuery(k)
		kq.SetField(FieldKind)
		kinds = append(kinds, kq)
		if err := sorted(query.NewConjunctionQuery([]query.Query{base, kq})); err != nil {
			return err
		}
	}
	return sorted(query.NewBooleanQuery([]query.Query{base}, nil, []query.Query{query.NewDisjunctionQuery(kinds)}))
}

// TestEachAsSortedSearch checks the walk over the id dictionary against
// the search sorted by _id that each was before (searchAfterEach), for
// every type, on the index of TestDocumentOrderAsSortedSearch: the same
// ids (no deleted ones), in the same order, with the same stored fields.
func TestEachAsSortedSearch(t *testing.T) {
	ix, _ := orderTestIndex(t)
	for _, c := range []struct {
		typ    string
		fields []string
	}{
		{TypeDoc, []string{FieldRecord, FieldPath}},
		{TypeTarget, []string{FieldRecord}},
		{TypeTarget, nil},
		{TypeFile, []string{FieldFileState}},
	} {
		var got, want []string
		var gotF, wantF []map[string]interface{}
		err := ix.each(context.Background(), c.typ, c.fields, func(id string, f map[string]interface{}) error {
			got, gotF = append(got, id), append(gotF, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		err = searchAfterEach(context.Background(), ix.idx, c.typ, c.fields, 7, func(id string, f map[string]interface{}) error {
			want, wantF = append(want, id), append(wantF, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) < 50 {
			t.Fatalf("%s: the sorted search lists %d entries; the test needs more", c.typ, len(want))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: ids\n%v\nthe sorted search's:\n%v", c.typ, got, want)
			continue
		}
		if !reflect.DeepEqual(gotF, wantF) {
			t.Errorf("%s %v: the fields differ from the sorted search's", c.typ, c.fields)
		}
	}
}

// searchAfterEach is how each listed documents before: a search for the
// type sorted by _id, paged with SearchAfter.
func searchAfterEach(ctx context.Context, idx bleve.Index, typ string, fields []string, page int, fn func(id string, fields map[string]interface{}) error) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(typeQuery(typ), page, 0, false)
		req.Fields = fields
		req.SortBy([]string{"_id"})
		req.SearchAfter = after
		res, err := idx.SearchInContext(ctx, req)
		if err != nil {
			return err
		}
		n := len(res.Hits)
		if n > 0 {
			after = []string{res.Hits[n-1].ID}
		}
		for _, h := range res.Hits {
			if err := fn(h.ID, h.Fields); err != nil {
				return err
			}
		}
		if n < page {
			return nil
		}
	}
}
