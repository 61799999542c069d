package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"

	"vanban/extract"
	"vanban/index"
	"vanban/ingest"
)

var ingestUsage = `usage: vanban ingest [--index DIR] [--workers N] [--prune] [--json] [--ocr auto|off|force] PATH...

Reads every document under each PATH (folders are walked recursively),
extracts its records and stores them in the index. Files already stored with
the same content are skipped; a changed file replaces its old entry. The
format comes from the bytes: PDF, DOCX, .doc, RTF, .odt, HTML, .xlsx, .xls,
.ods, .pptx, .ppt, .odp (one page per slide, its notes after it), PNG/JPEG/TIFF
images and text. Scanned PDF pages and image files are read by OCR
(tesseract) unless --ocr off.

Progress goes to stderr: a bar on a terminal, else a line every 5 s
($VANBAN_PROGRESS_INTERVAL changes that) and a last line. Each file that
fails is reported there once; the summary follows on stdout.

Examples:

  vanban ingest ~/luu-tru
  vanban ingest --index /data/vanban --prune ~/luu-tru
  vanban ingest --json --verbose nghi-quyet.pdf ke-hoach.docx

` + exitStatusHelp("every file was ingested (or was unchanged)",
	"some files failed (the rest were ingested), no PATH exists (then no index is created),\n       or the index could not be written (a full disk: it stays as of its last batch saved)",
	"usage error") + `Flags:
`

// ingestOptions are the flags of "vanban ingest".
type ingestOptions struct {
	index   string
	workers int
	prune   bool
	json    bool
	verbose bool
	batch   int
	paths   []string
}

// failure is one file that could not be ingested.
type failure struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// ingestSummary is what "vanban ingest" reports at the end (--json prints it).
type ingestSummary struct {
	Index          string    `json:"index"`
	Files          int       `json:"files"`
	Ingested       int       `json:"ingested"`
	Unchanged      int       `json:"unchanged"`
	Failed         int       `json:"failed"`
	Pruned         int       `json:"pruned"`
	Skipped        int       `json:"skipped"`
	Warnings       int       `json:"warnings"`
	Targets        int       `json:"targets"`
	Interrupted    bool      `json:"interrupted"`
	ElapsedSeconds float64   `json:"elapsed_seconds"`
	Failures       []failure `json:"failures"`
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o ingestOptions
	fs := newFlagSet("ingest", ingestUsage, stderr)
	indexFlag(fs, &o.index)
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "files read in parallel")
	fs.BoolVar(&o.prune, "prune", false, "remove entries whose files are gone")
	fs.BoolVar(&o.json, "json", false, "print the summary as JSON on stdout")
	fs.BoolVar(&o.verbose, "verbose", false, "print each file's warnings on stderr")
	fs.IntVar(&o.batch, "batch", 200, "documents per committed batch")
	fs.DurationVar(&ingest.PDFTimeout, "timeout", ingest.PDFTimeout, "time limit for parsing one PDF")
	ocrf := addOCRFlags(fs.FlagSet)
	paths, err := parseFlags(fs, args, stdout)
	if err != nil {
		return helpOr(err)
	}
	if len(paths) == 0 {
		return fs.usageError("no PATH given")
	}
	if o.workers < 1 || o.batch < 1 || ingest.PDFTimeout <= 0 {
		return usageErrorf("ingest: --workers and --batch must be at least 1, --timeout positive")
	}
	if err := ocrf.apply(ctx, "ingest", o.workers); err != nil {
		return err
	}
	o.paths = paths
	o.index = resolveIndexDir(o.index)
	return ingestRun(ctx, o, stdout, stderr)
}

// job is one file to read, with what the index knew of its path.
type job struct {
	entry ingest.Entry
	prev  index.FileState // zero when the path is new
}

// outcome is what a worker made of one job.
type outcome struct {
	state   index.FileState
	prev    index.FileState // what the index knew of the path before
	known   bool            // the content is already stored (under this or another path)
	src     extract.Source
	rec     extract.Record
	err     error
	skipped string // why the file was passed over, if it was
	weight  int64  // bytes of the read-ahead budget it holds
}

