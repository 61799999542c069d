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
// on a wrong vowel ("đọan" → "đoạn", "họat" → "hoạt"), and an Icelandic eth
// typed for đ becomes đ ("Ðức" → "Đức"). Only words that parse
// as Vietnamese syllables are touched; case is kept letter by letter.
//
// Normalize is idempotent. Callers keep the original text for display.
func Normalize(s string) string {
	s = Clean(s)
	if isASCII(s) {
		return s
	}
	n := normalizer{s: s, wordStart: -1}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if rep, ok := punctFold(r); ok {
			n.flush(i)
			n.replace(i, i+size, rep)
			i += size
			continue
		}
		l := splitLetter(r)
		if r == 'Ð' || r == 'ð' {
			// Icelandic eth typed for đ ("Ðức"): a Vietnamese word gets đ
			l = letterInfo{base: 'đ', upper: r == 'Ð', ok: true}
			n.eth = true
		}
		if !l.ok && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) {
			l = letterInfo{} // a letter of another alphabet: not Vietnamese
		} else if !l.ok {
			n.flush(i)
			i += size
			continue
		}
		if n.wordStart < 0 {
			n.wordStart = i
		}
		if n.nword < len(n.word) {
			n.word[n.nword] = l
		}
		n.nword++
		if l.tone != toneNone {
			n.toned = true
		}
		if l.ok && isVowelBase(l.base) {
			n.vowels++
		}
		i += size
	}
	n.flush(len(s))
	if !n.changed {
		return s
	}
	n.b.WriteString(s[n.last:])
	return n.b.String()
}

// normalizer is Normalize's state: the output so far and the word being
// read.
type normalizer struct {
	s         string
	b         strings.Builder
	changed   bool
	last      int // s[last:] is not yet written to b
	wordStart int // byte offset of the current word, -1 outside words
	word      [8]letterInfo
	nword     int
	toned     bool
	vowels    int
	eth       bool // the word has Ð or ð standing for Đ or đ
}

// replace writes s[last:from] and rep in place of s[from:to].
func (n *normalizer) replace(from, to int, rep string) {
	if !n.changed {
		n.b.Grow(len(n.s) + 8)
		n.changed = true
	}
	n.b.WriteString(n.s[n.last:from])
	n.b.WriteString(rep)
	n.last = to
}

// flush ends the current word at end, moving its tone mark if needed.
func (n *normalizer) flush(end int) {
	if n.wordStart < 0 {
		return
	}
	// Only a toned word with two vowels or more can have its mark
	// elsewhere; most words are skipped here.
	if n.eth && n.nword <= len(n.word) {
		if _, ok := parseSyllable(n.word[:n.nword]); ok {
			fixed, moved := placeTone(n.word[:n.nword])
			if !moved {
				fixed = n.word[:n.nword]
			}
			var buf [32]byte
			out := buf[:0]
			for _, l := range fixed {
				out = utf8.AppendRune(out, composeLetter(l.base, l.tone, l.upper))
			}
			n.replace(n.wordStart, end, string(out))
		}
	} else if n.toned && n.vowels >= 2 && n.nword <= len(n.word) {
		if fixed, ok := placeTone(n.word[:n.nword]); ok {
			var buf [32]byte
			out := buf[:0]
			for _, l := range fixed {
				out = utf8.AppendRune(out, composeLetter(l.base, l.tone, l.upper))
			}
			n.replace(n.wordStart, end, string(out))
		}
	}
	n.wordStart, n.nword, n.toned, n.vowels, n.eth = -1, 0, false, 0, false
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
