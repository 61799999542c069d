package main

import (
	"context"
	"encoding/json"
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
)

// writeBulkyArchive writes n documents of about 6 KB of varied Vietnamese
// words into dir, so that their index outgrows a small disk.
func writeBulkyArchive(t *testing.T, dir string, n int) {
	t.Helper()
	words := strings.Fields("nghị quyết đảng bộ tỉnh xây dựng tổ chức cơ sở đảng trong sạch vững mạnh phấn đấu đến năm kinh tế xã hội phát triển bền vững nông thôn mới đô thị văn minh giáo dục y tế")
	for i := range n {
		r := rand.New(rand.NewSource(int64(i)))
		var b strings.Builder
		fmt.Fprintf(&b, "NGHỊ QUYẾT số %d-NQ/ĐU\nPhấn đấu đến năm 2025 có từ %d%% tổ chức cơ sở đảng trở lên đạt trong sạch, vững mạnh.\n", i+1, 50+i%50)
		for b.Len() < 6000 {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteByte(' ')
			if r.Intn(8) == 0 {
				b.WriteString(strconv.Itoa(r.Intn(1000000)))
				b.WriteString(".\n")
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("nq-%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runShell runs script with sh (arguments $1...) behind the wrapper
// command pre (may be empty), failing the test rather than hanging when it
// runs longer than guard; it returns the combined output.
func runShell(t *testing.T, guard time.Duration, pre []string, script string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	argv := append(append(append([]string{}, pre...), "sh", "-c", script, "sh"), args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "VANBAN_PROGRESS_INTERVAL=1h")
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("still running after %v (hung):\n%s", guard, out)
	}
	if err != nil {
		t.Fatalf("sh: %v\n%s", err, out)
	}
	return string(out)
}

// shellField returns the value of the line "KEY value" the script printed.
func shellField(t *testing.T, out, key string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + key + ` (.*)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no %s line in the output:\n%s", key, out)
	}
	return m[1]
}

// diskFullScript runs the ingest of $2 into the index $1 that fails, then
// $3 (a command that frees space; may be ":"), then two more ingests
// with --json.
const diskFullScript = `
start=$(date +%s.%N)
vanban ingest --index "$1" --batch 20 --workers 2 "$2"
echo "FIRST $? $start $(date +%s.%N)"
eval "$3"
vanban ingest --index "$1" --json "$2"
echo "SECOND $?"
vanban ingest --index "$1" --json "$2"
echo "THIRD $?"
`

// checkDiskFull checks the output of diskFullScript: the first ingest
// failed naming the index folder and reason, the second finished the job
// (every file ingested or found unchanged), the third found nothing to do.
func checkDiskFull(t *testing.T, out, idx, reason string, n int) {
	t.Helper()
	first := strings.Fields(shellField(t, out, "FIRST"))
	if first[0] == "0" {
		t.Fatalf("ingest on a full disk exited 0:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^vanban: ingest: write index ` + regexp.QuoteMeta(idx) + `: .*` + reason).MatchString(out) {
		t.Errorf("ingest on a full disk: no error naming the index %s and %q:\n%s", idx, reason, out)
	}
	t0, _ := strconv.ParseFloat(first[1], 64)
	t1, _ := strconv.ParseFloat(first[2], 64)
	if shellField(t, out, "SECOND") != "0" || shellField(t, out, "THIRD") != "0" {
		t.Fatalf("ingest after space was freed failed:\n%s", out)
	}
	var sums []ingestSummary
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "{") {
			var s ingestSummary
			if err := json.Unmarshal([]byte(line), &s); err != nil {
				t.Fatalf("summary %q: %v", line, err)
			}
			sums = append(sums, s)
		}
	}
	if len(sums) != 2 {
		t.Fatalf("want two JSON summaries:\n%s", out)
	}
	if s := sums[0]; s.Ingested+s.Unchanged != n || s.Failed != 0 || s.Ingested == 0 {
		t.Errorf("after space was freed: ingested %d + unchanged %d, failed %d; want %d in all, some ingested, none failed", s.Ingested, s.Unchanged, s.Failed, n)
	}
	if s := sums[1]; s.Ingested != 0 || s.Unchanged != n {
		t.Errorf("third run: ingested %d, unchanged %d; want 0 and %d", s.Ingested, s.Unchanged, n)
	}
	t.Logf("failed run exited after %.1f s; %d of %d files had been committed before the failure", t1-t0, sums[0].Unchanged, n)
}

// TestIngestWriteError makes the disk refuse a write in the middle of an
// ingest (a file-size limit, "file too large", so that it runs on any
// Unix machine) and checks that ingest stops with the reason and the index
// folder and a non-zero exit instead of hanging, and that the next run
// finishes the job with nothing lost or duplicated.
func TestIngestWriteError(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 300 files three times")
	}
	const n = 300
	archive := t.TempDir()
	writeBulkyArchive(t, archive, n)
	idx := filepath.Join(t.TempDir(), "idx")
	// No file of the first run may grow past 4096 blocks (2 or 4 MB,
	// as the shell counts blocks); the later runs are not limited.
	script := `start=$(date +%s.%N)
(ulimit -f 4096; exec vanban ingest --index "$1" --batch 20 --workers 2 "$2")
echo "FIRST $? $start $(date +%s.%N)"
vanban ingest --index "$1" --json "$2"
echo "SECOND $?"
vanban ingest --index "$1" --json "$2"
echo "THIRD $?"
`
	out := runShell(t, 5*time.Minute, nil, script, idx, archive)
	checkDiskFull(t, out, idx, "file too large", n)
}

