package index

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// What the index knows of paths lives in the index alone: one file entry
// per path (ID "f:" + path, the state as JSON, the content hash as a
// keyword), looked up when a path or a content hash is asked about. Nothing
// is loaded for every path, so the memory of a process that ingests into,
// or reads from, an archive does not grow with the number of its files.
// The writer's changes that are not yet in a committed batch are kept
// beside it (Index.pendingFiles) and count first; once Bleve has the batch
// (searchable at once, on disk later) they are let go.

// pendingFile is a writer's change to one path: its new state, or its
// removal (present false).
type pendingFile struct {
	state   FileState
	present bool
}

type fileStateJSON struct {
	Path  string `json:"p"`
	SHA   string `json:"s"`
	Size  int64  `json:"z"`
	MTime int64  `json:"m"`
}

func (j fileStateJSON) state() FileState {
	return FileState{Path: j.Path, SHA256: j.SHA, Size: j.Size, ModTime: time.Unix(0, j.MTime)}
}

// File returns what the index knows of path, and whether it holds the
// path at all. A writer's changes count from the moment it makes them.
func (ix *Index) File(path string) (FileState, bool, error) {
	ix.mu.Lock()
	p, ok := ix.pendingFiles[path]
	ix.mu.Unlock()
	if ok {
		return p.state, p.present, nil
	}
	doc, err := ix.idx.Document(fileID(path))
	if err != nil {
		return FileState{}, false, fmt.Errorf("look up %s: %w", path, err)
	}
	if doc == nil {
		return FileState{}, false, nil
	}
	var raw []byte
	doc.VisitFields(func(f bleveindex.Field) {
		if f.Name() == FieldFileState {
			raw = f.Value()
		}
	})
	var fsj fileStateJSON
	if err := json.Unmarshal(raw, &fsj); err != nil {
		return FileState{}, false, fmt.Errorf("file entry of %s: %w", path, err)
	}
	return fsj.state(), true, nil
}

// EachFile calls fn with what the index knows of every path, in the order
// of the entries' IDs (that is, of the paths), one at a time: it holds
// none of them. It reads what is committed: a writer's pending changes are
// not seen.
func (ix *Index) EachFile(ctx context.Context, fn func(FileState) error) error {
	return ix.each(ctx, TypeFile, []string{FieldFileState}, func(id string, fields map[string]interface{}) error {
		s, _ := fields[FieldFileState].(string)
		var fsj fileStateJSON
		if err := json.Unmarshal([]byte(s), &fsj); err != nil {
			return fmt.Errorf("file entry %s: %w", id, err)
		}
		return fn(fsj.state())
	})
}

// Files returns what the index knows of every path, keyed by path. It
// holds every path in memory: for tests and checks; ingest looks paths up
// one at a time (File) and walks them with EachFile.
func (ix *Index) Files() (map[string]FileState, error) {
	out := map[string]FileState{}
	err := ix.EachFile(context.Background(), func(st FileState) error {
		out[st.Path] = st
		return nil
	})
	if err != nil {
		return nil, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for p, pf := range ix.pendingFiles {
		if pf.present {
			out[p] = pf.state
		} else {
			delete(out, p)
		}
	}
	return out, nil
}

// Paths returns the paths that hold the content sha256, sorted.
func (ix *Index) Paths(sha256 string) ([]string, error) {
	// The entries of the paths that hold it, as committed.
	q := query.NewTermQuery(sha256)
	q.SetField(FieldSHA)
	size := 16
	var ids []string
	for {
		res, err := ix.idx.Search(bleve.NewSearchRequestOptions(q, size, 0, false))
		if err != nil {
			return nil, fmt.Errorf("look up the paths of %s: %w", sha256, err)
		}
		if int(res.Total) > size {
			size = int(res.Total)
			continue
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		break
	}
	seen := make(map[string]bool, len(ids))
	var out []string
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, id := range ids {
		p := strings.TrimPrefix(id, fileIDPrefix)
		if _, changed := ix.pendingFiles[p]; changed || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	for p, pf := range ix.pendingFiles {
		if pf.present && pf.state.SHA256 == sha256 && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

// setPendingFile records a writer's change to st.Path; present false
// records the path's removal.
func (ix *Index) setPendingFile(st FileState, present bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.pendingFiles == nil {
		ix.pendingFiles = map[string]pendingFile{}
	}
	ix.pendingFiles[st.Path] = pendingFile{state: st, present: present}
}

// committedFiles lets the writer's changes go once Bleve holds the batch
// that makes them.
func (ix *Index) committedFiles() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	clear(ix.pendingFiles)
}
