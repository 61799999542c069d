package search

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"vanban/extract"
	"vanban/index"
)

// kindIndex returns an index that holds one document of each kind that
// extract's table of type names knows.
func kindIndex(t *testing.T) *index.Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(100)
	kinds := map[string]bool{}
	for _, n := range extract.TypeNames() {
		if kinds[n.Kind] {
			continue
		}
		kinds[n.Kind] = true
		sha := fmt.Sprintf("%064x", len(kinds))
		rec := extract.Record{Path: n.Kind + ".txt", SHA256: sha, Format: "txt", Kind: n.Kind,
			Title: extract.NullString("Văn bản loại " + n.Kind)}
		if err := w.Add(rec, "Nội dung của văn bản.", index.FileState{Path: rec.Path, SHA256: sha}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = index.OpenReadOnly(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestKindFilterByName checks every Vietnamese type name of extract's
// data/types.tsv: --kind with the name, with it in capitals or without
// diacritics ("quy định", "QUY ĐỊNH", "quy dinh", where folding turns quy
// into qui) finds the same documents as --kind with the kind's code.
func TestKindFilterByName(t *testing.T) {
	ix := kindIndex(t)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	paths := func(q Query) string {
		t.Helper()
		q.Limit = 100
		res, err := s.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		var ps []string
		for _, h := range res.Hits {
			ps = append(ps, h.Path)
		}
		sort.Strings(ps)
		return strings.Join(ps, " ")
	}
	for _, n := range extract.TypeNames() {
		t.Run(n.Name, func(t *testing.T) {
			want := paths(Query{Kind: n.Kind})
			if want != n.Kind+".txt" {
				t.Fatalf("--kind %s finds %q; want %s.txt", n.Kind, want, n.Kind)
			}
			for _, v := range []string{n.Name, strings.ToUpper(n.Name), strings.ReplaceAll(index.FoldTerm(n.Name), "qui", "quy")} {
				if got := paths(Query{Kind: v}); got != want {
					t.Errorf("--kind %q finds %q; want %q (as --kind %s)", v, got, want, n.Kind)
				}
				if got := paths(Query{Text: "kind:\"" + v + "\""}); got != want {
					t.Errorf("kind:%q finds %q; want %q", v, got, want)
				}
			}
		})
	}
}
