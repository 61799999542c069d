package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"vanban/ingest/ocr"
)

// OCRMode says which pages go to OCR.
type OCRMode string

// The OCR modes of --ocr.
const (
	// OCRAuto recognizes pages that have no text layer (scanned PDF
	// pages) and image files.
	OCRAuto OCRMode = "auto"
	// OCROff never runs OCR: scanned pages are reported and left empty,
	// image files are not documents.
	OCROff OCRMode = "off"
	// OCRForce recognizes every page of a PDF, replacing its text layer,
	// and image files.
	OCRForce OCRMode = "force"
)

// ParseOCRMode returns the mode named s ("auto", "off", "force").
func ParseOCRMode(s string) (OCRMode, error) {
	switch m := OCRMode(strings.ToLower(s)); m {
	case OCRAuto, OCROff, OCRForce:
		return m, nil
	}
	return "", fmt.Errorf("unknown OCR mode %q (want auto, off or force)", s)
}

// OCROptions configure OCR for every Read that follows SetOCR.
type OCROptions struct {
	// Mode says which pages are recognized (OCRAuto when empty).
	Mode OCRMode
	// Workers is how many pages are recognized at once, across all files
	// (the number of CPUs when 0).
	Workers int
	// PageTimeout bounds one page (2 minutes when 0).
	PageTimeout time.Duration
	// CacheDir keeps recognized pages by image hash ("" for no cache;
	// DefaultOCRCacheDir is the usual place).
	CacheDir string
	// Context, when set, stops the tesseract and pdftoppm processes of
	// pages in progress when it is done (Ctrl-C): those pages are then
	// left empty with a warning.
	Context context.Context
}

// DefaultOCRCacheDir is where the CLI caches recognized pages: vanban/ocr
// in the user's cache folder.
func DefaultOCRCacheDir() string { return ocr.DefaultCacheDir() }

var (
	ocrMu     sync.Mutex
	ocrMode   = OCRAuto
	ocrEngine *ocr.Engine
	ocrCtx    = context.Background()
)

