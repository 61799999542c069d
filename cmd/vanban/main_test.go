package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"vanban/index"
)

// TestMain lets testscript run this binary's main as the "vanban" command,
// so that the CLI tests run the real program in a subprocess.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"vanban": main})
}

// TestScripts runs testdata/script/*.txtar: each is a CLI session with its
// expected output. $ARCHIVE is the sample archive in the repository's testdata;
// $COPIES holds one text in six files and two documents of one template.
//
// Besides testscript's own commands, the scripts have:
//
//	status N vanban ARGS...  run vanban and check that it exits with status N
//	hold-index DIR           open the index in DIR for writing, as a running ingest does
//	release-index DIR        close it again
func TestScripts(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var held sync.Map // index folder → *index.Index
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("ARCHIVE", wd+"/../../testdata/archive")
			env.Setenv("COPIES", wd+"/../../testdata/copies")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: status N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("status: %v", err)
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("status: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit status %d; want %d", got, want)
				}
			},
			"hold-index": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: hold-index DIR")
				}
				dir := ts.MkAbs(args[0])
				ix, err := index.Open(dir)
				ts.Check(err)
				held.Store(dir, ix)
				ts.Defer(func() {
					if ix, ok := held.LoadAndDelete(dir); ok {
						ix.(*index.Index).Close()
					}
				})
			},
			"release-index": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: release-index DIR")
				}
				ix, ok := held.LoadAndDelete(ts.MkAbs(args[0]))
				if !ok {
					ts.Fatalf("release-index: %s is not held", args[0])
				}
				ts.Check(ix.(*index.Index).Close())
			},
		},
	})
}
