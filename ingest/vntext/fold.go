package vntext

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns the search key of s: lowercase, without diacritics (tone
// marks and the marks of ă â ê ô ơ ư), đ → d, and the i/y spelling
// variants folded to i. Every spelling of a word meets the same key:
// "Nghị quyết", "NGHỊ QUYẾT", "nghi quyet" and the decomposed (NFD) form
// all fold to "nghi quyet"; "hoà" and "hòa" to "hoa".
//
// The i/y rule (domain notes §6.3): y becomes i when it is the whole vowel
// of a syllable after one of the onsets b, d, đ, h, k, l, m, n, qu, r, s, t,
// v, x, so kỹ/kĩ, lý/lí, mỹ/mĩ, tỷ/tỉ, sỹ/sĩ, hy/hi and quy/qui meet. A y
// that stands alone ("y tế", "ý kiến") or belongs to a cluster (uy, ay, ây,
// yê, uyê: "huy", "tay", "yêu", "quyết", "quỳnh") is kept.
//
// Fold works on any Unicode input, NFC or not, and is idempotent. Other
// characters pass through lowercased.
func Fold(s string) string {
	return string(FoldToken([]byte(s)))
}

// FoldToken is Fold for a byte slice, meant for a Bleve token filter: it
// returns the folded bytes (a new slice when anything changed, tok itself
// otherwise) and never touches tok. Token offsets are the caller's.
func FoldToken(tok []byte) []byte {
	if foldIsFolded(tok) {
		return tok
	}
	out := make([]byte, 0, len(tok))
	for i := 0; i < len(tok); {
		c := tok[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(tok[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			out = append(out, "\uFFFD"...)
			continue
		}
		f := foldRune(r)
		if f < 0 {
			continue
		}
		out = utf8.AppendRune(out, f)
	}
	return foldY(out)
}

// foldIsFolded reports whether tok is already a search key: lowercase ASCII
// with no y to fold.
func foldIsFolded(tok []byte) bool {
	for _, c := range tok {
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' || c == 'y' {
			return false
		}
	}
	return true
}

// yOnsets are the onsets after which a lone y folds to i.
var yOnsets = map[string]bool{
	"b": true, "d": true, "h": true, "k": true, "l": true, "m": true,
	"n": true, "qu": true, "r": true, "s": true, "t": true, "v": true, "x": true,
}

// foldY rewrites, in place, every word of folded text that is an onset
// from yOnsets followed by a single y.
func foldY(b []byte) []byte {
	for i := 0; i < len(b); i++ {
		if b[i] != 'y' {
			continue
		}
		if i+1 < len(b) && isWordByte(b, i+1) {
			continue
		}
		// find the start of the word
		j := i
		for j > 0 && b[j-1] >= 'a' && b[j-1] <= 'z' {
			j--
		}
		if j > 0 && precededByLetter(b[:j]) {
			continue
		}
		if yOnsets[string(b[j:i])] {
			b[i] = 'i'
		}
	}
	return b
}

// isWordByte reports whether the rune starting at b[i] is a letter or digit.
func isWordByte(b []byte, i int) bool {
	c := b[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRune(b[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// precededByLetter reports whether b ends in a letter, digit or mark.
func precededByLetter(b []byte) bool {
	c := b[len(b)-1]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeLastRune(b)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}
