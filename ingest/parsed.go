package ingest

import "errors"

// parsed is what a format reader hands to Read before the common steps
// (mojibake repair, cleanup, hashing) turn it into a Document.
type parsed struct {
	pages     []string          // text per page (one entry for unpaged formats)
	paged     bool              // pages are real pages
	encoding  string            // source character encoding, "" if the format fixes it
	title     string            // title from the file's metadata
	published string            // ISO date or datetime from the file's metadata
	meta      map[string]string // other metadata hints
	warnings  []string          // what went wrong without stopping the file
}

var errNotImplemented = errors.New("not implemented yet")

// The format readers. Each takes the file's path (for messages, and for the
// PDF worker) and its bytes, and returns an error that says what is wrong
// with the file (Read adds the path).
var (
	readPDF  = func(path string, data []byte) (parsed, error) { return parsed{}, errNotImplemented }
	readDOCX = docxReader
	readHTML = htmlReader
	readText = textReader
	readRTF  = func(path string, data []byte) (parsed, error) { return parsed{}, errNotImplemented }
	readDOC  = func(path string, data []byte) (parsed, error) { return parsed{}, errNotImplemented }
)
