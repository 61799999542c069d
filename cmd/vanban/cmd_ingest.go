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
	mark  index.Mark      // the writer's, taken before prev was looked up
}

// outcome is what a worker made of one job.
type outcome struct {
	state   index.FileState
	prev    index.FileState // what the index knew of the path before
	known   bool            // the content is already stored (under this or another path)
	src     extract.Source
	rec     extract.Record
	err     error
	skipped string     // why the file was passed over, if it was
	weight  int64      // bytes of the read-ahead budget it holds
	mark    index.Mark // the writer's, taken before prev and known were looked up
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
	r := &ingester{o: o, prog: prog, sum: ingestSummary{Index: o.index, Failures: []failure{}}}

	// A PATH that does not exist is reported, and when none exists the
	// index is not even created.
	roots, err := r.roots()
	if err != nil || len(roots) == 0 {
		return err
	}
	rootFailures := len(r.sum.Failures)

	ix, err := index.Open(o.index)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer ix.Close()
	r.ix = ix

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
	prog.begin(total+rootFailures, rootFailures, rootFailures)
	if o.prune || len(roots) > 1 {
		r.seen = map[string]bool{}
	}

	r.w = ix.NewWriter(o.batch)
	// After an interrupt, the last commit gets interruptGrace to reach the
	// disk; a disk that takes longer (or accepts nothing) is given up.
	graceCtx, stopGrace := afterGrace(ctx, interruptGrace)
	defer stopGrace()
	r.w.SetContext(graceCtx)
	// The workers stop when the index can no longer be written: reading on
	// would be wasted.
	workCtx, stopWorkers := context.WithCancel(ctx)
	defer stopWorkers()
	r.start(workCtx, roots)
	writeErr := r.store(stopWorkers)
	r.sum.Files += r.entries + rootFailures
	if writeErr == nil && r.walkErr != nil && !errors.Is(r.walkErr, context.Canceled) {
		writeErr = r.walkErr
	}
	writeErr = r.finishIndex(ctx, writeErr)
	prog.finish()
	sum := &r.sum
	sum.Failed = len(sum.Failures)
	sum.Interrupted = ctx.Err() != nil
	sum.ElapsedSeconds = time.Since(start).Seconds()
	if writeErr != nil {
		return ingestWriteError(o.index, sum.Interrupted, writeErr)
	}
	printIngestSummary(stdout, *sum, o.json)
	switch {
	case sum.Interrupted:
		return exitError{exitInterrupted, errors.New("interrupted; the files done so far are committed")}
	case sum.Failed > 0:
		return errSomeFailed
	}
	return nil
}

// ingester is one run of "vanban ingest": the walk that finds the files,
// the workers that read and extract them, and the loop that stores what
// they made, with the summary they all add to.
type ingester struct {
	o    ingestOptions
	prog *progress
	ix   *index.Index
	w    *index.Writer

	mu      sync.Mutex // guards sum.Failures, sum.Files and sum.Skipped during the walk
	sum     ingestSummary
	seen    map[string]bool // paths taken, when a path may come twice or --prune needs them
	entries int             // files the second walk found, once each

	results chan outcome        // from the walk and the workers to the writer
	ahead   *semaphore.Weighted // the read-ahead budget of text bytes
	walkErr error               // the second walk's; read once results is closed
}

// fail records a failure and reports it, once, on stderr (the text
// summary only counts failures; --json lists them).
func (r *ingester) fail(path string, err error) {
	reason := strings.TrimPrefix(oneLine(err), path+": ")
	r.mu.Lock()
	r.sum.Failures = append(r.sum.Failures, failure{Path: path, Error: reason})
	r.mu.Unlock()
	r.prog.printf("vanban: %s: %s\n", path, reason)
}

// roots returns the PATHs as absolute paths, reporting those that do not
// exist; with none left it returns errSomeFailed.
func (r *ingester) roots() ([]string, error) {
	var roots []string
	for _, p := range r.o.paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("ingest: %s: %w", p, err)
		}
		if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
			r.fail(abs, errors.New("no such file or folder"))
			continue
		}
		roots = append(roots, abs)
	}
	if len(roots) == 0 {
		return nil, errSomeFailed
	}
	return roots, nil
}

// start launches the workers and the walk that feeds them; r.results is
// closed when both are done.
//
// The writer stalls while Bleve builds a committed batch; the results
// buffer lets the workers read and extract ahead meanwhile, bounded by the
// text it holds (aheadBytes) rather than by a count of documents.
func (r *ingester) start(ctx context.Context, roots []string) {
	r.results = make(chan outcome, aheadDocs)
	r.ahead = semaphore.NewWeighted(aheadBytes)
	work := make(chan job)
	var wg sync.WaitGroup
	for range r.o.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				res := processFile(r.ix, j)
				res.mark = j.mark
				r.prog.add(res.err != nil) // counted as read, before the writer takes it
				res.weight = min(textBytes(res.src), aheadBytes)
				if err := r.ahead.Acquire(ctx, res.weight); err != nil {
					res.weight = 0 // interrupted: hand it over unbudgeted
				}
				r.results <- res
			}
		}()
	}
	go func() {
		defer close(work)
		r.walkErr = ingest.Walk(ctx, roots, r.walkOptions(), func(e ingest.Entry) error {
			return r.dispatch(ctx, e, work)
		})
	}()
	go func() { wg.Wait(); close(r.results) }()
}

