// Package ingest reads archive files into Documents: it sniffs the format from
// the bytes (PDF, DOCX, HTML, RTF, Word 97 .doc, plain text), extracts the text
// page by page, decodes legacy Vietnamese encodings through package vntext, and
// hands on Unicode NFC text with whitespace, zero-width characters, NBSP and
// soft hyphens normalized. A bad file is an error naming the file and the
// reason; panics from third-party parsers are recovered per file, and PDFs are
// parsed in a child process that is killed on a deadline.
package ingest
