package ingest

import "strings"

// Format is what a file's bytes are, whatever its name says.
type Format string

// The formats that Read recognizes.
const (
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
	FormatHTML Format = "html"
	FormatText Format = "txt"
	FormatRTF  Format = "rtf"
	FormatDOC  Format = "doc"
	FormatPNG  Format = "png"
	FormatJPEG Format = "jpeg"
	FormatTIFF Format = "tiff"
	FormatXLSX Format = "xlsx"
	FormatXLS  Format = "xls"
	FormatODS  Format = "ods"
	FormatODT  Format = "odt"
	FormatPPTX Format = "pptx"
	FormatPPT  Format = "ppt"
	FormatODP  Format = "odp"
)

// PageBreak separates pages in Document.Text: a form feed, as pdftotext writes.
const PageBreak = "\f"

// Document is one archive file as read: its identity, its format and its
// normalized text by page, with the metadata hints the file itself carries.
type Document struct {
	// Path is the path the file was read from, as given.
	Path string
	// SHA256 is the hex digest of the file's bytes.
	SHA256 string
	// Size is the file's size in bytes.
	Size int64
	// Format is what the bytes are.
	Format Format
	// Encoding is the source character encoding found for text formats
	// ("utf-8", "utf-16le", "utf-16be", "cp1258", "tcvn3", "vni", "viscii"),
	// or "" where the format fixes it (PDF, DOCX).
	Encoding string
	// Pages holds the text, one entry per page; unpaged formats have one.
	// Text is NFC with whitespace, zero-width characters, NBSP and soft
	// hyphens normalized; paragraphs are separated by "\n".
	Pages []string
	// Paged reports whether Pages are real pages (PDF) rather than one
	// block of an unpaged format.
	Paged bool
	// Title is the title the file's metadata gives (HTML <title> or
	// headline, DOCX core properties, PDF Info), if any.
	Title string
	// Published is the publication or creation time the file's metadata
	// gives, as ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM), if any.
	Published string
	// Meta holds other metadata hints by name (author, producer, ...).
	Meta map[string]string
	// OCRPages counts the pages whose text was recognized by OCR (a
	// scanned PDF page, an image file's pages).
	OCRPages int
	// Warnings lists what went wrong without stopping the file.
	Warnings []string
}

// Text returns the document's pages joined by PageBreak.
func (d Document) Text() string {
	return strings.Join(d.Pages, PageBreak)
}