// TestIngestDiskFull ingests onto a small tmpfs that fills up (in a private
// mount namespace made by unshare(1); skipped where the machine allows
// none), checks that ingest stops with "no space left on device" and the
// index folder, and that once the filesystem is grown the next run
// finishes the job.
func TestIngestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 300 files three times")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("no unshare(1) to mount a tmpfs in a private namespace; TestIngestWriteError covers a failed write")
	}
	pre := []string{unshare, "--user", "--map-root-user", "--mount"}
	if out, err := exec.Command(unshare, "--user", "--map-root-user", "--mount", "sh", "-c", `mount -t tmpfs -o size=1m tmpfs "$1"`, "sh", t.TempDir()).CombinedOutput(); err != nil {
		t.Skipf("this machine allows no tmpfs in a private mount namespace (%v: %s); TestIngestWriteError covers a failed write", err, out)
	}
	const n = 300
	archive := t.TempDir()
	writeBulkyArchive(t, archive, n)
	mnt := t.TempDir()
	idx := filepath.Join(mnt, "idx")
	script := `mount -t tmpfs -o size=6m tmpfs "$4" || exit 1
` + diskFullScript
	out := runShell(t, 5*time.Minute, pre, script, idx, archive, `mount -o remount,size=256m tmpfs "$4"`, mnt)
	checkDiskFull(t, out, idx, "no space left on device", n)
}

// TestIngestInterrupted sends SIGTERM, then SIGINT (Ctrl-C), to ingests in
// the middle of their run and checks that each ends with exit status 130
// and says it was interrupted, and that the next run finishes the job
// with nothing lost or duplicated.
func TestIngestInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 300 files three times")
	}
	const n = 300
	archive := t.TempDir()
	writeBulkyArchive(t, archive, n)
	idx := filepath.Join(t.TempDir(), "idx")
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, "vanban", "ingest", "--index", idx, "--batch", "20", "--workers", "2", archive)
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		start := dirSize(idx)
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && dirSize(idx) < start+(200<<10); {
			time.Sleep(20 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		hung := ctx.Err() != nil
		cancel()
		if hung {
			t.Fatalf("ingest still running 3 min after %v (hung):\n%s", sig, stderr.String())
		}
		code := cmd.ProcessState.ExitCode()
		switch {
		case code == 0:
			t.Logf("the ingest finished before %v", sig)
		case code != exitInterrupted || !strings.Contains(stderr.String(), "interrupted"):
			t.Errorf("ingest after %v = %v, %q; want exit %d and \"interrupted\"", sig, err, stderr.String(), exitInterrupted)
		}
	}
	out, err := exec.Command("vanban", "ingest", "--index", idx, "--json", archive).Output()
	if err != nil {
		t.Fatalf("ingest after the interrupts: %v\n%s", err, out)
	}
	var sum ingestSummary
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Ingested+sum.Unchanged != n || sum.Failed != 0 {
		t.Errorf("after the interrupts: ingested %d + unchanged %d, failed %d; want %d in all", sum.Ingested, sum.Unchanged, sum.Failed, n)
	}
	t.Logf("the interrupted runs had committed %d of %d files", sum.Unchanged, n)
	if docs, paths := storedPaths(t, idx); docs != n || len(paths) != n {
		t.Errorf("index holds %d documents and %d paths; want %d of each", docs, len(paths), n)
	}
}
