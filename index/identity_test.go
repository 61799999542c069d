package index

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
	"vanban/ingest/vntext"
	"vanban/internal/testshared"
)

// chainMapping returns NewMapping with every text analyzer replaced by the
// Bleve chain it reproduces.
func chainMapping(t testing.TB) mapping.IndexMapping {
	m, ok := NewMapping().(*mapping.IndexMappingImpl)
	if !ok {
		t.Fatalf("NewMapping is a %T", NewMapping())
	}
	rename := func(name string) string {
		if slices.Contains(textAnalyzers, name) {
			return name + chainSuffix
		}
		return name
	}
	m.DefaultAnalyzer = rename(m.DefaultAnalyzer)
	var walk func(dm *mapping.DocumentMapping)
	walk = func(dm *mapping.DocumentMapping) {
		dm.DefaultAnalyzer = rename(dm.DefaultAnalyzer)
		for _, f := range dm.Fields {
			f.Analyzer = rename(f.Analyzer)
		}
		for _, p := range dm.Properties {
			walk(p)
		}
	}
	for _, dm := range m.TypeMapping {
		walk(dm)
	}
	walk(m.DefaultMapping)
	return m
}

// identityDocs returns the documents of testdata/search, every stride-th
// of them (and, when the shared corpus is there, up to max files of its
// bulk folder) as records and texts, read the way ingest reads a UTF-8
// text file.
func identityDocs(t testing.TB, stride, max int) (recs []extract.Record, texts []string) {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(testshared.Root(t), "testdata", "search", "docs", "*"))
	if err != nil || len(all) == 0 {
		t.Fatalf("no testdata/search documents: %v", err)
	}
	var files []string
	for i := 0; i < len(all); i += stride {
		files = append(files, all[i])
	}
	if base := os.Getenv("VANBAN_SHARED"); base != "" || dirExists(filepath.Join(filepath.Dir(testshared.Root(t)), "shared", "corpus", "bulk")) {
		if base == "" {
			base = filepath.Join(filepath.Dir(testshared.Root(t)), "shared")
		}
		var bulk []string
		filepath.WalkDir(filepath.Join(base, "corpus", "bulk"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				bulk = append(bulk, p)
			}
			return nil
		})
		sort.Strings(bulk)
		// Evenly spread over the folders (articles, resolutions).
		for i := 0; i < max && i < len(bulk); i++ {
			files = append(files, bulk[i*len(bulk)/min(max, len(bulk))])
		}
	}
	seen := map[[32]byte]bool{}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if seen[sum] {
			// The same content again would replace the first: a term's
			// count in the dictionary would then depend on whether Bleve
			// has merged the replaced copy away yet.
			continue
		}
		seen[sum] = true
		src := extract.Source{
			Path:   filepath.ToSlash(p),
			SHA256: hex.EncodeToString(sum[:]),
			Format: extract.FormatText,
			Pages:  []string{vntext.Clean(strings.ReplaceAll(string(b), "\r\n", "\n"))},
		}
		recs = append(recs, extract.Extract(src))
		texts = append(texts, src.Text())
	}
	return recs, texts
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// buildIdentityIndex indexes the documents and their targets, as the
// writer builds them, into a new index with mapping m.
func buildIdentityIndex(t testing.TB, m mapping.IndexMapping, recs []extract.Record, texts []string) bleve.Index {
	t.Helper()
	idx, err := bleve.NewUsing(filepath.Join(t.TempDir(), "ix"), m, "scorch", "scorch", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	b := idx.NewBatch()
	for i, rec := range recs {
		sha := rec.SHA256
		paths := []string{rec.Path, "copy/" + strconv.Itoa(i) + ".md"}
		if err := b.Index(docID(sha), docFields(rec, texts[i], paths)); err != nil {
			t.Fatal(err)
		}
		for j, tg := range rec.Targets {
			if err := b.Index(targetID(sha, j), targetFields(sha, j, tg, rec)); err != nil {
				t.Fatal(err)
			}
		}
		if b.Size() >= 200 || i == len(recs)-1 {
			if err := idx.Batch(b); err != nil {
				t.Fatal(err)
			}
			b = idx.NewBatch()
		}
	}
	return idx
}

// posting is one document's entry in a term's postings, by external ID.
type posting struct {
	Freq    uint64
	Norm    float64
	Vectors []bleveindex.TermFieldVector
}

// indexDump reads an index's fields, terms, postings (frequency, norm,
// term vectors) and stored fields.
type indexDump struct {
	r   bleveindex.IndexReader
	ids map[string]string // internal → external ID
}

func openDump(t testing.TB, idx bleve.Index) *indexDump {
	t.Helper()
	ai, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ai.Reader()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return &indexDump{r: r, ids: map[string]string{}}
}

func (d *indexDump) fields(t testing.TB) []string {
	fs, err := d.r.Fields()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(fs)
	return fs
}

func (d *indexDump) terms(t testing.TB, field string) []bleveindex.DictEntry {
	t.Helper()
	fd, err := d.r.FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer fd.Close()
	var out []bleveindex.DictEntry
	for {
		e, err := fd.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			return out
		}
		out = append(out, *e)
	}
}

