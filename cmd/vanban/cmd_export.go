package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"vanban/export"
	"vanban/index"
	"vanban/search"
)

var exportUsage = `usage: vanban export [--index DIR] [--out FILE] [--format xlsx|csv|jsonl] [--sheet S] [--lang vi|en] [--force] [filters] [QUERY]

Exports the records of the index. xlsx writes one workbook with the sheets
Chỉ tiêu (one row per target), Văn bản (one row per document), Nghị quyết
(the resolution registry) and Mốc thời gian (one row per date mention):
typed numbers and dates, a bold frozen header, a filter on every sheet,
links to the files. csv writes one UTF-8 file per sheet, FILE-chitieu.csv,
FILE-vanban.csv, FILE-nghiquyet.csv, FILE-mocthoigian.csv (or only FILE
with --sheet). jsonl writes one record per document, as vanban extract
--json does. Rows follow the documents (by kind, issue date and number)
and, within a document, the order of the text.

The format is --format, else the suffix of --out (.xlsx, .csv, .jsonl);
a suffix that disagrees with --format, or an --out whose suffix names no
format, is a usage error. Without --out: vanban-export.xlsx (or .csv,
.jsonl).

QUERY and the filters select documents as vanban search does; with
--targets they select targets (and the documents that set them). Without
them everything is exported. --min-confidence X leaves out the targets
whose confidence is below X (the targets sheet's "Độ tin cậy" column;
sort by it to review the doubtful rows first).

Copies of one text (the same text as PDF, DOCX, HTML, in a legacy
encoding, or re-posted: see vanban search -h) are one document: one row,
from the copy in the most faithful format, with the other copies' files in
the documents sheet's "Bản sao khác" column. --all-copies exports every
file apart.

The file is written under a temporary name and renamed at the end; an
existing file is replaced only with --force. --out - writes to standard
output (jsonl, xlsx, or csv with --sheet).

Examples:

  vanban export --kind "nghị quyết" --from 2021 --out nghi-quyet.csv
  vanban export --targets --sheet chitieu --format csv --out - TCCSĐ
  vanban export --min-confidence 0.8 --out vanban.xlsx

` + exitStatusHelp("exported",
	"nothing matched (nothing is written), or the index cannot be opened",
	"usage error, bad query, or the output file exists (without --force)") + `Flags:
`

// exportOptions are the flags of "vanban export".
type exportOptions struct {
	index  string
	out    string
	format string
	sheet  string
	lang   string
	force  bool
	q      search.Query
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o exportOptions
	fs := newFlagSet("export", exportUsage, stderr)
	indexFlag(fs, &o.index)
	fs.StringVar(&o.out, "out", "", "output file (default vanban-export.xlsx, .csv or .jsonl); - for standard output")
	fs.StringVar(&o.format, "format", "", "xlsx, csv or jsonl (default: from the --out suffix, else xlsx)")
	fs.StringVar(&o.sheet, "sheet", "", "only this sheet: chitieu, vanban, nghiquyet, mocthoigian (or targets, documents, resolutions, dates)")
	fs.StringVar(&o.lang, "lang", "vi", "language of headers and labels: vi or en")
	fs.BoolVar(&o.force, "force", false, "overwrite existing files")
	filterFlags(fs, &o.q)
	words, err := parseFlags(fs, args, stdout)
	if err != nil {
		return helpOr(err)
	}
	o.q.Text = strings.Join(words, " ")
	plan, err := o.plan()
	if err != nil {
		return err
	}

	ix, err := index.OpenReadOnly(resolveIndexDir(o.index))
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer ix.Close()
	sel, groups, err := exportSelection(ctx, ix, o.q, stderr)
	if err != nil {
		return err
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(export.MemoryLimit)
	}
	plan.opts.Progress = exportProgress(stderr, plan.opts.Lang)
	plan.opts.Groups = groups
	return writeExport(ctx, ix, sel, o, plan, stdout, stderr)
}

// exportPlan is what the flags of "vanban export" ask to write.
type exportPlan struct {
	format string
	outs   []string // the files written: one per sheet for csv
	opts   export.Options
}

