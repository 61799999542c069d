package extract

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"vanban/ingest"
	"vanban/ingest/vntext"
	"vanban/internal/testshared"
)

// devDocuments reads every UTF-8 *.txt and *.md file of dir as an
// ingest.Document the way the text reader would, with Path set to the file
// name (the scorer matches predictions to gold by file name).
func devDocuments(t testing.TB, dir string) []ingest.Document {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	var docs []ingest.Document
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

// textDocument builds the Document of a UTF-8 text file's bytes.
func textDocument(name string, b []byte) ingest.Document {
	return ingest.Document{
		Path:     name,
		Size:     int64(len(b)),
		Format:   ingest.FormatText,
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

// bulkDocuments reads every file of ../shared/corpus/bulk with the
// project's readers (ingest.ReadBytes), skipping those it cannot read.
func bulkDocuments(b *testing.B) (docs []ingest.Document, raw [][]byte, names []string) {
	b.Helper()
	dir := testshared.Dir(b, "corpus/bulk")
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := ingest.ReadBytes(path, data)
		if err != nil {
			return nil
		}
		docs = append(docs, doc)
		raw = append(raw, data)
		names = append(names, path)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(docs) == 0 {
		b.Skip("skipped: no readable documents in corpus/bulk")
	}
	return docs, raw, names
}

// BenchmarkExtract measures extraction over ../shared/corpus/bulk: one
// iteration extracts every document; docs/s and MB/s (of text) are
// reported.
func BenchmarkExtract(b *testing.B) {
	docs, _, _ := bulkDocuments(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text()))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Extract(d)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkReadAndExtract measures reading (ingest.ReadBytes on bytes
// already in memory) plus extraction over the same corpus, so that
// extraction's share of the ingest pipeline can be read off against
// BenchmarkExtract.
func BenchmarkReadAndExtract(b *testing.B) {
	_, raw, names := bulkDocuments(b)
	var size int64
	for _, r := range raw {
		size += int64(len(r))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, r := range raw {
			doc, err := ingest.ReadBytes(names[k], r)
			if err != nil {
				continue
			}
			Extract(doc)
		}
	}
	b.ReportMetric(float64(len(raw)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkExtractParts splits extraction time by extractor.
func BenchmarkExtractParts(b *testing.B) {
	docs, _, _ := bulkDocuments(b)
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text()
	}
	b.Run("heading", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				ParseHeading(d)
			}
		}
	})
	b.Run("references", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				FindReferences(t, "")
			}
		}
	})
	b.Run("abbreviations", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				FindAbbreviations(t)
			}
		}
	})
	b.Run("dates", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				FindDates(t, 0)
			}
		}
	})
	b.Run("targets", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				FindTargets(t, TargetContext{})
			}
		}
	})
}
