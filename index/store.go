package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
)

// ErrInUse is returned when another vanban process holds the index.
var ErrInUse = errors.New("index is in use by another vanban process")

// ErrNoIndex is returned by OpenReadOnly when dir holds no index.
var ErrNoIndex = errors.New("no index here (run vanban ingest first)")

// lockTimeout bounds the wait for another process's lock.
const lockTimeout = "2s"

// formatVersion is stored in the index and checked on open.
const formatVersion = "vanban-index-1"

var versionKey = []byte("vanban_format")

// DefaultDir is the index directory when none is given: $VANBAN_INDEX, or
// ./vanban-index.
func DefaultDir() string {
	if d := os.Getenv("VANBAN_INDEX"); d != "" {
		return d
	}
	return "vanban-index"
}

// Index is an open vanban index on disk.
type Index struct {
	idx      bleve.Index
	dir      string
	readOnly bool

	mu    sync.Mutex
	files *fileTable // loaded on first use, kept current by the writer

	// Batches are committed at once and persisted in the background,
	// at most maxUnpersisted at a time; Flush and Close wait for them.
	inflight   chan struct{}
	persisting sync.WaitGroup
	persistMu  sync.Mutex
	persistErr error
}

// maxUnpersisted bounds the batches committed but not yet on disk, so that
// memory stays bounded when indexing outruns the disk.
const maxUnpersisted = 4

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
func Open(dir string) (*Index, error) {
	if !exists(dir) {
		if err := create(dir); err != nil {
			return nil, err
		}
	}
	return open(dir, false)
}

// OpenReadOnly opens the index in dir for reading. It fails with ErrInUse
// within two seconds when a writer holds the index, and with ErrNoIndex
// when there is none.
func OpenReadOnly(dir string) (*Index, error) {
	if !exists(dir) {
		return nil, fmt.Errorf("open index %s: %w", dir, ErrNoIndex)
	}
	return open(dir, true)
}

// exists reports whether dir holds a Bleve index.
func exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

// create makes a new empty index in dir. It builds the index in a sibling
// temporary directory and renames it into place, so that a crash never
// leaves a half-created index behind.
func create(dir string) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return fmt.Errorf("create index %s: the directory exists and is not a vanban index", dir)
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
	idx, err := bleve.NewUsing(tmp, NewMapping(), "scorch", "scorch", nil)
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := idx.SetInternal(versionKey, []byte(formatVersion)); err != nil {
		idx.Close()
		os.RemoveAll(tmp)
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	if err := idx.Close(); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	os.Remove(dir) // an empty directory the user made for us
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if exists(dir) { // another process created it meanwhile
			return nil
		}
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	return nil
}

func open(dir string, readOnly bool) (*Index, error) {
	cfg := map[string]interface{}{"bolt_timeout": lockTimeout}
	if readOnly {
		cfg["read_only"] = true
	} else {
		// Batch returns once the batch is searchable; it is persisted in
		// the background and the writer waits for that (see Writer). A
		// kill before persistence loses whole batches only — documents
		// with their path entries — so the next run redoes them.
		cfg["unsafe_batch"] = true
	}
	idx, err := bleve.OpenUsing(dir, cfg)
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
	return &Index{idx: idx, dir: dir, readOnly: readOnly, inflight: make(chan struct{}, maxUnpersisted)}, nil
}

// isLockTimeout reports whether err is bolt's lock timeout.
func isLockTimeout(err error) bool {
	return err != nil && strings.Contains(err.Error(), "timeout")
}

// Close closes the index. Changes are durable once Flush has returned.
func (ix *Index) Close() error {
	if ix == nil || ix.idx == nil {
		return nil
	}
	werr := ix.waitPersisted()
	err := ix.idx.Close()
	ix.idx = nil
	if err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return werr
}

// waitPersisted waits until every committed batch is on disk.
func (ix *Index) waitPersisted() error {
	done := make(chan struct{})
	go func() {
		ix.persisting.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(persistTimeout):
		return fmt.Errorf("index %s: batches not persisted after %v", ix.dir, persistTimeout)
	}
	ix.persistMu.Lock()
	defer ix.persistMu.Unlock()
	if ix.persistErr != nil {
		return fmt.Errorf("index %s: persist: %w", ix.dir, ix.persistErr)
	}
	return nil
}

// Dir returns the index directory.
func (ix *Index) Dir() string { return ix.dir }

// Bleve returns the underlying Bleve index, for the search package. Do not
// write through it.
func (ix *Index) Bleve() bleve.Index { return ix.idx }

// fileTable is what the index knows of paths: path → state, and the paths
// that hold each content hash.
type fileTable struct {
	byPath map[string]FileState
	bySHA  map[string][]string // sorted
}

func (t *fileTable) set(st FileState) {
	if old, ok := t.byPath[st.Path]; ok {
		t.unlink(old.SHA256, st.Path)
	}
	t.byPath[st.Path] = st
	ps := t.bySHA[st.SHA256]
	i := sort.SearchStrings(ps, st.Path)
	if i == len(ps) || ps[i] != st.Path {
		ps = append(ps, "")
		copy(ps[i+1:], ps[i:])
		ps[i] = st.Path
	}
	t.bySHA[st.SHA256] = ps
}

func (t *fileTable) remove(path string) (FileState, bool) {
	st, ok := t.byPath[path]
	if !ok {
		return st, false
	}
	delete(t.byPath, path)
	t.unlink(st.SHA256, path)
	return st, true
}

func (t *fileTable) unlink(sha, path string) {
	ps := t.bySHA[sha]
	i := sort.SearchStrings(ps, path)
	if i < len(ps) && ps[i] == path {
		ps = append(ps[:i:i], ps[i+1:]...)
	}
	if len(ps) == 0 {
		delete(t.bySHA, sha)
	} else {
		t.bySHA[sha] = ps
	}
}

