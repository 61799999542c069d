package extract

import "strings"

// PageBreak separates pages in Source.Text and so in the offsets of the
// records (Date.Offset): a form feed, as pdftotext writes and as the
// readers of package ingest join pages.
const PageBreak = "\f"

// Formats of Source.Format that the extractors tell apart.
const (
	// FormatHTML is a web page: its metadata time dates an article.
	FormatHTML = "html"
	// FormatText is plain text in any encoding.
	FormatText = "txt"
)

// sheetFormats are the spreadsheet formats: a workbook is never a news
// article.
var sheetFormats = map[string]bool{"xlsx": true, "xls": true, "ods": true}

// Source is what the extractors read: one document as its reader left it,
// its identity, its normalized text by page and the metadata hints its file
// carries. cmd/vanban fills it from what package ingest reads; extract
// imports no reader.
type Source struct {
	// Path is the path the file was read from, as given.
	Path string
	// SHA256 is the hex digest of the file's bytes.
	SHA256 string
	// Format is what the file's bytes are: "pdf", "docx", "html", "txt",
	// "rtf", "doc", "xlsx", … (Record.Format).
	Format string
	// Encoding is the source character encoding found for text formats
	// ("utf-8", "utf-16le", "utf-16be", "cp1258", "tcvn3", "vni",
	// "viscii"), or "" where the format fixes it.
	Encoding string
	// Pages holds the text, one entry per page; unpaged formats have one.
	// Text is NFC with whitespace normalized; paragraphs are separated by
	// "\n".
	Pages []string
	// Paged reports whether Pages are real pages (PDF) rather than one
	// block of an unpaged format: only then does the record count them.
	Paged bool
	// OCRPages counts the pages whose text came from OCR.
	OCRPages int
	// Title is the title the file's metadata gives (HTML <title> or
	// headline, DOCX core properties, PDF Info), if any. The heading
	// extractor falls back on it.
	Title string
	// Published is the publication or creation time the file's metadata
	// gives, as ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM), if any. Only a
	// web page's (FormatHTML) dates an article.
	Published string
	// Warnings lists what went wrong reading the file without stopping
	// it; the record keeps them.
	Warnings []string
}

// Text returns the source's pages joined by PageBreak: the text that
// record offsets and pages refer to.
func (s Source) Text() string {
	return strings.Join(s.Pages, PageBreak)
}
