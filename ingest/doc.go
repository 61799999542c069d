// Package ingest is the front door of the readers: it sniffs the format
// from the bytes (PDF, DOCX, HTML, RTF, Word 97 .doc, OpenDocument text,
// spreadsheets, presentations, images, plain text), runs the reader of that
// format (packages pdf, word, html, sheet, slides under ingest; plain text
// here) and OCR for scanned pages and
// images (package ocr), and hands on a Document: Unicode NFC text page by
// page with whitespace, zero-width characters, NBSP and soft hyphens
// normalized, mojibake repaired, the toned capitals TCVN3 lacks restored,
// Markdown's backslash escapes dropped from plain text, and the metadata the file carries. It also walks folders (Walk) and runs
// the PDF reader in a child process that is killed on a deadline (the
// worker). A bad file is an error naming the file and the reason; panics
// from third-party parsers are recovered per file.
package ingest
