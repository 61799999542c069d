package vntext

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The legacy Vietnamese encodings. Each is an x/text Encoding: its decoder
// streams (it composes with transform.Reader and transform.Chain, and keeps
// no whole-file copy) and yields NFC UTF-8. Their encoders write '?' for a
// rune the encoding cannot represent.
var (
	// TCVN3 is TCVN 5712:1993 VN3 ("ABC", the .VnTime/.VnTimeH fonts).
	// Bytes 0x80..0x9F decode as Windows-1252 punctuation (“ ” – …), which
	// is what Word writes with .VnTime fonts. TCVN3 has no precomposed
	// toned capitals: a capital-font (.VnTimeH) heading arrives as
	// "QUYếT ĐịNH"; the decoder upper-cases a word whose other letters are
	// all capitals ("QUYẾT ĐỊNH"), and a word of otherwise ambiguous case
	// that follows such a word on the same line unless the next word was
	// typed in lowercase ("UBND, Sở Tài chính" keeps "Sở").
	TCVN3 encoding.Encoding = &legacy{name: "tcvn3", newDec: func() transform.Transformer { return &tcvn3Decoder{strict: true} }, enc: tcvn3Enc}
	// TCVN3Mixed is TCVN3 for text that a TCVN3 font run holds but that was
	// partly typed in another keyboard mode: a word that is no Vietnamese
	// syllable in TCVN3 but is one read as Windows-1252 ("nhi\xean" → nhiên,
	// not nhiờn) is read so. Use it for output, not to weigh TCVN3 against
	// other encodings: the fallback makes VNI text score as TCVN3.
	TCVN3Mixed encoding.Encoding = &legacy{name: "tcvn3", newDec: func() transform.Transformer { return &tcvn3Decoder{} }, enc: tcvn3Enc}
	// VNI is VNI-Windows (VNI-Times and the other VNI- fonts): a letter is
	// an ASCII base followed by a diacritic byte ("Vieät" = Việt), and đ ơ
	// ư ị ỉ ĩ ỵ ì í are single bytes.
	VNI encoding.Encoding = &legacy{name: "vni", newDec: func() transform.Transformer { return &vniDecoder{} }, enc: vniEnc}
	// VISCII is RFC 1456 VISCII, a single-byte table that also uses six C0
	// positions for capitals.
	VISCII encoding.Encoding = &legacy{name: "viscii", newDec: func() transform.Transformer { return &tableDecoder{table: &visciiTable} }, enc: visciiEnc}
	// CP1258 is Windows-1258 followed by NFC: the code page writes many
	// letters as a base letter plus a combining tone byte.
	CP1258 encoding.Encoding = &legacy{name: "cp1258", newDec: func() transform.Transformer {
		return transform.Chain(charmap.Windows1258.NewDecoder(), norm.NFC)
	}, enc: cp1258Enc}
)

// legacy is an encoding.Encoding built from a decoder constructor and a
// rune → bytes function for the encoder.
type legacy struct {
	name   string
	newDec func() transform.Transformer
	enc    func(dst []byte, r rune) []byte
}

func (e *legacy) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: e.newDec()}
}

func (e *legacy) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: &runeEncoder{enc: e.enc}}
}

func (e *legacy) String() string { return e.name }

// cp1252Rune decodes one byte as Windows-1252, with the five holes
// (0x81 0x8D 0x8F 0x90 0x9D) read as the C1 controls Latin-1 has there.
func cp1252Rune(b byte) rune {
	r := charmap.Windows1252.DecodeByte(b)
	if r == utf8.RuneError {
		return rune(b)
	}
	return r
}

// tableDecoder decodes a single-byte encoding given as a 256-rune table.
type tableDecoder struct {
	transform.NopResetter
	table *[256]rune
}

func (d *tableDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf && d.table[c] == rune(c) {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r := d.table[c]
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc++
	}
	return nDst, nSrc, nil
}

// tcvn3Rune decodes one TCVN3 byte.
func tcvn3Rune(b byte) rune {
	switch {
	case b < 0x80:
		return rune(b)
	case b < 0xA0:
		return cp1252Rune(b)
	}
	return tcvn3High[b-0xA0]
}

// maxWord bounds the bytes a word-buffering decoder holds back.
const maxWord = 48

// tcvn3Decoder decodes TCVN3 a word at a time, so that it can restore the
// case of words set in a capital font.
type tcvn3Decoder struct {
	strict   bool // no Windows-1252 fallback (for scoring in detection)
	prevCaps bool // the previous word on this line was all capitals
	word     []rune
}