// SetOCR sets how Read runs OCR from now on. Call it before reading, not
// while reads run.
func SetOCR(o OCROptions) {
	if o.Mode == "" {
		o.Mode = OCRAuto
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	ocrMu.Lock()
	defer ocrMu.Unlock()
	ocrMode = o.Mode
	ocrCtx = context.Background()
	if o.Context != nil {
		ocrCtx = o.Context
	}
	ocrEngine = ocr.New(ocr.Options{Workers: o.Workers, PageTimeout: o.PageTimeout, CacheDir: o.CacheDir})
}

// currentOCR returns the mode and engine in force (a default engine, no
// cache, when SetOCR was never called).
func currentOCR() (OCRMode, *ocr.Engine) {
	ocrMu.Lock()
	defer ocrMu.Unlock()
	if ocrEngine == nil {
		ocrEngine = ocr.New(ocr.Options{Workers: runtime.NumCPU()})
	}
	return ocrMode, ocrEngine
}

// ocrContext returns the context OCR runs under.
func ocrContext() context.Context {
	ocrMu.Lock()
	defer ocrMu.Unlock()
	return ocrCtx
}

// OCRPagesDone returns how many pages OCR has recognized since SetOCR
// (pages found in the cache included): the progress count.
func OCRPagesDone() int64 {
	_, e := currentOCR()
	return e.Pages()
}

// OCRAvailable reports whether OCR can run; the error says how to install
// what is missing.
func OCRAvailable() error {
	_, e := currentOCR()
	return e.Available()
}

// ocrPDF recognizes the pages of a PDF that need it (pages without a text
// layer, or every page with OCRForce) and puts their text into p, with one
// warning line per page (or a summary for many). It returns how many pages
// came from OCR.
func ocrPDF(p *parsed, data []byte) int {
	mode, eng := currentOCR()
	want := p.noText
	if mode == OCRForce {
		want = make([]int, len(p.pages))
		for i := range want {
			want[i] = i + 1
		}
	}
	if len(want) == 0 {
		return 0
	}
	if mode == OCROff {
		p.warnings = append(p.warnings, noTextWarnings(p.noText, len(p.pages), "OCR is off (--ocr off)")...)
		return 0
	}
	pages, errs, err := eng.PDFPages(ocrContext(), data, want)
	if err != nil {
		if mode == OCRForce {
			// The text layer is still there.
			p.warnings = append(p.warnings, "OCR not run: "+err.Error())
		}
		p.warnings = append(p.warnings, noTextWarnings(p.noText, len(p.pages), ocrMissingHint(err))...)
		return 0
	}
	var done []ocrPageNote
	var failed []int
	var why string
	for i, n := range want {
		if errs[i] != nil {
			failed = append(failed, n)
			why = errs[i].Error()
			continue
		}
		if n-1 < len(p.pages) {
			p.pages[n-1] = pages[i].Text
		}
		done = append(done, ocrPageNote{n, pages[i].Confidence})
	}
	p.warnings = append(p.warnings, ocrWarnings(done)...)
	if len(failed) > 0 {
		p.warnings = append(p.warnings, noTextWarnings(failed, len(p.pages), "OCR failed: "+why)...)
	}
	return len(done)
}

// ocrImage recognizes an image file into p.
func ocrImage(p *parsed, data []byte) (int, error) {
	mode, eng := currentOCR()
	if mode == OCROff {
		return 0, fmt.Errorf("%w: an image, and OCR is off (--ocr off)", ErrUnsupported)
	}
	pages, err := eng.Image(ocrContext(), data, p.images)
	if errors.Is(err, ocr.ErrMissing) {
		return 0, fmt.Errorf("%w: an image needs OCR: %v", ErrUnsupported, err)
	}
	if errors.Is(err, ocr.ErrImage) {
		return 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if err != nil {
		return 0, err
	}
	p.paged = true
	p.pages = make([]string, len(pages))
	notes := make([]ocrPageNote, len(pages))
	for i, pg := range pages {
		p.pages[i] = pg.Text
		notes[i] = ocrPageNote{i + 1, pg.Confidence}
	}
	p.warnings = append(p.warnings, ocrWarnings(notes)...)
	return len(pages), nil
}

// ocrMissingHint is the reason given for scanned pages left empty.
func ocrMissingHint(err error) string {
	if errors.Is(err, ocr.ErrMissing) {
		return "install tesseract to read it (" + ocr.InstallHint + ")"
	}
	return "OCR failed: " + err.Error()
}

// ocrPageNote is a page read by OCR and tesseract's mean confidence.
type ocrPageNote struct {
	page int
	conf float64
}

// ocrWarnings words the pages that came from OCR: one line per page for a
// few, a summary for many, with the lowest confidence.
func ocrWarnings(notes []ocrPageNote) []string {
	if len(notes) == 0 {
		return nil
	}
	conf := func(c float64) string {
		if c < 0 {
			return "no words found"
		}
		return fmt.Sprintf("confidence %.0f%%", c)
	}
	if len(notes) <= 5 {
		w := make([]string, len(notes))
		for i, n := range notes {
			w[i] = fmt.Sprintf("page %d: text recognized by OCR (%s)", n.page, conf(n.conf))
		}
		return w
	}
	low := notes[0]
	for _, n := range notes {
		if n.conf < low.conf {
			low = n
		}
	}
	return []string{fmt.Sprintf("%d pages: text recognized by OCR (lowest %s, page %d)", len(notes), conf(low.conf), low.page)}
}

// noTextWarnings words the warning for pages without a text layer that
// were left empty, and why; a long list is shortened.
func noTextWarnings(pages []int, total int, why string) []string {
	switch {
	case len(pages) == 0:
		return nil
	case len(pages) == total && total > 1:
		return []string{fmt.Sprintf("no page has a text layer (%d pages); the PDF looks scanned; %s", total, why)}
	case len(pages) <= 5:
		var w []string
		for _, n := range pages {
			w = append(w, fmt.Sprintf("page %d has no text layer; it looks scanned; %s", n, why))
		}
		return w
	}
	var s []string
	for _, n := range pages[:5] {
		s = append(s, fmt.Sprint(n))
	}
	return []string{fmt.Sprintf("%d pages have no text layer (pages %s, ...); they look scanned; %s", len(pages), strings.Join(s, ", "), why)}
}
