package vntext

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldSlowNFD is foldSlow as written first, with a string for the
// decomposition: the reference for the allocation-free one.
func foldSlowNFD(r rune) rune {
	switch r {
	case 'đ', 'Đ', 'ð', 'Ð':
		return 'd'
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	l := unicode.ToLower(r)
	d := norm.NFD.String(string(l))
	for _, x := range d {
		if !unicode.Is(unicode.Mn, x) {
			return x
		}
	}
	return l
}

// TestFoldSlowMatchesNFD checks that foldSlow, which decomposes into a
// buffer on the stack, folds every rune of the Basic Multilingual Plane as
// the plain NFD string does.
func TestFoldSlowMatchesNFD(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ { // the Basic Multilingual Plane
		if a, b := foldSlow(r), foldSlowNFD(r); a != b {
			t.Fatalf("foldSlow(%U) = %U, want %U", r, a, b)
		}
	}
}
