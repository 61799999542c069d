package index

import "vanban/extract"

// A new file costs an ingest two lookups in the index before it is read:
// its path's entry (Index.File) and whether its content is stored
// (Index.HasContent). Add looked both up again, and the paths and the
// targets of the content too, each a lookup in every segment of the index,
// whose number grows with the archive. AddChecked takes the answers the
// caller had instead, as long as no batch the writer committed since they
// were looked up (nor the batch it is filling) touched that path or that
// content: the writer remembers what its last recentBatches batches
// touched, and a Mark taken before the lookups says which batches came
// after them.

// Mark is a point in a writer's sequence of committed batches (Writer.Mark).
type Mark uint64

// recentBatches is how many committed batches a writer remembers the
// touched paths and contents of. The answers AddChecked is given are at
// most a few batches old (the read-ahead of ingest holds 32 files; a
// batch, 200): older ones are looked up again.
const recentBatches = 16

// touched is the paths and contents one batch changed.
type touched struct {
	paths, shas map[string]bool
}

func newTouched() touched {
	return touched{paths: map[string]bool{}, shas: map[string]bool{}}
}

// Mark returns the writer's count of committed batches. Take it before
// looking up what AddChecked and StoredSince are then told. It may be
// called from any goroutine.
func (w *Writer) Mark() Mark { return Mark(w.batches.Load()) }

// touchPath and touchSHA record that the batch being filled changes a
// path's entry or a content. Called with w.mu held.
func (w *Writer) touchPath(path string) { w.cur.paths[path] = true }
func (w *Writer) touchSHA(sha string)   { w.cur.shas[sha] = true }

// committed remembers what the batch just committed touched. Called with
// w.mu held, after Bleve has the batch (it is then searchable), and
// before the count of batches moves on: a lookup after a Mark that does
// not count the batch may have missed it, never the other way round.
func (w *Writer) committed() {
	if len(w.recent) == recentBatches {
		copy(w.recent, w.recent[1:])
		w.recent = w.recent[:recentBatches-1]
	}
	w.recent = append(w.recent, w.cur)
	w.cur = newTouched()
	w.batches.Add(1)
}

// since reports whether the path and the content sha were touched by the
// batch being filled or one committed after m; ok is false when the
// writer does not remember that far back. Called with w.mu held.
func (w *Writer) since(m Mark, path, sha string) (pathTouched, shaTouched, ok bool) {
	n := w.batches.Load() - uint64(m)
	if n > uint64(len(w.recent)) {
		return true, true, false
	}
	pathTouched, shaTouched = w.cur.paths[path], w.cur.shas[sha]
	for _, t := range w.recent[len(w.recent)-int(n):] {
		pathTouched = pathTouched || t.paths[path]
		shaTouched = shaTouched || t.shas[sha]
	}
	return pathTouched, shaTouched, true
}

// StoredSince is Stored for content the caller found not stored in the
// index after taking m: only what the writer changed since is looked at,
// unless it does not remember that far back.
func (w *Writer) StoredSince(sha256 string, m Mark) bool {
	w.mu.Lock()
	_, pending := w.pending[sha256]
	_, shaTouched, ok := w.since(m, "", sha256)
	w.mu.Unlock()
	if pending {
		return true
	}
	if ok && !shaTouched {
		return false
	}
	return w.Stored(sha256)
}

// checked is what the caller of AddChecked looked up, as far as it still
// holds: the path's entry (prev, when pathKnown) and that the content is
// new to the index (contentNew).
type checked struct {
	prev       FileState
	pathKnown  bool
	contentNew bool
}

// AddChecked is Add for a file whose path's entry (prev; zero when the
// index did not hold the path) and content (not stored) the caller looked
// up in the index after taking m. It spares the writer looking them up
// again; what was touched since is looked up as Add does.
func (w *Writer) AddChecked(rec extract.Record, text string, st FileState, prev FileState, m Mark) error {
	return w.add(rec, text, st, &lookedUp{prev: prev, mark: m})
}

// lookedUp is what the caller of AddChecked found in the index after
// taking mark: the path's entry (prev) and that the content is new.
type lookedUp struct {
	prev FileState
	mark Mark
}

// checkedLocked is what still holds of l for the file of st: the answers
// no batch since l.mark touched. Called with w.mu held.
func (w *Writer) checkedLocked(l *lookedUp, st FileState) *checked {
	if l == nil {
		return nil
	}
	pathTouched, shaTouched, ok := w.since(l.mark, st.Path, st.SHA256)
	_, pending := w.pending[st.SHA256]
	return &checked{
		prev:       l.prev,
		pathKnown:  ok && !pathTouched,
		contentNew: ok && !shaTouched && !pending,
	}
}
