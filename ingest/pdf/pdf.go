package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"

	"vanban/internal/lazyregexp"
)

// ErrEncrypted is wrapped by the errors for PDFs that need a password or
// use an encryption this reader cannot undo.
var ErrEncrypted = errors.New("encrypted")

// Result is what the reader makes of a PDF: text per page, the metadata
// of its Info dictionary, what went wrong without stopping it, and the
// pages that paint something but hold no text (scans, for OCR).
type Result struct {
	Pages     []string
	Title     string
	Published string // ISO date or datetime
	Meta      map[string]string
	Warnings  []string
	NoText    []int // 1-based
}

// Parse reads a PDF held in data, at most maxPages pages: text per page,
// metadata, warnings. It never panics; a file that cannot be read at all
// is an error (errors.Is ErrEncrypted for a password or an encryption it
// cannot undo). Parse runs in the calling process: a hostile file can
// take long or use much memory, so callers run it in a worker process
// with a deadline.
func Parse(data []byte, maxPages int) (Result, error) {
	p, err := parsePDF(data, maxPages)
	return Result{Pages: p.pages, Title: p.title, Published: p.published, Meta: p.meta, Warnings: p.warnings, NoText: p.noText}, err
}

// parsed is what parsePDF finds.
type parsed struct {
	pages     []string
	paged     bool
	title     string
	published string
	meta      map[string]string
	warnings  []string
	noText    []int
}

// ErrPassword is the error for a PDF that needs a password to open.
var ErrPassword = fmt.Errorf("%w PDF: a password is required", ErrEncrypted)

// parsePDF reads a PDF held in data: text per page, metadata, warnings.
// It never panics; a file that cannot be read at all is an error.
func parsePDF(data []byte, maxPages int) (p parsed, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = parsed{}, fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	if len(data) == 0 {
		return parsed{}, errors.New("empty file")
	}
	fixed, notes, err := fixPDFEnvelope(data)
	if err != nil {
		return parsed{}, err
	}
	if exp, ok := expandFilterNames(fixed); ok {
		// Old producers' abbreviated filter names (/Fl): spelled out,
		// which moves every offset, so the xref is rebuilt.
		if rebuilt, err := rebuildXref(exp); err == nil {
			fixed = rebuilt
		}
	}
	if dec, ok, lzwNotes := decodeLZWStreams(fixed); ok {
		// LZW content streams, which the library cannot read: decoded
		// here, and the xref rebuilt.
		if rebuilt, err := rebuildXref(dec); err == nil {
			fixed = rebuilt
			notes = append(notes, lzwNotes...)
		}
	}
	r, cryptNotes, openErr := openPDF(fixed)
	notes = append(notes, cryptNotes...)
	var pages []pageRef
	var treeWarn []string
	if openErr == nil {
		pages, treeWarn, openErr = walkPageTree(r, maxPages)
	}
	var ex pdfExtract
	if openErr == nil {
		ex = extractPages(pages)
	}
	if openErr != nil || ex.allFailed {
		if errors.Is(openErr, ErrPassword) || errors.Is(openErr, ErrUnsupportedCrypt) {
			return parsed{}, openErr
		}
		// Damaged cross-reference data (the file does not open, or no
		// page can be read): rebuild it by scanning for objects, as
		// poppler and qpdf do.
		r2, pages2, warn2, rerr := reopenRebuilt(fixed, maxPages)
		switch {
		case rerr == nil:
			ex2 := extractPages(pages2)
			if openErr == nil && ex2.allFailed {
				break // no better: keep the first reading
			}
			r, pages, treeWarn, ex = r2, pages2, warn2, ex2
			if !bytes.Contains(fixed[max(0, len(fixed)-2048):], []byte("%%EOF")) {
				notes = append(notes, "truncated PDF: no end of file marker; the pages found by scanning were read")
			} else {
				notes = append(notes, "damaged PDF: cross-reference table rebuilt by scanning the file")
			}
		case openErr != nil:
			return parsed{}, fmt.Errorf("%w (rebuilding the cross-reference table: %v)", openErr, rerr)
		}
	}
	p.paged = true
	p.warnings = append(p.warnings, notes...)
	p.warnings = append(p.warnings, treeWarn...)
	p.warnings = append(p.warnings, ex.warnings...)
	p.noText = ex.noText
	readInfo(r, &p)
	dropRunningLines(ex.lines, ex.bands)
	lay := measureLayout(ex.lines)
	p.pages = make([]string, len(pages))
	for i, lines := range ex.lines {
		p.pages[i] = joinParagraphs(lines, lay)
	}
	if len(pages) == 0 {
		p.pages = []string{""}
		p.warnings = append(p.warnings, "PDF has no pages")
	}
	return p, nil
}

