package pdf

import (
	"strings"

	"vanban/ingest/pdf/pdftest"
)

// The tests' names for the PDF builder of package pdftest.
type testPDF struct{ pdftest.Builder }

func (b *testPDF) add(body string) int         { return b.Add(body) }
func (b *testPDF) set(n int, body string)      { b.Set(n, body) }
func (b *testPDF) bytes(root, info int) []byte { return b.Bytes(root, info) }
func stream(dict, data string) string          { return pdftest.Stream(dict, data) }
func pagesPDF(contents ...string) []byte       { return pdftest.Pages(contents...) }
func vietEnc(s string) string                  { return pdftest.VietEnc(s) }

const simpleFont = pdftest.SimpleFont

// testMaxPages is the page limit the tests read with (ingest's default).
const testMaxPages = 5000

func containsAny(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
