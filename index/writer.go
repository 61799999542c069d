package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
)

// Writer batches changes to the index. Each Flush commits one atomic batch:
// a document, its records and its path are always committed together, and
// Flush returns once the batch is durable on disk.
//
// A kill at any moment leaves the index as of the last completed Flush:
// paths written after it are simply not known to the index, so the next
// run reads them again. Documents are keyed by content hash and targets by
// (hash, position), so re-adding never duplicates.
type Writer struct {
	ix   *Index
	size int
	ctx  context.Context // bounds every wait for the disk

	mu      sync.Mutex
	err     error // sticky: set when the index cannot be written
	batch   *bleve.Batch
	ops     int                 // Bleve operations in the batch
	changes int                 // Add, AddPath and RemovePath calls since the last commit
	bytes   int                 // text bytes added since the last commit
	pending map[string]*docData // content written in this batch, by hash
	targets map[string]int      // number of targets each hash written in this batch has now

	// The saved near-duplicate groups as this writer changed them (see
	// dropFromGroups), written with the next batch when savedChanged.
	saved        *savedGroups
	savedLoaded  bool
	savedChanged bool

	// What the batches touched, for AddChecked (checked.go): the batch
	// being filled, the last recentBatches committed, oldest first, and
	// the count of batches committed.
	cur     touched
	recent  []touched
	batches atomic.Uint64
}

// docData is what a stored document is built from.
type docData struct {
	rec  extract.Record
	text string
}

// MaxBatchBytes bounds the text one batch holds: a batch is committed when
// it reaches size changes or this many bytes of document text, whichever
// comes first, so that memory does not grow with the documents' size.
// Bleve analyzes the whole batch before it builds its segment, and the body
// is indexed four ways (exact, folded with term vectors, two kinds of
// syllable pairs): while a batch is built it costs about 90 bytes of heap
// per byte of text (8 MiB made a peak RSS of 800 MB on
// ../shared/corpus/bulk; 512 KiB, about 50 MB of heap).
const MaxBatchBytes = 512 << 10

// NewWriter returns a writer that commits every size changes (size < 1
// means 100), or sooner when the batch holds MaxBatchBytes of text.
func (ix *Index) NewWriter(size int) *Writer {
	if size < 1 {
		size = 100
	}
	w := &Writer{ix: ix, size: size, ctx: context.Background(), pending: map[string]*docData{}, targets: map[string]int{}, cur: newTouched()}
	if ix.readOnly {
		w.err = errors.New("index opened read-only: cannot write")
	} else {
		w.batch = ix.idx.NewBatch()
	}
	return w
}

// SetContext makes ctx bound every wait of w for the disk (a commit that
// waits for earlier batches to be persisted, and Flush): when ctx is done,
// the wait gives up with an error wrapping ctx.Err(), the batches not yet
// on disk are dropped (Close does not wait for them either), and the index
// stays as of the last batch persisted. Without it, a write waits at most
// five minutes for a disk that accepts no write; a disk that refuses one
// (full, read-only) fails the writer at once whatever the context.
func (w *Writer) SetContext(ctx context.Context) {
	w.mu.Lock()
	w.ctx = ctx
	w.mu.Unlock()
}

// check returns the writer's sticky error, or the index's write failure
// (which it makes sticky).
// failWith makes err the writer's sticky error (unless it has one) and
// returns it: a batch half changed must not be committed.
func (w *Writer) failWith(err error) error {
	if w.err == nil {
		w.err = err
	}
	return w.err
}

func (w *Writer) check() error {
	if w.err == nil {
		w.err = w.ix.failure()
	}
	return w.err
}

// Add stores a document, its record and its text (extract.Source.Text,
// which the record's offsets refer to), as the content of st.Path,
// replacing what the path held before. st.SHA256 defaults to rec.SHA256.
func (w *Writer) Add(rec extract.Record, text string, st FileState) error {
	return w.add(rec, text, st, nil)
}

