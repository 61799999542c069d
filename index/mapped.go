package index

import "time"

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
// the same pages again and again (each page of sorted records looks up
// the id of every match), and each page handed back is a fault later.
const (
	mappedBudget      = 48 << 20
	mappedCheck       = 200 * time.Millisecond
	mappedCheckWriter = 50 * time.Millisecond
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
			trimMapped(ix.absDir)
		}
	}()
	return func() { close(stop); <-done }
}

// trimMapped hands back the mapped pages of the files under dir when the
// process holds more than mappedBudget of them. Loops that read the whole
// index call it as they go: at the speed of the page cache the watcher's
// interval is long enough to map in hundreds of megabytes.
func trimMapped(dir string) {
	if dir != "" && mappedBytes() > mappedBudget {
		releaseMapped(dir)
	}
}
