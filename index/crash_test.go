package index

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"vanban/extract"
)

// crashChildEnv makes TestCrashChild write to the index it names until it
// is killed.
const crashChildEnv = "VANBAN_INDEX_CRASH_CHILD"

// crashDoc is document i of the crash test: content hash, path, two targets.
func crashDoc(i int) (string, string) {
	return fmt.Sprintf("sha%05d", i), fmt.Sprintf("dir/f%05d.txt", i)
}

// TestCrashChild is the writer that TestKillDuringWrite kills; it does
// nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashChildEnv)
	if dir == "" {
		t.Skip("helper process for TestKillDuringWrite")
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter(7)
	tg := extract.Target{Subject: "đảng viên", Comparator: ">=", Value: 90, Unit: "%"}
	for i := 0; ; i++ {
		sha, path := crashDoc(i)
		rec, text, st := testDoc(path, sha, "Văn bản "+strconv.Itoa(i), "Nội dung số "+strconv.Itoa(i), tg, tg)
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
		if i%5 == 4 { // some paths change content, some go
			sha2, _ := crashDoc(i + 100000)
			rec, text, st := testDoc(path, sha2, "Sửa đổi", "Nội dung mới", tg)
			if err := w.Add(rec, text, st); err != nil {
				t.Fatal(err)
			}
		}
		if i%11 == 10 {
			_, old := crashDoc(i - 3)
			if err := w.RemovePath(old); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestKillDuringWrite kills a writing process (SIGKILL) at several moments
// and checks that the index then opens, is consistent (every path's
// content is stored, every stored content has a path, targets match their
// documents), and that writing on completes without duplicates.
func TestKillDuringWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a writer process")
	}
	dir := filepath.Join(t.TempDir(), "ix")
	for round, wait := range []time.Duration{300 * time.Millisecond, 900 * time.Millisecond, 1500 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait)
		cmd.Process.Kill()
		cmd.Wait()

		ix, err := Open(dir)
		if err != nil {
			t.Fatalf("round %d: Open after kill: %v", round, err)
		}
		if err := ix.Verify(); err != nil {
			t.Errorf("round %d: index inconsistent after kill: %v", round, err)
		}
		files, _ := ix.Files()
		n, _ := ix.Count()
		t.Logf("round %d: killed after %v: %d paths, %d documents", round, wait, len(files), n)
		ix.Close()
	}
	// Finish the job: every path of the first 50 documents, written again,
	// gives exactly one document per content.
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter(10)
	for i := 0; i < 50; i++ {
		sha, path := crashDoc(i)
		rec, text, st := testDoc(path, sha, "Văn bản", "Nội dung", extract.Target{Subject: "x"})
		if err := w.Add(rec, text, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Verify(); err != nil {
		t.Errorf("index inconsistent after the rerun: %v", err)
	}
}
