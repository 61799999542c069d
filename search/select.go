package search

import (
	"context"

	"vanban/index"
)

// selectPage is the number of hits asked of the search at a time.
const selectPage = 5000

// Select compiles q into the selection of the index that q finds, with the
// same query language and filters as Search: the documents it finds, or
// with q.Targets the targets it finds (and through them their documents).
// q.Limit, q.Offset, sorting, facets and snippets are ignored. export reads
// the selection through index.Index.Records.
//
// Every document found is selected, copies of one text included (the
// caller groups them, see index.Selection.AddPrimaries); targets are those
// Search finds, so without q.AllCopies only the targets of each group's
// primary document.
func Select(ctx context.Context, ix *index.Index, q Query) (*index.Selection, error) {
	s, err := New(ix)
	if err != nil {
		return nil, err
	}
	q.Limit, q.Offset, q.SortByDate, q.Facets, q.Snippets = selectPage, 0, false, false, -1
	if !q.Targets {
		q.AllCopies = true
	}
	sel := index.NewSelection(q.Targets)
	for {
		res, err := s.Search(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			if h.Target != nil {
				sel.AddTarget(h.SHA256, h.TargetIndex)
			} else {
				sel.AddDocument(h.SHA256)
			}
		}
		q.Offset += len(res.Hits)
		if len(res.Hits) < q.Limit || uint64(q.Offset) >= res.Total {
			return sel, nil
		}
	}
}
