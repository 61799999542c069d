package ocr

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// InstallHint says how to get the programs OCR needs on Debian or Ubuntu.
const InstallHint = "apt-get install tesseract-ocr tesseract-ocr-script-viet tesseract-ocr-vie poppler-utils"

// Sentinel errors; the errors an Engine returns wrap them.
var (
	// ErrMissing means tesseract (or its language model, or pdftoppm for
	// PDF pages) is not installed.
	ErrMissing = errors.New("OCR is not available")
	// ErrTimeout means a page took longer than Options.PageTimeout.
	ErrTimeout = errors.New("OCR timed out")
	// ErrImage means tesseract could not read the image.
	ErrImage = errors.New("unreadable image")
)

// Options configure an Engine. The zero value is usable: Vietnamese, one
// page at a time, two minutes a page, no cache.
type Options struct {
	// Lang is tesseract's model. When empty, the Vietnamese script model
	// ("Vietnamese", Debian's tesseract-ocr-script-viet) is used where it
	// is installed, else the language model "vie" (tesseract-ocr-vie): on
	// 200 dpi scans the script model confuses hook and acute (đổi/đối)
	// far less often (6 word errors in 1,175 against 30 on one page).
	Lang string
	// Workers is how many pages are recognized at once across every
	// call to the Engine (1 when 0 or less).
	Workers int
	// PageTimeout is how long one page may take (2 minutes when 0).
	PageTimeout time.Duration
	// DPI is the resolution PDF pages are rendered at (300 when 0).
	DPI int
	// CacheDir holds recognized pages by the hash of their image; "" means
	// no cache.
	CacheDir string
}

// Engine runs tesseract for pages, at most Options.Workers at a time. It
// is safe for concurrent use.
type Engine struct {
	opts    Options
	sem     chan struct{}
	pages   atomic.Int64
	check   sync.Once
	checked error
	version string
	pdfOnce sync.Once
	pdfErr  error
}

// New returns an Engine with opts, defaults filled in.
func New(opts Options) *Engine {
	if opts.Workers < 1 {
		opts.Workers = 1
	}
	if opts.PageTimeout <= 0 {
		opts.PageTimeout = 2 * time.Minute
	}
	if opts.DPI <= 0 {
		opts.DPI = 300
	}
	return &Engine{opts: opts, sem: make(chan struct{}, opts.Workers)}
}

// Lang returns the model in use ("" before Available has run).
func (e *Engine) Lang() string {
	if e.Available() != nil {
		return ""
	}
	return e.opts.Lang
}

// Pages returns how many pages the Engine has recognized (cached pages
// included) since it was made.
func (e *Engine) Pages() int64 { return e.pages.Load() }

// Available reports whether tesseract and its language model are
// installed; the error says how to install them. The answer is looked up
// once.
func (e *Engine) Available() error {
	e.check.Do(func() {
		if _, err := exec.LookPath("tesseract"); err != nil {
			e.checked = fmt.Errorf("%w: tesseract is not installed (%s)", ErrMissing, InstallHint)
			return
		}
		out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
		if err != nil {
			e.checked = fmt.Errorf("%w: tesseract --list-langs: %v", ErrMissing, err)
			return
		}
		have := map[string]bool{}
		for _, l := range strings.Fields(string(out)) {
			have[l] = true
		}
		if e.opts.Lang == "" {
			e.opts.Lang = "vie"
			if have["Vietnamese"] {
				e.opts.Lang = "Vietnamese"
			}
		}
		if !have[e.opts.Lang] {
			e.checked = fmt.Errorf("%w: tesseract has no %q model (%s)", ErrMissing, e.opts.Lang, InstallHint)
			return
		}
		if v, err := exec.Command("tesseract", "--version").CombinedOutput(); err == nil {
			e.version, _, _ = strings.Cut(string(v), "\n")
		}
	})
	return e.checked
}

// pdfAvailable reports whether pdftoppm is installed.
func (e *Engine) pdfAvailable() error {
	e.pdfOnce.Do(func() {
		if _, err := exec.LookPath("pdftoppm"); err != nil {
			e.pdfErr = fmt.Errorf("%w: pdftoppm is not installed to render PDF pages (%s)", ErrMissing, InstallHint)
		}
	})
	return e.pdfErr
}

// Page is the text recognized on one page.
type Page struct {
	// Text is the page's paragraphs, separated by "\n".
	Text string
	// Confidence is tesseract's mean word confidence, 0 to 100 (-1 when
	// the page has no words).
	Confidence float64
	// Cached reports that the text came from the cache.
	Cached bool
}

// Image recognizes an image file's bytes (PNG, JPEG, TIFF with one page
// or several, anything leptonica reads) and returns its pages; pages is a
// hint for the deadline (the page count of a multi-page TIFF, else 1).
func (e *Engine) Image(ctx context.Context, img []byte, pages int) ([]Page, error) {
	if err := e.Available(); err != nil {
		return nil, err
	}
	pages = max(pages, 1)
	return e.recognize(ctx, img, pages, 0)
}

