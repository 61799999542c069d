package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"vanban/index"
	"vanban/ingest"
	"vanban/internal/testshared"
)

// The ingest benchmark. Run it with
//
//	VANBAN_BENCH=1 go test ./cmd/vanban -run TestBenchIngest -v -timeout 30m
//
// It reports, side by side in one run: the real binary's ingest of
// ../shared/corpus/bulk (docs/s, MB/s, peak RSS), the same already-read texts
// indexed into a bare Bleve index with vanban's own mapping and with Bleve's
// default mapping (each in a child process, for an honest peak RSS), ingest
// of half the corpus (peak RSS must not grow with the number of files), an
// unchanged re-run, and PDF reading of 44_VBHN-VPQH_699655.pdf against
// pdftotext.
func TestBenchIngest(t *testing.T) {
	if os.Getenv("VANBAN_BENCH") == "" {
		t.Skip("benchmark: set VANBAN_BENCH=1 to run it")
	}
	bulk := testshared.Dir(t, "corpus/bulk")
	bin, err := exec.LookPath("vanban")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	var bytesTotal int64
	filepath.Walk(bulk, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			files = append(files, p)
			bytesTotal += fi.Size()
		}
		return nil
	})
	mb := float64(bytesTotal) / 1e6

	row := func(name string, docs int, mbytes float64, d time.Duration, rss int64) {
		t.Logf("%-34s %5d docs %6.1f MB %7.2fs %8.1f docs/s %6.2f MB/s  peak RSS %4d MB",
			name, docs, mbytes, d.Seconds(), float64(docs)/d.Seconds(), mbytes/d.Seconds(), rss>>20)
	}
	runChild := func(args []string, env ...string) (time.Duration, int64, []byte) {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), env...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start := time.Now()
		err := cmd.Run()
		d := time.Since(start)
		if err != nil && cmd.ProcessState.ExitCode() != 1 {
			t.Fatalf("%v: %v\n%s", args, err, errb.String())
		}
		return d, testshared.PeakRSS(cmd.ProcessState), out.Bytes()
	}

	// 1. vanban ingest of the whole corpus, then of half of it, then again unchanged.
	idx := filepath.Join(t.TempDir(), "idx")
	d, rss, _ := runChild([]string{bin, "ingest", "--index", idx, bulk})
	row("vanban ingest (bulk)", len(files), mb, d, rss)
	ingestRate := float64(len(files)) / d.Seconds()
	d2, _, _ := runChild([]string{bin, "ingest", "--index", idx, bulk})
	row("vanban ingest, unchanged re-run", len(files), mb, d2, 0)
	t.Logf("re-run is %.0fx faster than the first run", d.Seconds()/d2.Seconds())
	half := filepath.Join(bulk, "articles")
	dh, rssh, _ := runChild([]string{bin, "ingest", "--index", filepath.Join(t.TempDir(), "idx-half"), half})
	t.Logf("peak RSS: %d MB for bulk/articles alone, %d MB for all of bulk (%.1fs)", rssh>>20, rss>>20, dh.Seconds())

	// 2. The same texts, already read, into bare Bleve indexes.
	texts := filepath.Join(t.TempDir(), "texts.jsonl")
	f, err := os.Create(texts)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	n := 0
	for _, p := range files {
		doc, err := ingest.Read(p)
		if err != nil {
			continue
		}
		enc.Encode(map[string]string{"title": doc.Title, "body": doc.Text(), "path": p})
		n++
	}
	w.Flush()
	f.Close()
	self, _ := os.Executable()
	for _, m := range []string{"vanban", "default"} {
		d, rss, out := runChild([]string{self, "-test.run=^TestBenchBareIndexChild$"},
			"VANBAN_BENCH_CHILD="+m, "VANBAN_BENCH_TEXTS="+texts, "VANBAN_BENCH_DIR="+filepath.Join(t.TempDir(), m))
		row("bare Bleve, "+m+" mapping", n, mb, d, rss)
		if m == "vanban" {
			t.Logf("ratio ingest/bare-vanban-mapping: %.2f (aim >= 0.7)", ingestRate/(float64(n)/d.Seconds()))
		}
		_ = out
	}

	// 3. PDF reading against pdftotext.
	pdf := testshared.Dir(t, "corpus/pdf/44_VBHN-VPQH_699655.pdf")
	dp, rssp, out := runChild([]string{bin, "text", pdf})
	pages := strings.Count(string(out), ingest.PageBreak) + 1
	t.Logf("%-34s %d pages %.2fs %.1f pages/s peak RSS %d MB", "vanban text (PDF)", pages, dp.Seconds(), float64(pages)/dp.Seconds(), rssp>>20)
	if _, err := exec.LookPath("pdftotext"); err == nil {
		dq, _, _ := runChild([]string{"pdftotext", pdf, filepath.Join(t.TempDir(), "out.txt")})
		t.Logf("%-34s %d pages %.2fs %.1f pages/s; vanban/pdftotext speed ratio %.2f (aim >= 0.5)",
			"pdftotext", pages, dq.Seconds(), float64(pages)/dq.Seconds(), dq.Seconds()/dp.Seconds())
	}
}

// TestBenchBareIndexChild is the child process of TestBenchIngest: it
// indexes the texts in $VANBAN_BENCH_TEXTS into a new Bleve index with
// vanban's mapping or Bleve's default one.
func TestBenchBareIndexChild(t *testing.T) {
	which := os.Getenv("VANBAN_BENCH_CHILD")
	if which == "" {
		t.Skip("child process of TestBenchIngest")
	}
	var m mapping.IndexMapping = bleve.NewIndexMapping()
	if which == "vanban" {
		m = index.NewMapping()
	}
	ix, err := bleve.New(os.Getenv("VANBAN_BENCH_DIR"), m)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	f, err := os.Open(os.Getenv("VANBAN_BENCH_TEXTS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	b := ix.NewBatch()
	i := 0
	for sc.Scan() {
		var d map[string]any
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if which == "vanban" {
			d[index.FieldType] = index.TypeDoc
		}
		if err := b.Index(fmt.Sprint(i), d); err != nil {
			t.Fatal(err)
		}
		i++
		if b.Size() >= 200 {
			if err := ix.Batch(b); err != nil {
				t.Fatal(err)
			}
			b.Reset()
		}
	}
	if err := ix.Batch(b); err != nil {
		t.Fatal(err)
	}
}
