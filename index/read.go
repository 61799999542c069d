package index

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
)

// idPrefix is the start of the ids of each type of document (docID,
// targetID, fileID): the ids of a type are a range of the id dictionary.
var idPrefix = map[string]string{TypeDoc: docPrefix, TypeTarget: "t:", TypeFile: "f:"}

// each calls fn for every document of type typ, in ID order, with the
// stored fields asked for, one document at a time. It stops with ctx's
// error when ctx is done.
//
// It walks the id dictionary over the type's prefix (sorted, and no
// memory however many documents) and loads each live document. Paging
// through a search sorted by _id instead, as it did before, ran the query
// again and read the id of every match for each page: time quadratic in
// the documents of the type (the file entries of 100,000 paths).
func (ix *Index) each(ctx context.Context, typ string, fields []string, fn func(id string, fields map[string]interface{}) error) error {
	prefix, ok := idPrefix[typ]
	if !ok {
		return fmt.Errorf("list %s entries: no such type", typ)
	}
	adv, err := ix.idx.Advanced()
	if err != nil {
		return fmt.Errorf("list %s entries: %w", typ, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("list %s entries: %w", typ, err)
	}
	defer r.Close()
	dict, err := r.FieldDictPrefix("_id", []byte(prefix))
	if err != nil {
		return fmt.Errorf("list %s entries: %w", typ, err)
	}
	defer dict.Close()
	want := map[string]bool{}
	for _, f := range fields {
		want[f] = true
	}
	for n := 0; ; n++ {
		if n%trimEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			ix.trimMapped()
		}
		e, err := dict.Next()
		if err != nil {
			return fmt.Errorf("list %s entries: %w", typ, err)
		}
		if e == nil {
			return nil
		}
		// The dictionary still holds the ids of deleted documents until
		// their segments are merged away: Document finds live ones only.
		doc, err := r.Document(e.Term)
		if err != nil {
			return fmt.Errorf("list %s entries: load %s: %w", typ, e.Term, err)
		}
		if doc == nil {
			continue
		}
		if err := fn(e.Term, storedFields(doc, want)); err != nil {
			return err
		}
	}
}

func typeQuery(typ string) query.Query {
	q := query.NewTermQuery(typ)
	q.SetField(FieldType)
	return q
}

// Records calls fn with the record of every selected document (every
// document for a nil sel), in document order: kind by kind in the order of
// extract.Kinds (law, decree, …, resolution, …, other), and within a kind
// by issue date (else publication date; undated last), number and content
// hash. A record's Path is the first of the paths that hold it. Records
// are read one at a time, after the sort keys of all of them (about 65
// bytes a document), so memory stays low however large the index.
func (ix *Index) Records(ctx context.Context, sel *Selection, fn func(extract.Record) error) error {
	if sel != nil && len(sel.docs) == 0 {
		return nil
	}
	return ix.inDocumentOrder(ctx, selectionQuery(sel), []string{FieldRecord, FieldPath}, func(id string, f map[string]interface{}) error {
		rec, err := recordFromFields(f)
		if err != nil {
			return fmt.Errorf("record %s: %w", id, err)
		}
		return fn(rec)
	})
}

