package vntext

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// syllable is a parsed Vietnamese syllable: positions index the letters of
// the word (runes, not bytes).
type syllable struct {
	onset    string // lowercase onset consonant(s): "", "ngh", "qu", "gi", ...
	nucleus  uint16 // key of the toneless vowel cluster (see nucleusKey)
	coda     string // lowercase final consonant(s): "", "ng", "ch", ...
	nucStart int    // index of the first vowel of the nucleus
	nucEnd   int    // index after the last vowel of the nucleus
	tone     uint8
	tonePos  int // index of the toned letter, -1 when the tone is ngang
}

// onsets lists the initial consonants, longest first where one is a prefix
// of another.
var onsets = []string{
	"ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
}

// Openness of a vowel cluster: whether it stands without a final
// consonant, needs one, or takes both.
const (
	openOnly   = 1
	closedOnly = 2
	either     = 3
)

// nucleiByName lists the vowel clusters (medial + main vowel + glide) of
// Vietnamese with the codas they allow.
var nucleiByName = map[string]int{
	// single vowels
	"a": either, "ă": closedOnly, "â": closedOnly, "e": either, "ê": either,
	"i": either, "o": either, "ô": either, "ơ": either, "u": either,
	"ư": either, "y": either,
	// rising diphthongs with a medial
	"oa": either, "oă": closedOnly, "oe": either, "uâ": closedOnly,
	"uê": either, "uơ": openOnly, "uy": either, "oo": closedOnly,
	// centring diphthongs
	"ia": openOnly, "iê": closedOnly, "yê": closedOnly, "ua": openOnly,
	"uô": closedOnly, "ưa": openOnly, "ươ": closedOnly, "uyê": closedOnly,
	// falling diphthongs (glide final)
	"ai": openOnly, "ao": openOnly, "au": openOnly, "ay": openOnly,
	"âu": openOnly, "ây": openOnly, "eo": openOnly, "êu": openOnly,
	"iu": openOnly, "oi": openOnly, "ôi": openOnly, "ơi": openOnly,
	"ui": openOnly, "ưi": openOnly, "ưu": openOnly,
	// triphthongs
	"iêu": openOnly, "yêu": openOnly, "oai": openOnly, "oay": openOnly,
	"oao": openOnly, "oeo": openOnly, "uây": openOnly, "uôi": openOnly,
	"ươi": openOnly, "ươu": openOnly, "uyu": openOnly, "uya": openOnly,
}

// nuclei is nucleiByName keyed by nucleusKey.
var nuclei = func() map[uint16]int {
	m := map[uint16]int{}
	for name, kind := range nucleiByName {
		k, ok := nucleusKey([]rune(name))
		if !ok {
			panic("vntext: bad nucleus " + name)
		}
		m[k] = kind
	}
	return m
}()

// nucleusKey packs a vowel cluster of up to three vowels into a number:
// four bits per vowel, its index in vowelBases plus one.
func nucleusKey(rs []rune) (uint16, bool) {
	if len(rs) == 0 || len(rs) > 3 {
		return 0, false
	}
	var k uint16
	for _, r := range rs {
		i := vowelIndex(r)
		if i < 0 {
			return 0, false
		}
		k = k<<4 | uint16(i+1)
	}
	return k, true
}

func vowelIndex(r rune) int {
	switch r {
	case 'a':
		return 0
	case 'ă':
		return 1
	case 'â':
		return 2
	case 'e':
		return 3
	case 'ê':
		return 4
	case 'i':
		return 5
	case 'o':
		return 6
	case 'ô':
		return 7
	case 'ơ':
		return 8
	case 'u':
		return 9
	case 'ư':
		return 10
	case 'y':
		return 11
	}
	return -1
}

func mustKey(name string) uint16 {
	k, ok := nucleusKey([]rune(name))
	if !ok {
		panic("vntext: bad nucleus " + name)
	}
	return k
}

// Nuclei after which c and ng cannot stand.
var (
	keyI, keyE2, keyY, keyUE2, keyUY = mustKey("i"), mustKey("ê"), mustKey("y"), mustKey("uê"), mustKey("uy")
)

// codaOf returns the final consonant spelled by rs, if it is one.
func codaOf(rs []rune) (string, bool) {
	switch len(rs) {
	case 0:
		return "", true
	case 1:
		switch rs[0] {
		case 'c':
			return "c", true
		case 'm':
			return "m", true
		case 'n':
			return "n", true
		case 'p':
			return "p", true
		case 't':
			return "t", true
		}
	case 2:
		switch {
		case rs[0] == 'c' && rs[1] == 'h':
			return "ch", true
		case rs[0] == 'n' && rs[1] == 'g':
			return "ng", true
		case rs[0] == 'n' && rs[1] == 'h':
			return "nh", true
		}
	}
	return "", false
}

