package ingest

import (
	"errors"
	"fmt"

	"vanban/ingest/sheet"
)

// readSheet returns the reader of one spreadsheet format: the workbook's
// sheets as one block of text, rows as lines, cells separated by
// sheet.CellSep.
func readSheet(read func([]byte) (sheet.Book, error)) func(string, []byte) (parsed, error) {
	return func(path string, data []byte) (parsed, error) {
		b, err := read(data)
		if err != nil {
			return parsed{}, sheetError(err)
		}
		p := parsed{
			pages:     []string{b.Text()},
			encoding:  b.Encoding,
			title:     b.Title,
			published: b.Created,
			warnings:  b.Warnings,
		}
		if b.Author != "" {
			p.meta = map[string]string{"author": b.Author}
		}
		return p, nil
	}
}

// sheetError maps the spreadsheet readers' errors onto ingest's.
func sheetError(err error) error {
	switch {
	case errors.Is(err, sheet.ErrEncrypted):
		return fmt.Errorf("%w: %v", ErrEncrypted, err)
	case errors.Is(err, sheet.ErrNotWorkbook):
		return fmt.Errorf("%w: %v", ErrUnsupported, err)
	case errors.Is(err, sheet.ErrCorrupt):
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return err
}
