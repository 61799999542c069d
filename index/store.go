package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// ErrInUse is returned when another vanban process holds the index.
var ErrInUse = errors.New("index is in use by another vanban process")

// ErrNoIndex is returned by OpenReadOnly when dir holds no index.
var ErrNoIndex = errors.New("no index here (run vanban ingest first)")

// ErrNotIndex is returned by Open and OpenReadOnly when dir is a regular
// file, or a folder that holds other things than a vanban index.
var ErrNotIndex = errors.New("not a vanban index")

// lockTimeout bounds the wait for another process's lock.
const lockTimeout = "2s"

// formatVersion is stored in the index and checked on open. Version 2
// indexes each target's confidence (a numeric field the version 1 mapping
// lacks, so a filter on it would silently hide version 1's targets).
// Version 3 adds exact syllable pairs (body_xsh, title_xsh), folded title
// pairs (title_sh) and the folders of each path (dir), which search needs.
// Version 4 adds each document's near-duplicate sketch (near, nsig), which
// search, the registry and export group copies of one text by.
const formatVersion = "vanban-index-4"

var versionKey = []byte("vanban_format")

// Index is an open vanban index on disk.
type Index struct {
	idx      bleve.Index
	dir      string
	readOnly bool

	// pendingFiles holds the writer's changes to file entries that are
	// not yet in a committed batch (files.go): path → state, absent for a
	// path removed. It is emptied when the batch is committed, so it never
	// holds more than one batch's paths.
	mu           sync.Mutex
	pendingFiles map[string]pendingFile

	// Batches are committed at once and persisted in the background,
	// at most maxUnpersisted at a time; Flush and Close wait for them.
	inflight   chan struct{}
	persisting sync.WaitGroup
	persistMu  sync.Mutex
	persistErr error
	// failed is closed when the index can no longer be written (a failed
	// write to disk, reported by Bleve's persister or merger); every wait
	// for the disk ends then, with persistErr.
	failed    chan struct{}
	abandoned bool // a wait for the disk gave up: Close does not wait again

	// written counts the Bleve operations of the batches committed
	// through this Index (Tidy's choice of plan).
	written atomic.Int64

	// The watcher of the pages of the index's files mapped in (mapped.go).
	absDir     string
	stopMapped func()
	// keepMapped is set by KeepMapped: loops that read the whole index
	// leave the mapped pages alone too.
	keepMapped atomic.Bool

	// Snapshots published for readers (snapshot.go); writer only.
	published         time.Time
	pubSeq            int
	curSnap, prevSnap string
}

// asyncErrors is the name under which onAsyncError is registered with
// scorch, which reports the errors of its background persister and merger
// only through such a callback: a failed write is retried for ever, and
// the batches it holds are never reported persisted.
const asyncErrors = "vanban"

// writers maps the store folder of each index open for writing in this
// process to its *Index, for onAsyncError.
var writers sync.Map

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrors] = onAsyncError
}

// onAsyncError receives scorch's background errors for the store at path.
// A failed persist or merge (a full disk, a read-only or vanished folder)
// or a panic makes the index unwritable: the writer stops at once instead
// of waiting for a retry that cannot succeed. Cleanup errors (old files
// not removed) are harmless and ignored.
func onAsyncError(err error, path string) {
	var se *scorch.ScorchError
	if errors.As(err, &se) && se.ErrType == scorch.ErrCleanup {
		return
	}
	v, ok := writers.Load(filepath.Clean(path))
	if !ok {
		return
	}
	v.(*Index).fail(asyncError(err))
}

// asyncError turns scorch's error into one that says what failed and why
// ("persisting snapshot: ... no space left on device"), without scorch's
// source and type labels.
func asyncError(err error) error {
	var se *scorch.ScorchError
	if errors.As(err, &se) {
		return errors.New(strings.TrimPrefix(se.ErrMsg, "got err "))
	}
	return err
}

// fail records that the index can no longer be written.
func (ix *Index) fail(err error) {
	ix.persistMu.Lock()
	defer ix.persistMu.Unlock()
	if ix.persistErr != nil {
		return
	}
	ix.persistErr = err
	close(ix.failed)
}

