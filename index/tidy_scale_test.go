package index

import (
	"context"
	"os"
	"testing"
	"time"
)

// TestTidyScale merges every segment of the index named by
// VANBAN_TIDY_INDEX (a copy: it is rewritten) as Tidy does after a first
// ingest, and logs the segments before and after and the time it took.
// Run the test binary under /usr/bin/time for the merge's peak RSS; with
// VANBAN_TIDY_CANCEL=5s the merge is cancelled after that long and the
// log says how soon Tidy returned.
func TestTidyScale(t *testing.T) {
	dir := os.Getenv("VANBAN_TIDY_INDEX")
	if dir == "" {
		t.Skip("set VANBAN_TIDY_INDEX to a copy of an index")
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := ix.idx.DocCount()
	ix.written.Store(int64(n)) // as if this run wrote the whole index
	segs := segments(t, ix)
	ctx := context.Background()
	var cancelAt time.Time
	if d, err := time.ParseDuration(os.Getenv("VANBAN_TIDY_CANCEL")); err == nil {
		c, cancel := context.WithCancel(ctx)
		ctx = c
		time.AfterFunc(d, func() { cancelAt = time.Now(); cancel() })
	}
	start := time.Now()
	err = ix.Tidy(ctx)
	end := time.Now()
	after := segments(t, ix)
	t.Logf("%d Bleve documents: %d segments -> %d in %v (err %v)", n, len(segs), len(after), end.Sub(start), err)
	if !cancelAt.IsZero() {
		t.Logf("cancelled: Tidy returned %v after the cancel", end.Sub(cancelAt))
	}
	cstart := time.Now()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("closed in %v", time.Since(cstart))
}
