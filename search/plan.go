package search

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2/search/query"

	"vanban/extract"
	"vanban/index"
	"vanban/ingest/vntext"

	"vanban/internal/lazyregexp"
)

// plan is a query ready to run, and the folded terms to mark in snippets.
type plan struct {
	query     query.Query
	highlight *highlight
	// fallback, when set, is the query to run when query finds no hit:
	// query requires every word the user typed, fallback any of them.
	fallback query.Query
	// tiers, when set, split query's hits into groups shown one after
	// the other (see tiers.go); they are disjoint and their union is query.
	tiers []query.Query
	// count and tierCounts, when set, match what query and tiers match,
	// without the ranking clause: for totals and facets, where no hit is
	// scored.
	count      query.Query
	tierCounts []query.Query
	// union, when set, matches what the tiers match together: the
	// number of hits, in one count that Bleve may run on bitmaps, once
	// the page is full.
	union query.Query
	// unionIsSet: the tiers' union is count's set (every member holds
	// the set's words).
	unionIsSet bool
	// set is what count matches, once read (Searcher.countSet).
	set *matchSet
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// hasNumber reports whether t holds a document number.
func hasNumber(t string) bool {
	for _, w := range strings.Fields(t) {
		if IsNumber(strings.Trim(w, ".,;:()[]")) {
			return true
		}
	}
	return false
}

// planner turns a user Query into a Bleve query.
type planner struct {
	s       *Searcher
	targets bool
	hl      *highlight
	// required is set while building the text clause of a query whose
	// words are all required: no clause then ranks holding them all.
	required bool
	// pairs, when set, is the text whose syllable pairs the text clause
	// ranks (the words as typed, stop words kept), instead of its own.
	pairs string

	// typed holds the clauses that only documents of the type searched
	// can match (quoted phrases: their fields are that type's alone).
	typed map[query.Query]bool

	free    []string      // bare words, in order: one text clause
	must    []query.Query // required text clauses
	should  []query.Query // optional clauses (phrases...)
	not     []query.Query
	filters []query.Query
}

// Boosts: exact diacritics above folded matches, titles above bodies,
// adjacent syllables above scattered ones, the document's own number above
// everything.
const (
	boostFold      = 1.0
	boostExact     = 1.0
	boostTitleFold = 2.0
	boostTitle     = 1.5
	boostShingle   = 4.0
	boostPhrase    = 6.0
	boostExpansion = 1.0
	boostNumber    = 50.0
	boostRef       = 2.0
	boostKind      = 1.0
	boostAllWords  = 2.0
)

func (s *Searcher) plan(q Query) (*plan, error) {
	p := &planner{s: s, targets: q.Targets, hl: &highlight{terms: map[string]bool{}}, typed: map[query.Query]bool{}}
	typ := index.TypeDoc
	if q.Targets {
		typ = index.TypeTarget
	}
	p.filters = append(p.filters, unscored{term(index.FieldType, typ)})
	if strings.TrimSpace(q.Text) != "" && !hasWord(q.Text) {
		return nil, fmt.Errorf("%w: %q holds no word or number to search for", ErrBadQuery, q.Text)
	}
	if text := prepareQuery(q.Text); text != "" {
		parsed, err := query.NewQueryStringQuery(text).Parse()
		if err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrBadQuery, q.Text, err)
		}
		if err := p.top(parsed); err != nil {
			return nil, err
		}
	}
	if err := p.flags(q); err != nil {
		return nil, err
	}
	var out *plan
	if len(p.free) > 0 {
		t := strings.Join(p.free, " ")
		if len(p.must) == 0 && len(p.should) == 0 && !p.targets && !hasNumber(t) {
			if tiers, members, set, covers := p.tiers(t); set != nil {
				// The set requires every content word; the ranking clause
				// only ranks within each tier.
				n := len(p.hl.phrases)
				p.required, p.pairs = true, pairText(t)
				ranked := p.text(rankText(t), 1)
				p.required, p.pairs = false, ""
				p.hl.phrases = p.hl.phrases[:n]
				// Every document that the set or a tier matches holds
				// the words in its body or title: a document, not a
				// target or a file, so the type filter (first) goes, and
				// with it a posting list read at every match. (It scores
				// every document alike.)
				p.filters = p.filters[1:]
				// The set and the tiers only decide membership: run
				// unscored (on bitmaps where Bleve can), they read no
				// frequencies and score nothing; the ranking clause
				// alone ranks within a tier.
				out = &plan{query: p.boolean(unscored{set}, ranked), count: p.boolean(set), highlight: p.hl, union: p.boolean(query.NewDisjunctionQuery(members)), unionIsSet: covers}
				for _, tq := range tiers {
					out.tiers = append(out.tiers, p.boolean(unscored{tq}, ranked))
					out.tierCounts = append(out.tierCounts, p.boolean(tq))
				}
				p.filters = append([]query.Query{unscored{term(index.FieldType, index.TypeDoc)}}, p.filters...)
				out.fallback = p.boolean(p.text(t, 1))
				return out, nil
			}
		}
		var all query.Query
		if len(p.must) == 0 && len(p.should) == 0 && !p.targets {
			all = p.allWords(t)
		}
		if all != nil {
			// A document number among the words: every word required, the
			// number boost ranks the document that bears it first.
			n := len(p.hl.phrases)
			p.required = true
			ranked := p.text(t, 1)
			p.required = false
			p.hl.phrases = p.hl.phrases[:n]
			return &plan{query: p.boolean(all, ranked), fallback: p.boolean(p.text(t, 1)), highlight: p.hl}, nil
		}
		c := p.text(t, 1)
		if len(p.must) == 0 {
			p.must = append(p.must, c)
		} else {
			p.should = append(p.should, c)
		}
	}
	if p.impliesType() {
		// The type filter (first) matches every document the clauses
		// match: one posting list less read at every match. It scores
		// nothing, so the scores stay.
		p.filters = p.filters[1:]
	}
	out = &plan{query: p.boolean(), highlight: p.hl}
	return out, nil
}

