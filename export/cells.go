package export

import (
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"vanban/extract"
)

// MaxCellUnits is the most UTF-16 code units a spreadsheet cell holds
// (Excel's limit; excelize cuts longer text silently).
const MaxCellUnits = 32767

// maxFormulaString is Excel's limit on a text literal inside a formula,
// in characters.
const maxFormulaString = 255

// A cell value is one of: nil (an empty cell), string (text), float64 or
// int (a number), Date (a date at a grain) or Link (a file link).

// Date is an ISO 8601 date at the grain it was written (2011, 2011-07,
// 2011-07-04, 2011-07-04T19:35). In a workbook it is a real date cell
// showing only its grain; in CSV it is the ISO text.
type Date struct {
	// ISO is the date as the record gives it.
	ISO string
	// End makes a coarse date stand for the last day of its grain
	// (2015 → 31/12/2015, shown as 2015), for the end of a period.
	End bool
}

// Link is a link to an archive file: Text is shown, Path is the target.
type Link struct {
	Path string
}

// Grains of a Date, by the length of its ISO form.
const (
	grainYear = iota
	grainMonth
	grainDay
	grainMinute
	grainInvalid
)

// parseISO returns the time that an ISO date at any grain stands for
// (its first instant, or with end its last day) and its grain, on the wall
// clock of the date as written. Dates before 1900 or after 9999 cannot be
// spreadsheet dates: grainInvalid.
func parseISO(s string, end bool) (time.Time, int) {
	t, p, ok := extract.ParseISO(s)
	if !ok || t.Year() < 1900 || t.Year() > 9999 {
		return time.Time{}, grainInvalid
	}
	g := grainMinute
	switch p {
	case extract.PrecisionYear:
		g = grainYear
	case extract.PrecisionMonth:
		g = grainMonth
	case extract.PrecisionDay:
		g = grainDay
	}
	// A time with a zone (2011-07-10T19:35:00+07:00): its wall clock.
	t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	if end && (g == grainYear || g == grainMonth) {
		// The last day of the year or month.
		t = p.Next(t).AddDate(0, 0, -1)
	}
	return t, g
}

// dangerous reports whether a text cell starting with s could be taken
// for a formula (or a DDE command) by a spreadsheet: it starts with = + -
// @, a tab or a carriage return.
func dangerous(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// listMarkers are the bullets that start the items of a list in
// Vietnamese documents ("- Đến năm 2025, …", "+ Tỷ lệ …", "• …"); a
// sentence taken from a list item keeps its marker in the record, but a
// cell shows the sentence without it.
var listMarkers = []string{"-", "+", "–", "—", "•", "·", "∙", "*", "", "○", "◦", "▪", "■", "►", "➢", "✓"}

// WithoutListMarker returns s without the list marker it starts with, if
// any: a bullet followed by white space ("- ", "+ ", "• "). A sign that is
// part of a number or a word ("-3", "+5%", "--") is kept.
func WithoutListMarker(s string) string {
	t := strings.TrimLeft(s, " \t")
	for _, m := range listMarkers {
		rest, ok := strings.CutPrefix(t, m)
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); r == ' ' || r == '\t' || r == '\u00a0' {
			return strings.TrimLeft(rest, " \t\u00a0")
		}
	}
	return s
}

// CSVText returns s as a CSV field that spreadsheets show as text: a
// leading ' is added when s could be taken for a formula.
func CSVText(s string) string {
	if dangerous(s) {
		return "'" + s
	}
	return s
}

// CleanText makes s safe for a cell: valid UTF-8 (bad bytes become
// U+FFFD), NFC, without the characters XML cannot hold (C0 controls other
// than tab, newline and carriage return; U+FFFE, U+FFFF) and cut to
// MaxCellUnits UTF-16 units, ending with marker when cut.
func CleanText(s, marker string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, badXML) >= 0 {
		s = strings.Map(func(r rune) rune {
			if badXML(r) {
				return -1
			}
			return r
		}, s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return truncateUnits(s, MaxCellUnits, marker)
}

// badXML reports whether r cannot appear in an XML 1.0 document.
func badXML(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20:
		return true
	case r >= 0xD800 && r <= 0xDFFF:
		return true
	case r == 0xFFFE || r == 0xFFFF:
		return true
	}
	return false
}

// utf16Len is the number of UTF-16 code units of r.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// truncateUnits cuts s so that it with marker fits in limit UTF-16 units,
// when s alone does not fit; s is returned as is otherwise.
func truncateUnits(s string, limit int, marker string) string {
	if len(s) <= limit { // bytes ≥ UTF-16 units
		return s
	}
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	if n <= limit {
		return s
	}
	m := 0
	for _, r := range marker {
		m += utf16Len(r)
	}
	budget := limit - m
	if budget < 0 {
		budget = 0
	}
	n = 0
	cut := 0
	for i, r := range s {
		if n+utf16Len(r) > budget {
			cut = i
			break
		}
		n += utf16Len(r)
	}
	return s[:cut] + marker
}

// fileURL is the link target of an archive path: a file:// URL for an
// absolute path (relative paths are made absolute from the working
// directory).
func fileURL(p string) string {
	if !filepath.IsAbs(p) {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
	}
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// hyperlinkFormula is the HYPERLINK() formula that links to path and
// shows text, with quotes doubled; ok is false when the link or the text
// is longer than a text literal in a formula may be, or holds a line
// break.
func hyperlinkFormula(path, text string) (string, bool) {
	target := fileURL(path)
	for _, s := range []string{target, text} {
		if s == "" || utf8.RuneCountInString(s) > maxFormulaString || strings.ContainsAny(s, "\r\n") {
			return "", false
		}
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return "HYPERLINK(" + q(target) + "," + q(text) + ")", true
}
