package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"vanban/extract"
	"vanban/index"
)

// tieIndex returns an index of n documents that all score alike for
// "đảng" (the word once, among as many other words, all different), written
// in batches of 50 so that the segments' order is not the ids' order, and
// the content hashes of its documents.
func tieIndex(t *testing.T, n int) (*index.Index, []string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ix")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(50)
	r := rand.New(rand.NewPCG(3, 3))
	var shas []string
	for i := 0; i < n; i++ {
		words := []string{"đảng"}
		for k := 0; k < 8; k++ {
			words = append(words, fmt.Sprintf("%c%c%c", 'b'+rune(r.IntN(20)), "aeiou"[r.IntN(5)], 'b'+rune(r.IntN(20))))
		}
		r.Shuffle(len(words), func(a, b int) { words[a], words[b] = words[b], words[a] })
		sha := fmt.Sprintf("%064x", uint64(i)*0x9e3779b97f4a7c15+7) // ids in no order of i
		shas = append(shas, sha)
		rec := extract.Record{Path: fmt.Sprintf("d%04d.txt", i), SHA256: sha, Format: "txt", Kind: "article"}
		if err := w.Add(rec, strings.Join(words, " ")+".", index.FileState{Path: rec.Path, SHA256: sha}); err != nil {
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
	sort.Strings(shas)
	return ix, shas
}

// TestRankedTies checks that hits of equal score come in the order of
// their ids on every page, whether the tie ends within the first window
// Searcher.ranked ranks, within a larger one, or not at all.
func TestRankedTies(t *testing.T) {
	const n = 700
	ix, shas := tieIndex(t, n)
	s, err := New(ix)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ offset, limit int }{
		{0, 10}, {5, 10}, {0, 1}, {90, 20}, {0, 600}, {650, 100}, {699, 10}, {700, 10},
	} {
		res, err := s.Search(context.Background(), Query{Text: "đảng", Offset: tc.offset, Limit: tc.limit, Snippets: -1, AllCopies: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != n {
			t.Fatalf("offset %d limit %d: total %d, want %d", tc.offset, tc.limit, res.Total, n)
		}
		for i, h := range res.Hits {
			if i == 0 && h.Score != res.Hits[len(res.Hits)-1].Score {
				t.Fatalf("offset %d limit %d: scores %v and %v differ: the documents do not tie", tc.offset, tc.limit, h.Score, res.Hits[len(res.Hits)-1].Score)
			}
		}
		want := shas[min(tc.offset, n):min(tc.offset+tc.limit, n)]
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.SHA256)
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("offset %d limit %d: got %d hits %.12v…, want %d %.12v…", tc.offset, tc.limit, len(got), got, len(want), want)
		}
	}
}