// plan checks the flags and returns what to write; it leaves o.q's
// MinConfidence only where it selects targets (--targets), as the export
// options filter the targets sheet's rows.
func (o *exportOptions) plan() (exportPlan, error) {
	var p exportPlan
	lang := export.Lang(o.lang)
	if lang != export.Vietnamese && lang != export.English {
		return p, usageErrorf("export: --lang must be vi or en, not %q", o.lang)
	}
	format, err := exportFormat(o.format, o.out)
	if err != nil {
		return p, err
	}
	var sheets []export.Sheet
	if o.sheet != "" {
		if format == "jsonl" {
			return p, usageErrorf("export: --sheet does not apply to jsonl (one record per document)")
		}
		s, err := export.ParseSheet(o.sheet)
		if err != nil {
			return p, usageErrorf("export: --sheet: %v", err)
		}
		sheets = []export.Sheet{s}
	}
	if o.out == "" {
		o.out = "vanban-export." + format
	}
	if o.out == "-" && format == "csv" && len(sheets) == 0 {
		return p, usageErrorf("export: csv to standard output needs --sheet (one file per sheet)")
	}
	// --min-confidence filters the targets: the selection's with
	// --targets, else only the rows of the targets sheet.
	minConfidence := o.q.MinConfidence
	if minConfidence < 0 || minConfidence > 1 {
		return p, usageErrorf("export: --min-confidence %g is not between 0 and 1", minConfidence)
	}
	if !o.q.Targets {
		o.q.MinConfidence = 0
	}
	// Check the output names before the work.
	outs := exportPaths(o.out, format, sheets)
	if !o.force {
		for _, path := range outs {
			if path == "-" {
				continue
			}
			if _, err := os.Lstat(path); err == nil {
				return p, usageErrorf("export: %s exists (use --force to overwrite it)", path)
			}
		}
	}
	return exportPlan{format: format, outs: outs, opts: export.Options{Lang: lang, Sheets: sheets, MinConfidence: minConfidence}}, nil
}

