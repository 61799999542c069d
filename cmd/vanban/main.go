package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"vanban/ingest"
)

//go:embed doc.go
var docSource string

// command is one subcommand: its name, a one-line summary and its run function.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"ingest", "read, extract and index an archive folder", runIngest},
	{"search", "search the index", runSearch},
	{"resolutions", "list every resolution the archive knows", runResolutions},
	{"export", "export records to xlsx, csv or jsonl", runExport},
	{"extract", "print the records of files without indexing", runExtract},
	{"text", "print the normalized text of a file", runText},
}

func main() {
	if ingest.WorkerRequested() {
		os.Exit(ingest.RunWorker())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	ingest.StopPDFWorkers()
	os.Exit(report(err, os.Stderr))
}

// run dispatches args to a subcommand.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usageText())
		if len(args) == 0 {
			return usageErrorf("no command given")
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	return usageErrorf("unknown command %q (try: vanban help)", args[0])
}

// usageText is the package documentation, the single source of the -h text.
func usageText() string {
	s := docSource
	if i := strings.Index(s, "/*\n"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.Index(s, "*/"); i >= 0 {
		s = s[:i]
	}
	return s
}

// report prints err to stderr, unless it is already reported, and returns
// the exit status it stands for.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	var q quietError
	if !errors.As(err, &q) {
		fmt.Fprintf(stderr, "vanban: %v\n", err)
	}
	return code
}