// Read-ahead between the workers and the index writer: at most aheadDocs
// outcomes and aheadBytes of their text wait for the writer. A few
// batches' worth (index.MaxBatchBytes) keeps the workers busy while Bleve
// builds a segment.
const (
	aheadDocs  = 32
	aheadBytes = 4 << 20
)

// ingestMemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit)
// that vanban ingest sets unless $GOMEMLIMIT is set. The live heap is
// bounded by the batch being indexed (index.MaxBatchBytes of text, its
// analysis and its segment), the read-ahead and the batches waiting for
// the disk; the limit keeps the garbage collector from letting the heap
// grow to twice that between collections, so that the process stays under
// 256 MB whatever the archive's size.
const ingestMemoryLimit = 180 << 20

func ingestRun(ctx context.Context, o ingestOptions, stdout, stderr io.Writer) error {
	start := time.Now()
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestMemoryLimit))
	}
	// Every line on stderr goes through prog, which keeps them off its bar.
	prog := newProgress(stderr, "ingest")
	prog.mu.Lock()
	prog.ocrPages = ingest.OCRPagesDone
	prog.mu.Unlock()
	defer prog.finish()
	sum := ingestSummary{Index: o.index, Failures: []failure{}}
	var mu sync.Mutex // guards sum.Failures during the walk
	// fail records a failure and reports it, once, on stderr (the text
	// summary only counts failures; --json lists them).
	fail := func(path string, err error) {
		reason := strings.TrimPrefix(oneLine(err), path+": ")
		mu.Lock()
		sum.Failures = append(sum.Failures, failure{Path: path, Error: reason})
		mu.Unlock()
		prog.printf("vanban: %s: %s\n", path, reason)
	}

	// A PATH that does not exist is reported, and when none exists the
	// index is not even created.
	var roots []string
	for _, p := range o.paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("ingest: %s: %w", p, err)
		}
		if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
			fail(abs, errors.New("no such file or folder"))
			continue
		}
		roots = append(roots, abs)
	}
	if len(roots) == 0 {
		return errSomeFailed
	}
	rootFailures := len(sum.Failures)

	ix, err := index.Open(o.index)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer ix.Close()

	// The folders are walked twice: once to count the files (it is fast,
	// and the total makes the progress bar honest), then to hand them on
	// as they are found. Nothing is held for every file of the archive:
	// what the index knows of a path is looked up as its turn comes, and
	// the paths seen are kept only where they are needed (to prune, or to
	// take a file that two PATHs both hold once).
	total, err := countFiles(ctx, roots, o.index, prog)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	prog.begin(total+len(sum.Failures), len(sum.Failures), len(sum.Failures))
	var seen map[string]bool
	if o.prune || len(roots) > 1 {
		seen = map[string]bool{}
	}
	entries := 0 // files the second walk found, once each

	w := ix.NewWriter(o.batch)
	// After an interrupt, the last commit gets interruptGrace to reach the
	// disk; a disk that takes longer (or accepts nothing) is given up.
	graceCtx, stopGrace := afterGrace(ctx, interruptGrace)
	defer stopGrace()
	w.SetContext(graceCtx)
	// The workers stop when the index can no longer be written: reading on
	// would be wasted.
	workCtx, stopWorkers := context.WithCancel(ctx)
	defer stopWorkers()
	// The writer stalls while Bleve builds a committed batch; the results
	// buffer lets the workers read and extract ahead meanwhile, bounded by
	// the text it holds (aheadBytes) rather than by a count of documents.
	results := make(chan outcome, aheadDocs)
	ahead := semaphore.NewWeighted(aheadBytes)
	work := make(chan job)
	var wg sync.WaitGroup
	for range o.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				r := processFile(ix, j)
				prog.add(r.err != nil) // counted as read, before the writer takes it
				r.weight = min(textBytes(r.src), aheadBytes)
				if err := ahead.Acquire(workCtx, r.weight); err != nil {
					r.weight = 0 // interrupted: hand it over unbudgeted
				}
				results <- r
			}
		}()
	}
	var walkErr error // the second walk's; read once results is closed
	go func() {
		defer close(work)
		walkErr = ingest.Walk(workCtx, roots, ingest.WalkOptions{
			Skip: []string{o.index},
			Problem: func(path string, err error) {
				fail(path, err)
				prog.add(true)
				mu.Lock()
				sum.Files++
				mu.Unlock()
			},
			Note: func(path, reason string) {
				if o.verbose {
					prog.printf("vanban: %s: %s\n", path, reason)
				}
				if reason == "not a document by its name" || reason == "not a regular file" {
					mu.Lock()
					sum.Skipped++
					mu.Unlock()
				}
			},
		}, func(e ingest.Entry) error {
			if seen != nil {
				if seen[e.Path] {
					return nil
				}
				seen[e.Path] = true
			}
			entries++
			prev, _, err := ix.File(e.Path)
			if err != nil {
				prog.add(true)
				results <- outcome{state: index.FileState{Path: e.Path}, err: fmt.Errorf("look it up in the index: %w", err)}
				return nil
			}
			// Unchanged by size and time: not even hashed.
			if prev.SHA256 != "" && prev.Size == e.Size && prev.ModTime.Unix() == e.ModTime.Unix() {
				prog.add(false)
				results <- outcome{state: prev, prev: prev, known: true, skipped: "unchanged"}
				return nil
			}
			select {
			case work <- job{entry: e, prev: prev}:
				return nil
			case <-workCtx.Done():
				return workCtx.Err()
			}
		})
	}()
	go func() { wg.Wait(); close(results) }()

	var writeErr error
	for r := range results {
		if r.weight > 0 {
			ahead.Release(r.weight)
		}
		if writeErr != nil {
			stopWorkers()
			continue // drain
		}
		switch {
		case r.err != nil:
			fail(r.state.Path, r.err)
		case r.skipped == "unchanged":
			sum.Unchanged++
		case r.known || w.Stored(r.state.SHA256):
			// Same content as stored: record the path (and its new time).
			if r.state != r.prev {
				prog.writing(true)
				writeErr = w.AddPath(r.state)
				prog.writing(false)
			}
			sum.Unchanged++
		default:
			sum.Ingested++
			sum.Warnings += len(r.src.Warnings)
			sum.Targets += len(r.rec.Targets)
			if o.verbose {
				for _, warn := range r.src.Warnings {
					prog.printf("vanban: %s: warning: %s\n", r.state.Path, warn)
				}
			}
			prog.writing(true)
			writeErr = w.Add(r.rec, r.src.Text(), r.state)
			prog.writing(false)
		}
	}
	sum.Files += entries + rootFailures
	if writeErr == nil && walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		writeErr = walkErr
	}
	prog.saving()
	if writeErr == nil && o.prune && ctx.Err() == nil {
		writeErr = prune(ctx, ix, w, seen, &sum)
	}
	if err := w.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr == nil && ctx.Err() == nil {
		// The copies of one text, found once for every search.
		writeErr = w.SaveNearGroups(ctx)
	}
	if writeErr == nil && ctx.Err() == nil {
		// The segments this run left, merged for the readers; an
		// interrupt stops it with nothing lost.
		writeErr = ix.Tidy(ctx)
	}
	prog.finish()
	sum.Failed = len(sum.Failures)
	sum.Interrupted = ctx.Err() != nil
	sum.ElapsedSeconds = time.Since(start).Seconds()
	if writeErr != nil {
		if sum.Interrupted && errors.Is(writeErr, context.Canceled) {
			return exitError{exitInterrupted, fmt.Errorf("interrupted; the index %s could not be written within %v, so it stays as of its last batch on disk (the next run reads the rest again)", o.index, interruptGrace)}
		}
		if strings.Contains(writeErr.Error(), o.index) {
			return fmt.Errorf("ingest: %w (the index stays as of its last batch on disk; the next run reads the rest again)", writeErr)
		}
		return fmt.Errorf("ingest: write index %s: %w", o.index, writeErr)
	}
	printIngestSummary(stdout, sum, o.json)
	switch {
	case sum.Interrupted:
		return exitError{exitInterrupted, errors.New("interrupted; the files done so far are committed")}
	case sum.Failed > 0:
		return errSomeFailed
	}
	return nil
}

