package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"vanban/extract"
	"vanban/index"
)

// writeSyntheticArchive writes n small Vietnamese documents into dir, each
// with distinct content.
func writeSyntheticArchive(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		body := fmt.Sprintf("NGHỊ QUYẾT số %d-NQ/ĐU\nVề công tác xây dựng Đảng năm %d\n\n"+
			"Phấn đấu đến năm 2025 có từ %d%% tổ chức cơ sở đảng trở lên đạt trong sạch, vững mạnh; "+
			"kết nạp %d đảng viên mới. Văn bản thử số %d.\n", i+1, 2000+i%25, 50+i%50, 10+i, i)
		name := filepath.Join(dir, fmt.Sprintf("d%03d", i/100), fmt.Sprintf("nq-%04d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// storedPaths opens the index read-only and returns how many documents it
// holds and every path it knows.
func storedPaths(t *testing.T, dir string) (docs int, paths map[string]index.FileState) {
	t.Helper()
	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("OpenReadOnly(%s): %v", dir, err)
	}
	defer ix.Close()
	seen := map[string]bool{}
	err = ix.Records(context.Background(), nil, func(r extract.Record) error {
		if seen[r.SHA256] {
			t.Errorf("document %s stored twice", r.SHA256)
		}
		seen[r.SHA256] = true
		docs++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	paths, err = ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	return docs, paths
}

// TestIngestSurvivesKill kills an ingest with SIGKILL in the middle of the
// run and checks that the next run completes with no document lost or
// duplicated, and that a third run finds nothing to do.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: ingests 400 files three times")
	}
	bin, err := exec.LookPath("vanban")
	if err != nil {
		t.Fatalf("vanban not on PATH (TestMain installs it): %v", err)
	}
	const n = 400
	archive := t.TempDir()
	writeSyntheticArchive(t, archive, n)
	idx := filepath.Join(t.TempDir(), "idx")

	cmd := exec.Command(bin, "ingest", "--index", idx, "--batch", "20", "--workers", "2", archive)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are on disk, or after a short while.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if size := dirSize(idx); size > 200<<10 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	out, err := exec.Command(bin, "ingest", "--index", idx, "--json", archive).Output()
	if err != nil {
		t.Fatalf("ingest after kill: %v\n%s", err, out)
	}
	var sum ingestSummary
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Ingested+sum.Unchanged != n || sum.Failed != 0 {
		t.Errorf("after kill: ingested %d + unchanged %d, failed %d; want %d files in all, none failed", sum.Ingested, sum.Unchanged, sum.Failed, n)
	}
	t.Logf("killed run had committed %d of %d files", sum.Unchanged, n)
	docs, paths := storedPaths(t, idx)
	if docs != n || len(paths) != n {
		t.Errorf("index holds %d documents and %d paths; want %d of each", docs, len(paths), n)
	}

	out, err = exec.Command(bin, "ingest", "--index", idx, "--json", archive).Output()
	if err != nil {
		t.Fatalf("third ingest: %v\n%s", err, out)
	}
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 0 || sum.Unchanged != n {
		t.Errorf("unchanged re-run: ingested %d, unchanged %d; want 0 and %d", sum.Ingested, sum.Unchanged, n)
	}
}

// TestIngestReplacesChangedFile changes a file's content and checks that the
// new run replaces the old entry instead of adding a second one.
func TestIngestReplacesChangedFile(t *testing.T) {
	bin, err := exec.LookPath("vanban")
	if err != nil {
		t.Fatal(err)
	}
	archive := t.TempDir()
	writeSyntheticArchive(t, archive, 3)
	idx := filepath.Join(t.TempDir(), "idx")
	if out, err := exec.Command(bin, "ingest", "--index", idx, archive).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	changed := filepath.Join(archive, "d000", "nq-0001.txt")
	if err := os.WriteFile(changed, []byte("KẾ HOẠCH mới hoàn toàn, nội dung khác.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "ingest", "--index", idx, archive).CombinedOutput(); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, out)
	}
	docs, paths := storedPaths(t, idx)
	if docs != 3 || len(paths) != 3 {
		t.Errorf("after a change: %d documents, %d paths; want 3 and 3", docs, len(paths))
	}
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