// failure returns the error that made the index unwritable, or nil.
func (ix *Index) failure() error {
	select {
	case <-ix.failed:
		ix.persistMu.Lock()
		defer ix.persistMu.Unlock()
		return fmt.Errorf("write index %s: %w", ix.dir, ix.persistErr)
	default:
		return nil
	}
}

// storeDir is the folder Bleve keeps the scorch store of the index in dir
// (the path scorch names in its callbacks).
func storeDir(dir string) string { return filepath.Clean(filepath.Join(dir, "store")) }

// maxUnpersisted bounds the batches committed but not yet on disk, so that
// memory stays bounded when indexing outruns the disk.
const maxUnpersisted = 4

// writerFloorSegment is the smallest segment size, in Bleve documents,
// that scorch's merge planner counts while a writer adds batches. Its
// default, 2,000, lets an index of fewer than 20,000 Bleve documents (a
// few thousand files, with their targets and path entries) keep only one
// or two segments, so every batch was merged into the largest segment
// again: over ../shared/corpus/bulk scorch wrote 194 MB of merged segments
// for a 47 MB index, a third of ingest's CPU. With a floor of 100 the
// segments grow by tiers, and Tidy merges what the run left by the
// default plan once it ends, so that readers open as few segments as
// before.
const writerFloorSegment = 100

// Tidy merges the segments the writer's batches left and returns when the
// merges are done, the index can no longer be written (a merge that fails,
// as on a full disk, fails the index) or ctx is done. Merges replace
// segments atomically: whenever Tidy stops, the index holds every committed
// batch.
//
// How hard it merges depends on what this Index wrote (see mergeAllShare):
// after a run that wrote at least a quarter of the index's Bleve documents
// (a first ingest, a large batch of new files) it merges every segment into
// one (mergeAll), which readers search faster; after a smaller run it
// merges by scorch's default plan (see writerFloorSegment), which rewrites
// only the small segments, so an incremental run of a few files never
// rewrites the index.
func (ix *Index) Tidy(ctx context.Context) error {
	if ix.readOnly {
		return fmt.Errorf("tidy index %s: opened read-only", ix.dir)
	}
	a, err := ix.idx.Advanced()
	if err != nil {
		return fmt.Errorf("tidy index %s: %w", ix.dir, err)
	}
	sc, ok := a.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if ix.wantMergeAll(sc) {
		return ix.mergeAll(ctx, sc)
	}
	o := mergeplan.DefaultMergePlanOptions
	_, err = ix.forceMerge(ctx, sc, &o)
	return err
}

// mergeAllShare is the share of the index's Bleve documents (documents,
// targets, file entries) that a writer must have written (added, replaced
// or deleted) for Tidy to merge every segment into one. Merging everything
// rewrites the whole index: at 100,000 short documents (208,506 Bleve
// documents, 18 segments, 966 MB) 27 s of CPU, about 0.13 ms a Bleve
// document, where ingesting them cost some 700 s (3–4 ms a Bleve document).
// A run that wrote at least a quarter of what the merge rewrites pays at
// most 0.5 ms more per Bleve document it wrote, a sixth of its own cost;
// a run of a few files pays nothing for the segments it did not write.
const mergeAllShare = 4 // written * mergeAllShare >= documents

// wantMergeAll reports whether Tidy should merge every segment: the index
// has more than one segment, this Index wrote at least 1/mergeAllShare of
// its Bleve documents, and the disk has room for a second copy of the
// segments (the old ones are removed only once the new one replaces them).
func (ix *Index) wantMergeAll(sc *scorch.Scorch) bool {
	segs, size, err := segmentsOf(sc)
	if err != nil || segs < 2 {
		return false
	}
	n, err := ix.idx.DocCount()
	if err != nil || n == 0 || uint64(ix.written.Load())*mergeAllShare < n {
		return false
	}
	return roomFor(storeDir(ix.dir), size)
}

