package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// punctFold maps typographic quotes and dashes to their ASCII forms.
func punctFold(r rune) (string, bool) {
	if r < 0xAB {
		return "", false
	}
	switch r {
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\u2036':
		return `"`, true
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2035', '\u2039', '\u203A':
		return "'", true
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return "-", true
	}
	return "", false
}

// Normalize returns the canonical form of s: Clean (NFC, regular
// whitespace), typographic quotes as ASCII (“ ” „ « » → ", ‘ ’ ‚ ‹ › → ')
// and dashes as the hyphen-minus (‐ ‑ ‒ – — ― − → -), and one tone-mark
// placement.
//
// Tone placement follows the traditional ("old", kiểu cũ) convention,
// which state documents use (CỘNG HÒA, Ủy ban): in an open syllable whose
// vowel cluster is oa, oe or uy the mark goes on the first vowel, so
// "hoà" → "hòa", "khoẻ" → "khỏe", "thuỷ" → "thủy", "uỷ ban" → "ủy ban",
// "luỹ" → "lũy". Syllables with a final consonant keep the mark on the
// last vowel ("hoàn", "hoạch", "huỳnh"), triphthongs on the middle vowel
// ("ngoài", "khuỷu"), and a vowel carrying ê, ơ, â, ă or ô (or the ơ of ươ)
// takes the mark ("thuở", "người"). The same rule also mends marks placed
// on a wrong vowel ("đọan" → "đoạn", "họat" → "hoạt"). Only words that parse
// as Vietnamese syllables are touched; case is kept letter by letter.
//
// Normalize is idempotent. Callers keep the original text for display.
func Normalize(s string) string {
	s = Clean(s)
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0 // s[last:i] is pending, unchanged
	var word []letterInfo
	wordStart := -1
	toned, vowels := false, 0
	flush := func(end int) {
		if wordStart < 0 {
			return
		}
		// Only a toned word with two vowels or more can have its mark
		// elsewhere; most words are skipped here.
		if !toned || vowels < 2 {
			wordStart = -1
			word = word[:0]
			toned, vowels = false, 0
			return
		}
		toned, vowels = false, 0
		if fixed, ok := placeTone(word); ok {
			b.WriteString(s[last:wordStart])
			for _, l := range fixed {
				b.WriteRune(composeLetter(l.base, l.tone, l.upper))
			}
			last = end
		}
		wordStart = -1
		word = word[:0]
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if rep, ok := punctFold(r); ok {
			flush(i)
			b.WriteString(s[last:i])
			b.WriteString(rep)
			last = i + n
			i += n
			continue
		}
		l := splitLetter(r)
		if l.ok {
			if wordStart < 0 {
				wordStart = i
			}
			word = append(word, l)
			if l.tone != toneNone {
				toned = true
			}
			if isVowelBase(l.base) {
				vowels++
			}
		} else if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			// a letter of another alphabet: the word is not Vietnamese
			if wordStart < 0 {
				wordStart = i
			}
			word = append(word, letterInfo{})
		} else {
			flush(i)
		}
		i += n
	}
	flush(len(s))
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// placeTone returns the letters of word with the tone moved to its
// canonical vowel, and true when that changed anything.
func placeTone(word []letterInfo) ([]letterInfo, bool) {
	if len(word) < 2 || len(word) > 8 {
		return nil, false
	}
	sy, ok := parseSyllable(word)
	if !ok || sy.tonePos < 0 {
		// parseSyllable refuses a mark outside the nucleus; retry toneless
		// for misplaced marks is not needed: the mark is always on a vowel
		// of the cluster when the word parsed.
		return nil, false
	}
	want := canonicalTonePos(sy, word)
	if want == sy.tonePos {
		return nil, false
	}
	out := make([]letterInfo, len(word))
	copy(out, word)
	out[want].tone = out[sy.tonePos].tone
	out[sy.tonePos].tone = toneNone
	return out, true
}

// canonicalTonePos returns the index of the letter that carries the tone in
// the traditional convention.
func canonicalTonePos(sy syllable, word []letterInfo) int {
	start, end := sy.nucStart, sy.nucEnd
	// A vowel with its own quality mark takes the tone; in ươ, the ơ.
	marked := -1
	for i := start; i < end; i++ {
		switch word[i].base {
		case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư':
			marked = i
			if word[i].base == 'ơ' {
				return i
			}
		}
	}
	if marked >= 0 {
		return marked
	}
	k := end - start
	switch {
	case k == 1:
		return start
	case sy.coda != "":
		return end - 1
	case k == 3:
		return start + 1
	default:
		// open two-vowel clusters: first vowel (hòa, khỏe, thủy, mía, lúa)
		return start
	}
}
