package extract

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"vanban/ingest/vntext"
	"vanban/internal/testshared"
)

// devDocuments reads every UTF-8 *.txt and *.md file of dir as a Source
// the way the text reader would, with Path set to the file
// name (the scorer matches predictions to gold by file name).
func devDocuments(t testing.TB, dir string) []Source {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	var docs []Source
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".md")) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		docs = append(docs, textDocument(name, b))
	}
	return docs
}

// textDocument builds the Source of a UTF-8 text file's bytes.
func textDocument(name string, b []byte) Source {
	return Source{
		Path:     name,
		Format:   FormatText,
		Encoding: "utf-8",
		Pages:    []string{vntext.Clean(string(b))},
	}
}

// TestScore extracts every dev document, scores the records against the
// gold records with ../shared/eval/score.py and logs the scores. It fails
// only when the scorer cannot run; the numbers are for people to read
// (go test ./extract -run TestScore -v).
func TestScore(t *testing.T) {
	dev := testshared.Dir(t, "corpus/dev")
	gold := filepath.Join(dev, "gold")
	scorer := filepath.Join(filepath.Dir(filepath.Dir(dev)), "eval", "score.py")
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("skipped: no scorer at %s", scorer)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipped: python3 is not installed")
	}
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	f, err := os.Create(pred)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, doc := range devDocuments(t, dev) {
		if err := enc.Encode(Extract(doc)); err != nil {
			t.Fatalf("encode %s: %v", doc.Path, err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("VANBAN_PRED"); keep != "" {
		b, _ := os.ReadFile(pred)
		if err := os.WriteFile(keep, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(python, scorer, gold, pred, "--verbose").CombinedOutput()
	t.Logf("score.py:\n%s", out)
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
}