// exportSelection compiles the query and filters into a selection of the
// index (nil: everything), with the groups of copies unless q.AllCopies.
// A selection of nothing is an error: nothing is written.
func exportSelection(ctx context.Context, ix *index.Index, q search.Query, stderr io.Writer) (*index.Selection, *index.Groups, error) {
	var sel *index.Selection
	if selects(q) {
		var err error
		sel, err = search.Select(ctx, ix, q)
		if err != nil {
			if errors.Is(err, search.ErrBadQuery) {
				return nil, nil, usageErrorf("export: %v", err)
			}
			return nil, nil, fmt.Errorf("export: %w", err)
		}
	}
	if sel.Documents() == 0 {
		what := "document"
		if q.Targets {
			what = "target"
		}
		fmt.Fprintf(stderr, "vanban: export: no %s matches %s; nothing written\n", what, describeQuery(q))
		return nil, nil, quietError{exitFailed}
	}
	if n := sel.Documents(); n > 0 {
		fmt.Fprintf(stderr, "vanban: export: %d documents selected\n", n)
	}
	if q.AllCopies {
		return sel, nil, nil
	}
	groups, err := ix.NearGroups(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	if groups.Stale() {
		fmt.Fprintln(stderr, staleCopiesNote)
	}
	sel.AddPrimaries(groups)
	return sel, groups, nil
}

// writeExport writes the selection in the plan's format: one jsonl or
// xlsx file, or one csv file per sheet.
func writeExport(ctx context.Context, ix *index.Index, sel *index.Selection, o exportOptions, p exportPlan, stdout, stderr io.Writer) error {
	opts := p.opts
	switch p.format {
	case "jsonl":
		return writeOutput(o.out, o.force, stdout, func(w io.Writer) error {
			j := export.NewJSONL(w)
			j.MinConfidence = opts.MinConfidence
			j.Groups = opts.Groups
			n, err := export.ExportJSONL(ctx, ix, sel, j)
			if err == nil {
				fmt.Fprintf(stderr, "vanban: export: %d records\n", n)
			}
			return err
		})
	case "xlsx":
		return writeOutput(o.out, o.force, stdout, func(w io.Writer) error {
			x, err := export.NewXLSX(w, opts)
			if err != nil {
				return err
			}
			_, err = export.Export(ctx, ix, sel, x, opts)
			return err
		})
	}
	// csv: one file per sheet.
	all := opts.Sheets
	if len(all) == 0 {
		all = export.AllSheets
	}
	for i, s := range all {
		opts.Sheets = []export.Sheet{s}
		err := writeOutput(p.outs[i], o.force, stdout, func(w io.Writer) error {
			_, err := export.Export(ctx, ix, sel, export.NewCSV(w, opts), opts)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// exportFormat is the output format: the flag's, else the one the --out
// suffix names, else (no --out, or standard output) xlsx. A suffix that
// names another format than the flag, or an --out whose suffix names no
// format while the flag is not given, is a usage error: the file would not
// be what its name says.
func exportFormat(flagValue, out string) (string, error) {
	var flagFormat string
	switch f := strings.ToLower(flagValue); f {
	case "xlsx", "csv", "jsonl":
		flagFormat = f
	case "json", "ndjson":
		flagFormat = "jsonl"
	case "":
	default:
		return "", usageErrorf("export: --format must be xlsx, csv or jsonl, not %q", flagValue)
	}
	var extFormat string
	ext := strings.ToLower(filepath.Ext(out))
	switch ext {
	case ".xlsx":
		extFormat = "xlsx"
	case ".csv":
		extFormat = "csv"
	case ".jsonl", ".json", ".ndjson":
		extFormat = "jsonl"
	}
	switch {
	case flagFormat != "" && extFormat != "" && flagFormat != extFormat:
		return "", usageErrorf("export: --out %s has the suffix %s, but --format is %s: make them agree", out, ext, flagFormat)
	case flagFormat != "":
		return flagFormat, nil
	case extFormat != "":
		return extFormat, nil
	case out == "" || out == "-":
		return "xlsx", nil
	case ext == "":
		return "", usageErrorf("export: --out %s has no suffix to tell the format: name it .xlsx, .csv or .jsonl, or give --format", out)
	}
	return "", usageErrorf("export: --out %s: %s is not a format vanban writes: name it .xlsx, .csv or .jsonl, or give --format", out, ext)
}

// exportPaths are the files an export writes: out, or for CSV without
// --sheet one file per sheet, out without its .csv suffix plus
// "-chitieu.csv" and so on.
func exportPaths(out, format string, sheets []export.Sheet) []string {
	if format != "csv" || len(sheets) == 1 {
		return []string{out}
	}
	base := out
	if strings.EqualFold(filepath.Ext(base), ".csv") {
		base = base[:len(base)-len(".csv")]
	}
	var ps []string
	for _, s := range export.AllSheets {
		ps = append(ps, base+"-"+s.Slug()+".csv")
	}
	return ps
}

// writeOutput runs write on the output: standard output for "-", else a
// temporary file renamed to path when write succeeds and removed when it
// fails.
func writeOutput(path string, force bool, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" {
		if err := write(stdout); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	f, err := export.CreateFile(path, force)
	if err != nil {
		if errors.Is(err, export.ErrExists) {
			return usageErrorf("export: %v", err)
		}
		return fmt.Errorf("export: %w", err)
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := f.Commit(); err != nil {
		if errors.Is(err, export.ErrExists) {
			return usageErrorf("export: %v", err)
		}
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exportProgress reports each sheet's rows on stderr when it is done, and
// on long sheets every few seconds.
func exportProgress(stderr io.Writer, lang export.Lang) func(export.Sheet, int, bool) {
	last := time.Now()
	var cur export.Sheet = -1
	shown := -1
	return func(s export.Sheet, rows int, done bool) {
		if s != cur {
			cur, last, shown = s, time.Now(), -1
		}
		if rows == shown || (!done && time.Since(last) < 3*time.Second) {
			return
		}
		last, shown = time.Now(), rows
		fmt.Fprintf(stderr, "vanban: export: %s: %d rows\n", s.Name(lang), rows)
	}
}
