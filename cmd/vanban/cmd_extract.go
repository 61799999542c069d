package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"vanban/extract"
	"vanban/ingest"
)

var extractUsage = `usage: vanban extract [--json] [--workers N] [--ocr auto|off|force] FILE...

Reads each FILE exactly as "vanban ingest" would and prints its records,
without touching the index: with --json one JSON object per file, one per
line, in the order given (the contract in shared/spec/records.md); without
it, a short summary per file. A file that cannot be read still gets its line,
with "error" set.

Examples:

  vanban extract nghi-quyet.pdf
  vanban extract --json ~/luu-tru/*.docx > records.jsonl

` + exitStatusHelp("every file was read",
	"some file failed",
	"usage error") + `Flags:
`

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", extractUsage, stderr)
	asJSON := fs.Bool("json", false, "print one JSON record per file (JSON Lines)")
	workers := fs.Int("workers", runtime.NumCPU(), "files read in parallel")
	ocrf := addOCRFlags(fs.FlagSet)
	files, err := parseFlags(fs, args, stdout)
	if err != nil {
		return helpOr(err)
	}
	if len(files) == 0 {
		return fs.usageError("no FILE given")
	}
	if *workers < 1 {
		return usageErrorf("extract: --workers must be at least 1")
	}
	if err := ocrf.apply(ctx, "extract", *workers); err != nil {
		return err
	}

	// Read in parallel, print in input order: a channel of per-file result
	// channels, filled in order, each read in order.
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	queue := make(chan chan extract.Record, *workers)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(*workers + 1)
	g.Go(func() error {
		defer close(queue)
		for _, f := range files {
			ch := make(chan extract.Record, 1)
			select {
			case queue <- ch:
			case <-gctx.Done():
				return gctx.Err()
			}
			g.Go(func() error {
				ch <- extractFile(f)
				return nil
			})
		}
		return nil
	})
	failed := 0
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for ch := range queue {
		rec := <-ch
		if rec.Error != "" {
			failed++
			fmt.Fprintf(stderr, "vanban: %s\n", rec.Error)
		}
		if *asJSON {
			if err := enc.Encode(rec); err != nil {
				return fmt.Errorf("extract: write: %w", err)
			}
		} else {
			printRecordSummary(out, rec)
		}
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if failed > 0 {
		return errSomeFailed
	}
	return nil
}

// extractFile reads and extracts one file; a failure is the record's Error.
func extractFile(path string) extract.Record {
	doc, err := readDocument(path)
	if err != nil {
		rec := extract.Extract(extract.Source{Path: path, Format: string(doc.Format), SHA256: doc.SHA256, Encoding: doc.Encoding, Warnings: doc.Warnings})
		if rec.SHA256 == "" {
			rec.SHA256, _ = hashFile(path)
		}
		rec.Kind = "other"
		rec.Warnings = append([]string{}, doc.Warnings...)
		rec.Error = extract.NullString(oneLine(err))
		return rec
	}
	return extract.Extract(sourceOf(doc))
}

// readDocument reads path with ingest.Read, keeping path exactly as given
// (an NFD or non-UTF-8 name is not re-normalized, so the file can be opened
// again), and warns when the name is not valid UTF-8: JSON shows its
// invalid bytes as U+FFFD.
func readDocument(path string) (ingest.Document, error) {
	doc, err := ingest.Read(path)
	return withPath(doc, path), err
}

// withPath sets doc's path as given and adds the warning for a name that is
// not valid UTF-8.
func withPath(doc ingest.Document, path string) ingest.Document {
	doc.Path = path
	if !utf8.ValidString(path) {
		doc.Warnings = append(doc.Warnings, "file name is not valid UTF-8; its invalid bytes show as U+FFFD")
	}
	return doc
}

// printRecordSummary writes a few human-readable lines about rec.
func printRecordSummary(w io.Writer, rec extract.Record) {
	fmt.Fprintf(w, "%s\n", rec.Path)
	if rec.Error != "" {
		fmt.Fprintf(w, "  error: %s\n", rec.Error)
		return
	}
	fmt.Fprintf(w, "  %s", rec.Kind)
	if rec.Number != "" {
		fmt.Fprintf(w, " %s", rec.Number)
	}
	if rec.Issued != "" {
		fmt.Fprintf(w, ", issued %s", rec.Issued)
	}
	if rec.Published != "" {
		fmt.Fprintf(w, ", published %s", rec.Published)
	}
	fmt.Fprintf(w, " (%s", rec.Format)
	if rec.Encoding != "" {
		fmt.Fprintf(w, ", %s", rec.Encoding)
	}
	fmt.Fprintln(w, ")")
	if rec.Title != "" {
		fmt.Fprintf(w, "  %s\n", rec.Title)
	}
	fmt.Fprintf(w, "  %d dates, %d targets, %d references, %d abbreviations, %d warnings\n",
		len(rec.Dates), len(rec.Targets), len(rec.References), len(rec.Abbreviations), len(rec.Warnings))
	for _, t := range rec.Targets {
		fmt.Fprintf(w, "  target: %s\n", t.Text)
	}
}

// oneLine returns err's message on a single line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
