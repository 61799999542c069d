package extract

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"vanban/internal/lazyregexp"
)

// foldKey returns the matching key of s: lowercase, without diacritics
// (đ → d), words separated by single spaces. It is how headings, type
// names and issuer names are compared, so that a heading in capitals, a
// legacy-encoded heading that lost its toned capitals (TCVN3 "NGHị QUYếT")
// and a body mention in normal case all agree.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' {
				space = b.Len() > 0
				continue
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		default:
			r = foldRune(r)
			if r == 0 {
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldTable maps the precomposed Latin letters (U+00C0–U+024F and
// U+1E00–U+1EFF, all of Vietnamese) to their lowercase base letter. It is
// built on first use.
var foldTable = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{'đ': 'd', 'Đ': 'd'}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if d, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r))); unicode.IsLetter(d) {
				m[r] = unicode.ToLower(d)
			}
		}
	}
	add(0xC0, 0x24F)
	add(0x1E00, 0x1EFF)
	m['đ'], m['Đ'] = 'd', 'd'
	return m
})

// foldRune returns r's lowercase base letter, or 0 for a combining mark.
func foldRune(r rune) rune {
	if f, ok := foldTable()[r]; ok {
		return f
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return unicode.ToLower(r)
}

// PageOf returns the 1-based page of the byte offset in text, whose pages
// are separated by "\f".
func PageOf(text string, offset int) int {
	if offset > len(text) {
		offset = len(text)
	}
	if offset < 0 {
		offset = 0
	}
	return strings.Count(text[:offset], "\f") + 1
}

// textLine is one line of a text with its byte offset.
type textLine struct {
	text  string // the line as written
	clean string // without Markdown and table markup, trimmed
	start int
}

// splitLines returns the lines of text (split at "\n" and "\f") with their
// offsets and a cleaned copy.
func splitLines(text string) []textLine {
	var out []textLine
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' || text[i] == '\f' {
			l := text[start:i]
			out = append(out, textLine{text: l, clean: stripMarkup(l), start: start})
			start = i + 1
		}
	}
	return out
}

var reSpaces = lazyregexp.New(`\s+`)

// stripMarkup removes the Markdown and table markup that crawled documents
// carry around heading lines ("**NGHỊ QUYẾT**", "# Title", "| Số: …",
// "*Hà Nội, ngày …*") and collapses whitespace. A lone "*" (the Party
// heading's asterisk) becomes "".
func stripMarkup(s string) string {
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.Contains(s, "__") {
		s = strings.ReplaceAll(s, "__", "")
	}
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.TrimLeft(s, " \t\r\v|#>*_")
	s = strings.TrimRight(s, " \t\r\v|*_")
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\r' || c == '\v' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return reSpaces.ReplaceAllString(s, " ")
		}
	}
	return s
}

// isRule reports whether a cleaned line is a separator rule ("-------",
// "=====", "*", "___").
func isRule(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '-' && r != '=' && r != '*' && r != '_' && r != '–' && r != '—' && r != ' ' {
			return false
		}
	}
	return true
}

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Sentences splits text into sentence spans: at ".", "!", "?" or ";" followed by
// whitespace and a capital letter, digit or opening bracket, at line ends
// and at page breaks. A dot inside a number ("2.500"), an abbreviation
// followed by a lowercase word or a date ("4.7.2011") does not end a
// sentence. Spans are trimmed of surrounding whitespace; empty ones are
// dropped.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isByteSpace(text[s]) {
			s++
		}
		for e > s && isByteSpace(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n' || c == '\f':
			emit(i)
			i++
			start = i
			continue
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < len(text) && (text[j] == '.' || text[j] == '"' || text[j] == ')') {
				j++
			}
			if j == len(text) {
				i = j
				continue
			}
			if text[j] == ' ' || text[j] == '\t' {
				k := j
				for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
					k++
				}
				if k < len(text) {
					r, _ := utf8.DecodeRuneInString(text[k:])
					if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '(' || r == '"' || r == '“' || r == '-' {
						emit(j)
						i = k
						start = k
						continue
					}
				}
			}
			i = j
			continue
		}
		i++
	}
	emit(len(text))
	return out
}

// reDayDate matches a full day date as written in Vietnamese documents:
// "ngày 04 tháng 7 năm 2011", "4-7-2011", "04/7/2011", "4.7.2011".
var reDayDate = lazyregexp.New(`(?i)^(?:ngày\s*)?(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|([-/.])\s*(\d{1,2})\s*([-/.])\s*(\d{4}))`)

// parseDayDate parses a day date at the start of s and returns it as ISO
// YYYY-MM-DD and the number of bytes it used, or "", 0.
func parseDayDate(s string) (string, int) {
	m := reDayDate.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0
	}
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return s[m[2*k]:m[2*k+1]]
	}
	d, _ := strconv.Atoi(sub(1))
	var mo, y int
	if sub(2) != "" {
		mo, _ = strconv.Atoi(sub(2))
		y, _ = strconv.Atoi(sub(3))
	} else {
		if sub(4) != sub(6) {
			return "", 0
		}
		mo, _ = strconv.Atoi(sub(5))
		y, _ = strconv.Atoi(sub(7))
	}
	if !validYMD(y, mo, d) {
		return "", 0
	}
	return isoYMD(y, mo, d), m[1]
}

func validYMD(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 28
	}
	return d <= days
}

func isoYMD(y, m, d int) string {
	return strconv.Itoa(y) + "-" + twoDigits(m) + "-" + twoDigits(d)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// words splits s into words at whitespace, keeping punctuation attached.
func splitWords(s string) []string { return strings.Fields(s) }

// trimEdgePunct trims punctuation (but not letters, digits or "%") from both
// ends of a word.
func trimEdgePunct(w string) string {
	return strings.TrimFunc(w, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || unicode.Is(unicode.Mn, r))
	})
}

// capitalizeWord returns w with its first letter upper and the rest lower.
func capitalizeWord(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// allCapsWord reports whether w has letters and all of them are capitals.
func allCapsWord(w string) bool {
	has := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			has = true
		}
	}
	return has
}

// capsRatio is the share of capital letters among the letters of s.
func capsRatio(s string) float64 {
	up, n := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(up) / float64(n)
}
