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

// addDocs writes n documents numbered from first through a writer of
// batches of size, and flushes.
func addDocs(t *testing.T, ix *Index, first, n, size int) {
	t.Helper()
	w := ix.NewWriter(size)
	for i := first; i < first+n; i++ {
		rec, text, st := testDoc(fmt.Sprintf("d%04d.txt", i), fmt.Sprintf("%064x", i), "Nghị quyết", fmt.Sprintf("Văn bản số %d về xây dựng đảng.", i))
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// TestTidyMergeAll: a run that wrote the whole index (a first ingest)
// leaves one segment, which the next process opens; a later run that
// writes a few documents leaves the segment it finds alone and adds its
// own, merged by the default plan only. (The index must hold more than
// the default plan's floor, 2,000 Bleve documents, or that plan merges
// everything anyway.)
func TestTidyMergeAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	const n = 1100 // a document and its file entry each
	addDocs(t, ix, 0, n, 50)
	if before := len(segments(t, ix)); before < 2 {
		t.Fatalf("the writer left %d segments; the test needs several", before)
	}
	if err := ix.Tidy(context.Background()); err != nil {
		t.Fatal(err)
	}
	if segs := segments(t, ix); len(segs) != 1 {
		t.Errorf("after a first ingest, Tidy left %d segments; want 1", len(segs))
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	// A small run: its own segments, the merged one untouched.
	ix = mustOpen(t, dir)
	defer ix.Close()
	if segs := segments(t, ix); len(segs) != 1 {
		t.Fatalf("reopened: %d segments; want the 1 Tidy left", len(segs))
	}
	big := segments(t, ix)[0].Id()
	addDocs(t, ix, n, 3, 10)
	if err := ix.Tidy(context.Background()); err != nil {
		t.Fatal(err)
	}
	segs := segments(t, ix)
	kept := false
	for _, s := range segs {
		kept = kept || s.Id() == big
	}
	if !kept || len(segs) < 2 {
		t.Errorf("after a run of 3 documents, %d segments, the merged one kept: %v; want it kept beside the run's", len(segs), kept)
	}
	if c, err := ix.Count(); err != nil || c != n+3 {
		t.Errorf("Count() = %d, %v; want %d", c, err, n+3)
	}
}

// TestTidyMergeAllCancelled: a merge of every segment cut short loses
// nothing, and the next Tidy still merges. (The segments' count in between
// is not checked: scorch's own merger may still be at work.)
func TestTidyMergeAllCancelled(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	ix := mustOpen(t, dir)
	defer ix.Close()
	addDocs(t, ix, 0, 100, 5)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ix.Tidy(ctx); err != nil {
		t.Errorf("Tidy(cancelled) = %v; want nil", err)
	}
	if c, err := ix.Count(); err != nil || c != 100 {
		t.Errorf("Count() = %d, %v; want 100", c, err)
	}
	if err := ix.Tidy(context.Background()); err != nil {
		t.Fatal(err)
	}
	if segs := segments(t, ix); len(segs) != 1 {
		t.Errorf("Tidy after a cancelled one left %d segments; want 1", len(segs))
	}
}

// TestMergeAllOptions: the plan for n segments under mergeAllOptions is
// one task of all of them.
func TestMergeAllOptions(t *testing.T) {
	for _, n := range []int{2, 5, 18, 40} {
		var segs []mergeplan.Segment
		for i := range n {
			segs = append(segs, &fakeSegment{id: uint64(i), size: int64(1000 * (i%7 + 1))})
		}
		o := mergeAllOptions(n)
		plan, err := mergeplan.Plan(segs, &o)
		if err != nil {
			t.Fatal(err)
		}
		if plan == nil || len(plan.Tasks) != 1 || len(plan.Tasks[0].Segments) != n {
			t.Errorf("%d segments: plan %+v; want one task of all", n, plan)
		}
	}
}

// fakeSegment is a segment of size live documents, for the planner.
type fakeSegment struct {
	id   uint64
	size int64
}

func (s *fakeSegment) Id() uint64          { return s.id }
func (s *fakeSegment) FullSize() int64     { return s.size }
func (s *fakeSegment) LiveSize() int64     { return s.size }
func (s *fakeSegment) HasVector() bool     { return false }
func (s *fakeSegment) FileSize() int64     { return s.size * 100 }
func (s *fakeSegment) LiveFileSize() int64 { return s.size * 100 }
