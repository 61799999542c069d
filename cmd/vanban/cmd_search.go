package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/term"

	"vanban/extract"
	"vanban/index"
	"vanban/search"
)

var searchUsage = `usage: vanban search [--index DIR] [flags] QUERY

Searches the index. QUERY is a Bleve query string: words (with or without
diacritics, either tone placement, abbreviations or their expansions),
"phrases", +must, -not, field:value (kind, number, issuer, format, path,
year, title, body, subject, unit), issued:>="2020-01-01", year:>=2019,
value:>=90, wildcards (chuyển đổ*) and fuzzy words (đảng~1). Field filters
always restrict the results.

Each hit shows its title, kind, number, date, path (and page for PDFs) and
one or two snippets with the matched words marked. --targets lists target
records instead, each with its confidence (0–1: how often targets given
that confidence were right on held-out documents); --min-confidence X
keeps those at X or above. --json prints one JSON object per hit.

Copies of one text (the same text as PDF, DOCX, HTML or in a legacy
encoding, or a re-post under another header: documents whose words are
nearly all the same) are one hit, at the rank of the best of them, listing
every file; the total and --offset/--limit count such hits. --all-copies
lists each document apart. With --targets, only the targets of one copy of
each text are searched (the copy in the most faithful format: text, then
DOCX/DOC/RTF, PDF, spreadsheets, HTML); --all-copies searches them all.

Examples:

  vanban search trong sach vung manh
  vanban search --kind "nghị quyết" --from 2020 --sort date "chuyển đổi số"
  vanban search --targets --min-confidence 0.8 --json --limit 50 TCCSĐ

` + exitStatusHelp("hits found",
	"no hit, or the index cannot be opened",
	"usage error or bad query") + `Flags:
`

// searchOptions are the flags of "vanban search".
type searchOptions struct {
	index string
	q     search.Query
	sort  string
	json  bool
	color string
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o searchOptions
	fs := newFlagSet("search", searchUsage, stderr)
	indexFlag(fs, &o.index)
	filterFlags(fs, &o.q)
	fs.Var((*stringList)(&o.q.Under), "under", "only files under this folder (relative or absolute; repeat for several)")
	fs.StringVar(&o.sort, "sort", "score", "order of hits: score or date (newest first)")
	fs.IntVar(&o.q.Limit, "limit", 10, "hits to show")
	fs.IntVar(&o.q.Offset, "offset", 0, "hits to skip")
	fs.BoolVar(&o.q.Facets, "facets", false, "count hits by kind, year and issuer")
	fs.BoolVar(&o.json, "json", false, "print one JSON object per hit")
	fs.StringVar(&o.color, "color", "auto", "mark matches with colour: auto, always or never")
	words, err := parseFlags(fs, args, stdout)
	if err != nil {
		return helpOr(err)
	}
	o.q.Text = strings.Join(words, " ")
	switch o.sort {
	case "score":
	case "date":
		o.q.SortByDate = true
	default:
		return usageErrorf("search: --sort must be score or date, not %q", o.sort)
	}
	if o.q.Limit < 1 {
		return usageErrorf("search: --limit must be at least 1")
	}
	if o.q.Offset < 0 {
		return usageErrorf("search: --offset must not be negative")
	}
	if !selects(o.q) {
		return fs.usageError("no QUERY given")
	}
	if o.color != "auto" && o.color != "always" && o.color != "never" {
		return usageErrorf("search: --color must be auto, always or never")
	}

	defer oneQueryGC()()
	ix, err := index.OpenReadOnly(resolveIndexDir(o.index))
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer ix.Close()
	ix.KeepMapped() // one query: pages handed back would only be read again
	res, err := search.Search(ctx, ix, o.q)
	if err != nil {
		if errors.Is(err, search.ErrBadQuery) {
			return usageErrorf("search: %v", err)
		}
		return fmt.Errorf("search: %w", err)
	}
	if res.NumberMissing != "" {
		switch {
		case res.CitedBy:
			fmt.Fprintf(stderr, "vanban: the archive holds no document numbered %s; documents that cite it:\n", res.NumberMissing)
		case len(res.Similar) > 0:
			fmt.Fprintf(stderr, "vanban: the archive holds no document numbered %s, and none cites it; close numbers: %s\n", res.NumberMissing, strings.Join(res.Similar, ", "))
		default:
			fmt.Fprintf(stderr, "vanban: the archive holds no document numbered %s, and none cites it\n", res.NumberMissing)
		}
		if len(res.Hits) == 0 {
			return quietError{exitFailed}
		}
	}
	if len(res.Hits) == 0 {
		what := "document"
		if o.q.Targets {
			what = "target"
		}
		if res.Total > 0 {
			fmt.Fprintf(stderr, "vanban: no more %ss: %d in all, --offset %d skips them\n", what, res.Total, o.q.Offset)
		} else {
			fmt.Fprintf(stderr, "vanban: no %s matches %s\n", what, describeQuery(o.q))
		}
		return quietError{exitFailed}
	}
	if res.AnyWords {
		fmt.Fprintln(stderr, anyWordsNote)
	}
	if res.CopiesStale {
		fmt.Fprintln(stderr, staleCopiesNote)
	}
	if o.json {
		return printSearchJSON(stdout, o.q, res)
	}
	mark := markers{open: "[", close: "]"}
	if o.color == "always" || (o.color == "auto" && colorTerminal(stdout)) {
		mark = markers{open: "\x1b[1;33m", close: "\x1b[0m", bold: "\x1b[1m", dim: "\x1b[2m", reset: "\x1b[0m"}
	}
	printSearchText(stdout, o.q, res, mark)
	return nil
}

