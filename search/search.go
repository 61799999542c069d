package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
	"vanban/index"

	"vanban/internal/lazyregexp"
)

// ErrBadQuery is wrapped by the error of a query that does not parse.
var ErrBadQuery = errors.New("bad query")

// Query is one search.
type Query struct {
	// Text is a Bleve query string: words, "phrases", +must, -not,
	// field:value (kind, number, issuer, format, path, year, title, body,
	// subject, unit, comparator), field:>=value for issued, date, year,
	// value and period, wildcards (đả*) and fuzzy terms (đảng~1). Words are
	// matched with and without diacritics; abbreviations are expanded.
	// Several bare words must all occur in a document (in its body or
	// title) unless fewer than Limit documents hold them all.
	// Field filters on keyword fields always restrict the results.
	Text string
	// Kind, Issuer and Number restrict the results (Kind also takes
	// Vietnamese names such as "nghị quyết").
	Kind, Issuer, Number string
	// From and To restrict documents by issue (or publication) date, and
	// targets by period: a target matches when its period overlaps. ISO
	// dates at any grain, or D/M/YYYY.
	From, To string
	// Under restricts documents to the files under these folders (or
	// these files), relative to the working directory or absolute.
	Under []string
	// cites restricts documents to those that cite this number.
	cites string
	// Targets searches target records instead of documents.
	Targets bool
	// MinConfidence keeps only targets whose confidence is at least this
	// (0–1; 0 keeps all). It needs Targets.
	MinConfidence float64
	// SortByDate orders hits newest first instead of by score.
	SortByDate bool
	// Limit is the number of hits to return (default 10); Offset skips hits.
	Limit, Offset int
	// Facets asks for counts by kind, year and issuer.
	Facets bool
	// Snippets is the number of snippets per document hit (default 2;
	// negative for none).
	Snippets int
	// AllCopies lists each document apart. By default the documents that
	// hold one text in several files of different content (another
	// format or encoding, a re-post: index.NearGroups) are one hit, at the
	// rank of the best of them, with the others in Hit.Copies; totals and
	// pages count such groups. With Targets, by default only the targets
	// of each group's primary document (index.Groups.Primary) are
	// searched, so that one text's targets are not listed once per copy.
	AllCopies bool
}

// Hit is one document or target found.
type Hit struct {
	// Score is the relevance score.
	Score float64
	// SHA256 is the document's content hash.
	SHA256 string
	// Paths are the paths that hold the document, sorted; Path is the first.
	Path  string
	Paths []string
	// Record is the document's stored record (for target hits, its
	// document's record without the text).
	Record extract.Record
	// Snippets are passages with the matched words marked (document hits).
	Snippets []Snippet
	// Target is the target record of a target hit, else nil.
	Target *extract.Target
	// TargetIndex is the target's position in its record's Targets.
	TargetIndex int
	// Copies are the other documents of a document hit's group: the same
	// text in other files, sorted by first path (none with
	// Query.AllCopies).
	Copies []Copy
}

// Copy is a document that holds the same text as a hit in another file.
type Copy struct {
	SHA256 string
	// Paths are the paths that hold the copy, sorted.
	Paths []string
	// Format is the copy's format ("pdf", "docx", …).
	Format string
}

// FacetCount is one facet value and its number of hits.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Result is the answer to a Query.
type Result struct {
	// Total is the number of hits in all, beyond Limit: the size of the
	// one result set that every page of the query is a slice of.
	Total uint64
	// Hits are the hits from Offset, at most Limit.
	Hits []Hit
	// Facets maps "kind", "year" and "issuer" to counts, most first.
	Facets map[string][]FacetCount
	// NumberMissing is set when the query is a document number that no
	// document of the archive bears: the hits are then the documents that
	// cite it (CitedBy), or, when none does, none, and Similar lists the
	// closest numbers the archive holds.
	NumberMissing string
	CitedBy       bool
	Similar       []string
	// AnyWords is set when no document holds every word of the query:
	// the hits then hold some of them (decided once per query).
	AnyWords bool
	// CopiesStale is set when copies were collapsed with near-duplicate
	// groups that leave out the documents added since the last complete
	// ingest (index.Groups.Stale): their copies may show as separate hits.
	CopiesStale bool
	// Took is the time the search took.
	Took time.Duration
}

