package vntext

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Score counts the words of a text that are, and are not, Vietnamese.
type Score struct {
	Valid   int // words with a non-ASCII letter that are valid syllables
	Invalid int // words with a non-ASCII character that are not
}

// Net is Valid minus Invalid: the evidence that a text is well-decoded
// Vietnamese.
func (s Score) Net() int { return s.Valid - s.Invalid }

// ScoreText scores s for detection and repair: it splits s at whitespace
// and ASCII punctuation and looks at the words that hold a non-ASCII
// character. A word is valid when it is a Vietnamese syllable (see
// ValidSyllable) with a common vowel cluster: rare ones (khuỷu, ngoẹo)
// count neither way, and the oo of "xoong", which misread VNI is full of,
// counts as invalid; a word that holds a non-ASCII character and is not one
// (mojibake such as "Quy®Þnh", "Vieät", "Cáº¥p") is invalid. Words made of
// punctuation only (“ ” – …), words without a vowel (abbreviations such as
// "Đ", "QĐ") and plain-ASCII words do not count.
func ScoreText(s string) Score {
	var sc Score
	start := -1
	nonASCII, letters := false, false
	end := func(i int) {
		if start >= 0 && nonASCII && letters {
			switch wordVerdict(s[start:i]) {
			case verdictInvalid:
				sc.Invalid++
			case verdictValid:
				sc.Valid++
			}
		}
		start, nonASCII, letters = -1, false, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || isASCIIPunct(c) {
				end(i)
			} else {
				if start < 0 {
					start = i
				}
				if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
					letters = true
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x1E00 && r < 0x1F00 || r >= 0xC0 && r < 0x250 && r != 0xD7 && r != 0xF7 {
			// Latin letters (every Vietnamese one): no separator
			if start < 0 {
				start = i
			}
			nonASCII, letters = true, true
			i += n
			continue
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || unicode.Is(unicode.Pi, r) || unicode.Is(unicode.Pf, r) || r == '…' {
			end(i)
			i += n
			continue
		}
		if start < 0 {
			start = i
		}
		nonASCII = true
		if unicode.IsLetter(r) {
			letters = true
		}
		i += n
	}
	end(len(s))
	return sc
}

// What a word with a non-ASCII letter tells ScoreText.
const (
	verdictNeutral int8 = iota // no vowel, or a rare vowel cluster
	verdictValid
	verdictInvalid
)

// verdicts caches wordVerdict: a text repeats a few thousand syllables,
// and detection scores each text several times. The cache is bounded; once
// full, new words are computed each time.
var verdicts = struct {
	sync.RWMutex
	m map[string]int8
}{m: map[string]int8{}}

// maxVerdicts bounds the verdict cache (about 2 MB when full).
const maxVerdicts = 1 << 15

// wordVerdict says whether w, a word holding a non-ASCII character, is a
// valid Vietnamese syllable with a common vowel cluster (valid), carries
// no evidence (neutral: no vowel, a rare cluster), or is not one
// (invalid, and so is the oo of "xoong", see ScoreText).
func wordVerdict(w string) int8 {
	verdicts.RLock()
	v, ok := verdicts.m[w]
	verdicts.RUnlock()
	if ok {
		return v
	}
	v = verdictNeutral
	if hasVowel(w) {
		if sy, ok := syllableOf(w); !ok || sy.nucleus == keyOO {
			v = verdictInvalid
		} else if !rareNuclei[sy.nucleus] {
			v = verdictValid
		}
	}
	if len(w) <= 32 {
		verdicts.Lock()
		if len(verdicts.m) < maxVerdicts {
			verdicts.m[strings.Clone(w)] = v
		}
		verdicts.Unlock()
	}
	return v
}

// hasVowel reports whether w holds a Vietnamese vowel letter or a letter
// outside the Vietnamese alphabet; consonant-only words ("Đ", "TP", "QĐ")
// are abbreviations and carry no evidence.
func hasVowel(w string) bool {
	for _, r := range w {
		l := splitLetter(r)
		if !l.ok || isVowelBase(l.base) {
			return true
		}
	}
	return false
}

func isASCIIPunct(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '-', '/', '\\', '*', '&', '%', '#', '+', '=', '<', '>', '|', '~', '`', '^', '_', '@', '$':
		return true
	}
	return false
}

// candidates are the legacy encodings Decode weighs, in order of preference
// on a tie: TCVN3 was the most used 8-bit Vietnamese encoding in official
// documents, VNI the second; a short run such as "S\xe8" reads as a valid
// syllable in several ("Số" in TCVN3, "Sè" in CP1258).
var candidates = []struct {
	name  string
	enc   encoding.Encoding // the decoder of the output
	score encoding.Encoding // the decoder whose output is scored
}{
	{"tcvn3", TCVN3Mixed, TCVN3},
	{"vni", VNI, VNI},
	{"cp1258", CP1258, CP1258},
	{"viscii", VISCII, VISCII},
}

// decodeWith decodes b with enc, returning "" on a decoder error (the
// decoders here do not fail, but a transform error must not panic).
func decodeWith(enc encoding.Encoding, b []byte) string {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		return ""
	}
	return string(out)
}