// staleCopiesNote is said when the copies of one text are found with
// near-duplicate groups that leave out what the last ingest added (it was
// interrupted, or still runs).
const staleCopiesNote = "vanban: copies of the files added by an unfinished ingest are not grouped yet, and may show as separate documents; an ingest that runs to its end groups them"

// anyWordsNote is said when no document holds every word of the query.
const anyWordsNote = "vanban: no document holds all the words; showing documents with some of them"

// stringList is a repeatable string flag.
type stringList []string

// String implements flag.Value.
func (l *stringList) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// describeQuery says what was asked, for the no-hit line.
func describeQuery(q search.Query) string {
	var parts []string
	if q.Text != "" {
		parts = append(parts, fmt.Sprintf("%q", q.Text))
	}
	for _, u := range q.Under {
		parts = append(parts, fmt.Sprintf("--under %q", u))
	}
	for _, f := range []struct{ name, v string }{{"kind", q.Kind}, {"issuer", q.Issuer}, {"number", q.Number}, {"from", q.From}, {"to", q.To}} {
		if f.v != "" {
			parts = append(parts, fmt.Sprintf("--%s %q", f.name, f.v))
		}
	}
	if len(parts) == 0 {
		return "(all)"
	}
	return strings.Join(parts, " ")
}

// colorTerminal reports whether w is a terminal that takes colour:
// NO_COLOR unset and TERM not dumb.
func colorTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

// markers are the strings that set off matches and headings.
type markers struct {
	open, close      string
	bold, dim, reset string
}