// records calls fn with the record of every selected document in content
// hash order: the cheaper scan, for callers that
// do not need the order.
func (ix *Index) records(ctx context.Context, sel *Selection, fn func(extract.Record) error) error {
	return ix.each(ctx, TypeDoc, []string{FieldRecord, FieldPath}, func(id string, f map[string]interface{}) error {
		if sel != nil && !sel.docs[strings.TrimPrefix(id, docPrefix)] {
			return nil
		}
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
	docs, err := ix.Documents(context.Background(), []string{sha256})
	if err != nil {
		return extract.Record{}, false, err
	}
	d, ok := docs[sha256]
	return d.Record, ok, nil
}

// StoredDocument is one stored document: its record (Path the first of
// its paths) and every path that holds its content, sorted.
type StoredDocument struct {
	Record extract.Record
	Paths  []string
}

// Documents returns the stored documents of the given content hashes, by
// hash; a hash the index does not hold is left out.
func (ix *Index) Documents(ctx context.Context, shas []string) (map[string]StoredDocument, error) {
	out := map[string]StoredDocument{}
	err := ix.byHash(ctx, shas, []string{FieldRecord, FieldPath}, func(sha string, f map[string]interface{}) error {
		rec, err := recordFromFields(f)
		if err != nil {
			return fmt.Errorf("record %s: %w", sha, err)
		}
		out[sha] = StoredDocument{Record: rec, Paths: StringsField(f[FieldPath])}
		return nil
	})
	return out, err
}

// Text returns the stored text of the document of content sha: the text
// its record's offsets refer to ("" when the index holds none).
func (ix *Index) Text(ctx context.Context, sha string) (string, error) {
	ts, err := ix.Texts(ctx, []string{sha})
	return ts[sha], err
}

// Texts returns the stored texts of the documents of the given content
// hashes, by hash; a hash the index does not hold is left out.
func (ix *Index) Texts(ctx context.Context, shas []string) (map[string]string, error) {
	out := map[string]string{}
	err := ix.byHash(ctx, shas, []string{FieldBodyFold}, func(sha string, f map[string]interface{}) error {
		t, _ := f[FieldBodyFold].(string)
		out[sha] = t
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load texts: %w", err)
	}
	return out, nil
}

// TextWords is a document's stored text and the tokens of it that are
// some of the terms asked for.
type TextWords struct {
	Text string
	// Tokens are in order, with their positions.
	Tokens []Token
}

// TextWords returns the stored text of the documents of the given content
// hashes whose body holds any of the folded terms, and where those terms
// stand in it, from the body's term vectors: without analysing the texts
// again. A document whose body holds none of them is left out.
func (ix *Index) TextWords(ctx context.Context, shas, terms []string) (map[string]TextWords, error) {
	out := map[string]TextWords{}
	if len(shas) == 0 || len(terms) == 0 {
		return out, nil
	}
	ids := make([]string, len(shas))
	for i, sha := range shas {
		ids[i] = docID(sha)
	}
	words := make([]query.Query, len(terms))
	for i, t := range terms {
		tq := query.NewTermQuery(t)
		tq.SetField(FieldBodyFold)
		words[i] = tq
	}
	q := query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), query.NewDisjunctionQuery(words)})
	req := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	req.Fields = []string{FieldBodyFold}
	req.IncludeLocations = true
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("look up the words of %d documents: %w", len(ids), err)
	}
	for _, h := range res.Hits {
		t, _ := h.Fields[FieldBodyFold].(string)
		var toks []Token
		for term, locs := range h.Locations[FieldBodyFold] {
			for _, l := range locs {
				toks = append(toks, Token{Term: term, Start: int(l.Start), End: int(l.End), Pos: int(l.Pos)})
			}
		}
		sort.Slice(toks, func(i, j int) bool { return toks[i].Pos < toks[j].Pos })
		out[strings.TrimPrefix(h.ID, docPrefix)] = TextWords{Text: t, Tokens: toks}
	}
	return out, nil
}

// byHash calls fn with the stored fields of each document of the given
// content hashes that the index holds.
func (ix *Index) byHash(ctx context.Context, shas []string, fields []string, fn func(sha string, fields map[string]interface{}) error) error {
	if len(shas) == 0 {
		return nil
	}
	ids := make([]string, len(shas))
	for i, sha := range shas {
		ids[i] = docID(sha)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = fields
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("look up %d documents: %w", len(ids), err)
	}
	for _, h := range res.Hits {
		if err := fn(strings.TrimPrefix(h.ID, docPrefix), h.Fields); err != nil {
			return err
		}
	}
	return nil
}

// DefinedAbbreviations returns the abbreviations that the archive's texts
// define inline ("Khối cơ quan Dân chính Đảng (KCQ DCĐ)"), as folded
// {short, long} pairs with the number of documents that define each.
func (ix *Index) DefinedAbbreviations() (map[[2]string]uint64, error) {
	out := map[[2]string]uint64{}
	dict, err := ix.idx.FieldDict(FieldAbbrs)
	if err != nil {
		return nil, fmt.Errorf("read abbreviations: %w", err)
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("read abbreviations: %w", err)
		}
		if e == nil {
			return out, nil
		}
		short, long, ok := strings.Cut(e.Term, abbrSep)
		if ok && e.Count > 0 {
			out[[2]string{short, long}] += e.Count
		}
	}
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
func (ix *Index) Targets(ctx context.Context, fn func(StoredTarget) error) error {
	// Targets come by ID, so a document's come together: its paths are
	// looked up once.
	var lastSHA string
	var lastPaths []string
	return ix.each(ctx, TypeTarget, []string{FieldRecord}, func(id string, f map[string]interface{}) error {
		t, err := TargetFromFields(f)
		if err != nil {
			return fmt.Errorf("target %s: %w", id, err)
		}
		if t.SHA256 != lastSHA || lastPaths == nil {
			if lastPaths, err = ix.Paths(t.SHA256); err != nil {
				return err
			}
			lastSHA = t.SHA256
		}
		t.Paths = lastPaths
		return fn(t)
	})
}

// TargetFromFields decodes the stored fields of a target hit (a query's
// hit with FieldRecord asked for).
func TargetFromFields(f map[string]interface{}) (StoredTarget, error) {
	var t StoredTarget
	s, _ := f[FieldRecord].(string)
	if err := json.Unmarshal([]byte(s), &t); err != nil {
		return t, err
	}
	return t, nil
}

// RecordFromFields decodes the stored fields of a document hit (a query's
// hit with FieldRecord and FieldPath asked for): its record, Path the
// first of its paths.
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