// impliesType reports whether every match of the clauses is of the type
// searched: a required clause is a quoted phrase, or the clauses are
// optional phrases alone (one of them must match).
func (p *planner) impliesType() bool {
	for _, c := range p.must {
		if p.typed[c] {
			return true
		}
	}
	if len(p.must) > 0 || len(p.should) == 0 {
		return false
	}
	for _, c := range p.should {
		if !p.typed[c] {
			return false
		}
	}
	return true
}

// boolean assembles the clauses, with extra as more required clauses.
func (p *planner) boolean(extra ...query.Query) query.Query {
	must := append(append(append([]query.Query(nil), p.filters...), p.must...), extra...)
	bq := query.NewBooleanQuery(must, nil, p.not)
	if len(p.should) > 0 {
		if len(p.must) == 0 && len(extra) == 0 {
			// Only optional clauses (phrases, fuzzy terms): one must match.
			bq.AddMust(query.NewDisjunctionQuery(p.should))
		} else {
			bq.AddShould(p.should...)
		}
	}
	return bq
}

// boostRequire is the weight of the clause that requires every word: it
// filters, the text clause ranks.
const boostRequire = 0.01

// allWords is the clause that requires every word of t in a document's
// body or title (folded), an abbreviation or its expansion standing for
// the words it spans. It is nil when t has fewer than two distinct words.
func (p *planner) allWords(t string) query.Query {
	// A document number counts when the document bears it, cites it or
	// holds its parts.
	var numGroups []query.Query
	var rest []string
	for _, w := range strings.Fields(t) {
		n := strings.Trim(w, ".,;:()[]")
		if !IsNumber(n) {
			rest = append(rest, w)
			continue
		}
		parts, _ := index.Analyze(index.AnalyzerFold, n)
		numGroups = append(numGroups, query.NewDisjunctionQuery([]query.Query{
			keyword(index.FieldNumber, n), keyword(index.FieldRefs, n), p.wordsIn(parts)}))
	}
	if len(numGroups) > 0 {
		c := query.NewConjunctionQuery(numGroups)
		if len(rest) > 0 {
			if r := p.allWords(strings.Join(rest, " ")); r != nil {
				c.AddQuery(r)
			} else {
				for _, w := range rest {
					for _, x := range index.Tokens(index.AnalyzerFold, w) {
						c.AddQuery(p.wordAny(x.Term))
					}
				}
			}
		}
		c.SetBoost(boostRequire)
		return c
	}
	terms, _ := index.Analyze(index.AnalyzerFold, t)
	seen := map[string]bool{}
	var uniq []string
	for _, x := range terms {
		if !seen[x] {
			seen[x] = true
			uniq = append(uniq, x)
		}
	}
	if len(uniq) < 2 {
		return nil
	}
	covered := make([]bool, len(terms))
	var groups []query.Query
	for _, e := range p.s.abbrev.expand(t) {
		span := strings.Fields(e.found)
		i := indexOfRun(terms, span)
		if i < 0 || anyTrue(covered[i:i+len(span)]) {
			continue
		}
		alts := []query.Query{p.wordsIn(span)}
		for _, a := range e.also {
			alts = append(alts, p.phraseAny(a))
		}
		groups = append(groups, query.NewDisjunctionQuery(alts))
		for k := i; k < i+len(span); k++ {
			covered[k] = true
		}
	}
	done := map[string]bool{}
	for i, x := range terms {
		if covered[i] || done[x] {
			continue
		}
		done[x] = true
		groups = append(groups, p.wordAny(x))
	}
	c := query.NewConjunctionQuery(groups)
	c.SetBoost(boostRequire)
	return c
}

// wordAny matches a folded term in the body or the title.
func (p *planner) wordAny(x string) query.Query {
	return query.NewDisjunctionQuery([]query.Query{term(index.FieldBodyFold, x), term(index.FieldTitleFold, x)})
}

// wordsIn requires every folded term of span.
func (p *planner) wordsIn(span []string) query.Query {
	if len(span) == 1 {
		return p.wordAny(span[0])
	}
	qs := make([]query.Query, 0, len(span))
	for _, x := range span {
		qs = append(qs, p.wordAny(x))
	}
	return query.NewConjunctionQuery(qs)
}

