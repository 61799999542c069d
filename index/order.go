package index

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
)

// docOrder sorts the documents of one kind: by issue date (the
// publication date for documents that have none, such as articles;
// undated ones last), then by number (as folded text; unnumbered last),
// then by content hash, so that the order is total and the same on every
// run. The keys are Bleve's sort values of these fields (doc values; the
// id from the head of the stored fields).
var docOrder = []string{FieldDate, FieldNumber, "_id"}

// inDocumentOrder calls fn with the stored fields asked for of every
// document that base matches, in document order: kind by kind in the order
// of extract.Kinds (a kind outside it last), each kind sorted by docOrder.
// It stops with ctx's error when ctx is done.
//
// It reads the sort keys of all the matches in one pass (Bleve's collector
// computes them, as it would to sort; a handler takes each match as it
// comes instead of Bleve's top-N heap), sorts them packed in memory (see
// orderKeys: about 65 bytes a document), then loads the stored fields of
// one document at a time in that order, from the same reader. Paging through a sorted search
// instead, as this did before, runs the query and reads the id of every
// match again for each page: a kind of K documents cost K²/page id reads,
// which at 100,000 documents took the export past 12 minutes.
func (ix *Index) inDocumentOrder(ctx context.Context, base query.Query, fields []string, fn func(id string, fields map[string]interface{}) error) error {
	adv, err := ix.idx.Advanced()
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	defer r.Close()
	keys, err := ix.orderKeys(ctx, r, base)
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	keys.sort()
	want := map[string]bool{}
	for _, f := range fields {
		want[f] = true
	}
	load := newStoredLoader(r)
	var idBuf []byte
	for i, a := range keys.at {
		if i%trimEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			ix.trimMapped()
		}
		e := keys.entry(a)
		idBuf = appendID(idBuf[:0], e)
		f, err := load.fields(e.doc, idBuf, want)
		if err != nil {
			return fmt.Errorf("list documents: load %s: %w", idBuf, err)
		}
		if err := fn(string(idBuf), f); err != nil {
			return err
		}
	}
	return nil
}

// storedLoader loads the stored fields of documents of one reader by their
// number in it, as the sort keys give them: straight from the segment that
// holds the number when the reader is a scorch snapshot (the segments'
// document counts, in order, number their documents), else, or when the
// document found there does not have the id expected, by id (a lookup of
// the id in every segment: 17% of an export's CPU time).
type storedLoader struct {
	r       bleveindex.IndexReader
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // the number of the first document of each segment
}

func newStoredLoader(r bleveindex.IndexReader) *storedLoader {
	l := &storedLoader{r: r}
	if is, ok := r.(*scorch.IndexSnapshot); ok {
		var n uint64
		for _, s := range is.Segments() {
			l.segs = append(l.segs, s)
			l.offsets = append(l.offsets, n)
			n += s.Segment().Count()
		}
	}
	return l
}

// fields returns the stored fields that want names of the document
// numbered doc, whose id is id, as a search hit would hold them (a field
// stored more than once as a list of its values).
func (l *storedLoader) fields(doc uint64, id []byte, want map[string]bool) (map[string]interface{}, error) {
	if i := sort.Search(len(l.offsets), func(i int) bool { return l.offsets[i] > doc }) - 1; i >= 0 {
		var hit search.DocumentMatch
		found := false
		err := l.segs[i].VisitDocument(doc-l.offsets[i], func(name string, typ byte, val []byte, _ []uint64) bool {
			if name == "_id" {
				found = bytes.Equal(val, id)
				return found
			}
			if want[name] {
				switch typ {
				case 't':
					hit.AddFieldValue(name, string(val))
				case 'n':
					if n, err := document.NewNumericFieldFromBytes(name, nil, val).Number(); err == nil {
						hit.AddFieldValue(name, n)
					}
				}
			}
			return true
		})
		if err != nil {
			return nil, err
		}
		if found {
			return hit.Fields, nil
		}
	}
	d, err := l.r.Document(string(id))
	if err != nil || d == nil {
		return nil, err
	}
	return storedFields(d, want), nil
}

