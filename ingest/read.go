package ingest

import "errors"

// Read reads the file at path and returns its Document. The format comes
// from the bytes, never from the name. A file that cannot be read at all is
// an error that names the file and the reason.
func Read(path string) (Document, error) {
	return Document{}, errors.New("ingest: not implemented yet")
}