// segmentsOf returns the number of segments of sc's current snapshot and
// the size of their files.
func segmentsOf(sc *scorch.Scorch) (int, int64, error) {
	r, err := sc.Reader()
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0, 0, errors.New("not a scorch snapshot")
	}
	var size int64
	segs := is.Segments()
	for _, s := range segs {
		size += s.FileSize()
	}
	return len(segs), size, nil
}

// mergeAll merges every segment of sc into one, in one pass: scorch's
// plan is told to put all of them in one task (a plan of tasks of ten, as
// scorch's own SingleSegmentMergePlanOptions makes, writes most documents
// twice). Segments of more than half of mergeplan's default MaxSegmentSize
// (5,000,000 Bleve documents) are left as they are, and no merged segment
// grows past it, as with scorch's default plan: an index of millions of
// documents ends with a few segments of bounded size, not one. It is cut
// short by ctx like any merge.
func (ix *Index) mergeAll(ctx context.Context, sc *scorch.Scorch) error {
	for range 3 { // a round leaves one segment unless sizes bound it
		segs, _, err := segmentsOf(sc)
		if err != nil {
			return fmt.Errorf("tidy index %s: %w", ix.dir, err)
		}
		if segs < 2 {
			return nil
		}
		o := mergeAllOptions(segs)
		before := segs
		stopped, err := ix.forceMerge(ctx, sc, &o)
		if stopped || err != nil {
			return err
		}
		if segs, _, err = segmentsOf(sc); err != nil || segs >= before {
			return err // bounded by size: nothing more to merge
		}
	}
	return nil
}

// mergeAllOptions returns the plan options under which scorch merges n
// segments into one task.
func mergeAllOptions(n int) mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.MaxSegmentSize = mergeplan.DefaultMergePlanOptions.MaxSegmentSize
	o.SegmentsPerMergeTask = max(n, 2)
	o.MaxSegmentsPerTier = 1
	// The roster of most segments wins (a lower score is better).
	o.ScoreSegments = func(segs []mergeplan.Segment, _ *mergeplan.MergePlanOptions) float64 {
		return -float64(len(segs))
	}
	return o
}

// forceMerge runs one round of scorch's merge plan under o and returns
// when it is done (stopped false), or when ctx is done (stopped true, and
// no error: the merge under way is dropped, the index is as it was), or
// with the index's write failure.
func (ix *Index) forceMerge(ctx context.Context, sc *scorch.Scorch, o *mergeplan.MergePlanOptions) (stopped bool, err error) {
	done := make(chan error, 1)
	go func() {
		// ForceMerge returns when the merges are done, cut short by ctx,
		// or the index closes; after a failed merge it retries until
		// then, so a failure is seen through ix.failed instead.
		done <- sc.ForceMerge(ctx, o)
	}()
	select {
	case err = <-done:
		if err != nil {
			return false, fmt.Errorf("tidy index %s: %w", ix.dir, err)
		}
		return ctx.Err() != nil, ix.failure()
	case <-ix.failed:
		return false, ix.failure()
	case <-ctx.Done():
		// The merge under way stops (scorch watches ctx) and is dropped:
		// the index is as it was. Wait for ForceMerge to see it, so that
		// the next Tidy does not find it still running, but not for long.
		t := time.NewTimer(tidyGrace)
		defer t.Stop()
		select {
		case <-done:
		case <-ix.failed:
		case <-t.C:
		}
		return true, nil
	}
}

// tidyGrace bounds how long an interrupted Tidy waits for scorch to drop
// the merge under way.
const tidyGrace = 5 * time.Second

// persistTimeout bounds how long Flush and Close wait for the disk.
const persistTimeout = 5 * time.Minute

// FileState is what the index knows of one path.
type FileState struct {
	Path    string
	SHA256  string
	Size    int64
	ModTime time.Time
}

