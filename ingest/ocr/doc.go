// Package ocr recognizes the text of scanned pages with the tesseract
// program and its Vietnamese model (Debian packages tesseract-ocr and
// tesseract-ocr-vie), the way ocrmypdf does: one tesseract process per page
// image, with OMP_THREAD_LIMIT=1 so that pages run in parallel instead of
// one page over every core. Pages of a PDF are rendered with pdftoppm
// (poppler-utils) at 300 dpi in grey, as PGM (pdftoppm spends more time
// compressing a PNG than tesseract spends reading it), and given to
// tesseract with their resolution; PNG, JPEG and TIFF files go to
// tesseract as they are (a multi-page TIFF in one run).
//
// An Engine bounds how many pages run at once, gives each page a deadline,
// counts the pages it recognized and caches each result on disk under the
// SHA-256 of the page image, so that reading a file again does not run OCR
// again. Lines come back from tesseract's TSV output with their geometry;
// blocks of noise (low mean confidence) are dropped, list labels read as a
// column of their own are put back in front of their items, and lines
// are joined into paragraphs (a line whose next line's first word would
// have fitted at its end ends a paragraph), as the PDF reader joins text
// lines. A one-page image is then checked for bands of ink in which
// tesseract's page layout found no word (a title over a rule of "=====" is
// taken for part of the rule): each band of about a text line's height is
// read again alone (--psm 6) and its words, when confident and mostly
// letters, go back among the page's lines at their place. Rules typed as
// characters ("=====", "-----"), which tesseract takes for drawn lines and
// reads as nothing, are found in the ink outside the recognized words as
// rows of evenly spaced dashes or equals signs, counted, and put back as a
// line of that many characters. The text is
// returned as tesseract read it; the caller normalizes
// it (NFC, tone placement, cleanup) like the text of any other reader. The
// package imports nothing else of vanban's.
package ocr
