package index

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// segments returns the segments of ix's current snapshot.
func segments(t *testing.T, ix *Index) []mergeplan.Segment {
	t.Helper()
	a, err := ix.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.(*scorch.Scorch).Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var segs []mergeplan.Segment
	for _, s := range r.(*scorch.IndexSnapshot).Segments() {
		segs = append(segs, s)
	}
	return segs
}

// TestTidy: a writer that commits many small batches leaves segments that
// scorch's default plan would merge; Tidy merges them, and every document
// is still there. A Tidy cut short by its context loses nothing either.
func TestTidy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	w := ix.NewWriter(2)
	const n = 120
	for i := range n {
		rec, text, st := testDoc(fmt.Sprintf("d%03d.txt", i), fmt.Sprintf("%064x", i), "Nghị quyết", fmt.Sprintf("Văn bản số %d về xây dựng đảng.", i))
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	before := len(segments(t, ix))

	// Cut short: nothing lost, the index still writable.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ix.Tidy(ctx); err != nil {
		t.Errorf("Tidy(cancelled) = %v; want nil", err)
	}
	if c, err := ix.Count(); err != nil || c != n {
		t.Errorf("after a cancelled Tidy: Count() = %d, %v; want %d", c, err, n)
	}

	if err := ix.Tidy(context.Background()); err != nil {
		t.Fatalf("Tidy: %v", err)
	}
	segs := segments(t, ix)
	if plan, err := mergeplan.Plan(segs, &mergeplan.DefaultMergePlanOptions); err != nil || plan != nil && len(plan.Tasks) > 0 {
		t.Errorf("after Tidy, %d segments (%d before) and the default plan still merges: %+v, %v", len(segs), before, plan, err)
	}
	if len(segs) > before {
		t.Errorf("Tidy left %d segments, more than the %d before", len(segs), before)
	}
	if c, err := ix.Count(); err != nil || c != n {
		t.Errorf("after Tidy: Count() = %d, %v; want %d", c, err, n)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// The merged state is what the next process opens.
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if c, err := ro.Count(); err != nil || c != n {
		t.Errorf("reopened: Count() = %d, %v; want %d", c, err, n)
	}
	t.Logf("%d segments before Tidy, %d after", before, len(segs))
}

// TestTidyReadOnly: a reader cannot tidy.
func TestTidyReadOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	mustOpen(t, dir).Close()
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Tidy(context.Background()); err == nil {
		t.Error("Tidy on a read-only index: no error")
	}
}
