package main

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// initBudget is the most a vanban package may allocate when the process
// starts (GODEBUG=inittrace=1 reports it): every command, even `vanban
// help`, runs every package's initialization, so tables and regular
// expressions that only some commands need are built on first use
// (sync.OnceValue, internal/lazyregexp). vntext's fold and letter tables
// are read by every command that folds text, in its hottest loops, and
// are built at start (about 100 KB).
var initBudget = map[string]int{
	"":                     64 << 10, // any other package of the module
	"vanban/ingest/vntext": 128 << 10,
}

// TestInitAllocations runs `vanban help` with the runtime's init trace and
// checks each package of the module against initBudget.
func TestInitAllocations(t *testing.T) {
	bin, err := exec.LookPath("vanban")
	if err != nil {
		t.Fatalf("vanban not on PATH (TestMain installs it): %v", err)
	}
	cmd := exec.Command(bin, "help")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("vanban help: %v\n%s", err, stderr.String())
	}
	seen := 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		// init vanban/extract @42 ms, 0.15 ms clock, 46168 bytes, 156 allocs
		f := strings.Fields(line)
		if len(f) < 10 || f[0] != "init" || !strings.HasPrefix(f[1], "vanban/") || f[8] != "bytes," {
			continue
		}
		seen++
		bytes, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("init trace line %q: %v", line, err)
		}
		budget, ok := initBudget[f[1]]
		if !ok {
			budget = initBudget[""]
		}
		if bytes > budget {
			t.Errorf("%s allocates %d bytes at start, more than %d: build its tables and regular expressions on first use", f[1], bytes, budget)
		}
	}
	if seen < 5 {
		t.Fatalf("init trace names %d packages of vanban; stderr:\n%s", seen, stderr.String())
	}
}