// reopenRebuilt opens data with a cross-reference table rebuilt by
// scanning, and walks its page tree.
func reopenRebuilt(data []byte, maxPages int) (*pdf.Reader, []pageRef, []string, error) {
	rebuilt, err := rebuildXref(data)
	if err != nil {
		return nil, nil, nil, err
	}
	r, _, err := openPDF(rebuilt)
	if err != nil {
		return nil, nil, nil, err
	}
	pages, warn, err := walkPageTree(r, maxPages)
	if err != nil {
		return nil, nil, nil, err
	}
	return r, pages, warn, nil
}

// pdfExtract is the text layer of a document's pages, before layout.
type pdfExtract struct {
	lines     [][]textLine
	bands     []band
	warnings  []string
	allFailed bool  // every page failed to read
	noText    []int // pages that paint something but hold no text
}

// extractPages reads the text lines of every page. Pages that fail are
// reported grouped by reason; pages without text that paint something
// are reported as scanned.
func extractPages(pages []pageRef) pdfExtract {
	fonts := make(map[fontKey]*pdfFont)
	ex := pdfExtract{lines: make([][]textLine, len(pages)), bands: make([]band, len(pages))}
	var noText []int
	var failed []pageFailure
	for i, pg := range pages {
		ex.bands[i] = band{pg.y0, pg.y1}
		runs, painted, images, werr := walkPage(pg.v, pg.res, fonts)
		if werr != nil {
			failed = append(failed, pageFailure{i + 1, shortErr(werr)})
		}
		ex.lines[i] = buildLines(runs)
		if len(ex.lines[i]) == 0 && (painted || images > 0) {
			noText = append(noText, i+1)
		}
	}
	ex.allFailed = len(pages) > 0 && len(failed) == len(pages)
	ex.warnings = append(ex.warnings, failureWarnings(failed)...)
	ex.noText = noText
	for _, f := range fonts {
		if f.unmapped > 0 {
			ex.warnings = append(ex.warnings, "some text uses a font with no Unicode mapping and was dropped")
			break
		}
	}
	return ex
}

// pageFailure is a page that could not be read, and why.
type pageFailure struct {
	page   int
	reason string
}

// failureWarnings words page failures: "page N: reason" for a few pages,
// one line per reason for many ("pages 1, 2, 3, ... (40 pages): reason").
func failureWarnings(failed []pageFailure) []string {
	if len(failed) <= 5 {
		var w []string
		for _, f := range failed {
			w = append(w, fmt.Sprintf("page %d: %s", f.page, f.reason))
		}
		return w
	}
	var order []string
	byReason := make(map[string][]int)
	for _, f := range failed {
		if _, ok := byReason[f.reason]; !ok {
			order = append(order, f.reason)
		}
		byReason[f.reason] = append(byReason[f.reason], f.page)
	}
	var w []string
	for _, reason := range order {
		pages := byReason[reason]
		if len(pages) == 1 {
			w = append(w, fmt.Sprintf("page %d: %s", pages[0], reason))
			continue
		}
		var s []string
		for _, n := range pages[:min(3, len(pages))] {
			s = append(s, fmt.Sprint(n))
		}
		more := ""
		if len(pages) > 3 {
			more = ", ..."
		}
		w = append(w, fmt.Sprintf("pages %s%s (%d pages): %s", strings.Join(s, ", "), more, len(pages), reason))
	}
	return w
}

// shortErr keeps a library error message to one reasonable line.
func shortErr(err error) string {
	s := strings.ReplaceAll(err.Error(), "\n", " ")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}

// ErrUnsupportedCrypt is the error for encryption the library cannot
// undo (AES-256, unknown security handlers).
var ErrUnsupportedCrypt = fmt.Errorf("%w PDF: unsupported encryption", ErrEncrypted)

