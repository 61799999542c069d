package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vanban/extract"
	"vanban/index"
)

// runVanban runs the vanban command (this test binary, via testscript's
// $PATH entry) and returns its exit status, output and running time.
func runVanban(t *testing.T, timeout time.Duration, args ...string) (code int, stdout, stderr string, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "vanban", args...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	took = time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("vanban %s: still running after %v (hung)", strings.Join(args, " "), timeout)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("vanban %s: %v", strings.Join(args, " "), err)
	}
	return code, out.String(), errb.String(), took
}

// TestSearchWhileIndexHeld holds the index open for writing in this process
// and checks that search and resolutions in another process give up within
// about two seconds with a clear message and exit status 75 (in use),
// never hang.
func TestSearchWhileIndexHeld(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 2 s lock timeout")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := extract.Source{Path: "a.txt", SHA256: "aa", Format: extract.FormatText, Pages: []string{"Nghị quyết về xây dựng Đảng"}}
	w := ix.NewWriter(10)
	if err := w.Add(extract.Extract(src), src.Text(), index.FileState{Path: "a.txt", SHA256: "aa"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"search", "--index", dir, "nghị quyết"}, {"resolutions", "--index", dir}} {
		code, _, stderr, took := runVanban(t, 20*time.Second, args...)
		if code != exitInUse || !strings.Contains(stderr, "index is in use by another vanban process") {
			t.Errorf("vanban %s while the index is held = exit %d, %q; want exit %d and \"index is in use by another vanban process\"", args[0], code, stderr, exitInUse)
		}
		if took > 6*time.Second {
			t.Errorf("vanban %s took %v to give up; want about 2 s", args[0], took)
		}
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// Released: two searches at once both answer.
	type result struct {
		code   int
		stdout string
	}
	ch := make(chan result, 2)
	for i := 0; i < 2; i++ {
		go func() {
			code, out, _, _ := runVanban(t, 20*time.Second, "search", "--index", dir, "nghi quyet")
			ch <- result{code, out}
		}()
	}
	for i := 0; i < 2; i++ {
		r := <-ch
		if r.code != 0 || !strings.Contains(r.stdout, "a.txt") {
			t.Errorf("concurrent search = exit %d, %q; want exit 0 with a.txt", r.code, r.stdout)
		}
	}
}

// TestSearchDuringIngest runs an ingest in one process and searches in
// others meanwhile: every search answers (hits or no hit) or fails with the
// in-use message, each within a few seconds; after the ingest, search finds
// every document.
func TestSearchDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an ingest of a few hundred files")
	}
	src := t.TempDir()
	const n = 300
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("NGHỊ QUYẾT số %d-NQ/ĐU\nvề xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh năm %d.\nPhấn đấu %d%% đảng viên hoàn thành tốt nhiệm vụ; mã văn bản vbtest%d.\n",
			i+1, 2000+i%25, 50+i%50, i)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("nq-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ing := exec.Command("vanban", "ingest", "--index", dir, "--batch", "20", "--workers", "2", src)
	ing.Env = append(os.Environ(), "NO_COLOR=1")
	var ingErr bytes.Buffer
	ing.Stderr = &ingErr
	if err := ing.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ing.Wait() }()
	searches, answered, inUse := 0, 0, 0
loop:
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("ingest: %v\n%s", err, ingErr.String())
			}
			break loop
		default:
		}
		code, _, stderr, took := runVanban(t, 20*time.Second, "search", "--index", dir, "trong sach vung manh")
		searches++
		switch {
		case code == 0 || (code == exitFailed && strings.Contains(stderr, "no document matches")):
			answered++
		case code == exitInUse && strings.Contains(stderr, "index is in use by another vanban process"),
			code == exitFailed && strings.Contains(stderr, "no index here"):
			inUse++
		default:
			t.Errorf("search during ingest = exit %d, %q; want hits, no hit, or the in-use message", code, stderr)
		}
		if took > 6*time.Second {
			t.Errorf("search during ingest took %v; want at most about 2 s", took)
		}
	}
	t.Logf("%d searches during the ingest: %d answered, %d in use", searches, answered, inUse)
	// Afterwards: every document is there, once.
	code, out, stderr, _ := runVanban(t, 20*time.Second, "search", "--index", dir, "--json", "--limit", "1000", "--facets", "trong sach")
	if code != 0 {
		t.Fatalf("search after ingest = exit %d, %s", code, stderr)
	}
	if got := strings.Count(out, `"sha256":`); got != n {
		t.Errorf("search after ingest found %d documents; want %d", got, n)
	}
	if !strings.Contains(out, fmt.Sprintf(`"total":%d`, n)) {
		t.Errorf("search after ingest: total is not %d", n)
	}
}