// Decode detects the encoding of a text file's bytes and returns the text as
// NFC UTF-8, the name of the encoding and any warnings. In order:
//
//   - a BOM (UTF-8, UTF-16LE, UTF-16BE) decides: "utf-8", "utf-16le",
//     "utf-16be";
//   - valid UTF-8 (plain ASCII included) is always "utf-8", never repaired;
//   - UTF-16 without a BOM shows as NUL bytes in alternate positions;
//   - text that is UTF-8 but for a few invalid bytes is "utf-8", with the
//     invalid sequences replaced by U+FFFD and a warning;
//   - otherwise each legacy encoding (cp1258, tcvn3, vni, viscii) decodes
//     the text and the one with the most valid Vietnamese syllables wins
//     (see ScoreText). Lines that another encoding decodes clearly better
//     are decoded with it (a file can mix TCVN3 and VNI), with a warning.
//     Text with no Vietnamese evidence at all is read as "cp1252".
func Decode(b []byte) (text, enc string, warnings []string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], xunicode.LittleEndian, "utf-16le")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], xunicode.BigEndian, "utf-16be")
	}
	if utf8.Valid(b) {
		return norm.NFC.String(string(b)), "utf-8", nil
	}
	if order, ok := sniffUTF16(b); ok {
		if order == xunicode.LittleEndian {
			return decodeUTF16(b, order, "utf-16le")
		}
		return decodeUTF16(b, order, "utf-16be")
	}
	if mostlyUTF8(b) {
		return decodeUTF8(b)
	}
	return decodeLegacy(b)
}

func decodeUTF8(b []byte) (string, string, []string) {
	if utf8.Valid(b) {
		return norm.NFC.String(string(b)), "utf-8", nil
	}
	var sb strings.Builder
	sb.Grow(len(b))
	bad, first := 0, -1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			// one U+FFFD per maximal run of invalid bytes
			if first < 0 {
				first = i
			}
			for i < len(b) {
				r, n = utf8.DecodeRune(b[i:])
				if r != utf8.RuneError || n != 1 {
					break
				}
				i++
			}
			sb.WriteRune(utf8.RuneError)
			bad++
			continue
		}
		sb.Write(b[i : i+n])
		i += n
	}
	return norm.NFC.String(sb.String()), "utf-8", []string{invalidWarning(bad, first, "UTF-8")}
}

// invalidWarning words the warning for n invalid sequences replaced by
// U+FFFD, the first at byte offset first (of the input after any BOM;
// -1 when unknown): "replaced 3 invalid UTF-8 sequences (first at byte
// 1234)".
func invalidWarning(n, first int, enc string) string {
	noun := "sequences"
	if n == 1 {
		noun = "sequence"
	}
	w := fmt.Sprintf("replaced %d invalid %s %s", n, enc, noun)
	if first >= 0 {
		w += fmt.Sprintf(" (first at byte %d)", first)
	}
	return w
}

func decodeUTF16(b []byte, order xunicode.Endianness, name string) (string, string, []string) {
	var warnings []string
	if len(b)%2 == 1 {
		warnings = append(warnings, "odd number of bytes in UTF-16 text: last byte dropped")
		b = b[:len(b)-1]
	}
	out, _, err := transform.Bytes(xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder(), b)
	if err != nil {
		return "", name, append(warnings, fmt.Sprintf("utf-16 decoding: %v", err))
	}
	if n := bytes.Count(out, []byte("\uFFFD")); n > 0 {
		first := -1
		if i := bytes.Index(out, []byte("\uFFFD")); i >= 0 {
			// UTF-16 units before the first replacement, in input bytes
			first = 2 * len(utf16.Encode([]rune(string(out[:i]))))
		}
		warnings = append(warnings, invalidWarning(n, first, "UTF-16"))
	}
	return norm.NFC.String(string(out)), name, warnings
}