// interruptGrace is how long an interrupted ingest waits for its last
// commit to reach the disk.
const interruptGrace = 5 * time.Second

// afterGrace returns a context that is done grace after ctx is, and a
// function that releases it.
func afterGrace(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	gctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	go func() {
		select {
		case <-ctx.Done():
		case <-gctx.Done():
			return
		}
		t := time.NewTimer(grace)
		defer t.Stop()
		select {
		case <-t.C:
		case <-gctx.Done():
		}
		cancel()
	}()
	return gctx, cancel
}

// processFile reads a file once, and parses and extracts it unless its
// content (by hash) is already stored.
func processFile(ix *index.Index, j job) outcome {
	st := index.FileState{Path: j.entry.Path, Size: j.entry.Size, ModTime: j.entry.ModTime}
	if j.entry.Size > ingest.MaxFileSize {
		// Refused without reading it: Read says why.
		_, err := ingest.Read(j.entry.Path)
		return outcome{state: st, err: err}
	}
	data, err := os.ReadFile(j.entry.Path)
	if err != nil {
		return outcome{state: st, err: err}
	}
	sum := sha256.Sum256(data)
	st.SHA256 = hex.EncodeToString(sum[:])
	if st.SHA256 == j.prev.SHA256 {
		return outcome{state: st, prev: j.prev, known: true}
	}
	if ok, err := ix.HasContent(st.SHA256); err != nil {
		return outcome{state: st, err: fmt.Errorf("look up content: %w", err)}
	} else if ok {
		return outcome{state: st, prev: j.prev, known: true}
	}
	doc, err := ingest.ReadBytes(j.entry.Path, data)
	doc = withPath(doc, j.entry.Path)
	if err != nil {
		return outcome{state: st, err: err}
	}
	src := sourceOf(doc)
	return outcome{state: st, prev: j.prev, src: src, rec: extract.Extract(src)}
}