// Open opens the index in dir for reading and writing, creating it if it
// does not exist. It fails with ErrInUse within two seconds when another
// process holds the index.
//
// A dir that is a regular file, or a folder that holds anything but an
// index, is left alone: Open fails with ErrNotIndex.
func Open(dir string) (*Index, error) {
	if !exists(dir) {
		if err := notIndex(dir); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		if err := create(dir); err != nil {
			return nil, err
		}
	}
	return open(dir, false)
}

// OpenReadOnly opens the index in dir for reading. While a writer holds
// the index, it opens the snapshot of the committed state the writer
// published last (snapshot.go), which does not change while it is open.
// It fails with ErrInUse within two seconds when a writer holds the index
// and has published none (a writer of an older vanban), with ErrNoIndex
// when there is no index, and with ErrNotIndex when dir is a regular file
// or a folder of other things.
func OpenReadOnly(dir string) (*Index, error) {
	if !exists(dir) {
		if err := notIndex(dir); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		return nil, fmt.Errorf("open index %s: %w", dir, ErrNoIndex)
	}
	// A published snapshot means a writer runs, or was killed: the index
	// itself is tried briefly first, as it is current when no writer
	// holds it.
	timeout := lockTimeout
	if _, err := os.Stat(filepath.Join(dir, readersDir, currentFile)); err == nil {
		timeout = snapshotProbe
	}
	ix, err := openWith(dir, true, timeout)
	if errors.Is(err, ErrInUse) {
		sx, serr := openSnapshot(dir)
		if serr == nil {
			return sx, nil
		}
		if !errors.Is(serr, fs.ErrNotExist) {
			return nil, fmt.Errorf("open index %s: snapshot for readers: %w", dir, serr)
		}
		if timeout == snapshotProbe { // withdrawn meanwhile: the writer is closing
			return openWith(dir, true, lockTimeout)
		}
	}
	return ix, err
}

// snapshotProbe is how long OpenReadOnly waits for the index itself when a
// writer has published a snapshot.
const snapshotProbe = "100ms"

// exists reports whether dir holds a Bleve index.
func exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

// notIndex returns ErrNotIndex, with the reason, when dir (which holds no
// index) is something else than a missing or empty folder: a regular
// file, or a folder with other things in it.
func notIndex(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return nil // missing, or unreadable: creating or opening it says why
	}
	if !st.IsDir() {
		return fmt.Errorf("%w (a file, not a folder)", ErrNotIndex)
	}
	ents, err := os.ReadDir(dir)
	if err == nil && len(ents) > 0 {
		return fmt.Errorf("%w (the folder holds other files)", ErrNotIndex)
	}
	return nil
}

// create makes a new empty index in dir. It builds the index in a sibling
// temporary directory and renames it into place, so that a crash never
// leaves a half-created index behind.
//
// Errors name dir, never the temporary directory.
func create(dir string) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("create index %s: %w (the folder holds other files)", dir, ErrNotIndex)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if parent := filepath.Dir(dir); parent != "" {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return fmt.Errorf("create index %s: %w", dir, err)
		}
	}
	// Leftovers of creations killed before their rename.
	if old, _ := filepath.Glob(filepath.Clean(dir) + ".creating-*"); len(old) > 0 {
		for _, o := range old {
			if st, err := os.Stat(o); err == nil && time.Since(st.ModTime()) > time.Minute {
				os.RemoveAll(o)
			}
		}
	}
	tmp := fmt.Sprintf("%s.creating-%d", filepath.Clean(dir), os.Getpid())
	os.RemoveAll(tmp)
	fail := func(err error) error {
		os.RemoveAll(tmp)
		return fmt.Errorf("create index %s: %w", dir, withoutPath(err, tmp))
	}
	idx, err := bleve.NewUsing(tmp, NewMapping(), "scorch", "scorch", nil)
	if err != nil {
		return fail(err)
	}
	if err := idx.SetInternal(versionKey, []byte(formatVersion)); err != nil {
		idx.Close()
		return fail(err)
	}
	if err := idx.Close(); err != nil {
		return fail(err)
	}
	os.Remove(dir) // an empty directory the user made for us
	if err := os.Rename(tmp, dir); err != nil {
		if exists(dir) { // another process created it meanwhile
			os.RemoveAll(tmp)
			return nil
		}
		return fail(err)
	}
	return nil
}

