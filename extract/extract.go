package extract

import (
	"fmt"
	"strings"
)

// Extract returns the Record of doc: its document fields and every record
// the extractors find in its text. It never fails: what it cannot find is
// left empty, and a panic in an extractor becomes a warning.
func Extract(doc Source) Record {
	rec := Record{
		Path:          doc.Path,
		SHA256:        doc.SHA256,
		Format:        doc.Format,
		Encoding:      NullString(doc.Encoding),
		Kind:          "other",
		Authors:       []string{},
		References:    []Reference{},
		Abbreviations: []Abbreviation{},
		Dates:         []Date{},
		Targets:       []Target{},
		Warnings:      append([]string{}, doc.Warnings...),
	}
	if doc.Paged {
		n := len(doc.Pages)
		rec.Pages = &n
	}
	rec.OCRPages = doc.OCRPages
	text := doc.Text()

	guard(&rec, "heading", func() {
		h := ParseHeading(doc)
		rec.Kind = h.Kind
		rec.Number = NullString(h.Number)
		rec.Issuer = NullString(h.Issuer)
		rec.Issued = NullString(h.Issued)
		rec.Title = NullString(h.Title)
		rec.Published = NullString(h.Published)
		if h.Authors != nil {
			rec.Authors = h.Authors
		}
		if rec.Kind == "" || strings.TrimSpace(text) == "" {
			// Nothing to read (a scan without a text layer): no kind.
			rec.Kind = "other"
		}
	})
	guard(&rec, "references", func() {
		if r := FindReferences(text, string(rec.Number)); r != nil {
			rec.References = r
		}
	})
	guard(&rec, "abbreviations", func() {
		if a := FindAbbreviations(text); a != nil {
			rec.Abbreviations = a
		}
	})

	year := contextYear(rec)
	guard(&rec, "dates", func() {
		if d := FindDates(text, year); d != nil {
			rec.Dates = d
		}
	})
	ctx := rec.TargetContext()
	guard(&rec, "targets", func() {
		if t := FindTargets(text, ctx); t != nil {
			rec.Targets = t
		}
	})
	rec.Warnings = append(rec.Warnings, recordWarnings(rec, text)...)
	return rec
}

// recordWarnings lists what a reader of the record should double-check:
// an empty text, an official document whose heading gives neither its
// number nor its issue date (a fragment, or a heading the reader lost).
func recordWarnings(rec Record, text string) []string {
	var w []string
	if strings.TrimSpace(text) == "" {
		return append(w, "extract: the document has no text")
	}
	if rec.Kind != "article" && rec.Kind != "other" && rec.Number == "" && rec.Issued == "" {
		w = append(w, "extract: official document without a number or a place-date line")
	}
	return w
}

// guard runs one extractor, turning a panic into a warning on rec so that
// one bad rule never loses the whole record.
func guard(rec *Record, what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			rec.Warnings = append(rec.Warnings, fmt.Sprintf("extract: %s extractor failed: %v", what, r))
		}
	}()
	f()
}

// contextYear returns the year that a date written without one refers
// to: the one year an official document's title names ("Kế hoạch … năm
// 2026", issued in November 2025, speaks of the months of 2026), else the
// year it was issued or published, else 0.
func contextYear(rec Record) int {
	if rec.Kind != "article" && rec.Kind != "other" {
		if y := titleYear(string(rec.Title)); y > 0 {
			return y
		}
	}
	if y := yearOf(string(rec.Issued)); y > 0 {
		return y
	}
	return yearOf(string(rec.Published))
}

// titleYear returns the year a title names when it names exactly one
// point in time and no period or horizon ("… năm 2026"), else 0.
func titleYear(title string) int {
	if title == "" {
		return 0
	}
	ds := FindDates(title, 0)
	if len(ds) != 1 || ds[0].Grain != GrainYear || IsHorizon(title, ds[0]) {
		return 0
	}
	return yearOf(ds[0].Start)
}

// yearOf returns the year of an ISO date or datetime, or 0.
func yearOf(iso string) int {
	if len(iso) < 4 || !allASCIIDigits(iso[:4]) {
		return 0
	}
	return atoiDigits(iso[:4])
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