// textBytes is the size of src's text.
func textBytes(src extract.Source) int64 {
	var n int64
	for _, p := range src.Pages {
		n += int64(len(p))
	}
	return n
}

// prune removes the stored paths that were not seen in this walk and no
// longer exist on disk, in the order of their paths.
func prune(ctx context.Context, ix *index.Index, w *index.Writer, seen map[string]bool, sum *ingestSummary) error {
	// The paths are gathered first (only the gone ones are held), then
	// removed: the entries are not changed while they are read.
	var gone []string
	err := ix.EachFile(ctx, func(st index.FileState) error {
		if seen[st.Path] {
			return nil
		}
		if _, err := os.Lstat(st.Path); errors.Is(err, os.ErrNotExist) {
			gone = append(gone, st.Path)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("prune: %w", err)
	}
	for _, p := range gone {
		if err := w.RemovePath(p); err != nil {
			return fmt.Errorf("prune %s: %w", p, err)
		}
		sum.Pruned++
	}
	return nil
}

// hashFile returns the hex SHA-256 of the file at path.
func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func printIngestSummary(w io.Writer, s ingestSummary, asJSON bool) {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		return
	}
	// The failures were reported on stderr as they happened.
	fmt.Fprintf(w, "ingested %d, unchanged %d, failed %d, pruned %d, skipped %d; %d warnings, %d targets; %.1fs; index %s\n",
		s.Ingested, s.Unchanged, s.Failed, s.Pruned, s.Skipped, s.Warnings, s.Targets, s.ElapsedSeconds, s.Index)
}

// countFiles walks roots as ingest will, skipping skip, and returns how
// many files it will hand on or report (each counted once, even when two
// roots hold it). It holds no path, but for roots that may overlap.
func countFiles(ctx context.Context, roots []string, skip string, prog *progress) (int, error) {
	var seen map[string]bool
	if len(roots) > 1 {
		seen = map[string]bool{}
	}
	n := 0
	err := ingest.Walk(ctx, roots, ingest.WalkOptions{
		Skip:    []string{skip},
		Problem: func(string, error) { n++ },
	}, func(e ingest.Entry) error {
		if seen != nil {
			if seen[e.Path] {
				return nil
			}
			seen[e.Path] = true
		}
		n++
		prog.scanned()
		return nil
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		return n, err
	}
	return n, nil
}