// parseSyllable parses the letters of one word as a Vietnamese syllable.
// It reports false when the word is not one.
func parseSyllable(ls []letterInfo) (syllable, bool) {
	var sy syllable
	sy.tonePos = -1
	if len(ls) == 0 || len(ls) > 8 {
		return sy, false
	}
	var buf [8]rune
	bases := buf[:len(ls)]
	for i, l := range ls {
		if !l.ok {
			return sy, false
		}
		bases[i] = l.base
		if l.tone != toneNone {
			if sy.tonePos >= 0 {
				return sy, false // two tones
			}
			sy.tone, sy.tonePos = l.tone, i
		}
	}
	// Onset: the longest listed prefix that leaves a vowel after it.
	start := 0
	for _, on := range onsets {
		n := utf8.RuneCountInString(on)
		if n >= len(bases) || !hasPrefixRunes(bases, on) {
			continue
		}
		if !isVowelBase(bases[n]) {
			if on == "gi" {
				continue // "gìn": g + i
			}
			continue
		}
		start = n
		sy.onset = on
		break
	}
	if sy.onset == "" && !isVowelBase(bases[0]) {
		return sy, false
	}
	end := start
	for end < len(bases) && isVowelBase(bases[end]) {
		end++
	}
	if end == start {
		return sy, false
	}
	sy.nucStart, sy.nucEnd = start, end
	key, ok := nucleusKey(bases[start:end])
	if !ok {
		return sy, false
	}
	sy.nucleus = key
	kind, ok := nuclei[key]
	if !ok {
		return sy, false
	}
	if sy.coda, ok = codaOf(bases[end:]); !ok {
		return sy, false
	}
	if sy.coda == "" && kind == closedOnly || sy.coda != "" && kind == openOnly {
		return sy, false
	}
	// The tone must sit on a vowel of the nucleus (or on the i of "gi"
	// when the nucleus itself is i-less, as in "gịa" misspellings: no).
	if sy.tonePos >= 0 && (sy.tonePos < start || sy.tonePos >= end) {
		return sy, false
	}
	// Stop codas take only sắc or nặng.
	switch sy.coda {
	case "p", "t", "c", "ch":
		if sy.tone != toneAcute && sy.tone != toneDot {
			return sy, false
		}
	}
	first := bases[start]
	front := first == 'i' || first == 'e' || first == 'ê' || first == 'y'
	switch sy.onset {
	case "k":
		if !front {
			return sy, false
		}
	case "gh", "ngh":
		if first != 'i' && first != 'e' && first != 'ê' {
			return sy, false
		}
	case "c", "ng", "g":
		if first == 'e' || first == 'ê' || (first == 'i' && sy.onset != "g") || first == 'y' {
			return sy, false
		}
	case "qu":
		if first == 'u' || first == 'o' {
			return sy, false
		}
	case "gi":
		if first == 'i' {
			return sy, false
		}
	}
	// Palatal codas follow a, ê, i, y only.
	if sy.coda == "ch" || sy.coda == "nh" {
		last := bases[end-1]
		if last != 'a' && last != 'ê' && last != 'i' && last != 'y' {
			return sy, false
		}
	}
	if sy.coda == "c" || sy.coda == "ng" {
		switch sy.nucleus {
		case keyI, keyE2, keyY, keyUE2, keyUY:
			return sy, false
		}
	}
	return sy, true
}

func hasPrefixRunes(rs []rune, p string) bool {
	i := 0
	for _, r := range p {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// ValidSyllable reports whether s is one well-formed Vietnamese syllable:
// an optional onset (b, ch, ngh, qu, gi, ...), a vowel cluster that exists
// in the language (oa, ươ, uyê, iêu, ...), an optional final consonant the
// cluster allows (c, ch, m, n, ng, nh, p, t) and at most one tone mark,
// placed on a vowel; stop finals (p, t, c, ch) take only sắc or nặng, and
// the spelling rules k/gh/ngh before i, e, ê hold. Case does not matter and
// s may be NFC or NFD. Both tone-placement styles (hòa, hoà) are valid.
// Letters outside the Vietnamese alphabet (f, j, w, z) make s invalid.
func ValidSyllable(s string) bool {
	_, ok := syllableOf(s)
	return ok
}

// syllableOf parses s (NFC or not) as a syllable.
func syllableOf(s string) (syllable, bool) {
	if s == "" || len(s) > 40 {
		return syllable{}, false
	}
	var buf [8]letterInfo
	ls := buf[:0]
	for _, r := range s {
		if r >= 0x300 && r < 0x370 {
			// combining marks: compose first (rare; decoders give NFC)
			n := norm.NFC.String(s)
			if n == s {
				return syllable{}, false // a mark that composes with nothing
			}
			return syllableOf(n)
		}
		if len(ls) == len(buf) {
			return syllable{}, false
		}
		l := splitLetter(r)
		if !l.ok || r == 'f' || r == 'j' || r == 'w' || r == 'z' ||
			r == 'F' || r == 'J' || r == 'W' || r == 'Z' {
			return syllable{}, false
		}
		ls = append(ls, l)
	}
	return parseSyllable(ls)
}

// rareNuclei are vowel clusters of a handful of words (ngoao, ngoẹo,
// khuỷu, khuya, thuở). As evidence for an encoding they weigh nothing.
var rareNuclei = map[uint16]bool{
	mustKey("oao"): true, mustKey("oeo"): true,
	mustKey("uyu"): true, mustKey("uya"): true, mustKey("uơ"): true,
}

// keyOO is the oo of a few loanwords (xoong, boong, goòng). VNI text read
// as TCVN3 is full of it (VNI "Coäng" → "Coọng" for Cộng), so detection
// counts it against an encoding.
var keyOO = mustKey("oo")

// validRunes is ValidSyllable for NFC runes.
func validRunes(rs []rune) bool {
	var buf [8]letterInfo
	ls := buf[:0]
	for _, r := range rs {
		if len(ls) == len(buf) {
			return false
		}
		l := splitLetter(r)
		if !l.ok || r == 'f' || r == 'j' || r == 'w' || r == 'z' ||
			r == 'F' || r == 'J' || r == 'W' || r == 'Z' {
			return false
		}
		ls = append(ls, l)
	}
	_, ok := parseSyllable(ls)
	return ok
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
