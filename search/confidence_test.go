package search

import (
	"context"
	"sort"
	"testing"
)

// TestMinConfidence checks that MinConfidence keeps exactly the targets at
// or above it, by comparing with the unfiltered list: the threshold is the
// median confidence the extractor gave the corpus, so both sides are
// non-empty whatever the model's weights.
func TestMinConfidence(t *testing.T) {
	ix := buildIndex(t)
	ctx := context.Background()
	all, err := Search(ctx, ix, Query{Targets: true, Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Hits) < 3 {
		t.Fatalf("%d targets in the corpus; want at least 3", len(all.Hits))
	}
	var cs []float64
	for _, h := range all.Hits {
		if c := h.Target.Confidence; c <= 0 || c > 1 {
			t.Errorf("target %q: confidence %g; want in (0, 1]", h.Target.Text, c)
		}
		cs = append(cs, h.Target.Confidence)
	}
	sort.Float64s(cs)
	min := cs[len(cs)/2]
	if min == cs[0] {
		t.Fatalf("the median confidence %g is the lowest: no spread to filter", min)
	}
	want := 0
	for _, c := range cs {
		if c >= min {
			want++
		}
	}
	got, err := Search(ctx, ix, Query{Targets: true, MinConfidence: min, Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Hits) != want || got.Total != uint64(want) {
		t.Errorf("MinConfidence %g: %d hits, total %d; want %d", min, len(got.Hits), got.Total, want)
	}
	for _, h := range got.Hits {
		if h.Target.Confidence < min {
			t.Errorf("target %q of confidence %g passed MinConfidence %g", h.Target.Text, h.Target.Confidence, min)
		}
	}
}
