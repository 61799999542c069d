package ingest

import "vanban/ingest/pdf/pdftest"

// pagesPDF builds a PDF with one page per content stream (see pdftest.Pages).
func pagesPDF(contents ...string) []byte { return pdftest.Pages(contents...) }

// vietEnc encodes s for font /F2 of pagesPDF.
func vietEnc(s string) string { return pdftest.VietEnc(s) }