// walkOptions are the walk's: the index folder skipped, unreadable
// entries counted as failures, names that are no document as skipped.
func (r *ingester) walkOptions() ingest.WalkOptions {
	return ingest.WalkOptions{
		Skip: []string{r.o.index},
		Problem: func(path string, err error) {
			r.fail(path, err)
			r.prog.add(true)
			r.mu.Lock()
			r.sum.Files++
			r.mu.Unlock()
		},
		Note: func(path, reason string) {
			if r.o.verbose {
				r.prog.printf("vanban: %s: %s\n", path, reason)
			}
			if reason == "not a document by its name" || reason == "not a regular file" {
				r.mu.Lock()
				r.sum.Skipped++
				r.mu.Unlock()
			}
		},
	}
}

// dispatch hands one file the walk found to the workers, or straight to
// the writer when the index already has it unchanged (by size and time: it
// is not even hashed) or cannot say.
func (r *ingester) dispatch(ctx context.Context, e ingest.Entry, work chan<- job) error {
	if r.seen != nil {
		if r.seen[e.Path] {
			return nil
		}
		r.seen[e.Path] = true
	}
	r.entries++
	mark := r.w.Mark()
	prev, _, err := r.ix.File(e.Path)
	if err != nil {
		r.prog.add(true)
		r.results <- outcome{state: index.FileState{Path: e.Path}, err: fmt.Errorf("look it up in the index: %w", err)}
		return nil
	}
	if prev.SHA256 != "" && prev.Size == e.Size && prev.ModTime.Unix() == e.ModTime.Unix() {
		r.prog.add(false)
		r.results <- outcome{state: prev, prev: prev, known: true, skipped: "unchanged"}
		return nil
	}
	select {
	case work <- job{entry: e, prev: prev, mark: mark}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// store writes every outcome to the index until the results run out. After
// the first write error it stops the workers and drains the rest.
func (r *ingester) store(stopWorkers func()) error {
	var writeErr error
	for res := range r.results {
		if res.weight > 0 {
			r.ahead.Release(res.weight)
		}
		if writeErr != nil {
			stopWorkers()
			continue // drain
		}
		writeErr = r.storeOne(res)
	}
	return writeErr
}

// storeOne writes one outcome: a failure is reported, the same content as
// stored records only its path (and its new time), a new text is added.
func (r *ingester) storeOne(res outcome) error {
	sum := &r.sum
	switch {
	case res.err != nil:
		r.fail(res.state.Path, res.err)
	case res.skipped == "unchanged":
		sum.Unchanged++
	case res.known || r.w.StoredSince(res.state.SHA256, res.mark):
		sum.Unchanged++
		if res.state != res.prev {
			r.prog.writing(true)
			defer r.prog.writing(false)
			return r.w.AddPath(res.state)
		}
	default:
		sum.Ingested++
		sum.Warnings += len(res.src.Warnings)
		sum.Targets += len(res.rec.Targets)
		if r.o.verbose {
			for _, warn := range res.src.Warnings {
				r.prog.printf("vanban: %s: warning: %s\n", res.state.Path, warn)
			}
		}
		r.prog.writing(true)
		defer r.prog.writing(false)
		// The path and the content were looked up after res.mark.
		return r.w.AddChecked(res.rec, res.src.Text(), res.state, res.prev, res.mark)
	}
	return nil
}

// finishIndex prunes (with --prune), commits the last batch, saves the
// groups of copies and merges the run's segments, each only when what came
// before succeeded and the run was not interrupted.
func (r *ingester) finishIndex(ctx context.Context, writeErr error) error {
	r.prog.saving()
	if writeErr == nil && r.o.prune && ctx.Err() == nil {
		writeErr = prune(ctx, r.ix, r.w, r.seen, &r.sum)
	}
	if err := r.w.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr == nil && ctx.Err() == nil {
		// The copies of one text, found once for every search.
		writeErr = r.w.SaveNearGroups(ctx)
	}
	if writeErr == nil && ctx.Err() == nil {
		// The segments this run left, merged for the readers; an
		// interrupt stops it with nothing lost.
		writeErr = r.ix.Tidy(ctx)
	}
	return writeErr
}

// ingestWriteError says why the index could not be written, and that it
// stays as of its last batch on disk.
func ingestWriteError(dir string, interrupted bool, err error) error {
	if interrupted && errors.Is(err, context.Canceled) {
		return exitError{exitInterrupted, fmt.Errorf("interrupted; the index %s could not be written within %v, so it stays as of its last batch on disk (the next run reads the rest again)", dir, interruptGrace)}
	}
	if strings.Contains(err.Error(), dir) {
		return fmt.Errorf("ingest: %w (the index stays as of its last batch on disk; the next run reads the rest again)", err)
	}
	return fmt.Errorf("ingest: write index %s: %w", dir, err)
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
