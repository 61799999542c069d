package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Glossary returns the built-in abbreviations (../shared/domain.md §3), each
// with Source "builtin".
func Glossary() []Abbreviation { return nil }

// Expand returns s with every abbreviation of abbrs that occurs in it as a
// whole word replaced by its long form, or "" when none occurs. Longer
// short forms win over shorter ones that they contain.
func Expand(s string, abbrs []Abbreviation) string {
	if s == "" || len(abbrs) == 0 {
		return ""
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		best := -1
		for k, a := range abbrs {
			if a.Short == "" || a.Long == "" || !strings.HasPrefix(s[i:], a.Short) {
				continue
			}
			if !wordBoundary(s, i, i+len(a.Short)) {
				continue
			}
			if best < 0 || len(a.Short) > len(abbrs[best].Short) {
				best = k
			}
		}
		if best >= 0 {
			b.WriteString(abbrs[best].Long)
			i += len(abbrs[best].Short)
			changed = true
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	if !changed {
		return ""
	}
	return b.String()
}

// wordBoundary reports whether s[start:end] is not glued to a letter or
// digit on either side.
func wordBoundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