// Searcher answers queries over one open index.
type Searcher struct {
	ix     *index.Index
	abbrev *abbrevs

	groupsOnce sync.Once
	groups     *index.Groups // near-duplicate groups, read on first use
	groupsErr  error

	snapMu        sync.Mutex
	snap          *snapshot // what is kept of the last snapshot searched
	facetsCounted bool      // a faceted search has run
}

// nearGroups returns the index's near-duplicate groups, read once per
// Searcher.
func (s *Searcher) nearGroups(ctx context.Context) (*index.Groups, error) {
	s.groupsOnce.Do(func() {
		s.groups, s.groupsErr = s.ix.NearGroups(ctx)
	})
	return s.groups, s.groupsErr
}

// New returns a searcher over ix. It reads the abbreviations that the
// archive's texts define, to expand queries with them.
func New(ix *index.Index) (*Searcher, error) {
	corpus, err := ix.DefinedAbbreviations()
	if err != nil {
		return nil, err
	}
	return &Searcher{ix: ix, abbrev: newAbbrevs(extract.Glossary(), corpus)}, nil
}

// Search runs q over ix (a convenience for one query; reuse a Searcher for
// many).
func Search(ctx context.Context, ix *index.Index, q Query) (*Result, error) {
	s, err := New(ix)
	if err != nil {
		return nil, err
	}
	return s.Search(ctx, q)
}