// table loads the file table once.
func (ix *Index) table() (*fileTable, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.files != nil {
		return ix.files, nil
	}
	t := &fileTable{byPath: map[string]FileState{}, bySHA: map[string][]string{}}
	err := ix.each(TypeFile, []string{FieldFileState}, func(id string, fields map[string]interface{}) error {
		s, _ := fields[FieldFileState].(string)
		var fsj fileStateJSON
		if err := json.Unmarshal([]byte(s), &fsj); err != nil {
			return fmt.Errorf("file entry %s: %w", id, err)
		}
		t.set(FileState{Path: fsj.Path, SHA256: fsj.SHA, Size: fsj.Size, ModTime: time.Unix(0, fsj.MTime)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	ix.files = t
	return t, nil
}

type fileStateJSON struct {
	Path  string `json:"p"`
	SHA   string `json:"s"`
	Size  int64  `json:"z"`
	MTime int64  `json:"m"`
}

// Files returns what the index knows of every path, keyed by path.
func (ix *Index) Files() (map[string]FileState, error) {
	t, err := ix.table()
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make(map[string]FileState, len(t.byPath))
	for p, st := range t.byPath {
		out[p] = st
	}
	return out, nil
}

// Paths returns the paths that hold the content sha256, sorted.
func (ix *Index) Paths(sha256 string) ([]string, error) {
	t, err := ix.table()
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return append([]string(nil), t.bySHA[sha256]...), nil
}

// HasContent reports whether a document with this content hash is stored.
func (ix *Index) HasContent(sha256 string) (bool, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{docID(sha256)}), 0, 0, false)
	res, err := ix.idx.Search(req)
	if err != nil {
		return false, fmt.Errorf("look up %s: %w", sha256, err)
	}
	return res.Total > 0, nil
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

func typeQuery(typ string) query.Query {
	q := query.NewTermQuery(typ)
	q.SetField(FieldType)
	return q
}

// each calls fn for every document of type typ, in ID order, with the
// stored fields asked for, a page at a time.
func (ix *Index) each(typ string, fields []string, fn func(id string, fields map[string]interface{}) error) error {
	const page = 2000
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(typeQuery(typ), page, 0, false)
		req.Fields = fields
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SearchAfter = after
		}
		res, err := ix.idx.Search(req)
		if err != nil {
			return fmt.Errorf("list %s entries: %w", typ, err)
		}
		for _, h := range res.Hits {
			if err := fn(h.ID, h.Fields); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Records calls fn with the record of every stored document, in content
// hash order. A record's Path is the first of the paths that hold it.
func (ix *Index) Records(fn func(extract.Record) error) error {
	return ix.each(TypeDoc, []string{FieldRecord, FieldPath}, func(id string, f map[string]interface{}) error {
		rec, err := recordFromFields(f)
		if err != nil {
			return fmt.Errorf("record %s: %w", id, err)
		}
		return fn(rec)
	})
}

// Record returns the record stored for a content hash, and whether there
// is one.
func (ix *Index) Record(sha256 string) (extract.Record, bool, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{docID(sha256)}), 1, 0, false)
	req.Fields = []string{FieldRecord, FieldPath}
	res, err := ix.idx.Search(req)
	if err != nil {
		return extract.Record{}, false, fmt.Errorf("look up %s: %w", sha256, err)
	}
	if len(res.Hits) == 0 {
		return extract.Record{}, false, nil
	}
	rec, err := recordFromFields(res.Hits[0].Fields)
	if err != nil {
		return extract.Record{}, false, fmt.Errorf("record %s: %w", sha256, err)
	}
	return rec, true, nil
}

// StoredTarget is one target record as stored: the target, the content hash
// of its document and the document's paths.
type StoredTarget struct {
	extract.Target
	// SHA256 is the content hash of the document that sets the target.
	SHA256 string `json:"sha256"`
	// Index is the target's position in its record's Targets.
	Index int `json:"index"`
	// Paths are the paths that hold the document.
	Paths []string `json:"-"`
}

// Targets calls fn with every stored target record, by document.
func (ix *Index) Targets(fn func(StoredTarget) error) error {
	return ix.each(TypeTarget, []string{FieldRecord}, func(id string, f map[string]interface{}) error {
		t, err := TargetFromFields(f)
		if err != nil {
			return fmt.Errorf("target %s: %w", id, err)
		}
		t.Paths, err = ix.Paths(t.SHA256)
		if err != nil {
			return err
		}
		return fn(t)
	})
}

// TargetFromFields decodes a target hit's stored FieldRecord.
func TargetFromFields(f map[string]interface{}) (StoredTarget, error) {
	var t StoredTarget
	s, _ := f[FieldRecord].(string)
	if err := json.Unmarshal([]byte(s), &t); err != nil {
		return t, err
	}
	return t, nil
}

// RecordFromFields decodes a document hit's stored FieldRecord and
// FieldPath (the search package asks for both).
func RecordFromFields(f map[string]interface{}) (extract.Record, error) {
	return recordFromFields(f)
}

func recordFromFields(f map[string]interface{}) (extract.Record, error) {
	var rec extract.Record
	s, _ := f[FieldRecord].(string)
	if err := json.Unmarshal([]byte(s), &rec); err != nil {
		return rec, err
	}
	if ps := StringsField(f[FieldPath]); len(ps) > 0 {
		rec.Path = ps[0]
	}
	return rec, nil
}

// StringsField returns a stored field's values: Bleve gives a string for
// one value and a []interface{} for several.
func StringsField(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		sort.Strings(out)
		return out
	}
	return nil
}