// storedFields returns the stored text and number fields of doc that want
// names, as a search hit would hold them (a field stored more than once
// as a list of its values); nil when it holds none of them.
func storedFields(doc bleveindex.Document, want map[string]bool) map[string]interface{} {
	if len(want) == 0 {
		return nil
	}
	hit := search.DocumentMatch{}
	doc.VisitFields(func(f bleveindex.Field) {
		name := f.Name()
		if !want[name] {
			return
		}
		switch f := f.(type) {
		case bleveindex.TextField:
			hit.AddFieldValue(name, f.Text())
		case bleveindex.NumericField:
			if n, err := f.Number(); err == nil {
				hit.AddFieldValue(name, n)
			}
		}
	})
	return hit.Fields
}

// orderKeys reads the sort keys of every document that base matches: its
// kind's rank in extract.Kinds (len(Kinds) for any other) and the values of
// docOrder.
func (ix *Index) orderKeys(ctx context.Context, r bleveindex.IndexReader, base query.Query) (*orderKeys, error) {
	kinds := extract.Kinds()
	if len(kinds) >= 255 {
		return nil, fmt.Errorf("%d kinds: at most 254 can be ranked", len(kinds))
	}
	rank := make(map[string]byte, len(kinds))
	for i, k := range kinds {
		if _, ok := rank[k]; !ok {
			rank[k] = byte(i)
		}
	}
	rest := byte(len(kinds))
	keys := &orderKeys{}
	n := 0
	handler := func(sc *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		return func(d *search.DocumentMatch) error {
			if d == nil {
				return nil
			}
			if n++; n%(16*trimEvery) == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				ix.trimMapped()
			}
			k, ok := rank[d.Sort[0]]
			if !ok {
				k = rest
			}
			keys.add(k, d.Sort[1], d.Sort[2], d.Sort[3], d.IndexInternalID.Value())
			sc.DocumentMatchPool.Put(d)
			return nil
		}, false, nil
	}
	// Bleve's collector computes the sort values as for a sorted search;
	// the handler takes each match instead of its top-N heap.
	searcher, err := base.Searcher(ctx, r, ix.idx.Mapping(), search.SearcherOptions{Score: bleve.ScoreNone})
	if err != nil {
		return nil, err
	}
	defer searcher.Close()
	coll := collector.NewTopNCollector(0, 0, search.ParseSortOrderStrings(append([]string{FieldKind}, docOrder...)))
	sctx := context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(handler))
	if err := coll.Collect(sctx, searcher, r); err != nil {
		return nil, err
	}
	return keys, nil
}

// orderKeys holds the sort keys of a list of documents, packed: the keys
// of one document are one entry in a chunk of bytes,
//
//	rank    one byte
//	date    uvarint(len+1) and the value, or 0 for none (Bleve's HighTerm)
//	number  the same
//	id      1 and the 32 bytes of the hash for "d:" and 64 lowercase hex
//	        digits (every stored document's id), else 0, uvarint(len), the id
//	doc     uvarint: the document's number in the reader
//
// and at holds where each entry starts (chunk<<32 | offset). A document
// dated, numbered and stored under its hash costs 8 + 1 + 12 + (1 + the
// number's length, ~15) + 33 + 3 ≈ 73 bytes, one undated and unnumbered
// 47; over the 10,000 short documents of the scale run, 61 bytes on
// average: some 6 MB for 100,000 documents, 61 MB for a million (and up
// to 8 bytes more a document of at's spare capacity while it grows, and 1
// MiB of chunk).
type orderKeys struct {
	chunks [][]byte
	at     []uint64
	// Scratch space for comparing ids that are not all hashes.
	idA, idB []byte
}

// Chunk sizes of orderKeys: the first small, each next one twice the
// last up to orderChunkMax (an entry larger than that has one of its own).
const (
	orderChunkMin = 16 << 10
	orderChunkMax = 1 << 20
)

// highTerm is Bleve's sort value of a missing field (sorting last).
var highTerm = []byte(search.HighTerm)

