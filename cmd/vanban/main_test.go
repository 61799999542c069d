package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run this binary's main as the "vanban" command,
// so that the CLI tests run the real program in a subprocess.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"vanban": main})
}

// TestScripts runs testdata/script/*.txtar: each is a CLI session with its
// expected output. $ARCHIVE is the sample archive in the repository's testdata.
func TestScripts(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("ARCHIVE", wd+"/../../testdata/archive")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