// add is Add, and AddChecked when l says what the caller looked up.
func (w *Writer) add(rec extract.Record, text string, st FileState, l *lookedUp) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.check(); err != nil {
		return err
	}
	if st.SHA256 == "" {
		st.SHA256 = rec.SHA256
	}
	if st.SHA256 == "" {
		return fmt.Errorf("add %s: no content hash", st.Path)
	}
	if rec.SHA256 == "" {
		rec.SHA256 = st.SHA256
	}
	return w.store(st, &docData{rec: rec, text: text}, true, w.checkedLocked(l, st))
}

// store makes d the content of st.Path: it forgets what the path held,
// records the path, re-indexes the document with all its paths and counts
// the batch. fresh says that d was read from a file now (Add), not loaded
// from the index (AddPath). c, when not nil, is what the caller looked up
// (AddChecked): the path's entry and the content's absence are not looked
// up again.
func (w *Writer) store(st FileState, d *docData, fresh bool, c *checked) error {
	if err := w.forget(st.Path, st.SHA256, c); err != nil {
		return err
	}
	w.setFile(st)
	var paths []string
	if c != nil && c.contentNew {
		// No entry holds content that is not stored, and no change
		// since the lookup touched it: its one path is this one.
		paths = []string{st.Path}
	} else {
		var err error
		if paths, err = w.ix.Paths(st.SHA256); err != nil {
			return w.failWith(err)
		}
	}
	if err := w.indexDoc(st.SHA256, d, paths, fresh, c != nil && c.contentNew); err != nil {
		return err
	}
	w.bytes += len(d.text)
	return w.maybeFlush()
}

// Stored reports whether content sha256 is stored, counting what this
// writer has added and not yet committed. An error to look it up counts
// as not stored: the content is then read and stored again, which is
// harmless (it is keyed by its hash).
func (w *Writer) Stored(sha256 string) bool {
	w.mu.Lock()
	_, ok := w.pending[sha256]
	w.mu.Unlock()
	if ok {
		return true
	}
	ok, err := w.ix.HasContent(sha256)
	return ok && err == nil
}

// AddPath records that st.Path holds content already stored (same hash).
func (w *Writer) AddPath(st FileState) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.check(); err != nil {
		return err
	}
	old, ok, err := w.ix.File(st.Path)
	if err != nil {
		return w.failWith(err)
	}
	if ok && old.SHA256 == st.SHA256 {
		// Same content: only the size or time changed.
		w.setFile(st)
		return w.maybeFlush()
	}
	d, err := w.load(st.SHA256)
	if err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("add path %s: content %s is not stored", st.Path, st.SHA256)
	}
	return w.store(st, d, false, nil)
}

// RemovePath forgets path; content no path refers to any more is removed
// with its targets.
func (w *Writer) RemovePath(path string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.check(); err != nil {
		return err
	}
	if _, ok, err := w.ix.File(path); err != nil {
		return w.failWith(err)
	} else if !ok {
		return nil
	}
	if err := w.forget(path, "", nil); err != nil {
		return err
	}
	return w.maybeFlush()
}

// forget detaches path from the content it held, unless that is keep:
// the content is deleted when no path holds it any more, or re-indexed
// with its remaining paths. c, when not nil and its path's entry still
// holds, says what the path held.
func (w *Writer) forget(path, keep string, c *checked) error {
	old, ok := FileState{}, false
	if c != nil && c.pathKnown {
		old, ok = c.prev, c.prev.SHA256 != ""
	} else {
		var err error
		if old, ok, err = w.ix.File(path); err != nil {
			return w.failWith(err)
		}
	}
	if !ok || old.SHA256 == keep {
		return nil
	}
	w.touchPath(path)
	w.ix.setPendingFile(FileState{Path: path}, false)
	w.batch.Delete(fileID(path))
	w.ops++
	rest, err := w.ix.Paths(old.SHA256)
	if err != nil {
		return w.failWith(err)
	}
	if len(rest) == 0 {
		return w.deleteDoc(old.SHA256)
	}
	d, err := w.load(old.SHA256)
	if err != nil {
		return err
	}
	if d == nil {
		return nil
	}
	return w.indexDoc(old.SHA256, d, rest, false, false)
}

