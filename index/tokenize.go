package index

import (
	"math"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// The word tokenizer of the text analyzers. Bleve's unicode tokenizer
// (blevesearch/segment: Unicode 8.0 word boundaries, UAX #29, compiled by
// Ragel) spends most of its time in its state machine and allocates per
// word; wordSpans finds exactly the same words, with the same offsets and
// types, by a direct scan of the characters Vietnamese text is made of
// (ASCII, the Latin letters, the usual quotes and dashes), and hands every
// stretch of text holding another character to the unicode tokenizer.
// TestWordSpansCorpus and FuzzWordSpans compare the two.

// wordSpan is one word of a text: its byte range and token type.
type wordSpan struct {
	start, end uint32
	typ        analysis.TokenType
}

// wbClass is the word-break class (UAX #29, Unicode 8.0, as
// blevesearch/segment reads it) of a character the scan knows.
type wbClass uint8

const (
	// wbUnknown: a character the scan leaves to the unicode tokenizer.
	wbUnknown wbClass = iota
	// wbOther breaks on both sides: spaces, line ends, most punctuation.
	wbOther
	wbLetter       // ALetter
	wbNumeric      // Numeric
	wbExtendNumLet // ExtendNumLet: "_" joins letters and digits
	wbMidLetter    // MidLetter: ":" and "·" join two letters
	wbMidNum       // MidNum: "," and ";" join two digits
	// wbMidNumLet joins two letters or two digits: MidNumLet (".", "‘",
	// "’") and Single_Quote ("'"), which behaves the same with no Hebrew
	// letter about.
	wbMidNumLet
)

// asciiClass is the class of each ASCII byte. The control characters are
// Other but for CR, LF, VT and FF, which are line breaks (also Other to the
// scan: none of them is part of a word). The double quote is Other here
// (it joins only Hebrew letters).
var asciiClass = func() (t [utf8.RuneSelf]wbClass) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = wbLetter
		case c >= '0' && c <= '9':
			t[c] = wbNumeric
		case c == '_':
			t[c] = wbExtendNumLet
		case c == ':':
			t[c] = wbMidLetter
		case c == ',' || c == ';':
			t[c] = wbMidNum
		case c == '.' || c == '\'':
			t[c] = wbMidNumLet
		default:
			t[c] = wbOther
		}
	}
	return t
}()

// runeClass is the class of a character outside ASCII, wbUnknown for the
// ones the scan does not know.
func runeClass(r rune) wbClass {
	switch {
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7,
		r >= 0x1E00 && r <= 0x1EFF:
		// Latin-1 letters, Latin Extended-A and -B, Latin Extended
		// Additional (every precomposed Vietnamese letter).
		return wbLetter
	case r == 0xAA, r == 0xB5, r == 0xBA:
		return wbLetter
	case r == 0x2018, r == 0x2019:
		return wbMidNumLet
	case r == 0xB7:
		return wbMidLetter
	case r >= 0xA0 && r <= 0xBF && r != 0xAD,
		r == 0xD7, r == 0xF7,
		r >= 0x2010 && r <= 0x2017,
		r >= 0x201A && r <= 0x2023,
		r == 0x2025, r == 0x2026,
		r >= 0x2030 && r <= 0x203E:
		// No-break space, signs, superscript digits and punctuation of
		// Latin-1 (not the soft hyphen, a Format character), dashes,
		// quotes, bullets, the ellipsis, per mille and primes.
		return wbOther
	}
	return wbUnknown
}