// withoutPath returns err without the file names of its *fs.PathError or
// *os.LinkError when they lie under tmp: the operation and the system's
// reason ("mkdir: permission denied"), so that messages never show a
// temporary name. Other errors are returned as they are.
func withoutPath(err error, tmp string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.HasPrefix(pe.Path, tmp) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	var le *os.LinkError
	if errors.As(err, &le) && (strings.HasPrefix(le.Old, tmp) || strings.HasPrefix(le.New, tmp)) {
		return fmt.Errorf("%s: %w", le.Op, le.Err)
	}
	return err
}

func open(dir string, readOnly bool) (*Index, error) {
	return openWith(dir, readOnly, lockTimeout)
}

// openWith opens the index in dir, waiting at most timeout for another
// process's lock.
func openWith(dir string, readOnly bool, timeout string) (*Index, error) {
	cfg := map[string]interface{}{"bolt_timeout": timeout}
	if readOnly {
		cfg["read_only"] = true
	} else {
		// Batch returns once the batch is searchable; it is persisted in
		// the background and the writer waits for that (see Writer). A
		// kill before persistence loses whole batches only — documents
		// with their path entries — so the next run redoes them.
		cfg["unsafe_batch"] = true
		cfg["asyncErrorCallbackName"] = asyncErrors
		cfg["scorchMergePlanOptions"] = map[string]interface{}{"FloorSegmentSize": writerFloorSegment}
	}
	ix := &Index{dir: dir, readOnly: readOnly, inflight: make(chan struct{}, maxUnpersisted), failed: make(chan struct{})}
	if !readOnly {
		// Only one process, hence one Index, writes a folder.
		writers.Store(storeDir(dir), ix)
	}
	idx, err := ix.openBleve(dir, cfg)
	if err != nil {
		if !readOnly {
			writers.Delete(storeDir(dir))
		}
		return nil, err
	}
	ix.idx = idx
	ix.opened(dir)
	if !readOnly {
		ix.resetSnapshots()
		ix.publish() // the state before this writer's changes; see publish on failure
	}
	return ix, nil
}

