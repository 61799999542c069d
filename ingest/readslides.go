package ingest

import (
	"errors"

	"vanban/ingest/slides"
)

// readSlides returns the reader of one presentation format: one page per
// slide, its notes after it.
func readSlides(read func([]byte) (slides.Deck, error)) func(string, []byte) (parsed, error) {
	return func(_ string, data []byte) (parsed, error) {
		d, err := read(data)
		if err != nil {
			return parsed{}, slidesError(err)
		}
		p := parsed{
			pages:     d.Slides,
			paged:     true,
			encoding:  d.Encoding,
			title:     d.Title,
			published: d.Published,
			meta:      d.Meta,
			warnings:  d.Warnings,
		}
		if len(p.pages) == 0 {
			p.warnings = append(p.warnings, "the presentation has no slides")
		}
		return p, nil
	}
}

// slidesError maps the presentation readers' errors onto ingest's (the
// message stays the reader's).
func slidesError(err error) error {
	for _, k := range []struct{ from, to error }{
		{slides.ErrEncrypted, ErrEncrypted}, {slides.ErrTooLarge, ErrTooLarge},
		{slides.ErrUnsupported, ErrUnsupported}, {slides.ErrCorrupt, ErrCorrupt},
	} {
		if errors.Is(err, k.from) {
			return kindError{err, k.to}
		}
	}
	return err
}