// classAt returns the class of the character at in[i] and its length.
func classAt(in []byte, i int) (wbClass, int) {
	if c := in[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, n := utf8.DecodeRune(in[i:])
	return runeClass(r), n
}

// safeAfter reports whether a chunk of text may end after byte c when an
// ASCII byte follows: c is a separator that no word rule joins to anything
// (not CR, which joins LF, nor the double quote, which joins Hebrew
// letters), so the unicode tokenizer finds the same words in the text
// before and after the break as in the whole.
func safeAfter(c byte) bool {
	return c < utf8.RuneSelf && asciiClass[c] == wbOther && c != '\r' && c != '"'
}

// wordSpans appends the words of in to dst: the words Bleve's unicode
// tokenizer finds, with the same offsets and types.
func wordSpans(dst []wordSpan, in []byte) []wordSpan {
	if len(in) > math.MaxUint32 || !utf8.Valid(in) {
		// The segmenter stops at the first invalid byte: let it.
		return segmentSpans(dst, in, 0)
	}
	chunk, chunkWords := 0, len(dst) // the current chunk's start and first word
	for i := 0; i < len(in); {
		c, n := classAt(in, i)
		switch c {
		case wbLetter, wbNumeric, wbExtendNumLet:
			end, typ, ok := scanWord(in, i, c, n)
			if !ok {
				dst = dst[:chunkWords]
				i = nextSafe(in, i)
				dst = segmentSpans(dst, in[chunk:i], chunk)
				chunk, chunkWords = i, len(dst)
				continue
			}
			dst = append(dst, wordSpan{start: uint32(i), end: uint32(end), typ: typ})
			i = end
		case wbUnknown:
			dst = dst[:chunkWords]
			i = nextSafe(in, i)
			dst = segmentSpans(dst, in[chunk:i], chunk)
			chunk, chunkWords = i, len(dst)
		default:
			// A separator, or a joiner with nothing to join: no word.
			i += n
			if safeAfter(in[i-1]) && (i == len(in) || in[i] < utf8.RuneSelf) {
				chunk, chunkWords = i, len(dst)
			}
		}
	}
	return dst
}

// scanWord returns the end of the word that starts at in[i] with a
// character of class c and length n, and its type; ok is false when the
// word meets a character the scan does not know.
//
// A word is a run of letters, digits and "_" in which a single MidLetter
// or MidNumLet may stand between two letters and a single MidNum or
// MidNumLet between two digits (UAX #29 rules WB5–WB13b without Hebrew
// and Katakana). It is numeric when it holds a digit and no letter.
func scanWord(in []byte, i int, c wbClass, n int) (end int, typ analysis.TokenType, ok bool) {
	last := c
	letter, digit := c == wbLetter, c == wbNumeric
	j := i + n
scan:
	for j < len(in) {
		c, n := classAt(in, j)
		switch c {
		case wbLetter, wbNumeric, wbExtendNumLet:
			last = c
			letter = letter || c == wbLetter
			digit = digit || c == wbNumeric
			j += n
			continue
		case wbMidLetter, wbMidNum, wbMidNumLet:
			joins := c == wbMidNumLet || (c == wbMidLetter) == (last == wbLetter)
			if !joins || (last != wbLetter && last != wbNumeric) || j+n == len(in) {
				break scan
			}
			next, m := classAt(in, j+n)
			if next == wbUnknown {
				return 0, 0, false
			}
			if next != last {
				break scan
			}
			j += n + m
			continue
		case wbUnknown:
			return 0, 0, false
		}
		break
	}
	typ = analysis.AlphaNumeric
	if digit && !letter {
		typ = analysis.Numeric
	}
	return j, typ, true
}

// nextSafe returns the first place after in[i] where a chunk may end (the
// end of in when there is none).
func nextSafe(in []byte, i int) int {
	for i++; i < len(in); i++ {
		if safeAfter(in[i-1]) && in[i] < utf8.RuneSelf {
			return i
		}
	}
	return len(in)
}

// segmentSpans appends the words the unicode tokenizer finds in chunk,
// which starts at byte off of the text.
func segmentSpans(dst []wordSpan, chunk []byte, off int) []wordSpan {
	for _, t := range unicode.NewUnicodeTokenizer().Tokenize(chunk) {
		dst = append(dst, wordSpan{start: uint32(off + t.Start), end: uint32(off + t.End), typ: t.Type})
	}
	return dst
}
