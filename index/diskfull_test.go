//go:build linux

package index

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"vanban/extract"
)

// diskFullChildEnv makes TestDiskFullChild write to an index until the
// disk refuses a write; its value is the mode ("fsize" or "tmpfs") and the
// folder, joined by a colon.
const diskFullChildEnv = "VANBAN_INDEX_DISKFULL_CHILD"

// hangGuard bounds every wait of these tests: a writer still waiting then
// has hung, and the test fails instead of hanging.
const hangGuard = 90 * time.Second

// fullDoc is document i of the disk-full tests: about 6 KB of varied
// Vietnamese words, so that segments do not compress to nothing.
func fullDoc(i int) (extract.Record, string, FileState) {
	words := strings.Fields("nghị quyết đảng bộ tỉnh xây dựng tổ chức cơ sở đảng trong sạch vững mạnh phấn đấu đến năm kinh tế xã hội phát triển bền vững nông thôn mới đô thị văn minh giáo dục y tế")
	r := rand.New(rand.NewSource(int64(i)))
	var b strings.Builder
	for b.Len() < 6000 {
		b.WriteString(words[r.Intn(len(words))])
		b.WriteByte(' ')
		if r.Intn(8) == 0 {
			b.WriteString(strconv.Itoa(r.Intn(1000000)))
			b.WriteString(".\n")
		}
	}
	sha := fmt.Sprintf("full%06d", i)
	return testDoc(fmt.Sprintf("dir/full%06d.txt", i), sha, "Nghị quyết "+strconv.Itoa(i), b.String(),
		extract.Target{Subject: "đảng viên", Comparator: ">=", Value: float64(r.Intn(100)), Unit: "%"})
}

// writeUntilFull adds documents to the index in dir, flushing every 40,
// until a write fails; it returns the error and how many documents were
// durably flushed before it.
func writeUntilFull(ctx context.Context, dir string) (int, error) {
	ix, err := Open(dir)
	if err != nil {
		return 0, fmt.Errorf("open: %w", err)
	}
	w := ix.NewWriter(10)
	w.SetContext(ctx)
	flushed := 0
	var werr error
	for i := 0; werr == nil; i++ {
		if ctx.Err() != nil {
			werr = fmt.Errorf("no write failed within %v: %w", hangGuard, ctx.Err())
			break
		}
		rec, text, st := fullDoc(i)
		if werr = w.Add(rec, text, st); werr != nil {
			break
		}
		if i%40 == 39 {
			if werr = w.Flush(); werr == nil {
				flushed = i + 1
			}
		}
	}
	closed := make(chan error, 1)
	go func() { closed <- ix.Close() }()
	select {
	case <-closed:
	case <-time.After(hangGuard):
		return flushed, fmt.Errorf("Close still waiting after %v (write error: %v)", hangGuard, werr)
	}
	return flushed, werr
}

// TestDiskFullChild is the process that TestWriteErrorStopsWriter and
// TestDiskFullTmpfs run; it does nothing in a normal test run.
func TestDiskFullChild(t *testing.T) {
	mode, dir, ok := strings.Cut(os.Getenv(diskFullChildEnv), ":")
	if !ok {
		t.Skip("helper process for the disk-full tests")
	}
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	switch mode {
	case "fsize":
		// Create the index, then let no file grow past 2 MB: the
		// kernel refuses the write with EFBIG ("file too large").
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		ix.Close()
		lim := syscall.Rlimit{Cur: 2 << 20, Max: 2 << 20}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			t.Fatal(err)
		}
	case "tmpfs":
		// In a private mount namespace (see TestDiskFullTmpfs).
		if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=3m"); err != nil {
			fmt.Printf("NOMOUNT %v\n", err)
			return
		}
	}
	ixDir := filepath.Join(dir, "ix")
	if mode == "fsize" {
		ixDir = dir
	}
	start := time.Now()
	flushed, err := writeUntilFull(ctx, ixDir)
	fmt.Printf("FLUSHED %d\nSECONDS %.2f\nERROR %v\n", flushed, time.Since(start).Seconds(), err)
	if mode != "tmpfs" {
		return
	}
	// Space freed: the index opens as of its last persisted batch and the
	// next run finishes the job.
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT, "size=256m"); err != nil {
		t.Fatal(err)
	}
	if err := rerun(ixDir, flushed); err != nil {
		t.Fatal(err)
	}
	fmt.Println("RERUN OK")
}

