package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"vanban/internal/testshared"
)

// evalFloors are the regression floors of TestEvalSet: far below the scores
// the extractors reach, so the test fails only on a real breakage. The
// logged score table is the measurement.
var evalFloors = map[string]float64{
	"targets.f1": 0.5,
	"dates.f1":   0.7,
}

// TestEvalSet runs the real binary with `extract --json` over the
// independent evaluation set in testdata/eval/docs (documents written for
// it, never used to tune the extractors) and scores the records against
// testdata/eval/gold with the shared scorer, logging its verbose report.
func TestEvalSet(t *testing.T) {
	score := testshared.Dir(t, "eval/score.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipped: python3 is not installed")
	}
	bin, err := exec.LookPath("vanban")
	if err != nil {
		t.Fatalf("vanban is not on PATH (TestMain installs it): %v", err)
	}
	root := testshared.Root(t)
	docsDir := filepath.Join(root, "testdata", "eval", "docs")
	goldDir := filepath.Join(root, "testdata", "eval", "gold")
	docs, err := filepath.Glob(filepath.Join(docsDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(docs)
	if len(docs) == 0 {
		t.Fatalf("no documents in %s", docsDir)
	}

	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, append([]string{"extract", "--json"}, docs...)...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		// Exit 1 means some file failed; its line still carries "error",
		// which the scorer counts. Anything else is a broken command.
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitFailed {
			t.Fatalf("vanban extract --json: %v\n%s", err, errOut.String())
		}
		t.Logf("vanban extract reported failures:\n%s", errOut.String())
	}
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(pred, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	sc := exec.Command(python, score, goldDir, pred, "--verbose")
	report, err := sc.CombinedOutput()
	t.Logf("score.py %s:\n%s", goldDir, report)
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	for name, floor := range evalFloors {
		v, ok := scoreValue(string(report), name)
		if !ok {
			t.Fatalf("score.py printed no %s", name)
		}
		if v < floor {
			t.Errorf("%s = %.3f; want >= %.2f (regression on the evaluation set)", name, v, floor)
		}
	}
}

// scoreValue reads the measure NAME from score.py's table ("NAME   0.875").
func scoreValue(report, name string) (float64, bool) {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `\s+([0-9.]+)\s*$`)
	m := re.FindStringSubmatch(report)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	return v, err == nil
}
