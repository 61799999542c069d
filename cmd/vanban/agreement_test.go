package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"vanban/extract"
	"vanban/internal/testshared"
)

// TestAnnotatorAgreement scores the independent second annotations in
// testdata/corpus/gold2 against the first ones in testdata/corpus/gold,
// as score.py would score an extractor: the agreement of two careful
// annotators bounds what any extractor can reach on this corpus.
func TestAnnotatorAgreement(t *testing.T) {
	root := testshared.Root(t)
	seconds, err := filepath.Glob(filepath.Join(root, "testdata", "corpus", "gold2", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(seconds) < 20 {
		t.Fatalf("%d second annotations; want at least 20", len(seconds))
	}
	read := func(p string) extract.Record {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var r extract.Record
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return r
	}
	var all targetCounts
	for _, p := range seconds {
		first := read(filepath.Join(root, "testdata", "corpus", "gold", filepath.Base(p)))
		second := read(p)
		c, _ := scoreTargets(first.Targets, second.Targets)
		all.add(c)
	}
	t.Logf("%d documents annotated twice: %s", len(seconds), all)
	if _, _, f := all.prf(); f < 0.8 {
		t.Errorf("agreement targets F1 = %.3f; want >= 0.8 (the two annotations drifted apart)", f)
	}
}