func (d *tcvn3Decoder) Reset() { d.prevCaps = false }

func (d *tcvn3Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		r := tcvn3Rune(c)
		if !tcvn3Word[c] {
			if nDst+utf8.RuneLen(r) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], r)
			nSrc++
			if c == '\n' || c == '\r' || c == '.' || c == ':' {
				d.prevCaps = false
			}
			continue
		}
		end := nSrc
		for end < len(src) && end-nSrc < maxWord && tcvn3Word[src[end]] {
			end++
		}
		if end == len(src) && !atEOF && end-nSrc < maxWord {
			return nDst, nSrc, transform.ErrShortSrc
		}
		d.word = d.word[:0]
		for _, b := range src[nSrc:end] {
			d.word = append(d.word, tcvn3Rune(b))
		}
		if latin, ok := d.fallback(src[nSrc:end]); ok {
			d.word = append(d.word[:0], latin...)
			d.prevCaps = false
		} else {
			prevCaps := d.prevCaps
			if prevCaps && needsContext(d.word) {
				lower, ok := nextWordLower(src[end:], atEOF)
				if !ok {
					return nDst, nSrc, transform.ErrShortSrc
				}
				prevCaps = !lower
			}
			var caps bool
			d.word, caps = recaseTCVN3(d.word, prevCaps)
			d.prevCaps = caps
		}
		n := 0
		for _, r := range d.word {
			n += utf8.RuneLen(r)
		}
		if nDst+n+8 > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		if hasCombining(d.word) {
			nDst += copy(dst[nDst:], norm.NFC.String(string(d.word)))
		} else {
			for _, r := range d.word {
				nDst += utf8.EncodeRune(dst[nDst:], r)
			}
		}
		nSrc = end
	}
	return nDst, nSrc, nil
}

func hasCombining(rs []rune) bool {
	for _, r := range rs {
		if r >= 0x300 && r < 0x370 {
			return true
		}
	}
	return false
}

// tcvn3Word marks the bytes whose TCVN3 reading continues a word
// (isWordRune of tcvn3Rune), for the decoder's inner loop.
var tcvn3Word = func() (t [256]bool) {
	for b := range t {
		t[b] = isWordRune(tcvn3Rune(byte(b)))
	}
	return t
}()

// isWordRune reports whether r continues a word for recasing.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || r >= 0x300 && r < 0x370
}

// fallback is latinFallback for the word in d.word, in the mixed decoder
// only (the strict one never falls back, so it does not look).
func (d *tcvn3Decoder) fallback(b []byte) ([]rune, bool) {
	if d.strict {
		return nil, false
	}
	return latinFallback(b, d.word)
}

// latinFallback handles a word that a TCVN3 run holds in Windows-1252
// instead (Word documents mix keyboard modes: "nhiên" typed as ê, not as
// TCVN3's 0xD5): when the TCVN3 reading is no Vietnamese syllable and the
// Windows-1252 reading is one, it returns the latter.
func latinFallback(b []byte, tcvn []rune) ([]rune, bool) {
	high, vn1 := false, false
	for _, c := range b {
		if c >= 0xC0 {
			high = true
		}
		if vn1Only[c] {
			vn1 = true
		}
	}
	if !high || len(b) > 8 || !vn1 && validRunes(tcvn) {
		return nil, false
	}
	var buf [8]rune
	rs := buf[:len(b)]
	for i, c := range b {
		rs[i] = cp1252Rune(c)
	}
	if !validRunes(rs) {
		return nil, false
	}
	return append([]rune(nil), rs...), true
}

// needsContext reports whether recaseTCVN3 decides the case of a decoded
// word from the words around it: the word has lowercase-coded toned
// letters and fewer than two letters that tell the case ("Sở", "Tổ").
func needsContext(w []rune) bool {
	tell, ambiguous := 0, 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', caseTelling(r):
			tell++
		case unicode.IsLower(r):
			ambiguous++
		}
	}
	return ambiguous > 0 && tell < 2
}

// caseTelling reports whether TCVN3 writes r in both cases (ă â ê ô ơ ư đ
// and their capitals), so that its case is what was typed.
func caseTelling(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ':
		return true
	}
	return false
}

