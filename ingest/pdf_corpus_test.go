package ingest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/testshared"
)

// TestPDFFormatsFidelity reads every PDF variant in corpus/formats (made by
// LibreOffice from the dev texts) and requires at least 99.5% of the UTF-8
// source's characters, in order (character LCS after NFC and whitespace
// collapsing; charRecall in corpus_test.go). It logs the figure per file
// and, when pdftotext is installed, pdftotext's figure beside it.
func TestPDFFormatsFidelity(t *testing.T) {
	formats := testshared.Dir(t, "corpus/formats")
	dev := testshared.Dir(t, "corpus/dev")
	_, errPT := exec.LookPath("pdftotext")
	n := 0
	for _, r := range readVariants(t, filepath.Join(formats, "variants.tsv")) {
		if r.kind != "pdf" {
			continue
		}
		n++
		t.Run(r.variant, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dev, r.source))
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(formats, r.variant))
			if err != nil {
				t.Fatal(err)
			}
			p, err := parsePDF(data, PDFMaxPages)
			if err != nil {
				t.Fatalf("parsePDF(%q) error: %v", r.variant, err)
			}
			got := norm.NFC.String(strings.Join(p.pages, "\n"))
			if !utf8.ValidString(got) {
				t.Errorf("parsePDF(%q): text is not valid UTF-8", r.variant)
			}
			if len(p.warnings) > 0 {
				t.Errorf("parsePDF(%q).warnings = %q; want none", r.variant, p.warnings)
			}
			score := charRecall(string(src), got)
			line := ""
			if errPT == nil {
				out, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(formats, r.variant), "-").Output()
				if err == nil {
					line = " (pdftotext " + pct(charRecall(string(src), string(out))) + ")"
				}
			}
			t.Logf("%s: %s of the source's characters%s", r.variant, pct(score), line)
			if score < 0.995 {
				t.Errorf("parsePDF(%q): %s of the source's characters; want >= 99.5%%", r.variant, pct(score))
			}
		})
	}
	if n == 0 {
		t.Fatal("no pdf variants in variants.tsv")
	}
}

func pct(f float64) string { return strconv.FormatFloat(f*100, 'f', 2, 64) + "%" }

// brokenSyllableRE finds what a broken text layer produces in Vietnamese:
// a combining mark left alone, U+FFFD, or a lone tone-less fragment glued
// to a toned vowel across a space ("Vi ệt").
var brokenSyllableRE = regexp.MustCompile(`\x{FFFD}|(?:^|\s)\p{Mn}|\p{L} [\x{0300}-\x{0323}]`)

// TestPDFRealDocuments reads the real PDFs in corpus/pdf: every page must
// give text, with no broken diacritics, and about as many words as
// pdftotext finds (when it is installed).
func TestPDFRealDocuments(t *testing.T) {
	dir := testshared.Dir(t, "corpus/pdf")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		t.Skip("no PDFs in corpus/pdf")
	}
	_, errPT := exec.LookPath("pdftotext")
	for _, f := range files {
		name := filepath.Base(f)
		if testing.Short() && strings.HasPrefix(name, "44_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			p, err := parsePDF(data, PDFMaxPages)
			if err != nil {
				t.Fatalf("parsePDF(%q) error: %v", name, err)
			}
			el := time.Since(start)
			text := norm.NFC.String(strings.Join(p.pages, "\n"))
			if m := brokenSyllableRE.FindString(text); m != "" {
				t.Errorf("parsePDF(%q): broken diacritics %q", name, m)
			}
			for i, pg := range p.pages {
				if strings.TrimSpace(pg) == "" {
					t.Errorf("parsePDF(%q): page %d is empty", name, i+1)
				}
			}
			words := len(strings.Fields(text))
			msg := ""
			if errPT == nil {
				out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
				if err == nil {
					ptText := string(out)
					ptWords := len(strings.Fields(ptText))
					msg = " pdftotext words " + strconv.Itoa(ptWords)
					if len(p.pages) <= 50 {
						// The alignment is too slow for the long file.
						msg += ", our recall of pdftotext's text " + pct(charRecall(ptText, text))
					}
					if words < ptWords*95/100 {
						t.Errorf("parsePDF(%q): %d words; pdftotext finds %d", name, words, ptWords)
					}
				}
			}
			t.Logf("%s: %d pages, %d words in %v, title %q, published %q, warnings %q%s", name, len(p.pages), words, el.Round(time.Millisecond), p.title, p.published, p.warnings, msg)
		})
	}
}

// hostilePDFWant is what each hostile PDF in corpus/hostile must give (see
// hostile.tsv there).
var hostilePDFWant = map[string]struct {
	err      string // substring of the error; "" means it must read
	warning  string // substring of a warning, if any is required
	minChars int
	sameAs   string // corpus/pdf file whose text it must equal
	noText   []int  // pages reported as having no text layer (for OCR)
}{
	"empty.pdf":                        {err: "empty file"},
	"random-bytes.pdf":                 {err: "not a PDF"},
	"encrypted-user-password.pdf":      {err: "encrypted PDF: a password is required"},
	"image-only-scan.pdf":              {noText: []int{1}},
	"broken-xref.pdf":                  {warning: "cross-reference table rebuilt", minChars: 5000, sameAs: "an_le_so_432021AL.pdf"},
	"truncated-60pct.pdf":              {warning: "truncated PDF", minChars: 1000},
	"encrypted-owner-restrictions.pdf": {warning: "owner restricts copying", minChars: 5000, sameAs: "an_le_so_672023AL.pdf"},
}

// TestPDFHostile reads the hostile PDFs through the worker process, as
// ingest does, and checks each outcome against hostile.tsv.
func TestPDFHostile(t *testing.T) {
	dir := testshared.Dir(t, "corpus/hostile")
	for name, want := range hostilePDFWant {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Skipf("%s: %v", name, err)
			}
			start := time.Now()
			p, err := readPDFFile(path, data)
			el := time.Since(start)
			t.Logf("%s: err=%v warnings=%q chars=%d in %v", name, err, p.warnings, utf8.RuneCountInString(strings.Join(p.pages, "")), el.Round(time.Millisecond))
			if el > 10*time.Second {
				t.Errorf("readPDFFile(%q) took %v; want < 10s", name, el)
			}
			if want.err != "" {
				if err == nil || !strings.Contains(err.Error(), want.err) {
					t.Errorf("readPDFFile(%q) error = %v; want one containing %q", name, err, want.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("readPDFFile(%q) error = %v; want text", name, err)
			}
			if n := utf8.RuneCountInString(strings.Join(p.pages, "")); n < want.minChars {
				t.Errorf("readPDFFile(%q) gave %d characters; want >= %d", name, n, want.minChars)
			}
			if fmt.Sprint(p.noText) != fmt.Sprint(want.noText) {
				t.Errorf("readPDFFile(%q).noText = %v; want %v", name, p.noText, want.noText)
			}
			if want.warning != "" && !containsAny(p.warnings, want.warning) {
				t.Errorf("readPDFFile(%q).warnings = %q; want one containing %q", name, p.warnings, want.warning)
			}
			if want.sameAs != "" {
				orig, err := os.ReadFile(filepath.Join(dir, "..", "pdf", want.sameAs))
				if err != nil {
					t.Skipf("original %s: %v", want.sameAs, err)
				}
				o, err := parsePDF(orig, PDFMaxPages)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := strings.Join(p.pages, "\f"), strings.Join(o.pages, "\f"); got != want {
					t.Errorf("readPDFFile(%q): text differs from the original's (%d vs %d bytes)", name, len(got), len(want))
				}
			}
		})
	}
}

func containsAny(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
