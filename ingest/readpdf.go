package ingest

import (
	"errors"
	"time"

	"vanban/ingest/pdf"
)

// PDF reading options. The CLI sets them before reading; they are not meant
// to change while reads are running.
var (
	// PDFTimeout is how long one PDF may take to parse before its worker
	// process is killed and the file fails with "PDF parsing timed out".
	PDFTimeout = 10 * time.Second
	// PDFInProcess parses PDFs in this process instead of a killable
	// worker process: faster to start, but a PDF that hangs the parser
	// hangs the caller, and there is no memory bound.
	PDFInProcess = false
	// PDFMaxPages is how many pages of one PDF are read; the rest are
	// skipped with a warning.
	PDFMaxPages = 5000
)

// readPDFFile is the PDF reader: in a worker process unless PDFInProcess
// is set (or this process is the worker).
func readPDFFile(path string, data []byte) (parsed, error) {
	if PDFInProcess || WorkerRequested() {
		return parsePDF(data, PDFMaxPages)
	}
	return parsePDFInWorker(data, PDFTimeout, PDFMemoryLimit, PDFMaxPages)
}

// parsePDF reads a PDF in this process with package pdf.
func parsePDF(data []byte, maxPages int) (parsed, error) {
	r, err := pdf.Parse(data, maxPages)
	if err != nil {
		return parsed{}, pdfError(err)
	}
	return parsed{pages: r.Pages, paged: true, title: r.Title, published: r.Published,
		meta: r.Meta, warnings: r.Warnings, noText: r.NoText}, nil
}

// pdfError gives the PDF reader's errors ingest's classes.
func pdfError(err error) error {
	if errors.Is(err, pdf.ErrEncrypted) {
		return kindError{err, ErrEncrypted}
	}
	return err
}

// kindError is a reader's error that also counts as one of ingest's
// sentinel errors; its message is the reader's.
type kindError struct{ err, kind error }

func (e kindError) Error() string   { return e.err.Error() }
func (e kindError) Unwrap() []error { return []error{e.err, e.kind} }
