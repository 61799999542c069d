package ingest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"vanban/internal/testshared"
)

// pdf44 returns the 227-page Luật Đất đai consolidation from corpus/pdf.
func pdf44(b *testing.B) (string, []byte) {
	path := filepath.Join(testshared.Dir(b, "corpus/pdf"), "44_VBHN-VPQH_699655.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("%v", err)
	}
	return path, data
}

// BenchmarkPDF44 parses the 227-page PDF in this process and reports
// pages/s.
func BenchmarkPDF44(b *testing.B) {
	_, data := pdf44(b)
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		p, err := parsePDF(data, PDFMaxPages)
		if err != nil {
			b.Fatal(err)
		}
		pages += len(p.pages)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPDF44Worker parses it through the worker process, as ingest
// does (the worker is reused between iterations).
func BenchmarkPDF44Worker(b *testing.B) {
	_, data := pdf44(b)
	pages := 0
	for b.Loop() {
		p, err := parsePDFInWorker(data, PDFTimeout, PDFMemoryLimit, PDFMaxPages)
		if err != nil {
			b.Fatal(err)
		}
		pages += len(p.pages)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPDF44Pdftotext runs poppler's pdftotext on the same file, for
// the comparison (skipped when it is not installed).
func BenchmarkPDF44Pdftotext(b *testing.B) {
	path, _ := pdf44(b)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext is not installed")
	}
	for b.Loop() {
		if err := exec.Command("pdftotext", "-enc", "UTF-8", path, os.DevNull).Run(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(227*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkPDFSmallWorker measures the per-file cost of the worker
// round trip on a one-page PDF.
func BenchmarkPDFSmallWorker(b *testing.B) {
	data := pagesPDF("BT /F1 10 Tf 72 700 Td (hello) Tj ET")
	for b.Loop() {
		if _, err := parsePDFInWorker(data, PDFTimeout, PDFMemoryLimit, PDFMaxPages); err != nil {
			b.Fatal(err)
		}
	}
}
