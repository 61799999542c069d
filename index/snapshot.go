package index

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// A writer holds the index's lock (bolt's) for as long as it runs, and
// bolt lets no reader in meanwhile. So that search, resolutions and export
// keep working during a long ingest, the writer publishes snapshots of the
// committed state for readers: readers/<name>/ in the index folder is a
// complete read-only index (its own root file, its segment files hard
// links to the writer's immutable ones), and readers/current names the
// newest. OpenReadOnly opens the newest snapshot when a writer holds the
// index.
const (
	readersDir  = "readers"
	currentFile = "current"
)

// Publishing: at most every publishEvery, as soon as the batches
// committed so far are on disk (then publishing copies no segment data);
// a writer that commits a batch while the last publication is older waits
// for the disk first. Measured on ../shared/corpus/bulk, waiting for the
// disk that often does not slow ingest down.
const publishEvery = 2 * time.Second

// resetSnapshots removes the snapshots of an earlier writer (killed before
// it could remove them).
func (ix *Index) resetSnapshots() {
	os.RemoveAll(filepath.Join(ix.dir, readersDir))
}

// removeSnapshots withdraws the published snapshots when the writer
// closes: readers open the index itself again. Readers that have a
// snapshot open keep reading it (its files stay until they close them).
func (ix *Index) removeSnapshots() {
	base := filepath.Join(ix.dir, readersDir)
	os.Remove(filepath.Join(base, currentFile))
	os.RemoveAll(base)
}

// publish makes the committed state of the index the snapshot readers
// open. A failure leaves the previous snapshot published: readers see
// older data, never broken data; it is returned for tests only, writers
// go on.
func (ix *Index) publish() error {
	ix.published = time.Now()
	cp, ok := ix.idx.(bleve.IndexCopyable)
	if !ok {
		return errors.New("index cannot be copied")
	}
	base := filepath.Join(ix.dir, readersDir)
	if err := os.MkdirAll(base, 0o755); err != nil {
		return err
	}
	ix.pubSeq++
	name := strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.Itoa(ix.pubSeq)
	snap := filepath.Join(base, name)
	if err := cp.CopyTo(&linkDir{src: ix.dir, dst: snap}); err != nil {
		os.RemoveAll(snap)
		return fmt.Errorf("publish snapshot of %s: %w", ix.dir, err)
	}
	tmp := filepath.Join(base, currentFile+".tmp")
	if err := os.WriteFile(tmp, []byte(name), 0o644); err != nil {
		os.RemoveAll(snap)
		return fmt.Errorf("publish snapshot of %s: %w", ix.dir, err)
	}
	if err := os.Rename(tmp, filepath.Join(base, currentFile)); err != nil {
		os.RemoveAll(snap)
		return fmt.Errorf("publish snapshot of %s: %w", ix.dir, err)
	}
	// Keep the previous snapshot too, for a reader that read its name
	// just before the switch.
	if ix.prevSnap != "" {
		os.RemoveAll(filepath.Join(base, ix.prevSnap))
	}
	ix.prevSnap, ix.curSnap = ix.curSnap, name
	return nil
}

// linkDir is the bleve Directory a snapshot is copied into: segment files
// that exist in the index are hard-linked (scorch never changes a segment
// file once written), everything else is written. Where the filesystem
// has no hard links, segments are copied.
type linkDir struct {
	src, dst string
}

// GetWriter returns a writer for the file name of the copy, or nil (skip)
// when the file was linked.
func (d *linkDir) GetWriter(name string) (io.WriteCloser, error) {
	dst := filepath.Join(d.dst, name)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if strings.HasSuffix(name, ".zap") {
		if err := os.Link(filepath.Join(d.src, name), dst); err == nil {
			return nil, nil
		}
	}
	return os.OpenFile(dst, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
}

// openSnapshot opens the newest snapshot published for readers of dir;
// it returns fs.ErrNotExist when there is none.
func openSnapshot(dir string) (*Index, error) {
	base := filepath.Join(dir, readersDir)
	var lastErr error
	// The writer may replace the snapshot while it is being opened:
	// read its name again.
	for range 3 {
		name, err := os.ReadFile(filepath.Join(base, currentFile))
		if err != nil {
			return nil, fs.ErrNotExist
		}
		ix := &Index{dir: dir, readOnly: true, inflight: make(chan struct{}, maxUnpersisted), failed: make(chan struct{})}
		path := filepath.Join(base, string(name))
		idx, err := ix.openBleve(path, map[string]interface{}{"read_only": true, "bolt_timeout": lockTimeout})
		if err == nil {
			ix.idx = idx
			ix.opened(path)
			return ix, nil
		}
		lastErr = err
	}
	return nil, lastErr
}
