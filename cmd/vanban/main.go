package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
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
	stopProfiles := startProfiles()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfiles()
	stop()
	ingest.StopPDFWorkers()
	os.Exit(report(err, os.Stderr))
}

// run dispatches args to a subcommand.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
		return usageErrorf("no command given")
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usageText())
		return nil
	case "help":
		if len(args) == 1 {
			fmt.Fprint(stdout, usageText())
			return nil
		}
		// "vanban help search" is "vanban search -h".
		if c, ok := findCommand(args[1]); ok {
			return c.run(ctx, []string{"-h"}, stdout, stderr)
		}
		return usageErrorf("help: unknown command %q (commands: %s)", args[1], commandNames())
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, versionText())
		return nil
	}
	if c, ok := findCommand(args[0]); ok {
		return c.run(ctx, args[1:], stdout, stderr)
	}
	return usageErrorf("unknown command %q (try: vanban help)", args[0])
}

// findCommand returns the subcommand called name.
func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// commandNames lists the subcommands' names.
func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// versionText says which vanban this is, from the build information: the
// module version (a tag, a pseudo-version, or "(devel)" for a build from a
// work tree), the VCS revision and time when the build recorded them,
// and the Go version and platform.
func versionText() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "vanban (no build information)"
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "vanban %s", version)
	if rev != "" {
		fmt.Fprintf(&b, ", revision %.12s", rev)
		if when != "" {
			fmt.Fprintf(&b, " (%s)", when)
		}
		if modified {
			b.WriteString(" with local changes")
		}
	} else {
		b.WriteString(", revision unknown")
	}
	fmt.Fprintf(&b, ", %s %s/%s", bi.GoVersion, runtime.GOOS, runtime.GOARCH)
	return b.String()
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
