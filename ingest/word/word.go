package word

import (
	"errors"
	"fmt"
)

// Sentinel errors; the readers' errors wrap them.
var (
	// ErrTooLarge means a part inside the file exceeds a size limit.
	ErrTooLarge = errors.New("too large")
	// ErrUnsupported means the bytes are an Office file of another kind
	// (a workbook, a presentation) or a format this package does not read.
	ErrUnsupported = errors.New("unsupported")
	// ErrEncrypted means the file needs a password.
	ErrEncrypted = errors.New("encrypted")
	// ErrCorrupt means the file is of a known format but damaged beyond
	// reading.
	ErrCorrupt = errors.New("corrupt")
)

// Result is what a reader makes of a document: its text (one block,
// paragraphs separated by "\n"), the encoding of its legacy 8-bit text
// ("tcvn3", "vni", ...; "" for Unicode), the metadata it carries and what
// went wrong without stopping it.
type Result struct {
	Text      string
	Encoding  string
	Title     string
	Published string // ISO date or datetime
	Meta      map[string]string
	Warnings  []string
}

// parsed is what the readers find.
type parsed struct {
	pages     []string
	encoding  string
	title     string
	published string
	meta      map[string]string
	warnings  []string
}

func (p parsed) result() Result {
	r := Result{Encoding: p.encoding, Title: p.title, Published: p.published, Meta: p.meta, Warnings: p.warnings}
	if len(p.pages) > 0 {
		r.Text = p.pages[0]
	}
	return r
}

// ReadDOCX reads a Word 2007+ document (.docx): paragraphs, tables,
// numbered lists, footnotes and core properties.
func ReadDOCX(data []byte) (Result, error) {
	p, err := docxReader("", data)
	return p.result(), err
}

// ReadDOC reads a Word 97-2003 document (.doc), its runs decoded by the
// legacy encoding of their fonts; path is used in messages only.
func ReadDOC(path string, data []byte) (Result, error) {
	p, err := readDOCFile(path, data)
	return p.result(), err
}

// ReadRTF reads an RTF document, its runs decoded by the legacy encoding
// of their fonts; path is used in messages only.
func ReadRTF(path string, data []byte) (Result, error) {
	p, err := readRTFFile(path, data)
	return p.result(), err
}

// humanBytes formats n bytes as KiB/MiB/GiB for messages.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