func (w *Writer) setFile(st FileState) {
	w.touchPath(st.Path)
	w.ix.setPendingFile(st, true)
	b, _ := json.Marshal(fileStateJSON{Path: st.Path, SHA: st.SHA256, Size: st.Size, MTime: st.ModTime.UnixNano()})
	w.index(fileID(st.Path), map[string]interface{}{
		"_type":        TypeFile,
		FieldType:      TypeFile,
		FieldPath:      st.Path,
		FieldSHA:       st.SHA256,
		FieldFileState: string(b),
	})
}

func (w *Writer) index(id string, v map[string]interface{}) {
	if err := w.batch.Index(id, v); err != nil && w.err == nil {
		w.err = fmt.Errorf("index %s: %w", id, err)
	}
	w.ops++
}

// indexDoc (re)writes the document of content sha and its targets. fresh
// says that the content may be new to the index: the saved near-duplicate
// groups are then stale. isNew says that it is (AddChecked): no stored
// version has targets to remove.
func (w *Writer) indexDoc(sha string, d *docData, paths []string, fresh, isNew bool) error {
	// How many targets the stored version has, before d replaces it.
	before := 0
	if !isNew {
		var err error
		if before, err = w.targetCount(sha); err != nil {
			return err
		}
	}
	w.touchSHA(sha)
	w.pending[sha] = d
	if fresh {
		w.batch.SetInternal(nearStaleKey, []byte{1}) // not in the saved groups
	}
	rec := d.rec
	if len(paths) > 0 {
		rec.Path = paths[0]
	}
	w.index(docID(sha), docFields(rec, d.text, paths))
	if w.err != nil {
		return w.err
	}
	for i, tg := range rec.Targets {
		w.index(targetID(sha, i), targetFields(sha, i, tg, rec))
	}
	for i := len(rec.Targets); i < before; i++ {
		w.batch.Delete(targetID(sha, i))
		w.ops++
	}
	w.targets[sha] = len(rec.Targets)
	return w.err
}

// deleteDoc removes the document of content sha and its targets.
func (w *Writer) deleteDoc(sha string) error {
	n, err := w.targetCount(sha)
	if err != nil {
		return err
	}
	w.touchSHA(sha)
	w.batch.Delete(docID(sha))
	w.dropFromGroups(sha)
	w.ops++
	for i := 0; i < n; i++ {
		w.batch.Delete(targetID(sha, i))
		w.ops++
	}
	delete(w.pending, sha)
	w.targets[sha] = 0
	return nil
}

// targetCount returns how many targets content sha has in the index (or in
// the pending batch).
func (w *Writer) targetCount(sha string) (int, error) {
	if n, ok := w.targets[sha]; ok {
		return n, nil
	}
	d, err := w.load(sha)
	if err != nil || d == nil {
		return 0, err
	}
	return len(d.rec.Targets), nil
}

// load returns the stored document of content sha (pending or committed),
// or nil.
func (w *Writer) load(sha string) (*docData, error) {
	if d, ok := w.pending[sha]; ok {
		return d, nil
	}
	doc, err := w.ix.idx.Document(docID(sha))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", sha, err)
	}
	if doc == nil {
		return nil, nil
	}
	d := &docData{}
	var recJSON string
	doc.VisitFields(func(f bleveindex.Field) {
		switch f.Name() {
		case FieldRecord:
			recJSON = string(f.Value())
		case FieldBodyFold:
			d.text = string(f.Value())
		}
	})
	if err := json.Unmarshal([]byte(recJSON), &d.rec); err != nil {
		return nil, fmt.Errorf("load %s: stored record: %w", sha, err)
	}
	return d, nil
}

