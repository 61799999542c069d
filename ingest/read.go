package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"vanban/ingest/sheet"
	"vanban/ingest/slides"
	"vanban/ingest/vntext"
)

// MaxFileSize is the largest file Read accepts. Bigger files are refused
// with ErrTooLarge before anything is read into memory.
const MaxFileSize = 256 << 20

// Sentinel errors for the common classes of unreadable files. Read wraps
// them, so callers tell them apart with errors.Is.
var (
	// ErrEmpty means the file has no bytes.
	ErrEmpty = errors.New("empty file")
	// ErrTooLarge means the file, or a part inside it, exceeds a size limit.
	ErrTooLarge = errors.New("too large")
	// ErrNotDocument means the bytes are not a document of any kind
	// (an executable, an image, an archive, random bytes, ...).
	ErrNotDocument = errors.New("not a document")
	// ErrUnsupported means the bytes are a document in a format vanban does
	// not read (a spreadsheet, a presentation, ...).
	ErrUnsupported = errors.New("unsupported")
	// ErrEncrypted means the file is encrypted and needs a password.
	ErrEncrypted = errors.New("encrypted")
	// ErrCorrupt means the file is of a known format but damaged beyond
	// reading.
	ErrCorrupt = errors.New("corrupt")
)

// Read reads the file at path and returns its Document. The format comes
// from the bytes, never from the name. A file that cannot be read at all is
// an error that names the file and the reason; the Document returned with
// it still carries what is known (path, size, hash, format), so that a
// caller can report the file.
func Read(path string) (Document, error) {
	doc := Document{Path: path}
	data, err := readFile(path)
	if err != nil {
		return doc, fmt.Errorf("%s: %w", path, err)
	}
	doc.Size = int64(len(data))
	sum := sha256.Sum256(data)
	doc.SHA256 = hex.EncodeToString(sum[:])
	if err := readBytes(&doc, path, data); err != nil {
		return doc, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

// ReadBytes is Read for bytes already in memory; path is used for messages
// and as Document.Path only.
func ReadBytes(path string, data []byte) (Document, error) {
	doc := Document{Path: path, Size: int64(len(data))}
	sum := sha256.Sum256(data)
	doc.SHA256 = hex.EncodeToString(sum[:])
	if len(data) > MaxFileSize {
		return doc, fmt.Errorf("%s: %w: %s exceeds the limit of %s", path, ErrTooLarge, humanBytes(int64(len(data))), humanBytes(MaxFileSize))
	}
	if err := readBytes(&doc, path, data); err != nil {
		return doc, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

// readFile reads the whole file, refusing empty files, non-regular files
// and files over MaxFileSize without reading them.
func readFile(path string) ([]byte, error) {
	// Stat first: opening a FIFO or a device could block or never end.
	if fi, err := os.Stat(path); err != nil {
		return nil, unwrapPathError(err)
	} else if fi.IsDir() {
		return nil, errors.New("is a directory")
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: not a regular file (%s)", ErrNotDocument, fi.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if fi.IsDir() {
		return nil, errors.New("is a directory")
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: not a regular file (%s)", ErrNotDocument, fi.Mode().Type())
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%w: %s exceeds the limit of %s", ErrTooLarge, humanBytes(fi.Size()), humanBytes(MaxFileSize))
	}
	// The size may change under us: read at most one byte over the cap.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, humanBytes(MaxFileSize))
	}
	return data, nil
}

// unwrapPathError drops the *os.PathError's own copy of the path (Read adds
// it once) but keeps the cause for errors.Is (fs.ErrPermission, ...).
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// readBytes sniffs data, runs the format's reader with panics recovered and
// fills doc with the cleaned result.
func readBytes(doc *Document, path string, data []byte) error {
	if len(data) == 0 {
		return ErrEmpty
	}
	s := sniff(data)
	doc.Format = s.format
	if s.err != nil {
		return s.err
	}
	read := readerFor(s.format)
	if read == nil {
		return fmt.Errorf("%w: no reader for format %q", ErrUnsupported, s.format)
	}
	p, err := safeRead(read, path, data)
	if err != nil {
		if errors.Is(err, ErrUnsupported) {
			// The reader found the bytes to be something else (an .xls in
			// an OLE2 file sent to the .doc reader): no format to claim.
			doc.Format = ""
		}
		return err
	}
	switch s.format {
	case FormatPDF:
		doc.OCRPages = ocrPDF(&p, data)
	case FormatPNG, FormatJPEG, FormatTIFF:
		n, err := ocrImage(&p, data)
		if err != nil {
			return err
		}
		doc.OCRPages = n
	}
	finish(doc, p)
	return nil
}

// readerFor returns the reader variable for a format; it is looked up at
// call time so that a test's replacement takes effect.
func readerFor(f Format) func(string, []byte) (parsed, error) {
	switch f {
	case FormatPDF:
		return readPDF
	case FormatDOCX:
		return readDOCX
	case FormatHTML:
		return readHTML
	case FormatText:
		return readText
	case FormatRTF:
		return readRTF
	case FormatDOC:
		return readDOC
	case FormatPNG, FormatJPEG, FormatTIFF:
		return readImage
	case FormatXLSX:
		return readSheet(sheet.ReadXLSX)
	case FormatXLS:
		return readSheet(sheet.ReadXLS)
	case FormatODS:
		return readSheet(sheet.ReadODS)
	case FormatODT:
		return readODT
	case FormatPPTX:
		return readSlides(slides.ReadPPTX)
	case FormatPPT:
		return readSlides(slides.ReadPPT)
	case FormatODP:
		return readSlides(slides.ReadODP)
	}
	return nil
}

// safeRead calls read and turns a panic into an error, so that one bad file
// never takes the batch down.
func safeRead(read func(string, []byte) (parsed, error), path string, data []byte) (p parsed, err error) {
	defer func() {
		if r := recover(); r != nil {
			p = parsed{}
			err = fmt.Errorf("%w: reader crashed: %v", ErrCorrupt, r)
			if os.Getenv("VANBAN_DEBUG") != "" {
				err = fmt.Errorf("%w\n%s", err, debug.Stack())
			}
		}
	}()
	return read(path, data)
}

// finish applies the steps common to every format: mojibake repair and
// cleanup per page, then copies the metadata into doc.
func finish(doc *Document, p parsed) {
	doc.Paged = p.paged
	doc.Encoding = p.encoding
	doc.Title = cleanLine(p.title)
	doc.Published = p.published
	doc.Warnings = append(doc.Warnings, p.warnings...)
	if len(p.meta) > 0 {
		doc.Meta = make(map[string]string, len(p.meta))
		for k, v := range p.meta {
			if v = cleanLine(v); v != "" {
				doc.Meta[k] = v
			}
		}
	}
	pages := p.pages
	if len(pages) == 0 {
		pages = []string{""}
	}
	doc.Pages = make([]string, len(pages))
	repairedFrom := ""
	repairedPages := 0
	for i, pg := range pages {
		if !utf8.ValidString(pg) {
			pg = strings.ToValidUTF8(pg, "\uFFFD")
		}
		fromTCVN3 := p.encoding == vntext.EncTCVN3
		if fixed, enc := vntext.Repair(pg); enc != "" {
			pg = fixed
			repairedFrom = enc
			repairedPages++
			fromTCVN3 = fromTCVN3 || enc == vntext.EncTCVN3
		}
		if fromTCVN3 {
			// TCVN3 has no toned capitals: restore them as the page
			// shows them ("ủY BAN" -> "ỦY BAN").
			pg = vntext.TCVN3Capitals(norm.NFC.String(pg))
		}
		doc.Pages[i] = vntext.Clean(pg)
	}
	if repairedPages > 0 {
		w := "repaired mis-decoded text (mojibake) from " + repairedFrom
		if doc.Paged {
			w += fmt.Sprintf(" on %d of %d pages", repairedPages, len(pages))
		}
		doc.Warnings = append(doc.Warnings, w)
	}
	if len(doc.Warnings) == 0 && strings.TrimSpace(strings.Join(doc.Pages, "")) == "" {
		doc.Warnings = append(doc.Warnings, "no text found in the file")
	}
	if fixed, enc := vntext.Repair(doc.Title); enc != "" {
		doc.Title = cleanLine(fixed)
	}
}

// cleanLine cleans a one-line metadata value: NFC, valid UTF-8, one line.
func cleanLine(s string) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Join(strings.Fields(vntext.Clean(s)), " ")
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