func printSearchText(w io.Writer, q search.Query, res *search.Result, m markers) {
	for i, h := range res.Hits {
		n := q.Offset + i + 1
		if h.Target != nil {
			printTargetText(w, n, h, m)
			continue
		}
		r := h.Record
		title := clip(string(r.Title), 160)
		if title == "" {
			title = "(không có tiêu đề)"
		}
		fmt.Fprintf(w, "%d. %s%s%s\n", n, m.bold, title, m.reset)
		meta := []string{r.Kind}
		if r.Number != "" {
			meta = append(meta, string(r.Number))
		}
		if r.Issued != "" {
			meta = append(meta, string(r.Issued))
		} else if r.Published != "" {
			meta = append(meta, string(r.Published))
		}
		if r.Issuer != "" {
			meta = append(meta, string(r.Issuer))
		}
		fmt.Fprintf(w, "   %s%s%s\n", m.dim, strings.Join(meta, " · "), m.reset)
		loc := h.Path
		if len(h.Snippets) > 0 && h.Snippets[0].Page > 0 {
			loc += fmt.Sprintf(" (tr. %d)", h.Snippets[0].Page)
		}
		if len(h.Paths) > 1 {
			loc += fmt.Sprintf(" (+%d bản sao)", len(h.Paths)-1)
		}
		fmt.Fprintf(w, "   %s\n", loc)
		for _, c := range h.Copies {
			for _, p := range c.Paths {
				fmt.Fprintf(w, "   %s= %s (%s)%s\n", m.dim, p, c.Format, m.reset)
			}
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   %s\n", s.Marked(m.open, m.close))
		}
		fmt.Fprintln(w)
	}
	what := "documents"
	if q.Targets {
		what = "targets"
	}
	fmt.Fprintf(w, "%d–%d of %d %s (%.0f ms)\n", q.Offset+1, q.Offset+len(res.Hits), res.Total, what, float64(res.Took.Microseconds())/1000)
	if res.Facets != nil {
		for _, name := range []string{"kind", "year", "issuer"} {
			var parts []string
			for _, f := range res.Facets[name] {
				parts = append(parts, fmt.Sprintf("%s %d", f.Value, f.Count))
			}
			if len(parts) > 0 {
				fmt.Fprintf(w, "%s: %s\n", name, strings.Join(parts, " · "))
			}
		}
	}
}

func printTargetText(w io.Writer, n int, h search.Hit, m markers) {
	t := h.Target
	val := formatValue(t.Value)
	if t.ValueMax != nil {
		val += "–" + formatValue(*t.ValueMax)
	}
	head := strings.Join(strings.Fields(strings.Join([]string{comparatorWords(t.Comparator), val, t.Unit}, " ")), " ")
	fmt.Fprintf(w, "%d. %s%s%s — %s\n", n, m.bold, head, m.reset, t.Subject)
	var meta []string
	if t.Indicator != "" {
		meta = append(meta, t.Indicator)
	}
	if t.Period != nil && (t.Period.Start != "" || t.Period.End != "") {
		meta = append(meta, periodLabel(*t.Period))
	}
	if t.Deadline != "" {
		meta = append(meta, "hạn "+string(t.Deadline))
	}
	src := string(t.SourceNumber)
	if src == "" {
		src = string(h.Record.Number)
	}
	if src != "" {
		meta = append(meta, "nguồn "+src)
	}
	if t.Confidence > 0 {
		meta = append(meta, fmt.Sprintf("độ tin cậy %.2f", t.Confidence))
	}
	if len(meta) > 0 {
		fmt.Fprintf(w, "   %s%s%s\n", m.dim, strings.Join(meta, " · "), m.reset)
	}
	loc := h.Path
	if t.Page > 0 && h.Record.Pages != nil {
		loc += fmt.Sprintf(" (tr. %d)", t.Page)
	}
	fmt.Fprintf(w, "   %s\n", loc)
	if t.Sentence != "" {
		fmt.Fprintf(w, "   %s\n", t.Sentence)
	}
	fmt.Fprintln(w)
}

func comparatorWords(c string) string {
	switch c {
	case ">=":
		return "≥"
	case "<=":
		return "≤"
	case "range", "=":
		return ""
	}
	return c
}

// periodLabel words a target's period: a span is a "giai đoạn" (period),
// an open start a horizon ("đến 2025"), a single year or date "năm 2025".
// ("thời hạn" would say deadline, which is the Deadline field.)
func periodLabel(p extract.Period) string {
	switch {
	case p.Start == p.End && len(p.Start) == 4:
		return "năm " + p.Start
	case p.Start == p.End:
		return "đến " + p.End
	case p.Start == "":
		return "đến " + p.End
	case p.End == "":
		return "từ " + p.Start
	}
	return "giai đoạn " + p.Start + "–" + p.End
}