func (d *indexDump) postings(t testing.TB, field, term string) map[string]posting {
	t.Helper()
	tfr, err := d.r.TermFieldReader(context.Background(), []byte(term), field, true, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	out := map[string]posting{}
	for {
		tfd, err := tfr.Next(nil)
		if err != nil {
			t.Fatal(err)
		}
		if tfd == nil {
			return out
		}
		id, ok := d.ids[string(tfd.ID)]
		if !ok {
			if id, err = d.r.ExternalID(tfd.ID); err != nil {
				t.Fatal(err)
			}
			d.ids[string(tfd.ID)] = id
		}
		p := posting{Freq: tfd.Freq, Norm: tfd.Norm}
		for _, v := range tfd.Vectors {
			p.Vectors = append(p.Vectors, *v)
		}
		out[id] = p
	}
}

func (d *indexDump) stored(t testing.TB, id string) []string {
	t.Helper()
	doc, err := d.r.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	doc.VisitFields(func(f bleveindex.Field) {
		out = append(out, fmt.Sprintf("%s %v %q", f.Name(), f.ArrayPositions(), f.Value()))
	})
	sort.Strings(out)
	return out
}

// TestIndexAsChains indexes the same documents with the text analyzers and
// with the Bleve chains they replace, and compares the two indexes field
// by field: terms, postings with frequencies, norms and term vectors, and
// every document's stored fields.
func TestIndexAsChains(t *testing.T) {
	stride, max := 1, 40
	if testing.Short() || raceEnabled {
		stride, max = 4, 0
	}
	if s := os.Getenv("VANBAN_IDENTITY_BULK"); s != "" {
		max, _ = strconv.Atoi(s)
	}
	recs, texts := identityDocs(t, stride, max)
	targets := 0
	for _, r := range recs {
		targets += len(r.Targets)
	}
	newIx := openDump(t, buildIdentityIndex(t, NewMapping(), recs, texts))
	oldIx := openDump(t, buildIdentityIndex(t, chainMapping(t), recs, texts))

	fields := newIx.fields(t)
	if want := oldIx.fields(t); !reflect.DeepEqual(fields, want) {
		t.Fatalf("fields = %q; want %q", fields, want)
	}
	var nterms, npostings, nvectors int
	for _, f := range fields {
		got, want := newIx.terms(t, f), oldIx.terms(t, f)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("field %s: %d terms; want %d (%s)", f, len(got), len(want), firstDiff(got, want))
			continue
		}
		for _, e := range got {
			pg, pw := newIx.postings(t, f, e.Term), oldIx.postings(t, f, e.Term)
			if !reflect.DeepEqual(pg, pw) {
				t.Errorf("field %s term %q: postings differ", f, e.Term)
				continue
			}
			nterms++
			npostings += len(pg)
			for _, p := range pg {
				nvectors += len(p.Vectors)
			}
		}
	}
	docs := 0
	for _, rec := range recs {
		ids := []string{docID(rec.SHA256)}
		for j := range rec.Targets {
			ids = append(ids, targetID(rec.SHA256, j))
		}
		for _, id := range ids {
			if got, want := newIx.stored(t, id), oldIx.stored(t, id); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: stored fields differ", id)
			}
			docs++
		}
	}
	// The comparison must have compared something: the body's fields and
	// term vectors are there.
	if !slices.Contains(fields, FieldBodyFold) || !slices.Contains(fields, FieldBodyExactShingle) || nvectors == 0 || targets == 0 {
		t.Fatalf("fields %q, %d term vectors, %d targets: nothing to compare", fields, nvectors, targets)
	}
	t.Logf("%d documents (%d with their targets), %d fields, %d terms, %d postings, %d term vectors compared", len(recs), docs, len(fields), nterms, npostings, nvectors)
}

// firstDiff describes the first entry where two term lists differ.
func firstDiff(got, want []bleveindex.DictEntry) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		if i >= len(got) || i >= len(want) || got[i] != want[i] {
			var g, w any = "none", "none"
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			b, _ := json.Marshal([]any{g, w})
			return fmt.Sprintf("first difference at %d: %s", i, bytes.TrimSpace(b))
		}
	}
	return "same"
}
