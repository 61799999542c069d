package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needOCR skips the test when tesseract (with a Vietnamese model) or
// pdftoppm is missing, saying how to install them; CI installs them.
func needOCR(t *testing.T) {
	t.Helper()
	SetOCR(OCROptions{Workers: 2})
	if err := OCRAvailable(); err != nil {
		t.Skipf("OCR test skipped: %v", err)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("OCR test skipped: pdftoppm is not installed (apt-get install poppler-utils)")
	}
	t.Cleanup(func() { SetOCR(OCROptions{}) })
}

// scanTruth is the text layer of the fixture the scans were made from.
func scanTruth(t *testing.T) string {
	t.Helper()
	doc, err := Read(filepath.Join("testdata", "scan", "nghiquyet-xa.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCRPages != 0 {
		t.Fatalf("the text-layer PDF went to OCR (%d pages)", doc.OCRPages)
	}
	return doc.Text()
}

func TestOCRScannedFiles(t *testing.T) {
	needOCR(t)
	truth := scanTruth(t)
	for _, tc := range []struct {
		file   string
		format Format
		pages  int
		min    float64 // character recall against the text layer
	}{
		{"scan.pdf", FormatPDF, 1, 0.97},
		{"page.png", FormatPNG, 1, 0.97},
		{"two.tif", FormatTIFF, 2, 0.97},
	} {
		t.Run(tc.file, func(t *testing.T) {
			doc, err := Read(filepath.Join("testdata", "scan", tc.file))
			if err != nil {
				t.Fatalf("Read(%s): %v", tc.file, err)
			}
			if doc.Format != tc.format || len(doc.Pages) != tc.pages || doc.OCRPages != tc.pages || !doc.Paged {
				t.Errorf("Read(%s): format %q, %d pages, %d OCR pages, paged %v; want %q, %d, %d, true",
					tc.file, doc.Format, len(doc.Pages), doc.OCRPages, doc.Paged, tc.format, tc.pages, tc.pages)
			}
			if !containsAny(doc.Warnings, "page 1: text recognized by OCR (confidence") {
				t.Errorf("Read(%s).Warnings = %q; want the OCR page noted", tc.file, doc.Warnings)
			}
			for i, pg := range doc.Pages {
				if r := charRecall(truth, pg); r < tc.min {
					t.Errorf("Read(%s) page %d: character recall %.4f; want >= %.2f\n%s", tc.file, i+1, r, tc.min, pg)
				}
			}
			// Lines the extractor relies on stay lines.
			for _, line := range []string{"NGHỊ QUYẾT", "1. Mục tiêu đến năm 2026", "BÍ THƯ"} {
				if !strings.Contains("\n"+doc.Pages[0]+"\n", "\n"+line+"\n") {
					t.Errorf("Read(%s): no line %q in\n%s", tc.file, line, doc.Pages[0])
				}
			}
		})
	}
}

// TestOCRModes checks --ocr: off leaves a scanned page empty with a
// warning, force reads a text page by OCR too, auto reads only the page
// without a text layer of a mixed PDF.
func TestOCRModes(t *testing.T) {
	needOCR(t)
	dir := filepath.Join("testdata", "scan")

	SetOCR(OCROptions{Mode: OCROff})
	doc, err := Read(filepath.Join(dir, "scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCRPages != 0 || strings.TrimSpace(doc.Text()) != "" || !containsAny(doc.Warnings, "page 1 has no text layer; it looks scanned; OCR is off") {
		t.Errorf("--ocr off: %d OCR pages, text %q, warnings %q; want none, empty, the page reported", doc.OCRPages, doc.Text(), doc.Warnings)
	}
	if _, err := Read(filepath.Join(dir, "page.png")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("--ocr off: Read(page.png) error = %v; want ErrUnsupported", err)
	}

	SetOCR(OCROptions{Mode: OCRForce, Workers: 2})
	doc, err = Read(filepath.Join(dir, "nghiquyet-xa.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCRPages != 1 || !strings.Contains(doc.Text(), "NGHỊ QUYẾT") {
		t.Errorf("--ocr force on a text PDF: %d OCR pages, text %q; want 1 and the text", doc.OCRPages, doc.Text())
	}

	SetOCR(OCROptions{Mode: OCRAuto, Workers: 2})
	doc, err = ReadBytes("mixed.pdf", mixedPDF(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCRPages != 1 || len(doc.Pages) != 2 || !containsAny(doc.Warnings, "page 2: text recognized by OCR") || containsAny(doc.Warnings, "page 1:") {
		t.Errorf("mixed PDF: %d OCR pages of %d, warnings %q; want page 2 only", doc.OCRPages, len(doc.Pages), doc.Warnings)
	}
	if !strings.HasPrefix(doc.Pages[0], "Page one has a text layer.") || !strings.Contains(doc.Pages[1], "NGHỊ QUYẾT") {
		t.Errorf("mixed PDF pages = %q", doc.Pages)
	}
}

// mixedPDF builds a two-page PDF: page 1 with a text layer, page 2 the
// JPEG scan of scan.pdf (taken from its image stream) and no text.
func mixedPDF(t *testing.T) []byte {
	t.Helper()
	scan, err := os.ReadFile(filepath.Join("testdata", "scan", "scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(scan, []byte("\xff\xd8\xff"))
	j := bytes.LastIndex(scan, []byte("\xff\xd9"))
	if i < 0 || j < i {
		t.Fatal("scan.pdf holds no JPEG stream")
	}
	jpeg := scan[i : j+2]
	stream := func(dict, data string) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [6 0 R 7 0 R] /Count 2 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		stream("", "BT /F1 12 Tf 72 700 Td (Page one has a text layer.) Tj ET"),
		stream("/Type /XObject /Subtype /Image /Width 1688 /Height 2363 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", string(jpeg)),
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		stream("", "q 595 0 0 842 0 0 cm /Im1 Do Q"),
	}
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, body := range objs {
		offs[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return buf.Bytes()
}

// TestOCRCancelled checks that a done context (Ctrl-C) stops OCR: the
// scanned page is left empty with a warning, an image fails.
func TestOCRCancelled(t *testing.T) {
	needOCR(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	SetOCR(OCROptions{Workers: 2, Context: ctx})
	doc, err := Read(filepath.Join("testdata", "scan", "scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCRPages != 0 || !containsAny(doc.Warnings, "context canceled") {
		t.Errorf("cancelled OCR: %d OCR pages, warnings %q; want none and the page reported", doc.OCRPages, doc.Warnings)
	}
	if _, err := Read(filepath.Join("testdata", "scan", "page.png")); !errors.Is(err, context.Canceled) {
		t.Errorf("Read(page.png) with a cancelled context = %v; want context.Canceled", err)
	}
}