// rerun checks that the index in dir is consistent and holds at least the
// first flushed documents, writes them and 40 more again, and checks the
// result: each once, consistent.
func rerun(dir string, flushed int) error {
	ix, err := Open(dir)
	if err != nil {
		return fmt.Errorf("open after the failure: %w", err)
	}
	defer ix.Close()
	if err := ix.Verify(); err != nil {
		return fmt.Errorf("index inconsistent after the failure: %w", err)
	}
	files, err := ix.Files()
	if err != nil {
		return err
	}
	for i := 0; i < flushed; i++ {
		_, _, st := fullDoc(i)
		if _, ok := files[st.Path]; !ok {
			return fmt.Errorf("%s was flushed before the failure but is not in the index after it", st.Path)
		}
	}
	w := ix.NewWriter(50)
	n := flushed + 40
	for i := 0; i < n; i++ {
		rec, text, st := fullDoc(i)
		if err := w.Add(rec, text, st); err != nil {
			return fmt.Errorf("rerun: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("rerun: %w", err)
	}
	if err := ix.Verify(); err != nil {
		return fmt.Errorf("index inconsistent after the rerun: %w", err)
	}
	if c, err := ix.Count(); err != nil || c != n {
		return fmt.Errorf("after the rerun the index holds %d documents (%v); want %d", c, err, n)
	}
	return nil
}

// runDiskFullChild runs TestDiskFullChild through argv (the test binary,
// possibly behind a wrapper), and returns its output.
func runDiskFullChild(t *testing.T, env string, argv ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*hangGuard+30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], append(argv[1:], "-test.run=^TestDiskFullChild$", "-test.v")...)
	cmd.Env = append(os.Environ(), diskFullChildEnv+"="+env)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the writer process still ran after %v:\n%s", 2*hangGuard, out)
	}
	if err != nil {
		t.Fatalf("writer process: %v\n%s", err, out)
	}
	return string(out)
}

// childField returns the value of the line "KEY value" in out.
func childField(t *testing.T, out, key string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + key + ` (.*)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no %s line in the writer's output:\n%s", key, out)
	}
	return m[1]
}

// TestWriteErrorStopsWriter makes the disk refuse a write in the middle of
// a run (a file-size limit, so that it runs on any Linux machine) and
// checks that the writer fails at once with the system's reason and the
// index folder, rather than waiting for a retry that cannot succeed; that
// the index then holds every flushed document and is consistent; and that
// writing again finishes the job.
func TestWriteErrorStopsWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a writer process")
	}
	dir := filepath.Join(t.TempDir(), "ix")
	out := runDiskFullChild(t, "fsize:"+dir, os.Args[0])
	msg := childField(t, out, "ERROR")
	if !strings.Contains(msg, "file too large") || !strings.Contains(msg, dir) {
		t.Errorf("write error = %q; want the system's reason (\"file too large\") and the index folder %s", msg, dir)
	}
	flushed, _ := strconv.Atoi(childField(t, out, "FLUSHED"))
	t.Logf("failed after %s s, %d documents flushed: %s", childField(t, out, "SECONDS"), flushed, msg)
	if err := rerun(dir, flushed); err != nil {
		t.Fatal(err)
	}
}

// TestDiskFullTmpfs fills a small tmpfs with an index (in a private mount
// namespace, made by unshare(1); skipped where the machine allows none)
// and checks the message ("no space left on device", the index folder),
// that nothing flushed is lost, and that once the filesystem is grown a
// new run finishes the job.
func TestDiskFullTmpfs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a writer process")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("no unshare(1) to mount a tmpfs in a private namespace; TestWriteErrorStopsWriter covers a failed write")
	}
	if err := exec.Command(unshare, "--user", "--map-root-user", "--mount", "true").Run(); err != nil {
		t.Skipf("this machine allows no private mount namespace (unshare: %v); TestWriteErrorStopsWriter covers a failed write", err)
	}
	mnt := t.TempDir()
	out := runDiskFullChild(t, "tmpfs:"+mnt, unshare, "--user", "--map-root-user", "--mount", os.Args[0])
	if strings.Contains(out, "NOMOUNT") {
		t.Skipf("cannot mount a tmpfs here: %s", childField(t, out, "NOMOUNT"))
	}
	msg := childField(t, out, "ERROR")
	ixDir := filepath.Join(mnt, "ix")
	if !strings.Contains(msg, "no space left on device") || !strings.Contains(msg, ixDir) {
		t.Errorf("write error = %q; want \"no space left on device\" and the index folder %s", msg, ixDir)
	}
	if !strings.Contains(out, "RERUN OK") {
		t.Errorf("the run after space was freed did not finish:\n%s", out)
	}
	t.Logf("failed after %s s, %s documents flushed: %s", childField(t, out, "SECONDS"), childField(t, out, "FLUSHED"), msg)
}

// TestFlushGivesUpOnContext checks that a Flush waiting for a batch that
// never reaches the disk returns once the writer's context is done, with
// the context's error, and that Close then does not wait for it either.
func TestFlushGivesUpOnContext(t *testing.T) {
	ix := mustOpen(t, filepath.Join(t.TempDir(), "ix"))
	ix.persisting.Add(1) // a batch whose persistence never completes
	w := ix.NewWriter(10)
	ctx, cancel := context.WithCancel(context.Background())
	w.SetContext(ctx)
	rec, text, st := fullDoc(1)
	if err := w.Add(rec, text, st); err != nil {
		t.Fatal(err)
	}
	cancel()
	done := make(chan error, 2)
	go func() {
		done <- w.Flush()
		done <- ix.Close()
	}()
	for _, what := range []string{"Flush", "Close"} {
		select {
		case err := <-done:
			if what == "Flush" && !errors.Is(err, context.Canceled) {
				t.Errorf("Flush after the context ended = %v; want context.Canceled", err)
			}
		case <-time.After(hangGuard):
			t.Fatalf("%s still waiting %v after the context ended", what, hangGuard)
		}
	}
}