func (w *Writer) maybeFlush() error {
	if w.err != nil {
		return w.err
	}
	// Every committed batch on disk: readers can have them at no wait.
	if ix := w.ix; len(ix.inflight) == 0 && time.Since(ix.published) >= publishEvery && ix.failure() == nil {
		ix.publish()
	}
	w.changes++
	if w.changes >= w.size || w.bytes >= MaxBatchBytes {
		w.changes, w.bytes = 0, 0
		return w.flush()
	}
	return nil
}

// Flush commits the pending changes and returns once every committed
// batch is durable on disk; readers (OpenReadOnly) see them from then on.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.check(); err != nil {
		return err
	}
	if err := w.flush(); err != nil {
		return err
	}
	if err := w.ix.waitPersisted(w.ctx); err != nil {
		w.err = err
		return w.err
	}
	// Readers see what Flush made durable.
	w.ix.publish()
	return nil
}

// flush commits the pending batch: searchable at once, persisted in the
// background (at most maxUnpersisted batches wait for the disk).
func (w *Writer) flush() error {
	if w.savedChanged {
		b, err := json.Marshal(w.saved)
		if err != nil {
			w.err = fmt.Errorf("near-duplicates: %w", err)
			return w.err
		}
		w.batch.SetInternal(nearGroupsKey, b)
		w.savedChanged = false
	}
	if w.batch.Size() == 0 {
		return nil
	}
	ix := w.ix
	// Readers see the batches committed so far once they are on disk.
	if time.Since(ix.published) >= publishEvery {
		if err := ix.waitPersisted(w.ctx); err != nil {
			w.err = err
			return err
		}
		ix.publish()
	}
	select {
	case ix.inflight <- struct{}{}:
	case <-ix.failed:
		return w.check()
	case <-w.ctx.Done():
		ix.abandon()
		w.err = fmt.Errorf("index %s: batches not yet on disk dropped: %w", ix.dir, w.ctx.Err())
		return w.err
	}
	ix.persisting.Add(1)
	var once sync.Once
	release := func() {
		once.Do(func() {
			<-ix.inflight
			ix.persisting.Done()
		})
	}
	w.batch.SetPersistedCallback(func(err error) {
		if err != nil {
			ix.fail(err)
		}
		release()
	})
	if err := ix.idx.Batch(w.batch); err != nil {
		release()
		w.err = fmt.Errorf("commit batch: %w", err)
		return w.err
	}
	// Bleve holds the batch now, and answers for what it changed.
	ix.written.Add(int64(w.batch.Size()))
	ix.committedFiles()
	w.committed()
	clear(w.targets)
	// A new batch: Bleve may still be reading the old one's map.
	w.batch = ix.idx.NewBatch()
	w.ops = 0
	clear(w.pending)
	return nil
}

// docPrefix starts the ID of a stored document; the content hash follows.
const docPrefix = "d:"

// fileIDPrefix starts the ID of a file entry; the path follows.
const fileIDPrefix = "f:"

func docID(sha string) string           { return docPrefix + sha }
func fileID(path string) string         { return fileIDPrefix + path }
func targetID(sha string, i int) string { return "t:" + sha + ":" + strconv.Itoa(i) }

// docFields builds the Bleve document of a record.
func docFields(rec extract.Record, text string, paths []string) map[string]interface{} {
	b, _ := json.Marshal(rec)
	title := string(rec.Title)
	m := map[string]interface{}{
		"_type":     TypeDoc,
		FieldType:   TypeDoc,
		FieldTitle:  title,
		FieldBody:   blankMarkup(text),
		FieldKind:   rec.Kind,
		FieldFormat: rec.Format,
		FieldRecord: string(b),
	}
	if len(paths) > 0 {
		m[FieldPath] = paths
		m[FieldDir] = Dirs(paths)
	}
	if rec.Number != "" {
		m[FieldNumber] = string(rec.Number)
	}
	if rec.Issuer != "" {
		m[FieldIssuer] = string(rec.Issuer)
	}
	if t, ok := ParseDate(string(rec.Issued), false); ok {
		m[FieldIssued] = t
	}
	if t, ok := ParseDate(string(rec.Published), false); ok {
		m[FieldPublished] = t
	}
	if t, ok := RecordDate(rec); ok {
		m[FieldDate] = t
		m[FieldYear] = strconv.Itoa(t.Year())
	}
	var refs []string
	for _, r := range rec.References {
		if r.Number != "" {
			refs = append(refs, r.Number)
		}
	}
	if len(refs) > 0 {
		m[FieldRefs] = refs
	}
	var abbrs []string
	for _, a := range rec.Abbreviations {
		if a.Source == "inline" && a.Short != "" && a.Long != "" {
			abbrs = append(abbrs, a.Short+abbrSep+a.Long)
		}
	}
	if len(abbrs) > 0 {
		m[FieldAbbrs] = abbrs
	}
	if sig, bands := nearFields(text); sig != "" {
		m[FieldNearSig] = sig
		m[FieldNear] = bands
	}
	return m
}

