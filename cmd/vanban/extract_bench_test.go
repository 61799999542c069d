package main

import (
	"os"
	"path/filepath"
	"testing"

	"vanban/extract"
	"vanban/ingest"
	"vanban/internal/testshared"
)

// The extraction benchmarks over ../shared/corpus/bulk live here, where the
// readers and the extractors meet: the corpus holds PDFs, DOCX and HTML,
// which package ingest reads, and extract imports no reader.

// bulkDocuments reads every file of ../shared/corpus/bulk with the
// project's readers (ingest.ReadBytes), skipping those it cannot read.
func bulkDocuments(b *testing.B) (docs []extract.Source, raw [][]byte, names []string) {
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
		docs = append(docs, sourceOf(doc))
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
			extract.Extract(d)
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
			extract.Extract(sourceOf(doc))
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
				extract.ParseHeading(d)
			}
		}
	})
	b.Run("references", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				extract.FindReferences(t, "")
			}
		}
	})
	b.Run("abbreviations", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				extract.FindAbbreviations(t)
			}
		}
	})
	b.Run("dates", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				extract.FindDates(t, 0)
			}
		}
	})
	b.Run("targets", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				extract.FindTargets(t, extract.TargetContext{})
			}
		}
	})
}
