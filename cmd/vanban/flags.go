package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"strings"

	"vanban/search"
)

// defaultIndexDir is where the index lives when neither --index nor
// $VANBAN_INDEX says otherwise.
const defaultIndexDir = "vanban-index"

// resolveIndexDir returns the index folder: the flag's value, else
// $VANBAN_INDEX, else ./vanban-index.
func resolveIndexDir(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("VANBAN_INDEX"); env != "" {
		return env
	}
	return defaultIndexDir
}

// selects reports whether q asks for anything: a query text or a filter.
// Without one, search has nothing to do and export exports everything.
func selects(q search.Query) bool {
	return strings.TrimSpace(q.Text) != "" || q.Kind != "" || q.Issuer != "" || q.Number != "" || q.From != "" || q.To != "" || q.Targets
}

// indexFlag defines --index, the same in every command that opens the
// index; resolveIndexDir turns its value into the folder.
func indexFlag(fs *flag.FlagSet, p *string) {
	fs.StringVar(p, "index", "", "index folder (default $VANBAN_INDEX or ./"+defaultIndexDir+")")
}

// filterFlags defines the flags that select documents or targets, the
// same (names and help) in search and export.
func filterFlags(fs *flag.FlagSet, q *search.Query) {
	fs.StringVar(&q.Kind, "kind", "", "only documents of this kind (resolution, decision, … or nghị quyết, quyết định, NQ, …)")
	fs.StringVar(&q.Issuer, "issuer", "", "only documents whose issuer contains these words")
	fs.StringVar(&q.From, "from", "", "only documents issued on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, D/M/YYYY); with --targets, periods that end on or after it")
	fs.StringVar(&q.To, "to", "", "only documents issued on or before this date; with --targets, periods that start on or before it")
	fs.StringVar(&q.Number, "number", "", "only the document with this number (18-NQ/TW); with --targets, its targets and those quoting it")
	fs.BoolVar(&q.Targets, "targets", false, "QUERY and the filters match target records instead of documents")
}

// newFlagSet returns a FlagSet for a subcommand that reports errors to
// stderr and lets the caller map them to exit status 2.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		io.WriteString(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args with flags allowed before and after the operands
// ("vanban ingest DIR --json" works as well as "vanban ingest --json DIR");
// "--" ends the flags. It returns the operands, flag.ErrHelp for -h, or a
// usage error.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, exitError{exitUsage, err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return operands, nil
		}
		if args[0] == "--" {
			return append(operands, args[1:]...), nil
		}
		operands = append(operands, args[0])
		args = args[1:]
	}
}

// helpOr returns nil for -h (the usage was printed) and err otherwise.
func helpOr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}