// nextWordLower looks at the TCVN3 word after the current one on the same
// line and reports whether a letter of it was typed in lowercase (an ASCII
// lowercase letter or one of ă â ê ô ơ ư đ). A line end, or no word within
// a few separator bytes, counts as no lowercase. ok is false when src ends
// before that is known and more input may come.
func nextWordLower(src []byte, atEOF bool) (lower, ok bool) {
	const maxGap = 8
	i := 0
	for ; i < len(src) && i < maxGap; i++ {
		c := src[i]
		if c == '\n' || c == '\r' || c == '.' || c == ':' {
			return false, true
		}
		if isWordRune(tcvn3Rune(c)) {
			break
		}
	}
	if i == maxGap {
		return false, true
	}
	for j := i; j < len(src) && j-i < maxWord; j++ {
		r := tcvn3Rune(src[j])
		if !isWordRune(r) {
			return false, true
		}
		if r >= 'a' && r <= 'z' || caseTelling(r) && unicode.IsLower(r) {
			return true, true
		}
		if j+1-i == maxWord {
			return false, true
		}
	}
	return false, atEOF
}

// vn1Only marks the bytes that only TCVN 5712 VN1 fills (capitals such as
// 0xE0 Ổ): TCVN3 (VN3) text does not use them, so a word holding one was
// not typed in TCVN3.
var vn1Only = func() (t [256]bool) {
	for _, b := range []byte{0xAF, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xCD, 0xD9, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF} {
		t[b] = true
	}
	return t
}()

// recaseTCVN3 upper-cases a decoded TCVN3 word typed in a capital font.
// Letters that TCVN3 writes in both cases (ASCII and ă â ê ô ơ ư đ) tell
// the case; the toned lowercase codes do not. A word is upper-cased when
// its case-telling letters are all capitals and there are two or more of
// them, or the previous word on the line was all capitals.
// It reports whether the word is now all capitals with a vowel (so that an
// abbreviation such as "SXTN" does not capitalise the next word).
func recaseTCVN3(w []rune, prevCaps bool) ([]rune, bool) {
	upper, lower, ambiguous, vowels := 0, 0, 0, 0
	for _, r := range w {
		l := splitLetter(r)
		if l.ok && isVowelBase(l.base) {
			vowels++
		}
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		case r == 'Ă' || r == 'Â' || r == 'Ê' || r == 'Ô' || r == 'Ơ' || r == 'Ư' || r == 'Đ':
			upper++
		case r == 'ă' || r == 'â' || r == 'ê' || r == 'ô' || r == 'ơ' || r == 'ư' || r == 'đ':
			lower++
		case unicode.IsLower(r):
			ambiguous++
		}
	}
	if lower > 0 {
		return w, false
	}
	if ambiguous == 0 {
		return w, upper >= 2 && vowels > 0
	}
	if upper >= 2 || prevCaps {
		for i, r := range w {
			w[i] = unicode.ToUpper(r)
		}
		return w, true
	}
	return w, false
}

// VNI-Windows modifier bytes: quality and tone they add.
type vniMod struct {
	quality rune // 0, 'â' (circumflex), 'ă' (breve)
	tone    uint8
	ok      bool
}

var vniMods = func() (t [256]vniMod) {
	set := func(lo, up byte, q rune, tone uint8) {
		t[lo] = vniMod{q, tone, true}
		t[up] = vniMod{q, tone, true}
	}
	set(0xF9, 0xD9, 0, toneAcute) // ù Ù
	set(0xF8, 0xD8, 0, toneGrave) // ø Ø
	set(0xFB, 0xDB, 0, toneHook)  // û Û
	set(0xF5, 0xD5, 0, toneTilde) // õ Õ
	set(0xEF, 0xCF, 0, toneDot)   // ï Ï
	set(0xE2, 0xC2, 'â', toneNone)
	set(0xE1, 0xC1, 'â', toneAcute)
	set(0xE0, 0xC0, 'â', toneGrave)
	set(0xE5, 0xC5, 'â', toneHook)
	set(0xE3, 0xC3, 'â', toneTilde)
	set(0xE4, 0xC4, 'â', toneDot)
	set(0xEA, 0xCA, 'ă', toneNone)
	set(0xE9, 0xC9, 'ă', toneAcute)
	set(0xE8, 0xC8, 'ă', toneGrave)
	set(0xFA, 0xDA, 'ă', toneHook)
	set(0xFC, 0xDC, 'ă', toneTilde)
	set(0xEB, 0xCB, 'ă', toneDot)
	return t
}()