// phraseAny matches folded text as a phrase (a word when it is one) in the
// body or the title.
func (p *planner) phraseAny(a string) query.Query {
	if !strings.Contains(a, " ") {
		return p.wordAny(a)
	}
	return query.NewDisjunctionQuery([]query.Query{phraseQ(index.FieldBodyFold, a, 1), phraseQ(index.FieldTitleFold, a, 1)})
}

// indexOfRun returns where run starts in terms, or -1.
func indexOfRun(terms, run []string) int {
	if len(run) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(run) <= len(terms); i++ {
		for j := range run {
			if terms[i+j] != run[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// loneOperatorRE matches a + or - that stands alone, as punctuation
// ("2020 - 2025"), not as an operator on the next word ("-đất").
var loneOperatorRE = lazyregexp.New(`(^|\s)[-+]+(\s|$)`)

// prepareQuery turns what a user typed into a query string: dashes that
// are punctuation ("25 – 27%", "2020 - 2025") must not become NOT
// operators, so typographic dashes and lone +/- become spaces; then the
// canonical Vietnamese form.
func prepareQuery(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			return ' '
		}
		return r
	}, s)
	s = vntext.Normalize(s)
	for loneOperatorRE.MatchString(s) {
		s = loneOperatorRE.ReplaceAllString(s, "$1$2")
	}
	return strings.TrimSpace(s)
}

// top sorts the clauses of a parsed query string.
func (p *planner) top(q query.Query) error {
	bq, ok := q.(*query.BooleanQuery)
	if !ok {
		return p.leaf(q, ctxShould)
	}
	for _, part := range []struct {
		q   query.Query
		ctx int
	}{{bq.Must, ctxMust}, {bq.Should, ctxShould}, {bq.MustNot, ctxNot}} {
		for _, l := range children(part.q) {
			if err := p.leaf(l, part.ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func children(q query.Query) []query.Query {
	switch q := q.(type) {
	case nil:
		return nil
	case *query.ConjunctionQuery:
		return q.Conjuncts
	case *query.DisjunctionQuery:
		return q.Disjuncts
	case *query.BooleanQuery:
		return append(append(children(q.Must), children(q.Should)...), children(q.MustNot)...)
	}
	return []query.Query{q}
}

// Where a clause of the query string stands.
const (
	ctxMust = iota
	ctxShould
	ctxNot
)

// add puts a text clause where ctx says.
func (p *planner) add(c query.Query, ctx int) {
	switch ctx {
	case ctxMust:
		p.must = append(p.must, c)
	case ctxNot:
		p.not = append(p.not, c)
	default:
		p.should = append(p.should, c)
	}
}

// addFilter puts a field filter where ctx says: a filter written without
// + or - still restricts the results.
func (p *planner) addFilter(c query.Query, ctx int) {
	if ctx == ctxNot {
		p.not = append(p.not, c)
		return
	}
	p.filters = append(p.filters, c)
}

// fieldAliases maps the field names users may write to canonical ones.
var fieldAliases = map[string]string{
	"kind": "kind", "loai": "kind", "type": "kind",
	"number": "number", "so": "number", "sokyhieu": "number",
	"issuer": "issuer", "coquan": "issuer",
	"format": "format", "path": "path", "file": "path",
	"year": "year", "nam": "year",
	"title": "title", "tieude": "title", "trichyeu": "title",
	"body": "body", "text": "body",
	"issued": "issued", "date": "date", "ngay": "date", "published": "published",
	"subject": "subject", "unit": "unit", "comparator": "comparator",
	"value": "value", "period": "period", "source": "source_number", "source_number": "source_number",
	"ref": "refs", "refs": "refs", "cites": "refs",
}

// looksLikeField reports whether name:value was meant as a field filter:
// a name of ASCII letters only (not a number, not a Vietnamese word with
// diacritics) glued to its value, which is no URL.
func looksLikeField(name, value string) bool {
	if name == "" || value == "" || strings.HasPrefix(value, "//") || strings.HasPrefix(value, " ") {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_') {
			return false
		}
	}
	return name != "http" && name != "https"
}

// validFields lists the field names a query may use, sorted.
func validFields() []string {
	seen := map[string]bool{}
	var out []string
	for k := range fieldAliases {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func canonicalField(f string) (string, bool) {
	c, ok := fieldAliases[index.FoldTerm(f)]
	return c, ok
}

func (p *planner) leaf(q query.Query, ctx int) error {
	switch q := q.(type) {
	case *query.MatchQuery:
		if q.FieldVal == "" {
			if q.Fuzziness > 0 {
				p.add(p.fuzzy(q.Match, q.Fuzziness), ctx)
				return nil
			}
			if ctx == ctxShould {
				p.free = append(p.free, q.Match)
			} else {
				p.add(p.text(q.Match, 1), ctx)
			}
			return nil
		}
		return p.field(q.FieldVal, q.Match, false, ctx)
	case *query.MatchPhraseQuery:
		if q.FieldVal == "" {
			c := p.phrase(q.MatchPhrase)
			p.typed[c] = true
			p.add(c, ctx)
			return nil
		}
		return p.field(q.FieldVal, q.MatchPhrase, true, ctx)
	case *query.FuzzyQuery:
		p.add(p.fuzzy(q.Term, q.Fuzziness), ctx)
		return nil
	case *query.WildcardQuery:
		p.add(p.wildcard(q.Wildcard, q.FieldVal), ctx)
		return nil
	case *query.RegexpQuery:
		rq := query.NewRegexpQuery(strings.ToLower(q.Regexp))
		rq.SetField(p.foldField())
		p.add(rq, ctx)
		return nil
	case *query.NumericRangeQuery:
		return p.numericRange(q, ctx)
	case *query.DateRangeQuery:
		return p.dateRange(q, ctx)
	case *query.BooleanQuery, *query.ConjunctionQuery, *query.DisjunctionQuery:
		for _, c := range children(q) {
			if err := p.leaf(c, ctx); err != nil {
				return err
			}
		}
		return nil
	}
	p.add(q, ctx)
	return nil
}

// field handles field:value and field:"value".
func (p *planner) field(name, value string, phrase bool, ctx int) error {
	f, ok := canonicalField(name)
	if !ok && looksLikeField(name, value) {
		return fmt.Errorf("%w: unknown field %q in %s:%s; valid fields: %s", ErrBadQuery, name, name, value, strings.Join(validFields(), ", "))
	}
	if !ok {
		// Not a field: "05-CT/TW: về" or a URL. Search the text as written.
		t := name + " " + value
		if ctx == ctxShould {
			p.free = append(p.free, t)
		} else {
			p.add(p.text(t, 1), ctx)
		}
		return nil
	}
	switch f {
	case "kind":
		k, err := checkKind("kind:", value)
		if err != nil {
			return err
		}
		p.addFilter(term(index.FieldKind, k), ctx)
	case "number", "format", "year", "unit", "comparator", "source_number", "refs":
		fld := map[string]string{"number": index.FieldNumber, "format": index.FieldFormat, "year": index.FieldYear,
			"unit": index.FieldUnit, "comparator": index.FieldComparator, "source_number": index.FieldSourceNumber, "refs": index.FieldRefs}[f]
		if f == "number" && p.targets {
			// A target's number is its own document's or the one it quotes.
			p.addFilter(query.NewDisjunctionQuery([]query.Query{keyword(index.FieldNumber, value), keyword(index.FieldSourceNumber, value)}), ctx)
			return nil
		}
		p.addFilter(keyword(fld, value), ctx)
	case "path":
		p.addFilter(keyword(index.FieldPath, value), ctx)
	case "issuer":
		p.addFilter(issuerQuery(value), ctx)
	case "title":
		if phrase {
			p.add(p.phraseIn(value, index.FieldTitleFold), ctx)
		} else {
			p.add(p.textIn(value, []fieldBoost{{index.FieldTitleFold, index.AnalyzerFold, 1}, {index.FieldTitle, index.AnalyzerExact, 1}}), ctx)
		}
	case "body":
		if phrase {
			p.add(p.phraseIn(value, index.FieldBodyFold), ctx)
		} else {
			p.add(p.textIn(value, []fieldBoost{{index.FieldBodyFold, index.AnalyzerFold, 1}, {index.FieldBody, index.AnalyzerExact, 1}}), ctx)
		}
	case "subject":
		if phrase {
			p.add(p.phraseIn(value, index.FieldSubjectFold), ctx)
		} else {
			p.add(p.textIn(value, []fieldBoost{{index.FieldSubjectFold, index.AnalyzerFold, 1}, {index.FieldSubject, index.AnalyzerExact, 1}}), ctx)
		}
	case "issued", "date", "published", "period", "value":
		from, ok1 := ParseUserDate(value, false)
		to, ok2 := ParseUserDate(value, true)
		if f == "value" {
			return fmt.Errorf("%w: value:%s: give a comparison, e.g. value:>=90", ErrBadQuery, value)
		}
		if !ok1 || !ok2 {
			return fmt.Errorf("%w: %s:%s is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", ErrBadQuery, name, value)
		}
		p.addFilter(p.dateFilter(f, from, to), ctx)
	default:
		return fmt.Errorf("%w: field %q cannot be searched this way", ErrBadQuery, name)
	}
	return nil
}

// dateFilter restricts a date field to [from, to]; for "period" a target
// matches when its period overlaps.
func (p *planner) dateFilter(f string, from, to time.Time) query.Query {
	t := true
	if f == "period" {
		return periodOverlap(from, to)
	}
	fld := map[string]string{"issued": index.FieldIssued, "date": index.FieldDate, "published": index.FieldPublished}[f]
	q := query.NewDateRangeInclusiveQuery(from, to, &t, &t)
	q.SetField(fld)
	return q
}

// periodOverlap matches targets whose period overlaps [from, to].
func periodOverlap(from, to time.Time) query.Query {
	t := true
	var parts []query.Query
	if !from.IsZero() {
		q := query.NewDateRangeInclusiveQuery(from, time.Time{}, &t, nil)
		q.SetField(index.FieldPeriodEnd)
		parts = append(parts, q)
	}
	if !to.IsZero() {
		q := query.NewDateRangeInclusiveQuery(time.Time{}, to, nil, &t)
		q.SetField(index.FieldPeriodStart)
		parts = append(parts, q)
	}
	return query.NewConjunctionQuery(parts)
}

func (p *planner) numericRange(q *query.NumericRangeQuery, ctx int) error {
	if q.FieldVal == "" {
		// A bare number: the parser pairs a text match with this range;
		// the text match is enough.
		return nil
	}
	f, ok := canonicalField(q.FieldVal)
	if !ok {
		return fmt.Errorf("%w: unknown field %q", ErrBadQuery, q.FieldVal)
	}
	switch f {
	case "value":
		q.SetField(index.FieldValue)
		p.addFilter(q, ctx)
	case "year", "issued", "date", "published", "period":
		// year:>=2019 → a date range.
		var from, to time.Time
		if q.Min != nil {
			y := int(*q.Min)
			if q.InclusiveMin != nil && !*q.InclusiveMin {
				y++
			}
			from = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if q.Max != nil {
			y := int(*q.Max)
			if q.InclusiveMax != nil && !*q.InclusiveMax {
				y--
			}
			to = time.Date(y, 12, 31, 23, 59, 59, 0, time.UTC)
		}
		if f == "year" {
			f = "date"
		}
		p.addFilter(p.dateFilter(f, from, to), ctx)
	default:
		return fmt.Errorf("%w: field %q takes no numeric range", ErrBadQuery, q.FieldVal)
	}
	return nil
}

func (p *planner) dateRange(q *query.DateRangeQuery, ctx int) error {
	if q.FieldVal == "" {
		return nil
	}
	f, ok := canonicalField(q.FieldVal)
	if !ok || (f != "issued" && f != "date" && f != "published" && f != "period" && f != "year") {
		return fmt.Errorf("%w: field %q takes no date range", ErrBadQuery, q.FieldVal)
	}
	if f == "year" {
		f = "date"
	}
	from, to := q.Start.Time, q.End.Time
	if q.InclusiveEnd != nil && !*q.InclusiveEnd && !to.IsZero() {
		to = to.Add(-time.Millisecond)
	}
	p.addFilter(p.dateFilter(f, from, to), ctx)
	return nil
}

// flags adds the filters of the command-line flags.
func (p *planner) flags(q Query) error {
	if q.Kind != "" {
		k, err := checkKind("--kind ", q.Kind)
		if err != nil {
			return err
		}
		p.filters = append(p.filters, unscored{term(index.FieldKind, k)})
	}
	if q.cites != "" {
		p.filters = append(p.filters, keyword(index.FieldRefs, q.cites))
	}
	if len(q.Under) > 0 && q.Targets {
		return fmt.Errorf("%w: --under restricts documents, not --targets", ErrBadQuery)
	}
	if len(q.Under) > 0 {
		var ds []query.Query
		for _, u := range q.Under {
			d, err := filepath.Abs(u)
			if err != nil {
				return fmt.Errorf("%w: --under %q: %v", ErrBadQuery, u, err)
			}
			// A folder: the documents under it; a file: that file.
			ds = append(ds, term(index.FieldDir, d), keyword(index.FieldPath, d))
			if c := filepath.Clean(u); c != d {
				// An index built from relative paths keeps them so.
				ds = append(ds, term(index.FieldDir, c), keyword(index.FieldPath, c))
			}
		}
		p.filters = append(p.filters, query.NewDisjunctionQuery(ds))
	}
	if q.Issuer != "" {
		p.filters = append(p.filters, issuerQuery(q.Issuer))
	}
	if q.Number != "" {
		if q.Targets {
			p.filters = append(p.filters, query.NewDisjunctionQuery([]query.Query{keyword(index.FieldNumber, q.Number), keyword(index.FieldSourceNumber, q.Number)}))
		} else {
			p.filters = append(p.filters, keyword(index.FieldNumber, q.Number))
		}
	}
	if q.MinConfidence < 0 || q.MinConfidence > 1 {
		return fmt.Errorf("%w: --min-confidence %g is not between 0 and 1", ErrBadQuery, q.MinConfidence)
	}
	if q.MinConfidence > 0 {
		if !q.Targets {
			return fmt.Errorf("%w: --min-confidence filters targets: add --targets", ErrBadQuery)
		}
		t := true
		c := query.NewNumericRangeInclusiveQuery(&q.MinConfidence, nil, &t, nil)
		c.SetField(index.FieldConfidence)
		p.filters = append(p.filters, c)
	}
	var from, to time.Time
	if q.From != "" {
		t, ok := ParseUserDate(q.From, false)
		if !ok {
			return fmt.Errorf("%w: --from %q is not a date (YYYY, YYYY-MM, YYYY-MM-DD or D/M/YYYY)", ErrBadQuery, q.From)
		}
		from = t
	}
	if q.To != "" {
		t, ok := ParseUserDate(q.To, true)
		if !ok {
			return fmt.Errorf("%w: --to %q is not a date (YYYY, YYYY-MM, YYYY-MM-DD or D/M/YYYY)", ErrBadQuery, q.To)
		}
		to = t
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return fmt.Errorf("%w: --to %s is before --from %s", ErrBadQuery, q.To, q.From)
	}
	if from.IsZero() && to.IsZero() {
		return nil
	}
	if q.Targets {
		p.filters = append(p.filters, periodOverlap(from, to))
		return nil
	}
	t := true
	var fp, tp *bool
	if !from.IsZero() {
		fp = &t
	}
	if !to.IsZero() {
		tp = &t
	}
	p.filters = append(p.filters, unscored{dateSpan(from, to, fp, tp)})
	return nil
}

// dateSpan matches documents dated from from to to (either may be zero:
// unbounded). Whole years are their terms of the year field, a few terms
// where Bleve's date range reads one for every date (or group of dates)
// in the span, and builds it again for every query it runs.
func dateSpan(from, to time.Time, fp, tp *bool) query.Query {
	if !from.IsZero() && !to.IsZero() && from.Equal(time.Date(from.Year(), 1, 1, 0, 0, 0, 0, time.UTC)) &&
		to.Equal(time.Date(to.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Millisecond)) && to.Year()-from.Year() < 100 {
		var ys []query.Query
		for y := from.Year(); y <= to.Year(); y++ {
			ys = append(ys, term(index.FieldYear, strconv.Itoa(y)))
		}
		return query.NewDisjunctionQuery(ys)
	}
	dq := query.NewDateRangeInclusiveQuery(from, to, fp, tp)
	dq.SetField(index.FieldDate)
	return dq
}

// fieldBoost is one field a text clause searches.
type fieldBoost struct {
	field, analyzer string
	boost           float64
}

func (p *planner) textFields() []fieldBoost {
	if p.targets {
		return []fieldBoost{
			{index.FieldSubjectFold, index.AnalyzerFold, boostTitleFold},
			{index.FieldSubject, index.AnalyzerExact, boostTitle},
			{index.FieldTargetTextF, index.AnalyzerFold, boostFold},
			{index.FieldTargetText, index.AnalyzerExact, boostExact},
		}
	}
	return []fieldBoost{
		{index.FieldBodyFold, index.AnalyzerFold, boostFold},
		{index.FieldBody, index.AnalyzerExact, boostExact},
		{index.FieldTitleFold, index.AnalyzerFold, boostTitleFold},
		{index.FieldTitle, index.AnalyzerExact, boostTitle},
	}
}

func (p *planner) foldField() string {
	if p.targets {
		return index.FieldTargetTextF
	}
	return index.FieldBodyFold
}

func (p *planner) phraseFields() []string {
	if p.targets {
		return []string{index.FieldSubjectFold, index.FieldTargetTextF}
	}
	return []string{index.FieldBodyFold, index.FieldTitleFold}
}

// text is the clause for words the user typed: every text field, folded
// and exact; syllable pairs; the document number; abbreviations expanded.
func (p *planner) text(t string, boost float64) query.Query {
	ds := []query.Query{p.textIn(t, p.textFields())}
	terms, _ := index.Analyze(index.AnalyzerFold, t)
	if len(terms) >= 2 && !p.targets {
		pt := t
		if p.pairs != "" {
			pt = p.pairs
		}
		ds = append(ds, match(index.FieldBodyShingle, index.AnalyzerShingle, pt, boostShingle))
		if hasDiacritics(pt) {
			// Pairs as typed, diacritics and all, above pairs folded.
			ds = append(ds, match(index.FieldBodyExactShingle, index.AnalyzerExactShingle, pt, boostShingle))
		}
	}
	if len(terms) >= 2 && !p.targets && !p.required {
		// Documents that hold every word rank above those that hold some.
		all := query.NewMatchQuery(t)
		all.SetField(index.FieldBodyFold)
		all.Analyzer = index.AnalyzerFold
		all.SetOperator(query.MatchQueryOperatorAnd)
		all.SetBoost(boostAllWords)
		ds = append(ds, all)
	}
	if len(terms) >= 2 && !p.targets {
		// Titles are short: the words as a phrase there cost little.
		ds = append(ds, phraseQ(index.FieldTitleFold, t, boostPhrase))
	}
	if len(terms) >= 2 && p.targets {
		// Target texts are short: a phrase costs little there. (Documents
		// get syllable pairs instead, above: phrase queries over whole
		// bodies are what makes broad queries slow.)
		for _, f := range p.phraseFields() {
			ds = append(ds, phraseQ(f, t, boostPhrase))
		}
	}
	for _, w := range strings.Fields(t) {
		w = strings.Trim(w, ".,;:()[]")
		if !IsNumber(w) {
			continue
		}
		ds = append(ds, boosted(keyword(index.FieldNumber, w), boostNumber))
		if p.targets {
			ds = append(ds, boosted(keyword(index.FieldSourceNumber, w), boostNumber))
		} else {
			ds = append(ds, boosted(keyword(index.FieldRefs, w), boostRef))
		}
	}
	for _, e := range p.s.abbrev.expand(t) {
		for _, a := range e.also {
			ds = append(ds, p.expansion(a))
		}
	}
	// "nghị quyết về đất đai": the type name asks for that kind first.
	for _, k := range kindsNamed(terms) {
		ds = append(ds, boosted(term(index.FieldKind, k), boostKind))
	}
	d := query.NewDisjunctionQuery(ds)
	d.SetBoost(boost)
	return d
}

// textIn matches t in the given fields. The exact fields only rank
// diacritics typed right above others, so they are skipped when t has no
// diacritics at all.
func (p *planner) textIn(t string, fields []fieldBoost) query.Query {
	p.mark(t)
	plain := !hasDiacritics(t)
	ds := make([]query.Query, 0, len(fields))
	for _, f := range fields {
		if plain && f.analyzer == index.AnalyzerExact && len(fields) > 1 {
			continue
		}
		ds = append(ds, match(f.field, f.analyzer, t, f.boost))
	}
	return query.NewDisjunctionQuery(ds)
}

// hasDiacritics reports whether s has a letter that folding changes
// (a tone mark, ă â ê ô ơ ư or đ).
func hasDiacritics(s string) bool {
	return index.FoldTerm(s) != strings.ToLower(s)
}

// expansion searches a folded abbreviation or expansion: as a phrase when
// it has several syllables, else as a word.
func (p *planner) expansion(a string) query.Query {
	p.markPhrase(a)
	var ds []query.Query
	for _, f := range p.phraseFields() {
		if strings.Contains(a, " ") {
			ds = append(ds, phraseQ(f, a, boostExpansion))
		} else {
			ds = append(ds, match(f, index.AnalyzerFold, a, boostExpansion))
		}
	}
	return query.NewDisjunctionQuery(ds)
}

// phrase is the clause for a quoted phrase: the phrase in the folded
// fields, ranked higher where the exact words match too, and its
// abbreviations expanded.
func (p *planner) phrase(t string) query.Query {
	p.markPhrase(t)
	var ds []query.Query
	for _, f := range p.phraseFields() {
		ds = append(ds, phraseQ(f, t, boostPhrase))
	}
	for _, e := range p.s.abbrev.expand(t) {
		// The whole phrase is an abbreviation or its expansion.
		if e.found == foldPhrase(t) {
			for _, a := range e.also {
				ds = append(ds, p.expansion(a))
			}
		}
	}
	phr := query.NewDisjunctionQuery(ds)
	exactFields := []fieldBoost{{index.FieldBody, index.AnalyzerExact, boostExact}, {index.FieldTitle, index.AnalyzerExact, boostTitle}}
	if p.targets {
		exactFields = []fieldBoost{{index.FieldSubject, index.AnalyzerExact, boostTitle}, {index.FieldTargetText, index.AnalyzerExact, boostExact}}
	}
	var ex []query.Query
	for _, f := range exactFields {
		m := query.NewMatchQuery(t)
		m.SetField(f.field)
		m.Analyzer = f.analyzer
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(f.boost)
		ex = append(ex, m)
	}
	// The phrase must match; the exact words only add to the score.
	bq := query.NewBooleanQuery([]query.Query{phr}, ex, nil)
	return bq
}

// phraseIn is a quoted phrase in one folded field.
func (p *planner) phraseIn(t, field string) query.Query {
	p.markPhrase(t)
	return phraseQ(field, t, 1)
}

// fuzzy matches a folded term with edit distance n.
func (p *planner) fuzzy(t string, n int) query.Query {
	f := index.FoldTerm(t)
	p.hl.terms[f] = true
	q := query.NewFuzzyQuery(f)
	q.SetFuzziness(min(n, 2))
	q.SetField(p.foldField())
	return q
}

// wildcard folds the literal parts of a wildcard pattern by hand: Bleve
// does not analyze wildcard terms.
func (p *planner) wildcard(w, field string) query.Query {
	var b strings.Builder
	lit := ""
	flush := func() {
		if lit != "" {
			b.WriteString(index.FoldTerm(lit))
			lit = ""
		}
	}
	for _, r := range w {
		if r == '*' || r == '?' {
			flush()
			b.WriteRune(r)
			continue
		}
		lit += string(r)
	}
	flush()
	q := query.NewWildcardQuery(b.String())
	f := p.foldField()
	if c, ok := canonicalField(field); ok && c == "title" {
		f = index.FieldTitleFold
	}
	q.SetField(f)
	return q
}

// mark adds the folded terms of t to the words highlighted in snippets.
func (p *planner) mark(t string) {
	terms, _ := index.Analyze(index.AnalyzerFold, t)
	for _, x := range terms {
		p.hl.terms[x] = true
	}
}

// markPhrase highlights t in snippets only where its words follow each
// other.
func (p *planner) markPhrase(t string) {
	terms, _ := index.Analyze(index.AnalyzerFold, t)
	switch len(terms) {
	case 0:
	case 1:
		p.hl.terms[terms[0]] = true
	default:
		p.hl.phrases = append(p.hl.phrases, terms)
	}
}

func match(field, analyzer, t string, boost float64) query.Query {
	m := query.NewMatchQuery(t)
	m.SetField(field)
	m.Analyzer = analyzer
	m.SetBoost(boost)
	return m
}

// phraseQ matches t as a phrase in a folded field. In the body, whose
// postings are long, the syllable pairs do the work: a two-word phrase is
// one pair of the shingle field (the same documents: pairs are made of the
// same tokens, across punctuation as phrase positions are), and a longer one
// is checked only in documents that hold all its pairs.
func phraseQ(field, t string, boost float64) query.Query {
	if field == index.FieldBodyFold {
		terms, _ := index.Analyze(index.AnalyzerFold, t)
		switch {
		case len(terms) == 2:
			return match(index.FieldBodyShingle, index.AnalyzerShingle, t, boost)
		case len(terms) > 2:
			pairs := query.NewMatchQuery(t)
			pairs.SetField(index.FieldBodyShingle)
			pairs.Analyzer = index.AnalyzerShingle
			pairs.SetOperator(query.MatchQueryOperatorAnd)
			pairs.SetBoost(boostRequire)
			if pp := newPairPhrase([]query.Query{pairs}, field, t, boost); pp != nil {
				return pp
			}
			return query.NewConjunctionQuery([]query.Query{pairs, phraseOnly(field, t, boost)})
		}
	}
	if field == index.FieldTitleFold {
		// The positions are read only in the titles that hold every pair,
		// which add nothing to the score: it is the phrase's, as before.
		pairs := query.NewMatchQuery(t)
		pairs.SetField(index.FieldTitleShingle)
		pairs.Analyzer = index.AnalyzerShingle
		pairs.SetOperator(query.MatchQueryOperatorAnd)
		if pp := newPairPhrase([]query.Query{unscored{pairs}}, field, t, boost); pp != nil {
			return pp
		}
	}
	return phraseOnly(field, t, boost)
}

// phraseOnly is a Bleve phrase query over a folded field.
func phraseOnly(field, t string, boost float64) query.Query {
	m := query.NewMatchPhraseQuery(t)
	m.SetField(field)
	m.Analyzer = index.AnalyzerFold
	m.SetBoost(boost)
	return m
}

// term is an exact term query.
func term(field, t string) query.Query {
	q := query.NewTermQuery(t)
	q.SetField(field)
	return q
}

// keyword matches a whole keyword field value, folded.
func keyword(field, v string) query.Query {
	return term(field, index.FoldTerm(strings.Join(strings.Fields(v), " ")))
}

func boosted(q query.Query, b float64) query.Query {
	if bq, ok := q.(query.BoostableQuery); ok {
		bq.SetBoost(b)
	}
	return q
}

// issuerQuery matches issuers that contain every word of v.
func issuerQuery(v string) query.Query {
	m := query.NewMatchQuery(v)
	m.SetField(index.FieldIssuerFold)
	m.Analyzer = index.AnalyzerFold
	m.SetOperator(query.MatchQueryOperatorAnd)
	return m
}

// kindsNamed returns the kinds whose full Vietnamese names (two syllables
// or more: "nghị quyết", not "nq"; extract's data/types.tsv) occur in the
// folded terms.
func kindsNamed(terms []string) []string {
	var out []string
	seen := map[string]bool{}
	for i := range terms {
		for n := 4; n >= 2; n-- {
			if i+n > len(terms) {
				continue
			}
			if k, ok := extract.KindOfName(strings.Join(terms[i:i+n], " ")); ok && !seen[k] {
				seen[k] = true
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// KindCode returns the kind that a user's --kind value names: a kind of
// the record contract as is, or a Vietnamese type name or code of
// extract's data/types.tsv ("nghị quyết", "nghi quyet", "quy định", "NQ").
func KindCode(v string) string {
	k, _ := kindCode(v)
	return k
}

// kindCode is KindCode, and whether v names a kind at all.
func kindCode(v string) (string, bool) {
	if k, ok := extract.KindOfName(foldPhrase(v)); ok {
		return k, true
	}
	k := strings.ToLower(strings.TrimSpace(v))
	for _, x := range extract.Kinds() {
		if x == k {
			return k, true
		}
	}
	return k, false
}

// checkKind returns the kind v names, or a bad-query error naming v and
// listing the valid kinds.
func checkKind(what, v string) (string, error) {
	k, ok := kindCode(v)
	if !ok {
		return "", fmt.Errorf("%w: %s%q is no kind; valid: %s (or a Vietnamese type name or code: nghị quyết, NQ, quyết định, QĐ, …)",
			ErrBadQuery, what, v, strings.Join(extract.Kinds(), ", "))
	}
	return k, nil
}

// userDateRE matches D/M/YYYY, D-M-YYYY, D.M.YYYY and M/YYYY.
var userDateRE = lazyregexp.New(`^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})$`)

// ParseUserDate parses a date as users write it: ISO at any grain (2020,
// 2020-05, 2020-05-17) or Vietnamese day-first (17/5/2020, 5/2020). With
// end set, it gives the last instant of the grain.
func ParseUserDate(s string, end bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, ok := index.ParseDate(s, end); ok {
		return t, true
	}
	m := userDateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	iso := m[3] + "-" + pad2(m[2])
	if m[1] != "" {
		iso += "-" + pad2(m[1])
	}
	return index.ParseDate(iso, end)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