// clip shortens s to about n runes, at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for i := n; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimSpace(string(r[:cut])) + "…"
}

func formatValue(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", v), "0"), ".")
}

// docHitJSON is one document hit of --json.
type docHitJSON struct {
	Path      string             `json:"path"`
	Paths     []string           `json:"paths"`
	SHA256    string             `json:"sha256"`
	Title     extract.NullString `json:"title"`
	Kind      string             `json:"kind"`
	Number    extract.NullString `json:"number"`
	Issuer    extract.NullString `json:"issuer"`
	Issued    extract.NullString `json:"issued"`
	Published extract.NullString `json:"published"`
	Format    string             `json:"format"`
	Page      *int               `json:"page"`
	Score     float64            `json:"score"`
	Snippets  []string           `json:"snippets"`
	Copies    []copyJSON         `json:"copies"`
}

// copyJSON is another document of a hit's group in --json.
type copyJSON struct {
	Path   string   `json:"path"`
	Paths  []string `json:"paths"`
	SHA256 string   `json:"sha256"`
	Format string   `json:"format"`
}

// targetHitJSON is one target hit of --json: the target's fields of the
// record contract, plus where it comes from.
type targetHitJSON struct {
	extract.Target
	Path           string             `json:"path"`
	SHA256         string             `json:"sha256"`
	DocumentTitle  extract.NullString `json:"document_title"`
	DocumentNumber extract.NullString `json:"document_number"`
	DocumentKind   string             `json:"document_kind"`
	Score          float64            `json:"score"`
}

func printSearchJSON(w io.Writer, q search.Query, res *search.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, h := range res.Hits {
		var v any
		if h.Target != nil {
			v = targetHitJSON{Target: *h.Target, Path: h.Path, SHA256: h.SHA256, DocumentTitle: h.Record.Title,
				DocumentNumber: h.Record.Number, DocumentKind: h.Record.Kind, Score: h.Score}
		} else {
			r := h.Record
			j := docHitJSON{Path: h.Path, Paths: h.Paths, SHA256: h.SHA256, Title: r.Title, Kind: r.Kind, Number: r.Number,
				Issuer: r.Issuer, Issued: r.Issued, Published: r.Published, Format: r.Format, Score: h.Score, Snippets: []string{},
				Copies: []copyJSON{}}
			for _, c := range h.Copies {
				j.Copies = append(j.Copies, copyJSON{Path: c.Paths[0], Paths: c.Paths, SHA256: c.SHA256, Format: c.Format})
			}
			if j.Paths == nil {
				j.Paths = []string{h.Path}
			}
			for _, s := range h.Snippets {
				j.Snippets = append(j.Snippets, s.Marked("[", "]"))
			}
			if len(h.Snippets) > 0 && h.Snippets[0].Page > 0 {
				p := h.Snippets[0].Page
				j.Page = &p
			}
			v = j
		}
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("search: write: %w", err)
		}
	}
	if res.Facets != nil {
		if err := enc.Encode(map[string]any{"total": res.Total, "facets": res.Facets}); err != nil {
			return fmt.Errorf("search: write: %w", err)
		}
	}
	return nil
}

// oneQueryGCPercent and oneQueryMemoryLimit are the garbage collector's
// settings for a process that answers one query and exits (search,
// resolutions), unless $GOGC or $GOMEMLIMIT set them. Such a process
// starts with a live heap of a few megabytes, so at the default GOGC of
// 100 the collector ran four times in a search of 533 documents and took
// 30% of its instructions; at 400 it runs once or not at all. The limit
// brings the default back before the heap grows past it, as a query over
// a large archive may hold tens of megabytes.
const (
	oneQueryGCPercent   = 400
	oneQueryMemoryLimit = 256 << 20
)

// oneQueryGC sets the collector for one query and returns the function
// that restores the settings it found.
func oneQueryGC() (restore func()) {
	gc, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		gc = debug.SetGCPercent(oneQueryGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(oneQueryMemoryLimit)
	}
	return func() {
		if gc != -2 {
			debug.SetGCPercent(gc)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