// sniffUTF16 recognises BOM-less UTF-16 by its NUL bytes: in text that is
// mostly Latin script, every other byte is 0.
func sniffUTF16(b []byte) (xunicode.Endianness, bool) {
	n := len(b)
	if n > 8192 {
		n = 8192
	}
	n &^= 1
	if n < 4 {
		return xunicode.BigEndian, false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*4 && even*20 < pairs:
		return xunicode.LittleEndian, true
	case even*10 >= pairs*4 && odd*20 < pairs:
		return xunicode.BigEndian, true
	}
	return xunicode.BigEndian, false
}

// mostlyUTF8 reports whether b is UTF-8 with a few damaged bytes: many valid
// multi-byte sequences and runs of invalid bytes fewer than one in twenty
// of them (a truncated sequence or two stray continuation bytes are one
// damage, as Decode replaces them by one U+FFFD).
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	inBad := false
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			inBad = false
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if !inBad {
				bad++
			}
			inBad = true
		} else {
			multi++
			inBad = false
		}
		i += n
	}
	return multi >= 4 && bad*20 < multi
}

// sampleSize bounds the bytes Decode scores to choose a document's
// encoding.
const sampleSize = 64 << 10

// decodeLegacy picks the best legacy decoding for the document, then
// re-decodes the lines another encoding reads clearly better.
func decodeLegacy(b []byte) (string, string, []string) {
	// Score a sample: the document's encoding shows in its first pages;
	// mixLines then looks at every line.
	sample := b
	if len(sample) > sampleSize {
		sample = sample[:sampleSize]
		if i := bytes.LastIndexByte(sample, '\n'); i > sampleSize/2 {
			sample = sample[:i+1]
		}
	}
	best, bestScore, bestValid := -1, 0, 0
	bestText := ""
	for i, c := range candidates {
		t := decodeWith(c.score, sample)
		sc := ScoreText(t)
		if best < 0 || sc.Net() > bestScore {
			best, bestScore, bestValid, bestText = i, sc.Net(), sc.Valid, t
		}
	}
	if len(sample) < len(b) {
		bestText = ""
	}
	if bestValid == 0 {
		out := decodeWith(charmap.Windows1252, b)
		return norm.NFC.String(out), "cp1252", []string{"no Vietnamese text found: read as cp1252"}
	}
	text, switched := mixLines(b, best, bestText)
	var warnings []string
	if len(switched) > 0 {
		var parts []string
		for _, c := range candidates {
			if n := switched[c.name]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d lines as %s", n, c.name))
			}
		}
		warnings = append(warnings, "mixed encodings: "+strings.Join(parts, ", "))
	}
	return norm.NFC.String(text), candidates[best].name, warnings
}

// mixLines decodes b line by line with the document's encoding, switching
// to another candidate on lines where that one is clearly better, and
// reports how many lines switched to which encoding. scored is b decoded
// with the best candidate's scoring decoder, or "" when not at hand.
func mixLines(b []byte, best int, scored string) (string, map[string]int) {
	c := candidates[best]
	if scored == "" {
		scored = decodeWith(c.score, b)
	}
	out := scored
	if c.score != c.enc {
		out = decodeWith(c.enc, b)
	}
	// LF decodes to LF in every candidate and ends a decoder's state, so
	// the text decoded once splits into the lines decoded one by one.
	byteLines := bytes.SplitAfter(b, []byte("\n"))
	scoreLines := strings.SplitAfter(scored, "\n")
	outLines := strings.SplitAfter(out, "\n")
	if len(byteLines) != len(scoreLines) || len(byteLines) != len(outLines) {
		return out, nil
	}
	var switched map[string]int
	for i, line := range scoreLines {
		if isASCII(line) {
			continue // nothing to decode otherwise
		}
		bs := ScoreText(line)
		if bs.Invalid == 0 {
			continue
		}
		chosen, top := best, bs.Net()
		for j, alt := range candidates {
			if j == best {
				continue
			}
			as := ScoreText(decodeWith(alt.score, byteLines[i]))
			if as.Net() >= top+2 && as.Invalid < bs.Invalid && as.Valid > bs.Valid {
				chosen, top = j, as.Net()
			}
		}
		if chosen != best {
			if switched == nil {
				switched = map[string]int{}
			}
			switched[candidates[chosen].name]++
			outLines[i] = decodeWith(candidates[chosen].enc, byteLines[i])
		}
	}
	if switched == nil {
		return out, nil
	}
	return strings.Join(outLines, ""), switched
}