// add appends the entry of one document.
func (k *orderKeys) add(rank byte, date, number, id string, doc uint64) {
	sha, compact := strings.CutPrefix(id, docPrefix)
	compact = compact && isLowerHex(sha, 2*32)
	size := 1 + keySize(date) + keySize(number)
	if compact {
		size += 1 + 32
	} else {
		size += 1 + uvarintSize(uint64(len(id))) + len(id)
	}
	size += uvarintSize(doc)
	c := k.reserve(size)
	e := k.chunks[c]
	off := len(e)
	e = append(e, rank)
	e = appendKey(e, date)
	e = appendKey(e, number)
	if compact {
		e = append(e, 1)
		e, _ = hex.AppendDecode(e, []byte(sha)) // cannot fail: checked above
	} else {
		e = append(e, 0)
		e = binary.AppendUvarint(e, uint64(len(id)))
		e = append(e, id...)
	}
	e = binary.AppendUvarint(e, doc)
	k.chunks[c] = e
	k.at = append(k.at, uint64(c)<<32|uint64(off))
}

// reserve returns the chunk to append an entry of size bytes to.
func (k *orderKeys) reserve(size int) int {
	n := len(k.chunks)
	if n > 0 {
		if last := k.chunks[n-1]; cap(last)-len(last) >= size {
			return n - 1
		}
	}
	c := orderChunkMin
	if n > 0 {
		c = min(2*cap(k.chunks[n-1]), orderChunkMax)
	}
	k.chunks = append(k.chunks, make([]byte, 0, max(c, size)))
	return n
}

// keySize is the size of the encoding of a sort value.
func keySize(v string) int {
	if v == search.HighTerm {
		return 1
	}
	return uvarintSize(uint64(len(v))+1) + len(v)
}

func uvarintSize(x uint64) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], x)
}

// appendKey appends the encoding of a sort value.
func appendKey(e []byte, v string) []byte {
	if v == search.HighTerm {
		return append(e, 0)
	}
	e = binary.AppendUvarint(e, uint64(len(v))+1)
	return append(e, v...)
}

func isLowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// orderEntry is one decoded entry of orderKeys (slices of its chunk).
type orderEntry struct {
	rank         byte
	date, number []byte
	compact      bool // id is the 32 bytes of the hash of a "d:" id
	id           []byte
	doc          uint64
}

// entry decodes the entry at a.
func (k *orderKeys) entry(a uint64) orderEntry {
	e := k.chunks[a>>32][uint32(a):]
	var d orderEntry
	d.rank, e = e[0], e[1:]
	d.date, e = readKey(e)
	d.number, e = readKey(e)
	if e[0] == 1 {
		d.compact, d.id, e = true, e[1:1+32], e[1+32:]
	} else {
		n, w := binary.Uvarint(e[1:])
		d.id, e = e[1+w:1+w+int(n)], e[1+w+int(n):]
	}
	d.doc, _ = binary.Uvarint(e)
	return d
}

func readKey(e []byte) (v, rest []byte) {
	n, w := binary.Uvarint(e)
	if n == 0 {
		return highTerm, e[w:]
	}
	return e[w : w+int(n)-1], e[w+int(n)-1:]
}

// appendID appends the id of a decoded entry.
func appendID(b []byte, d orderEntry) []byte {
	if !d.compact {
		return append(b, d.id...)
	}
	b = append(b, docPrefix...)
	return hex.AppendEncode(b, d.id)
}

// compare orders two entries as Bleve's sort would: by rank, then each
// sort value as a string, the id last.
func (k *orderKeys) compare(a, b uint64) int {
	x, y := k.entry(a), k.entry(b)
	if x.rank != y.rank {
		return int(x.rank) - int(y.rank)
	}
	if c := bytes.Compare(x.date, y.date); c != 0 {
		return c
	}
	if c := bytes.Compare(x.number, y.number); c != 0 {
		return c
	}
	if x.compact && y.compact {
		// Lowercase hex digits sort as the bytes they spell.
		return bytes.Compare(x.id, y.id)
	}
	k.idA, k.idB = appendID(k.idA[:0], x), appendID(k.idB[:0], y)
	return bytes.Compare(k.idA, k.idB)
}

// sort puts at in document order.
func (k *orderKeys) sort() {
	slices.SortFunc(k.at, k.compare)
}

// selectionQuery matches the documents of sel, every document for nil.
func selectionQuery(sel *Selection) query.Query {
	if sel == nil {
		return typeQuery(TypeDoc)
	}
	ids := make([]string, 0, len(sel.docs))
	for sha := range sel.docs {
		ids = append(ids, docID(sha))
	}
	return query.NewDocIDQuery(ids)
}