// vniSolo maps the single-byte VNI letters.
var vniSolo = map[byte]rune{
	0xF1: 'đ', 0xD1: 'Đ', 0xF4: 'ơ', 0xD4: 'Ơ', 0xF6: 'ư', 0xD6: 'Ư',
	0xF2: 'ị', 0xD2: 'Ị', 0xE6: 'ỉ', 0xC6: 'Ỉ', 0xF3: 'ĩ', 0xD3: 'Ĩ',
	0xEC: 'ì', 0xCC: 'Ì', 0xED: 'í', 0xCD: 'Í', 0xEE: 'ỵ', 0xCE: 'Ỵ',
}

// vniSoloTab is vniSolo as a table (0: not a single-byte letter).
var vniSoloTab = func() (t [256]rune) {
	for b, r := range vniSolo {
		t[b] = r
	}
	return t
}()

// vniBase returns the lowercase base letter a VNI byte starts, and its case.
func vniBase(b byte) (base rune, upper, ok bool) {
	switch b {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return rune(b), false, true
	case 'A', 'E', 'I', 'O', 'U', 'Y':
		return rune(b) + 'a' - 'A', true, true
	case 0xF4:
		return 'ơ', false, true
	case 0xD4:
		return 'ơ', true, true
	case 0xF6:
		return 'ư', false, true
	case 0xD6:
		return 'ư', true, true
	}
	return 0, false, false
}

// vniCombine applies a modifier to a base vowel, reporting false when the
// pair is not a VNI letter.
func vniCombine(base rune, m vniMod) (rune, bool) {
	if !m.ok {
		return 0, false
	}
	b := base
	switch m.quality {
	case 'â':
		switch base {
		case 'a':
			b = 'â'
		case 'e':
			b = 'ê'
		case 'o':
			b = 'ô'
		default:
			return 0, false
		}
	case 'ă':
		if base != 'a' {
			return 0, false
		}
		b = 'ă'
	}
	if m.tone == toneNone {
		return b, b != base
	}
	r, ok := compose[[2]rune{b, rune(m.tone)}]
	return r, ok
}

// vniDecoder decodes VNI-Windows, holding back a base vowel until the next
// byte shows whether a diacritic follows. A tone byte typed after a
// circumflex or breve byte (the font draws both over the letter) is
// composed with them: "vie\xe2\xefc" reads "việc"; one typed after the
// space or punctuation that follows an untoned vowel goes on that vowel:
// "s\xf4 \xfbba\xe8ng" reads "sở bằng".
type vniDecoder struct{ transform.NopResetter }

func (d *vniDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		var r rune
		size := 1
		if base, upper, ok := vniBase(c); ok {
			if nSrc+1 == len(src) && !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			r = vniDecodeByte(c)
			if nSrc+1 < len(src) {
				m := vniMods[src[nSrc+1]]
				if l, ok := vniCombine(base, m); ok {
					r, size = l, 2
					if m.quality != 0 && m.tone == toneNone {
						// A tone byte after a circumflex or breve byte
						// ("vie\xe2\xefc"): the font draws both marks
						// over the letter, so it reads "việc".
						if nSrc+2 == len(src) && !atEOF {
							return nDst, nSrc, transform.ErrShortSrc
						}
						if nSrc+2 < len(src) {
							if t := vniMods[src[nSrc+2]]; t.ok && t.quality == 0 {
								if l2, ok := compose[[2]rune{l, rune(t.tone)}]; ok {
									r, size = l2, 3
								}
							}
						}
					}
					if upper {
						r = unicode.ToUpper(r)
					}
				}
			}
			// A tone byte typed after the space or punctuation that
			// follows an untoned vowel ("s\xf4 \xfbba\xe8ng") belongs to
			// that vowel: a tone byte never stands alone in VNI text.
			if k := nSrc + size; k+1 >= len(src) && !atEOF && k < len(src) && straySep(src[k]) {
				return nDst, nSrc, transform.ErrShortSrc
			} else if k+1 < len(src) && straySep(src[k]) {
				if t := vniMods[src[k+1]]; t.ok && t.quality == 0 {
					if l2, ok := compose[[2]rune{unicode.ToLower(r), rune(t.tone)}]; ok {
						if unicode.IsUpper(r) {
							l2 = unicode.ToUpper(l2)
						}
						if nDst+utf8.RuneLen(l2)+1 > len(dst) {
							return nDst, nSrc, transform.ErrShortDst
						}
						nDst += utf8.EncodeRune(dst[nDst:], l2)
						dst[nDst] = src[k]
						nDst++
						nSrc = k + 2
						continue
					}
				}
			}
		} else {
			r = vniDecodeByte(c)
		}
		if r < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = byte(r)
			nDst++
		} else {
			if nDst+utf8.RuneLen(r) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], r)
		}
		nSrc += size
	}
	return nDst, nSrc, nil
}