// PDFPages renders the given 1-based pages of a PDF with pdftoppm and
// recognizes them in parallel. It returns one Page and one error per page
// asked (the error nil where the page was read); err is set when nothing
// could be tried (no tesseract, no pdftoppm, no temporary file).
func (e *Engine) PDFPages(ctx context.Context, pdf []byte, pages []int) (out []Page, errs []error, err error) {
	if err := e.Available(); err != nil {
		return nil, nil, err
	}
	if err := e.pdfAvailable(); err != nil {
		return nil, nil, err
	}
	f, err := os.CreateTemp("", "vanban-ocr-*.pdf")
	if err != nil {
		return nil, nil, fmt.Errorf("ocr: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(pdf); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("ocr: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, nil, fmt.Errorf("ocr: %w", err)
	}
	out = make([]Page, len(pages))
	errs = make([]error, len(pages))
	var wg sync.WaitGroup
	for i, n := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			img, err := e.render(ctx, f.Name(), n)
			if err != nil {
				errs[i] = err
				return
			}
			pg, err := e.recognize(ctx, img, 1, e.opts.DPI)
			if err != nil {
				errs[i] = err
				return
			}
			out[i] = pg[0]
		}()
	}
	wg.Wait()
	return out, errs, nil
}

// acquire takes a place among the Engine's workers, or fails when ctx ends.
func (e *Engine) acquire(ctx context.Context) error {
	select {
	case e.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (e *Engine) release() { <-e.sem }

// render draws page n of the PDF file at path as a grey PGM image: a PNG
// costs pdftoppm about 12 CPU seconds a page at 300 dpi (more than
// tesseract's reading of it), a PGM a tenth of a second.
func (e *Engine) render(ctx context.Context, path string, n int) ([]byte, error) {
	if err := e.acquire(ctx); err != nil {
		return nil, err
	}
	defer e.release()
	ctx, cancel := context.WithTimeout(ctx, e.opts.PageTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "pdftoppm", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n),
		"-r", strconv.Itoa(e.opts.DPI), "-gray", path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("%w: rendering page %d took over %v", ErrTimeout, n, e.opts.PageTimeout)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("pdftoppm page %d: %v: %s", n, err, firstLine(stderr.String()))
	}
	if stdout.Len() == 0 {
		return nil, fmt.Errorf("pdftoppm page %d: no image", n)
	}
	return stdout.Bytes(), nil
}

// recognize runs tesseract on one image (of pages pages; dpi is its
// resolution when the image does not say, 0 to let tesseract estimate
// it), through the cache, which keeps tesseract's TSV output: the text is made from it on
// every read, so a better layout or fix applies to cached pages too.
func (e *Engine) recognize(ctx context.Context, img []byte, pages, dpi int) ([]Page, error) {
	key := e.cacheKey(img, dpi)
	if tsv, ok := e.cacheGet(key); ok {
		got := textOf(tsv)
		for i := range got {
			got[i].Cached = true
		}
		e.pages.Add(int64(len(got)))
		return got, nil
	}
	if err := e.acquire(ctx); err != nil {
		return nil, err
	}
	defer e.release()
	timeout := e.opts.PageTimeout * time.Duration(pages)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	args := []string{"stdin", "stdout", "-l", e.opts.Lang, "--psm", "3"}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	cmd := exec.CommandContext(ctx, "tesseract", append(args, "tsv")...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(img)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("%w after %v", ErrTimeout, timeout)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: tesseract: %v: %s", ErrImage, err, firstLine(stderr.String()))
	}
	if len(ParseTSV(stdout.Bytes())) == 0 {
		if msg := firstLine(stderr.String()); strings.Contains(strings.ToLower(msg), "error") {
			return nil, fmt.Errorf("%w: tesseract: %s", ErrImage, msg)
		}
	}
	tsv := stdout.Bytes()
	if pages == 1 {
		tsv = e.recoverBands(ctx, img, tsv)
	}
	got := textOf(tsv)
	e.cachePut(key, tsv)
	e.pages.Add(int64(len(got)))
	return got, nil
}

// textOf makes the pages of a TSV output: paragraphs, mended confusions;
// one empty page when tesseract found nothing.
func textOf(tsv []byte) []Page {
	got := ParseTSV(tsv)
	for i := range got {
		got[i].Text = Fix(got[i].Text)
	}
	if len(got) == 0 {
		got = []Page{{Confidence: -1}}
	}
	return got
}

// cacheKey is the hex SHA-256 of the image and of what tesseract is asked
// (model, version, resolution, page segmentation).
func (e *Engine) cacheKey(img []byte, dpi int) string {
	h := sha256.New()
	h.Write(img)
	fmt.Fprintf(h, "\x00%s\x00%s\x00dpi%d\x00psm3\x00tsv\x00bands\x00rules", e.opts.Lang, e.version, dpi)
	return hex.EncodeToString(h.Sum(nil))
}

func (e *Engine) cachePath(key string) string {
	return filepath.Join(e.opts.CacheDir, key[:2], key+".tsv")
}

// cacheGet returns the TSV output stored under key.
func (e *Engine) cacheGet(key string) ([]byte, bool) {
	if e.opts.CacheDir == "" {
		return nil, false
	}
	b, err := os.ReadFile(e.cachePath(key))
	return b, err == nil
}

// cachePut stores a TSV output under key, atomically; a failure only costs
// a later OCR run.
func (e *Engine) cachePut(key string, tsv []byte) {
	if e.opts.CacheDir == "" {
		return
	}
	path := e.cachePath(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(tsv)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

// DefaultCacheDir is the folder for cached pages: vanban/ocr in the user's
// cache folder, or "" when there is none.
func DefaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "vanban", "ocr")
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	for _, l := range strings.Split(s, "\n") {
		// tesseract's chatter ("Estimating resolution as 300") is no reason.
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "Estimating resolution") && !strings.HasPrefix(l, "Detected") {
			if len(l) > 200 {
				l = l[:200] + "..."
			}
			return l
		}
	}
	return s
}
