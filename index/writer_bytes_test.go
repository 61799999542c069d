package index

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestWriterCommitsByBytes checks that a batch is committed once it holds
// MaxBatchBytes of text, however few documents that is, so that memory is
// bounded by size and not by a document count.
func TestWriterCommitsByBytes(t *testing.T) {
	ix := mustOpen(t, filepath.Join(t.TempDir(), "idx"))
	defer ix.Close()
	w := ix.NewWriter(1000)
	big := strings.Repeat("nghị quyết đảng viên ", MaxBatchBytes/len("nghị quyết đảng viên ")/2+1)
	for i, sha := range []string{"aa", "bb"} {
		rec, text, st := testDoc("/a/"+sha+".txt", sha, "t", big)
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
		n, err := ix.Count()
		if err != nil {
			t.Fatal(err)
		}
		if want := []int{0, 2}[i]; n != want {
			t.Errorf("after %d documents of %d MB: %d committed; want %d", i+1, len(big)>>20, n, want)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
