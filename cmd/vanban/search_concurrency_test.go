package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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
// (as a running ingest does) and checks that search, resolutions and export
// in other processes answer from what the writer has committed, that a
// second ingest is refused within about two seconds with exit status 75
// (in use), and that nothing hangs.
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
	// Written but not flushed: not committed, so no reader sees it.
	src2 := extract.Source{Path: "b.txt", SHA256: "bb", Format: extract.FormatText, Pages: []string{"Nghị quyết chưa lưu"}}
	if err := w.Add(extract.Extract(src2), src2.Text(), index.FileState{Path: "b.txt", SHA256: "bb"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string // in stdout and stderr
	}{
		{[]string{"search", "--index", dir, "nghị quyết"}, 0, "a.txt"},
		// The document is no resolution: the answer is that none is known.
		{[]string{"resolutions", "--index", dir}, exitFailed, "no resolution is known to this archive"},
		{[]string{"export", "--index", dir, "--format", "jsonl", "--out", "-"}, 0, `"path":"a.txt"`},
	} {
		code, stdout, stderr, took := runVanban(t, 20*time.Second, c.args...)
		if code != c.code || !strings.Contains(stdout+stderr, c.want) || strings.Contains(stdout, "b.txt") {
			t.Errorf("vanban %s while the index is held = exit %d, stdout %q, stderr %q; want exit %d with %s and without the uncommitted b.txt", c.args[0], code, stdout, stderr, c.code, c.want)
		}
		t.Logf("vanban %s while the index is held: %v", c.args[0], took)
	}
	code, _, stderr, took := runVanban(t, 20*time.Second, "ingest", "--index", dir, t.TempDir())
	if code != exitInUse || !strings.Contains(stderr, "index is in use by another vanban process") {
		t.Errorf("second ingest while the index is held = exit %d, %q; want exit %d and \"index is in use by another vanban process\"", code, stderr, exitInUse)
	}
	if took > 6*time.Second {
		t.Errorf("second ingest took %v to give up; want about 2 s", took)
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

// totalRE finds the number of hits in search --json --facets.
var totalRE = regexp.MustCompile(`"total":(\d+)`)

// TestSearchDuringIngest runs an ingest in one process and searches in
// others meanwhile: every search answers (hits, or no hit before the first
// commit) within a few seconds, with never fewer hits than an earlier
// search; after the ingest, search finds every document.
func TestSearchDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an ingest of a few hundred files")
	}
	src := t.TempDir()
	const n = 300
	writeBulkyArchive(t, src, n) // about 6 KB each: the ingest takes a few seconds
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
	searches, answered, last := 0, 0, 0
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
		code, stdout, stderr, took := runVanban(t, 20*time.Second, "search", "--index", dir, "--json", "--facets", "--limit", "1", "trong sach vung manh")
		searches++
		switch {
		case code == 0:
			answered++
			m := totalRE.FindStringSubmatch(stdout)
			if m == nil {
				t.Fatalf("search --json --facets: no total in %s", stdout)
			}
			total, _ := strconv.Atoi(m[1])
			if total < last {
				t.Errorf("search during ingest found %d documents after an earlier search found %d", total, last)
			}
			last = total
		case code == exitFailed && strings.Contains(stderr, "no document matches"),
			code == exitFailed && strings.Contains(stderr, "no index here"): // before the index was created
			answered++
		default:
			t.Errorf("search during ingest = exit %d, %q; want hits or no hit", code, stderr)
		}
		if took > 6*time.Second {
			t.Errorf("search during ingest took %v; want at most about 2 s", took)
		}
	}
	t.Logf("%d searches during the ingest: %d answered, the last found %d of %d documents", searches, answered, last, n)
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
