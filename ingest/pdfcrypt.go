package ingest

import (
	"fmt"

	"github.com/ledongthuc/pdf"
)

// decryptAES256 is called for a PDF with AES-256 (revision 5 or 6)
// encryption, which ledongthuc/pdf cannot open.
func decryptAES256(data []byte) (*pdf.Reader, error) {
	return nil, fmt.Errorf("%w: AES-256 (PDF 2.0 security handler) is not supported yet", errPDFUnsupportedCrypt)
}
