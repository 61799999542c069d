package ingest

import (
	"bytes"
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
	var b testPDF
	catalog := b.add("")
	pages := b.add("")
	font := b.add(simpleFont)
	text := b.add(stream("", "BT /F1 12 Tf 72 700 Td (Page one has a text layer.) Tj ET"))
	img := b.add(stream("/Type /XObject /Subtype /Image /Width 1688 /Height 2363 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", string(jpeg)))
	draw := b.add(stream("", "q 595 0 0 842 0 0 cm /Im1 Do Q"))
	p1 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", pages, text, font))
	p2 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /XObject << /Im1 %d 0 R >> >> >>", pages, draw, img))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>", p1, p2))
	return b.bytes(catalog, 0)
}

// TestOCRMissing runs with a PATH where tesseract cannot be found: a
// scanned page is kept empty with a warning saying how to install it, and
// an image file is unsupported with the same hint.
func TestOCRMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	SetOCR(OCROptions{})
	defer SetOCR(OCROptions{})
	doc, err := Read(filepath.Join("testdata", "scan", "scan.pdf"))
	if err != nil {
		t.Fatalf("Read(scan.pdf) without tesseract: %v; want the document with a warning", err)
	}
	if !containsAny(doc.Warnings, "page 1 has no text layer; it looks scanned; install tesseract") || !containsAny(doc.Warnings, "apt-get install tesseract-ocr") {
		t.Errorf("warnings = %q; want the page reported with how to install tesseract", doc.Warnings)
	}
	_, err = Read(filepath.Join("testdata", "scan", "page.png"))
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "apt-get install tesseract-ocr") {
		t.Errorf("Read(page.png) without tesseract: %v; want unsupported with the install hint", err)
	}
}

// TestOCRCache reads a scan twice with a cache: the second read finds the
// page in the cache and gives the same text.
func TestOCRCache(t *testing.T) {
	needOCR(t)
	cache := t.TempDir()
	SetOCR(OCROptions{Workers: 2, CacheDir: cache})
	first, err := Read(filepath.Join("testdata", "scan", "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "*", "*.tsv"))
	if len(entries) != 1 {
		t.Fatalf("cache holds %d entries after one page; want 1", len(entries))
	}
	// Spoil the cached text: the second read must come from the cache.
	b, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(entries[0], []byte(strings.Replace(string(b), "\tQUYẾT\n", "\tQUYẾX\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := Read(filepath.Join("testdata", "scan", "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(first.Text(), "NGHỊ QUYẾT", "NGHỊ QUYẾX", 1); second.Text() != want {
		t.Errorf("second read did not come from the cache:\n%s", second.Text())
	}
	if OCRPagesDone() != 2 {
		t.Errorf("OCRPagesDone = %d; want 2 (cached pages count)", OCRPagesDone())
	}
}

func TestTIFFPages(t *testing.T) {
	le := func(b ...byte) []byte { return b }
	for _, tc := range []struct {
		name string
		data []byte
		want int
		err  bool
	}{
		{"one page", le('I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0), 1, false},
		{"two pages", le('I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 0, 0), 2, false},
		{"big endian", le('M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0), 1, false},
		{"loop", le('I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0), 1, false},
		{"offset past the end", le('I', 'I', 42, 0, 200, 0, 0, 0), 0, true},
		{"offset into the header", le('I', 'I', 42, 0, 2, 0, 0, 0), 0, true},
		{"entry count past the end", le('I', 'I', 42, 0, 8, 0, 0, 0, 0xff, 0), 1, false},
	} {
		got, err := tiffPages(tc.data)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("tiffPages(%s) = %d, %v; want %d, error %v", tc.name, got, err, tc.want, tc.err)
		}
	}
	if doc, err := ReadBytes("x.tif", []byte("II*\x00\xff\x00\x00\x00")); !errors.Is(err, ErrCorrupt) {
		t.Errorf("ReadBytes(bad TIFF) = %v, %v; want ErrCorrupt", doc.Format, err)
	}
}
