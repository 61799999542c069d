package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"vanban/ingest"
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
func indexFlag(fs *flagSet, p *string) {
	fs.StringVar(p, "index", "", "index folder (default $VANBAN_INDEX or ./"+defaultIndexDir+")")
}

// filterFlags defines the flags that select documents or targets, the
// same (names and help) in search and export.
func filterFlags(fs *flagSet, q *search.Query) {
	fs.StringVar(&q.Kind, "kind", "", "only documents of this kind (resolution, decision, … or nghị quyết, quyết định, NQ, …)")
	fs.StringVar(&q.Issuer, "issuer", "", "only documents whose issuer contains these words")
	fs.StringVar(&q.From, "from", "", "only documents issued on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, D/M/YYYY); with --targets, periods that end on or after it")
	fs.StringVar(&q.To, "to", "", "only documents issued on or before this date; with --targets, periods that start on or before it")
	fs.StringVar(&q.Number, "number", "", "only the document with this number (18-NQ/TW); with --targets, its targets and those quoting it")
	fs.BoolVar(&q.Targets, "targets", false, "QUERY and the filters match target records instead of documents")
	fs.Float64Var(&q.MinConfidence, "min-confidence", 0, "only targets whose confidence (0–1, see README) is at least this, e.g. 0.8")
	fs.BoolVar(&q.AllCopies, "all-copies", false, "list the copies of one text (the same text as PDF, DOCX, HTML, a legacy encoding, a re-post) apart instead of as one")
}

// flagSet is a subcommand's flags and its help text.
type flagSet struct {
	*flag.FlagSet
	help string // the usage text; the flags' defaults follow it
}

// newFlagSet returns the flags of a subcommand whose help is usage. Its
// help (usage, then the flags with their defaults) goes to standard output
// for -h (see parseFlags); fs.Usage prints the short form on stderr: the
// usage line and where the help is.
func newFlagSet(name, usage string, stderr io.Writer) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), help: usage}
	fs.SetOutput(stderr)
	fs.Usage = func() {
		line, _, _ := strings.Cut(usage, "\n")
		fmt.Fprintf(fs.Output(), "%s\nRun 'vanban %s -h' for details.\n", line, name)
	}
	return fs
}

// printHelp writes the command's whole help to w: its usage text, then
// its flags with their defaults.
func (fs *flagSet) printHelp(w io.Writer) {
	out := fs.Output()
	fs.SetOutput(w)
	io.WriteString(w, fs.help)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

// usageError reports a usage error on stderr, the message and then the
// short usage, and returns an error that exits with status 2.
func (fs *flagSet) usageError(format string, args ...any) error {
	fmt.Fprintf(fs.Output(), "vanban: %s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.Usage()
	return quietError{exitUsage}
}

// parseFlags parses args with flags allowed before and after the operands
// ("vanban ingest DIR --json" works as well as "vanban ingest --json DIR");
// "--" ends the flags. It returns the operands, flag.ErrHelp after printing
// the help on stdout for -h, or a usage error (the short usage on stderr).
func parseFlags(fs *flagSet, args []string, stdout io.Writer) ([]string, error) {
	// The flag package prints its message and the usage itself; the
	// error is reported once, by main, and the usage is printed here.
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	defer func() { fs.Usage = usage; fs.SetOutput(out) }()
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			fs.SetOutput(out)
			if errors.Is(err, flag.ErrHelp) {
				fs.printHelp(stdout)
				return nil, err
			}
			fs.Usage = usage
			return nil, fs.usageError("%v", err)
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

// helpOr returns nil for -h (the help was printed) and err otherwise.
func helpOr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

// exitStatusHelp is the "Exit status" section of a command's help: what
// 0 and 1 mean for the command, then the codes every command shares.
func exitStatusHelp(ok, failed, usage string) string {
	return fmt.Sprintf(`Exit status:

  0    %s
  1    %s
  2    %s
  %-4d the index is in use by another vanban process: an ingest is writing
       it (search, resolutions and export answer meanwhile from what it has
       committed; a second ingest is refused)
  130  interrupted (Ctrl-C)

`, ok, failed, usage, exitInUse)
}

// ocrFlags are the OCR flags of the commands that read files.
type ocrFlags struct {
	mode    string
	timeout time.Duration
	noCache bool
}

// addOCRFlags registers --ocr, --ocr-timeout and --ocr-no-cache on fs.
func addOCRFlags(fs *flag.FlagSet) *ocrFlags {
	var o ocrFlags
	fs.StringVar(&o.mode, "ocr", "auto", "OCR of scanned pages and images: auto (pages without text), off, force (every page)")
	fs.DurationVar(&o.timeout, "ocr-timeout", 2*time.Minute, "time limit for recognizing one page")
	fs.BoolVar(&o.noCache, "ocr-no-cache", false, "do not use or fill the cache of recognized pages")
	return &o
}

// apply sets ingest's OCR options; workers is the command's parallelism,
// which OCR pages share; ctx ends the pages in progress (Ctrl-C).
func (o *ocrFlags) apply(ctx context.Context, cmd string, workers int) error {
	mode, err := ingest.ParseOCRMode(o.mode)
	if err != nil {
		return usageErrorf("%s: --ocr: %v", cmd, err)
	}
	if o.timeout <= 0 {
		return usageErrorf("%s: --ocr-timeout must be positive", cmd)
	}
	cache := ingest.DefaultOCRCacheDir()
	if o.noCache {
		cache = ""
	}
	ingest.SetOCR(ingest.OCROptions{Mode: mode, Workers: workers, PageTimeout: o.timeout, CacheDir: cache, Context: ctx})
	return nil
}
