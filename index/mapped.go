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
// mapped file pages.
const (
	mappedBudget = 48 << 20
	mappedCheck  = 50 * time.Millisecond
)

// watchMapped starts the watcher for the index in ix.dir and returns the
// function that stops it.
func (ix *Index) watchMapped() func() {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(mappedCheck)
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