// openPDF opens a PDF with the empty user password, turning the library's
// panics and password errors into errors.
func openPDF(data []byte) (r *pdf.Reader, notes []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, notes, err = nil, nil, fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	r, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err == nil {
		return r, restrictionNote(r), nil
	}
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(msg, "invalid password"):
		return nil, nil, ErrPassword
	case strings.Contains(msg, "encryption") || strings.Contains(msg, "bit encryption key"):
		if bytes.Contains(data, []byte("/AESV3")) || bytes.Contains(data, []byte("/R 6")) || bytes.Contains(data, []byte("/R 5")) {
			r, p, err := decryptAES256(data)
			if err != nil {
				return nil, nil, err
			}
			return r, restrictions(p), nil
		}
		return nil, nil, fmt.Errorf("%w: %s", ErrUnsupportedCrypt, msg)
	}
	return nil, nil, fmt.Errorf("malformed PDF: %s", strings.TrimPrefix(strings.TrimPrefix(msg, "malformed PDF: "), "malformed PDF file: "))
}

// restrictionNote returns the warning for an encrypted file opened with
// the empty user password whose owner forbids copying text.
func restrictionNote(r *pdf.Reader) (notes []string) {
	defer func() { _ = recover() }()
	enc := r.Trailer().Key("Encrypt")
	if enc.Kind() != pdf.Dict {
		return nil
	}
	return restrictions(enc.Key("P").Int64())
}

// restrictions words the permission flags P (bit 5: copy text).
func restrictions(p int64) []string {
	if p&16 == 0 {
		return []string{"encrypted PDF opened with the empty user password; its owner restricts copying text"}
	}
	return nil
}

// headerRE finds the PDF header.
var headerRE = lazyregexp.New(`%PDF-(\d)\.(\d)`)

// fixPDFEnvelope checks that data is a PDF and fixes what the library is
// needlessly strict about: bytes before the header, a header version it
// does not know (PDF 2.0), a header line without a line end, and bytes
// after the last %%EOF. Byte offsets inside the file are kept.
func fixPDFEnvelope(data []byte) ([]byte, []string, error) {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	loc := headerRE.FindIndex(head)
	if loc == nil {
		return nil, nil, errors.New("not a PDF: no %PDF header")
	}
	var notes []string
	out := data
	if loc[0] > 0 {
		// Offsets count from the header in such files.
		out = out[loc[0]:]
		notes = append(notes, fmt.Sprintf("%d bytes of junk before the PDF header were skipped", loc[0]))
	}
	copied := false
	cp := func() {
		if !copied {
			out = append([]byte(nil), out...)
			copied = true
		}
	}
	if len(out) >= 9 && (out[5] != '1' || out[7] < '0' || out[7] > '7') {
		cp()
		copy(out[5:8], "1.7")
	}
	if len(out) >= 9 && out[8] != '\r' && out[8] != '\n' {
		cp()
		// The header is followed on its line by a comment or a space:
		// end the line there (a space before "%" is a comment anyway).
		out[8] = '\n'
	}
	tail := out
	if len(tail) > 2048 {
		tail = tail[len(tail)-2048:]
	}
	i := bytes.LastIndex(tail, []byte("%%EOF"))
	if i < 0 {
		return out, notes, nil // truncated: the repair path handles it
	}
	end := len(out) - len(tail) + i + len("%%EOF")
	if rest := bytes.TrimSpace(out[end:]); len(rest) > 0 {
		out = out[:end]
	}
	return out, notes, nil
}

// maxTreeDepth bounds the page tree's depth; real files use a few levels.
const maxTreeDepth = 64

