// Package pdf reads the text layer of PDF files page by page, on top of
// ledongthuc/pdf's object reader: its own content-stream walker (text
// positions, fonts with ToUnicode maps or simple encodings; a legacy
// .VnTime font's bytes are passed on as Windows-1252 for the caller's
// mojibake repair), lines built from positioned runs and joined into
// paragraphs,
// running headers, footers and page numbers removed, damaged
// cross-reference tables rebuilt, LZW streams and RC4/AES encryption with
// an empty user password undone.
//
// Parse hands back the pages' text and the Info metadata, with warnings
// and the pages that paint something but hold no text (scans, which the
// caller may send to OCR). It never panics, but a hostile file can take
// long or use much memory: package ingest runs it in a worker process
// with a deadline. The package imports nothing of vanban's.
package pdf