// targetFields builds the Bleve document of target i of a record.
func targetFields(sha string, i int, tg extract.Target, rec extract.Record) map[string]interface{} {
	b, _ := json.Marshal(StoredTarget{Target: tg, SHA256: sha, Index: i})
	subject := tg.Subject
	if tg.SubjectExpanded != "" {
		subject += " " + string(tg.SubjectExpanded)
	}
	m := map[string]interface{}{
		"_type":         TypeTarget,
		FieldType:       TypeTarget,
		FieldDoc:        sha,
		FieldSubject:    subject,
		FieldTargetText: strings.Join([]string{tg.Text, tg.Indicator, tg.Sentence}, "\n"),
		FieldValue:      tg.Value,
		FieldConfidence: tg.Confidence,
		FieldComparator: tg.Comparator,
		FieldUnit:       tg.Unit,
		FieldKind:       rec.Kind,
		FieldRecord:     string(b),
	}
	if tg.SourceNumber != "" {
		m[FieldSourceNumber] = string(tg.SourceNumber)
	}
	if rec.Number != "" {
		m[FieldNumber] = string(rec.Number)
	}
	if rec.Issuer != "" {
		m[FieldIssuer] = string(rec.Issuer)
	}
	if t, ok := RecordDate(rec); ok {
		m[FieldDate] = t
		m[FieldYear] = strconv.Itoa(t.Year())
	}
	start, end := "", ""
	if tg.Period != nil {
		start, end = tg.Period.Start, tg.Period.End
	}
	if start == "" && tg.Deadline != "" {
		start, end = string(tg.Deadline), string(tg.Deadline)
	}
	ps, okS := ParseDate(start, false)
	pe, okE := ParseDate(end, true)
	// An open period ("đến năm 2025") starts when the document was issued;
	// an open end ("từ 2021") runs on.
	if !okS && okE {
		ps, okS = RecordDate(rec)
		if !okS || ps.After(pe) {
			ps, okS = ParseDate(end, false)
		}
	}
	if okS && !okE {
		pe, okE = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), true
	}
	if okS {
		m[FieldPeriodStart] = ps
	}
	if okE {
		m[FieldPeriodEnd] = pe
	}
	return m
}

// RecordDate is the date a record is sorted and filtered by: its issue
// date, else its publication date.
func RecordDate(rec extract.Record) (time.Time, bool) {
	if t, ok := ParseDate(string(rec.Issued), false); ok {
		return t, true
	}
	return ParseDate(string(rec.Published), false)
}

// ParseDate parses an ISO 8601 date at any grain (YYYY, YYYY-MM,
// YYYY-MM-DD, YYYY-MM-DDTHH:MM...; extract.ParseISO) into the UTC time a
// date field holds. With end set, a coarse date gives the last instant of
// its grain (2015 → 2015-12-31T23:59:59.999).
func ParseDate(s string, end bool) (time.Time, bool) {
	t, p, ok := extract.ParseISO(strings.TrimSpace(s))
	if !ok {
		return time.Time{}, false
	}
	if end && p < extract.PrecisionSecond {
		t = p.Next(t).Add(-time.Millisecond)
	}
	return t.UTC(), true
}