// straySep reports whether c may stand between a vowel and the tone byte
// the typist meant for it: a space or closing punctuation.
func straySep(c byte) bool {
	switch c {
	case ' ', ')', ',', '.', ';', ':', '"', '\'':
		return true
	}
	return false
}

// vniDecodeByte decodes one VNI byte standing alone.
func vniDecodeByte(c byte) rune {
	if c < utf8.RuneSelf {
		return rune(c)
	}
	if r := vniSoloTab[c]; r != 0 {
		return r
	}
	return cp1252Rune(c)
}

// runeEncoder is a transform.Transformer that encodes UTF-8 with a per-rune
// function.
type runeEncoder struct {
	transform.NopResetter
	enc func(dst []byte, r rune) []byte
}

func (e *runeEncoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	var buf [8]byte
	for nSrc < len(src) {
		r, n := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && n < 4 && !utf8.FullRune(src[nSrc:]) && !atEOF {
			return nDst, nSrc, transform.ErrShortSrc
		}
		out := e.enc(buf[:0], r)
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc += n
	}
	return nDst, nSrc, nil
}

// reverseTables are the encoders' tables, from Unicode back to the legacy
// bytes. Only encoding needs them (fixtures, tests), so they are built on
// first use.
type reverseTables struct {
	tcvn3  map[rune]byte
	viscii map[rune]byte
	vni    map[rune]string
}

// reverse returns the reverse tables, building them on the first call.
var reverse = sync.OnceValue(buildReverse)

// buildReverse builds the encoders' reverse tables from the decoders'.
func buildReverse() *reverseTables {
	t := &reverseTables{tcvn3: map[rune]byte{}, viscii: map[rune]byte{}, vni: map[rune]string{}}
	for b := 0xFF; b >= 0x80; b-- {
		r := tcvn3Rune(byte(b))
		if r >= 0x300 && r < 0x370 {
			continue
		}
		t.tcvn3[r] = byte(b)
	}
	for b := 0; b < 256; b++ {
		t.viscii[visciiTable[b]] = byte(b)
	}
	for b := 0x80; b < 0x100; b++ {
		if _, ok := vniSolo[byte(b)]; !ok {
			if r := cp1252Rune(byte(b)); r >= 0xA0 && r < 0x100 {
				continue // Latin-1 letters clash with modifier bytes
			}
			t.vni[cp1252Rune(byte(b))] = string(rune(b))
		}
	}
	bases := []byte("aeiouyAEIOUY\xf4\xd4\xf6\xd6")
	for _, c := range bases {
		base, upper, _ := vniBase(c)
		for m := 0xFF; m >= 0xC0; m-- {
			mod := vniMods[m]
			if !mod.ok || upper != (m < 0xE0) {
				continue
			}
			if r, ok := vniCombine(base, mod); ok {
				if upper {
					r = unicode.ToUpper(r)
				}
				t.vni[r] = string([]byte{c, byte(m)})
			}
		}
	}
	for b, r := range vniSolo {
		t.vni[r] = string([]byte{b})
	}
	return t
}

func tcvn3Enc(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, byte(r))
	}
	if b, ok := reverse().tcvn3[r]; ok {
		return append(dst, b)
	}
	// toned capitals: the lowercase code, as typed in a .VnTimeH font
	if b, ok := reverse().tcvn3[unicode.ToLower(r)]; ok {
		return append(dst, b)
	}
	return append(dst, '?')
}

func visciiEnc(dst []byte, r rune) []byte {
	if b, ok := reverse().viscii[r]; ok {
		return append(dst, b)
	}
	return append(dst, '?')
}

func vniEnc(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, byte(r))
	}
	if s, ok := reverse().vni[r]; ok {
		return append(dst, s...)
	}
	return append(dst, '?')
}

func cp1258Enc(dst []byte, r rune) []byte {
	if b, ok := charmap.Windows1258.EncodeRune(r); ok {
		return append(dst, b)
	}
	l := splitLetter(r)
	if l.ok && l.tone != toneNone {
		base := composeLetter(l.base, toneNone, l.upper)
		if b, ok := charmap.Windows1258.EncodeRune(base); ok {
			t, _ := charmap.Windows1258.EncodeRune(toneMarks[l.tone])
			return append(dst, b, t)
		}
	}
	return append(dst, '?')
}
