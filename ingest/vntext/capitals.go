package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TCVN3Capitals restores the capitals of text decoded from TCVN3, as a
// reader of the page sees them. TCVN3 has no codes for capital letters with
// a tone mark: a heading typed in capitals in .VnTime keeps the lowercase
// code for those ("ñY BAN NH¢N D¢N" decodes to "ủY BAN NHÂN DÂN", "LỊCH
// Sử", "Về VIỆC"), and the page shows capitals only where a capital font
// (.VnTimeH) was used. A word whose only lowercase letters carry a tone
// mark is upper-cased when
//
//   - a capital follows one of those letters ("ủY": no word is typed so), or
//   - the words on either side on its line are in capitals (or the line
//     ends there), one of them a word of two letters or more: "LỊCH Sử,
//     CÔNG" → "SỬ", "Về VIỆC" at the start of a line → "VỀ".
//
// A title-case word among lowercase ones ("Về việc", "Sở Tư pháp") stays.
// The text should be NFC; the result is NFC.
func TCVN3Capitals(s string) string {
	if isASCII(s) {
		return s
	}
	var words []capWord
	line := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' || r == '\f' {
			line++
			if r == '\f' {
				line++ // a page break separates like a blank line
			}
		}
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			j += n
		}
		w := classify(s[i:j], i, j)
		w.line = line
		words = append(words, w)
		i = j
	}
	changed := false
	for k := range words {
		w := &words[k]
		if w.class != wordCandidate {
			continue
		}
		if !forcedCaps(s[w.start:w.end]) {
			// Neighbours on the same line, or on the line next to it
			// (a heading wrapped after its first word); a blank line
			// is an edge.
			prev, next := -1, -1
			if k > 0 && w.line-words[k-1].line <= 1 {
				prev = k - 1
			}
			if k+1 < len(words) && words[k+1].line-w.line <= 1 {
				next = k + 1
			}
			capsSide := func(i int) bool { return i < 0 || words[i].class != wordOther }
			long := func(i int) bool { return i >= 0 && words[i].class != wordOther && words[i].letters >= 2 }
			if !capsSide(prev) || !capsSide(next) || !(long(prev) || long(next)) {
				continue
			}
		}
		w.class = wordCaps
		changed = true
	}
	if !changed {
		return s
	}
	var b strings.Builder
	last := 0
	for _, w := range words {
		if w.class != wordCaps || !hasLower(s[w.start:w.end]) {
			continue
		}
		b.WriteString(s[last:w.start])
		b.WriteString(norm.NFC.String(strings.ToUpper(s[w.start:w.end])))
		last = w.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// capWord is a word of the text, its line and its case class.
type capWord struct {
	start, end int
	line       int
	class      int // wordCaps, wordCandidate, wordOther
	letters    int
}

const (
	wordOther = iota
	wordCaps
	wordCandidate
)

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// classify puts a word in its case class: capitals (no lowercase letter),
// a candidate (its lowercase letters all carry a tone mark, the letters
// TCVN3 has no capitals for), or other.
func classify(w string, start, end int) capWord {
	cw := capWord{start: start, end: end}
	lower, tonedLower := 0, 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		cw.letters++
		if unicode.IsLower(r) {
			lower++
			if hasTone(r) {
				tonedLower++
			}
		}
	}
	switch {
	case lower == 0:
		cw.class = wordCaps
	case lower == tonedLower:
		cw.class = wordCandidate
	}
	return cw
}

// forcedCaps reports whether a capital follows a lowercase letter in w.
func forcedCaps(w string) bool {
	seenLower := false
	for _, r := range w {
		if unicode.IsLower(r) {
			seenLower = true
		} else if seenLower && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hasTone reports whether a letter carries a Vietnamese tone mark (grave,
// acute, hook above, tilde, dot below).
func hasTone(r rune) bool {
	if r < 0xC0 {
		return false
	}
	for _, m := range norm.NFD.String(string(r)) {
		switch m {
		case '\u0300', '\u0301', '\u0309', '\u0303', '\u0323':
			return true
		}
	}
	return false
}