// openBleve opens the Bleve index in path (ix.dir, or a snapshot of it)
// with cfg and checks its version. Errors name ix.dir.
func (ix *Index) openBleve(path string, cfg map[string]interface{}) (bleve.Index, error) {
	dir := ix.dir
	idx, err := bleve.OpenUsing(path, cfg)
	if err != nil {
		if isLockTimeout(err) {
			return nil, fmt.Errorf("open index %s: %w", dir, ErrInUse)
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	v, err := idx.GetInternal(versionKey)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if string(v) != formatVersion {
		idx.Close()
		return nil, fmt.Errorf("open index %s: not a vanban index of this version (found %q, want %q); remove it and ingest again", dir, v, formatVersion)
	}
	return idx, nil
}

// isLockTimeout reports whether err is bolt's lock timeout.
func isLockTimeout(err error) bool {
	return err != nil && strings.Contains(err.Error(), "timeout")
}

// Close closes the index. Changes are durable once Flush has returned.
// Close waits for the batches committed since (at most five minutes),
// unless the index can no longer be written or a Writer's context ended a
// wait for the disk: then what is not on disk yet is dropped, and the
// index stays as of the last batch persisted.
func (ix *Index) Close() error {
	if ix == nil || ix.idx == nil {
		return nil
	}
	var werr error
	ix.persistMu.Lock()
	abandoned := ix.abandoned
	ix.persistMu.Unlock()
	if !abandoned {
		werr = ix.waitPersisted(context.Background())
	}
	if !ix.readOnly {
		ix.removeSnapshots()
	}
	if ix.stopMapped != nil {
		ix.stopMapped()
	}
	err := ix.idx.Close()
	ix.idx = nil
	if !ix.readOnly {
		writers.Delete(storeDir(ix.dir))
	}
	if err != nil && werr == nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return werr
}

// KeepMapped stops handing the index's mapped file pages back to the
// kernel (mapped.go) for as long as ix stays open. A reader that answers
// queries wants them: each page handed back is read again by the next
// query that needs it (a page fault), which at 10,000 documents of bulk's
// size cost the search benchmark's query mix about 6% of its CPU time in
// the watcher alone, more in faults. Memory is then bounded by the index's
// size instead (clean pages the kernel can drop at any time); ingest and
// export, which read the whole index, keep the watcher.
func (ix *Index) KeepMapped() {
	ix.keepMapped.Store(true)
	if ix.stopMapped != nil {
		ix.stopMapped()
		ix.stopMapped = nil
	}
}

// opened starts what runs while the index is open; path is the folder
// Bleve opened (the index's, or a snapshot's for a reader during an
// ingest): the watcher hands back the pages of the files under it only,
// never those that a writer in the same process maps, which a merge may
// unmap at any time (see releaseMapped).
func (ix *Index) opened(path string) {
	ix.absDir = path
	if abs, err := filepath.Abs(path); err == nil {
		ix.absDir = abs
	}
	// /proc/self/maps names files by their real path.
	if real, err := filepath.EvalSymlinks(ix.absDir); err == nil {
		ix.absDir = real
	}
	ix.stopMapped = ix.watchMapped()
}

// waitPersisted waits until every committed batch is on disk, the index
// can no longer be written, or ctx is done.
func (ix *Index) waitPersisted(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		ix.persisting.Wait()
		close(done)
	}()
	timer := time.NewTimer(persistTimeout)
	defer timer.Stop()
	select {
	case <-done:
	case <-ix.failed:
	case <-ctx.Done():
		ix.abandon()
		return fmt.Errorf("index %s: batches not yet on disk dropped: %w", ix.dir, ctx.Err())
	case <-timer.C:
		ix.abandon()
		return fmt.Errorf("index %s: batches not persisted after %v", ix.dir, persistTimeout)
	}
	return ix.failure()
}

// abandon records that a wait for the disk gave up.
func (ix *Index) abandon() {
	ix.persistMu.Lock()
	ix.abandoned = true
	ix.persistMu.Unlock()
}

// Dir returns the index directory.
func (ix *Index) Dir() string { return ix.dir }

// Bleve returns the underlying Bleve index, for running queries built on
// this package's mapping (its Field* names and Analyzer* analyzers) as
// package search does. Do not write through it, and read records, texts
// and the registry through the Index methods rather than by document ID.
func (ix *Index) Bleve() bleve.Index { return ix.idx }

// HasContent reports whether a document with this content hash is stored.
// It looks the ID up in the index's current snapshot directly: a search
// for it (a DocIDQuery) cost about ten times as much (230–370 µs against
// 21–25 µs a lookup over 7 segments, more with more segments), and ingest
// asks once for every file it reads.
func (ix *Index) HasContent(sha256 string) (bool, error) {
	a, err := ix.idx.Advanced()
	if err != nil {
		return false, fmt.Errorf("look up %s: %w", sha256, err)
	}
	r, err := a.Reader()
	if err != nil {
		return false, fmt.Errorf("look up %s: %w", sha256, err)
	}
	defer r.Close()
	id, err := r.InternalID(docID(sha256))
	if err != nil {
		return false, fmt.Errorf("look up %s: %w", sha256, err)
	}
	return id != nil, nil
}

// Count returns the number of stored documents (distinct contents).
func (ix *Index) Count() (int, error) {
	return ix.countType(TypeDoc)
}

// CountTargets returns the number of stored target records.
func (ix *Index) CountTargets() (int, error) {
	return ix.countType(TypeTarget)
}

func (ix *Index) countType(typ string) (int, error) {
	req := bleve.NewSearchRequestOptions(typeQuery(typ), 0, 0, false)
	res, err := ix.idx.Search(req)
	if err != nil {
		return 0, fmt.Errorf("count %s: %w", typ, err)
	}
	return int(res.Total), nil
}
