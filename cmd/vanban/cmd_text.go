package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"

	"vanban/ingest"
)

var textUsage = `usage: vanban text [--ocr auto|off|force] FILE...

Prints each FILE's normalized text — what the extractors and the index see —
to stdout, pages separated by a form feed. Warnings go to stderr.

Examples:

  vanban text nghi-quyet.pdf | less
  vanban text ke-hoach-tcvn3.txt > ke-hoach.txt

` + exitStatusHelp("every file was read",
	"a file could not be read",
	"usage error")

func runText(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("text", textUsage, stderr)
	ocrf := addOCRFlags(fs.FlagSet)
	files, err := parseFlags(fs, args, stdout)
	if err != nil {
		return helpOr(err)
	}
	if len(files) == 0 {
		return fs.usageError("no FILE given")
	}
	if err := ocrf.apply(ctx, "text", runtime.NumCPU()); err != nil {
		return err
	}
	failed := false
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := ingest.Read(f)
		if err != nil {
			fmt.Fprintf(stderr, "vanban: %s\n", oneLine(err))
			failed = true
			continue
		}
		for _, w := range doc.Warnings {
			fmt.Fprintf(stderr, "vanban: %s: warning: %s\n", f, w)
		}
		if i > 0 {
			io.WriteString(stdout, ingest.PageBreak)
		}
		text := doc.Text()
		io.WriteString(stdout, text)
		if !strings.HasSuffix(text, "\n") {
			io.WriteString(stdout, "\n")
		}
	}
	if failed {
		return errSomeFailed
	}
	return nil
}
