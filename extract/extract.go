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
	text := doc.Text()

	year := 0
	if y := yearOf(string(rec.Issued)); y > 0 {
		year = y
	} else if y := yearOf(doc.Published); y > 0 {
		year = y
	}
	if d := FindDates(text, year); d != nil {
		rec.Dates = d
	}
	ctx := TargetContext{
		Number:        string(rec.Number),
		Kind:          rec.Kind,
		Issued:        firstNonEmpty(string(rec.Issued), string(rec.Published)),
		Dates:         rec.Dates,
		Abbreviations: rec.Abbreviations,
	}
	if t := FindTargets(text, ctx); t != nil {
		rec.Targets = t
	}
	return rec
}

// yearOf returns the year of an ISO date or datetime, or 0.
func yearOf(iso string) int {
	if len(iso) < 4 {
		return 0
	}
	y := 0
	for _, c := range iso[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
