package ingest

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPDFDump prints the text of the PDF named by VANBAN_PDF_DUMP, for
// comparing by eye with pdftotext. It is skipped otherwise.
func TestPDFDump(t *testing.T) {
	path := os.Getenv("VANBAN_PDF_DUMP")
	if path == "" {
		t.Skip("set VANBAN_PDF_DUMP=file.pdf to print its text")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := parsePDF(data, PDFMaxPages)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("title=%q published=%q meta=%v\nwarnings=%q\n", p.title, p.published, p.meta, p.warnings)
	fmt.Println(strings.Join(p.pages, "\n\f"))
}
