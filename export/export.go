package export

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanban/extract"
	"vanban/index"
)

// MemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit)
// that vanban export sets unless $GOMEMLIMIT is set: the rows stream, so
// the live heap stays small, and the limit keeps the garbage collector from
// letting the heap grow to twice that while 200,000 rows go by.
const MemoryLimit = 160 << 20

// Writer receives the sheets of an export, one after another. XLSX and CSV
// implement it.
type Writer interface {
	// BeginSheet starts sheet s and writes its header row; the sheet
	// before it, if any, is finished.
	BeginSheet(s Sheet) error
	// WriteRow writes one row of the current sheet: one value per column,
	// each nil (an empty cell), a string, a float64, an int, a Date or a
	// Link.
	WriteRow(cells []any) error
	// Close finishes the last sheet and flushes the output. It does not
	// close the underlying io.Writer.
	Close() error
}

// Options are the settings of an export.
type Options struct {
	// Lang is the language of headers and labels (default Vietnamese).
	Lang Lang
	// Sheets are the sheets to write, in this order (default AllSheets).
	Sheets []Sheet
	// Progress, when set, is called every 10,000 rows with the rows
	// written so far, and with done set at the end of each sheet.
	Progress func(s Sheet, rows int, done bool)
	// MinConfidence leaves out of the targets sheet the targets whose
	// confidence is below it (0 keeps all).
	MinConfidence float64
	// Groups, when set, makes the copies of one text (index.NearGroups)
	// one document: its group's primary (index.Groups.Primary) stands for
	// it in every sheet, and the documents sheet lists the paths of all
	// copies with its other paths. Nil exports every document apart.
	Groups *index.Groups
}

func (o Options) lang() Lang {
	if o.Lang == English {
		return English
	}
	return Vietnamese
}

func (o Options) sheets() []Sheet {
	if len(o.Sheets) == 0 {
		return AllSheets
	}
	return o.Sheets
}

// Stats counts the rows written per sheet (headers not counted).
type Stats map[Sheet]int

// Export writes the sheets of opts of the selected records of ix (all of
// them for a nil sel) to w, and closes w. It returns the rows written per
// sheet.
func Export(ctx context.Context, ix *index.Index, sel *index.Selection, w Writer, opts Options) (Stats, error) {
	e := &exporter{ix: ix, sel: sel, w: w, lang: opts.lang(), progress: opts.Progress, stats: Stats{}, minConfidence: opts.MinConfidence, groups: opts.Groups}
	for _, s := range opts.sheets() {
		if err := w.BeginSheet(s); err != nil {
			return e.stats, fmt.Errorf("sheet %s: %w", s.Name(e.lang), err)
		}
		var err error
		switch s {
		case SheetTargets:
			err = e.targets(ctx)
		case SheetDocuments:
			err = e.documents(ctx)
		case SheetResolutions:
			err = e.resolutions(ctx)
		case SheetDates:
			err = e.dates(ctx)
		default:
			err = fmt.Errorf("unknown sheet %d", s)
		}
		if err != nil {
			return e.stats, fmt.Errorf("sheet %s: %w", s.Name(e.lang), err)
		}
		if e.progress != nil {
			e.progress(s, e.stats[s], true)
		}
	}
	if err := w.Close(); err != nil {
		return e.stats, err // the writer says what it was writing
	}
	return e.stats, nil
}

// exporter writes the sheets of one export.
type exporter struct {
	ix       *index.Index
	sel      *index.Selection
	w        Writer
	lang     Lang
	progress func(Sheet, int, bool)
	stats    Stats
	// minConfidence is Options.MinConfidence.
	minConfidence float64
	groups        *index.Groups // Options.Groups
	row           []any
}

// records calls fn with each selected record, in document order, leaving
// out the copies whose group's primary stands for them.
func (e *exporter) records(ctx context.Context, fn func(extract.Record) error) error {
	return e.ix.Records(ctx, e.sel, func(rec extract.Record) error {
		if e.groups.Primary(rec.SHA256) != rec.SHA256 {
			return nil
		}
		return fn(rec)
	})
}

// put writes one row of sheet s.
func (e *exporter) put(s Sheet, row []any) error {
	if err := e.w.WriteRow(row); err != nil {
		return err
	}
	e.stats[s]++
	if e.progress != nil && e.stats[s]%10000 == 0 {
		e.progress(s, e.stats[s], false)
	}
	return nil
}

// text is a text cell: nil when empty.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// date is a date cell: nil when empty.
func date(iso string, end bool) any {
	if iso == "" {
		return nil
	}
	return Date{ISO: iso, End: end}
}