// walkPageTree visits the page tree once, depth first, and returns the
// page objects in order with the resources each inherits. It guards against
// cyclic /Kids (a node met twice is skipped), a tree deeper than
// maxTreeDepth, and more pages than maxPages (the rest are skipped with a
// warning). /Count is never trusted.
func walkPageTree(r *pdf.Reader, maxPages int) (pages []pageRef, warnings []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("malformed PDF: page tree: %v", x)
		}
	}()
	root := r.Trailer().Key("Root")
	if root.Kind() != pdf.Dict {
		return nil, nil, errors.New("malformed PDF: no document catalog")
	}
	top := root.Key("Pages")
	if top.Kind() != pdf.Dict {
		return nil, nil, errors.New("malformed PDF: no page tree")
	}
	visited := make(map[uint64]bool)
	var cyclic, deep, capped bool
	extra := 0
	var visit func(node pdf.Value, inh pageRef, depth int, direct bool)
	visit = func(node pdf.Value, inh pageRef, depth int, direct bool) {
		// A direct dictionary in /Kids carries its holder's number, so
		// it has no identity of its own; it cannot close a cycle alone.
		if k, ok := objKey(node); ok && !direct {
			if visited[k] {
				cyclic = true
				return
			}
			visited[k] = true
		}
		if depth > maxTreeDepth {
			deep = true
			return
		}
		if rv := node.Key("Resources"); rv.Kind() == pdf.Dict {
			inh.res = rv
		}
		if mb := node.Key("MediaBox"); mb.Len() == 4 {
			y0, y1 := mb.Index(1).Float64(), mb.Index(3).Float64()
			inh.y0, inh.y1 = min(y0, y1), max(y0, y1)
		}
		kids := node.Key("Kids")
		typ := node.Key("Type").Name()
		if typ == "Page" || typ != "Pages" && kids.Kind() != pdf.Array {
			if len(pages) >= maxPages {
				capped = true
				extra++
				return
			}
			inh.v = node
			pages = append(pages, inh)
			return
		}
		kk, _ := objKey(kids)
		nodeKey, _ := objKey(node)
		for i := 0; i < kids.Len(); i++ {
			if capped && extra > 0 {
				// Counting the rest would mean walking a possibly
				// huge tree; stop here.
				return
			}
			kid := kids.Index(i)
			if kid.Kind() != pdf.Dict {
				continue
			}
			k, ok := objKey(kid)
			if ok && (k == kk || k == nodeKey) {
				// Either a direct dictionary in /Kids (it carries its
				// holder's number) or a reference back to this node.
				// A leaf cannot recurse, so read it; a node is a cycle.
				if kid.Key("Type").Name() != "Page" {
					cyclic = true
					continue
				}
				visit(kid, inh, depth+1, true)
				continue
			}
			visit(kid, inh, depth+1, false)
		}
	}
	visit(top, pageRef{y0: 0, y1: 842}, 0, false)
	if cyclic {
		warnings = append(warnings, "page tree refers to itself (cyclic /Kids); repeated nodes were skipped")
	}
	if deep {
		warnings = append(warnings, fmt.Sprintf("page tree deeper than %d levels was cut", maxTreeDepth))
	}
	if capped {
		warnings = append(warnings, fmt.Sprintf("PDF has more than %d pages; only the first %d were read", maxPages, maxPages))
	}
	return pages, warnings, nil
}

// pageRef is a page object with what it inherits from the page tree: its
// resources and the vertical extent of its MediaBox.
type pageRef struct {
	v      pdf.Value
	res    pdf.Value
	y0, y1 float64
}

// pdfDateRE matches a PDF date: D:YYYYMMDDHHmmSS with optional parts.
var pdfDateRE = lazyregexp.New(`^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?`)

// pdfDate turns a PDF date string into ISO 8601 (YYYY-MM-DD, with THH:MM
// when the time is given), or "" if it is not a plausible date.
func pdfDate(s string) string {
	m := pdfDateRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || m[2] == "" || m[3] == "" {
		return ""
	}
	y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	out := fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	if m[4] != "" && m[5] != "" {
		h, mi := atoi(m[4]), atoi(m[5])
		if h < 24 && mi < 60 {
			out += fmt.Sprintf("T%02d:%02d", h, mi)
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// readInfo copies the Info dictionary's hints into p.
func readInfo(r *pdf.Reader, p *parsed) {
	defer func() { _ = recover() }()
	info := r.Trailer().Key("Info")
	if info.Kind() != pdf.Dict {
		return
	}
	text := func(k string) string {
		return strings.TrimSpace(cleanText(info.Key(k).Text()))
	}
	p.title = pdfTitle(text("Title"))
	p.published = pdfDate(text("CreationDate"))
	p.meta = make(map[string]string)
	for _, k := range []string{"Author", "Producer", "Creator", "Subject", "Keywords"} {
		if v := text(k); v != "" {
			p.meta[strings.ToLower(k)] = v
		}
	}
	if v := pdfDate(text("ModDate")); v != "" {
		p.meta["modified"] = v
	}
	if len(p.meta) == 0 {
		p.meta = nil
	}
}

// pdfTitle cleans a PDF Info title: a producer's "Microsoft Word - "
// prefix goes, and a title that is only a file name is no title.
func pdfTitle(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "Microsoft Word - "))
	low := strings.ToLower(s)
	for _, ext := range []string{".doc", ".docx", ".pdf", ".rtf", ".odt", ".txt"} {
		if strings.HasSuffix(low, ext) {
			return ""
		}
	}
	return s
}
