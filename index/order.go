package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
)

// docOrder sorts the documents of one kind: by issue date (the
// publication date for documents that have none, such as articles;
// undated ones last), then by number (as folded text; unnumbered last),
// then by content hash, so that the order is total and the same on every
// run. The sort reads doc values: no stored field is loaded for it.
var docOrder = []string{FieldDate, FieldNumber, "_id"}

// inDocumentOrder calls fn with the stored fields asked for of every
// document that base matches, in document order: kind by kind in the order
// of extract.Kinds (a kind outside it last), each kind sorted by docOrder;
// page documents at a time, each hit let go once fn has seen it. It stops
// with ctx's error when ctx is done.
func (ix *Index) inDocumentOrder(ctx context.Context, base query.Query, fields []string, page int, fn func(id string, fields map[string]interface{}) error) error {
	var kinds []query.Query
	for _, k := range extract.Kinds() {
		kq := query.NewTermQuery(k)
		kq.SetField(FieldKind)
		kinds = append(kinds, kq)
		if err := ix.sorted(ctx, query.NewConjunctionQuery([]query.Query{base, kq}), fields, page, fn); err != nil {
			return err
		}
	}
	rest := query.NewBooleanQuery([]query.Query{base}, nil, []query.Query{query.NewDisjunctionQuery(kinds)})
	return ix.sorted(ctx, rest, fields, page, fn)
}

// sorted calls fn with the hits of q sorted by docOrder, page at a time.
func (ix *Index) sorted(ctx context.Context, q query.Query, fields []string, page int, fn func(id string, fields map[string]interface{}) error) error {
	var after []string
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		req := bleve.NewSearchRequestOptions(q, page, 0, false)
		req.Fields = fields
		req.SortBy(docOrder)
		req.SearchAfter = after
		res, err := ix.idx.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		n := len(res.Hits)
		if n > 0 {
			after = res.Hits[n-1].Sort
		}
		for i, h := range res.Hits {
			if err := ctx.Err(); err != nil {
				return err
			}
			res.Hits[i] = nil // let the page go as it is read
			if err := fn(h.ID, h.Fields); err != nil {
				return err
			}
		}
		if n < page {
			return nil
		}
	}
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