// link is a file cell: nil when there is no path.
func link(p string) any {
	if p == "" {
		return nil
	}
	return Link{Path: p}
}

// positive is an int cell: nil unless n > 0.
func positive(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

func (e *exporter) reset(n int) []any {
	if cap(e.row) < n {
		e.row = make([]any, n)
	}
	e.row = e.row[:n]
	clear(e.row)
	return e.row
}

// targets writes one row per selected target. The first data row is 2.
func (e *exporter) targets(ctx context.Context) error {
	const first = 2
	next := first
	rows := map[int]int{} // target index → sheet row, per document
	var order []int
	return e.records(ctx, func(rec extract.Record) error {
		clear(rows)
		order = inTextOrder(order[:0], len(rec.Targets), func(i int) int { return rec.Targets[i].Page }, nil)
		for _, i := range order {
			if e.sel.HasTarget(rec.SHA256, i) && rec.Targets[i].Confidence >= e.minConfidence {
				rows[i] = next
				next++
			}
		}
		for _, i := range order {
			if _, ok := rows[i]; !ok {
				continue
			}
			t := rec.Targets[i]
			r := e.reset(len(targetColumns))
			r[0] = text(string(rec.Title))
			r[1] = text(string(rec.Number))
			r[2] = text(kindLabel(rec.Kind, e.lang))
			r[3] = text(string(rec.Issuer))
			r[4] = date(string(rec.Issued), false)
			r[5] = text(string(t.SourceNumber))
			r[6] = text(t.Subject)
			r[7] = text(string(t.SubjectExpanded))
			r[8] = text(t.Indicator)
			r[9] = text(comparatorLabel(t.Comparator, e.lang))
			r[10] = t.Value
			if t.ValueMax != nil {
				r[11] = *t.ValueMax
			}
			r[12] = text(t.Unit)
			if t.Confidence > 0 {
				r[13] = math.Round(t.Confidence*100) / 100
			}
			if t.Period != nil {
				r[14] = date(t.Period.Start, false)
				r[15] = date(t.Period.End, true)
			}
			r[16] = date(string(t.Deadline), true)
			if t.Parent != nil {
				if pr, ok := rows[*t.Parent]; ok {
					r[17] = pr
				}
			}
			r[18] = text(WithoutListMarker(t.Sentence))
			r[19] = link(rec.Path)
			if rec.Pages != nil {
				r[20] = positive(t.Page)
			}
			if err := e.put(SheetTargets, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// documents writes one row per selected document.
func (e *exporter) documents(ctx context.Context) error {
	return e.records(ctx, func(rec extract.Record) error {
		var paths []string
		for _, m := range e.groups.Members(rec.SHA256) {
			ps, err := e.ix.Paths(m)
			if err != nil {
				return err
			}
			paths = append(paths, ps...)
		}
		var others []string
		for _, p := range paths {
			if p != rec.Path {
				others = append(others, p)
			}
		}
		r := e.reset(len(documentColumns))
		r[0] = link(rec.Path)
		r[1] = text(string(rec.Title))
		r[2] = text(string(rec.Number))
		r[3] = text(kindLabel(rec.Kind, e.lang))
		r[4] = text(string(rec.Issuer))
		r[5] = date(string(rec.Issued), false)
		r[6] = date(string(rec.Published), false)
		r[7] = text(strings.Join(rec.Authors, "; "))
		r[8] = text(rec.Format)
		r[9] = text(string(rec.Encoding))
		if rec.Pages != nil {
			r[10] = *rec.Pages
		}
		r[11] = len(rec.Targets)
		r[12] = len(rec.Dates)
		r[13] = len(rec.References)
		r[14] = text(strings.Join(others, "\n"))
		r[15] = text(strings.Join(rec.Warnings, "\n"))
		r[16] = text(string(rec.Error))
		r[17] = text(rec.SHA256)
		return e.put(SheetDocuments, r)
	})
}

// resolutions writes the resolution registry: with a selection, the
// resolutions that are selected documents or that selected documents
// cite, with those citations only.
func (e *exporter) resolutions(ctx context.Context) error {
	rs, err := e.ix.Resolutions(ctx, e.sel, e.groups)
	if err != nil {
		return err
	}
	for _, res := range rs {
		if err := ctx.Err(); err != nil {
			return err
		}
		cites := res.CitedBy
		var lines []string
		for _, c := range cites {
			lines = append(lines, citationLine(c))
		}
		r := e.reset(len(resolutionColumns))
		r[0] = text(res.Number)
		r[1] = date(res.Issued, false)
		r[2] = text(res.Title)
		r[3] = text(res.Issuer)
		if len(res.Paths) > 0 {
			r[4] = link(res.Paths[0])
		}
		r[5] = len(cites)
		r[6] = text(strings.Join(lines, "\n"))
		if err := e.put(SheetResolutions, r); err != nil {
			return err
		}
	}
	return nil
}

// citationLine describes a citing document on one line: its number and
// date, its title and its path.
func citationLine(c index.Citation) string {
	var b strings.Builder
	if c.Number != "" {
		b.WriteString(c.Number)
		if c.Issued != "" {
			b.WriteString(" (" + c.Issued + ")")
		}
		b.WriteString(" — ")
	}
	if c.Title != "" {
		b.WriteString(strings.Join(strings.Fields(c.Title), " "))
		b.WriteString(" — ")
	}
	b.WriteString(c.Path)
	return b.String()
}

// dates writes one row per date mention of the selected documents, with
// the text around it.
func (e *exporter) dates(ctx context.Context) error {
	return e.records(ctx, func(rec extract.Record) error {
		if len(rec.Dates) == 0 {
			return nil
		}
		body, err := e.ix.Text(ctx, rec.SHA256)
		if err != nil {
			return err
		}
		order := inTextOrder(nil, len(rec.Dates), func(i int) int { return rec.Dates[i].Page }, func(i int) int { return rec.Dates[i].Offset })
		for _, i := range order {
			d := rec.Dates[i]
			r := e.reset(len(dateColumns))
			r[0] = text(string(rec.Title))
			r[1] = text(string(rec.Number))
			r[2] = text(d.Text)
			r[3] = date(d.Start, false)
			r[4] = date(d.End, true)
			r[5] = text(grainLabel(d.Grain, e.lang))
			r[6] = text(Context(body, d.Text, d.Offset, contextBytes))
			r[7] = link(rec.Path)
			if rec.Pages != nil {
				r[8] = positive(d.Page)
			}
			if err := e.put(SheetDates, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// inTextOrder returns the indexes 0…n-1 (appended to buf) in the order
// their items stand in the document: by page, then by byte offset when
// offset is given, and in the record's order otherwise.
func inTextOrder(buf []int, n int, page, offset func(i int) int) []int {
	for i := range n {
		buf = append(buf, i)
	}
	sort.SliceStable(buf, func(a, b int) bool {
		i, j := buf[a], buf[b]
		if pi, pj := page(i), page(j); pi != pj {
			return pi < pj
		}
		return offset != nil && offset(i) < offset(j)
	})
	return buf
}

// contextBytes is about how much text Context keeps on each side.
const contextBytes = 120

// Context returns the text around a mention of m at byte offset off of
// body: about n bytes on each side, cut at word boundaries, with an
// ellipsis where cut and white space collapsed, always valid UTF-8. When
// m is not at off, the mention nearest to off is used; "" when body does
// not hold m.
func Context(body, m string, off, n int) string {
	if m == "" || body == "" {
		return ""
	}
	if off < 0 || off+len(m) > len(body) || body[off:off+len(m)] != m {
		off = nearest(body, m, off)
		if off < 0 {
			return ""
		}
	}
	start := max(off-n, 0)
	end := min(off+len(m)+n, len(body))
	for start < off && !utf8.RuneStart(body[start]) {
		start++
	}
	for end > off+len(m) && end < len(body) && !utf8.RuneStart(body[end]) {
		end--
	}
	// Cut at white space, unless the word runs into the mention.
	if start > 0 {
		if i := strings.IndexFunc(body[start:off], unicode.IsSpace); i >= 0 {
			start += i
		}
	}
	if end < len(body) {
		if i := strings.LastIndexFunc(body[off+len(m):end], unicode.IsSpace); i >= 0 {
			end = off + len(m) + i
		}
	}
	s := strings.ToValidUTF8(strings.Join(strings.Fields(body[start:end]), " "), "\uFFFD")
	if start > 0 {
		s = "…" + s
	}
	if end < len(body) {
		s += "…"
	}
	return s
}

// nearest returns the byte offset of the mention of m nearest to off, or
// -1.
func nearest(body, m string, off int) int {
	best := -1
	for i := 0; i < len(body); {
		j := strings.Index(body[i:], m)
		if j < 0 {
			break
		}
		at := i + j
		if best < 0 || abs(at-off) < abs(best-off) {
			best = at
		}
		if at > off {
			break
		}
		i = at + 1
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
