package ingest

import (
	"errors"

	"vanban/ingest/word"
)

// The Word family's readers (package word), as format readers.
func readDOCXFile(_ string, data []byte) (parsed, error) { return wordResult(word.ReadDOCX(data)) }
func readDOCFile(path string, data []byte) (parsed, error) {
	return wordResult(word.ReadDOC(path, data))
}
func readODTFile(_ string, data []byte) (parsed, error) { return wordResult(word.ReadODT(data)) }
func readRTFFile(path string, data []byte) (parsed, error) {
	return wordResult(word.ReadRTF(path, data))
}

// wordResult turns a word.Result into parsed and the package's errors
// into ingest's classes (the message stays the reader's).
func wordResult(r word.Result, err error) (parsed, error) {
	if err != nil {
		for _, k := range []struct{ from, to error }{
			{word.ErrEncrypted, ErrEncrypted}, {word.ErrTooLarge, ErrTooLarge},
			{word.ErrUnsupported, ErrUnsupported}, {word.ErrCorrupt, ErrCorrupt},
		} {
			if errors.Is(err, k.from) {
				return parsed{}, kindError{err, k.to}
			}
		}
		return parsed{}, err
	}
	return parsed{pages: []string{r.Text}, encoding: r.Encoding, title: r.Title, published: r.Published,
		meta: r.Meta, warnings: r.Warnings}, nil
}
