package extract

import "vanban/ingest"

// Extract returns the Record of doc: its document fields and every record
// the extractors find in its text. It never fails: what it cannot find is
// left empty.
func Extract(doc ingest.Document) Record {
	rec := Record{
		Path:          doc.Path,
		SHA256:        doc.SHA256,
		Format:        string(doc.Format),
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
	return rec
}
