package vntext

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tone marks of Vietnamese (thanh điệu), in the order the tables use.
const (
	toneNone  = 0 // ngang
	toneGrave = 1 // huyền  U+0300
	toneAcute = 2 // sắc    U+0301
	toneHook  = 3 // hỏi    U+0309
	toneTilde = 4 // ngã    U+0303
	toneDot   = 5 // nặng   U+0323
)

// toneMarks are the combining marks of the tones, indexed by tone.
var toneMarks = [6]rune{0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323}

// letterInfo describes one Vietnamese letter: its toneless lowercase form
// (ă, â, ê, ô, ơ, ư and đ keep their marks), its tone and its case.
type letterInfo struct {
	base  rune // lowercase letter without tone, e.g. 'ơ' for 'Ờ'
	tone  uint8
	upper bool
	ok    bool
}

// vowelBases are the toneless lowercase vowels of the Vietnamese alphabet.
const vowelBases = "aăâeêioôơuưy"

// consonantBases are the lowercase consonant letters that occur in native
// Vietnamese syllables (f, j, w and z do not).
const consonantBases = "bcdđghklmnpqrstvx"

var (
	// letters maps every precomposed Vietnamese letter (and the plain ASCII
	// letters of the alphabet) to its decomposition.
	letters = map[rune]letterInfo{}
	// compose maps (lowercase toneless base, tone) to the lowercase
	// precomposed letter.
	compose = map[[2]rune]rune{}
	// foldTab maps runes below foldTabSize to their search-key form
	// (lowercase, no marks), or -1 when the rune needs the slow path.
	foldTab [foldTabSize]rune
	// foldExt is foldTab for U+1E00..U+1EFF (Latin Extended Additional).
	foldExt [0x100]rune
	// letterLo and letterExt are letters as arrays for U+0000..U+024F and
	// U+1E00..U+1EFF.
	letterLo  [foldTabSize]letterInfo
	letterExt [0x100]letterInfo
)

const foldTabSize = 0x250

func isVowelBase(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

func init() {
	for _, b := range vowelBases {
		for t := 0; t < 6; t++ {
			s := string(b)
			if t != toneNone {
				s += string(toneMarks[t])
			}
			c := norm.NFC.String(s)
			r, n := utf8.DecodeRuneInString(c)
			if n != len(c) {
				panic("vntext: no precomposed letter for " + s)
			}
			compose[[2]rune{b, rune(t)}] = r
			letters[r] = letterInfo{base: b, tone: uint8(t), ok: true}
			u := unicode.ToUpper(r)
			letters[u] = letterInfo{base: b, tone: uint8(t), upper: u != r, ok: true}
		}
	}
	for _, b := range consonantBases {
		letters[b] = letterInfo{base: b, ok: true}
		letters[unicode.ToUpper(b)] = letterInfo{base: b, upper: true, ok: true}
	}
	for _, b := range "fjwz" {
		letters[b] = letterInfo{base: b, ok: true}
		letters[unicode.ToUpper(b)] = letterInfo{base: b, upper: true, ok: true}
	}

	for r := rune(0); r < foldTabSize; r++ {
		foldTab[r] = foldSlow(r)
	}
	for i := range foldExt {
		foldExt[i] = foldSlow(0x1E00 + rune(i))
	}
	for r, l := range letters {
		switch {
		case r < foldTabSize:
			letterLo[r] = l
		case r >= 0x1E00 && r < 0x1F00:
			letterExt[r-0x1E00] = l
		}
	}
}

// foldSlow folds one rune the long way: lowercase, decompose, keep the
// first non-mark rune. It returns -1 for combining marks (dropped) and the
// rune itself when it has no simpler form.
func foldSlow(r rune) rune {
	switch r {
	case 'đ', 'Đ', 'ð', 'Ð':
		return 'd'
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	l := unicode.ToLower(r)
	if l < utf8.RuneSelf {
		return l // ASCII has no decomposition
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.Properties(utf8.AppendRune(buf[:0], l)).Decomposition()
	if d == nil { // none, or computed rather than tabled (Hangul)
		d = []byte(norm.NFD.String(string(l)))
	}
	for len(d) > 0 {
		x, n := utf8.DecodeRune(d)
		if !unicode.Is(unicode.Mn, x) {
			return x
		}
		d = d[n:]
	}
	return l
}

// foldRune returns the search-key form of r, or -1 when r is dropped.
func foldRune(r rune) rune {
	if r < foldTabSize {
		return foldTab[r]
	}
	if r >= 0x1E00 && r < 0x1F00 {
		return foldExt[r-0x1E00]
	}
	if r >= 0x0300 && r < 0x0370 {
		return -1
	}
	return foldSlow(r)
}

// splitLetter decomposes r into its Vietnamese letter parts.
func splitLetter(r rune) letterInfo {
	if r < utf8.RuneSelf {
		if r >= 'a' && r <= 'z' {
			return letterInfo{base: r, ok: true}
		}
		if r >= 'A' && r <= 'Z' {
			return letterInfo{base: r + 'a' - 'A', upper: true, ok: true}
		}
		return letterInfo{}
	}
	if r < foldTabSize {
		return letterLo[r]
	}
	if r >= 0x1E00 && r < 0x1F00 {
		return letterExt[r-0x1E00]
	}
	return letterInfo{}
}

// composeLetter builds the precomposed letter for a toneless lowercase base,
// a tone and a case. It returns base unchanged when there is no such letter.
func composeLetter(base rune, tone uint8, upper bool) rune {
	r := base
	if tone != toneNone {
		c, ok := compose[[2]rune{base, rune(tone)}]
		if !ok {
			return base
		}
		r = c
	}
	if upper {
		r = unicode.ToUpper(r)
	}
	return r
}
