package extract

import "time"

// Precision is how much of a point in time an ISO 8601 date of the record
// contract gives.
type Precision int

// The precisions of ParseISO, coarsest first.
const (
	PrecisionYear   Precision = iota + 1 // 2011
	PrecisionMonth                       // 2011-07
	PrecisionDay                         // 2011-07-04
	PrecisionMinute                      // 2011-07-04T19:35
	PrecisionSecond                      // 2011-07-04T19:35:00, or RFC 3339 with a zone
)

// isoLayouts are the zone-less forms, by length.
var isoLayouts = map[int]struct {
	layout string
	p      Precision
}{
	4:  {"2006", PrecisionYear},
	7:  {"2006-01", PrecisionMonth},
	10: {"2006-01-02", PrecisionDay},
	16: {"2006-01-02T15:04", PrecisionMinute},
	19: {"2006-01-02T15:04:05", PrecisionSecond},
}

// ParseISO parses a date as records write them (Record.Issued, Date.Start,
// Period.End, ...): ISO 8601 at the grain written, 2011, 2011-07,
// 2011-07-04, 2011-07-04T19:35, 2011-07-04T19:35:00, or RFC 3339 with a
// zone. It returns the first instant the date stands for (in the zone it
// gives, else UTC) and its precision; ok is false for anything else. It is
// the one parser of these dates: the index's date fields and the
// spreadsheet's date cells both go through it.
func ParseISO(s string) (t time.Time, p Precision, ok bool) {
	l, fixed := isoLayouts[len(s)]
	if !fixed {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return time.Time{}, 0, false
		}
		return t, PrecisionSecond, true
	}
	t, err := time.Parse(l.layout, s)
	if err != nil {
		return time.Time{}, 0, false
	}
	return t, l.p, true
}

// Next returns the first instant after the span that starts at t and is
// one unit of p long: the next year, month, day or minute (2015 →
// 2016-01-01). A date at PrecisionSecond is a point: Next returns t.
func (p Precision) Next(t time.Time) time.Time {
	switch p {
	case PrecisionYear:
		return t.AddDate(1, 0, 0)
	case PrecisionMonth:
		return t.AddDate(0, 1, 0)
	case PrecisionDay:
		return t.AddDate(0, 0, 1)
	case PrecisionMinute:
		return t.Add(time.Minute)
	}
	return t
}
