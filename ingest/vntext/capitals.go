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
//     ends there), one of them a word of two letters or more that is a
//     syllable (not an abbreviation such as "VP"): "LỊCH Sử, CÔNG" →
//     "SỬ"; a word alone on its line looks at the lines next to it ("Về"
//     wrapped before "VIỆC SỬA ĐỔI" → "VỀ").
//
// A title-case word among lowercase ones ("Về việc", "Sở Tư pháp"), next
// to abbreviations ("VP (02), Vụ CĐKT") or to other undecided words (a
// table row "Nợ | Có") stays. On the legacy .doc corpus the output is the
// same as without the rule.
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
	// First the words no Vietnamese text types so ("ủY"), then the others
	// by their neighbours: only words in capitals vouch, not candidates
	// still undecided (a table row "Nợ | Có" stays as it is).
	for k := range words {
		if w := &words[k]; w.class == wordCandidate && forcedCaps(s[w.start:w.end]) {
			w.class = wordCaps
			changed = true
		}
	}
	for k := range words {
		w := &words[k]
		if w.class != wordCandidate {
			continue
		}
		// Neighbours on the same line; a word alone on its line (a
		// heading wrapped after its first word) looks across to the
		// lines next to it, one with other text ("Số:.....") does not;
		// a blank line is an edge.
		alone := wordAlone(s, w.start, w.end)
		prev, next := -1, -1
		if k > 0 && (words[k-1].line == w.line || alone && w.line-words[k-1].line == 1) {
			prev = k - 1
		}
		if k+1 < len(words) && (words[k+1].line == w.line || alone && words[k+1].line-w.line == 1) {
			next = k + 1
		}
		capsSide := func(i int) bool { return i < 0 || words[i].class == wordCaps }
		// A neighbour in capitals that is a word, not an
		// abbreviation ("VP", "CĐKT"), vouches for the line.
		long := func(i int) bool {
			return i >= 0 && words[i].class == wordCaps && words[i].letters >= 2 &&
				ValidSyllable(strings.ToLower(s[words[i].start:words[i].end]))
		}
		if !capsSide(prev) || !capsSide(next) || !(long(prev) || long(next)) {
			continue
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

// wordAlone reports whether s[start:end] is the only text on its line but
// for spaces and Markdown emphasis.
func wordAlone(s string, start, end int) bool {
	ls := strings.LastIndexAny(s[:start], "\n\f") + 1
	le := strings.IndexAny(s[end:], "\n\f")
	if le < 0 {
		le = len(s)
	} else {
		le += end
	}
	rest := s[ls:start] + s[end:le]
	return strings.Trim(rest, " \t*_") == ""
}

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