// ranked runs req, whose order is score then document id, without
// reading the id of every match: Bleve reads a match's id from the stored
// fields, one page of the index's files per match, so that a common word
// (của, và, xã) read most pages of the documents' stored fields, hundreds
// of milliseconds at 10,000 documents. It ranks by score alone, a window
// of hits that goes past the page's end, and orders the hits of equal
// score by id itself: once the window's last hit scores lower than the
// page's last one (or the window holds every match), the window holds
// every hit that scores at least as high as the page's last one, and so
// the page of the exact order. Short documents tie often (BM25 gives one
// score to one term frequency at one length), so the first window holds
// at least rankedFirst hits, and when a tie runs past it a window of
// rankedWindow hits is tried; a longer tie runs req as it is. The stored
// fields are read for the page's hits only (Bleve reads the ids of the
// window's).
func (s *Searcher) ranked(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	end := req.From + req.Size
	fast := *req
	fast.From, fast.Fields = 0, nil
	fast.Sort = bsearch.SortOrder{&bsearch.SortScore{Desc: true}}
	fast.Size = end
	if end > 0 {
		fast.Size = max(end+1, rankedFirst)
	}
	var res *bleve.SearchResult
	for {
		var err error
		if res, err = s.ix.Bleve().SearchInContext(ctx, &fast); err != nil {
			return nil, err
		}
		hits := res.Hits
		if end == 0 || len(hits) < fast.Size || hits[len(hits)-1].Score < hits[end-1].Score {
			break
		}
		if fast.Size >= rankedWindow {
			return s.ix.Bleve().SearchInContext(ctx, req)
		}
		fast.Size = rankedWindow
	}
	hits := res.Hits
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	hits = hits[:min(len(hits), end)]
	res.Hits = hits[min(req.From, len(hits)):]
	res.Request = req
	if len(req.Fields) > 0 {
		if err := s.loadFields(ctx, res.Hits, req.Fields); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// rankedWindow is the most hits Searcher.ranked ranks by score alone.
const rankedWindow = 4096

// rankedFirst is the least window Searcher.ranked tries first. A wider
// window costs an id read per hit more (Bleve scores every match either
// way and keeps the best in a heap), while a tie that runs past it costs
// a second run over every match: with the page and one hit only, 62 of
// the 1,000 queries of the scale benchmark's mix (100,000 short
// documents) ran twice; with 32, none did.
const rankedFirst = 32

// Search runs q.
func (s *Searcher) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	var lookup *numberLookup
	if n := strings.Trim(strings.TrimSpace(q.Text), ".,;:()"); !q.Targets && IsNumber(n) && !strings.ContainsAny(n, " :\"") {
		var err error
		if lookup, err = s.lookupNumber(ctx, n); err != nil {
			return nil, err
		}
		if !lookup.held {
			// Only the documents that cite it: its parts alone would find
			// other numbers' documents.
			q.Text, q.cites = "", n
		}
	}
	p, err := s.plan(q)
	if err != nil {
		return nil, err
	}
	defer p.close()
	var groups *index.Groups
	if !q.AllCopies {
		if groups, err = s.nearGroups(ctx); err != nil {
			return nil, err
		}
		if q.Targets {
			p.withoutTargetsOf(secondaries(groups))
		}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	r := &queryRun{ctx: ctx, s: s, q: q, plan: p, loadFields: true}
	r.fields = []string{index.FieldRecord, index.FieldPath}
	if q.Targets {
		r.fields = []string{index.FieldRecord}
	}
	offset := max(q.Offset, 0)
	var res *bleve.SearchResult
	var anyWords bool
	if groups.Len() > 0 && !q.Targets {
		r.loadFields = false // collapse pages through hits it may drop
		res, anyWords, err = s.collapse(ctx, groups, p, r.fetch, offset, limit)
		r.loadFields = true
		if err == nil {
			err = s.loadFields(ctx, res.Hits, r.fields)
		}
	} else {
		res, anyWords, err = r.fetch(offset, limit)
	}
	if err != nil {
		return nil, err
	}
	if q.Facets && r.facets == nil && !anyWords && p.sharesSet() {
		ms, err := s.countSet(ctx, p)
		if err != nil {
			return nil, err
		}
		if r.facets, err = s.facetsOf(ctx, ms.r, ms.bits); err != nil {
			return nil, err
		}
	}
	if q.Facets && (r.facets == nil || anyWords) {
		fq := p.query
		if p.count != nil {
			fq = p.count
		}
		if anyWords {
			fq = p.fallback
		}
		if _, r.facets, err = s.countFacets(ctx, fq); err != nil {
			return nil, err
		}
	}
	out := &Result{Total: res.Total, AnyWords: anyWords, CopiesStale: groups.Stale()}
	if lookup != nil && !lookup.held {
		out.NumberMissing, out.CitedBy, out.Similar = lookup.number, lookup.citers > 0, lookup.similar
	}
	if err := s.fillHits(ctx, q, p, groups, res, out); err != nil {
		return nil, err
	}
	if q.Facets {
		out.Facets = r.facets
	}
	out.Took = time.Since(start)
	return out, nil
}

// fillHits turns the page of Bleve hits into out's hits: targets, or
// documents with their snippets and copies.
func (s *Searcher) fillHits(ctx context.Context, q Query, p *plan, groups *index.Groups, res *bleve.SearchResult, out *Result) error {
	if q.Targets {
		return s.targetHits(ctx, res, out)
	}
	nsnip := q.Snippets
	if nsnip == 0 {
		nsnip = 2
	}
	if err := s.docHits(ctx, res, out, p.highlight, nsnip); err != nil {
		return err
	}
	return s.addCopies(ctx, groups, out.Hits)
}

// queryRun is one Search's requests to Bleve: how they are built, run and
// paged through the plan's tiers.
type queryRun struct {
	ctx        context.Context
	s          *Searcher
	q          Query
	plan       *plan
	fields     []string                // the stored fields of a hit
	loadFields bool                    // off while collapse pages through hits it may drop
	facets     map[string][]FacetCount // when fetch counted them with the total
}

// request returns the Bleve request for size hits of qq from from, in the
// query's order.
func (r *queryRun) request(qq query.Query, size, from int) *bleve.SearchRequest {
	req := bleve.NewSearchRequestOptions(flatten(qq), size, from, false)
	if size == 0 {
		// Only the count (and facets): no score, so that Bleve may
		// intersect and unite the postings as bitmaps.
		req.Score = "none"
	}
	if r.loadFields {
		req.Fields = r.fields
	}
	if r.q.SortByDate {
		req.SortByCustom(bsearch.SortOrder{
			&bsearch.SortField{Field: index.FieldDate, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortScore{Desc: true},
			&bsearch.SortDocID{},
		})
	} else {
		// Ties broken by document id: every page is a slice of one order.
		req.SortByCustom(bsearch.SortOrder{&bsearch.SortScore{Desc: true}, &bsearch.SortDocID{}})
	}
	return req
}

// run runs req: by date as Bleve does, by score through Searcher.ranked.
func (r *queryRun) run(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	var res *bleve.SearchResult
	var err error
	if r.q.SortByDate {
		res, err = r.s.ix.Bleve().SearchInContext(r.ctx, req)
	} else {
		res, err = r.s.ranked(r.ctx, req)
	}
	if err != nil {
		return nil, fmt.Errorf("run query: %w", err)
	}
	return res, nil
}

// fetch returns the hits from offset, at most limit, of the one ranked
// list of the query, and whether that is the list of the documents that
// hold some of the words (decided once per query).
func (r *queryRun) fetch(offset, limit int) (*bleve.SearchResult, bool, error) {
	var res *bleve.SearchResult
	var err error
	if len(r.plan.tiers) > 0 && !r.q.SortByDate {
		res, err = r.fetchTiers(offset, limit)
	} else {
		res, err = r.run(r.request(r.plan.query, limit, offset))
	}
	if err != nil {
		return nil, false, err
	}
	if r.plan.fallback != nil && res.Total == 0 {
		// No document holds every word: those that hold some, decided on
		// the whole set, never on the page asked for.
		if res, err = r.run(r.request(r.plan.fallback, limit, offset)); err != nil {
			return nil, false, err
		}
		return res, true, nil
	}
	return res, false, nil
}

// fetchTiers runs the plan's tiers one after the other; the page is a
// slice of their concatenation.
func (r *queryRun) fetchTiers(offset, limit int) (*bleve.SearchResult, error) {
	plan := r.plan
	res := &bleve.SearchResult{}
	var cum uint64
	for i, tq := range plan.tiers {
		need := limit - len(res.Hits)
		from := 0
		if uint64(offset) > cum {
			from = int(uint64(offset) - cum)
		}
		if need == 0 && plan.union != nil {
			total, err := r.unionTotal()
			if err != nil {
				return nil, err
			}
			res.Total = total
			break
		}
		if need == 0 {
			// The page is full: only the tier's size counts.
			tq = plan.tierCounts[i]
		}
		tr, err := r.run(r.request(tq, need, from))
		if err != nil {
			return nil, err
		}
		res.Hits = append(res.Hits, tr.Hits...)
		res.Total += tr.Total
		cum += tr.Total
	}
	return res, nil
}

// unionTotal counts the documents of a full page's tiers: together they
// hold as many documents as their members' union, which is the set when
// every member holds the set's words: then the set's matches, read once
// for the query (Searcher.countSet), give the total, the facets and the
// copies matched; else the union is counted on bitmaps.
func (r *queryRun) unionTotal() (uint64, error) {
	plan := r.plan
	if plan.sharesSet() {
		ms, err := r.s.countSet(r.ctx, plan)
		if err != nil {
			return 0, err
		}
		if r.q.Facets && r.facets == nil {
			if r.facets, err = r.s.facetsOf(r.ctx, ms.r, ms.bits); err != nil {
				return 0, err
			}
		}
		return ms.bits.GetCardinality(), nil
	}
	ur, err := r.run(r.request(plan.union, 0, 0))
	if err != nil {
		return 0, err
	}
	return ur.Total, nil
}

// docHits fills out with document hits, their records, paths and snippets.
func (s *Searcher) docHits(ctx context.Context, res *bleve.SearchResult, out *Result, terms *highlight, nsnip int) error {
	for _, h := range res.Hits {
		rec, err := index.RecordFromFields(h.Fields)
		if err != nil {
			return fmt.Errorf("hit %s: %w", h.ID, err)
		}
		hit := Hit{Score: h.Score, SHA256: rec.SHA256, Record: rec, Paths: index.StringsField(h.Fields[index.FieldPath])}
		if len(hit.Paths) > 0 {
			hit.Path = hit.Paths[0]
		} else {
			hit.Path = rec.Path
		}
		out.Hits = append(out.Hits, hit)
	}
	if nsnip < 0 || len(out.Hits) == 0 {
		return nil
	}
	// The words' places in the texts come from the index's term vectors,
	// where ingest put them: the texts are not analysed again.
	var texts map[string]index.TextWords
	if !terms.empty() {
		words := make([]string, 0, len(terms.words()))
		for w := range terms.words() {
			words = append(words, w)
		}
		sort.Strings(words)
		shas := make([]string, 0, len(out.Hits))
		for _, h := range out.Hits {
			shas = append(shas, h.SHA256)
		}
		var err error
		if texts, err = s.ix.TextWords(ctx, shas, words); err != nil {
			return err
		}
	}
	for i := range out.Hits {
		h := &out.Hits[i]
		if tw, ok := texts[h.SHA256]; ok {
			h.Snippets = snippetsAt(tw.Text, clipTokens(tw.Text, tw.Tokens, terms), terms, nsnip)
		}
		if len(h.Snippets) == 0 && h.Record.Title != "" {
			h.Snippets = makeSnippets(string(h.Record.Title), terms, 1)
		}
		if h.Record.Pages == nil {
			for k := range h.Snippets {
				h.Snippets[k].Page = 0
			}
		}
	}
	return nil
}

// targetHits fills out with target hits and their documents' paths.
func (s *Searcher) targetHits(ctx context.Context, res *bleve.SearchResult, out *Result) error {
	shas := map[string]bool{}
	for _, h := range res.Hits {
		t, err := index.TargetFromFields(h.Fields)
		if err != nil {
			return fmt.Errorf("hit %s: %w", h.ID, err)
		}
		tg := t.Target
		out.Hits = append(out.Hits, Hit{Score: h.Score, SHA256: t.SHA256, Target: &tg, TargetIndex: t.Index})
		shas[t.SHA256] = true
	}
	if len(shas) == 0 {
		return nil
	}
	list := make([]string, 0, len(shas))
	for sha := range shas {
		list = append(list, sha)
	}
	docs, err := s.ix.Documents(ctx, list)
	if err != nil {
		return fmt.Errorf("load target documents: %w", err)
	}
	for i := range out.Hits {
		h := &out.Hits[i]
		d := docs[h.SHA256]
		h.Record = d.Record
		h.Record.Targets = nil
		h.Paths = d.Paths
		if len(h.Paths) > 0 {
			h.Path = h.Paths[0]
		} else {
			h.Path = h.Record.Path
		}
	}
	return nil
}

// numberRE matches a document number as users type it: "18-NQ/TW",
// "15/2011/NQ-HĐND", "123/QĐ-UBND".
var numberRE = lazyregexp.New(`^\d+[\p{L}\d]*[-/][\p{L}\d./-]*\p{L}[\p{L}\d./-]*$`)

// IsNumber reports whether s looks like a document number and symbol.
func IsNumber(s string) bool {
	return numberRE.MatchString(strings.Trim(s, ".,;:()"))
}
