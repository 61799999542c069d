package index

import (
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Bleve maps the segment files of an index into memory and reads them
// through the mapping: a merge reads every page of the segments it merges,
// a lookup the pages it needs. The kernel counts every page read that way
// in the process's resident size (RSS) for as long as the file stays
// mapped, although they are clean copies of the file that it could drop at
// any time; with indexes of hundreds of megabytes that part of a long
// ingest (or of an export that reads every record) outgrows the heap. So
// while an index is open, a watcher hands the mapped pages of its files
// back to the kernel (the next read maps them in again, from the page
// cache or the disk) whenever the process holds more than mappedBudget of
// mapped file pages. A writer checks often: a merge maps in hundreds of
// megabytes within 200 ms. A reader (export) checks less often: it reads
// the same pages again and again, and each page handed back is a fault
// later.
//
// How pages are handed back: a reader has them only unmapped
// (MADV_DONTNEED): they stay in the page cache, so the next read of one is
// a minor fault, and they stop counting in its RSS even when another
// process maps them too. An export reads the stored records in document
// order, all over the files: with pages reclaimed (MADV_PAGEOUT: dropped
// from the page cache too, unless another process maps them), each read
// went back to the disk, and export CPU per document at 16,000 documents
// was 2.3 times that at 2,000 (BenchmarkExportScale); unmapped only, the
// same. A writer has the pages of the segments of its current snapshot
// only unmapped too, holding the snapshot meanwhile (see madvDontneed),
// and reclaims the rest (segments merged away, the root file). It
// reclaimed them all before: each batch looks every ID it writes up in
// every segment, and the hash and path lookups read the same dictionaries,
// so pages reclaimed were read back from the disk at once (at 190,000
// short documents, 19.5% of ingest's CPU in those lookups, most of it in
// faults).
//
// Pages unmapped only are mapped in again at the speed of memory, so a
// writer's merge (which reads whole segments) outruns the watcher sooner:
// with the reader's budget and a check every 50 ms, an ingest of 200,000
// short files under load peaked at 258 MiB (RssFile up to ~100 MB between
// two checks), where reclaiming everything peaked at 220. So a writer
// checks every 20 ms against a smaller budget, and when it finds more than
// twice its budget mapped in (a merge running ahead) it reclaims
// everything, which holds the merge to the disk's pace.
const (
	mappedBudget       = 48 << 20
	mappedBudgetWriter = 32 << 20
	mappedCheck        = 200 * time.Millisecond
	mappedCheckWriter  = 20 * time.Millisecond
)

// watchMapped starts the watcher for the index in ix.dir and returns the
// function that stops it.
func (ix *Index) watchMapped() func() {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		every := mappedCheck
		if !ix.readOnly {
			every = mappedCheckWriter
		}
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			ix.trimMappedNow()
		}
	}()
	return func() { close(stop); <-done }
}

// trimMappedNow hands back the mapped pages of the index's files when the
// process holds more than its budget of them (mappedBudget for a reader,
// mappedBudgetWriter for a writer): unmapped only for a reader and for the
// segments of a writer's current snapshot, reclaimed for the rest of a
// writer's, and all of a writer's when it holds more than twice its
// budget. Loops that read the whole index call it as they go
// (through Index.trimMapped): at the speed of the page cache the
// watcher's interval is long enough to map in hundreds of megabytes.
func (ix *Index) trimMappedNow() {
	if ix.absDir == "" {
		return
	}
	if ix.readOnly {
		if mappedBytes() > mappedBudget {
			releaseMapped(ix.absDir, func(string) bool { return true })
		}
		return
	}
	switch n := mappedBytes(); {
	case n <= mappedBudgetWriter:
		return
	case n > 2*mappedBudgetWriter:
		releaseMapped(ix.absDir, func(string) bool { return false })
		return
	}
	held, release := ix.holdSegments()
	defer release()
	releaseMapped(ix.absDir, func(file string) bool { return held[file] })
}

// holdSegments returns the segment files (absolute paths, as
// /proc/self/maps names them) of the writer's current snapshot, and the
// function that lets the snapshot go: until it is called, none of them is
// unmapped. When the snapshot cannot be had, it returns none.
func (ix *Index) holdSegments() (map[string]bool, func()) {
	nothing := func() {}
	a, err := ix.idx.Advanced()
	if err != nil {
		return nil, nothing
	}
	sc, ok := a.(*scorch.Scorch)
	if !ok {
		return nil, nothing
	}
	r, err := sc.Reader()
	if err != nil {
		return nil, nothing
	}
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nothing
	}
	store := filepath.Join(ix.absDir, "store")
	held := make(map[string]bool, len(is.Segments()))
	for _, s := range is.Segments() {
		if p, ok := s.Segment().(interface{ Path() string }); ok && p.Path() != "" {
			held[filepath.Join(store, filepath.Base(p.Path()))] = true
		}
	}
	return held, func() { r.Close() }
}

// trimEvery is how many documents the loops that load documents one by
// one in an order of their own (inDocumentOrder, each) read between two
// calls of trimMappedNow (one read of /proc/self/statm). The kernel maps
// in 64 KiB around the page a read faults on, so a thousand documents
// could map in 64 MB: checking every 1,024 documents let the 100k export
// hold 80–90 MB of mapped pages against the budget's 48. The pass over
// the sort keys, which reads doc values in order, checks 16 times less
// often.
const trimEvery = 64

// trimMapped is trimMappedNow for the loops that read the whole index,
// unless KeepMapped asked to keep the pages.
func (ix *Index) trimMapped() {
	if !ix.keepMapped.Load() {
		ix.trimMappedNow()
	}
}
