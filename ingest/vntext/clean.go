package vntext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Byte classes of the ASCII fast path of Clean.
const (
	bcKeep  = iota // copy
	bcSpace        // horizontal space: ' ', '\t', '\v'
	bcLF           // '\n'
	bcCR           // '\r'
	bcFF           // '\f', kept as a page break
	bcDrop         // other C0 controls and DEL
	bcMulti        // first byte of a multi-byte rune
)

var cleanClass = func() (t [256]uint8) {
	for i := 0; i < 0x20; i++ {
		t[i] = bcDrop
	}
	t[0x7F] = bcDrop
	t[' '], t['\t'], t['\v'] = bcSpace, bcSpace, bcSpace
	t['\n'], t['\r'], t['\f'] = bcLF, bcCR, bcFF
	for i := 0x80; i < 0x100; i++ {
		t[i] = bcMulti
	}
	return t
}()

// runeClass classifies a non-ASCII rune for Clean.
func runeClass(r rune) uint8 {
	switch r {
	case 0x00A0, 0x202F, 0x1680, 0x205F, 0x3000, 0x180E:
		return bcSpace
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
		return bcDrop
	case 0x2028, 0x2029, 0x0085:
		return bcLF
	}
	if r >= 0x2000 && r <= 0x200A {
		return bcSpace
	}
	if r >= 0x80 && r < 0xA0 {
		return bcDrop // C1 controls
	}
	return bcKeep
}

// Clean returns s in NFC with its whitespace made regular. It is what every
// reader applies to its output:
//
//   - CRLF and CR become LF; U+2028, U+2029 and NEL become LF;
//   - tabs, VT, NBSP (U+00A0, U+202F) and the other Unicode spaces become
//     one space, runs of spaces collapse to one, lines are trimmed at both
//     ends;
//   - zero-width characters (U+200B..U+200D, U+2060, U+FEFF), soft hyphens
//     (U+00AD), C0 controls other than \t \n \f \r, and C1 controls are
//     removed; invalid UTF-8 bytes become U+FFFD;
//   - at most one blank line separates paragraphs, and the text has no
//     leading or trailing blank lines;
//   - "\f" (a page break) is kept; spaces next to it are dropped.
//
// Clean is idempotent and never changes letters, so offsets in Clean's
// output are stable under a second Clean.
func Clean(s string) string {
	if cleanIsClean(s) {
		return norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false // a space seen since the last kept character
	newlines := 0         // newlines seen since the last kept character
	lineEmpty := true     // nothing kept on the current line yet
	started := false      // something kept in the whole text
	emit := func() {
		// flush pending separators before a kept character
		if newlines > 0 {
			if started {
				b.WriteByte('\n')
				if newlines > 1 {
					b.WriteByte('\n')
				}
			}
			newlines = 0
			pendingSpace = false
		}
		if pendingSpace {
			if !lineEmpty {
				b.WriteByte(' ')
			}
			pendingSpace = false
		}
		lineEmpty = false
		started = true
	}
	for i := 0; i < len(s); {
		// Copy a span of characters that need no work in one go.
		if j := keepSpan(s, i); j > i {
			emit()
			b.WriteString(s[i:j])
			i = j
			continue
		}
		c := s[i]
		cls := cleanClass[c]
		size := 1
		if cls == bcMulti {
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			cls = runeClass(r)
			if r == utf8.RuneError && n == 1 {
				emit()
				b.WriteString("\uFFFD")
				i++
				continue
			}
		}
		switch cls {
		case bcKeep:
			emit()
			b.WriteString(s[i : i+size])
		case bcSpace:
			pendingSpace = true
		case bcCR:
			if i+1 < len(s) && s[i+1] == '\n' {
				break // the LF that follows counts
			}
			newlines++
			lineEmpty = true
			pendingSpace = false
		case bcLF:
			newlines++
			lineEmpty = true
			pendingSpace = false
		case bcFF:
			pendingSpace = false
			emit()
			b.WriteByte('\f')
			lineEmpty = true // no space after a page break
		case bcDrop:
		}
		i += size
	}
	return norm.NFC.String(b.String())
}

// cleanIsClean reports whether s needs no whitespace work: no byte or rune
// that Clean rewrites, no double space, no space at a line end or start, no
// run of blank lines, no leading or trailing newline.
func cleanIsClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[0] == '\n' || s[len(s)-1] == ' ' || s[len(s)-1] == '\n' {
		return false
	}
	var prev byte = 'x'
	var prev2 byte = 'x'
	for i := 0; i < len(s); {
		c := s[i]
		switch cleanClass[c] {
		case bcKeep:
			prev2, prev = prev, c
			i++
			continue
		case bcSpace:
			if c != ' ' || prev == ' ' || prev == '\n' || prev == '\f' {
				return false
			}
			if i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\f') {
				return false
			}
		case bcLF:
			if prev == '\n' && prev2 == '\n' {
				return false
			}
		case bcFF:
		case bcMulti:
			r, n := utf8.DecodeRuneInString(s[i:])
			if runeClass(r) != bcKeep || r == utf8.RuneError && n == 1 {
				return false // a rune to rewrite, or an invalid byte
			}
			prev2, prev = prev, 'x'
			i += n
			continue
		default:
			return false
		}
		prev2, prev = prev, c
		i++
	}
	return true
}

// keepSpan returns the end of the run of characters from s[i] that Clean
// copies unchanged.
func keepSpan(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if cleanClass[c] != bcKeep {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || runeClass(r) != bcKeep {
			return i
		}
		i += n
	}
	return i
}
